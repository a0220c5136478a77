// The bad-input table (table.json, described in README.md) for the JS tests: its rows, their
// values as JS values, and each row's call of the JS/TS API.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** Every row of the table. */
export const rows = JSON.parse(readFileSync(join(root, 'tests/bad-inputs/table.json'), 'utf8'));

/** The message the JS/TS API gives for `row`, or undefined when the row is not for it. */
export const jsMessage = (row) => row.jsMessage ?? row.message;

/** The rows the JS/TS API runs. */
export const jsRows = rows.filter((row) => jsMessage(row) !== undefined);

const bytesOf = (value) =>
  value.file !== undefined
    ? new Uint8Array(readFileSync(join(root, value.file)))
    : new Uint8Array(Buffer.from(value.base64, 'base64'));

/** An input as the API takes it: text when it is UTF-8, else a Uint8Array. */
export function input(value) {
  if (typeof value === 'string') return value;
  const bytes = bytesOf(value);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
}

/** A raw argument of a JS-only row: `{file}` is that file's text, `{base64}` bytes, the rest as is. */
function raw(value) {
  if (Array.isArray(value)) return value.map(raw);
  if (value === null || typeof value !== 'object') return value;
  if (value.file !== undefined) return readFileSync(join(root, value.file), 'utf8');
  if (value.base64 !== undefined) return bytesOf(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, raw(v)]));
}

/** Calls the API as `row` says (see README.md, "Through the JS/TS API"); returns the promise. */
export function call(api, row) {
  if (row.js) return api[row.js.call](...raw(row.js.args));
  const options = { ...row.options };
  const text = input(row.input);
  switch (row.run) {
    case 'genkey':
      return api.generate(text);
    case 'gencsr':
      return api.generateWithKey(text, input(row.key));
    case 'manifest':
      return typeof text === 'string' && text.includes('-----BEGIN ')
        ? api.manifest(text, options)
        : api.generate(text, options);
    case 'lint':
      return api.lint(text, options);
    case 'inspect':
      return api.inspect(text, options);
    case 'verify':
      for (const name of ['ca', 'key', 'csr']) if (row[name] !== undefined) options[name] = input(row[name]);
      return api.verify(text, options);
    default:
      throw new Error(`${row.id}: run ${row.run} has no JS/TS API call`);
  }
}
