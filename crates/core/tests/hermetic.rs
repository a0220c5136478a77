//! The core's tests are hermetic: none starts another program, so `cargo test -p csrcraft`
//! needs nothing installed. Interop with openssl and cfssl lives in tests/ (the interop crate).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_test_of_the_core_starts_a_program() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    assert!(files.len() > 50, "too few files found: {files:?}");
    let this = Path::new(file!()).file_name().unwrap();
    let process = ["std", "process"].join("::");
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| f.file_name() != Some(this))
        .filter(|f| std::fs::read_to_string(f).unwrap().contains(&process))
        .collect();
    assert!(
        offenders.is_empty(),
        "{process} in {offenders:?}: move the test to tests/"
    );
}
