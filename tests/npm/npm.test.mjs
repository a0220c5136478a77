// The npm package as a docs site's build uses it: scripts/dist's tarball installed into a fresh
// project, a page using the JS API and the element bundled with esbuild (npm), and the bundle
// driven in Debian's headless Chromium under a strict CSP. openssl checks the CSRs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { launch } from '../browser/chromium.mjs';
import { serveDir } from '../browser/serve.mjs';
import { root, version, workdir } from '../wasm-api/helpers.mjs';

const TARBALL = join(root, `target/dist/csrcraft-${version}.tgz`);
const ESBUILD = join(root, 'node_modules/.bin/esbuild');
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data:";
const work = workdir();
after(() => work.remove());

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `${command} ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test('the npm tarball installs with no scripts, and a page bundled with esbuild runs the API and the element', async () => {
  assert.ok(existsSync(TARBALL), `${TARBALL} missing: run scripts/dist`);
  const project = join(work.dir, 'docs-site');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'docs-site', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], project);

  const installed = join(project, 'node_modules/csrcraft');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.scripts, undefined, 'no install scripts');
  assert.deepEqual(Object.keys(manifest.exports).filter((k) => !k.endsWith('.wasm')), ['.', './element']);
  assert.ok(existsSync(join(installed, manifest.exports['.'].types)));
  assert.ok(existsSync(join(installed, manifest.exports['./element'].types)));

  writeFileSync(join(project, 'entry.js'), `
    import init, { generate } from 'csrcraft';
    import 'csrcraft/element';
    await init();
    const made = await generate(
      { CN: 'bundled.example.com', hosts: ['bundled.example.com'], key: { algo: 'ecdsa', size: 256 } },
      { signer: 'example.com/serving' });
    document.getElementById('api').textContent = made.csrPem;
  `);
  const out = join(project, 'out');
  run(ESBUILD, ['entry.js', '--bundle', '--format=esm', '--splitting', '--outdir=out', '--log-level=warning'], project);
  // esbuild leaves `new URL(..., import.meta.url)` as it is and copies no asset (Vite, webpack 5
  // and Parcel do): the wasm goes next to the bundle, as the package's README says.
  copyFileSync(join(installed, 'csrcraft_bg.wasm'), join(out, 'csrcraft_bg.wasm'));
  copyFileSync(join(installed, 'element/csrcraft_element_bg.wasm'), join(out, 'csrcraft_element_bg.wasm'));
  writeFileSync(join(out, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>bundled</title><link rel="icon" href="data:,"><script type="module" src="entry.js"></script></head>
    <body><pre id="api"></pre>
    <csrcraft-example id="e" spec='{"CN":"element.example.com","hosts":["element.example.com"]}'></csrcraft-example>
    </body></html>`);
  assert.ok(readdirSync(out).some((f) => f !== 'entry.js' && f.endsWith('.js')), 'the glue is a chunk of its own');

  const server = await serveDir(out, { 'Content-Security-Policy': CSP });
  const browser = await launch();
  const problems = [];
  browser.page.on('pageerror', (e) => problems.push(e.message));
  try {
    await browser.page.goto(`${server.origin}/index.html`);
    await browser.page.waitForFunction(() => document.getElementById('api').textContent.includes('END CERTIFICATE REQUEST'), null, { timeout: 30_000 });
    work.write('api.csr', await browser.page.locator('#api').textContent());
    const element = browser.page.locator('#e');
    await element.locator('[data-testid="lint-findings"] .verdict').waitFor({ timeout: 30_000 });
    await element.locator('[data-testid="generate"]').click();
    await element.locator('[data-testid="csr-pem"]').waitFor({ timeout: 30_000 });
    work.write('element.csr', await element.locator('[data-testid="csr-pem"]').inputValue());
    for (const [file, cn] of [['api.csr', 'bundled.example.com'], ['element.csr', 'element.example.com']]) {
      const verify = work.openssl('req', '-verify', '-noout', '-in', file);
      assert.equal(verify.status, 0, `${file}: ${verify.stderr}`);
      assert.match(work.ok('req', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253'), new RegExp(`CN=${cn}`));
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
