//! A lint run ready to show: the text a person reads and the JSON a machine
//! reads (a published format).

use std::fmt::Write as _;

use super::super::expiration::duration_text;
use super::{Finding, LintOptions, Severity, lint};
use crate::json::{Map, Value};
use crate::{Host, RequestInfo, Result};

/// The findings for one request, with what they were checked against.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct LintReport<'a> {
    request: &'a RequestInfo,
    options: &'a LintOptions,
    findings: Vec<Finding>,
}

impl<'a> LintReport<'a> {
    /// Lints `request` as sent with `options`.
    pub fn new(request: &'a RequestInfo, options: &'a LintOptions) -> Self {
        Self {
            request,
            options,
            findings: lint(request, options),
        }
    }

    /// The findings, errors first.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// True when the cluster would refuse or fail the request.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// A header in `kubectl describe csr`'s shape, each finding with its fix,
    /// and a count.
    pub fn to_text(&self) -> String {
        let (info, options) = (self.request, self.options);
        let mut out = String::new();
        let explanation = options.signer.known().map_or(
            "custom signer: nothing in the cluster signs it; you run its CA",
            |known| known.explanation(),
        );
        // Writing to a String cannot fail.
        let _ = writeln!(out, "Signer:       {}", options.signer);
        let _ = writeln!(out, "              {explanation}");
        let _ = writeln!(out, "Subject:      {}", or_none(&info.subject.to_string()));
        let _ = writeln!(
            out,
            "  Common Name:    {}",
            or_none(info.subject.common_name().unwrap_or(""))
        );
        list(
            &mut out,
            "  Groups (O):     ",
            &info.subject.organizations(),
        );
        alt_names(&mut out, info);
        let _ = writeln!(out, "Key:          {}", info.public_key.description);
        let usages = options.effective_usages(info).join(", ");
        let defaulted = if options.usages.is_none() {
            " (default for this signer and key)"
        } else {
            ""
        };
        let _ = writeln!(out, "Usages:       {}{defaulted}", or_none(&usages));
        if let Some(seconds) = options.expiration_seconds {
            let _ = writeln!(
                out,
                "Expiration:   {seconds} seconds ({})",
                duration_text(seconds)
            );
        }
        out.push('\n');
        for finding in &self.findings {
            let _ = writeln!(out, "{}: {}", finding.severity, finding.message);
            let _ = writeln!(out, "  fix: {}", finding.fix);
        }
        let _ = writeln!(
            out,
            "{}, {}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
            plural(self.count(Severity::Note), "note")
        );
        out
    }

    /// The report as pretty-printed JSON: signer, usages, counts and findings.
    pub fn to_json(&self) -> Result<String> {
        let findings: Value = self
            .findings
            .iter()
            .map(|f| {
                Map::new()
                    .with("severity", f.severity.as_str())
                    .with("rule", f.rule)
                    .with("message", &f.message)
                    .with("fix", &f.fix)
            })
            .collect();
        let report = Map::new()
            .with("signer", self.options.signer.as_str())
            .with("usages", self.options.effective_usages(self.request))
            .with("errors", self.count(Severity::Error))
            .with("warnings", self.count(Severity::Warning))
            .with("notes", self.count(Severity::Note))
            .with("findings", findings);
        let mut text = crate::json::to_string_pretty(&report.into());
        text.push('\n');
        Ok(text)
    }
}

fn alt_names(out: &mut String, info: &RequestInfo) {
    let sans = &info.subject_alt_names;
    if sans.is_empty() && info.other_alt_names.is_empty() {
        out.push_str("Subject Alternative Names: <none>\n");
        return;
    }
    out.push_str("Subject Alternative Names:\n");
    let of_kind = |wanted: fn(&Host) -> bool| -> Vec<String> {
        sans.iter().filter(|h| wanted(h)).map(Host::value).collect()
    };
    let kinds: [(&str, Vec<String>); 5] = [
        ("  DNS Names:      ", of_kind(|h| matches!(h, Host::Dns(_)))),
        ("  IP Addresses:   ", of_kind(|h| matches!(h, Host::Ip(_)))),
        (
            "  Email:          ",
            of_kind(|h| matches!(h, Host::Email(_))),
        ),
        ("  URIs:           ", of_kind(|h| matches!(h, Host::Uri(_)))),
        ("  Other Names:    ", info.other_alt_names.clone()),
    ];
    for (label, values) in kinds {
        if !values.is_empty() {
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            list(out, label, &values);
        }
    }
}

/// One value per line under `label`, or `<none>`.
fn list(out: &mut String, label: &str, values: &[&str]) {
    if values.is_empty() {
        let _ = writeln!(out, "{label}<none>");
    }
    for (i, value) in values.iter().enumerate() {
        let indent = if i == 0 {
            label.to_owned()
        } else {
            " ".repeat(label.len())
        };
        let _ = writeln!(out, "{indent}{value}");
    }
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "<none>" } else { text }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}
