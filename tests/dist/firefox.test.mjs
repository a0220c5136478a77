// The offline edition in Debian's Firefox ESR, the browser an air-gapped Debian workstation is
// most likely to have: target/dist/csrcraft.html opened from file://, driven over WebDriver BiDi
// by npm puppeteer-core (which downloads no browser; scripts/setup installs firefox-esr). Every
// key type Firefox's WebCrypto makes (openssl checks each CSR), the manifest, and verify of a
// test CA's certificate; the page loads nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';

import puppeteer from 'puppeteer-core';

import { APP_READY, byId, checkWithOpenssl, generate, waitForReport, waitForText } from '../browser/app-driver.mjs';
import { makeCa, root, signWithCa, workdir } from '../wasm-api/helpers.mjs';

const FIREFOX = process.env.CSRCRAFT_FIREFOX ?? '/usr/bin/firefox-esr';
const HTML = join(root, 'target/dist/csrcraft.html');
const work = workdir();
after(() => work.remove());

test('Firefox ESR: the offline edition from file:// makes every key type, the manifest, and verifies', { timeout: 300_000 }, async () => {
  assert.ok(existsSync(FIREFOX), `${FIREFOX} not found: run scripts/setup (Debian's firefox-esr) or set CSRCRAFT_FIREFOX`);
  assert.ok(existsSync(HTML), `${HTML} missing: run scripts/dist`);
  const declared = /<meta name="csrcraft-wasm-sha256" content="([0-9a-f]{64})">/.exec(readFileSync(HTML, 'utf8'))[1];
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocolTimeout: 120_000 });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => d.accept());
    await page.goto(pathToFileURL(HTML).href, { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => window.isSecureContext), true, 'file:// is a secure context in Firefox');
    await waitForText(page, 'progress', (t) => t.includes(APP_READY), 'the app to be ready', 60_000);
    assert.ok((await waitForText(page, 'edition', (t) => t.includes('offline'), 'the edition line')).includes(declared));

    await page.click(byId('load-example'));
    await waitForText(page, 'spec-json', (t) => t.includes('my-pod.my-namespace.pod.cluster.local'), 'the example spec');
    let last;
    for (const [algo, size] of [['ecdsa', '256'], ['ecdsa', '384'], ['ecdsa', '521'], ['rsa', '2048'], ['ed25519', null]]) {
      await page.select(byId('form-algo'), algo);
      if (size) await page.select(byId('form-size'), size);
      last = await generate(page);
      checkWithOpenssl(work, `firefox-${algo}${size ?? ''}`, last.csrPem, last.keyPem);
    }
    await waitForText(page, 'manifest-yaml', (t) => t.includes('kind: CertificateSigningRequest'), 'the manifest');

    makeCa(work, 'firefox-ca');
    await page.locator(byId('cert-input')).fill(signWithCa(work, last.csrPem, 'firefox-ca'));
    await page.locator(byId('ca-input')).fill(work.read('firefox-ca.pem'));
    const report = await waitForReport(page, (r) => r.verdict?.startsWith('✓ PASS'), 'every check to pass');
    assert.deepEqual(report.rows.filter((r) => r.outcome !== 'PASS'), [], report.text);

    assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)), [],
      'resources loaded by the page');
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await browser.close();
  }
});
