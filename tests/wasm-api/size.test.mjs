// The API's size: wasm + js, gzip -9, after wasm-opt.
//
// Issue 4's target is 150 KB. With the crypto moved to WebCrypto (csrcraft-webcrypto), the
// core's own Kubernetes types (no k8s-openapi, no jiff), one ASN.1 stack (no x509-parser) and
// IDNA by the platform's URL parser (no idna crate) the build is about 275 KB, still 1.8x that:
// what is left is der/x509-cert, YAML, serde_json and the text and JSON views. Until the core is slimmed further, this test
// guards against growth: it fails above CEILING, about 5% over today's size on the Debian
// toolchain that scripts/test uses, and reports the target as met or missed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { pkgDir } from './helpers.mjs';

const TARGET = 150 * 1000; // bytes: issue 4's budget
const CEILING = 289 * 1000; // bytes: 275,223 measured on 2026-11-28 (WebCrypto, one ASN.1 stack, the platform's IDNA), plus 5%

test(`wasm + js stay under the ${CEILING / 1000} KB gzip ceiling`, (t) => {
  // gzip -9, as scripts/wasm-pkg measures (node's zlib at level 9 gives about 1.5% more)
  const gz = (name) => {
    const r = spawnSync('gzip', ['-9', '-c', join(pkgDir, name)], { maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `gzip: ${r.stderr}`);
    return r.stdout.length;
  };
  const total = gz('csrcraft_bg.wasm') + gz('csrcraft.js');
  const verdict = total <= TARGET ? 'MET' : 'MISSED';
  t.diagnostic(`csrcraft_bg.wasm + csrcraft.js: ${total} bytes gzip; target ${TARGET}: ${verdict}`);
  assert.ok(total <= CEILING, `${total} bytes gzip, over the ${CEILING} ceiling: what grew?`);
});
