//! The page's words in English and 简体中文. Every string the app shows is a field of [`Text`],
//! so a string that exists in one language and not the other does not compile; the tests here
//! catch a translation left in English. The core's and upstream Kubernetes' messages are not
//! here: they stay verbatim, as `kubectl` and the CLI print them.

mod en;
mod fixes;
mod zh_cn;

use csrcraft::kubernetes::{KnownSigner, Severity};
use csrcraft::{Check, Outcome};
use yew::prelude::*;

pub use self::fixes::FixText;

/// A language the page speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// The language for a BCP 47 tag (`zh`, `zh-CN`, `zh-Hans-SG`, `en-GB`...); `None` for a
    /// language the page does not speak. Traditional Chinese tags (`zh-TW`, `zh-Hant`) are not
    /// 简体中文, so they read as `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        let mut subtags = tag.split(['-', '_']);
        match subtags.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let traditional = subtags.any(|s| matches!(s, "hant" | "tw" | "hk" | "mo"));
                (!traditional).then_some(Lang::ZhCn)
            }
            _ => None,
        }
    }

    /// The BCP 47 tag for the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The words in this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &en::EN,
            Lang::ZhCn => &zh_cn::ZH_CN,
        }
    }
}

/// The words of the page's current language (from the nearest `ContextProvider<Lang>`;
/// English without one).
#[hook]
pub fn use_text() -> &'static Text {
    use_context::<Lang>().unwrap_or_default().text()
}

/// Declares [`Text`]: each field is `NAME: str` (a string), `NAME: fmt` (a function of one
/// value, e.g. a file name), `NAME: fmt2` (of two values) or `NAME: fixes` (the lint fixes in
/// this language); the tests list every string and function with `entries`.
macro_rules! text {
    ($($(#[doc = $doc:literal])* $name:ident: $kind:tt,)*) => {
        /// Every string the page shows, in one language.
        pub struct Text {
            $($(#[doc = $doc])* pub $name: text!(@type $kind),)*
        }

        #[cfg(test)]
        impl Text {
            /// Each string's and function's field name and text (a function's with `{0}` and
            /// `{1}` for its values).
            fn entries(&self) -> Vec<(&'static str, String)> {
                [$(text!(@entry stringify!($name), self.$name, $kind)),*]
                    .into_iter()
                    .flatten()
                    .collect()
            }
        }
    };
    (@type str) => { &'static str };
    (@type fmt) => { fn(&str) -> String };
    (@type fmt2) => { fn(&str, &str) -> String };
    (@type fixes) => { &'static [FixText] };
    (@entry $name:expr, $field:expr, str) => { Some(($name, $field.to_owned())) };
    (@entry $name:expr, $field:expr, fmt) => { Some(($name, ($field)("{0}"))) };
    (@entry $name:expr, $field:expr, fmt2) => { Some(($name, ($field)("{0}", "{1}"))) };
    // The fixes have tests of their own (`fixes/tests.rs`).
    (@entry $name:expr, $field:expr, fixes) => { None };
}

text! {
    // The page.
    /// The language switch's label (in the other language, so a reader finds it).
    switch_language: str,
    /// The document's title (the browser tab).
    page_title: str,
    /// The page's tagline under the title.
    tagline: str,
    /// The theme toggle, following the system.
    theme_system: str,
    /// The theme toggle, light.
    theme_light: str,
    /// The theme toggle, dark.
    theme_dark: str,
    /// The theme toggle's accessible label: the THEME and what a click does.
    theme_button: fmt,
    /// Step 1's heading.
    step_spec: str,
    /// Step 2's heading.
    step_kubernetes: str,
    /// Step 3's heading.
    step_generate: str,
    /// Step 4's heading ("Try it without a cluster").
    step_try: str,
    /// Step 5's heading.
    step_verify: str,
    /// The footer's promise.
    footer: str,
    /// The footer's edition line: the VERSION of the served app.
    edition: fmt,
    /// The footer's edition line in the single-file offline edition: its VERSION and the SHA256
    /// of its wasm.
    edition_offline: fmt2,
    /// Asked before Generate replaces a key.
    confirm_regenerate: str,
    /// Asked before Forget.
    confirm_forget: str,
    /// The browser's warning before the page (and the key) is closed or reloaded.
    unload_warning: str,

    // Status line notices.
    /// After a download of FILE.
    saved: fmt,
    /// A download of FILE failed, and WHY.
    save_failed: fmt2,
    /// Why a download failed: the page has no document.
    save_no_document: str,
    /// Why a download failed: no Blob.
    save_no_blob: str,
    /// Why a download failed: no object URL.
    save_no_url: str,
    /// Why a download failed: no link element.
    save_no_link: str,
    /// After copying WHAT.
    copied: fmt,
    /// Copying WHAT was refused.
    copy_refused: fmt,
    /// After a key of the ALGORITHM (`ecdsa-256`) and its CSR were made.
    generated: fmt,

    // Badges and pills.
    /// An error's badge.
    badge_error: str,
    /// A warning's badge.
    badge_warning: str,
    /// A note's badge.
    badge_note: str,

    // Step 1: the spec.
    /// The button that loads the tutorial's spec and settings.
    load_example: str,
    /// The spec's pill when the core refuses it.
    spec_not_usable: str,
    /// The spec's pill when the core reads it.
    spec_valid: str,
    /// The JSON editor's label.
    spec_json_label: str,
    /// The form: `CN`.
    form_common_name: str,
    /// The form: `hosts`.
    form_hosts: str,
    /// Under `hosts`.
    form_hosts_hint: str,
    /// The form: `key.algo`.
    form_algo: str,
    /// The form: `key.size`.
    form_size: str,
    /// Ed25519's only size.
    form_size_fixed: str,
    /// The form: the `names` fieldset.
    form_names: str,
    /// A `names` entry: `C`.
    name_country: str,
    /// A `names` entry: `ST`.
    name_state: str,
    /// A `names` entry: `L`.
    name_locality: str,
    /// A `names` entry: `O`.
    name_organization: str,
    /// A `names` entry: `OU`.
    name_unit: str,
    /// Removes a `names` entry.
    remove: str,
    /// The Remove button's accessible label, for entry N (from 1).
    remove_names_entry: fmt,
    /// Adds a `names` entry.
    add_names_entry: str,

    // Step 2: the CertificateSigningRequest.
    /// `metadata.name`.
    k8s_name: str,
    /// `metadata.name` when left empty.
    k8s_name_placeholder: str,
    /// `spec.expirationSeconds`.
    k8s_expiration: str,
    /// `spec.signerName`.
    k8s_signer: str,
    /// The signer list's last entry.
    k8s_own_signer: str,
    /// A custom signer's name.
    k8s_own_signer_name: str,
    /// What `kubernetes.io/kube-apiserver-client` signs.
    signer_kube_apiserver_client: str,
    /// What `kubernetes.io/kube-apiserver-client-kubelet` signs.
    signer_kube_apiserver_client_kubelet: str,
    /// What `kubernetes.io/kubelet-serving` signs.
    signer_kubelet_serving: str,
    /// What becomes of `kubernetes.io/legacy-unknown`.
    signer_legacy_unknown: str,
    /// What `beta.eks.amazonaws.com/app-serving` signs.
    signer_eks_app_serving: str,
    /// What a signer of one's own does.
    signer_custom: str,
    /// `spec.usages`.
    k8s_usages: str,
    /// The usages are the defaults.
    k8s_default_usages: str,
    /// Back to the default usages.
    k8s_reset_usages: str,
    /// The lint panel's heading.
    lint_title: str,
    /// Before the first lint.
    lint_checking: str,
    /// The lint looked at the generated CSR.
    lint_generated: str,
    /// The lint looked at a CSR made from an earlier spec.
    lint_stale: str,
    /// The lint looked at a preview CSR.
    lint_preview: str,
    /// Which CSR the lint looked at (one of the three above).
    lint_checked: fmt,
    /// The signer would refuse: N errors.
    lint_refused: fmt,
    /// The signer would not refuse.
    lint_clean: str,
    /// Before a finding's fix.
    lint_fix: str,
    /// No lint: the spec does not read (the core's ERROR).
    lint_fix_spec: fmt,
    /// No lint for an RSA spec until Generate.
    lint_rsa_waits: str,
    /// No lint: WebCrypto made no preview CSR (its ERROR).
    lint_no_preview: fmt,
    /// The lint fixes: the core's English `fix` of each rule in this language.
    lint_fixes: fixes,

    // Step 3: generate.
    /// The Generate button.
    generate: str,
    /// The Generate button with a key held.
    generate_again: str,
    /// While WebCrypto makes a key of the KIND (`rsa-4096`), for SECONDS.
    generating: fmt2,
    /// Beside the Generate button.
    generate_hint: str,
    /// Why this page cannot make keys (WebCrypto's `Error::Unavailable`).
    webcrypto_unavailable: str,
    /// The key format's label.
    key_format: str,
    /// The key format: cfssl's (SEC1 or PKCS#1).
    key_format_cfssl: str,
    /// Forgets the key.
    forget_key: str,
    /// Over outputs made from an earlier spec.
    outputs_stale: str,
    /// The CSR's heading.
    output_csr: str,
    /// The key's heading.
    output_key: str,
    /// Under the key's heading.
    output_key_hint: str,
    /// Under the key's heading when it is encrypted under a passphrase.
    output_key_encrypted_hint: str,
    /// The passphrase input's label.
    key_passphrase: str,
    /// Under the passphrase input.
    key_passphrase_hint: str,
    /// In place of the key while it is encrypted under the passphrase.
    key_encrypting: str,
    /// The manifest's heading.
    output_manifest: str,
    /// While the manifest is written.
    output_manifest_pending: str,
    /// No manifest without a CSR.
    output_manifest_needs_csr: str,
    /// The cfssl JSON's heading.
    output_cfssl_json: str,
    /// Copies an output.
    copy: str,
    /// Downloads an output as FILE.
    download: fmt,
    /// The next commands' heading.
    next_title: str,
    /// Copies every command.
    next_copy_all: str,
    /// The accessible label of the button that copies the COMMAND.
    next_copy_command: fmt,
    /// What Copy all copies, for the notice.
    next_the_commands: str,
    /// What a command's Copy copies, for the notice.
    next_the_command: str,

    // Step 4: verify.
    /// The certificate input's label.
    verify_cert: str,
    /// The certificate input's placeholder.
    verify_cert_placeholder: str,
    /// The CA input's label.
    verify_ca: str,
    /// The CA input's placeholder.
    verify_ca_placeholder: str,
    /// Opens a file into an input.
    verify_open_file: str,
    /// The host name input's label.
    verify_host: str,
    /// With a key held: what the key and request matches use.
    verify_with_key: str,
    /// Without a key: how to get the key and request matches.
    verify_without_key: str,
    /// Before a certificate is given.
    verify_waiting: str,
    /// Every check passed.
    verify_passed: str,
    /// N checks failed.
    verify_failed: fmt,
    /// The table's first column.
    verify_column_check: str,
    /// The table's second column.
    verify_column_result: str,
    /// The table's third column.
    verify_column_why: str,
    /// `signature chain`.
    check_signature_chain: str,
    /// `validity`.
    check_validity: str,
    /// `key match`.
    check_key_match: str,
    /// `request match`.
    check_request_match: str,
    /// `hostname`.
    check_hostname: str,
    /// `usage`.
    check_usage: str,
    /// A check's outcome: passed.
    outcome_pass: str,
    /// A check's outcome: failed.
    outcome_fail: str,
    /// A check's outcome: skipped.
    outcome_skip: str,
    /// The inspect view's heading.
    inspect_title: str,

    // Step 4: try it without a cluster.
    /// What the step does, under its heading.
    try_intro: str,
    /// Before Generate.
    try_needs_csr: str,
    /// While the test CA is made (and before the first answer).
    try_making_ca: str,
    /// The API server would not create the CertificateSigningRequest.
    try_refused: str,
    /// The SIGNER fails the CSR once approved.
    try_failed: fmt,
    /// The SIGNER issued a certificate.
    try_issued: fmt,
    /// Under an issued certificate of a signer kube-controller-manager does not sign for.
    try_own_controller: str,
    /// The heading over the verification of the issued certificate.
    try_verify_title: str,
    /// The issued certificate's heading.
    output_certificate: str,
    /// The Secret's heading.
    output_secret: str,
    /// Under the Secret's heading.
    output_secret_hint: str,
    /// The test CA certificate's heading.
    output_test_ca: str,
    /// Under the test CA certificate's heading.
    output_test_ca_hint: str,
}

impl Text {
    /// What the signer signs: a known signer's, or one of the reader's own (`None`).
    pub fn signer(&self, known: Option<KnownSigner>) -> &'static str {
        match known {
            Some(KnownSigner::KubeApiserverClient) => self.signer_kube_apiserver_client,
            Some(KnownSigner::KubeApiserverClientKubelet) => {
                self.signer_kube_apiserver_client_kubelet
            }
            Some(KnownSigner::KubeletServing) => self.signer_kubelet_serving,
            Some(KnownSigner::LegacyUnknown) => self.signer_legacy_unknown,
            Some(KnownSigner::EksAppServing) => self.signer_eks_app_serving,
            None => self.signer_custom,
        }
    }

    /// A lint finding's or a note's badge.
    pub fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.badge_error,
            Severity::Warning => self.badge_warning,
            Severity::Note => self.badge_note,
        }
    }

    /// A verification check's name (one of the core's `Check::*`); another as it is.
    pub fn check<'a>(&self, name: &'a str) -> &'a str {
        match name {
            Check::SIGNATURE_CHAIN => self.check_signature_chain,
            Check::VALIDITY => self.check_validity,
            Check::KEY_MATCH => self.check_key_match,
            Check::REQUEST_MATCH => self.check_request_match,
            Check::HOSTNAME => self.check_hostname,
            Check::USAGE => self.check_usage,
            other => other,
        }
    }

    /// A verification check's outcome.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Pass => self.outcome_pass,
            Outcome::Fail => self.outcome_fail,
            Outcome::Skipped => self.outcome_skip,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
