//! What each view that awaits WebCrypto depends on, and its result tagged with those inputs.
//!
//! The page starts a view's task whenever its inputs change, and the reducer keeps a result
//! only while the inputs it was computed from are still the state's: an answer to an earlier
//! edit that arrives late is dropped. Until the answer for the current inputs comes, the last
//! one is shown as pending.

use super::State;

/// A result and the inputs it was computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed<K, V> {
    /// What it was computed from.
    pub inputs: K,
    /// The result.
    pub value: V,
}

/// A view's slot in the state: the last result kept, if any.
pub type Slot<K, V> = Option<Computed<K, V>>;

/// Keeps `value` in `slot` when `inputs` are the `current` ones; drops it otherwise.
pub(super) fn keep<K: PartialEq, V>(current: K, slot: &mut Slot<K, V>, inputs: K, value: V) {
    if inputs == current {
        *slot = Some(Computed { inputs, value });
    }
}

/// The last result in `slot`, and whether a newer one is still being computed.
pub fn shown<'a, K: PartialEq, V>(slot: &'a Slot<K, V>, current: &K) -> (Option<&'a V>, bool) {
    match slot {
        Some(computed) => (Some(&computed.value), computed.inputs != *current),
        None => (None, true),
    }
}

/// The lint's inputs: the spec (for a preview CSR), the manifest settings and the generated CSR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintInputs {
    /// The cfssl JSON.
    pub spec_json: String,
    /// `spec.signerName` as typed.
    pub signer: String,
    /// `spec.usages`, `None` for the defaults.
    pub usages: Option<Vec<String>>,
    /// Expiration as typed.
    pub expiration: String,
    /// Which generated key and CSR, if any.
    pub generated: Option<u32>,
}

impl LintInputs {
    /// The lint's inputs in `state`.
    pub fn of(state: &State) -> Self {
        Self {
            spec_json: state.spec_json.clone(),
            signer: state.signer.clone(),
            usages: state.usages.clone(),
            expiration: state.expiration.clone(),
            generated: state.generated.as_ref().map(|g| g.id),
        }
    }
}

/// The manifest's inputs: the generated CSR and the manifest settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestInputs {
    /// Which generated key and CSR, if any.
    pub generated: Option<u32>,
    /// `metadata.name` as typed.
    pub name: String,
    /// `spec.signerName` as typed.
    pub signer: String,
    /// `spec.usages`, `None` for the defaults.
    pub usages: Option<Vec<String>>,
    /// Expiration as typed.
    pub expiration: String,
}

impl ManifestInputs {
    /// The manifest's inputs in `state`.
    pub fn of(state: &State) -> Self {
        Self {
            generated: state.generated.as_ref().map(|g| g.id),
            name: state.name.clone(),
            signer: state.signer.clone(),
            usages: state.usages.clone(),
            expiration: state.expiration.clone(),
        }
    }
}

/// The verification's inputs: the returned certificate, the CA, the host, and the generated
/// key and CSR to match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyInputs {
    /// The certificate (or chain, or kubectl object) as pasted.
    pub cert: String,
    /// The CA certificate(s) as pasted.
    pub ca: String,
    /// The host name to check; empty for none.
    pub host: String,
    /// Which generated key and CSR, if any.
    pub generated: Option<u32>,
}

impl VerifyInputs {
    /// The verification's inputs in `state`.
    pub fn of(state: &State) -> Self {
        Self {
            cert: state.cert_input.clone(),
            ca: state.ca_input.clone(),
            host: state.host.clone(),
            generated: state.generated.as_ref().map(|g| g.id),
        }
    }
}

/// The inspect view's input: the returned certificate as pasted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InspectInputs {
    /// The certificate (or chain, CSR or kubectl object) as pasted.
    pub cert: String,
}

impl InspectInputs {
    /// The inspect view's input in `state`.
    pub fn of(state: &State) -> Self {
        Self {
            cert: state.cert_input.clone(),
        }
    }
}

/// The key protection's inputs: which key, and which edit of the passphrase (the passphrase
/// itself stays out of the inputs, which are compared and may be printed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInputs {
    /// Which generated key, if any.
    pub generated: Option<u32>,
    /// How many times the passphrase was edited.
    pub passphrase_edit: u32,
}

impl KeyInputs {
    /// The key protection's inputs in `state`.
    pub fn of(state: &State) -> Self {
        Self {
            generated: state.generated.as_ref().map(|g| g.id),
            passphrase_edit: state.passphrase_edit,
        }
    }
}

/// The trial's inputs: the generated CSR, the manifest settings the signer reads, the host to
/// verify, and the test CA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialInputs {
    /// Which generated key and CSR, if any.
    pub generated: Option<u32>,
    /// `spec.signerName` as typed.
    pub signer: String,
    /// `spec.usages`, `None` for the defaults.
    pub usages: Option<Vec<String>>,
    /// Expiration as typed.
    pub expiration: String,
    /// The host name to check; empty for none.
    pub host: String,
    /// The test CA: `None` until made, then whether it was.
    pub ca: Option<bool>,
}

impl TrialInputs {
    /// The trial's inputs in `state`.
    pub fn of(state: &State) -> Self {
        Self {
            generated: state.generated.as_ref().map(|g| g.id),
            signer: state.signer.clone(),
            usages: state.usages.clone(),
            expiration: state.expiration.clone(),
            host: state.host.clone(),
            ca: state.test_ca.as_ref().map(Result::is_ok),
        }
    }
}
