//! The subcommands, one file each: read input, call the core, write output.

mod genkey;
mod inspect;
mod lint;
mod manifest;
mod verify;

pub use self::genkey::{GencsrArgs, GenkeyArgs, gencsr, genkey, warn};
pub use self::inspect::{InspectArgs, inspect};
pub use self::lint::{LintArgs, lint};
pub use self::manifest::{ManifestArgs, manifest};
pub use self::verify::{VerifyArgs, verify};
