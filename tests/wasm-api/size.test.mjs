// The API's size: wasm + js, gzip -9, after wasm-opt.
//
// Issue 4's target is 150 KB. With the crypto moved to WebCrypto (csrcraft-webcrypto), and the
// core's own Kubernetes types, DER, PEM and YAML code, and IDNA by the platform's URL parser, the
// build is about 202 KB, still over that: what is left is mostly the core's own logic and
// messages, serde_json and the wasm-bindgen glue. Until the core is slimmed further, this test
// guards against growth: it fails above CEILING, about 5% over today's size on the Debian
// toolchain that scripts/test uses, and reports the target as met or missed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { pkgDir } from './helpers.mjs';

const TARGET = 150 * 1000; // bytes: issue 4's budget
const CEILING = 212 * 1000; // bytes: 202,103 measured on 2026-11-28, plus 5%

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
