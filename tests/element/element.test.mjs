// The <csrcraft-example> element as a docs page embeds it (scripts/element-build →
// target/element), in Debian's headless Chromium through playwright-core. Pages are served
// from 127.0.0.1 with the strict CSP issue 11 names, and nothing inline; openssl checks the
// CSRs the element makes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launch } from '../browser/chromium.mjs';
import { serveDir } from '../browser/serve.mjs';
import { root, workdir } from '../wasm-api/helpers.mjs';

const BUILT = process.env.CSRCRAFT_ELEMENT_DIR ?? join(root, 'target/element');
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data:";
const WASM = '/csrcraft_element_bg.wasm';
const SPEC = JSON.stringify({
  CN: 'web.example.com',
  hosts: ['web.example.com'],
  key: { algo: 'ecdsa', size: 256 },
  names: [{ O: 'example' }],
});
const CLIENT_SPEC = JSON.stringify({
  CN: 'jane',
  key: { algo: 'ecdsa', size: 256 },
  names: [{ O: 'developers' }, { O: 'reviewers' }],
});

let site;
let server;
const work = workdir();

/** A page that loads the element and a style sheet of its own, with `body` inside. */
function page(name, body, css = '') {
  writeFileSync(join(site, `${name}.css`), css);
  writeFileSync(join(site, `${name}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${name}.css">
<script type="module" src="csrcraft-element.js"></script>
</head><body>${body}</body></html>`);
  return `${server.origin}/${name}.html`;
}

before(async () => {
  assert.ok(existsSync(join(BUILT, 'csrcraft-element.js')), `${BUILT} missing: run scripts/element-build`);
  site = mkdtempSync(join(tmpdir(), 'csrcraft-element-site-'));
  cpSync(BUILT, site, { recursive: true });
  server = await serveDir(site, { 'Content-Security-Policy': CSP });
});

after(async () => {
  await server?.close();
  rmSync(site, { recursive: true, force: true });
  work.remove();
});

/** A browser page that records CSP violations and page errors, opened at `url`. */
async function open(url, options = {}) {
  const browser = await launch(options);
  const problems = [];
  browser.page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  browser.page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await browser.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await browser.page.goto(url);
  return { ...browser, problems };
}

const requests = (path) => server.log.filter((r) => r.path === path).length;
const inside = (page, id, testid) => page.locator(`#${id}`).locator(`[data-testid="${testid}"]`);

/** Waits until the example `id` shows its lint verdict (it is interactive). */
async function ready(page, id) {
  await inside(page, id, 'lint-findings').locator('.verdict').waitFor({ timeout: 30_000 });
}

test('two examples on a strict-CSP page share one wasm fetch, and nothing is fetched before one is near', async () => {
  const url = page('two', `
    <csrcraft-example id="a" spec='${SPEC}'></csrcraft-example>
    <div class="spacer"></div>
    <csrcraft-example id="b" signer="kubernetes.io/kube-apiserver-client" usages="client auth">
      <script type="application/json">${CLIENT_SPEC}</script>
    </csrcraft-example>
    <div class="spacer"></div>
    <csrcraft-example id="c" spec='${SPEC}'></csrcraft-example>`, '.spacer { height: 5000px; }');
  const before = requests(WASM);
  const { page: tab, problems, close } = await open(url);
  try {
    await ready(tab, 'a');
    assert.equal(requests(WASM), before + 1, 'one wasm fetch for the first example');
    assert.equal(await inside(tab, 'b', 'spec-json').count(), 0, 'the far example is not mounted yet');
    await tab.locator('#b').scrollIntoViewIfNeeded();
    await ready(tab, 'b');
    assert.match(await inside(tab, 'b', 'spec-json').inputValue(), /"jane"/, 'the spec from the child script');
    assert.equal(await inside(tab, 'b', 'signer').inputValue(), 'kubernetes.io/kube-apiserver-client');
    await tab.locator('#c').scrollIntoViewIfNeeded();
    await ready(tab, 'c');
    assert.equal(requests(WASM), before + 1, 'still one wasm fetch for three examples');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }

  // Nothing at all before an example comes near: a page whose only example is far below.
  const far = page('far', `<div class="spacer"></div>
    <csrcraft-example id="z" spec='${SPEC}'></csrcraft-example>`, '.spacer { height: 20000px; }');
  const loadedBefore = requests(WASM) + requests('/csrcraft_element.js');
  const second = await open(far);
  try {
    await second.page.waitForTimeout(500);
    assert.equal(requests(WASM) + requests('/csrcraft_element.js'), loadedBefore,
      'neither the glue nor the wasm is fetched while the example is far');
    await second.page.locator('#z').scrollIntoViewIfNeeded();
    await ready(second.page, 'z');
    assert.deepEqual(second.problems, []);
  } finally {
    await second.close();
  }
});

test('Generate makes a CSR openssl verifies; the events carry the CSR and the lint, never the key; no request after load', async () => {
  const url = page('generate', `<csrcraft-example id="g" spec='${SPEC}'
      signer="example.com/serving" usages="digital signature, server auth"></csrcraft-example>`);
  const { page: tab, problems, close } = await open(url);
  try {
    await tab.evaluate(() => {
      window.seen = [];
      for (const name of ['csrcraft-generate', 'csrcraft-lint']) {
        document.addEventListener(name, (e) => window.seen.push({ name, detail: e.detail }));
      }
    });
    await ready(tab, 'g');
    const requestsAfterLoad = server.log.length;
    await inside(tab, 'g', 'generate').click();
    await inside(tab, 'g', 'csr-pem').waitFor();
    await tab.waitForFunction(() => window.seen.some((e) => e.name === 'csrcraft-generate'), null, { timeout: 30_000 });
    const csrPem = await inside(tab, 'g', 'csr-pem').inputValue();
    const keyPem = await inside(tab, 'g', 'key-pem').inputValue();
    assert.match(keyPem, /PRIVATE KEY/);
    const seen = await tab.evaluate(() => window.seen);
    const generated = seen.filter((e) => e.name === 'csrcraft-generate');
    assert.equal(generated.length, 1, 'one csrcraft-generate per CSR');
    assert.deepEqual(Object.keys(generated[0].detail).sort(), ['csrPem', 'manifestYaml']);
    assert.equal(generated[0].detail.csrPem, csrPem);
    assert.match(generated[0].detail.manifestYaml, /signerName: example.com\/serving/);
    const lint = seen.filter((e) => e.name === 'csrcraft-lint').at(-1).detail;
    assert.equal(lint.subject, 'generated');
    assert.equal(lint.errors, lint.findings.filter((f) => f.severity === 'error').length);
    const everything = JSON.stringify(seen);
    assert.ok(!everything.includes('PRIVATE KEY'), 'no event carries a private key');
    const keyBody = keyPem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    assert.ok(!everything.includes(keyBody.slice(0, 40)), "no event carries the key's bytes");

    work.write('element.csr', csrPem);
    const verify = work.openssl('req', '-verify', '-noout', '-in', 'element.csr');
    assert.equal(verify.status, 0, `openssl req -verify failed:\n${verify.stderr}`);
    const subject = work.ok('req', '-in', 'element.csr', '-noout', '-subject', '-nameopt', 'RFC2253');
    assert.match(subject, /CN=web\.example\.com/);
    assert.equal(server.log.length, requestsAfterLoad, 'no request after load');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the sign panel: a test CA issues for a custom signer and the certificate verifies; kubelet-serving fails the CSR; csrcraft-sign carries no key', async () => {
  const url = page('sign', `<csrcraft-example id="s" spec='${SPEC}' panels="spec manifest generate sign"
      signer="example.com/serving" usages="digital signature, server auth"></csrcraft-example>`);
  const { page: tab, problems, close } = await open(url);
  try {
    await tab.evaluate(() => {
      window.seen = [];
      for (const name of ['csrcraft-generate', 'csrcraft-lint', 'csrcraft-sign']) {
        document.addEventListener(name, (e) => window.seen.push({ name, detail: e.detail }));
      }
      document.querySelector('csrcraft-example').start();
    });
    await inside(tab, 's', 'trial').waitFor({ timeout: 30_000 });
    assert.match(await inside(tab, 's', 'trial').innerText(), /Generate the key and CSR first/);
    const requestsAfterLoad = server.log.length;
    await inside(tab, 's', 'generate').click();
    const certificate = inside(tab, 's', 'certificate-pem');
    await certificate.waitFor({ timeout: 30_000 });
    const certPem = await certificate.inputValue();
    const caPem = await inside(tab, 's', 'ca-pem').inputValue();
    const keyPem = await inside(tab, 's', 'key-pem').inputValue();
    await inside(tab, 's', 'trial-report').locator('.verdict').waitFor();
    assert.equal(await inside(tab, 's', 'trial-report').locator('.verdict').innerText(), '✓ PASS: every check passed.');
    work.write('sign.crt', certPem);
    work.write('sign-ca.crt', caPem);
    work.ok('verify', '-CAfile', 'sign-ca.crt', 'sign.crt');
    const secret = await inside(tab, 's', 'secret-yaml').inputValue();
    assert.match(secret, /^type: kubernetes\.io\/tls$/m);

    await tab.waitForFunction(() => window.seen.some((e) => e.name === 'csrcraft-sign' && e.detail.outcome === 'issued'),
      null, { timeout: 30_000 });
    let signed = (await tab.evaluate(() => window.seen)).filter((e) => e.name === 'csrcraft-sign');
    const issued = signed.find((e) => e.detail.outcome === 'issued').detail;
    assert.deepEqual(Object.keys(issued).sort(), ['caPem', 'certificatePem', 'finding', 'outcome', 'verified']);
    assert.equal(issued.certificatePem, certPem);
    assert.equal(issued.caPem, caPem);
    assert.equal(issued.verified, true);

    // The tutorial's signer fails this CSR, as upstream says.
    await tab.evaluate(() => document.getElementById('s').setAttribute('signer', 'kubernetes.io/kubelet-serving'));
    await tab.waitForFunction(() => window.seen.some((e) => e.name === 'csrcraft-sign' && e.detail.outcome === 'failed'),
      null, { timeout: 30_000 });
    assert.equal(await inside(tab, 's', 'trial-message').innerText(), 'subject organization is not system:nodes');
    signed = (await tab.evaluate(() => window.seen)).filter((e) => e.name === 'csrcraft-sign');
    const failed = signed.find((e) => e.detail.outcome === 'failed').detail;
    assert.equal(failed.finding.message, 'subject organization is not system:nodes');
    assert.equal(failed.certificatePem, null);

    const everything = JSON.stringify(await tab.evaluate(() => window.seen));
    assert.ok(!everything.includes('PRIVATE KEY'), 'no event carries a private key');
    const keyBody = keyPem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    assert.ok(!everything.includes(keyBody.slice(0, 40)), "no event carries the key's bytes");
    assert.equal(server.log.length, requestsAfterLoad, 'no request after load');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a changed attribute re-renders the example, and readonly shows the spec without editing it', async () => {
  const url = page('attributes', `<csrcraft-example id="r" readonly spec='${SPEC}'></csrcraft-example>`);
  const { page: tab, problems, close } = await open(url);
  try {
    await ready(tab, 'r');
    const spec = inside(tab, 'r', 'spec-json');
    assert.equal(await spec.evaluate((t) => t.readOnly), true, 'the spec is read-only');
    assert.equal(await inside(tab, 'r', 'load-example').count(), 0);
    await tab.evaluate(() => document.getElementById('r').setAttribute('signer', 'kubernetes.io/kubelet-serving'));
    await tab.waitForFunction(() => document.getElementById('r').shadowRoot
      .querySelector('[data-testid="signer"]').value === 'kubernetes.io/kubelet-serving');
    await tab.evaluate(() => document.getElementById('r').setAttribute('panels', 'spec generate'));
    await tab.waitForFunction(() => !document.getElementById('r').shadowRoot.querySelector('[data-testid="signer"]'));
    await inside(tab, 'r', 'generate').click();
    await inside(tab, 'r', 'csr-pem').waitFor({ timeout: 30_000 });
    assert.equal(await inside(tab, 'r', 'manifest-yaml').count(), 0, 'no manifest step');
    // A wrong attribute is said in the element, naming the attribute.
    await tab.evaluate(() => document.getElementById('r').setAttribute('panels', 'spec preview'));
    await tab.locator('#r').locator('[part="error"]').waitFor();
    assert.match(await tab.locator('#r').locator('[part="error"]').innerText(), /panels: "preview" is not a step/);
    await tab.evaluate(() => document.getElementById('r').setAttribute('panels', 'spec lint'));
    await tab.locator('#r').locator('[part="error"]').waitFor({ state: 'detached' });
    await inside(tab, 'r', 'lint-findings').waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('lang="zh-CN" speaks 简体中文, and the page lang decides when the element has none', async () => {
  const url = page('lang', `<csrcraft-example id="zh" lang="zh-CN" spec='${SPEC}'></csrcraft-example>
    <div lang="zh"><csrcraft-example id="inherit" spec='${SPEC}'></csrcraft-example></div>
    <csrcraft-example id="en" spec='${SPEC}'></csrcraft-example>`);
  const { page: tab, problems, close } = await open(url);
  try {
    for (const id of ['zh', 'inherit', 'en']) {
      await tab.locator(`#${id}`).scrollIntoViewIfNeeded();
      await ready(tab, id);
    }
    const heading = (id) => tab.locator(`#${id}`).locator('h2').first().innerText();
    assert.match(await heading('zh'), /描述证书/);
    assert.match(await heading('inherit'), /描述证书/);
    assert.match(await heading('en'), /Describe the certificate/);
    await tab.evaluate(() => document.getElementById('en').setAttribute('lang', 'zh-CN'));
    await tab.waitForFunction(() => document.getElementById('en').shadowRoot.querySelector('h2').textContent.includes('描述证书'));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("custom properties restyle the example and the page's CSS does not reach inside", async () => {
  const url = page('style', `<csrcraft-example id="s" spec='${SPEC}'></csrcraft-example>`,
    `csrcraft-example { --csrcraft-accent: rgb(200, 0, 100); }
     button { background: rgb(0, 255, 0) !important; font-size: 40px !important; }
     body { font-family: "Comic Sans MS"; color: rgb(255, 0, 0); letter-spacing: 10px; }`);
  const { page: tab, problems, close } = await open(url);
  try {
    await ready(tab, 's');
    const generate = inside(tab, 's', 'generate');
    const style = await generate.evaluate((b) => {
      const s = getComputedStyle(b);
      return { background: s.backgroundColor, fontSize: s.fontSize, letterSpacing: s.letterSpacing };
    });
    assert.equal(style.background, 'rgb(200, 0, 100)', 'the accent custom property restyles Generate');
    assert.notEqual(style.fontSize, '40px', "the page's button rule stays outside");
    assert.equal(style.letterSpacing, 'normal', "the page's inherited letter-spacing stops at the host");
    await tab.evaluate(() => document.getElementById('s').setAttribute('theme', 'dark'));
    const dark = await generate.evaluate((b) => getComputedStyle(b).colorScheme);
    assert.equal(dark, 'dark');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('importing the module where there is no DOM does not throw and defines nothing', () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e',
    `await import(${JSON.stringify(join(BUILT, 'csrcraft-element.js'))});
     console.log(typeof globalThis.customElements);`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'undefined');
});
