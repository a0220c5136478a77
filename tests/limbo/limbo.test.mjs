// `verify` as a TLS client's path validation, measured on x509-limbo
// (../shared/limbo/limbo-subset.json.gz: 648 chains, 440 of them BetterTLS). Each chain goes
// through the real CLI binary and the JS API; their verdicts must agree, and are held against
// rustls-webpki 0.103.17's on the same chains (webpki-verdicts.json, from x509-limbo's own
// harness, see README.md here). Prints the table bench/README.md quotes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import { loadApi, root } from '../wasm-api/helpers.mjs';

const suite = JSON.parse(
  gunzipSync(readFileSync(join(root, '../shared/limbo/limbo-subset.json.gz'))).toString('utf8'),
);
const webpki = JSON.parse(readFileSync(join(root, 'tests/limbo/webpki-verdicts.json'), 'utf8'));
const cli = process.env.CSRCRAFT_CLI ?? join(root, 'target/debug/csrcraft');

/**
 * Where csrcraft's verdict differs from the expected one and rustls-webpki's harness says
 * otherwise (or does not run the chain), each with its reason.
 */
const ACCEPTED_DIFFERENCES = [
  // Verified though revoked: verify reads no CRLs (revocation is the cluster's and the client's).
  [/^crl::/, 'verify reads no CRLs'],
  // Verified though too deep for the testcase's max_chain_depth: verify has no such option.
  [/^pathlen::max-chain-depth-/, 'no chain-depth limit option'],
  // Refused: rustls-webpki refuses these email name constraints; its x509-limbo harness does not
  // run CLIENT chains, so it has no verdict to compare with.
  [/^rfc5280::nc::nc-permits-email-/, "rustls-webpki's own verdict (its harness skips CLIENT)"],
];
const accepted = (row) => ACCEPTED_DIFFERENCES.some(([re]) => re.test(row.id));

/** The testcase's checks as `verify` arguments: what to trust, the name, the time, the use. */
function request(testcase) {
  const peer = testcase.expected_peer_name;
  return {
    chain: [testcase.peer_certificate, ...testcase.untrusted_intermediates].join(''),
    ca: testcase.trusted_certs.join(''),
    host: peer && (peer.kind === 'DNS' || peer.kind === 'IP') ? peer.value : undefined,
    at: testcase.validation_time ?? undefined,
    purpose: testcase.validation_kind === 'CLIENT' ? 'client' : 'server',
  };
}

/** The CLI's verdict: exit 0 verified, 1 not verified, 2 bad input; anything else a crash. */
function cliVerdict(dir, req) {
  writeFileSync(join(dir, 'chain.pem'), req.chain);
  writeFileSync(join(dir, 'ca.pem'), req.ca);
  const args = ['verify', 'chain.pem', '--ca', 'ca.pem', '--purpose', req.purpose];
  if (req.host !== undefined) args.push('--host', req.host);
  if (req.at !== undefined) args.push('--at', req.at);
  const r = spawnSync(cli, args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const verdict = { 0: 'verified', 1: 'not-verified', 2: 'bad-input' }[r.status] ?? 'crash';
  return { verdict, detail: verdict === 'crash' ? `${r.signal ?? r.status}: ${r.stderr}` : r.stdout + r.stderr };
}

/** The JS API's verdict: a report, a rejected Error for bad input, a trap for a crash. */
async function apiVerdict(api, req) {
  const options = { ca: req.ca, purpose: req.purpose };
  if (req.host !== undefined) options.host = req.host;
  if (req.at !== undefined) options.at = req.at;
  try {
    const report = await api.verify(req.chain, options);
    return { verdict: report.verified ? 'verified' : 'not-verified', detail: report.text };
  } catch (e) {
    const crash = e instanceof WebAssembly.RuntimeError || !(e instanceof Error);
    return { verdict: crash ? 'crash' : 'bad-input', detail: String(e) };
  }
}

function table(rows) {
  const count = (expected, verdict) =>
    rows.filter((r) => r.expected === expected && r.verdict === verdict).length;
  const line = (expected) => {
    const n = rows.filter((r) => r.expected === expected).length;
    const cells = ['verified', 'not-verified', 'bad-input', 'crash'].map((v) => count(expected, v));
    return `| ${expected} (${n}) | ${cells.join(' | ')} |`;
  };
  return [
    '| expected | verified | not verified | bad input | crash |',
    '|---|---:|---:|---:|---:|',
    line('SUCCESS'),
    line('FAILURE'),
  ].join('\n');
}

test('x509-limbo: the CLI and the JS API agree, and refuse what rustls-webpki refuses', async () => {
  assert.ok(existsSync(cli), `${cli} is missing: cargo build -p csrcraft-cli`);
  assert.equal(suite.testcases.length, 648);
  const api = await loadApi();
  const dir = mkdtempSync(join(tmpdir(), 'csrcraft-limbo-'));
  const rows = [];
  try {
    for (const testcase of suite.testcases) {
      const req = request(testcase);
      const fromCli = cliVerdict(dir, req);
      const fromApi = await apiVerdict(api, req);
      rows.push({
        id: testcase.id,
        expected: testcase.expected_result,
        verdict: fromCli.verdict,
        api: fromApi.verdict,
        apiDetail: fromApi.detail,
        webpki: webpki[testcase.id],
        detail: fromCli.detail,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`x509-limbo subset, csrcraft verify (CLI and JS API):\n${table(rows)}`);

  const crashes = rows.filter((r) => r.verdict === 'crash' || r.api === 'crash');
  assert.deepEqual(crashes.map((r) => `${r.id}: ${r.detail}`), [], 'no chain crashes verify');
  const disagreements = rows.filter((r) => r.verdict !== r.api);
  assert.deepEqual(disagreements.map((r) => `${r.id}: CLI ${r.verdict}, API ${r.api}`), [],
    'the CLI and the JS API give the same verdict');

  const wronglyVerified = rows.filter((r) => r.expected === 'FAILURE' && r.verdict === 'verified');
  const wronglyRefused = rows.filter((r) => r.expected === 'SUCCESS' && r.verdict !== 'verified');
  console.log(`wrongly verified (rustls-webpki's verdict): ${wronglyVerified.length}\n` +
    wronglyVerified.map((r) => `  ${r.id} (${r.webpki})`).join('\n'));
  console.log(`wrongly refused (rustls-webpki's verdict): ${wronglyRefused.length}\n` +
    wronglyRefused.map((r) => `  ${r.id} (${r.webpki}): ${r.detail.split('\n')[0]}`).join('\n'));
  assert.deepEqual(
    wronglyVerified.filter((r) => r.webpki !== 'verified' && !accepted(r)).map((r) => r.id), [],
    'a chain that must be refused is verified only where rustls-webpki verifies it too');
  assert.deepEqual(
    wronglyRefused.filter((r) => r.webpki !== 'not-verified' && !accepted(r)).map((r) => r.id), [],
    'a chain that must verify is refused only where rustls-webpki refuses it too');
});
