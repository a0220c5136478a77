// The static CLI, target/dist/csrcraft-VERSION-x86_64-linux (scripts/dist), as an air-gapped
// workstation runs it: copied into an otherwise empty root directory that holds only the
// random devices (no libc, no /etc, no /proc), and run there with chroot. genkey makes a key
// and CSR that openssl checks; verify checks a test CA's certificate for them. As root the
// devices are device nodes (cp -a); otherwise the test runs in a user namespace
// (unshare --map-root-user) with the devices bind-mounted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { makeCa, root, signWithCa, version, workdir } from '../wasm-api/helpers.mjs';

const CLI = join(root, `target/dist/csrcraft-${version}-x86_64-linux`);
const DEVICES = ['random', 'urandom'];
const SPEC = JSON.stringify({
  CN: 'my-pod.my-namespace.pod.cluster.local',
  hosts: ['my-svc.my-namespace.svc.cluster.local', '10.0.34.2'],
  key: { algo: 'ecdsa', size: 256 },
  names: [{ O: 'example' }],
});
const work = workdir();
after(() => work.remove());

/** An empty root: the CLI as /csrcraft, the random devices, and /in and /out. */
function makeRoot() {
  assert.ok(existsSync(CLI), `${CLI} missing: run scripts/dist`);
  const dir = join(work.dir, 'root');
  mkdirSync(join(dir, 'dev'), { recursive: true });
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  copyFileSync(CLI, join(dir, 'csrcraft'));
  chmodSync(join(dir, 'csrcraft'), 0o755);
  if (process.getuid() === 0) {
    for (const dev of DEVICES) {
      const r = spawnSync('cp', ['-a', `/dev/${dev}`, join(dir, 'dev', dev)], { encoding: 'utf8' });
      assert.equal(r.status, 0, `cp -a /dev/${dev}: ${r.stderr}`);
    }
  }
  return dir;
}

/** Runs `/csrcraft ...args` chrooted in `dir`, with `input` on stdin: { status, stdout, stderr }. */
function inRoot(dir, args, input = '') {
  const quoted = ['/csrcraft', ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = process.getuid() === 0
    ? spawnSync('chroot', [dir, '/csrcraft', ...args], { input, encoding: 'utf8' })
    : spawnSync('unshare', ['--map-root-user', '--mount', 'sh', '-c',
      `set -e; for d in ${DEVICES.join(' ')}; do : > "$1/dev/$d"; mount --bind "/dev/$d" "$1/dev/$d"; done; exec chroot "$1" ${quoted}`,
      'sh', dir], { input, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

test('the CLI is static: it runs in a root with nothing but /dev/random and /dev/urandom; genkey and verify work', () => {
  const dir = makeRoot();
  assert.deepEqual(readdirSync(dir).sort(), ['csrcraft', 'dev', 'in', 'out']);
  assert.deepEqual(readdirSync(join(dir, 'dev')).sort(), process.getuid() === 0 ? DEVICES : []);

  const versionLine = inRoot(dir, ['--version']);
  assert.equal(versionLine.status, 0, versionLine.stderr);
  assert.equal(versionLine.stdout.trim(), `csrcraft ${version}`);

  const genkey = inRoot(dir, ['genkey', '--bare', '/out/server', '-'], SPEC);
  assert.equal(genkey.status, 0, `genkey in the chroot: ${genkey.stderr}`);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['server-key.pem', 'server.csr']);
  const csrPem = readFileSync(join(dir, 'out/server.csr'), 'utf8');
  work.write('server.csr', csrPem);
  work.write('server-key.pem', readFileSync(join(dir, 'out/server-key.pem'), 'utf8'));
  assert.equal(work.openssl('req', '-verify', '-noout', '-in', 'server.csr').status, 0, 'openssl req -verify');
  assert.equal(work.ok('pkey', '-in', 'server-key.pem', '-pubout'), work.ok('req', '-in', 'server.csr', '-pubkey', '-noout'),
    'the key is not the CSR\'s');

  makeCa(work, 'chroot-ca');
  copyFileSync(join(work.dir, 'chroot-ca.pem'), join(dir, 'in/ca.pem'));
  work.write('server.pem', signWithCa(work, csrPem, 'chroot-ca'));
  copyFileSync(join(work.dir, 'server.pem'), join(dir, 'in/server.pem'));
  const verify = inRoot(dir, ['verify', '--ca', '/in/ca.pem', '--key', '/out/server-key.pem', '--csr', '/out/server.csr',
    '--host', 'my-svc.my-namespace.svc.cluster.local', '/in/server.pem']);
  assert.equal(verify.status, 0, `verify in the chroot:\n${verify.stdout}${verify.stderr}`);
  assert.match(verify.stdout, /PASS/);
  assert.doesNotMatch(verify.stdout, /FAIL/);

  // A certificate from another CA: the chain fails, exit 1, in the chroot too.
  makeCa(work, 'other-ca');
  copyFileSync(join(work.dir, 'other-ca.pem'), join(dir, 'in/other.pem'));
  const wrong = inRoot(dir, ['verify', '--ca', '/in/other.pem', '/in/server.pem']);
  assert.equal(wrong.status, 1, `verify with another CA:\n${wrong.stdout}${wrong.stderr}`);
  assert.match(wrong.stdout, /FAIL/);
});
