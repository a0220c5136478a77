//! 简体中文.

use super::Text;

/// 简体中文.
pub static ZH_CN: Text = Text {
    switch_language: "English",
    tagline: "证书签名请求（CSR）：私钥在此页面中生成，也只留在此页面中。",
    theme_system: "主题：跟随系统",
    theme_light: "主题：浅色",
    theme_dark: "主题：深色",
    click_to_change: "点击切换",
    step_spec: "描述证书",
    step_kubernetes: "Kubernetes CertificateSigningRequest",
    step_generate: "生成私钥和 CSR",
    step_verify: "检查签发回来的证书",
    footer: "一切都在此页面中运行。加载完成后不再发出任何网络请求；私钥从不存储，也从不发送。与 csrcraft 命令行工具使用同一个核心。",
    confirm_regenerate: "生成新的私钥？此页面中的私钥将被丢弃，且没有任何其他副本。如有需要，请先下载 server-key.pem。",
    confirm_forget: "丢弃私钥？它只存在于此页面中；如有需要，请先下载 server-key.pem。",
    saved: |file| format!("已保存 {file}（在此页面中生成，而非从任何地方下载）。"),
};
