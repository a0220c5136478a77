//! The subcommands, one file each: read input, call the core, write output.

mod ca;
mod genkey;
mod inspect;
mod lint;
mod manifest;
mod secret;
mod sign;
mod verify;

pub use self::ca::{CaArgs, ca};
pub use self::genkey::{GencsrArgs, GenkeyArgs, gencsr, genkey, warn};
pub use self::inspect::{InspectArgs, inspect};
pub use self::lint::{LintArgs, lint};
pub use self::manifest::{ManifestArgs, manifest};
pub use self::secret::{CaBundleArgs, SecretArgs, ca_bundle, secret};
pub use self::sign::{SignArgs, sign};
pub use self::verify::{VerifyArgs, verify};
