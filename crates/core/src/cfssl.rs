//! cfssl's output line: what `cfssl genkey` and `cfssl gencsr` print for `cfssljson`.

use zeroize::Zeroizing;

use crate::json;

/// `{"csr":"...","key":"..."}` (without `key` for `gencsr`), written as serde_json writes it.
/// The line is built in one buffer, zeroized when dropped and big enough for any escaping (at
/// most six characters for each one escaped), so the key leaves no copy behind in memory.
pub fn cfssl_json_line(csr: &str, key: Option<&str>) -> Zeroizing<String> {
    let capacity = 6 * (csr.len() + key.map_or(0, str::len)) + 32;
    let mut line = Zeroizing::new(String::with_capacity(capacity));
    line.push_str("{\"csr\":");
    json::write_string(&mut line, csr);
    if let Some(key) = key {
        line.push_str(",\"key\":");
        json::write_string(&mut line, key);
    }
    line.push('}');
    line
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_line_reads_back_and_never_grows_its_buffer() {
        let csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        let key = "-----BEGIN EC PRIVATE KEY-----\nMHc\"\\\u{1}\n-----END EC PRIVATE KEY-----\n";
        let line = cfssl_json_line(csr, Some(key));
        assert_eq!(
            line.as_str(),
            r#"{"csr":"-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n","key":"-----BEGIN EC PRIVATE KEY-----\nMHc\"\\\u0001\n-----END EC PRIVATE KEY-----\n"}"#
        );
        assert_eq!(line.capacity(), 6 * (csr.len() + key.len()) + 32);
        let json::Value::Object(read) = json::from_str(&line).unwrap() else {
            panic!("not an object")
        };
        assert_eq!(read.get("key"), Some(&json::Value::from(key)));
        // The worst case: every character escaped as \u00XX.
        let controls = "\u{1}".repeat(100);
        assert_eq!(
            cfssl_json_line(&controls, None).capacity(),
            6 * controls.len() + 32
        );
        assert_eq!(cfssl_json_line("x", None).as_str(), r#"{"csr":"x"}"#);
    }
}
