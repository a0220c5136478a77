//! The `<csrcraft-example>` element's wasm. `csrcraft-element.js` defines the element and
//! reads its attributes into a plain object; [`mount`] renders the web app's steps
//! (`csrcraft_web::embed::Example`) into the element's shadow root, and turns what they tell
//! into DOM events on the element. No logic lives here.

mod config;
mod events;

use csrcraft_web::embed::{Example, ExampleProps};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// One mounted example; dropping it from JS (`unmount`) removes what it drew, and the key.
#[wasm_bindgen]
pub struct Mounted {
    app: AppHandle<Example>,
    host: Element,
}

/// Renders an example into `root` (an element in `host`'s shadow root) with `config`, the
/// element's attributes as `csrcraft-element.js` reads them. Events go to `host`.
#[wasm_bindgen]
pub fn mount(root: Element, host: Element, config: JsValue) -> Result<Mounted, JsError> {
    let props = props(&host, &config)?;
    let app = yew::Renderer::<Example>::with_root_and_props(root, props).render();
    Ok(Mounted { app, host })
}

#[wasm_bindgen]
impl Mounted {
    /// Takes changed attributes: the steps re-render, the key stays.
    pub fn update(&mut self, config: JsValue) -> Result<(), JsError> {
        let props = props(&self.host, &config)?;
        self.app.update(props);
        Ok(())
    }

    /// Removes what the example drew; its key is dropped with it.
    pub fn unmount(self) {
        self.app.destroy();
    }
}

fn props(host: &Element, config: &JsValue) -> Result<ExampleProps, JsError> {
    let config = config::read(config)?;
    Ok(ExampleProps {
        settings: config.settings,
        panels: config.panels,
        readonly: config.readonly,
        lang: config.lang,
        on_event: events::dispatcher(host.clone()),
    })
}
