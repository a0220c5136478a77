// Drives the web app in a browser page, for the tests of the served app (app.test.mjs) and of
// the offline edition (tests/dist): open it, fill the form, generate, read the verify report,
// download, with failure messages that show the page's state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { launch } from './chromium.mjs';

export const KUBELET_SERVING = 'kubernetes.io/kubelet-serving';
export const TUTORIAL_USAGES = ['digital signature', 'key encipherment', 'server auth'];
export const TUTORIAL_HOST = 'my-svc.my-namespace.svc.cluster.local';
/** What the generate bar says once the app is up and WebCrypto is there. */
export const APP_READY = 'Keys are made by your browser\'s WebCrypto';
/** The same in 简体中文. */
export const APP_READY_ZH = '密钥由浏览器的 WebCrypto';

export const byId = (testid) => `[data-testid="${testid}"]`;

/** The text (or a form field's value) of each data-testid, for failure messages. */
export async function describePage(page, ids = ['progress', 'status', 'lint-findings', 'verify-report', 'spec-notes']) {
  const parts = [];
  for (const id of ids) {
    const text = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      return 'value' in el && el.tagName !== 'DIV' ? el.value : el.innerText;
    }, byId(id)).catch((e) => `(unreadable: ${e.message})`);
    parts.push(`--- ${id}: ${text === null ? '(absent)' : text}`);
  }
  return parts.join('\n');
}

/**
 * Waits until `predicate(text)` holds for the testid's text (innerText, or value for form
 * fields); on timeout throws with `what`, that text and the rest of the page's state.
 */
export async function waitForText(page, testid, predicate, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let text = null;
  for (;;) {
    text = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerText;
    }, byId(testid));
    if (text !== null && predicate(text)) return text;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${testid}: ${what}\n` +
        `${await describePage(page)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records page errors, console errors and dialogs; accepts every confirm(). */
export function watch(page) {
  const seen = { errors: [], console: [], dialogs: [] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.console.push(m.text());
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    d.accept().catch(() => {});
  });
  return seen;
}

/** Opens the app at `url` (the served app, or the offline edition's file:// URL) and waits until it is ready to generate. */
export async function openApp(page, url) {
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (url.startsWith('http')) assert.equal(response.status(), 200);
  const progress = await waitForText(page, 'progress', (t) => t.includes(APP_READY) || /error/i.test(t),
    'the app to be ready', 60_000);
  assert.ok(progress.includes(APP_READY), `the app did not start:\n${await describePage(page)}`);
}

/**
 * Runs `body({ page, seen, context })` in a fresh browser (launched with `options`) with the app
 * at `url` open and ready, then checks that the page threw no error; the browser is closed
 * either way. `options.beforeOpen(context)` runs before the page is opened.
 */
export async function withApp(url, body, { beforeOpen, ...options } = {}) {
  const browser = await launch(options);
  try {
    const { context, page } = browser;
    const seen = watch(page);
    await beforeOpen?.(context);
    await openApp(page, url);
    await body({ page, seen, context });
    assert.deepEqual(seen.errors, [], 'page errors');
  } finally {
    await browser.close();
  }
}

/** Ticks exactly `wanted` in the usages fieldset. */
export async function setUsages(page, wanted) {
  const boxes = page.locator(`${byId('usages')} input[type=checkbox]`);
  const count = await boxes.count();
  assert.ok(count >= wanted.length, `only ${count} usage checkboxes`);
  for (let i = 0; i < count; i += 1) {
    const box = boxes.nth(i);
    const name = (await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).trim();
    await box.setChecked(wanted.includes(name));
  }
  const ticked = await page.$$eval(`${byId('usages')} label`, (labels) => labels
    .filter((l) => l.querySelector('input[type=checkbox]')?.checked).map((l) => l.innerText.trim()));
  assert.deepEqual([...ticked].sort(), [...wanted].sort(), 'usages ticked');
}

/** The tutorial's settings: example spec, kubelet-serving signer, the tutorial's usages. */
export async function loadTutorial(page) {
  await page.click(byId('load-example'));
  await waitForText(page, 'spec-json', (t) => t.includes('my-pod.my-namespace.pod.cluster.local'), 'the example spec');
  await page.selectOption(byId('signer'), KUBELET_SERVING);
  assert.equal(await page.inputValue(byId('signer')), KUBELET_SERVING);
  await setUsages(page, TUTORIAL_USAGES);
}

/** Clicks generate and waits for the CSR and key; returns { csrPem, keyPem }. */
export async function generate(page, timeout = 60_000) {
  const before = await page.evaluate((sel) => document.querySelector(sel)?.value ?? '', byId('csr-pem'));
  await page.click(byId('generate'));
  const csrPem = await waitForText(page, 'csr-pem',
    (t) => t.startsWith('-----BEGIN CERTIFICATE REQUEST-----') && t !== before, 'a new CSR', timeout);
  const keyPem = await waitForText(page, 'key-pem', (t) => t.includes('PRIVATE KEY-----'), 'the key', timeout);
  return { csrPem, keyPem };
}

/**
 * openssl's checks of a CSR and its key, in the work directory `work` (tests/wasm-api's
 * workdir()): the CSR's signature, and the key is the CSR's.
 */
export function checkWithOpenssl(work, name, csrPem, keyPem) {
  work.write(`${name}.csr`, csrPem);
  work.write(`${name}-key.pem`, keyPem);
  const verify = work.openssl('req', '-verify', '-noout', '-in', `${name}.csr`);
  assert.equal(verify.status, 0, `openssl req -verify failed:\n${verify.stderr}\n${csrPem}`);
  const fromKey = work.ok('pkey', '-in', `${name}-key.pem`, '-pubout');
  const fromCsr = work.ok('req', '-in', `${name}.csr`, '-pubkey', '-noout');
  assert.equal(fromKey, fromCsr, "the key's public key is not the CSR's");
}

/** The verify report's verdict and its rows { name, outcome }. */
export async function readReport(page) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return {
      text: el.innerText,
      verdict: el.querySelector('.verdict')?.innerText ?? null,
      rows: [...el.querySelectorAll('tr[data-check]')].map((tr) => ({
        name: tr.dataset.check,
        outcome: tr.querySelector('.badge')?.innerText.trim(),
        cls: tr.className,
      })),
    };
  }, byId('verify-report'));
}

/** Waits until `predicate(report)` holds for the verify report (see readReport). */
export async function waitForReport(page, predicate, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const report = await readReport(page);
    if (predicate(report)) return report;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for the verify report: ${what}\n${await describePage(page)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const outcome = (report, name) => report.rows.find((r) => r.name === name)?.outcome;

/** Pastes the certificate and CA (fill = an input event, like a paste). */
export async function pasteCertificate(page, certPem, caPem) {
  await page.fill(byId('cert-input'), certPem);
  await page.fill(byId('ca-input'), caPem);
}

/** What each output's download button saves: testid → file name. */
export const DOWNLOADS = { 'csr-pem': 'server.csr', 'key-pem': 'server-key.pem', 'manifest-yaml': 'csr.yaml', 'cfssl-json': 'server.json' };

/**
 * Clicks `download-{testid}` and waits for the browser's download: { name, url, text } of the
 * file saved (the context must accept downloads; see launch()).
 */
export async function downloadOf(page, testid) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click(byId(`download-${testid}`)),
  ]);
  const failure = await download.failure();
  assert.equal(failure, null, `the download of ${testid} failed: ${failure}\n${await describePage(page)}`);
  const path = await download.path();
  return { name: download.suggestedFilename(), url: download.url(), text: readFileSync(path, 'utf8') };
}

/** The CSP directives of a policy string, as { name: [values] }. */
export function directives(policy) {
  const out = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    out[name.toLowerCase()] = values;
  }
  return out;
}
