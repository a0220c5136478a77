//! The `certificates.k8s.io/v1` CertificateSigningRequest object as JSON and
//! YAML carry it: only the fields csrcraft writes (the manifest) and reads
//! (`inspect`). Fields are written in the API's order (alphabetical within
//! each object, after `apiVersion` and `kind`), absent ones skipped; unknown
//! ones are ignored and `null` reads as absent. Base64 and timestamps stay
//! text here: their readers decode them.

use crate::json::{Map, Value};
use crate::{Error, Result};

/// `apiVersion` of the object.
pub(crate) const API_VERSION: &str = "certificates.k8s.io/v1";

/// `kind` of the object.
pub(crate) const KIND: &str = "CertificateSigningRequest";

/// A CertificateSigningRequest. `apiVersion` and `kind` are written as
/// [`API_VERSION`] and [`KIND`], and not read here: check them first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CertificateSigningRequest {
    /// `metadata`.
    pub metadata: ObjectMeta,
    /// `spec`.
    pub spec: Spec,
    /// `status`, which the cluster sets.
    pub status: Option<Status>,
}

/// `metadata`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ObjectMeta {
    /// `creationTimestamp`, RFC 3339 as the cluster wrote it.
    pub creation_timestamp: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `uid`, the object's own.
    pub uid: Option<String>,
}

/// `spec`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Spec {
    /// `expirationSeconds`: the requested lifetime.
    pub expiration_seconds: Option<i32>,
    /// `groups` of the requesting user, set by the API server.
    pub groups: Option<Vec<String>>,
    /// `request`: the base64 of the CSR's PEM.
    pub request: String,
    /// `signerName`.
    pub signer_name: String,
    /// `usages`, as the API spells them.
    pub usages: Option<Vec<String>>,
    /// `username` of the requesting user, set by the API server.
    pub username: Option<String>,
}

/// `status`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Status {
    /// `certificate`: the base64 of the issued chain's PEM.
    pub certificate: Option<String>,
    /// `conditions`, in order.
    pub conditions: Option<Vec<Condition>>,
}

/// One entry of `status.conditions`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Condition {
    /// `lastTransitionTime`, RFC 3339 as the cluster wrote it.
    pub last_transition_time: Option<String>,
    /// `lastUpdateTime`, RFC 3339 as the cluster wrote it.
    pub last_update_time: Option<String>,
    /// `message`, for people.
    pub message: Option<String>,
    /// `reason`, a machine word.
    pub reason: Option<String>,
    /// `status`: `True`, `False` or `Unknown`.
    pub status: String,
    /// `type`: `Approved`, `Denied` or `Failed`.
    pub kind: String,
}

/// The JSON text of a Kubernetes object as a value.
pub(crate) fn json_value(text: &str) -> Result<Value> {
    crate::json::from_str(text)
        .map_err(|e| Error::decode("Kubernetes object", format!("not valid JSON: {e}")))
}

/// The YAML text of a Kubernetes object as a value.
pub(crate) fn yaml_value(text: &str) -> Result<Value> {
    crate::yaml::from_str(text)
        .map_err(|e| Error::decode("Kubernetes object", format!("not valid YAML: {e}")))
}

/// Reads a `kubectl get csr NAME -o yaml|json` object: its `kind` and
/// `apiVersion` checked (a `List` is named with its items), then its fields.
pub(crate) fn read_object(value: &Value) -> Result<CertificateSigningRequest> {
    let field = |name: &str| value.get(name).and_then(Value::as_str).unwrap_or_default();
    let (kind, api_version) = (field("kind"), field("apiVersion"));
    if kind == "List" || kind.ends_with("List") {
        return Err(list_error(value, kind));
    }
    if kind != KIND {
        let kind = if kind.is_empty() { "missing" } else { kind };
        return Err(Error::decode(
            "Kubernetes object",
            format!("kind is {kind}, not CertificateSigningRequest"),
        ));
    }
    if api_version != API_VERSION {
        return Err(Error::decode(
            "Kubernetes object",
            format!(
                "apiVersion {} is not read; only {API_VERSION} is (get it with `kubectl get csr NAME -o yaml`)",
                crate::quoted(api_version)
            ),
        ));
    }
    CertificateSigningRequest::from_value(value)
}

/// The bytes of a base64 field (`spec.request`, `status.certificate`).
pub(crate) fn base64_field(text: &str, field: &str) -> Result<Vec<u8>> {
    crate::base64::decode(text)
        .map(|bytes| bytes.to_vec())
        .map_err(|(offset, problem)| {
            Error::decode(field, format!("not base64: {problem}, at byte {offset}"))
        })
}

/// The decoded bytes of a base64 field, which must be PEM text.
pub(crate) fn pem_text(bytes: Vec<u8>, field: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| {
        Error::decode(
            field,
            "the decoded base64 is not PEM text; it must be the base64 of a whole PEM file",
        )
    })
}

/// Names the objects of a list in a decode error.
fn list_error(value: &Value, kind: &str) -> Error {
    let names: Vec<&str> = value
        .get("items")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get("metadata")?.get("name")?.as_str())
                .collect()
        })
        .unwrap_or_default();
    let listed = if names.is_empty() {
        "no objects".to_owned()
    } else {
        format!("{} objects ({})", names.len(), names.join(", "))
    };
    Error::decode(
        "Kubernetes object",
        format!("a {kind} of {listed}; inspect one at a time: `kubectl get csr NAME -o yaml`"),
    )
}

impl CertificateSigningRequest {
    /// The object as JSON, fields in the API's order, absent ones left out.
    pub(crate) fn to_value(&self) -> Value {
        let metadata = &self.metadata;
        let spec = &self.spec;
        Map::new()
            .with("apiVersion", API_VERSION)
            .with("kind", KIND)
            .with(
                "metadata",
                Map::new()
                    .with_some("creationTimestamp", metadata.creation_timestamp.as_ref())
                    .with_some("name", metadata.name.as_ref())
                    .with_some("uid", metadata.uid.as_ref()),
            )
            .with(
                "spec",
                Map::new()
                    .with_some("expirationSeconds", spec.expiration_seconds)
                    .with_some("groups", spec.groups.as_deref())
                    .with("request", &spec.request)
                    .with("signerName", &spec.signer_name)
                    .with_some("usages", spec.usages.as_deref())
                    .with_some("username", spec.username.as_ref()),
            )
            .with_some("status", self.status.as_ref().map(Status::to_value))
            .into()
    }

    /// Reads the object's fields from `value`, naming the field path (e.g.
    /// `status.conditions[0].type`) of any that has the wrong type. Unknown
    /// fields are ignored and `null` reads as absent.
    pub(crate) fn from_value(value: &Value) -> Result<Self> {
        let top = Fields::of(value, "")?.unwrap_or_default();
        let metadata = top.object("metadata")?.unwrap_or_default();
        let spec = top.object("spec")?.unwrap_or_default();
        Ok(Self {
            metadata: ObjectMeta {
                creation_timestamp: metadata.string("creationTimestamp")?,
                name: metadata.string("name")?,
                uid: metadata.string("uid")?,
            },
            spec: Spec {
                expiration_seconds: spec.int32("expirationSeconds")?,
                groups: spec.strings("groups")?,
                request: spec.string("request")?.unwrap_or_default(),
                signer_name: spec.string("signerName")?.unwrap_or_default(),
                usages: spec.strings("usages")?,
                username: spec.string("username")?,
            },
            status: top.object("status")?.map(Status::from_fields).transpose()?,
        })
    }
}

impl Status {
    fn to_value(&self) -> Value {
        let conditions = self.conditions.as_ref().map(|conditions| {
            conditions
                .iter()
                .map(Condition::to_value)
                .collect::<Value>()
        });
        Map::new()
            .with_some("certificate", self.certificate.as_ref())
            .with_some("conditions", conditions)
            .into()
    }

    fn from_fields(status: Fields<'_>) -> Result<Self> {
        let conditions = match status.array("conditions")? {
            None => None,
            Some(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let path = format!("{}[{i}]", status.path_of("conditions"));
                        Condition::from_value(item, &path)
                    })
                    .collect::<Result<_>>()?,
            ),
        };
        Ok(Self {
            certificate: status.string("certificate")?,
            conditions,
        })
    }
}

impl Condition {
    fn to_value(&self) -> Value {
        Map::new()
            .with_some("lastTransitionTime", self.last_transition_time.as_ref())
            .with_some("lastUpdateTime", self.last_update_time.as_ref())
            .with_some("message", self.message.as_ref())
            .with_some("reason", self.reason.as_ref())
            .with("status", &self.status)
            .with("type", &self.kind)
            .into()
    }

    fn from_value(value: &Value, path: &str) -> Result<Self> {
        let Some(fields) = Fields::of(value, path)? else {
            return Err(wrong_type(path, "an object {...}", value));
        };
        Ok(Self {
            last_transition_time: fields.string("lastTransitionTime")?,
            last_update_time: fields.string("lastUpdateTime")?,
            message: fields.string("message")?,
            reason: fields.string("reason")?,
            status: fields.string("status")?.unwrap_or_default(),
            kind: fields.string("type")?.unwrap_or_default(),
        })
    }
}

/// An object of the API and where it sits, e.g. `status`.
#[derive(Clone, Copy, Debug, Default)]
struct Fields<'a> {
    path: &'a str,
    map: Option<&'a Map>,
}

impl<'a> Fields<'a> {
    /// `value` at `path` as an object; `None` when it is `null`.
    fn of(value: &'a Value, path: &'a str) -> Result<Option<Self>> {
        match value {
            Value::Null => Ok(None),
            Value::Object(map) => Ok(Some(Self {
                path,
                map: Some(map),
            })),
            other => Err(wrong_type(
                if path.is_empty() { "the object" } else { path },
                "an object {...}",
                other,
            )),
        }
    }

    fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// The field `name`, unless absent or `null`.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map?.get(name).filter(|value| !value.is_null())
    }

    /// The object `name`, a field of the top level (its path is its name).
    fn object(&self, name: &'static str) -> Result<Option<Fields<'a>>> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        match value {
            Value::Object(map) => Ok(Some(Fields {
                path: name,
                map: Some(map),
            })),
            other => Err(wrong_type(&self.path_of(name), "an object {...}", other)),
        }
    }

    fn string(&self, name: &str) -> Result<Option<String>> {
        self.get(name)
            .map(|value| {
                value
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| wrong_type(&self.path_of(name), "a string", value))
            })
            .transpose()
    }

    fn array(&self, name: &str) -> Result<Option<&'a [Value]>> {
        self.get(name)
            .map(|value| {
                value
                    .as_array()
                    .ok_or_else(|| wrong_type(&self.path_of(name), "an array [...]", value))
            })
            .transpose()
    }

    fn strings(&self, name: &str) -> Result<Option<Vec<String>>> {
        let Some(items) = self.array(name)? else {
            return Ok(None);
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_str().map(str::to_owned).ok_or_else(|| {
                    wrong_type(&format!("{}[{i}]", self.path_of(name)), "a string", item)
                })
            })
            .collect::<Result<_>>()
            .map(Some)
    }

    fn int32(&self, name: &str) -> Result<Option<i32>> {
        self.get(name)
            .map(|value| {
                value
                    .as_i64()
                    .and_then(|int| i32::try_from(int).ok())
                    .ok_or_else(|| {
                        wrong_type(
                            &self.path_of(name),
                            "a whole number from -2147483648 to 2147483647 (32 bits)",
                            value,
                        )
                    })
            })
            .transpose()
    }
}

/// The error for the field at `path` holding `found` instead of `expected`.
fn wrong_type(path: &str, expected: &str, found: &Value) -> Error {
    Error::decode(
        path,
        format!("must be {expected}, found {}", found.describe()),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<CertificateSigningRequest> {
        CertificateSigningRequest::from_value(&crate::json::from_str(json).unwrap())
    }

    fn error(json: &str) -> String {
        read(json).unwrap_err().to_string()
    }

    #[test]
    fn names_the_field_of_a_wrong_type() {
        assert_eq!(
            error(r#"{"status": {"conditions": [{"type": "Approved"}, {"type": 5}]}}"#),
            "status.conditions[1].type: must be a string, found number 5"
        );
        assert_eq!(
            error(r#"{"spec": {"usages": ["server auth", true]}}"#),
            "spec.usages[1]: must be a string, found boolean true"
        );
        assert_eq!(
            error(r#"{"spec": {"expirationSeconds": 3000000000}}"#),
            "spec.expirationSeconds: must be a whole number from -2147483648 to 2147483647 (32 bits), found number 3000000000"
        );
        assert_eq!(
            error(r#"{"metadata": []}"#),
            "metadata: must be an object {...}, found an array"
        );
        assert_eq!(
            error(r#"{"status": {"conditions": [null]}}"#),
            "status.conditions[0]: must be an object {...}, found null"
        );
        assert_eq!(
            error("[]"),
            "the object: must be an object {...}, found an array"
        );
    }

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
        let json = crate::json::to_string(&full().to_value());
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
        assert_eq!(read(&json).unwrap(), full());
    }

    #[test]
    fn skips_what_is_absent() {
        let json = crate::json::to_string(&CertificateSigningRequest::default().to_value());
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
        let object = read(json).unwrap();
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
        let empty = read("{}").unwrap();
        assert_eq!(empty, CertificateSigningRequest::default());
    }
}
