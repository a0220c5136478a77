//! Text from a dropped or chosen file, read locally.

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
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = JsFuture::from(promise).await {
            done.emit(text.as_string().unwrap_or_default());
        }
    });
}
