//! English.

use super::Text;

/// English.
pub static EN: Text = Text {
    switch_language: "中文",
    tagline: "Certificate signing requests where the private key is born and stays: in this page.",
    theme_system: "Theme: system",
    theme_light: "Theme: light",
    theme_dark: "Theme: dark",
    click_to_change: "click to change",
    step_spec: "Describe the certificate",
    step_kubernetes: "Kubernetes CertificateSigningRequest",
    step_generate: "Generate the key and CSR",
    step_verify: "Check the certificate that comes back",
    footer: "Everything runs in this page. After loading, it makes no network requests; the key is never stored or sent. Same core as the csrcraft CLI.",
    confirm_regenerate: "Generate a new key? The key in this page is discarded, and nothing else has a copy of it. Download server-key.pem first if you need it.",
    confirm_forget: "Forget the key? It exists only in this page; download server-key.pem first if you need it.",
    saved: |file| format!("Saved {file} (made in this page, not downloaded from anywhere)."),
};
