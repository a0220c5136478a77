//! Certificates and CSRs (DER) against x509-parser 0.18, with the comparison
//! tests/tests/x509_parser.rs makes (`csrcraft_interop::x509_compare`):
//! - on a certificate both read, the version, serial, subject, issuer, validity, SANs, key
//!   usages, basic constraints and extensions agree;
//! - a certificate x509-parser refuses, the core refuses too, unless it is one of the argued
//!   differences (`Difference::DuplicateExtension`);
//! - where asn1-rs misreads an OID's first arcs (`Difference::OidFirstArc`), the two may read
//!   a certificate or CSR differently;
//! - the core may refuse what x509-parser reads: it reads DER as rustls-webpki does, where
//!   x509-parser lets mutated encodings through (BER's indefinite lengths and constructed
//!   strings, bytes left over inside an element, a name attribute of another tag, an
//!   undecodable GeneralName; fuzz/README.md).
//!
//! On a CSR both read, the subject, SANs and public key agree (`compare_request`, with the
//! same rules); a CSR x509-parser refuses, the core refuses too, unless only the contents of
//! what the core does not decode fail to parse (`Difference::RequestContents`: a
//! challengePassword, a requested extension other than subjectAltName; Go's crypto/x509 does
//! not decode them either). The input is not printed: libFuzzer keeps it as the crash file.
#![no_main]

use csrcraft_interop::x509_compare::{Comparison, compare_certificate, compare_request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match compare_certificate(data) {
        Comparison::ReadDifferently(how) => panic!("certificate read differently:\n  {how}"),
        Comparison::OnlyCoreReads(why) => {
            panic!("only the core reads the certificate; x509-parser: {why}")
        }
        _ => {}
    }
    match compare_request(data) {
        Comparison::ReadDifferently(how) => panic!("CSR read differently:\n  {how}"),
        Comparison::OnlyCoreReads(why) => panic!("only the core reads the CSR; x509-parser: {why}"),
        _ => {}
    }
});
