//! PEM encoding (RFC 7468) as Go and openssl write it: base64 in lines of
//! 64 characters, `\n` line endings.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use zeroize::Zeroize;

/// `der` as a PEM block labelled `label`. The text is built in place, so a
/// caller holding a secret can zeroize the one copy.
pub(crate) fn encode(label: &str, der: &[u8]) -> String {
    let lines = der.len().div_ceil(48);
    let mut text = String::with_capacity(2 * label.len() + 33 + der.len().div_ceil(3) * 4 + lines);
    text.push_str("-----BEGIN ");
    text.push_str(label);
    text.push_str("-----\n");
    let mut line = [0u8; 64];
    for chunk in der.chunks(48) {
        let written = STANDARD.encode_slice(chunk, &mut line).unwrap_or_default();
        // Base64 is ASCII, so the bytes are one character each.
        text.extend(line.iter().take(written).map(|&b| char::from(b)));
        text.push('\n');
    }
    line.zeroize();
    text.push_str("-----END ");
    text.push_str(label);
    text.push_str("-----\n");
    text
}
