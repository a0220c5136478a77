//! Finding repeated items among n in n log n: one sort of their indices by
//! key, instead of comparing each item with every earlier one (n², which made
//! a spec with 200,000 hosts take 49 s).

/// For each key, the index of the first earlier key equal to it; `None` for
/// the first of its kind.
///
/// The keys are bytes so that every caller shares one instance of the sort
/// (each instance costs the wasm its own copy).
pub(crate) fn first_earlier(keys: &[&[u8]]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Equal keys end up adjacent and in input order, the first of them first.
    order.sort_unstable_by(|&a, &b| keys[a].cmp(keys[b]).then(a.cmp(&b)));
    let mut earlier = vec![None; keys.len()];
    // The first index of the run of equal keys being walked, and its key.
    let mut run: Option<(usize, &[u8])> = None;
    for index in order {
        let key = keys[index];
        match run {
            Some((first, run_key)) if run_key == key => earlier[index] = Some(first),
            _ => run = Some((index, key)),
        }
    }
    earlier
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::first_earlier;

    #[track_caller]
    fn check(keys: &[&str], expect: &[Option<usize>]) {
        let keys: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        assert_eq!(first_earlier(&keys), expect);
    }

    #[test]
    fn each_repeat_points_at_the_first_of_its_kind() {
        check(&[], &[]);
        check(&["a"], &[None]);
        check(
            &["b", "a", "b", "c", "a", "b"],
            &[None, None, Some(0), None, Some(1), Some(0)],
        );
        check(&["x", "x", "x"], &[None, Some(0), Some(0)]);
        check(&["", "", "a"], &[None, Some(0), None]);
    }

    #[test]
    fn agrees_with_the_quadratic_scan_on_many_keys() {
        // A large input completes, and matches comparing with every earlier key.
        let keys: Vec<String> = (0..5_000)
            .map(|i| format!("{}", (i * 7919) % 1_300))
            .collect();
        let bytes: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        let fast = first_earlier(&bytes);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(fast[i], keys[..i].iter().position(|k| k == key), "{i}");
        }
    }
}
