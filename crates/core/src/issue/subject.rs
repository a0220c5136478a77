//! The subject of an issued certificate: the request's, as Go copies a
//! `pkix.Name` (see [`crate::subject::go_copied_name`]).

use crate::subject::go_copied_name;
use crate::x509::{DistinguishedName, read_name};
use crate::{Error, Result};

/// The subject Go writes for a certificate whose template takes `name`.
pub(crate) fn copied_name(name: &DistinguishedName) -> Vec<u8> {
    go_copied_name(
        name.attributes()
            .map(|a| (a.oid.as_str(), a.value.as_str())),
    )
}

/// [`copied_name`] of a DER `Name`.
pub(crate) fn copied_subject(name_der: &[u8]) -> Result<Vec<u8>> {
    let invalid = |e: crate::der::DerError| Error::encoding("the subject", e.to_string());
    let name = read_name(crate::der::parse(name_der).map_err(invalid)?).map_err(invalid)?;
    Ok(copied_name(&name))
}

/// Whether `name_der` is the empty `Name` (an empty SEQUENCE).
pub(crate) fn is_empty_name(name_der: &[u8]) -> bool {
    name_der == [0x30, 0x00]
}
