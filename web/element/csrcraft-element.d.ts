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
  }
}
