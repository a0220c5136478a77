//! apimachinery's name rules (`k8s.io/apimachinery/pkg/util/validation`) and
//! `field.Error`'s words, for the names the API server checks.

/// `DNS1123LabelMaxLength`.
pub(super) const DNS1123_LABEL_MAX_LENGTH: usize = 63;
/// `DNS1123SubdomainMaxLength`.
pub(super) const DNS1123_SUBDOMAIN_MAX_LENGTH: usize = 253;

/// apimachinery's `IsDNS1123Label` message (`RegexError`, with its two spaces).
pub(super) const DNS1123_LABEL_ERROR: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
/// apimachinery's `IsDNS1123Subdomain` message.
pub(super) const DNS1123_SUBDOMAIN_ERROR: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
/// apimachinery's `MaxLenError` for labels and subdomains.
pub(super) const LABEL_TOO_LONG: &str = "must be no more than 63 bytes";
pub(super) const SUBDOMAIN_TOO_LONG: &str = "must be no more than 253 bytes";

/// `field.Invalid`'s body for a string value.
pub(super) fn invalid(value: &str, detail: &str) -> String {
    format!("Invalid value: {}: {detail}", crate::quoted(value))
}

/// `field.TooLong`'s body.
pub(super) fn too_long(max: usize) -> String {
    format!("Too long: may not be more than {max} bytes")
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, the whole of `label`.
pub(super) fn is_dns1123_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    let alphanumeric = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    bytes.first().is_some_and(alphanumeric)
        && bytes.last().is_some_and(alphanumeric)
        && bytes.iter().all(|b| alphanumeric(b) || *b == b'-')
}

/// apimachinery's `IsDNS1123Label`: the length, then the form.
pub(super) fn dns1123_label_errors(label: &str) -> Vec<&'static str> {
    let mut errors = Vec::new();
    if label.len() > DNS1123_LABEL_MAX_LENGTH {
        errors.push(LABEL_TOO_LONG);
    }
    if !is_dns1123_label(label) {
        errors.push(DNS1123_LABEL_ERROR);
    }
    errors
}

/// apimachinery's `IsDNS1123Subdomain`: the length, then each dot-separated label.
pub(super) fn dns1123_subdomain_errors(piece: &str) -> Vec<&'static str> {
    let mut errors = Vec::new();
    if piece.len() > DNS1123_SUBDOMAIN_MAX_LENGTH {
        errors.push(SUBDOMAIN_TOO_LONG);
    }
    if !piece.split('.').all(is_dns1123_label) {
        errors.push(DNS1123_SUBDOMAIN_ERROR);
    }
    errors
}
