//! Writing DER: one element from its tag and the parts of its value. Each
//! buffer is allocated once at its final size, so a secret written here
//! leaves no stray copies behind a caller's `Zeroizing`.

use super::tag;

/// The element `tag` whose value is `parts` joined.
pub(crate) fn tlv(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    let length: usize = parts.iter().map(|part| part.len()).sum();
    let octets = length_octets(length);
    let mut der = Vec::with_capacity(1 + octets.len() + length);
    der.push(tag);
    der.extend_from_slice(&octets);
    for part in parts {
        der.extend_from_slice(part);
    }
    der
}

/// A SEQUENCE of the encoded elements `parts`.
pub(crate) fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, parts)
}

/// A non-negative INTEGER from big-endian magnitude `bytes` (leading zeros
/// dropped, a sign octet added when the top bit is set; empty is zero).
pub(crate) fn unsigned(bytes: &[u8]) -> Vec<u8> {
    let start = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    let magnitude = bytes.get(start..).unwrap_or_default();
    match magnitude.first() {
        None => tlv(tag::INTEGER, &[&[0]]),
        Some(first) if *first >= 0x80 => tlv(tag::INTEGER, &[&[0], magnitude]),
        Some(_) => tlv(tag::INTEGER, &[magnitude]),
    }
}

/// A BIT STRING of whole octets.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    tlv(tag::BIT_STRING, &[&[0], bytes])
}

/// The length octets: short form below 128, else the shortest long form.
fn length_octets(length: usize) -> Vec<u8> {
    if length < 0x80 {
        return vec![length as u8];
    }
    let be = (length as u64).to_be_bytes();
    let start = be.iter().position(|&b| b != 0).unwrap_or(be.len() - 1);
    let significant = be.get(start..).unwrap_or_default();
    let mut octets = Vec::with_capacity(1 + significant.len());
    octets.push(0x80 | significant.len() as u8);
    octets.extend_from_slice(significant);
    octets
}
