//! What the page and the key-generation worker say to each other (JSON text over
//! `postMessage`), and the worker's side of the work.

use csrcraft::rand_core::TryCryptoRng;
use csrcraft::{KeyFormat, Spec};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The worker posts this plain string once its wasm is running.
pub const READY: &str = "ready";

/// Page to worker: make a key and a CSR for this spec.
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    /// Matches the reply to the request.
    pub id: u32,
    /// The cfssl JSON spec.
    pub spec_json: String,
}

/// Worker to page.
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// The key (cfssl PEM) and its CSR.
    Done {
        /// The request's id.
        id: u32,
        /// `CERTIFICATE REQUEST` PEM.
        csr_pem: String,
        /// The private key PEM; the page wraps it in `Zeroizing` on arrival.
        key_pem: String,
    },
    /// The core's error, as text.
    Failed {
        /// The request's id.
        id: u32,
        /// The core's message.
        message: String,
    },
}

impl Response {
    /// The id of the request this answers.
    pub fn id(&self) -> u32 {
        match self {
            Response::Done { id, .. } | Response::Failed { id, .. } => *id,
        }
    }
}

impl std::fmt::Debug for Response {
    /// Never prints the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Response::Done { id, .. } => write!(f, "Done {{ id: {id}, .. }}"),
            Response::Failed { id, message } => write!(f, "Failed {{ id: {id}, {message:?} }}"),
        }
    }
}

/// The worker's job: reads a request (JSON text), generates, and answers (JSON text). The
/// answer holds the key, so it is zeroized when dropped.
pub fn answer<R: TryCryptoRng + ?Sized>(request: &str, rng: &mut R) -> Zeroizing<String> {
    let response = match serde_json::from_str::<Request>(request) {
        Ok(request) => generate(&request, rng),
        Err(e) => Response::Failed {
            id: 0,
            message: format!("bad request to the worker: {e}"),
        },
    };
    let text = Zeroizing::new(serde_json::to_string(&response).unwrap_or_default());
    if let Response::Done { key_pem, .. } = response {
        drop(Zeroizing::new(key_pem));
    }
    text
}

fn generate<R: TryCryptoRng + ?Sized>(request: &Request, rng: &mut R) -> Response {
    let made = Spec::from_json(&request.spec_json)
        .and_then(|parsed| csrcraft::generate(&parsed.value, rng))
        .and_then(|made| Ok((made.request.pem(), made.key.to_pem(KeyFormat::Cfssl)?)));
    match made {
        Ok((csr_pem, key_pem)) => Response::Done {
            id: request.id,
            csr_pem,
            key_pem: key_pem.as_str().to_owned(),
        },
        Err(e) => Response::Failed {
            id: request.id,
            message: e.to_string(),
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn answers_with_a_key_and_csr() {
        let request = serde_json::to_string(&Request {
            id: 7,
            spec_json: r#"{"CN": "a.example", "hosts": ["a.example"]}"#.into(),
        })
        .unwrap();
        let reply: Response =
            serde_json::from_str(&answer(&request, &mut getrandom::SysRng)).unwrap();
        match reply {
            Response::Done {
                id,
                csr_pem,
                key_pem,
            } => {
                assert_eq!(id, 7);
                assert!(csr_pem.starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
                assert!(key_pem.starts_with("-----BEGIN EC PRIVATE KEY-----"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn answers_errors_as_text() {
        let request = r#"{"id": 3, "spec_json": "{\"key\": {\"algo\": \"dsa\"}}"}"#;
        let reply: Response =
            serde_json::from_str(&answer(request, &mut getrandom::SysRng)).unwrap();
        assert!(
            matches!(reply, Response::Failed { id: 3, ref message } if message.contains("key.algo")),
            "{reply:?}"
        );
        let reply: Response =
            serde_json::from_str(&answer("nope", &mut getrandom::SysRng)).unwrap();
        assert_eq!(reply.id(), 0);
    }
}
