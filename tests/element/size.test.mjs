// Issue 11's budget for the <csrcraft-example> element: its JS + wasm gzip (target/element/SIZES,
// written by scripts/element-build) at most 250 KB built on Debian's wasm toolchain, 280 KB on
// rustup's prebuilt std (which can neither build std for size nor drop panic messages).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from '../wasm-api/helpers.mjs';

const BUDGET = { debian: 250_000, rustup: 280_000 };

test('the element stays within its gzip budget for the toolchain it was built with', (t) => {
  const sizes = readFileSync(join(process.env.CSRCRAFT_ELEMENT_DIR ?? join(root, 'target/element'), 'SIZES'), 'utf8');
  const total = Number(/^total raw \d+ gzip (\d+)$/m.exec(sizes)[1]);
  const toolchain = /^toolchain (\w+)$/m.exec(sizes)[1];
  const budget = BUDGET[toolchain];
  assert.ok(budget, `no budget for the ${toolchain} toolchain`);
  t.diagnostic(`element js + wasm: ${total} bytes gzip on ${toolchain}; budget ${budget}`);
  assert.ok(total <= budget, `${total} bytes gzip, over the ${budget} budget on ${toolchain}: what grew?`);
});
