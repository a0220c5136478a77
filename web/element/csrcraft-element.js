// <csrcraft-example>: the csrcraft web app's steps, embedded in any page with one module
// script and one tag. The wasm (csrcraft_element_bg.wasm, next to this file) is fetched once,
// when the first example comes near the viewport, and shared by every example on the page.
// Importing this module where there is no DOM (Node, a docs generator's build) does nothing.
//
// Attributes: spec, signer, usages, expiration, name, key-format, panels, readonly, lang, theme
// (README.md, "Embed it in your docs"). Events: csrcraft-generate { csrPem, manifestYaml } and
// csrcraft-lint (the lint report); neither ever carries the private key.
import { css } from './csrcraft-element-style.js';

const TAG = 'csrcraft-example';
const ATTRIBUTES = ['spec', 'signer', 'usages', 'expiration', 'name', 'key-format', 'panels',
  'readonly', 'lang'];
/** How near the viewport an example starts loading. */
const NEAR = '300px';

let wasm; // the one instance: a promise of the wasm-bindgen module, once asked for
function load() {
  wasm ??= import('./csrcraft_element.js').then(async (module) => {
    await module.default({ module_or_path: new URL('./csrcraft_element_bg.wasm', import.meta.url) });
    return module;
  });
  return wasm;
}

let sheet; // one constructed stylesheet, adopted by every shadow root
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** The languages to choose from, nearest first: the element's, the page's, the browser's. */
function languages(element) {
  const own = element.closest('[lang]')?.getAttribute('lang');
  return [own, ...(navigator.languages ?? [navigator.language])].filter(Boolean);
}

function define() {
  const near = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        near.unobserve(entry.target);
        entry.target.start();
      }
    }
  }, { rootMargin: NEAR });

  class CsrcraftExample extends HTMLElement {
    static observedAttributes = ATTRIBUTES;

    #root;
    #mounted;
    #starting = false;
    #children = new MutationObserver(() => this.#update());

    constructor() {
      super();
      const shadow = this.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [styles()];
      this.#root = document.createElement('div');
      this.#root.className = 'csrcraft';
      this.#root.setAttribute('part', 'root');
      const loading = document.createElement('p');
      loading.className = 'hint loading';
      loading.textContent = 'csrcraft example: loading…';
      this.#root.append(loading);
      shadow.append(this.#root);
    }

    connectedCallback() {
      this.#children.observe(this, { childList: true, subtree: true, characterData: true });
      if (!this.#mounted && !this.#starting) near.observe(this);
    }

    disconnectedCallback() {
      this.#children.disconnect();
      near.unobserve(this);
      // A move in the page (disconnected, then connected again at once) keeps the example.
      queueMicrotask(() => {
        if (!this.isConnected && this.#mounted) {
          this.#mounted.unmount();
          this.#mounted = undefined;
          this.#root.replaceChildren();
        }
      });
    }

    attributeChangedCallback() {
      this.#update();
    }

    /** Loads the wasm (once for the page) and mounts this example. */
    async start() {
      if (this.#mounted || this.#starting) return;
      this.#starting = true;
      try {
        const module = await load();
        if (!this.isConnected) return;
        this.#root.replaceChildren();
        this.#mounted = module.mount(this.#root, this, this.#config());
      } catch (error) {
        this.#fail(error);
      } finally {
        this.#starting = false;
      }
    }

    #update() {
      if (!this.#mounted) return;
      try {
        this.#mounted.update(this.#config());
        this.#root.querySelector(':scope > [part="error"]')?.remove();
      } catch (error) {
        this.#fail(error);
      }
    }

    /** A wrong attribute, or a browser without WebAssembly, said in the element. */
    #fail(error) {
      const message = document.createElement('p');
      message.className = 'note error';
      message.setAttribute('part', 'error');
      message.setAttribute('role', 'alert');
      message.textContent = `csrcraft example: ${error?.message ?? error}`;
      if (this.#mounted) {
        this.#root.querySelector(':scope > [part="error"]')?.remove();
        this.#root.prepend(message);
      } else {
        this.#root.replaceChildren(message);
      }
    }

    /** The attributes as the wasm reads them. */
    #config() {
      const attribute = (name) => this.getAttribute(name) ?? undefined;
      const script = this.querySelector(':scope > script[type="application/json"]');
      return {
        spec: attribute('spec') ?? script?.textContent ?? undefined,
        signer: attribute('signer'),
        usages: attribute('usages'),
        expiration: attribute('expiration'),
        name: attribute('name'),
        keyFormat: attribute('key-format'),
        panels: attribute('panels'),
        readonly: this.hasAttribute('readonly'),
        langs: languages(this),
      };
    }
  }

  customElements.define(TAG, CsrcraftExample);
}

if (typeof window !== 'undefined' && typeof customElements !== 'undefined' &&
  typeof IntersectionObserver !== 'undefined' && !customElements.get(TAG)) {
  define();
}
