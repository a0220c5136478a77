//! Save text as a file, from memory (a `blob:` URL; nothing goes over the network).

use wasm_bindgen::JsCast;

use crate::i18n::Text;

/// Offers `text` as a download named `file_name`. Returns an error message, in `words`, on
/// failure.
pub fn save(file_name: &str, text: &str, words: &'static Text) -> Result<(), String> {
    let fail = |why: &str| (words.save_failed)(file_name, why);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail(words.save_no_document))?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail(words.save_no_blob))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail(words.save_no_url))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail(words.save_no_link))?
        .dyn_into()
        .map_err(|_| fail(words.save_no_link))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
