//! Every row of the bad-input table (tests/bad-inputs/table.json, described in
//! its README) that the CLI runs: exit status 2, nothing on stdout, exactly
//! `csrcraft: error: MESSAGE` on stderr, and no file written or left behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use common::{csrcraft, files_in};
use serde::Deserialize;

/// A value of the table: text, a file of the repository, or bytes in base64.
#[derive(Deserialize)]
#[serde(untagged)]
enum Value {
    Text(String),
    File { file: String },
    Base64 { base64: String },
}

impl Value {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Value::Text(text) => text.clone().into_bytes(),
            Value::File { file } => std::fs::read(root().join(file))
                .unwrap_or_else(|e| panic!("the table names {file}: {e}")),
            Value::Base64 { base64 } => base64::engine::general_purpose::STANDARD
                .decode(base64)
                .expect("the table's base64 is valid"),
        }
    }
}

/// One row (the fields the CLI uses).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Row {
    id: String,
    run: String,
    input: Option<Value>,
    key: Option<Value>,
    csr: Option<Value>,
    ca: Option<Value>,
    #[serde(default)]
    options: BTreeMap<String, String>,
    args: Option<Vec<String>>,
    #[serde(default)]
    files: BTreeMap<String, Value>,
    message: Option<String>,
    cli_message: Option<String>,
}

impl Row {
    /// The message the CLI gives, when the row is for the CLI.
    fn cli_message(&self) -> Option<&str> {
        self.cli_message.as_deref().or(self.message.as_deref())
    }

    /// The files the row starts with, by name in the work directory.
    fn inputs(&self) -> Vec<(String, Vec<u8>)> {
        let mut inputs: Vec<(String, Vec<u8>)> = [
            ("input", &self.input),
            ("key.pem", &self.key),
            ("request.csr", &self.csr),
            ("ca.pem", &self.ca),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name.to_owned(), value.as_ref()?.bytes())))
        .collect();
        inputs.extend(self.files.iter().map(|(n, v)| (n.clone(), v.bytes())));
        inputs
    }

    /// The command line (README.md, "Through the CLI"): `args` as given, or
    /// the subcommand `run` on `input`, output to `--bare out` where there is
    /// output, with `--NAME=VALUE` for each option.
    fn args(&self) -> Vec<String> {
        if let Some(args) = &self.args {
            return args.clone();
        }
        let mut args = vec![self.run.clone()];
        match self.run.as_str() {
            "genkey" | "manifest" => args.extend(["--bare".into(), "out".into()]),
            "gencsr" => args.extend(["--key", "key.pem", "--bare", "out"].map(String::from)),
            "lint" | "inspect" | "verify" => {}
            other => panic!("{}: unknown run {other}", self.id),
        }
        args.push("input".into());
        if self.run == "verify" {
            args.extend(["--ca".into(), "ca.pem".into()]);
            if self.key.is_some() {
                args.extend(["--key".into(), "key.pem".into()]);
            }
            if self.csr.is_some() {
                args.extend(["--csr".into(), "request.csr".into()]);
            }
        }
        args.extend(self.options.iter().map(|(k, v)| format!("--{k}={v}")));
        args
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(root().join("tests/bad-inputs/table.json"))
        .expect("tests/bad-inputs/table.json is readable");
    serde_json::from_str(&text).expect("the table is valid JSON of rows")
}

#[test]
fn the_table_has_at_least_two_hundred_cli_rows_with_unique_ids() {
    let rows = rows();
    let cli = rows.iter().filter(|r| r.cli_message().is_some()).count();
    assert!(cli >= 200, "only {cli} rows for the CLI");
    let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "two rows share an id");
}

#[test]
fn every_cli_row_fails_with_its_message_and_writes_nothing() {
    let mut failures = Vec::new();
    for row in rows() {
        let Some(message) = row.cli_message() else {
            continue;
        };
        let dir = tempfile::tempdir().unwrap();
        let inputs = row.inputs();
        for (name, bytes) in &inputs {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let args = row.args();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = csrcraft(dir.path(), &args, "");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = format!("csrcraft: error: {message}\n");
        let mut names: Vec<String> = inputs.into_iter().map(|(name, _)| name).collect();
        names.sort();
        let left = files_in(dir.path());
        if output.status.code() != Some(2)
            || !output.stdout.is_empty()
            || stderr != expected
            || left != names
        {
            failures.push(format!(
                "{}: exit {:?}, {} bytes on stdout, files {left:?}\n  stderr:   {stderr:?}\n  expected: {expected:?}",
                row.id,
                output.status.code(),
                output.stdout.len(),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
