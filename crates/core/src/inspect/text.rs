//! The text view: the shapes of `kubectl describe csr`, `openssl req -text`
//! and `openssl x509 -text`, one aligned field a line.

use super::Inspection;
use super::detect::InputFormat;
use super::object::KubernetesView;
use super::view::{
    AltNamesView, CertificateView, CheckView, PublicKeyView, RequestView, duration_text,
};

/// The column where values start.
const VALUE_COLUMN: usize = 24;
/// What kubectl prints for an absent value.
const NONE: &str = "<none>";

pub(super) fn render(inspection: &Inspection) -> String {
    let mut out = Text::default();
    let from_object = inspection.kubernetes.is_some();
    if let Some(object) = &inspection.kubernetes {
        kubernetes(&mut out, object);
    }
    if let Some(request) = &inspection.request {
        let source = if from_object {
            "spec.request".to_owned()
        } else {
            let label = request
                .pem_label
                .as_deref()
                .unwrap_or("CERTIFICATE REQUEST");
            match inspection.input {
                InputFormat::Base64Pem => format!("base64 of PEM {label}"),
                InputFormat::Der => "DER".to_owned(),
                InputFormat::Base64Der => "base64 of DER".to_owned(),
                _ => format!("PEM {label}"),
            }
        };
        out.heading(&format!("Certificate Request ({source})"));
        request_fields(&mut out, request);
    }
    let count = inspection.certificates.len();
    for (i, certificate) in inspection.certificates.iter().enumerate() {
        let source = match inspection.input {
            _ if from_object => "status.certificate",
            InputFormat::Der => "DER",
            InputFormat::Base64Pem => "base64 of PEM",
            InputFormat::Base64Der => "base64 of DER",
            _ => "PEM",
        };
        let title = if count == 1 {
            format!("Certificate ({source})")
        } else {
            format!("Certificate {} of {count} ({source})", i + 1)
        };
        out.heading(&title);
        certificate_fields(&mut out, certificate);
    }
    out.0
}

fn kubernetes(out: &mut Text, object: &KubernetesView) {
    out.heading("Kubernetes CertificateSigningRequest");
    out.field(1, "Name", &object.name);
    out.field(1, "Created", object.created.as_deref().unwrap_or(NONE));
    out.field(
        1,
        "Requesting User",
        object.username.as_deref().unwrap_or(NONE),
    );
    out.field(1, "Groups", &joined(&object.groups));
    out.field(1, "Signer", or_none(&object.signer_name));
    out.field(1, "Usages", &joined(&object.usages));
    let expiration = match object.expiration_seconds {
        Some(seconds) => format!("{seconds}s ({})", duration_text(seconds.into())),
        None => NONE.to_owned(),
    };
    out.field(1, "Expiration", &expiration);
    out.field(1, "Status", &object.status);
    if object.conditions.is_empty() {
        out.field(1, "Conditions", NONE);
        return;
    }
    out.field(1, "Conditions", "");
    let mut rows = vec![["Type", "Status", "Reason", "Last Update", "Message"].map(str::to_owned)];
    for condition in &object.conditions {
        let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| NONE.to_owned());
        rows.push([
            condition.kind.clone(),
            condition.status.clone(),
            or_none(&condition.reason),
            or_none(&condition.last_update_time),
            or_none(&condition.message),
        ]);
    }
    out.table(2, &rows);
}

fn request_fields(out: &mut Text, request: &RequestView) {
    out.field(1, "Subject", or_none(&request.subject.text));
    out.field(1, "Public Key", &public_key(&request.public_key));
    out.field(1, "Signature Algorithm", &request.signature_algorithm);
    out.field(1, "Self-Signature", &check(&request.self_signature));
    alt_names(out, &request.subject_alt_names);
    out.list(1, "Requested Extensions", &request.requested_extensions);
}

fn certificate_fields(out: &mut Text, certificate: &CertificateView) {
    out.field(1, "Subject", or_none(&certificate.subject.text));
    out.field(1, "Issuer", or_none(&certificate.issuer.text));
    out.field(1, "Serial", &certificate.serial);
    out.field(1, "Version", &certificate.version.to_string());
    let validity = &certificate.validity;
    out.field(1, "Validity", &validity.summary);
    out.field(2, "Not Before", &validity.not_before);
    out.field(2, "Not After", &validity.not_after);
    out.field(2, "Lifetime", &duration_text(validity.lifetime_seconds));
    out.field(1, "Public Key", &public_key(&certificate.public_key));
    if let Some(matches) = certificate.key_matches_request {
        let text = if matches {
            "yes, the CSR's public key"
        } else {
            "NO: the certificate is for another public key than the CSR's"
        };
        out.field(1, "Key Matches CSR", text);
    }
    out.field(1, "Signature Algorithm", &certificate.signature_algorithm);
    let signed_by = match &certificate.issuer_signature {
        Some(link) => {
            let who = if link.signed_by == "itself" {
                "itself (self-signed)"
            } else {
                &link.signed_by
            };
            match &link.problem {
                None => format!("{who}, signature ok"),
                Some(problem) => format!("{who}? FAILED: {problem}"),
            }
        }
        None => "not checked: the issuer is not in the input".to_owned(),
    };
    out.field(1, "Signed By", &signed_by);
    alt_names(out, &certificate.subject_alt_names);
    let critical = |name: &str| {
        let marked = certificate
            .extensions
            .iter()
            .any(|e| e.name == name && e.critical);
        if marked { " (critical)" } else { "" }
    };
    let key_usage = match certificate.key_usage.as_slice() {
        [] => NONE.to_owned(),
        usages => format!("{}{}", usages.join(", "), critical("keyUsage")),
    };
    out.field(1, "Key Usage", &key_usage);
    out.field(
        1,
        "Extended Key Usage",
        &joined(&certificate.extended_key_usage),
    );
    let basic_constraints = match certificate.basic_constraints {
        None => NONE.to_owned(),
        Some(bc) => {
            let path_len = bc
                .path_len
                .map(|n| format!(", pathlen:{n}"))
                .unwrap_or_default();
            let ca = if bc.ca { "TRUE" } else { "FALSE" };
            format!("CA:{ca}{path_len}{}", critical("basicConstraints"))
        }
    };
    out.field(1, "Basic Constraints", &basic_constraints);
    if let Some(constraints) = &certificate.name_constraints {
        // Only the lists present, as openssl shows them: "Permitted: <none>"
        // would read as "nothing is permitted", the opposite of its meaning.
        let critical = critical("nameConstraints");
        let value = if constraints.permitted.is_empty() && constraints.excluded.is_empty() {
            format!("no subtrees{critical}")
        } else {
            critical.trim_start().to_owned()
        };
        out.field(1, "Name Constraints", &value);
        for (label, subtrees) in [
            ("Permitted", &constraints.permitted),
            ("Excluded", &constraints.excluded),
        ] {
            if !subtrees.is_empty() {
                out.list(2, label, subtrees);
            }
        }
    }
    let extensions: Vec<String> = certificate
        .extensions
        .iter()
        .map(|e| {
            let marker = match (e.critical, e.understood) {
                (false, _) => "",
                (true, true) => " (critical)",
                (true, false) => " (critical, not understood by path validation)",
            };
            format!("{}{marker}", e.name)
        })
        .collect();
    out.list(1, "Extensions", &extensions);
    out.field(1, "SHA-256 Fingerprint", &certificate.fingerprints.sha256);
    out.field(1, "SHA-1 Fingerprint", &certificate.fingerprints.sha1);
}

fn public_key(key: &PublicKeyView) -> String {
    let name = match (key.algorithm.as_str(), &key.curve) {
        ("ecdsa", Some(curve)) => format!("ECDSA {curve}"),
        ("rsa", _) => "RSA".to_owned(),
        ("ed25519", _) => "Ed25519".to_owned(),
        (other, _) => other.to_owned(),
    };
    match key.bits {
        Some(bits) => format!("{name} ({bits} bits)"),
        None => name,
    }
}

fn check(check: &CheckView) -> String {
    match &check.problem {
        None => "ok".to_owned(),
        Some(problem) => format!("FAILED: {problem}"),
    }
}

fn alt_names(out: &mut Text, names: &AltNamesView) {
    if names.is_empty() {
        out.field(1, "Subject Alt Names", NONE);
        return;
    }
    out.field(1, "Subject Alt Names", "");
    for (label, values) in [
        ("DNS", &names.dns),
        ("IP", &names.ip),
        ("Email", &names.email),
        ("URI", &names.uri),
        ("Other", &names.other),
    ] {
        if !values.is_empty() {
            out.list(2, label, values);
        }
    }
}

fn joined(values: &[String]) -> String {
    if values.is_empty() {
        NONE.to_owned()
    } else {
        values.join(", ")
    }
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { NONE } else { text }
}

/// Aligned lines of text.
#[derive(Default)]
struct Text(String);

impl Text {
    /// A section title, after a blank line unless it is the first.
    fn heading(&mut self, title: &str) {
        if !self.0.is_empty() {
            self.0.push('\n');
        }
        self.0.push_str(title);
        self.0.push('\n');
    }

    /// `label:` indented by `depth` steps, then `value` at [`VALUE_COLUMN`].
    fn field(&mut self, depth: usize, label: &str, value: &str) {
        let start = self.0.len();
        self.0.push_str(&"  ".repeat(depth));
        self.0.push_str(label);
        self.0.push(':');
        if !value.is_empty() {
            let used = self.0.len() - start;
            self.0
                .push_str(&" ".repeat(VALUE_COLUMN.saturating_sub(used).max(1)));
            self.0.push_str(value);
        }
        self.0.push('\n');
    }

    /// One value a line, the first beside the label, the rest below it.
    fn list(&mut self, depth: usize, label: &str, values: &[String]) {
        let Some((first, rest)) = values.split_first() else {
            self.field(depth, label, NONE);
            return;
        };
        self.field(depth, label, first);
        for value in rest {
            self.0.push_str(&" ".repeat(VALUE_COLUMN));
            self.0.push_str(value);
            self.0.push('\n');
        }
    }

    /// Rows of cells in columns as wide as their widest cell, two spaces apart;
    /// the last column is not padded.
    fn table<const N: usize>(&mut self, depth: usize, rows: &[[String; N]]) {
        let mut widths = [0; N];
        for row in rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        for row in rows {
            let mut line = "  ".repeat(depth);
            for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
                line.push_str(cell);
                if i + 1 < N {
                    line.push_str(&" ".repeat(width - cell.chars().count() + 2));
                }
            }
            self.0.push_str(line.trim_end());
            self.0.push('\n');
        }
    }
}
