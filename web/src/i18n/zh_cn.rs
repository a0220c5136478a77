//! 简体中文.

use super::{FixText, Text};

/// 简体中文.
pub static ZH_CN: Text = Text {
    switch_language: "English",
    page_title: "csrcraft：私钥就地生成、从不离开的证书签名请求",
    tagline: "证书签名请求（CSR）：私钥在此页面中生成，也只留在此页面中。",
    theme_system: "主题：跟随系统",
    theme_light: "主题：浅色",
    theme_dark: "主题：深色",
    theme_button: |theme| format!("{theme}（点击切换）"),
    step_spec: "描述证书",
    step_kubernetes: "Kubernetes CertificateSigningRequest",
    step_generate: "生成私钥和 CSR",
    step_try: "不用集群试一试",
    step_verify: "检查签发回来的证书",
    footer: "一切都在此页面中运行。加载完成后不再发出任何网络请求；私钥从不存储，也从不发送。与 csrcraft 命令行工具使用同一个核心。",
    edition: |version| format!("csrcraft {version}"),
    edition_offline: |version, sha256| {
        format!(
            "csrcraft {version} 离线版：整个应用都在这一个文件中。其 wasm 的 SHA-256（运行前已校验）：{sha256}"
        )
    },
    confirm_regenerate: "生成新的私钥？此页面中的私钥将被丢弃，且没有任何其他副本。如有需要，请先下载 server-key.pem。",
    confirm_forget: "丢弃私钥？它只存在于此页面中；如有需要，请先下载 server-key.pem。",
    unload_warning: "私钥只存在于此页面中，离开后将会丢失。",

    saved: |file| format!("已保存 {file}（在此页面中生成，而非从任何地方下载）。"),
    save_failed: |file, why| format!("无法保存 {file}：{why}"),
    save_no_document: "页面没有 document",
    save_no_blob: "无法创建 Blob",
    save_no_url: "无法创建 URL",
    save_no_link: "无法创建下载链接",
    copied: |what| format!("已复制到剪贴板：{what}。"),
    copy_refused: |what| format!("复制失败（{what}）：浏览器拒绝访问剪贴板。"),
    generated: |algorithm| format!("已生成 {algorithm} 私钥及其 CSR；私钥只保存在此页面的内存中。"),

    badge_error: "错误",
    badge_warning: "警告",
    badge_note: "提示",

    load_example: "载入 Kubernetes 教程中的示例",
    spec_not_usable: "尚不可用",
    spec_valid: "配置有效",
    spec_json_label: "cfssl CSR JSON（即 cfssl genkey 的输入）",
    form_common_name: "通用名称（CN）",
    form_hosts: "主机（subjectAltNames），每行一个",
    form_hosts_hint: "DNS 名称、IP 地址、电子邮件地址和 URI。第 n 行即提示中的 hosts[n-1]。",
    form_algo: "密钥算法",
    form_size: "密钥长度（位）",
    form_size_fixed: "256（固定）",
    form_names: "主体名称",
    name_country: "国家（C）",
    name_state: "省份（ST）",
    name_locality: "城市（L）",
    name_organization: "组织（O）",
    name_unit: "部门（OU）",
    remove: "删除",
    remove_names_entry: |n| format!("删除第 {n} 个 names 条目"),
    add_names_entry: "+ 添加 names 条目",

    k8s_name: "名称（metadata.name）",
    k8s_name_placeholder: "由 CN 得出",
    k8s_expiration: "有效期（如 24h、90d；留空则使用签名者的默认值）",
    k8s_signer: "签名者（spec.signerName）",
    k8s_own_signer: "自己的签名者…",
    k8s_own_signer_name: "签名者名称（domain/path 形式）",
    signer_kube_apiserver_client: "API 服务器的客户端证书（CN = 用户，O = 组）；从不自动批准",
    signer_kube_apiserver_client_kubelet: "kubelet 的客户端证书（O=system:nodes，CN=system:node:NAME）；节点的请求会自动批准",
    signer_kubelet_serving: "kubelet 的服务证书（O=system:nodes，CN=system:node:NAME，DNS/IP SAN）；从不自动批准",
    signer_legacy_unknown: "certificates.k8s.io/v1 不接受此签名者",
    signer_eks_app_serving: "EKS：工作负载的服务证书，由集群 CA 签名",
    signer_custom: "由你自己运行的签名者：用自己的 CA 为 CSR 签名（例如 cfssl sign），再把证书上传到 status.certificate。",
    k8s_usages: "用途（spec.usages）",
    k8s_default_usages: "此签名者和密钥的默认值",
    k8s_reset_usages: "恢复默认值",
    lint_title: "签名者会签发吗？",
    lint_checking: "检查中…",
    lint_generated: "已生成的 CSR",
    lint_stale: "上次生成的 CSR（此后配置已修改）",
    lint_preview: "根据配置生成的预览 CSR（使用一次性密钥）",
    lint_checked: |about| format!("检查对象：{about}。"),
    lint_refused: |errors| format!("✗ 签名者不会签发：{errors} 个错误。"),
    lint_clean: "✓ 没有签名者会拒绝的问题。",
    lint_fix: "修正：",
    lint_fix_spec: |error| format!("请先修正配置：{error}"),
    lint_rsa_waits: "生成 RSA 密钥需要一些时间：点击生成按钮后，检查会针对生成的 CSR 运行。",
    lint_no_preview: |error| format!("无法生成预览 CSR：{error}"),
    lint_fixes: FIXES,

    generate: "生成私钥和 CSR",
    generate_again: "重新生成私钥和 CSR",
    generating: |kind, seconds| format!("正在用 WebCrypto 生成 {kind} 密钥… {seconds} 秒"),
    generate_hint: "密钥由浏览器的 WebCrypto 在页面线程之外生成：页面始终保持响应。",
    webcrypto_unavailable: "此处无法使用 WebCrypto（crypto.subtle）：请通过 https 或从 localhost 打开此页面",
    key_format: "私钥 PEM",
    key_format_cfssl: "与 cfssl 相同（SEC1 / PKCS#1）",
    forget_key: "丢弃私钥",
    outputs_stale: "生成此私钥和 CSR 之后配置已修改；请重新生成以应用修改。",
    output_csr: "CSR (server.csr)",
    output_key: "私钥（server-key.pem）",
    output_key_hint: "只存在于此页面的内存中。离开前请下载：重新加载页面就会丢失。",
    output_key_encrypted_hint: "已用你的口令加密（ENCRYPTED PRIVATE KEY）：没有口令，任何人（包括你）都无法读取。私钥本身只存在于此页面的内存中。",
    key_passphrase: "私钥口令（可选）",
    key_passphrase_hint: "设置口令后，复制或下载的私钥（以及 cfssl JSON 中的私钥）会用它加密为 PKCS#8：PBES2，PBKDF2-HMAC-SHA256（600,000 次迭代）和 AES-256-CBC，与 openssl pkcs8 -topk8 -v2 aes-256-cbc 写出的相同；openssl 和 csrcraft --passphrase-file 都能读取。下面的 Secret 中的私钥不加密：Pod 无法解密私钥。",
    key_encrypting: "正在用口令加密私钥…",
    output_manifest: "CertificateSigningRequest (csr.yaml)",
    output_manifest_pending: "正在生成清单…",
    output_manifest_needs_csr: "请先生成私钥和 CSR。",
    output_cfssl_json: "cfssl JSON（供 cfssljson -bare server 使用）",
    copy: "复制",
    download: |file| format!("下载 {file}"),
    next_title: "接下来，下载 csr.yaml 后执行",
    next_copy_all: "全部复制",
    next_copy_command: |command| format!("复制：{command}"),
    next_the_commands: "全部命令",
    next_the_command: "命令",

    verify_cert: "证书：PEM、base64，或 `kubectl get csr NAME -o yaml` 的输出",
    verify_cert_placeholder: "-----BEGIN CERTIFICATE-----\n…\n或将 server.crt 拖放到这里",
    verify_ca: "CA 证书",
    verify_ca_placeholder: "-----BEGIN CERTIFICATE-----\n…\n或将 ca.crt 拖放到这里",
    verify_open_file: "打开文件…",
    verify_host: "要检查的主机名（可选）",
    verify_with_key: "私钥匹配检查使用此页面内存中的私钥，请求匹配检查使用在此生成的 CSR。",
    verify_without_key: "在此页面中生成（或保留）私钥，即可同时检查私钥和 CSR 是否匹配。",
    verify_waiting: "粘贴或拖放证书即可检查。",
    verify_passed: "✓ 通过：所有检查均已通过。",
    verify_failed: |failures| format!("✗ 未通过：{failures} 项检查失败。"),
    verify_column_check: "检查项",
    verify_column_result: "结果",
    verify_column_why: "原因",
    check_signature_chain: "签名链",
    check_validity: "有效期",
    check_key_match: "私钥匹配",
    check_request_match: "请求匹配",
    check_hostname: "主机名",
    check_usage: "用途",
    outcome_pass: "通过",
    outcome_fail: "失败",
    outcome_skip: "跳过",
    inspect_title: "证书内容（inspect）",
    try_intro: "此页面中生成的测试 CA（P-256，仅本次访问有效；其私钥从不存储、发送或提供下载）按第 2 步所选签名者在 CSR 获批后的做法处理生成的 CSR：相同的签名者、用途和有效期，规则与 kube-controller-manager 相同。",
    try_needs_csr: "请先生成私钥和 CSR：测试 CA 签发的是生成的 CSR。",
    try_making_ca: "正在生成测试 CA…",
    try_refused: "被拒绝：API 服务器不会创建这个 CertificateSigningRequest，任何签名者都看不到它。",
    try_failed: |signer| {
        format!("{signer} 会在批准后使这个 CSR 失败：CSR 得到下面的状况，没有证书。")
    },
    try_issued: |signer| {
        format!("已签发：{signer} 会放进 status.certificate 的证书，由测试 CA 签名。")
    },
    try_own_controller: "kube-controller-manager 只为 kubernetes.io 签名者签发：这是按其策略签名的签名者会签发的证书；在集群中，由你的签名者自己的控制器决定。",
    try_verify_title: "用测试 CA、私钥和 CSR 验证",
    output_certificate: "证书（status.certificate）",
    output_secret: "kubernetes.io/tls Secret（含 tls.crt、tls.key、ca.crt）",
    output_secret_hint: "其中的私钥未加密，与 kubectl create secret tls 写出的一样：Pod 无法解密私钥。请勿放入版本控制。",
    output_test_ca: "测试 CA 证书（ca.crt）",
    output_test_ca_hint: "供客户端和 openssl verify -CAfile ca.crt 使用；它只在本次访问中存在，在其他任何地方都不受信任。",
};

/// The end of the in-tree signers' fixes for a CSR they would fail.
macro_rules! failed {
    (en) => {
        "as it is, approving it ends Approved,Failed (SignerValidationFailure) with no certificate"
    };
    (zh) => {
        "按现在的内容，批准后它会以 Approved,Failed（SignerValidationFailure）结束，不会签发证书"
    };
}

/// What works for a workload's serving certificate.
macro_rules! serving_alternatives {
    (en) => {
        "for a workload's serving certificate use a custom signer such as example.com/serving with your own CA (csrcraft lint --signer example.com/serving shows the steps), or beta.eks.amazonaws.com/app-serving on EKS"
    };
    (zh) => {
        "工作负载的服务证书请使用自定义签名者（如 example.com/serving）和你自己的 CA（csrcraft lint --signer example.com/serving 会列出步骤），在 EKS 上可使用 beta.eks.amazonaws.com/app-serving"
    };
}

/// The fix both kubelet signers give for a wrong organization.
macro_rules! only_system_nodes {
    (en) => {
        concat!(
            "make system:nodes the only O: \"names\": [{\"O\": \"system:nodes\"}]; ",
            failed!(en)
        )
    };
    (zh) => {
        concat!(
            "让 system:nodes 成为唯一的 O：\"names\": [{\"O\": \"system:nodes\"}]；",
            failed!(zh)
        )
    };
}

/// `kubernetes.io/kube-apiserver-client-kubelet` for a subject that is not a node.
macro_rules! kubelet_client_not_a_node {
    (en) => {
        "this signer is only for kubelets' client certificates (O=system:nodes, CN=system:node:NODE); for a user's client certificate use kubernetes.io/kube-apiserver-client"
    };
    (zh) => {
        "此签名者只用于 kubelet 的客户端证书（O=system:nodes，CN=system:node:NODE）；用户的客户端证书请使用 kubernetes.io/kube-apiserver-client"
    };
}

/// `kubernetes.io/kubelet-serving` for a subject that is not a node.
macro_rules! kubelet_serving_not_a_node {
    (en) => {
        concat!(
            "kubernetes.io/kubelet-serving signs only kubelets' own serving certificates (O=system:nodes, CN=system:node:NODE); ",
            serving_alternatives!(en)
        )
    };
    (zh) => {
        concat!(
            "kubernetes.io/kubelet-serving 只签发 kubelet 自己的服务证书（O=system:nodes，CN=system:node:NODE）；",
            serving_alternatives!(zh)
        )
    };
}

/// A fix of `rule`: the core's English (`{}` for each value) and the 简体中文.
macro_rules! fix {
    ($rule:literal, $en:expr, $zh:expr $(,)?) => {
        FixText {
            rule: $rule,
            en: $en,
            text: $zh,
        }
    };
}

/// The lint fixes in 简体中文, in the core's order (`api.rs`, `signers.rs`, `guidance.rs`).
static FIXES: &[FixText] = &[
    fix!(
        "api/pem-label",
        "relabel the PEM block (the bytes inside stay as they are): -----BEGIN CERTIFICATE REQUEST----- and -----END CERTIFICATE REQUEST-----, e.g. sed -i 's/{}/CERTIFICATE REQUEST/' server.csr",
        "修改 PEM 块的标签（其中的字节保持不变）：-----BEGIN CERTIFICATE REQUEST----- 和 -----END CERTIFICATE REQUEST-----，例如 sed -i 's/{}/CERTIFICATE REQUEST/' server.csr",
    ),
    fix!(
        "api/signature-unchecked",
        "the API server checks it on create; to be sure, make the CSR again with csrcraft gencsr --key KEY SPEC",
        "API 服务器会在创建时检查它；如需确认，请用 csrcraft gencsr --key KEY SPEC 重新生成 CSR",
    ),
    fix!(
        "api/signature",
        "the CSR was changed after it was signed, or signed with another key; make it again: csrcraft gencsr --key KEY SPEC",
        "CSR 在签名后被修改过，或是用另一个私钥签名的；请重新生成：csrcraft gencsr --key KEY SPEC",
    ),
    fix!(
        "api/signer-legacy-unknown",
        "choose a v1 signer: kubernetes.io/kube-apiserver-client for a user's client certificate, or a custom signer such as example.com/serving whose CA you run (beta.eks.amazonaws.com/app-serving on EKS)",
        "请选择 v1 的签名者：用户的客户端证书用 kubernetes.io/kube-apiserver-client，其他证书用自己运行 CA 的自定义签名者，如 example.com/serving（在 EKS 上用 beta.eks.amazonaws.com/app-serving）",
    ),
    fix!(
        "api/signer-name",
        "use domain/path, e.g. example.com/serving, or a built-in signer: kubernetes.io/kube-apiserver-client, kubernetes.io/kube-apiserver-client-kubelet, kubernetes.io/kubelet-serving",
        "请使用 domain/path 形式，如 example.com/serving，或使用内置签名者：kubernetes.io/kube-apiserver-client、kubernetes.io/kube-apiserver-client-kubelet、kubernetes.io/kubelet-serving",
    ),
    fix!(
        "api/signer-not-built-in",
        "did you mean {}? the built-in signers are kubernetes.io/kube-apiserver-client, kubernetes.io/kube-apiserver-client-kubelet and kubernetes.io/kubelet-serving; kubernetes.io/ is reserved for them",
        "是否想用 {}？内置签名者有 kubernetes.io/kube-apiserver-client、kubernetes.io/kube-apiserver-client-kubelet 和 kubernetes.io/kubelet-serving；kubernetes.io/ 前缀专为它们保留",
    ),
    fix!(
        "api/usages-required",
        "give the usages, e.g. --usages \"{}\"",
        "请指定用途，例如 --usages \"{}\"",
    ),
    fix!(
        "api/usage-unsupported",
        "write \"{}\" (the API spells usages exactly so)",
        "请写作 \"{}\"（API 要求用途的拼写与此完全一致）",
    ),
    fix!(
        "api/usage-unsupported",
        "use one of: {}",
        "请使用以下之一：{}",
    ),
    fix!(
        "api/usage-duplicate",
        "list \"{}\" once",
        "\"{}\" 只需列出一次",
    ),
    fix!(
        "api/expiration-minimum",
        "ask for 600 seconds or more (given: {}), e.g. --expiration 1h",
        "请指定至少 600 秒（当前为 {}），例如 --expiration 1h",
    ),
    fix!(
        "api/expiration-range",
        "ask for at most 2147483647 seconds; the in-tree signers give at most --cluster-signing-duration (default 8760h) anyway",
        "最多只能指定 2147483647 秒；况且内置签名者签发的有效期最长也只是 --cluster-signing-duration（默认 8760h）",
    ),
    fix!(
        "admission/system-masters",
        "system:masters bypasses authorization and cannot be requested with a CSR: put the user in another group (e.g. \"O\": \"cluster-admins\") and bind it: kubectl create clusterrolebinding cluster-admins --clusterrole=cluster-admin --group=cluster-admins",
        "system:masters 会绕过鉴权，不能通过 CSR 申请：把用户放进另一个组（例如 \"O\": \"cluster-admins\"），再为该组绑定角色：kubectl create clusterrolebinding cluster-admins --clusterrole=cluster-admin --group=cluster-admins",
    ),
    fix!(
        "kube-apiserver-client/usage",
        concat!(
            "remove \"{}\": this signer allows only digital signature, key encipherment and client auth; ",
            failed!(en)
        ),
        concat!(
            "删除 \"{}\"：此签名者只允许 digital signature、key encipherment 和 client auth；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client/usage",
        concat!(
            "remove \"{}\": this signer allows only digital signature, key encipherment and client auth; ",
            failed!(en),
            "; ",
            serving_alternatives!(en)
        ),
        concat!(
            "删除 \"{}\"：此签名者只允许 digital signature、key encipherment 和 client auth；",
            failed!(zh),
            "；",
            serving_alternatives!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client/client-auth",
        concat!("add \"client auth\": --usages \"{}\"; ", failed!(en)),
        concat!("添加 \"client auth\"：--usages \"{}\"；", failed!(zh)),
    ),
    fix!(
        "kube-apiserver-client/common-name",
        "set the user name as the CN, e.g. \"CN\": \"alice\", and the groups as O values",
        "把用户名设为 CN，例如 \"CN\": \"alice\"，并把用户所属的组设为 O 的值",
    ),
    fix!(
        "kube-apiserver-client-kubelet/organization",
        only_system_nodes!(en),
        only_system_nodes!(zh),
    ),
    fix!(
        "kube-apiserver-client-kubelet/organization",
        concat!(kubelet_client_not_a_node!(en), "; ", failed!(en)),
        concat!(kubelet_client_not_a_node!(zh), "；", failed!(zh)),
    ),
    fix!(
        "kube-apiserver-client-kubelet/dns-san",
        concat!(
            "remove {} from \"hosts\": a kubelet client certificate names no hosts; ",
            failed!(en)
        ),
        concat!(
            "从 \"hosts\" 中删除 {}：kubelet 的客户端证书不含主机名；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client-kubelet/email-san",
        concat!(
            "remove {} from \"hosts\": a kubelet client certificate names no hosts; ",
            failed!(en)
        ),
        concat!(
            "从 \"hosts\" 中删除 {}：kubelet 的客户端证书不含主机名；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client-kubelet/ip-san",
        concat!(
            "remove {} from \"hosts\": a kubelet client certificate names no hosts; ",
            failed!(en)
        ),
        concat!(
            "从 \"hosts\" 中删除 {}：kubelet 的客户端证书不含主机名；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client-kubelet/uri-san",
        concat!(
            "remove {} from \"hosts\": a kubelet client certificate names no hosts; ",
            failed!(en)
        ),
        concat!(
            "从 \"hosts\" 中删除 {}：kubelet 的客户端证书不含主机名；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client-kubelet/common-name",
        concat!(
            "set the node's name as the CN: \"CN\": \"system:node:NODE\"; ",
            failed!(en)
        ),
        concat!(
            "把节点名设为 CN：\"CN\": \"system:node:NODE\"；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client-kubelet/common-name",
        concat!(
            "change the signer, as for the organization: CN=system:node:NODE is only for a kubelet; ",
            failed!(en)
        ),
        concat!(
            "与组织（O）一项相同，请更换签名者：CN=system:node:NODE 只用于 kubelet；",
            failed!(zh)
        ),
    ),
    fix!(
        "kube-apiserver-client-kubelet/usages",
        concat!(
            "request exactly these usages: --usages \"{}\"; ",
            failed!(en)
        ),
        concat!("只请求以下用途：--usages \"{}\"；", failed!(zh)),
    ),
    fix!(
        "kubelet-serving/organization",
        only_system_nodes!(en),
        only_system_nodes!(zh),
    ),
    fix!(
        "kubelet-serving/organization",
        concat!(kubelet_serving_not_a_node!(en), "; ", failed!(en)),
        concat!(kubelet_serving_not_a_node!(zh), "；", failed!(zh)),
    ),
    fix!(
        "kubelet-serving/san-required",
        concat!(
            "add the node's DNS names and IP addresses to \"hosts\", e.g. \"hosts\": [\"node-1.example.com\", \"10.0.0.11\"]; ",
            failed!(en)
        ),
        concat!(
            "把节点的 DNS 名称和 IP 地址加入 \"hosts\"，例如 \"hosts\": [\"node-1.example.com\", \"10.0.0.11\"]；",
            failed!(zh)
        ),
    ),
    fix!(
        "kubelet-serving/email-san",
        concat!(
            "remove {} from \"hosts\": only DNS names and IP addresses are allowed; ",
            failed!(en)
        ),
        concat!(
            "从 \"hosts\" 中删除 {}：只允许 DNS 名称和 IP 地址；",
            failed!(zh)
        ),
    ),
    fix!(
        "kubelet-serving/uri-san",
        concat!(
            "remove {} from \"hosts\": only DNS names and IP addresses are allowed; ",
            failed!(en)
        ),
        concat!(
            "从 \"hosts\" 中删除 {}：只允许 DNS 名称和 IP 地址；",
            failed!(zh)
        ),
    ),
    fix!(
        "kubelet-serving/usages",
        concat!(
            "request exactly these usages: --usages \"{}\"; ",
            failed!(en)
        ),
        concat!("只请求以下用途：--usages \"{}\"；", failed!(zh)),
    ),
    fix!(
        "kubelet-serving/common-name",
        concat!(
            "set the node's name as the CN: \"CN\": \"system:node:NODE\"; ",
            failed!(en)
        ),
        concat!(
            "把节点名设为 CN：\"CN\": \"system:node:NODE\"；",
            failed!(zh)
        ),
    ),
    fix!(
        "kubelet-serving/common-name",
        concat!(
            "change the signer, as for the organization: CN=system:node:NODE is only for a kubelet; ",
            failed!(en)
        ),
        concat!(
            "与组织（O）一项相同，请更换签名者：CN=system:node:NODE 只用于 kubelet；",
            failed!(zh)
        ),
    ),
    fix!(
        "eks-app-serving/usage",
        "remove \"{}\": --usages \"{}\"",
        "删除 \"{}\"：--usages \"{}\"",
    ),
    fix!(
        "usages/key-encipherment",
        "drop \"key encipherment\": --usages \"{}\" (every built-in signer accepts that)",
        "去掉 \"key encipherment\"：--usages \"{}\"（所有内置签名者都接受）",
    ),
    fix!(
        "serving/hosts",
        "add the names clients connect to in \"hosts\", e.g. \"hosts\": [\"my-svc.my-namespace.svc\", \"my-svc.my-namespace.svc.cluster.local\"]",
        "在 \"hosts\" 中加入客户端连接时使用的名称，例如 \"hosts\": [\"my-svc.my-namespace.svc\", \"my-svc.my-namespace.svc.cluster.local\"]",
    ),
    fix!(
        "signer/dropped-alt-names",
        "use DNS, IP, email or URI names, or a custom signer that keeps these",
        "请改用 DNS、IP、电子邮件或 URI 名称，或使用会保留这些名称的自定义签名者",
    ),
    fix!(
        "signer/dropped-extensions",
        "ask for key usages in spec.usages (--usages)",
        "请在 spec.usages 中请求密钥用途（--usages）",
    ),
    fix!(
        "signer/expiration-clamped",
        "ask for 8760h or less, or raise --cluster-signing-duration on kube-controller-manager",
        "请指定 8760h 或更短，或调大 kube-controller-manager 的 --cluster-signing-duration",
    ),
    fix!(
        "signer/expiration-clamped",
        "ask for 8760h or less",
        "请指定 8760h 或更短",
    ),
    fix!(
        "signer/approval",
        "create it with the node's or bootstrap token's credentials, or approve it: kubectl certificate approve NAME",
        "用节点或启动引导令牌（bootstrap token）的凭据创建它，或手动批准：kubectl certificate approve NAME",
    ),
    fix!(
        "signer/approval",
        "approve it: kubectl certificate approve NAME (or run an approver such as kubelet-csr-approver)",
        "手动批准：kubectl certificate approve NAME（或运行 kubelet-csr-approver 等批准器）",
    ),
    fix!(
        "signer/approval",
        "approve it: kubectl certificate approve NAME",
        "手动批准：kubectl certificate approve NAME",
    ),
    fix!(
        "signer/approval",
        "approve it: kubectl certificate approve NAME, or run your own approver",
        "手动批准：kubectl certificate approve NAME，或运行你自己的批准器",
    ),
    fix!(
        "signer/approve-permission",
        "give the approver a ClusterRole with the rules {apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [{}], verbs: [approve]} and {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]} (cluster-admin has both)",
        "为批准者授予包含以下规则的 ClusterRole：{apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [{}], verbs: [approve]} 和 {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}（cluster-admin 两者都有）",
    ),
    fix!(
        "signer/custom",
        "sign it with your CA and upload the result: kubectl get csr NAME -o jsonpath='{.spec.request}' | base64 -d > server.csr; cfssl sign -ca ca.pem -ca-key ca-key.pem server.csr | cfssljson -bare server; kubectl get csr NAME -o json | jq --arg c \"$(base64 -w0 < server.pem)\" '.status.certificate = $c' | kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/NAME/status -f -",
        "用你的 CA 签名，再上传结果：kubectl get csr NAME -o jsonpath='{.spec.request}' | base64 -d > server.csr; cfssl sign -ca ca.pem -ca-key ca-key.pem server.csr | cfssljson -bare server; kubectl get csr NAME -o json | jq --arg c \"$(base64 -w0 < server.pem)\" '.status.certificate = $c' | kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/NAME/status -f -",
    ),
    fix!(
        "kubelet-serving/eks-app-serving",
        "on EKS: csrcraft lint --signer beta.eks.amazonaws.com/app-serving CSR; elsewhere use a custom signer such as example.com/serving with your own CA",
        "在 EKS 上：csrcraft lint --signer beta.eks.amazonaws.com/app-serving CSR；在其他环境中，请使用自定义签名者（如 example.com/serving）和你自己的 CA",
    ),
];
