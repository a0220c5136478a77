// <csrcraft-example>: the csrcraft web app's steps, embedded in a page. Importing
// "csrcraft/element" defines the element (in a browser; elsewhere it does nothing).

/** `csrcraft-generate`'s detail: the CSR and its manifest, never the private key. */
export interface CsrcraftGenerateDetail {
  csrPem: string;
  manifestYaml: string;
}

/** One lint finding, as the CLI's `lint --json` has it. */
export interface CsrcraftLintFinding {
  severity: 'error' | 'warning' | 'note';
  rule: string;
  message: string;
  fix: string;
}

/** `csrcraft-lint`'s detail: the findings for the CSR the lint looked at. */
export interface CsrcraftLintDetail {
  /** The generated CSR, one made from an earlier spec (`stale`), or a preview before Generate. */
  subject: 'generated' | 'stale' | 'preview';
  errors: number;
  warnings: number;
  notes: number;
  findings: CsrcraftLintFinding[];
}

/**
 * `csrcraft-sign`'s detail (the `sign` panel): what the signer chosen in the manifest step does
 * with the generated CSR, signing with a test CA made in the page. Never the private key.
 */
export interface CsrcraftSignDetail {
  /** `issued`; `failed`: the signer fails it once approved; `refused`: the API server would not create it. */
  outcome: 'issued' | 'failed' | 'refused';
  /** The certificate, when issued. */
  certificatePem: string | null;
  /** The page's test CA certificate. */
  caPem: string;
  /** Why not, when not issued. */
  finding: CsrcraftLintFinding | null;
  /** Whether the certificate verifies against the test CA, the key and the CSR, when issued. */
  verified: boolean | null;
}

/** The element. Its attributes are its API: see the README's "Embed it in your docs". */
export interface CsrcraftExampleElement extends HTMLElement {
  /** Loads the wasm (once per page) and mounts now, without waiting to be scrolled near. */
  start(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'csrcraft-example': CsrcraftExampleElement;
  }
  interface HTMLElementEventMap {
    'csrcraft-generate': CustomEvent<CsrcraftGenerateDetail>;
    'csrcraft-lint': CustomEvent<CsrcraftLintDetail>;
    'csrcraft-sign': CustomEvent<CsrcraftSignDetail>;
  }
}
