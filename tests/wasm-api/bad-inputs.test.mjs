// Every row of the bad-input table (tests/bad-inputs) that the JS/TS API runs, through ONE module
// instance: each call rejects with an Error carrying exactly the row's message. A panic in the wasm
// traps and leaves the instance unusable, so the same instance then makes a CSR openssl accepts.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { call, jsMessage, jsRows } from '../bad-inputs/table.mjs';
import { loadApi, workdir } from './helpers.mjs';

const api = await loadApi();
const work = workdir();
after(() => work.remove());

test('the table has at least 200 rows for the JS/TS API', () => {
  assert.ok(jsRows.length >= 200, `only ${jsRows.length} rows`);
});

test('every row rejects with an Error and its message, then the same instance makes a CSR', async () => {
  const failures = [];
  for (const row of jsRows) {
    try {
      await call(api, row);
      failures.push(`${row.id}: accepted`);
    } catch (error) {
      if (!(error instanceof Error)) failures.push(`${row.id}: rejected with ${typeof error} ${error}`);
      else if (error.message !== jsMessage(row)) {
        failures.push(`${row.id}:\n  message:  ${JSON.stringify(error.message)}\n  expected: ${JSON.stringify(jsMessage(row))}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} rows failed:\n${failures.join('\n')}`);
  const made = await api.generate({ CN: 'after.example.com', hosts: ['after.example.com'] });
  work.write('after.csr', made.csrPem);
  work.ok('req', '-in', 'after.csr', '-verify', '-noout');
});
