// Assembles the offline edition, csrcraft.html: the web app's release build (scripts/web-build,
// target/web-dist) in one file that needs nothing else. esbuild bundles start.js with the
// wasm-bindgen glue and the wasm (its binary loader: base64 inside the script); the style
// sheet is inlined too. The page's CSP allows that script and that style by hash and nothing
// else, and no connection at all. The output is a function of the inputs only (no time, no
// path), written in one rename so no half-written file is left.
//
//   node web/offline/build.mjs WEB_DIST OUT.html VERSION
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build, transform } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const [webDist, out, version] = process.argv.slice(2);
if (!webDist || !out || !/^\d+\.\d+\.\d+/.test(version ?? '')) {
  console.error('usage: node web/offline/build.mjs WEB_DIST OUT.html VERSION');
  process.exit(2);
}

const sha256 = (data) => createHash('sha256').update(data);
/** A CSP source for an inline element's exact text. */
const cspHash = (text) => `'sha256-${sha256(text).digest('base64')}'`;

/** The script: start.js, the glue and the wasm, bundled from a staging directory. */
async function bundleScript() {
  const stage = mkdtempSync(join(tmpdir(), 'csrcraft-offline-'));
  try {
    copyFileSync(join(here, 'start.js'), join(stage, 'start.js'));
    for (const file of ['csrcraft-web.js', 'csrcraft-web_bg.wasm']) copyFileSync(join(webDist, file), join(stage, file));
    const result = await build({
      entryPoints: [join(stage, 'start.js')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      loader: { '.wasm': 'binary' },
      write: false,
      logLevel: 'error',
    });
    return result.outputFiles[0].text.trim();
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Refuses text that the HTML parser would not read as it is inside its element: one that ends
 * it early (`</script`), or, in a script, one that switches the parser's escaping (`<!--`).
 */
function inlineable(text, tag) {
  const breaks = tag === 'script' ? /<\/script|<!--/i : new RegExp(`</${tag}`, 'i');
  const found = breaks.exec(text);
  if (found) throw new Error(`the inline ${tag} holds ${found[0]}, which HTML would not read as ${tag} text`);
  return text;
}

const wasm = readFileSync(join(webDist, 'csrcraft-web_bg.wasm'));
const script = inlineable(await bundleScript(), 'script');
const style = inlineable((await transform(readFileSync(join(webDist, 'style.css'), 'utf8'),
  { loader: 'css', minify: true, legalComments: 'none' })).code.trim(), 'style');
// The favicon of the served app (a data: image), so both editions look the same in a tab.
const icon = /<link rel="icon" href="(data:[^"]*)">/.exec(readFileSync(join(here, '../index.html'), 'utf8'))?.[1];
if (!icon) throw new Error('web/index.html has no data: icon');

const csp = ["default-src 'none'", `script-src ${cspHash(script)} 'wasm-unsafe-eval'`, `style-src ${cspHash(style)}`,
  'img-src data:', "connect-src 'none'", "worker-src 'none'", "base-uri 'none'", "form-action 'none'",
  "object-src 'none'"].join('; ');
const values = { CSP: csp, VERSION: version, WASM_SHA256: sha256(wasm).digest('hex'), ICON: icon, STYLE: style, SCRIPT: script };
const html = readFileSync(join(here, 'index.html'), 'utf8').replace(/@([A-Z0-9_]+)@/g, (whole, name) => {
  if (!(name in values)) throw new Error(`web/offline/index.html: unknown placeholder ${whole}`);
  return values[name];
});

writeFileSync(`${out}.partial`, html);
renameSync(`${out}.partial`, out);
