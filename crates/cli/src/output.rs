//! Writing results: one JSON line on standard output (for `cfssljson`), or
//! `NAME.csr` / `NAME-key.pem` files written so that an error leaves nothing.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::input::Passphrase;

/// Prints cfssl's `{"csr": ..., "key": ...}` line (the core's `cfssl_json_line`; no `key` for
/// `gencsr`) and a newline. A closed pipe is not an error.
pub fn print_json(csr: &str, key: Option<&str>) -> Result<(), CliError> {
    let line = csrcraft::cfssl_json_line(csr, key);
    print_bytes(line.as_bytes())?;
    print_bytes(b"\n")
}

/// `NAME` followed by `suffix`, as `cfssljson -bare` names files.
pub fn with_suffix(name: &Path, suffix: &str) -> PathBuf {
    let mut file = OsString::from(name.as_os_str());
    file.push(suffix);
    PathBuf::from(file)
}

/// Prints `text` on standard output. A closed pipe is not an error.
pub fn print(text: &str) -> Result<(), CliError> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(stdout_error(e)),
        _ => Ok(()),
    }
}

fn stdout_error(source: io::Error) -> CliError {
    CliError::Write {
        path: PathBuf::from("standard output"),
        source,
    }
}

/// A new key's PEM: as `format` says, or, with a passphrase, an
/// `ENCRYPTED PRIVATE KEY` (always PKCS#8). The one way every command writes a key.
pub fn key_pem(
    key: &csrcraft::PrivateKey,
    format: csrcraft::KeyFormat,
    passphrase: Option<&Passphrase>,
) -> Result<csrcraft::KeyPem, CliError> {
    let pem = match passphrase {
        None => key.to_pem(format)?,
        Some(passphrase) => key
            .to_encrypted_pem(passphrase.as_bytes(), &mut getrandom::SysRng)
            .map_err(|e| passphrase.name_error(e))?,
    };
    Ok(pem)
}

/// The files of `cfssljson -bare NAME`.
pub struct BareFiles {
    /// `NAME.csr`
    pub csr: PathBuf,
    /// `NAME-key.pem`
    pub key: PathBuf,
}

impl BareFiles {
    /// The file names cfssljson uses for `NAME`.
    pub fn new(name: &Path) -> Self {
        let with_suffix = |suffix: &str| {
            let mut file = OsString::from(name.as_os_str());
            file.push(suffix);
            PathBuf::from(file)
        };
        Self {
            csr: with_suffix(".csr"),
            key: with_suffix("-key.pem"),
        }
    }

    /// Fails early, before any work, when the key file would be overwritten.
    pub fn check_key_is_new(&self, force: bool) -> Result<(), CliError> {
        if !force && fs::symlink_metadata(&self.key).is_ok() {
            return Err(CliError::KeyExists {
                path: self.key.clone(),
            });
        }
        Ok(())
    }

    /// Writes `NAME.csr` (0644) and, when given, `NAME-key.pem` (0600). Both go
    /// to temporary files first and are renamed into place, so an error leaves
    /// neither; without `force` the key is linked into place, which fails
    /// rather than replace a key that appeared meanwhile.
    pub fn write(&self, csr: &str, key: Option<&str>, force: bool) -> Result<(), CliError> {
        self.write_with(csr, key, None, force)
    }

    /// As [`BareFiles::write`], plus `extra` (a path and its contents, 0644,
    /// e.g. `NAME.yaml`) written and placed with the others.
    pub fn write_with(
        &self,
        csr: &str,
        key: Option<&str>,
        extra: Option<(&Path, &str)>,
        force: bool,
    ) -> Result<(), CliError> {
        let csr_temp = Temporary::create(&self.csr, 0o644, csr.as_bytes())?;
        let key_temp = match key {
            Some(key) => Some(Temporary::create(&self.key, 0o600, key.as_bytes())?),
            None => None,
        };
        let extra_temp = match extra {
            Some((path, contents)) => {
                Some((path, Temporary::create(path, 0o644, contents.as_bytes())?))
            }
            None => None,
        };
        if let Some(key_temp) = key_temp {
            key_temp.place(&self.key, force)?;
        }
        if let Some((path, extra_temp)) = extra_temp {
            extra_temp.place(path, true)?;
        }
        csr_temp.place(&self.csr, true)
    }
}

/// Writes `contents` to `path` (0644, replacing it) through a temporary file,
/// so an error leaves nothing.
pub fn write_file(path: &Path, contents: &str) -> Result<(), CliError> {
    Temporary::create(path, 0o644, contents.as_bytes())?.place(path, true)
}

/// A file written next to its final name; removed on drop unless placed.
struct Temporary {
    path: PathBuf,
    placed: bool,
}

impl Temporary {
    fn create(target: &Path, mode: u32, contents: &[u8]) -> Result<Self, CliError> {
        let mut name = OsString::from(".");
        name.push(target.file_name().unwrap_or_default());
        name.push(format!(".{}.tmp", std::process::id()));
        let path = target.with_file_name(name);
        let write_error = |source| CliError::Write {
            path: target.to_path_buf(),
            source,
        };
        let mut file: File = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&path)
            .map_err(write_error)?;
        let temporary = Self {
            path,
            placed: false,
        };
        file.write_all(contents)
            .and_then(|()| file.sync_all())
            .map_err(write_error)?;
        Ok(temporary)
    }

    fn place(mut self, target: &Path, replace: bool) -> Result<(), CliError> {
        let result = if replace {
            fs::rename(&self.path, target)
        } else {
            fs::hard_link(&self.path, target)
        };
        result.map_err(|source| match source.kind() {
            io::ErrorKind::AlreadyExists => CliError::KeyExists {
                path: target.to_path_buf(),
            },
            _ => CliError::Write {
                path: target.to_path_buf(),
                source,
            },
        })?;
        self.placed = replace;
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.placed {
            // Best effort: the file is either ours to clean up or already gone.
            let _ = fs::remove_file(&self.path);
        }
    }
}
