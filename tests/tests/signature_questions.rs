//! The first phase of a two-phase signature check lists every signature a run
//! will ask about: on each of x509-limbo's 648 chains (`../shared/limbo`),
//! `verify` and `inspect` run with RustCrypto ask only questions that
//! `verify_signature_questions` and `inspect_signature_questions` listed, and
//! a run answered from that list (`SignatureAnswers::decide`) gives the same
//! report as a run answered directly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::Mutex;

use csrcraft::{
    Certificate, Idna, Purpose, SignatureAnswers, SignatureCheck, SignatureError,
    SignatureQuestion, SignatureVerifier, SoftwareVerifier, UnixTime, VerifyInput, inspect_checked,
    inspect_signature_questions, read_certificates, verify, verify_signature_questions,
};
use csrcraft_interop::run;

/// RustCrypto's answers, each question noted.
#[derive(Default)]
struct Recording {
    asked: Mutex<Vec<SignatureQuestion>>,
}

impl SignatureVerifier for Recording {
    fn verify(&self, check: &SignatureCheck<'_>) -> Result<(), SignatureError> {
        self.asked.lock().unwrap().push(SignatureQuestion {
            signed: check.signed.to_vec(),
            algorithm: check.algorithm.clone(),
            signature: check.signature.to_vec(),
            signer_spki_der: check.signer_spki_der.to_vec(),
        });
        SoftwareVerifier.verify(check)
    }
}

/// RustCrypto's answers to `questions`, as a page would collect WebCrypto's.
fn answered(questions: &[SignatureQuestion]) -> SignatureAnswers {
    SignatureAnswers::new(
        questions
            .iter()
            .map(|q| (q.clone(), SoftwareVerifier.verify(&q.check()))),
    )
}

struct Case {
    id: String,
    /// The chain and then the trusted certificates, as PEM.
    pem: String,
    chain: Vec<Certificate>,
    trust: Vec<Certificate>,
    host: Option<String>,
    at: UnixTime,
    purpose: Purpose,
}

fn limbo() -> Vec<Case> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/limbo/limbo-subset.json.gz");
    let json = run("gzip", &["-dc", path.to_str().unwrap()], None).stdout;
    let suite: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pems = |case: &serde_json::Value, list: &str| -> String {
        case[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect()
    };
    let mut cases = Vec::new();
    for case in suite["testcases"].as_array().unwrap() {
        let chain_pem = case["peer_certificate"].as_str().unwrap().to_owned()
            + &pems(case, "untrusted_intermediates");
        let trust_pem = pems(case, "trusted_certs");
        let (Ok(chain), Ok(trust)) = (
            read_certificates(chain_pem.as_bytes()),
            read_certificates(trust_pem.as_bytes()),
        ) else {
            continue; // refused while reading: no signature is asked
        };
        let peer = &case["expected_peer_name"];
        let host = matches!(peer["kind"].as_str(), Some("DNS" | "IP"))
            .then(|| peer["value"].as_str().unwrap().to_owned());
        let at = match case["validation_time"].as_str() {
            Some(time) => UnixTime::parse_rfc3339(time).unwrap(),
            None => UnixTime(1_700_000_000),
        };
        let purpose = match case["validation_kind"].as_str() {
            Some("CLIENT") => Purpose::Client,
            _ => Purpose::Server,
        };
        let id = case["id"].as_str().unwrap().to_owned();
        cases.push(Case {
            id,
            pem: chain_pem + &trust_pem,
            chain,
            trust,
            host,
            at,
            purpose,
        });
    }
    assert!(cases.len() > 600, "only {} limbo chains read", cases.len());
    cases
}

fn input<'a>(case: &'a Case, signatures: &'a dyn SignatureVerifier) -> VerifyInput<'a> {
    VerifyInput {
        chain: &case.chain,
        trust: &case.trust,
        key: None,
        request: None,
        host: case.host.as_deref(),
        purpose: Some(case.purpose),
        at: case.at,
        signatures,
        domains: &Idna,
    }
}

#[test]
fn verify_asks_only_what_it_listed_and_decides_alike() {
    let mut most = (0, String::new());
    for case in limbo() {
        let listed = verify_signature_questions(&case.chain, &case.trust, None);
        let recording = Recording::default();
        let direct = verify(&input(&case, &recording));
        for asked in recording.asked.into_inner().unwrap() {
            assert!(
                listed.contains(&asked),
                "{}: verify asked a signature it did not list",
                case.id
            );
        }
        let decided = answered(&listed)
            .decide(|signatures| verify(&input(&case, signatures)))
            .unwrap_or_else(|e| panic!("{}: {e}", case.id));
        assert_eq!(decided, direct, "{}", case.id);
        if listed.len() > most.0 {
            most = (listed.len(), case.id.clone());
        }
    }
    println!("most signature questions listed for one chain: {most:?}");
}

#[test]
fn inspect_asks_only_what_it_listed_and_decides_alike() {
    for case in limbo() {
        let pem = &case.pem;
        let listed = inspect_signature_questions(pem.as_bytes());
        let recording = Recording::default();
        let direct = inspect_checked(pem.as_bytes(), case.at, &recording);
        for asked in recording.asked.into_inner().unwrap() {
            assert!(
                listed.contains(&asked),
                "{}: inspect asked a signature it did not list",
                case.id
            );
        }
        let decided = answered(&listed)
            .decide(|signatures| inspect_checked(pem.as_bytes(), case.at, signatures))
            .unwrap();
        assert_eq!(decided, direct, "{}", case.id);
    }
}

#[test]
fn verify_refuses_more_candidate_signatures_than_it_checks() {
    let cases = limbo();
    let case = cases
        .iter()
        .find(|c| c.id == "pathological::pathological-chain-same-subject-distinct-key")
        .unwrap();
    assert_eq!(case.chain.len(), 101);
    assert!(verify_signature_questions(&case.chain, &case.trust, None).is_empty());
    let recording = Recording::default();
    let error = verify(&input(case, &recording)).unwrap_err().to_string();
    assert_eq!(
        error,
        "certificate chain: more than 2048 signatures to check: many of the certificates given are named \"CN=Pathological CA\", and each could have issued each; verify checks at most 2048, so give only the certificates on the path from the leaf to its CA"
    );
    assert!(recording.asked.into_inner().unwrap().is_empty());
}
