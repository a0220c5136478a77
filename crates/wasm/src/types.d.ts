
// Every key of every result is camelCase, as JS expects; for lint, inspect and verify these are
// the fields of the CLI's published `--json` (snake_case there: `subject_alt_names` is
// `subjectAltNames` here). Values are the same as the CLI's (e.g. "not_yet_valid").

/** A cfssl CSR spec as an object (`cfssl genkey`'s input); unknown keys become warnings. */
export interface CfsslSpec {
  CN?: string;
  hosts?: string[];
  key?: { algo: "ecdsa" | "rsa" | "ed25519"; size?: number };
  names?: Array<Record<string, string>>;
  serialnumber?: string;
  [field: string]: unknown;
}

/** How a new private key is written: as cfssl (SEC1 / PKCS#1; PKCS#8 for Ed25519) or PKCS#8 for all. */
export type KeyFormat = "cfssl" | "pkcs8";

/** `spec.usages`: an array, or one comma-separated string ("digital signature, server auth"). */
export type Usages = string[] | string;

/** `spec.expirationSeconds`: seconds, or a duration such as "24h", "90d", "1h30m". */
export type Duration = number | string;

/** A time: a Date, milliseconds since 1970 (as `Date.now()`), or RFC 3339 text. Default: now. */
export type Time = Date | number | string;

/** Something in the input that works, but probably not the way its author meant. */
export interface Warning {
  /** Where, e.g. `hosts[3]`. */
  field: string;
  message: string;
}

export interface GenerateOptions {
  /** Default "cfssl". */
  keyFormat?: KeyFormat;
  /**
   * Write the key encrypted (for `generateWithKey`, also read the given `ENCRYPTED PRIVATE KEY`) with this passphrase (its UTF-8 bytes): a PKCS#8 `ENCRYPTED PRIVATE KEY`
   * (PBES2: PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256-CBC) whatever `keyFormat` says, as
   * the CLI's --passphrase-file writes it; openssl reads it with `-passin`.
   */
  keyPassphrase?: string;
  /** `spec.signerName`; given, `manifestYaml` is filled in. */
  signer?: string;
  /** `metadata.name` (needs `signer`); default from the CN, else the first DNS name. */
  name?: string;
  /** Needs `signer`; default: what the signer issues for this key. */
  usages?: Usages;
  /** Needs `signer`; at least 600 seconds. */
  expiration?: Duration;
}

export interface GenerateResult {
  csrPem: string;
  /** The private key: keep it in memory or hand it to the user; csrcraft never sends it anywhere. */
  keyPem: string;
  /** The CertificateSigningRequest manifest, when `signer` was given; else null. */
  manifestYaml: string | null;
  warnings: Warning[];
}

export interface ManifestOptions {
  /** `spec.signerName`, e.g. "example.com/serving" or "kubernetes.io/kube-apiserver-client". */
  signer: string;
  name?: string;
  usages?: Usages;
  expiration?: Duration;
  /** Default "yaml". */
  format?: "yaml" | "json";
}

export interface ManifestResult {
  /** The manifest in `format`, ending in a newline. */
  text: string;
  format: "yaml" | "json";
  /** `metadata.name`. */
  name: string;
  /** `spec.usages` as written. */
  usages: string[];
}

export interface LintOptions {
  /** `spec.signerName`, e.g. "kubernetes.io/kubelet-serving". */
  signer: string;
  /** Default: what the signer accepts for the CSR's key. */
  usages?: Usages;
  /** Unchecked: an out-of-range value is a finding, not an error. */
  expiration?: Duration;
}

export interface LintFinding {
  severity: "error" | "warning" | "note";
  rule: string;
  message: string;
  fix: string;
}

/** `csrcraft lint --json`'s report (keys in camelCase), plus its text view. */
export interface LintResult {
  signer: string;
  /** The usages checked: the ones given or the signer's defaults. */
  usages: string[];
  errors: number;
  warnings: number;
  notes: number;
  /** Errors first, then warnings, then notes. */
  findings: LintFinding[];
  text: string;
  /** Warnings about the spec, when a spec was linted; else empty. */
  specWarnings: Warning[];
}

export interface InspectOptions {
  /** When to judge validity at. Default: now. */
  at?: Time;
}

export interface NameView {
  text: string;
  attributes: Array<{ type: string; oid: string; value: string }>;
}

export interface PublicKeyView {
  /** "ecdsa", "rsa", "ed25519", or a description of another kind. */
  algorithm: string;
  curve: "P-256" | "P-384" | "P-521" | null;
  bits: number | null;
  spkiSha256: string;
}

export interface AltNamesView {
  dns: string[];
  ip: string[];
  email: string[];
  uri: string[];
  other: string[];
}

export interface RequestView {
  pemLabel: string | null;
  subject: NameView;
  publicKey: PublicKeyView;
  signatureAlgorithm: string;
  selfSignature: { ok: boolean; problem: string | null };
  subjectAltNames: AltNamesView;
  requestedExtensions: string[];
}

/**
 * The nameConstraints extension: subtrees in encoded order, as openssl shows
 * them ("DNS:example.com", "IP:10.0.0.0/255.0.0.0", "email:...", "URI:...",
 * "DirName:O=x"); a list is empty when absent.
 */
export interface NameConstraintsView {
  permitted: string[];
  excluded: string[];
}

export interface ExtensionView {
  /** openssl's short name, or the dotted OID. */
  name: string;
  oid: string;
  critical: boolean;
  /**
   * False only for a critical extension that path validation does not
   * understand, for which a verifier refuses the certificate.
   */
  understood: boolean;
}

export interface CertificateView {
  version: number;
  serial: string;
  subject: NameView;
  issuer: NameView;
  validity: {
    notBefore: string;
    notAfter: string;
    /** A value as the CLI writes it, so snake_case. */
    state: "not_yet_valid" | "valid" | "expired";
    secondsLeft: number;
    lifetimeSeconds: number;
    summary: string;
  };
  publicKey: PublicKeyView;
  signatureAlgorithm: string;
  issuerSignature: { signedBy: string; ok: boolean; problem: string | null } | null;
  keyMatchesRequest: boolean | null;
  subjectAltNames: AltNamesView;
  keyUsage: string[];
  extendedKeyUsage: string[];
  basicConstraints: { ca: boolean; pathLen: number | null } | null;
  nameConstraints: NameConstraintsView | null;
  extensions: ExtensionView[];
  fingerprints: { sha256: string; sha1: string };
}

export interface KubernetesView {
  name: string;
  uid: string | null;
  created: string | null;
  signerName: string;
  username: string | null;
  groups: string[];
  usages: string[];
  expirationSeconds: number | null;
  status: string;
  conditions: Array<{
    type: string;
    status: string;
    reason: string | null;
    message: string | null;
    lastUpdateTime: string | null;
    lastTransitionTime: string | null;
  }>;
}

/** `csrcraft inspect --json`'s published format (keys in camelCase), plus its text view. */
export interface InspectResult {
  input: "pem" | "der" | "base64-pem" | "base64-der" | "kubernetes-yaml" | "kubernetes-json";
  /** The time validity was judged at, RFC 3339. */
  at: string;
  kubernetes: KubernetesView | null;
  request: RequestView | null;
  /** In input order; a chain is leaf first. */
  certificates: CertificateView[];
  text: string;
}

/** Text (PEM, base64) or bytes (DER). */
export type CertificateInput = string | Uint8Array;

export interface VerifyOptions {
  /** The trusted CA certificate(s); a PEM bundle, or several. */
  ca: CertificateInput | CertificateInput[];
  /** The private key (PEM) the certificate should be for. */
  key?: string;
  /** The passphrase of `key`, when it is an `ENCRYPTED PRIVATE KEY`. */
  keyPassphrase?: string;
  /** The CSR (PEM) the certificate should answer. */
  csr?: string;
  /** A host name or IP address the certificate should serve. */
  host?: string;
  /**
   * Validate as a TLS server's or a TLS client's certificate (e.g. a
   * `kubernetes.io/kube-apiserver-client` one). Default: `"server"` with
   * `host`, else either.
   */
  purpose?: "server" | "client";
  /** When to check validity at. Default: now. */
  at?: Time;
}

export interface VerifyCheck {
  name: "signature chain" | "validity" | "key match" | "request match" | "hostname" | "usage";
  outcome: "pass" | "fail" | "skip";
  detail: string;
  notes: string[];
}

/** `csrcraft verify --json`'s report (keys in camelCase), plus its text view. */
export interface VerifyResult {
  /** True when no check failed. */
  verified: boolean;
  /** The time checked at, RFC 3339. */
  at: string;
  /** How many checks failed. */
  failed: number;
  checks: VerifyCheck[];
  text: string;
}

export interface CaInitOptions {
  /** The CA's lifetime from its not before (five minutes before `at`). Default "43800h". */
  duration?: Duration;
  /** The time of issue. Default: now. */
  at?: Time;
  /** How the CA key is written. Default "cfssl". */
  keyFormat?: KeyFormat;
  /**
   * Write the CA key encrypted with this passphrase (its UTF-8 bytes): a PKCS#8 `ENCRYPTED PRIVATE KEY`
   * (PBES2: PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256-CBC) whatever `keyFormat` says, as
   * the CLI's --passphrase-file writes it; openssl reads it with `-passin`.
   */
  keyPassphrase?: string;
}

/** `cfssl gencert -initca`'s three PEMs (its `{"cert","csr","key"}` line), plus the spec's warnings. */
export interface CaInitResult {
  /** The self-signed CA certificate. */
  cert: string;
  /** The CA's CSR, as cfssl also writes it. */
  csr: string;
  /** The CA's private key: keep it in memory or hand it to the user; csrcraft never sends it anywhere. */
  key: string;
  warnings: Warning[];
}

export interface SignOptions {
  /** The signer's CA certificate, PEM (kube-controller-manager's --cluster-signing-cert-file). */
  ca: string;
  /** The CA's private key, PEM (--cluster-signing-key-file); it must be `ca`'s key. */
  caKey: string;
  /** The passphrase of `caKey`, when it is an `ENCRYPTED PRIVATE KEY`. */
  keyPassphrase?: string;
  /** `spec.signerName`: required for a CSR; refused for an object, which has its own. */
  signer?: string;
  /** `spec.usages`, for a CSR only. Default: what the signer issues for the CSR's key. */
  usages?: Usages;
  /** `spec.expirationSeconds`, for a CSR only. */
  expiration?: Duration;
  /** `metadata.name` of the object made for a CSR (needs `object`). Default: from its CN. */
  name?: string;
  /** The signer's --cluster-signing-duration: the longest lifetime it grants. Default "8760h". */
  duration?: Duration;
  /** The time of approval and signing. Default: now. */
  at?: Time;
  /** Also return the CertificateSigningRequest as the cluster leaves it. Default false. */
  object?: boolean;
  /** How to write `object` (needs `object`). Default "yaml". */
  format?: "yaml" | "json";
}

/** What the signer reports when it does not issue: upstream's message where upstream has one. */
export interface SignFinding {
  /** A stable id, e.g. "kubelet-serving/organization". */
  rule: string;
  message: string;
  /** What to change. */
  fix: string;
}

export interface SignResult {
  /**
   * "issued": the certificate; "failed": the signer fails the approved CSR (condition Failed,
   * reason SignerValidationFailure); "refused": the API server would not create the object.
   */
  outcome: "issued" | "failed" | "refused";
  /** The certificate (PEM), when issued. */
  certificate?: string;
  /**
   * With `object`, when issued or failed: the object as `kubectl get csr -o yaml` (or json) shows
   * it, approved, with `status.certificate` or the Failed condition.
   */
  object?: string;
  /** Why it was not issued, when failed or refused. */
  finding?: SignFinding;
  /** For a signer kube-controller-manager does not sign for: what the certificate stands for. */
  note?: string;
  /** `object` when there is one, else `certificate`, else the reason and the fix in words. */
  text: string;
}

export interface SecretOptions {
  /** `metadata.name`. */
  name: string;
  /** `metadata.namespace`. Default: none (kubectl's current namespace). */
  namespace?: string;
  /** `tls.crt`: the certificate (or chain, leaf first), PEM. */
  cert: string;
  /** `tls.key`: the certificate's private key, PEM; it must be the certificate's. */
  key: string;
  /**
   * The passphrase of `key`, when it is an `ENCRYPTED PRIVATE KEY`: the Secret holds it decrypted
   * (a pod cannot decrypt it), as PKCS#8.
   */
  keyPassphrase?: string;
  /** `ca.crt`: the CA certificate, PEM. */
  ca?: string;
  /** Default "yaml". */
  format?: "yaml" | "json";
}

export interface CaBundleOptions {
  /** `metadata.name`. */
  name: string;
  /** `metadata.namespace`. Default: none (kubectl's current namespace). */
  namespace?: string;
  /** `ca.crt`: the CA certificate, PEM. */
  ca: string;
  /** Default "yaml". */
  format?: "yaml" | "json";
}

/** A Kubernetes object as `kubectl create ... --dry-run=client -o yaml` (or json) writes it. */
export interface TextResult {
  text: string;
}
