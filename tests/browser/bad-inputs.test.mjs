// Rows of the bad-input table (tests/bad-inputs) typed into the web app, all in ONE page: each
// spec into the spec JSON, each certificate into the verify panel's certificate field. The row's
// message shows at that field (the spec's notes, the verify report), no CSR, key or manifest is
// shown, and afterwards the same page still makes a CSR that openssl accepts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { rows } from '../bad-inputs/table.mjs';
import { root, workdir } from '../wasm-api/helpers.mjs';
import { byId, checkWithOpenssl, describePage, generate, loadTutorial, withApp } from './app-driver.mjs';
import { serveDir, trunkServeHeaders } from './serve.mjs';

const DIST = process.env.CSRCRAFT_WEB_DIST ?? join(root, 'target/web-dist');
const CA = { file: 'crates/core/tests/data/inspect/ca.pem' };
let server;
const work = workdir();

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html missing: run scripts/web-build first`);
  server = await serveDir(DIST, trunkServeHeaders(join(root, 'Trunk.toml')));
});

after(async () => {
  await server?.close();
  work.remove();
});

const text = (value) => typeof value === 'string';
/** Specs the app reads as `genkey` does (the spec JSON field; blank text is no spec there). */
const specRows = rows.filter((r) => r.kind === 'spec' && r.run === 'genkey' && r.message && text(r.input)
  && r.input.trim() !== '');
/** Certificates, chains and kubectl objects whose message is about the certificate input alone. */
const certificateRows = rows.filter((r) => r.message && text(r.input) && r.input.trim() !== ''
  && ((r.run === 'inspect' && !r.options)
    || (r.run === 'verify' && r.ca?.file === CA.file && !r.key && !r.csr && !r.options)));

/** The error notes under the spec JSON, each as `field: text` (or the text alone). */
const specErrors = (page) => page.$$eval(`${byId('spec-notes')} li.note.error`, (items) => items.map((li) => {
  const field = li.querySelector('code.field')?.textContent ?? '';
  const message = li.querySelector('span:last-child').textContent;
  return field ? `${field}: ${message}` : message;
}));

/** The verify report's error, without its badge; null when it shows none. */
const reportError = (page) => page.$eval(byId('verify-report'), (el) => {
  const note = el.querySelector('.note.error');
  if (!note) return null;
  return [...note.childNodes].filter((n) => !n.classList?.contains('badge')).map((n) => n.textContent).join('');
});

/** What the outputs show: the CSR, key and manifest text, empty when absent. */
const outputs = (page) => page.evaluate((ids) => ids.map((id) => {
  const el = document.querySelector(`[data-testid="${id}"]`);
  return el ? (el.value ?? el.textContent).trim() : '';
}).join(''), ['csr-pem', 'key-pem', 'manifest-yaml']);

/** Polls `read(page)` until it equals `expected` (or times out); returns the last value. */
async function settle(page, read, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let value;
  do {
    value = await read(page);
    if (JSON.stringify(value) === JSON.stringify(expected)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return value;
}

test('bad specs and certificates show their message at their field, no output, and the page still works', { timeout: 600_000 }, async () => {
  assert.ok(specRows.length + certificateRows.length >= 20, 'at least 20 rows for the web app');
  await withApp(`${server.origin}/`, async ({ page, seen }) => {
    const failures = [];
    for (const row of specRows) {
      await page.fill(byId('spec-json'), row.input);
      const shown = await settle(page, specErrors, [row.message]);
      if (JSON.stringify(shown) !== JSON.stringify([row.message])) {
        failures.push(`${row.id}:\n  shown:    ${JSON.stringify(shown)}\n  expected: ${JSON.stringify([row.message])}`);
      }
      if (await outputs(page)) failures.push(`${row.id}: an output is shown`);
    }
    for (const row of certificateRows) {
      await page.fill(byId('cert-input'), row.input);
      const shown = await settle(page, reportError, row.message);
      if (shown !== row.message) {
        failures.push(`${row.id}:\n  shown:    ${JSON.stringify(shown)}\n  expected: ${JSON.stringify(row.message)}`);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} rows failed:\n${failures.join('\n')}\n${await describePage(page)}`);
    assert.equal(await outputs(page), '', 'no CSR, key or manifest after the bad inputs');

    await page.fill(byId('cert-input'), '');
    await loadTutorial(page);
    const { csrPem, keyPem } = await generate(page);
    checkWithOpenssl(work, 'after-bad-inputs', csrPem, keyPem);
    assert.deepEqual(seen.console, [], 'console errors');
  });
});
