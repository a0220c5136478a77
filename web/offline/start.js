// The offline edition's start script (scripts/dist bundles it with esbuild into csrcraft.html).
// The wasm is inside this script (esbuild's binary loader: base64, decoded here); before it
// runs, its SHA-256 must be the one the page declares and shows. Nothing is fetched.
import init from './csrcraft-web.js';
import wasm from './csrcraft-web_bg.wasm';

/** Shows why the app did not start, in place of the app. */
function refuse(message) {
  const p = document.createElement('p');
  p.className = 'refused';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  document.body.replaceChildren(p);
}

const declared = document.querySelector('meta[name="csrcraft-wasm-sha256"]')?.content;
if (!globalThis.crypto?.subtle) {
  refuse('csrcraft needs WebCrypto (crypto.subtle), which browsers give only to a secure context: ' +
    'open this file directly (a file:// address in Chromium or Firefox), or from https:// or localhost.');
} else {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', wasm));
  const actual = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (actual !== declared) {
    refuse(`This file is damaged: its wasm has SHA-256 ${actual}, not the ${declared} it declares. ` +
      'Carry csrcraft.html over again and check it with sha256sum -c SHA256SUMS.');
  } else {
    await init({ module_or_path: wasm });
  }
}
