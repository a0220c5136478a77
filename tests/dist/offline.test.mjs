// The offline edition, target/dist/csrcraft.html (scripts/dist), as an air-gapped workstation
// opens it: a file:// URL in Debian's headless Chromium, with the network switched off and every
// request refused (none may even be attempted). The whole flow runs in it: every key type
// WebCrypto makes (openssl checks each CSR), lint, manifest, verify of a test CA's certificate,
// download and copy. The file itself: one inline script and one inline style, allowed by hash
// and nothing else, and no reference to anything outside it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';

import {
  byId, checkWithOpenssl, directives, downloadOf, generate, loadTutorial, pasteCertificate, waitForReport, waitForText, withApp,
} from '../browser/app-driver.mjs';
import { launch } from '../browser/chromium.mjs';
import { serveDir } from '../browser/serve.mjs';
import { makeCa, root, signWithCa, version, workdir } from '../wasm-api/helpers.mjs';

const HTML = join(root, 'target/dist/csrcraft.html');
const URL_OF_HTML = pathToFileURL(HTML).href;
const work = workdir();
after(() => work.remove());

const sha256 = (text, encoding) => createHash('sha256').update(text).digest(encoding);

/** The file's text, once it exists. */
function html() {
  assert.ok(existsSync(HTML), `${HTML} missing: run scripts/dist`);
  return readFileSync(HTML, 'utf8');
}

test('the file holds everything: one script and one style, allowed by hash; no connection; no outside reference', () => {
  const text = html();
  const metas = [...text.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  assert.equal(metas.length, 1, 'one CSP meta tag');
  const csp = directives(metas[0][1]);
  const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const styles = [...text.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/g)];
  assert.equal(scripts.length, 1, 'one script');
  assert.equal(styles.length, 1, 'one style');
  assert.equal(scripts[0][1], ' type="module"');
  assert.deepEqual(csp['script-src'], [`'sha256-${sha256(scripts[0][2], 'base64')}'`, "'wasm-unsafe-eval'"]);
  assert.deepEqual(csp['style-src'], [`'sha256-${sha256(styles[0][2], 'base64')}'`]);
  assert.deepEqual(csp['connect-src'], ["'none'"]);
  assert.deepEqual(csp['default-src'], ["'none'"]);
  assert.deepEqual(csp['img-src'], ['data:']);
  // Every src and href, anywhere in the file (the app's own markup is made by the wasm and
  // checked in the browser below): data:, blob: or a fragment.
  const refs = [...text.matchAll(/\s(?:src|href)=["']?([^"'\s>]*)/gi)].map((m) => m[1]);
  assert.ok(refs.length >= 1, 'the icon at least');
  for (const ref of refs) assert.match(ref, /^(data:|blob:|#)/, `a reference outside the file: ${ref}`);
  assert.match(text, new RegExp(`<meta name="csrcraft-edition" content="offline ${version.replace(/\./g, '\\.')}">`));
  assert.match(text, /<meta name="csrcraft-wasm-sha256" content="[0-9a-f]{64}">/);
});

test('opened from file:// with no network: every key type, lint, manifest, verify, download and copy', { timeout: 300_000 }, async () => {
  const declared = /<meta name="csrcraft-wasm-sha256" content="([0-9a-f]{64})">/.exec(html())[1];
  const requests = [];
  const refused = [];
  await withApp(URL_OF_HTML, async ({ page, context }) => {
    // The page says what it is, and the SHA-256 it checked its wasm against.
    const edition = await waitForText(page, 'edition', (t) => t.includes('offline'), 'the edition line');
    assert.ok(edition.includes(`csrcraft ${version}, offline edition`), edition);
    assert.ok(edition.includes(declared), `the page shows another SHA-256 than it declares:\n${edition}`);
    assert.equal(await page.evaluate(() => window.isSecureContext), true, 'file:// is a secure context in Chromium');

    // The tutorial: lint before generating, then every key type WebCrypto has.
    await loadTutorial(page);
    await waitForText(page, 'lint-findings', (t) => t.includes('subject organization is not system:nodes'), 'the kubelet-serving lint');
    const kinds = [['ecdsa', '256', /Private-Key: \(256 bit/], ['ecdsa', '384', /Private-Key: \(384 bit/],
      ['ecdsa', '521', /Private-Key: \(521 bit/], ['rsa', '2048', /Private-Key: \(2048 bit/], ['ed25519', null, /ED25519 Private-Key/]];
    let last;
    for (const [algo, size, openssl] of kinds) {
      await page.selectOption(byId('form-algo'), algo);
      if (size) await page.selectOption(byId('form-size'), size);
      last = await generate(page);
      const name = `offline-${algo}${size ?? ''}`;
      checkWithOpenssl(work, name, last.csrPem, last.keyPem);
      assert.match(work.ok('pkey', '-in', `${name}-key.pem`, '-noout', '-text'), openssl, `${algo} ${size}`);
    }
    await waitForText(page, 'lint-findings', (t) => t.includes('Checked: the generated CSR'), 'the lint of the generated CSR');
    const manifest = await waitForText(page, 'manifest-yaml', (t) => t.includes('kind: CertificateSigningRequest'), 'the manifest');
    const request = /^ {2}request: (\S+)$/m.exec(manifest)?.[1];
    assert.equal(Buffer.from(request, 'base64').toString('utf8').trim(), last.csrPem.trim(), 'spec.request is not the CSR');

    // Verify: a certificate from a test CA (openssl), with the key in memory.
    const ca = makeCa(work, 'offline-ca');
    await pasteCertificate(page, signWithCa(work, last.csrPem, 'offline-ca'), ca);
    const report = await waitForReport(page, (r) => r.verdict?.startsWith('✓ PASS'), 'every check to pass');
    assert.deepEqual(report.rows.filter((r) => r.outcome !== 'PASS'), [], report.text);
    assert.match(await page.innerText(byId('inspect-view')), /my-pod\.my-namespace\.pod\.cluster\.local/);

    // Download (a blob: URL made in the page) and copy.
    const saved = await downloadOf(page, 'csr-pem');
    assert.equal(saved.name, 'server.csr');
    assert.match(saved.url, /^blob:/);
    assert.equal(saved.text, last.csrPem);
    await page.click(byId('copy-key-pem'));
    await waitForText(page, 'status', (t) => t.startsWith('Copied Private key'), 'the copy notice');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), last.keyPem);

    // The page's CSP refuses a connection before it is attempted.
    const attempt = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const outcome = await fetch('http://127.0.0.1:9/').then(() => 'fetched', (e) => `refused: ${e.message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { outcome, violations };
    });
    assert.match(attempt.outcome, /^refused/);
    assert.deepEqual(attempt.violations, ['connect-src']);

    // What the wasm made: no element refers to anything outside the file.
    const outside = await page.evaluate(() => [...document.querySelectorAll('[src], [href]')]
      .map((e) => e.getAttribute('src') ?? e.getAttribute('href')).filter((ref) => !/^(data:|blob:|#)/.test(ref)));
    assert.deepEqual(outside, [], 'references outside the file');
  }, {
    acceptDownloads: true,
    async beforeOpen(context) {
      await context.setOffline(true);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      context.on('request', (r) => requests.push(r.url()));
      await context.route('**/*', (route) => {
        if (route.request().url() === URL_OF_HTML) return route.continue();
        refused.push(route.request().url());
        return route.abort('internetdisconnected');
      });
    },
  });
  assert.deepEqual(refused, [], 'requests attempted (and refused)');
  assert.deepEqual(requests.filter((url) => url !== URL_OF_HTML && !url.startsWith('blob:')), [], 'requests other than the file');
  assert.ok(requests.includes(URL_OF_HTML), `the browser reported no request for the file itself: ${requests}`);
});

test('a copy whose wasm is not the one it declares does not start, and says so', { timeout: 120_000 }, async () => {
  const declared = /<meta name="csrcraft-wasm-sha256" content="([0-9a-f]{64})">/.exec(html())[1];
  const other = sha256(declared, 'hex');
  work.write('damaged.html', html().replace(`content="${declared}"`, `content="${other}"`));
  const browser = await launch();
  try {
    const { page } = browser;
    await page.goto(pathToFileURL(join(work.dir, 'damaged.html')).href, { waitUntil: 'load' });
    const alert = page.locator('[role=alert]');
    await alert.waitFor({ timeout: 30_000 });
    const message = await alert.innerText();
    assert.ok(message.includes(`its wasm has SHA-256 ${declared}, not the ${other} it declares`), message);
    assert.match(message, /sha256sum -c SHA256SUMS/);
    assert.equal(await page.locator(byId('generate')).count(), 0, 'the app started anyway');
  } finally {
    await browser.close();
  }
});

test('served from plain http (not a secure context), the page does not start, and says why', { timeout: 120_000 }, async () => {
  html();
  const server = await serveDir(join(root, 'target/dist'), {});
  // A name other than localhost for the loopback server: http:// to it is not a secure context.
  const browser = await launch({ args: ['--host-resolver-rules=MAP insecure.test 127.0.0.1'] });
  try {
    const { page } = browser;
    await page.goto(`http://insecure.test:${server.port}/csrcraft.html`, { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    const alert = page.locator('[role=alert]');
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.innerText(), /needs WebCrypto \(crypto\.subtle\), which browsers give only to a secure context/);
    assert.equal(await page.locator(byId('generate')).count(), 0, 'the app started anyway');
  } finally {
    await browser.close();
    await server.close();
  }
});
