//! The `certificates.k8s.io/v1` CertificateSigningRequest object as JSON and
//! YAML carry it: only the fields csrcraft writes (the manifest) and reads
//! (`inspect`). Fields are written in the API's order (alphabetical within
//! each object, after `apiVersion` and `kind`), absent ones skipped; unknown
//! ones are ignored and `null` reads as absent. Base64 and timestamps stay
//! text here: their readers decode them.

use serde::ser::SerializeStruct as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `apiVersion` of the object.
pub(crate) const API_VERSION: &str = "certificates.k8s.io/v1";

/// `kind` of the object.
pub(crate) const KIND: &str = "CertificateSigningRequest";

/// A CertificateSigningRequest. `apiVersion` and `kind` are written as
/// [`API_VERSION`] and [`KIND`], and not read here: check them first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub(crate) struct CertificateSigningRequest {
    /// `metadata`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: ObjectMeta,
    /// `spec`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub spec: Spec,
    /// `status`, which the cluster sets.
    #[serde(default)]
    pub status: Option<Status>,
}

impl Serialize for CertificateSigningRequest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = 4 + usize::from(self.status.is_some());
        let mut object = serializer.serialize_struct(KIND, fields)?;
        object.serialize_field("apiVersion", API_VERSION)?;
        object.serialize_field("kind", KIND)?;
        object.serialize_field("metadata", &self.metadata)?;
        object.serialize_field("spec", &self.spec)?;
        if let Some(status) = &self.status {
            object.serialize_field("status", status)?;
        }
        object.end()
    }
}

/// `metadata`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ObjectMeta {
    /// `creationTimestamp`, RFC 3339 as the cluster wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `uid`, the object's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// `spec`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Spec {
    /// `expirationSeconds`: the requested lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_seconds: Option<i32>,
    /// `groups` of the requesting user, set by the API server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    /// `request`: the base64 of the CSR's PEM.
    #[serde(default, deserialize_with = "null_as_default")]
    pub request: String,
    /// `signerName`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub signer_name: String,
    /// `usages`, as the API spells them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usages: Option<Vec<String>>,
    /// `username` of the requesting user, set by the API server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

/// `status`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Status {
    /// `certificate`: the base64 of the issued chain's PEM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// `conditions`, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
}

/// One entry of `status.conditions`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Condition {
    /// `lastTransitionTime`, RFC 3339 as the cluster wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<String>,
    /// `lastUpdateTime`, RFC 3339 as the cluster wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_time: Option<String>,
    /// `message`, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// `reason`, a machine word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `status`: `True`, `False` or `Unknown`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// `type`: `Approved`, `Denied` or `Failed`.
    #[serde(default, rename = "type", deserialize_with = "null_as_default")]
    pub kind: String,
}

/// Reads `null` as the type's default, as the API's own clients do for
/// required fields.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn full() -> CertificateSigningRequest {
        CertificateSigningRequest {
            metadata: ObjectMeta {
                creation_timestamp: Some("2026-05-31T09:00:00Z".to_owned()),
                name: Some("web".to_owned()),
                uid: Some("u-1".to_owned()),
            },
            spec: Spec {
                expiration_seconds: Some(600),
                groups: Some(vec!["system:authenticated".to_owned()]),
                request: "UEVN".to_owned(),
                signer_name: "example.com/serving".to_owned(),
                usages: Some(vec!["server auth".to_owned()]),
                username: Some("jane".to_owned()),
            },
            status: Some(Status {
                certificate: Some("Q0VSVA==".to_owned()),
                conditions: Some(vec![Condition {
                    last_transition_time: Some("2026-05-31T09:05:12Z".to_owned()),
                    last_update_time: Some("2026-05-31T09:05:13Z".to_owned()),
                    message: Some("ok".to_owned()),
                    reason: Some("KubectlApprove".to_owned()),
                    status: "True".to_owned(),
                    kind: "Approved".to_owned(),
                }]),
            }),
        }
    }

    #[test]
    fn writes_fields_in_the_api_order() {
        let json = serde_json::to_string(&full()).unwrap();
        assert_eq!(
            json,
            concat!(
                r#"{"apiVersion":"certificates.k8s.io/v1","kind":"CertificateSigningRequest","#,
                r#""metadata":{"creationTimestamp":"2026-05-31T09:00:00Z","name":"web","uid":"u-1"},"#,
                r#""spec":{"expirationSeconds":600,"groups":["system:authenticated"],"request":"UEVN","#,
                r#""signerName":"example.com/serving","usages":["server auth"],"username":"jane"},"#,
                r#""status":{"certificate":"Q0VSVA==","conditions":[{"#,
                r#""lastTransitionTime":"2026-05-31T09:05:12Z","lastUpdateTime":"2026-05-31T09:05:13Z","#,
                r#""message":"ok","reason":"KubectlApprove","status":"True","type":"Approved"}]}}"#,
            )
        );
        assert_eq!(
            serde_json::from_str::<CertificateSigningRequest>(&json).unwrap(),
            full()
        );
    }

    #[test]
    fn skips_what_is_absent() {
        let json = serde_json::to_string(&CertificateSigningRequest::default()).unwrap();
        assert_eq!(
            json,
            r#"{"apiVersion":"certificates.k8s.io/v1","kind":"CertificateSigningRequest","metadata":{},"spec":{"request":"","signerName":""}}"#
        );
    }

    #[test]
    fn reads_nulls_as_absent_and_ignores_unknown_fields() {
        let json = r#"{"metadata": null, "spec": {"request": null, "signerName": null,
            "groups": null, "extra": {"a": ["b"]}}, "status": {"conditions": [{"type": null,
            "status": null, "observedGeneration": 1}]}, "other": true}"#;
        let object: CertificateSigningRequest = serde_json::from_str(json).unwrap();
        assert_eq!(
            object,
            CertificateSigningRequest {
                status: Some(Status {
                    certificate: None,
                    conditions: Some(vec![Condition::default()]),
                }),
                ..CertificateSigningRequest::default()
            }
        );
        let empty: CertificateSigningRequest = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, CertificateSigningRequest::default());
    }
}
