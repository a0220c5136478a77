// Shared by the wasm API tests: where the pkg is, loading it in Node, and openssl in a temp dir.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(import.meta.url), '../../..');
/** The pkg scripts/wasm-pkg built (CSRCRAFT_PKG_DIR, default target/pkg). */
export const pkgDir = process.env.CSRCRAFT_PKG_DIR ?? join(root, 'target/pkg');
/** The workspace's version (Cargo.toml), as the artifacts are named. */
export const version = /^version = "(.*)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
export const data = (name) => readFileSync(join(root, 'crates/core/tests/data', name), 'utf8');

/** The API, initialized synchronously from the .wasm bytes (the Node way of loading it). */
export async function loadApi() {
  const api = await import(join(pkgDir, 'csrcraft.js'));
  api.initSync({ module: readFileSync(join(pkgDir, 'csrcraft_bg.wasm')) });
  return api;
}

/** A temp dir with `write(name, text)`, `openssl(...args)` run inside it, and `remove()`. */
export function workdir() {
  const dir = mkdtempSync(join(tmpdir(), 'csrcraft-wasm-api-'));
  return {
    dir,
    write(name, text) {
      writeFileSync(join(dir, name), text);
      return name;
    },
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    /** Runs openssl; returns { status, stdout, stderr }. */
    openssl(...args) {
      const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      if (r.error) throw r.error;
      return r;
    },
    /** Runs openssl and throws with its stderr unless it succeeds; returns stdout. */
    ok(...args) {
      const r = this.openssl(...args);
      if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
      return r.stdout;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A throwaway CA made by openssl: P-256, CA:TRUE, valid from an hour ago for two days. */
export function makeCa(work, name = 'ca') {
  work.ok('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', `${name}-key.pem`, '-out', `${name}.pem`, '-subj', `/O=csrcraft/CN=${name} test CA`,
    '-days', '2', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  return work.read(`${name}.pem`);
}

/** `csrPem` signed by the CA `name`, for TLS server use, its SANs copied: the certificate PEM. */
export function signWithCa(work, csrPem, name = 'ca') {
  work.write('leaf.csr', csrPem);
  work.write('leaf.ext', 'keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
  work.ok('x509', '-req', '-in', 'leaf.csr', '-CA', `${name}.pem`, '-CAkey', `${name}-key.pem`,
    '-set_serial', '0x1234', '-days', '1', '-copy_extensions', 'copy', '-extfile', 'leaf.ext',
    '-out', 'leaf.pem');
  return work.read('leaf.pem');
}

/**
 * Internationalized names, which the wasm API turns into punycode with the platform's URL parser
 * (UTS #46): the spec's hosts, the SANs openssl shows, and the warnings, as the CLI (the idna
 * crate) gives them (crates/core/tests/spec.rs and domains.rs).
 */
export const IDN = {
  hosts: ['bücher.example', '*.bücher.example', 'info@bücher.example', 'ＡＢＣ.example', 'Bücher。Example'],
  sans: 'DNS:xn--bcher-kva.example, DNS:*.xn--bcher-kva.example, DNS:abc.example, email:info@xn--bcher-kva.example',
  warnings: [
    { field: 'hosts[0]', message: 'internationalized name requested as xn--bcher-kva.example (punycode)' },
    { field: 'hosts[1]', message: 'internationalized name requested as *.xn--bcher-kva.example (punycode)' },
    { field: 'hosts[2]', message: 'internationalized domain requested as info@xn--bcher-kva.example' },
    { field: 'hosts[3]', message: 'internationalized name requested as abc.example (punycode)' },
    { field: 'hosts[4]', message: 'internationalized name requested as xn--bcher-kva.example (punycode)' },
    { field: 'hosts[4]', message: 'xn--bcher-kva.example is listed twice; requested once' },
  ],
  /** Names UTS #46 refuses (a disallowed code point), each with the error naming its entry. */
  refused: [
    ['bü\u{fffd}.example', 'hosts[1]: "bü\u{fffd}.example" is not a valid DNS name: the internationalized name cannot be converted to punycode (IDNA 2008)'],
    ['info@bü\u{fffd}.example', 'hosts[1]: "info@bü\u{fffd}.example" is not a valid DNS name: the internationalized name cannot be converted to punycode (IDNA 2008)'],
  ],
  /** Names with URL syntax in them: refused, whatever the URL parser would make of them. */
  forbidden: ['bü/cher.example', 'bü?x.example', 'bü#x.example', 'x@bü:1.example', 'bü%41.example', 'bü\\x.example'],
};

/** A CSR made by openssl, for the key `name`-key.pem, with `san` (e.g. DNS:a.example): the PEM. */
export function opensslCsr(work, san, name = 'openssl') {
  work.ok('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', `${name}-key.pem`, '-subj', `/CN=${name}`, '-addext', `subjectAltName=${san}`,
    '-out', `${name}.csr`);
  return work.read(`${name}.csr`);
}

/**
 * Every object key in `value` (through nested objects and arrays), as its path, e.g.
 * `certificates[0].validity.notBefore`: the JS API's keys must all be camelCase.
 */
export function keyPaths(value, path = '') {
  if (Array.isArray(value)) return value.flatMap((item, i) => keyPaths(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = path ? `${path}.${key}` : key;
    return [at, ...keyPaths(item, at)];
  });
}

/** The paths of `keyPaths(value)` whose last key has a `_` (snake_case, the CLI's JSON). */
export const snakeKeys = (value) => keyPaths(value).filter((p) => /_[^.[\]]*$/.test(p));
