//! The element's attributes, as `csrcraft-element.js` passes them: a plain object of strings
//! (`spec`, `signer`, `usages`, `expiration`, `name`, `keyFormat`, `panels`), a boolean
//! (`readonly`) and the language tags to choose from (`langs`, nearest first).

use csrcraft::KeyFormat;
use csrcraft::kubernetes::split_usages;
use csrcraft_web::embed::{Lang, Panels, Settings};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsError, JsValue};

/// The attributes, read.
pub struct Config {
    pub settings: Settings,
    pub panels: Panels,
    pub readonly: bool,
    pub lang: Lang,
}

/// Reads the object; a wrong value is an error naming its attribute.
pub fn read(object: &JsValue) -> Result<Config, JsError> {
    let text = |key: &str| {
        Reflect::get(object, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
    };
    let key_format = text("keyFormat")
        .map(|format| match format.trim() {
            "cfssl" => Ok(KeyFormat::Cfssl),
            "pkcs8" => Ok(KeyFormat::Pkcs8),
            other => Err(JsError::new(&format!(
                "key-format: \"{other}\" is not a key format; use cfssl or pkcs8"
            ))),
        })
        .transpose()?;
    let panels = match text("panels") {
        Some(list) => Panels::parse(&list).map_err(|e| JsError::new(&e))?,
        None => Panels::EXAMPLE,
    };
    let langs = Reflect::get(object, &JsValue::from_str("langs"))
        .ok()
        .and_then(|value| value.dyn_into::<Array>().ok())
        .unwrap_or_default();
    let lang = langs
        .iter()
        .filter_map(|tag| tag.as_string())
        .find_map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    Ok(Config {
        settings: Settings {
            spec: text("spec"),
            signer: text("signer"),
            usages: text("usages").map(|list| split_usages(&list)),
            expiration: text("expiration"),
            name: text("name"),
            key_format,
        },
        panels,
        readonly: Reflect::get(object, &JsValue::from_str("readonly"))
            .ok()
            .is_some_and(|value| value.is_truthy()),
        lang,
    })
}
