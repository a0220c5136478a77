//! The subcommands, one file each: read input, call the core, write output.

mod genkey;

pub use self::genkey::{gencsr, genkey};
