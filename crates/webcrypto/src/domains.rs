//! Internationalized domain names to ASCII by the platform's URL parser, so the
//! wasm carries no UTS #46 tables of its own.

use csrcraft::DomainToAscii;
use wasm_bindgen::prelude::*;

/// [`DomainToAscii`] by the browser's (or Node's) URL parser:
/// `new URL("http://" + domain + "/").hostname`, the WHATWG URL Standard's
/// domain to ASCII, which is UTS #46 ToASCII, nontransitional, with
/// CheckHyphens, UseSTD3ASCIIRules and VerifyDnsLength off. That is what the
/// core's `Idna` does with the idna crate, and laxer than
/// `idna::domain_to_ascii_strict` (all three on); the core checks the result's
/// labels afterwards (letters, digits, `-` and `_`, lengths), which covers
/// STD3 for it. Two differences from `Idna` remain: the URL parser also
/// refuses its forbidden domain code points (which those checks would refuse
/// anyway), and it reads a name whose last label is a number as an IPv4
/// address (`０ｘａ.１` becomes `10.0.0.1`), as a browser would connect to it.
///
/// Only names whose ASCII characters are letters, digits, `-`, `_` and `.` are
/// given to the parser, so URL syntax (`/`, `?`, `#`, `@`, `:`, `%`, `[`, `\`
/// and the like) cannot change what it reads as the host; the others are
/// refused, as is a result that is not ASCII.
#[derive(Clone, Copy, Debug, Default)]
pub struct UrlIdna;

impl DomainToAscii for UrlIdna {
    fn to_ascii(&self, domain: &str) -> Option<String> {
        let plain = domain
            .bytes()
            .all(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if !plain {
            return None;
        }
        let url = Url::new(&format!("http://{domain}/")).ok()?;
        Some(url.hostname()).filter(|host| !host.is_empty() && host.is_ascii())
    }
}

#[wasm_bindgen]
extern "C" {
    /// The WHATWG `URL`.
    #[wasm_bindgen(js_name = URL)]
    type Url;

    /// `new URL(url)`; a `TypeError` when `url` cannot be parsed.
    #[wasm_bindgen(catch, constructor, js_class = "URL")]
    fn new(url: &str) -> Result<Url, JsValue>;

    /// The host, as ASCII (punycode) for a domain.
    #[wasm_bindgen(method, getter)]
    fn hostname(this: &Url) -> String;
}
