//! Validity at a given time: `notBefore <= at <= notAfter` (RFC 5280
//! §4.1.2.5, both ends inclusive) for every certificate on the path.

use super::Check;
use crate::{Certificate, UnixTime};

/// Checks each `(role, certificate)` at `at`; the leaf comes first.
pub(super) fn check(certificates: &[(String, &Certificate)], at: UnixTime) -> Check {
    let mut problems = Vec::new();
    for (role, certificate) in certificates {
        let info = certificate.info();
        if at < info.not_before {
            problems.push(format!(
                "{role} not valid yet: for another {} (not before {})",
                human_duration(info.not_before.0.saturating_sub(at.0)),
                info.not_before
            ));
        } else if at > info.not_after {
            problems.push(format!(
                "{role} expired {} ago (not after {})",
                human_duration(at.0.saturating_sub(info.not_after.0)),
                info.not_after
            ));
        }
    }
    if !problems.is_empty() {
        return Check::fail(Check::VALIDITY, format!("at {at}: {}", problems.join("; ")));
    }
    let Some((_, leaf)) = certificates.first() else {
        return Check::fail(Check::VALIDITY, "no certificate to check");
    };
    let info = leaf.info();
    let mut detail = format!(
        "at {at}: leaf valid from {} to {} ({} left)",
        info.not_before,
        info.not_after,
        human_duration(info.not_after.0.saturating_sub(at.0))
    );
    match certificates.len() - 1 {
        0 => {}
        1 => detail.push_str(", and so is its issuer"),
        n => detail.push_str(&format!(", and so are the {n} certificates above it")),
    }
    Check::pass(Check::VALIDITY, detail).with_notes(outlived(certificates))
}

/// A note when a certificate above the leaf expires before it: from then on
/// the chain no longer verifies, whatever the leaf says.
fn outlived(certificates: &[(String, &Certificate)]) -> Vec<String> {
    let Some(((_, leaf), above)) = certificates.split_first() else {
        return Vec::new();
    };
    let leaf_end = leaf.info().not_after;
    let first_to_expire = above
        .iter()
        .filter(|(_, c)| c.info().not_after < leaf_end)
        .min_by_key(|(_, c)| c.info().not_after);
    match first_to_expire {
        Some((role, c)) => vec![format!(
            "the {role} expires first, at {}, {} before the leaf: from then on the chain does not verify",
            c.info().not_after,
            human_duration(leaf_end.0.saturating_sub(c.info().not_after.0))
        )],
        None => Vec::new(),
    }
}

/// A span of seconds in its two largest units: `3d`, `3d 4h`, `5h 2m`,
/// `12m 5s`, `40s`.
pub(super) fn human_duration(seconds: i64) -> String {
    const UNITS: [(i64, &str); 4] = [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")];
    let seconds = seconds.max(0);
    for (i, (size, unit)) in UNITS.iter().enumerate() {
        if seconds >= *size || *size == 1 {
            let major = seconds / size;
            let rest = seconds % size;
            return match UNITS.get(i + 1) {
                Some((next_size, next_unit)) if rest / next_size > 0 => {
                    format!("{major}{unit} {}{next_unit}", rest / next_size)
                }
                _ => format!("{major}{unit}"),
            };
        }
    }
    format!("{seconds}s")
}

#[cfg(test)]
mod tests {
    use super::human_duration;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(0), "0s");
        assert_eq!(human_duration(40), "40s");
        assert_eq!(human_duration(725), "12m 5s");
        assert_eq!(human_duration(3 * 86_400), "3d");
        assert_eq!(human_duration(3 * 86_400 + 4 * 3_600 + 59), "3d 4h");
        assert_eq!(human_duration(5 * 3_600 + 120), "5h 2m");
        assert_eq!(human_duration(-5), "0s");
    }
}
