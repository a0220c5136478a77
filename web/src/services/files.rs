//! Text from a dropped or chosen file, read locally: the file's own text, or, for a binary
//! file (a DER certificate), its bytes in base64, which the core reads as well.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// Reads the first file of a drop; `None` when the drop holds no file (then the caller lets
/// the browser drop the text itself).
pub fn read_dropped(event: &web_sys::DragEvent, done: Callback<String>) -> Option<()> {
    let file = event.data_transfer()?.files()?.get(0)?;
    read(file, done);
    Some(())
}

/// Reads the first file chosen in an `<input type="file">`.
pub fn read_chosen(event: &web_sys::Event, done: Callback<String>) {
    let file = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    if let Some(file) = file {
        read(file, done);
    }
}

fn read(file: web_sys::File, done: Callback<String>) {
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(buffer) = JsFuture::from(promise).await {
            done.emit(as_text(js_sys::Uint8Array::new(&buffer).to_vec()));
        }
    });
}

/// UTF-8 as it is (without a byte order mark, as `File.text()` gives it); anything else (DER)
/// as base64 in lines of 64, since a textarea holds text and `File.text()` would turn every
/// byte above 0x7f into U+FFFD.
fn as_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        },
        Err(not_text) => base64_lines(not_text.as_bytes()),
    }
}

fn base64_lines(bytes: &[u8]) -> String {
    let base64 = STANDARD.encode(bytes);
    let mut out = String::with_capacity(base64.len() + base64.len() / 64);
    for (i, c) in base64.chars().enumerate() {
        if i > 0 && i % 64 == 0 {
            out.push('\n');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_stays_text_and_bytes_become_base64_lines() {
        assert_eq!(
            as_text(b"-----BEGIN CERTIFICATE-----\n".to_vec()),
            "-----BEGIN CERTIFICATE-----\n"
        );
        assert_eq!(as_text("\u{feff}apiVersion: v1".into()), "apiVersion: v1");
        assert_eq!(as_text(vec![0x30, 0x82, 0x01]), "MIIB");
        assert_eq!(as_text(vec![0xff]), "/w==");
        assert_eq!(as_text(vec![0xfe, 0xff]), "/v8=");
        let long = as_text(vec![0x80; 49]);
        assert_eq!(long.lines().map(str::len).collect::<Vec<_>>(), [64, 4]);
    }
}
