#!/usr/bin/env node
// Browser benchmark: csrcraft's wasm API against @peculiar/x509 and PKI.js, in one headless
// Chromium page, in one run. See bench/README.md ("Benchmark: in the browser").
//
//   node bench/browser/run.mjs [--quick] [--p256 N] [--rsa N] [--verify N] [--serve]
//
// Sets up a P-256 CA and a P-256 leaf it signs (openssl, in a temp dir), serves the page, the
// built API (target/pkg; scripts/wasm-pkg makes it) and the peers' files from node_modules on
// 127.0.0.1 with COOP/COEP headers (a cross-origin isolated page: performance.now() at 5 µs, not
// 100 µs), runs bench/browser/bench.mjs in Debian's /usr/bin/chromium (through playwright-core;
// no browser is ever downloaded), checks each tool's output once (CSRs with `openssl req
// -verify` and the same subject and SANs, certificate verification true), then prints per case
// and tool the median, p10-p90 and the ratios csrcraft/peer against the targets.
// A benchmark, not a test: exit 0 whether the targets are met or not; 1 when something fails
// (a tool's output is wrong, the page throws), 2 on a usage error or a missing prerequisite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const pkgDir = resolve(process.env.CSRCRAFT_PKG_DIR ?? join(root, 'target/pkg'));
const modulesDir = join(root, 'node_modules');
const CHROMIUM = process.env.CSRCRAFT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const die = (code, message) => {
  console.error(`bench/browser: ${message}`);
  process.exit(code);
};

// --- arguments --------------------------------------------------------------------------------

const config = { p256: 200, p256Warmup: 20, rsa: 150, rsaWarmup: 3, verify: 300, verifyWarmup: 30 };
let serveOnly = false;
{
  const argv = process.argv.slice(2);
  const count = (flag, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) die(2, `${flag}: expected a positive whole number, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(config, { p256: 50, p256Warmup: 5, rsa: 10, rsaWarmup: 1, verify: 50, verifyWarmup: 5 });
    else if (a === '--p256') config.p256 = count(a, argv[++i]);
    else if (a === '--rsa') config.rsa = count(a, argv[++i]);
    else if (a === '--verify') config.verify = count(a, argv[++i]);
    else if (a === '--serve') serveOnly = true;
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15)
        .map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else die(2, `unknown argument ${a}; see --help`);
  }
}

for (const [file, hint] of [
  [join(pkgDir, 'csrcraft.js'), 'run scripts/wasm-pkg'],
  [join(modulesDir, 'playwright-core'), 'run npm ci'],
  [join(modulesDir, '@peculiar/x509/build/x509.js'), 'run npm ci'],
  [join(modulesDir, 'pkijs/build/index.js'), 'run npm ci'],
  [join(modulesDir, 'reflect-metadata/Reflect.js'), 'run npm ci'],
  [CHROMIUM, 'install Debian\'s chromium (scripts/setup)'],
]) {
  if (!existsSync(file)) die(2, `${file} not found: ${hint}`);
}
if (!readFileSync(join(pkgDir, 'csrcraft.d.ts'), 'utf8').includes('): Promise<GenerateResult>;')) {
  die(2, `${pkgDir} has the synchronous API (before WebCrypto): rebuild it with scripts/wasm-pkg`);
}
if (spawnSync('openssl', ['version']).status !== 0) die(2, 'openssl not found (Debian package openssl)');

// --- the certificates for the verify case -----------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'csrcraft-bench-browser-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const openssl = (...args) => {
  const r = spawnSync('openssl', args, { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) die(1, `openssl ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
};
const CN = 'my-pod.my-namespace.pod.cluster.local';
const SUBJECT = `/C=CN/ST=Beijing/L=Beijing/O=example/OU=example/CN=${CN}`;
const SAN = 'DNS:my-svc.my-namespace.svc.cluster.local,DNS:my-pod.my-namespace.pod.cluster.local,IP:172.168.0.24,IP:10.0.34.2';
openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key');
openssl('req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '2', '-subj', '/O=csrcraft bench/CN=bench CA',
  '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem');
openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'leaf.key');
openssl('req', '-new', '-key', 'leaf.key', '-subj', SUBJECT, '-out', 'leaf.csr');
writeFileSync(join(work, 'leaf.ext'), [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=serverAuth',
  `subjectAltName=${SAN}`,
  '',
].join('\n'));
openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '0x5eed',
  '-days', '1', '-sha256', '-extfile', 'leaf.ext', '-out', 'leaf.pem');
const CERTS = { '/certs/ca.pem': readFileSync(join(work, 'ca.pem')), '/certs/leaf.pem': readFileSync(join(work, 'leaf.pem')) };

// --- the server -------------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.pem': 'application/x-pem-file', '.json': 'application/json',
};

/** Node's resolution of a bare import (`pkg`, `@scope/pkg/sub.js`) from `fromFile`, ESM conditions. */
function resolveBare(specifier, fromFile) {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const sub = `.${specifier.slice(name.length)}`; // "." or "./x.js"
  for (let dir = dirname(fromFile); dir.startsWith(root); dir = dirname(dir)) {
    const pkgRoot = join(dir, 'node_modules', name);
    if (!existsSync(join(pkgRoot, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8'));
    const pick = (target) => {
      if (typeof target === 'string') return target;
      if (target && typeof target === 'object') {
        for (const condition of ['browser', 'import', 'module', 'default']) {
          if (condition in target) {
            const found = pick(target[condition]);
            if (found) return found;
          }
        }
      }
      return null;
    };
    let target = null;
    if (pkg.exports) {
      const exports = typeof pkg.exports === 'string' || !Object.keys(pkg.exports)[0]?.startsWith('.')
        ? { '.': pkg.exports } : pkg.exports;
      if (sub in exports) target = pick(exports[sub]);
      else {
        for (const [key, value] of Object.entries(exports)) {
          const star = key.indexOf('*');
          if (star < 0 || !sub.startsWith(key.slice(0, star)) || !sub.endsWith(key.slice(star + 1))) continue;
          const middle = sub.slice(star, sub.length - (key.length - star - 1));
          target = pick(value)?.replaceAll('*', middle) ?? null;
          break;
        }
      }
    } else {
      target = sub === '.' ? (pkg.module ?? pkg.main ?? 'index.js') : sub;
    }
    if (!target) throw new Error(`${specifier} (from ${fromFile}): not exported`);
    return join(pkgRoot, target);
  }
  throw new Error(`${specifier} (from ${fromFile}): package not found`);
}

/** An ES module from node_modules with its bare imports rewritten to served paths. */
function rewriteImports(file) {
  const text = readFileSync(file, 'utf8');
  return text.replace(/(\b(?:from|import)\s*\(?\s*)(["'])([^"'./][^"']*)\2/g, (whole, lead, quote, specifier) => {
    let target;
    try {
      target = resolveBare(specifier, file);
    } catch {
      return whole; // not an import after all (e.g. inside a message); a real one fails in the page
    }
    return `${lead}${quote}/node_modules/${target.slice(modulesDir.length + 1).split(sep).join('/')}${quote}`;
  });
}

const requests = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  requests.push(path);
  // Cross-origin isolated, so performance.now() has 5 µs rather than 100 µs resolution.
  const headers = {
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  const send = (type, body) => res.writeHead(200, { ...headers, 'content-type': type }).end(body);
  try {
    if (path === '/' || path === '/index.html') return send(MIME['.html'], readFileSync(join(here, 'index.html')));
    if (path === '/bench.mjs') return send(MIME['.mjs'], readFileSync(join(here, 'bench.mjs')));
    if (CERTS[path]) return send(MIME['.pem'], CERTS[path]);
    if (path === '/favicon.ico') return res.writeHead(204, headers).end();
    let file = null;
    if (path.startsWith('/pkg/')) file = resolve(pkgDir, `.${path.slice(4)}`);
    else if (path.startsWith('/node_modules/')) file = resolve(modulesDir, `.${path.slice(13)}`);
    const inside = file && (file.startsWith(pkgDir + sep) || file.startsWith(modulesDir + sep));
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end();
      return undefined;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    // Classic scripts (the x509 bundle, the polyfill) as they are; ES modules with imports resolved.
    const classic = ['@peculiar/x509/build/x509.js', 'reflect-metadata/Reflect.js'].some((f) => file.endsWith(`/${f}`));
    const esm = file.startsWith(modulesDir + sep) && extname(file) === '.js' && !classic;
    return send(type, esm ? rewriteImports(file) : readFileSync(file));
  } catch (error) {
    console.error(`bench/browser: serving ${path}: ${error.message}`);
    res.writeHead(500, headers).end();
    return undefined;
  }
});
await new Promise((done) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

if (serveOnly) {
  console.log(`bench/browser: serving the benchmark page at ${origin}/ (Ctrl-C to stop)`);
  await new Promise(() => {});
}

// --- the run ----------------------------------------------------------------------------------

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
let out;
const browserVersion = browser.version();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location()?.url ?? ''}`);
    else console.error(`  page: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) errors.push(`request elsewhere: ${request.url()}`);
  });
  await page.goto(`${origin}/`);
  const failed = new Promise((done) => page.once('pageerror', done));
  await Promise.race([failed, page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 })])
    .catch(() => {});
  if (!(await page.evaluate(() => window.benchReady === true))) {
    die(1, `the page did not load:\n${errors.join('\n')}`);
  }
  console.error(`bench/browser: ${origin}/ in Chromium ${browserVersion}; running (about a minute)...`);
  const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
  console.error(`bench/browser: cross-origin isolated: ${isolated}`);
  if (isolated !== true) die(1, 'the page is not cross-origin isolated (COOP/COEP): performance.now() would be 100 µs coarse');
  out = await page.evaluate((c) => window.runBench(c), config);
  if (errors.length) die(1, `the page reported errors:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  server.close();
}

// --- checks: every tool did the work ----------------------------------------------------------

const expectSan = ['DNS:my-svc.my-namespace.svc.cluster.local', 'DNS:my-pod.my-namespace.pod.cluster.local',
  'IP Address:172.168.0.24', 'IP Address:10.0.34.2'];
const problems = [];
for (const r of out.results) {
  for (const [tool, sample] of Object.entries(r.sample)) {
    const what = `${r.title} | ${tool}`;
    if (r.id === 'verify') {
      if (sample !== true) problems.push(`${what}: verification gave ${JSON.stringify(sample)}, not true`);
      continue;
    }
    writeFileSync(join(work, 'check.csr'), sample.csrPem ?? '');
    const check = spawnSync('openssl', ['req', '-in', 'check.csr', '-noout', '-verify', '-text', '-nameopt', 'RFC2253'],
      { cwd: work, encoding: 'utf8' });
    const text = check.stdout ?? '';
    const subject = /Subject: (.*)/.exec(text)?.[1]?.trim();
    const key = r.id === 'p256' ? /NIST CURVE: P-256/.test(text) : /Public-Key: \(2048 bit\)/.test(text);
    if (check.status !== 0) problems.push(`${what}: openssl req -verify failed: ${check.stderr.trim()}`);
    else if (subject !== `CN=${CN},OU=example,O=example,L=Beijing,ST=Beijing,C=CN`) problems.push(`${what}: subject ${subject}`);
    else if (!expectSan.every((name) => text.includes(name))) problems.push(`${what}: SANs missing in\n${text}`);
    else if (!key) problems.push(`${what}: not the expected key kind`);
  }
}
if (problems.length) die(1, `a tool's output is wrong, figures not printed:\n${problems.join('\n')}`);

// --- the report -------------------------------------------------------------------------------

const quantile = (sorted, q) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
};
const stats = {};
for (const r of out.results) {
  stats[r.id] = {};
  for (const t of r.tools) {
    const s = [...t.samples].sort((a, b) => a - b);
    stats[r.id][t.tool] = { n: s.length, median: quantile(s, 0.5), p10: quantile(s, 0.1), p90: quantile(s, 0.9), kind: t.kind };
  }
}
const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

const lines = [];
const sizes = existsSync(join(pkgDir, 'SIZES')) ? readFileSync(join(pkgDir, 'SIZES'), 'utf8').trim().split('\n').at(-1) : 'unknown';
lines.push('', `Browser benchmark: Chromium ${browserVersion} headless, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}),`
  + ` load average ${loadavg()[0].toFixed(2)}`);
lines.push(`csrcraft pkg: ${pkgDir} (${sizes}); @peculiar/x509 ${pkgVersion('@peculiar/x509')}, pkijs ${pkgVersion('pkijs')},`
  + ` asn1js ${pkgVersion('asn1js')}`);
lines.push(`timer: performance.now(), cross-origin isolated: ${out.crossOriginIsolated} (${out.crossOriginIsolated ? '5 µs' : '100 µs'} resolution);`
  + ' tools interleaved round-robin; times in ms');
for (const r of out.results) {
  lines.push('', `${r.title} (warmup ${r.warmup} rounds)`);
  lines.push(`  ${pad('tool', 26)}${lpad('n', 5)}${lpad('median', 10)}${lpad('p10', 10)}${lpad('p90', 10)}   vs @peculiar/x509  vs PKI.js`);
  const peculiar = stats[r.id]['@peculiar/x509'];
  const pki = stats[r.id]['PKI.js'];
  for (const t of r.tools) {
    const s = stats[r.id][t.tool];
    const ratios = t.kind === 'csrcraft'
      ? `   ${lpad(`${(s.median / peculiar.median).toFixed(2)}x`, 17)}  ${lpad(`${(s.median / pki.median).toFixed(2)}x`, 9)}` : '';
    lines.push(`  ${pad(t.tool, 26)}${lpad(s.n, 5)}${lpad(ms(s.median), 10)}${lpad(ms(s.p10), 10)}${lpad(ms(s.p90), 10)}${ratios}`);
  }
}

// Targets, on ratios of medians, with a bootstrap 95% interval of that ratio (resampling both
// tools' samples), so a ratio that the noise can still move across a target is visible.
const samplesOf = (id, tool) => out.results.find((r) => r.id === id).tools.find((t) => t.tool === tool).samples;
const median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);
// mulberry32, seeded: the interval is reproducible for given samples. (32-bit integer math via
// Math.imul: a plain `seed * 1103515245` LCG loses bits past 2^53 and skewed the intervals.)
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const resample = (values) => Array.from(values, () => values[Math.floor(random() * values.length)]);
const interval = (a, b) => {
  const ratios = Array.from({ length: 2000 }, () => median(resample(a)) / median(resample(b))).sort((x, y) => x - y);
  return [quantile(ratios, 0.025), quantile(ratios, 0.975)];
};
const target = (label, id, tool, peerName, limit) => {
  const ratio = stats[id][tool].median / stats[id][peerName].median;
  const [lo, hi] = interval(samplesOf(id, tool), samplesOf(id, peerName));
  const met = ratio <= limit;
  const verdict = met ? 'MET' : `MISSED by ${(ratio / limit).toFixed(1)}x`;
  return `  ${pad(label, 44)}${lpad(`${ratio.toFixed(2)}x`, 7)}  [${lo.toFixed(2)}-${hi.toFixed(2)}]  <= ${limit.toFixed(1)}x`
    + ` of ${pad(peerName, 15)} ${verdict}`;
};
const fasterPeer = (id) => (stats[id]['@peculiar/x509'].median <= stats[id]['PKI.js'].median ? '@peculiar/x509' : 'PKI.js');
lines.push('', 'Targets (csrcraft / peer: ratio of medians [bootstrap 95% interval], target, verdict):');
lines.push(target('P-256 key + CSR, csrcraft generate', 'p256', 'csrcraft generate', fasterPeer('p256'), 0.3));
lines.push(target('RSA-2048 key + CSR, csrcraft generate', 'rsa2048', 'csrcraft generate', '@peculiar/x509', 1.0));
lines.push(target('parse + verify, csrcraft verify', 'verify', 'csrcraft verify', '@peculiar/x509', 0.5));
lines.push('  (P-256 is judged against the faster peer of this run; RSA-2048 and verify against @peculiar/x509.)');
lines.push('', 'A benchmark, not a test: the exit status does not depend on the targets.', '');
console.log(lines.join('\n'));
process.exit(0);

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(join(modulesDir, name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
