//! What carries the certificate to a pod: the `kubernetes.io/tls` Secret, as
//! `kubectl create secret tls NAME --cert --key` writes it, and the CA's
//! ConfigMap, as `kubectl create configmap NAME --from-file ca.crt=ca.pem`
//! writes it (both with `--dry-run=client -o yaml|json`).

use zeroize::Zeroizing;

use super::manifest::{ManifestFormat, render_value};
use super::names::{dns1123_label_errors, dns1123_subdomain_errors, invalid};
use crate::json::{Map, Value};
use crate::{Certificate, Error, KeyDocument, Result};

/// Where the key's base64 goes until the text is written: the key never sits
/// in a `Value`, whose strings are not zeroized.
const KEY_SLOT: &str = "csrcraft-key-slot";

/// A `kubernetes.io/tls` Secret's parts.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct TlsSecret<'a> {
    /// `metadata.name`.
    pub name: &'a str,
    /// `metadata.namespace`, when given.
    pub namespace: Option<&'a str>,
    /// `tls.crt`: the certificate (or chain, leaf first) PEM.
    pub certificate_pem: &'a str,
    /// `tls.key`: the private key PEM, unencrypted (a pod cannot decrypt it).
    pub key_pem: &'a str,
    /// `ca.crt`, when given: the CA's certificate PEM.
    pub ca_pem: Option<&'a str>,
    /// The key's public key (a DER SubjectPublicKeyInfo), for the check that
    /// it is the certificate's; when `None`, read from the key PEM, which
    /// works without crypto for every kind but Ed25519.
    pub key_public_der: Option<&'a [u8]>,
}

impl<'a> TlsSecret<'a> {
    /// A Secret named `name` for the certificate and its key, without a
    /// namespace or CA.
    pub fn new(name: &'a str, certificate_pem: &'a str, key_pem: &'a str) -> Self {
        Self {
            name,
            namespace: None,
            certificate_pem,
            key_pem,
            ca_pem: None,
            key_public_der: None,
        }
    }

    /// The Secret as text in `format`. The key must be the certificate's (as
    /// kubectl checks), and the names valid object names.
    pub fn render(&self, format: ManifestFormat) -> Result<Zeroizing<String>> {
        check_names(self.name, self.namespace)?;
        let chain =
            Certificate::chain_from_pem(self.certificate_pem).map_err(|e| e.within("tls.crt"))?;
        let key = KeyDocument::from_pem(self.key_pem)?;
        let key_public = match self.key_public_der {
            Some(der) => der.to_vec(),
            None => key.public_key_der().ok_or_else(|| {
                Error::key_input(format!(
                    "the public key of an {} key cannot be read without its crypto; derive it and pass it in",
                    key.algorithm()
                ))
            })?,
        };
        let leaf_key = chain.first().map(|leaf| &leaf.info().public_key.spki_der);
        if Some(&key_public) != leaf_key {
            return Err(Error::key_input(
                "the key is not the certificate's (private key does not match public key); give the key the CSR was made with",
            ));
        }
        if let Some(ca) = self.ca_pem {
            Certificate::chain_from_pem(ca).map_err(|e| e.within("ca.crt"))?;
        }
        let mut data = Map::new();
        if let Some(ca) = self.ca_pem {
            data = data.with("ca.crt", crate::base64::encode(ca.as_bytes()));
        }
        let data = data
            .with(
                "tls.crt",
                crate::base64::encode(self.certificate_pem.as_bytes()),
            )
            .with("tls.key", KEY_SLOT);
        let object =
            object("Secret", self.name, self.namespace, data).with("type", "kubernetes.io/tls");
        let text = render_value(&object.into(), format);
        let key = Zeroizing::new(crate::base64::encode(self.key_pem.as_bytes()));
        let (before, after) = text
            .split_once(KEY_SLOT)
            .ok_or_else(|| Error::encoding("the Secret", "the key's place was not found"))?;
        let mut secret = Zeroizing::new(String::with_capacity(text.len() + key.len()));
        secret.push_str(before);
        secret.push_str(&key);
        secret.push_str(after);
        Ok(secret)
    }
}

/// The ConfigMap that hands a CA's certificate to clients, under `ca.crt`.
pub fn ca_bundle(
    name: &str,
    namespace: Option<&str>,
    ca_pem: &str,
    format: ManifestFormat,
) -> Result<String> {
    check_names(name, namespace)?;
    Certificate::chain_from_pem(ca_pem).map_err(|e| e.within("ca.crt"))?;
    let data = Map::new().with("ca.crt", ca_pem);
    Ok(render_value(
        &object("ConfigMap", name, namespace, data).into(),
        format,
    ))
}

/// A `v1` object as `kubectl create --dry-run=client` writes it: fields
/// sorted, `creationTimestamp: null`.
fn object(kind: &str, name: &str, namespace: Option<&str>, data: Map) -> Map {
    Map::new()
        .with("apiVersion", "v1")
        .with("data", data)
        .with("kind", kind)
        .with(
            "metadata",
            Map::new()
                .with("creationTimestamp", Value::Null)
                .with("name", name)
                .with_some("namespace", namespace),
        )
}

/// The API server's rules for the names, in its words: `metadata.name` a
/// DNS-1123 subdomain, `metadata.namespace` a DNS-1123 label.
fn check_names(name: &str, namespace: Option<&str>) -> Result<()> {
    if name.is_empty() {
        return Err(Error::manifest(
            "metadata.name",
            "Required value: name or generateName is required",
        ));
    }
    let checks = [
        (
            "metadata.name",
            Some(name),
            dns1123_subdomain_errors as fn(&str) -> Vec<&'static str>,
        ),
        ("metadata.namespace", namespace, dns1123_label_errors),
    ];
    for (field, value, errors) in checks {
        if let Some(value) = value
            && let Some(error) = errors(value).first()
        {
            return Err(Error::manifest(field, invalid(value, error)));
        }
    }
    Ok(())
}
