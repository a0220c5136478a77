//! What an example tells the page, as DOM events on the element: `csrcraft-generate`,
//! `csrcraft-lint` and `csrcraft-sign`, bubbling and composed (they cross the shadow root). Their details are
//! plain objects in JS's conventions, and never hold the private key.

use csrcraft::kubernetes::Finding;
use csrcraft_web::embed::ExampleEvent;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

/// Dispatches each event on `host`.
pub fn dispatcher(host: Element) -> yew::Callback<ExampleEvent> {
    Callback::from(move |event: ExampleEvent| {
        let (name, detail) = match event {
            ExampleEvent::Generated {
                csr_pem,
                manifest_yaml,
            } => (
                "csrcraft-generate",
                object(&[
                    ("csrPem", csr_pem.into()),
                    ("manifestYaml", manifest_yaml.into()),
                ]),
            ),
            ExampleEvent::Linted { subject, findings } => {
                ("csrcraft-lint", lint_detail(subject, &findings))
            }
            ExampleEvent::Signed {
                outcome,
                certificate_pem,
                ca_pem,
                finding,
                verified,
            } => (
                "csrcraft-sign",
                object(&[
                    ("outcome", outcome.into()),
                    (
                        "certificatePem",
                        certificate_pem.map_or(JsValue::NULL, Into::into),
                    ),
                    ("caPem", ca_pem.into()),
                    (
                        "finding",
                        finding.as_ref().map_or(JsValue::NULL, finding_object),
                    ),
                    ("verified", verified.map_or(JsValue::NULL, Into::into)),
                ]),
            ),
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            // A listener's exception is the page's; it does not stop the example.
            let _ = host.dispatch_event(&event);
        }
    })
}

/// `{ subject, errors, warnings, notes, findings: [{ severity, rule, message, fix }] }`.
fn lint_detail(subject: &str, findings: &[Finding]) -> JsValue {
    let count = |severity: &str| {
        let n = findings
            .iter()
            .filter(|f| f.severity.as_str() == severity)
            .count();
        JsValue::from(u32::try_from(n).unwrap_or(u32::MAX))
    };
    let list: Array = findings.iter().map(finding_object).collect();
    object(&[
        ("subject", subject.into()),
        ("errors", count("error")),
        ("warnings", count("warning")),
        ("notes", count("note")),
        ("findings", list.into()),
    ])
}

/// `{ severity, rule, message, fix }`, as the CLI's `lint --json` has a finding.
fn finding_object(f: &Finding) -> JsValue {
    object(&[
        ("severity", f.severity.as_str().into()),
        ("rule", f.rule.into()),
        ("message", f.message.as_str().into()),
        ("fix", f.fix.as_str().into()),
    ])
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
