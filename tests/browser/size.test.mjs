// The web app's size: everything the page loads that is code (wasm + js), gzip -9, after wasm-opt.
//
// Issue 4's target is 400 KB. WebCrypto now does the crypto (688 KB gzip with RustCrypto in the
// wasm); today's build is about 446 KB, the core without crypto (ASN.1, YAML, k8s-openapi with
// jiff, IDNA) and Yew; see README.md. Until the core is slimmed down, this test guards against
// growth: it fails above CEILING, about 5% over today's size on the Debian toolchain that
// scripts/test uses, and reports the target as met or missed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const dist = fileURLToPath(new URL('../../target/web-dist/', import.meta.url));
const TARGET = 400 * 1000; // bytes: issue 4's budget
const CEILING = 468 * 1000; // bytes: 445,751 measured on 2026-11-28, plus about 5%

test(`the app's wasm + js stay under the ${CEILING / 1000} KB gzip ceiling`, (t) => {
  const files = readdirSync(dist).filter((name) => /\.(wasm|js)$/.test(name));
  assert.ok(files.some((name) => name.endsWith('.wasm')), `no .wasm in ${dist}: run scripts/web-build`);
  let total = 0;
  for (const name of files) {
    const r = spawnSync('gzip', ['-9', '-c', join(dist, name)], { maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `gzip ${name}: ${r.stderr}`);
    total += r.stdout.length;
  }
  const verdict = total <= TARGET ? 'MET' : 'MISSED';
  t.diagnostic(`${files.join(' + ')}: ${total} bytes gzip; target ${TARGET}: ${verdict}`);
  assert.ok(total <= CEILING, `${total} bytes gzip, over the ${CEILING} ceiling: what grew?`);
});
