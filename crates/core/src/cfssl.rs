//! cfssl's output line: what `cfssl genkey` and `cfssl gencsr` print for `cfssljson`.

use zeroize::Zeroizing;

use crate::json;

/// `{"csr":"...","key":"..."}` (without `key` for `gencsr`), written as serde_json writes it.
/// The line is built in one buffer, zeroized when dropped and big enough for any escaping (at
/// most six characters for each one escaped), so the key leaves no copy behind in memory.
pub fn cfssl_json_line(csr: &str, key: Option<&str>) -> Zeroizing<String> {
    let mut members = vec![("csr", csr)];
    members.extend(key.map(|key| ("key", key)));
    json_line(&members)
}

/// `{"cert":"...","csr":"...","key":"..."}`: what `cfssl gencert -initca` prints, in the same
/// zeroizing buffer as [`cfssl_json_line`].
pub fn cfssl_ca_json_line(cert: &str, csr: &str, key: &str) -> Zeroizing<String> {
    json_line(&[("cert", cert), ("csr", csr), ("key", key)])
}

/// One JSON object of string members, in one buffer sized for any escaping.
fn json_line(members: &[(&str, &str)]) -> Zeroizing<String> {
    let capacity = members
        .iter()
        .map(|(name, value)| name.len() + 6 * value.len() + 6)
        .sum::<usize>()
        + 1;
    let mut line = Zeroizing::new(String::with_capacity(capacity));
    for (i, (name, value)) in members.iter().enumerate() {
        line.push_str(if i == 0 { "{\"" } else { ",\"" });
        line.push_str(name);
        line.push_str("\":");
        json::write_string(&mut line, value);
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
        // Sized once by `json_line`: each member's name, quotes and separators, six times its value.
        let sized = (3 + 6 * csr.len() + 6) + (3 + 6 * key.len() + 6) + 1;
        assert_eq!(line.capacity(), sized);
        let json::Value::Object(read) = json::from_str(&line).unwrap() else {
            panic!("not an object")
        };
        assert_eq!(read.get("key"), Some(&json::Value::from(key)));
        // The worst case: every character escaped as \u00XX.
        let controls = "\u{1}".repeat(100);
        assert_eq!(
            cfssl_json_line(&controls, None).capacity(),
            3 + 6 * controls.len() + 6 + 1
        );
        assert_eq!(cfssl_json_line("x", None).as_str(), r#"{"csr":"x"}"#);
    }
}
