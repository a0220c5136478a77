// One JSON stack per product: the CLI reads and writes JSON through the core (its `json`
// module), so serde_json is not in the binary's dependency graph (the tests use it as a
// reference reader, as dev-dependencies).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

import { root } from '../wasm-api/helpers.mjs';

test('the CLI links no serde_json', () => {
  const r = spawnSync('cargo', ['tree', '-p', 'csrcraft-cli', '-e', 'normal', '-i', 'serde_json'],
    { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), '', `serde_json is in the CLI's dependencies:\n${r.stdout}`);
  assert.match(r.stderr, /nothing to print/);
});
