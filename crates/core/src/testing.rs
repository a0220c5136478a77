//! Helpers shared by the core's unit tests.

/// The next number below `below` of a small, fixed pseudo-random sequence
/// (xorshift) kept in `state`, so generated test cases are the same on every
/// run.
pub(crate) fn xorshift(state: &mut u64, below: usize) -> usize {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state % below as u64) as usize
}
