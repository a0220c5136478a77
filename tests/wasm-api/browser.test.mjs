// The JS/TS API in real headless Chromium (Debian's /usr/bin/chromium through playwright-core; no
// browser is ever downloaded): the pkg and a tiny page are served from 127.0.0.1 (a secure
// context, so Chromium's WebCrypto does the crypto) by a server inside this test, the page
// generates keys and CSRs of every kind and verifies the certificate an openssl CA issues for
// one, and no request goes anywhere but 127.0.0.1. Served under another host name, the page is
// not a secure context: the API rejects and says why.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { IDN, data, makeCa, opensslCsr, pkgDir, signWithCa, snakeKeys, workdir } from './helpers.mjs';

const CHROMIUM = process.env.CSRCRAFT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>csrcraft wasm API test</title></head>
<body><p id="status">loading</p>
<script type="module">
  import init, * as csrcraft from './csrcraft.js';
  await init();
  window.csrcraft = csrcraft;
  document.getElementById('status').textContent = 'ready';
</script></body></html>`;

const FILES = {
  '/': ['text/html; charset=utf-8', () => PAGE],
  '/csrcraft.js': ['text/javascript', () => readFileSync(join(pkgDir, 'csrcraft.js'))],
  '/csrcraft_bg.wasm': ['application/wasm', () => readFileSync(join(pkgDir, 'csrcraft_bg.wasm'))],
};

let server;
let browser;
let origin;
const work = workdir();

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/setup (Debian chromium)`);
  server = createServer((req, res) => {
    const file = FILES[new URL(req.url, 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  work.remove();
});

test('generate and verify in the page; no request leaves 127.0.0.1', { timeout: 180_000 }, async () => {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.isSecureContext), true);

  const spec = { CN: 'web.example.com', hosts: ['web.example.com', '10.0.0.7'], key: { algo: 'ecdsa', size: 256 } };
  const made = await page.evaluate((spec) => window.csrcraft.generate(spec, { signer: 'example.com/serving' }), spec);
  assert.match(made.csrPem, /^-----BEGIN CERTIFICATE REQUEST-----\n/);
  assert.match(made.keyPem, /^-----BEGIN EC PRIVATE KEY-----\n/);
  assert.match(made.manifestYaml, /^ {2}signerName: example\.com\/serving$/m);
  assert.deepEqual(made.warnings, []);
  work.write('page.csr', made.csrPem);
  assert.equal(work.openssl('req', '-in', 'page.csr', '-noout', '-verify').status, 0);

  // Every key kind from Chromium's WebCrypto, in both key formats: openssl verifies the CSR and
  // its signature algorithm, and the key is the CSR's key.
  const kinds = [
    [{ algo: 'ecdsa', size: 384 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA384'],
    [{ algo: 'ecdsa', size: 521 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA512'],
    [{ algo: 'rsa', size: 2048 }, 'RSA PRIVATE KEY', 'sha256WithRSAEncryption'],
    [{ algo: 'rsa', size: 3072 }, 'RSA PRIVATE KEY', 'sha384WithRSAEncryption'],
    [{ algo: 'ed25519' }, 'PRIVATE KEY', 'ED25519'],
  ];
  for (const [key, cfsslLabel, signatureAlgorithm] of kinds) {
    for (const [keyFormat, label] of [['cfssl', cfsslLabel], ['pkcs8', 'PRIVATE KEY']]) {
      const what = `${JSON.stringify(key)} ${keyFormat}`;
      const kind = await page.evaluate(({ key, keyFormat }) => window.csrcraft.generate({ CN: 'kind.example.com', key }, { keyFormat }),
        { key, keyFormat });
      assert.ok(kind.keyPem.startsWith(`-----BEGIN ${label}-----\n`), `${what}: ${kind.keyPem.slice(0, 40)}`);
      work.write('kind.csr', kind.csrPem);
      work.write('kind-key.pem', kind.keyPem);
      assert.equal(work.openssl('req', '-in', 'kind.csr', '-noout', '-verify').status, 0, what);
      assert.match(work.ok('req', '-in', 'kind.csr', '-noout', '-text'), new RegExp(`Signature Algorithm: ${signatureAlgorithm}\\n`), what);
      assert.equal(work.ok('req', '-in', 'kind.csr', '-noout', '-pubkey'), work.ok('pkey', '-in', 'kind-key.pem', '-pubout'), what);
    }
  }

  // The certificate an openssl CA issues, verified in the page with the key from the page.
  const ca = makeCa(work);
  const cert = signWithCa(work, made.csrPem);
  const report = await page.evaluate(({ cert, ca, key, csr }) => window.csrcraft.verify(cert, {
    ca, key, csr, host: 'web.example.com',
  }), { cert, ca, key: made.keyPem, csr: made.csrPem });
  assert.equal(report.verified, true, report.text);
  const wrong = await page.evaluate(({ cert, ca }) => window.csrcraft.verify(cert, { ca }),
    { cert, ca: makeCa(work, 'other') });
  assert.equal(wrong.verified, false);
  assert.equal(wrong.checks.find((c) => c.name === 'signature chain').outcome, 'fail');

  // Errors reach the page as rejected promises with Errors carrying the core's message; the
  // module keeps working.
  const thrown = await page.evaluate(async () => {
    try {
      await window.csrcraft.generate({ CN: 'x', key: { algo: 'ecdsa', size: 224 } });
      return null;
    } catch (e) {
      return { isError: e instanceof Error, message: e.message };
    }
  });
  assert.deepEqual(thrown, { isError: true, message: 'key.size: 224 is not a valid ecdsa size; use 256, 384 or 521' });
  const lint = await page.evaluate((csr) => window.csrcraft.lint(csr, { signer: 'kubernetes.io/kubelet-serving' }), made.csrPem);
  assert.ok(lint.errors > 0);

  assert.deepEqual(errors, []);
  assert.ok(requests.length >= 3, requests.join('\n'));
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`));
  assert.deepEqual(elsewhere, [], `requests to other than ${origin}`);
  await page.close();
});

test('in the page too, every key of the results is camelCase', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 30_000 });
  const at = '2026-06-01T00:00:00Z';
  const inputs = {
    csr: data('tutorial-p256.csr'), chain: data('inspect/chain.pem'), ca: data('inspect/ca.pem'),
    key: data('test-p256-key.pem'), kubectl: data('inspect/kubectl-issued-full.yaml'), at,
  };
  const results = await page.evaluate(async ({ csr, chain, ca, key, kubectl, at }) => {
    const api = window.csrcraft;
    return {
      generate: await api.generate({ CN: 'web.example.com', colour: 'blue' }, { signer: 'example.com/serving' }),
      lint: await api.lint(csr, { signer: 'kubernetes.io/kubelet-serving' }),
      manifest: await api.manifest(csr, { signer: 'example.com/serving' }),
      inspect: await api.inspect(kubectl, { at }),
      verify: await api.verify(chain, { ca, key, csr, host: 'my-svc.my-namespace.svc.cluster.local', at }),
    };
  }, inputs);
  for (const [name, result] of Object.entries(results)) assert.deepEqual(snakeKeys(result), [], name);
  assert.equal(results.inspect.kubernetes.signerName, 'example.com/serving');
  assert.equal(results.inspect.certificates[0].validity.notBefore, '2026-01-01T00:00:00Z');
  assert.equal(results.verify.verified, true, results.verify.text);
  await page.close();
});

test('the flow without a cluster in the page: caInit, generate, sign, verify, secret', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 30_000 });
  const at = '2026-12-06T12:00:00Z';
  // An RSA 4096 CA: Chromium must sign the leaf with SHA-256 (kube-controller-manager's choice),
  // not the SHA-512 cfssl pairs with the key and signs the CA itself with.
  const flow = await page.evaluate(async ({ at, tutorial }) => {
    const api = window.csrcraft;
    const ca = await api.caInit({ CN: 'page CA', key: { algo: 'rsa', size: 4096 } }, { at: '2026-01-01T00:00:00Z' });
    const made = await api.generate({ CN: 'web.example.com', hosts: ['web.example.com'] });
    const signed = await api.sign(made.csrPem, { ca: ca.cert, caKey: ca.key, signer: 'example.com/serving', at });
    const verified = await api.verify(signed.certificate, { ca: ca.cert, key: made.keyPem, csr: made.csrPem, host: 'web.example.com', at });
    const failed = await api.sign(tutorial, { ca: ca.cert, caKey: ca.key, signer: 'kubernetes.io/kubelet-serving', at, object: true });
    const secret = await api.secret({ name: 'web-tls', cert: signed.certificate, key: made.keyPem, ca: ca.cert });
    return { ca, signed, verified, failed, secret };
  }, { at, tutorial: data('tutorial-p256.csr') });
  assert.equal(flow.signed.outcome, 'issued');
  assert.equal(flow.verified.verified, true, flow.verified.text);
  work.write('page-ca.pem', flow.ca.cert);
  work.write('page-leaf.pem', flow.signed.certificate);
  assert.match(work.ok('x509', '-in', 'page-ca.pem', '-noout', '-text'), /Signature Algorithm: sha512WithRSAEncryption\n/);
  assert.match(work.ok('x509', '-in', 'page-leaf.pem', '-noout', '-text'), /Signature Algorithm: sha256WithRSAEncryption\n/);
  work.ok('verify', '-CAfile', 'page-ca.pem', '-attime', String(Date.parse(at) / 1000), 'page-leaf.pem');
  assert.equal(flow.failed.outcome, 'failed');
  assert.equal(flow.failed.finding.message, 'subject organization is not system:nodes');
  assert.match(flow.failed.object, /^ {4}reason: SignerValidationFailure\n {4}status: 'True'\n {4}type: Failed\n/m);
  assert.match(flow.secret.text, /^type: kubernetes\.io\/tls$/m);
  assert.deepEqual(errors, []);
  await page.close();
});

test("internationalized names become punycode by Chromium's URL parser, as by the CLI's idna crate", { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 30_000 });
  const made = await page.evaluate((hosts) => window.csrcraft.generate({ CN: 'x', hosts }), IDN.hosts);
  assert.deepEqual(made.warnings, IDN.warnings);
  work.write('idn.csr', made.csrPem);
  assert.ok(work.ok('req', '-in', 'idn.csr', '-noout', '-text').includes(`${IDN.sans}\n`));
  for (const [host, message] of IDN.refused) {
    const refused = await page.evaluate((host) => window.csrcraft.generate({ CN: 'x', hosts: ['a.example', host] })
      .then(() => null, (e) => e.message), host);
    assert.equal(refused, message);
  }
  for (const host of IDN.forbidden) {
    const refused = await page.evaluate((host) => window.csrcraft.generate({ CN: 'x', hosts: ['a.example', host] })
      .then(() => null, (e) => e.message), host);
    assert.ok(refused?.startsWith(`hosts[1]: ${JSON.stringify(host)} is not a valid DNS name: `), `${host}: ${refused}`);
  }

  const ca = makeCa(work, 'idn-ca');
  const cert = signWithCa(work, opensslCsr(work, 'DNS:xn--bcher-kva.example'), 'idn-ca');
  const report = await page.evaluate(({ cert, ca }) => window.csrcraft.verify(cert, { ca, host: 'Bücher.example' }), { cert, ca });
  assert.equal(report.checks.find((c) => c.name === 'hostname').detail, '"Bücher.example" matches DNS:xn--bcher-kva.example');
  assert.deepEqual(errors, []);
  await page.close();
});

test('in an insecure context (plain http, not localhost) every call rejects and says why', { timeout: 60_000 }, async () => {
  // The same server under a name that is not localhost: Chromium maps it to 127.0.0.1, and
  // the page is not a secure context, so it has no crypto.subtle.
  const insecure = await chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: [...ARGS, '--host-resolver-rules=MAP csrcraft.test 127.0.0.1'],
  });
  try {
    const page = await insecure.newPage();
    const elsewhere = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`http://csrcraft.test:${server.address().port}/`)) elsewhere.push(request.url());
    });
    await page.goto(`http://csrcraft.test:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready', null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    const message = 'WebCrypto (crypto.subtle) is not available here: serve the page over https or from localhost';
    const outcomes = await page.evaluate(async (csr) => Promise.all([
      window.csrcraft.generate({ CN: 'x' }),
      window.csrcraft.inspect(csr), // a CSR's self-signature needs WebCrypto too
    ].map((p) => p.then(() => 'resolved', (e) => `${e instanceof Error}: ${e.message}`))), data('tutorial-p256.csr'));
    assert.deepEqual(outcomes, [`true: ${message}`, `true: ${message}`]);
    assert.deepEqual(elsewhere, []);
  } finally {
    await insecure.close();
  }
});
