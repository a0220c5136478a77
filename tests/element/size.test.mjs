// The <csrcraft-example> element's budget: its JS + wasm gzip (target/element/SIZES, written by
// scripts/element-build), per wasm toolchain: rustup's prebuilt std can neither build std for
// size nor drop panic messages. Issue 11 set 250 KB (Debian) and 280 KB (rustup); issue 13's
// YAML reader (saphyr-parser, which that issue allows up to 20 KB; the element's verify panel
// reads kubectl objects) and hash and base64 crates raised them, and issue 14's hardening (the
// two-phase signature check, n log n repeat checks, bad-input messages) again, and the `sign`
// panel (the core's issue module, the Secret, WebCrypto's certificate signing) and the key
// passphrase (PBES2 by WebCrypto) by their measured 24,687 / 26,124 bytes: bench/README.md
// ("Sizes").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from '../wasm-api/helpers.mjs';

const BUDGET = { debian: 294_700, rustup: 332_200 };

test('the element stays within its gzip budget for the toolchain it was built with', (t) => {
  const sizes = readFileSync(join(process.env.CSRCRAFT_ELEMENT_DIR ?? join(root, 'target/element'), 'SIZES'), 'utf8');
  const total = Number(/^total raw \d+ gzip (\d+)$/m.exec(sizes)[1]);
  const toolchain = /^toolchain (\w+)$/m.exec(sizes)[1];
  const budget = BUDGET[toolchain];
  assert.ok(budget, `no budget for the ${toolchain} toolchain`);
  t.diagnostic(`element js + wasm: ${total} bytes gzip on ${toolchain}; budget ${budget}`);
  assert.ok(total <= budget, `${total} bytes gzip, over the ${budget} budget on ${toolchain}: what grew?`);
});
