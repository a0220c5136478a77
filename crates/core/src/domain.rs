//! Internationalized domain names to ASCII: the [`DomainToAscii`] seam. With
//! feature `idna`, `Idna` does it with the idna crate; a page passes its
//! platform's own conversion instead (the URL parser's), so the wasm carries
//! no Unicode tables.

/// Turns a domain name with non-ASCII characters into ASCII, as UTS #46
/// ToASCII does (nontransitional, with the WHATWG URL Standard's settings):
/// `bücher.example` becomes `xn--bcher-kva.example`, `ＡＢＣ.example`
/// becomes `abc.example`.
///
/// The core calls it only for names that are not ASCII. A spec's `hosts` are
/// then checked label by label (letters, digits, `-` and `_`, lengths), as
/// ASCII names are, so an implementation need not apply UseSTD3ASCIIRules,
/// CheckHyphens or VerifyDnsLength; the host to verify is only compared with
/// the certificate's names.
pub trait DomainToAscii {
    /// `domain` in lower-case ASCII, or `None` when UTS #46 refuses it (a
    /// disallowed code point, a bad bidi or joiner context).
    fn to_ascii(&self, domain: &str) -> Option<String>;
}

/// [`DomainToAscii`] by the idna crate: `idna::domain_to_ascii`, the WHATWG
/// URL Standard's domain to ASCII, as browsers and Node do it, so the CLI and
/// a page agree. Not `domain_to_ascii_strict`: its STD3 rules would refuse
/// `_acme.bücher.example`, where the core accepts `_acme.example`.
#[cfg(feature = "idna")]
#[derive(Clone, Copy, Debug, Default)]
pub struct Idna;

#[cfg(feature = "idna")]
impl DomainToAscii for Idna {
    fn to_ascii(&self, domain: &str) -> Option<String> {
        idna::domain_to_ascii(domain).ok()
    }
}
