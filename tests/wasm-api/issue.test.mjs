// caInit, sign, secret and caBundle in Node: the tutorial's flow without a cluster, as the CLI's
// `ca init`, `sign`, `secret` and `ca-bundle` run it (crates/cli/tests/sign.rs). The CA is checked
// with openssl, the issued certificate with openssl, `verify` and `inspect`, and the objects
// against what the CLI binary prints for the same inputs (target/debug/csrcraft, built by
// `cargo build -p csrcraft-cli`; CSRCRAFT_CLI overrides).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { data, loadApi, root, snakeKeys, workdir } from './helpers.mjs';

const api = await loadApi();
const work = workdir();
after(() => work.remove());

const CLI = process.env.CSRCRAFT_CLI ?? join(root, 'target/debug/csrcraft');
const CA_SPEC = { CN: 'example CA', key: { algo: 'ecdsa', size: 256 }, names: [{ C: 'CN', O: 'example' }] };
/** The CA is made at CA_AT; certificates are signed at AT, inside its lifetime. */
const CA_AT = '2026-01-01T00:00:00Z';
const AT = '2026-12-06T12:00:00Z';
/** The tutorial's spec (the Kubernetes docs' "Manage TLS Certificates in a Cluster"). */
const TUTORIAL_SPEC = {
  hosts: ['my-svc.my-namespace.svc.cluster.local', 'my-pod.my-namespace.pod.cluster.local', '172.168.0.24', '10.0.34.2'],
  CN: 'my-pod.my-namespace.pod.cluster.local',
  key: { algo: 'ecdsa', size: 256 },
};
const KUBELET_SERVING = 'kubernetes.io/kubelet-serving';

/** Asserts that `promise` rejects with a JS Error whose message is exactly `message`. */
async function rejects(promise, message) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.equal(e.message, message);
    return true;
  });
}

/** Runs the CLI in the work dir; returns { status, stdout, stderr }. */
function cli(...args) {
  assert.ok(existsSync(CLI), `${CLI} not found: run cargo build -p csrcraft-cli`);
  const r = spawnSync(CLI, args, { cwd: work.dir, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return r;
}

/** One CA for the tests that need any CA: P-256, made at CA_AT. */
const theCa = api.caInit(CA_SPEC, { at: CA_AT });

describe('caInit', () => {
  // Every key kind: openssl verifies the self-signed certificate, its algorithm is cfssl's pairing
  // for the key, and the key is the certificate's and the CSR's.
  const cases = [
    ['ecdsa 256', { algo: 'ecdsa', size: 256 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA256'],
    ['ecdsa 384', { algo: 'ecdsa', size: 384 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA384'],
    ['ecdsa 521', { algo: 'ecdsa', size: 521 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA512'],
    ['rsa 2048', { algo: 'rsa', size: 2048 }, 'RSA PRIVATE KEY', 'sha256WithRSAEncryption'],
    ['rsa 4096', { algo: 'rsa', size: 4096 }, 'RSA PRIVATE KEY', 'sha512WithRSAEncryption'],
    ['ed25519', { algo: 'ed25519' }, 'PRIVATE KEY', 'ED25519'],
  ];
  for (const [name, key, label, algorithm] of cases) {
    test(`${name}: a self-signed ${algorithm} CA as cfssl gencert -initca makes it`, { timeout: 60_000 }, async () => {
      const ca = await api.caInit({ ...CA_SPEC, key }, { at: CA_AT });
      assert.deepEqual(Object.keys(ca), ['cert', 'csr', 'key', 'warnings']);
      assert.ok(ca.key.startsWith(`-----BEGIN ${label}-----\n`), ca.key.slice(0, 40));
      assert.deepEqual(ca.warnings, []);
      work.write('ca.pem', ca.cert);
      work.write('ca-key.pem', ca.key);
      work.write('ca.csr', ca.csr);
      work.ok('verify', '-CAfile', 'ca.pem', '-attime', String(Date.parse(AT) / 1000), 'ca.pem');
      work.ok('req', '-in', 'ca.csr', '-noout', '-verify');
      const text = work.ok('x509', '-in', 'ca.pem', '-noout', '-text');
      for (const line of [
        `Signature Algorithm: ${algorithm}`,
        'Issuer: C = CN, O = example, CN = example CA',
        'Subject: C = CN, O = example, CN = example CA',
        'Not Before: Dec 31 23:55:00 2025 GMT',
        'Not After : Dec 30 23:55:00 2030 GMT',
        'X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign',
        'X509v3 Basic Constraints: critical\n                CA:TRUE',
        'X509v3 Subject Key Identifier',
      ]) {
        assert.ok(text.includes(line), `${line} not in:\n${text}`);
      }
      const fromKey = work.ok('pkey', '-in', 'ca-key.pem', '-pubout');
      assert.equal(work.ok('x509', '-in', 'ca.pem', '-noout', '-pubkey'), fromKey);
      assert.equal(work.ok('req', '-in', 'ca.csr', '-noout', '-pubkey'), fromKey);
    });
  }

  test('duration, at and keyFormat; two CAs have different serials', async () => {
    const a = await api.caInit(CA_SPEC, { at: Date.parse(CA_AT), duration: '24h', keyFormat: 'pkcs8' });
    const b = await api.caInit(CA_SPEC, { at: new Date(CA_AT), duration: 86_400 });
    assert.ok(a.key.startsWith('-----BEGIN PRIVATE KEY-----\n'));
    const [ia, ib] = [(await api.inspect(a.cert, { at: AT })).certificates[0], (await api.inspect(b.cert, { at: AT })).certificates[0]];
    for (const view of [ia, ib]) {
      assert.equal(view.validity.notBefore, '2025-12-31T23:55:00Z');
      assert.equal(view.validity.notAfter, '2026-01-01T23:55:00Z');
      assert.equal(view.issuerSignature.ok, true);
    }
    assert.notEqual(ia.serial, ib.serial);
  });

  test('the spec as text, with warnings', async () => {
    const ca = await api.caInit('{"CN": "text CA", "colour": "blue"}', { at: CA_AT });
    assert.deepEqual(ca.warnings, [{ field: 'colour', message: 'ignored: not a cfssl CSR field (cfssl ignores it too)' }]);
  });

  test('bad options are refused with the core\'s message', async () => {
    await rejects(api.caInit(CA_SPEC, { duration: 'forever' }),
      (await api.lint(data('tutorial-p256.csr'), { signer: 'example.com/serving', expiration: 'forever' }).catch((e) => e)).message
        .replace('options.expiration', 'options.duration'));
    await rejects(api.caInit(CA_SPEC, { days: 2 }), 'options.days: not an option here; the options are duration, at, keyFormat, keyPassphrase');
    await rejects(api.caInit(CA_SPEC, { keyFormat: 'der' }), 'options.keyFormat: "der" is not a key format; use "cfssl" or "pkcs8"');
  });
});

describe('sign', () => {
  test('caInit, generate, sign, then verify passes with the CA and inspect reads the certificate', { timeout: 60_000 }, async () => {
    const ca = await theCa;
    const made = await api.generate(TUTORIAL_SPEC);
    const signed = await api.sign(made.csrPem, { ca: ca.cert, caKey: ca.key, signer: 'example.com/serving', at: AT });
    assert.equal(signed.outcome, 'issued');
    assert.equal(signed.text, signed.certificate);
    assert.equal(signed.finding, undefined);
    assert.equal(signed.object, undefined);
    assert.match(signed.note, /^kube-controller-manager does not sign for example\.com\/serving: /);
    const verified = await api.verify(signed.certificate, { ca: ca.cert, key: made.keyPem, csr: made.csrPem, host: 'my-svc.my-namespace.svc.cluster.local', at: AT });
    assert.equal(verified.verified, true, verified.text);
    assert.deepEqual(verified.checks.map((c) => c.outcome), ['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    const inspection = await api.inspect(signed.certificate, { at: AT });
    assert.deepEqual(snakeKeys(inspection), []);
    const [leaf] = inspection.certificates;
    assert.equal(leaf.issuer.text, 'C=CN, O=example, CN=example CA');
    assert.equal(leaf.subject.text, 'CN=my-pod.my-namespace.pod.cluster.local');
    assert.deepEqual(leaf.subjectAltNames.dns, TUTORIAL_SPEC.hosts.slice(0, 2));
    assert.deepEqual(leaf.subjectAltNames.ip, TUTORIAL_SPEC.hosts.slice(2));
    assert.equal(leaf.validity.notBefore, '2026-12-06T11:55:00Z');
    assert.equal(leaf.basicConstraints.ca, false);
    // openssl agrees
    work.write('ca.pem', ca.cert);
    work.write('leaf.pem', signed.certificate);
    work.ok('verify', '-CAfile', 'ca.pem', '-attime', String(Date.parse(AT) / 1000), 'leaf.pem');
  });

  test('an RSA 4096 CA signs with SHA-256, as kube-controller-manager does (not cfssl\'s SHA-512)', { timeout: 60_000 }, async () => {
    const ca = await api.caInit({ ...CA_SPEC, key: { algo: 'rsa', size: 4096 } }, { at: CA_AT });
    const signed = await api.sign(data('tutorial-p256.csr'), { ca: ca.cert, caKey: ca.key, signer: 'example.com/serving', at: AT });
    assert.equal(signed.outcome, 'issued', signed.text);
    work.write('ca.pem', ca.cert);
    work.write('leaf.pem', signed.certificate);
    assert.match(work.ok('x509', '-in', 'leaf.pem', '-noout', '-text'), /Signature Algorithm: sha256WithRSAEncryption\n/);
    work.ok('verify', '-CAfile', 'ca.pem', '-attime', String(Date.parse(AT) / 1000), 'leaf.pem');
    const verified = await api.verify(signed.certificate, { ca: ca.cert, at: AT });
    assert.equal(verified.verified, true, verified.text);
  });

  test('kubelet-serving fails the tutorial CSR with upstream\'s message; the object has the Failed condition', async () => {
    const ca = await theCa;
    const options = { ca: ca.cert, caKey: ca.key, signer: KUBELET_SERVING, at: AT };
    const failed = await api.sign(data('tutorial-p256.csr'), options);
    assert.equal(failed.outcome, 'failed');
    assert.equal(failed.certificate, undefined);
    assert.equal(failed.object, undefined);
    assert.equal(failed.finding.message, 'subject organization is not system:nodes');
    assert.equal(failed.finding.rule, 'kubelet-serving/organization');
    assert.ok(failed.text.startsWith(`${KUBELET_SERVING} fails this CSR after approval (condition Failed, reason SignerValidationFailure): subject organization is not system:nodes\n  fix: `), failed.text);
    const withObject = await api.sign(data('tutorial-p256.csr'), { ...options, object: true });
    assert.equal(withObject.outcome, 'failed');
    assert.equal(withObject.text, withObject.object);
    assert.ok(withObject.object.includes(
      "  - lastTransitionTime: '2026-12-06T12:00:00Z'\n    lastUpdateTime: '2026-12-06T12:00:00Z'\n    message: subject organization is not system:nodes\n    reason: SignerValidationFailure\n    status: 'True'\n    type: Failed\n"),
    withObject.object);
    const inspected = await api.inspect(withObject.object, { at: AT });
    assert.deepEqual(inspected.kubernetes.conditions.map((c) => c.type), ['Approved', 'Failed']);
    // the same object from the tutorial's manifest (an object input reads its own spec)
    const fromManifest = await api.sign(data('tutorial-p256.manifest.yaml'), { ca: ca.cert, caKey: ca.key, at: AT, object: true, format: 'json' });
    assert.equal(fromManifest.outcome, 'failed');
    assert.equal(JSON.parse(fromManifest.object).status.conditions[1].message, 'subject organization is not system:nodes');
    // and as the CLI prints it
    work.write('ca.pem', ca.cert);
    work.write('ca-key.pem', ca.key);
    work.write('server.csr', data('tutorial-p256.csr'));
    const r = cli('sign', '--ca', 'ca.pem', '--ca-key', 'ca-key.pem', '--at', AT, '--signer', KUBELET_SERVING, '--object', 'server.csr');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(withObject.object, r.stdout);
    assert.equal(`csrcraft: ${failed.text}`, r.stderr);
  });

  test('what the API server refuses is refused before signing', async () => {
    const ca = await theCa;
    const refused = await api.sign(data('tutorial-p256.csr'), {
      ca: ca.cert, caKey: ca.key, signer: 'example.com/serving', usages: 'server auth,server auth', at: AT, object: true,
    });
    assert.equal(refused.outcome, 'refused');
    assert.equal(refused.certificate, undefined);
    assert.equal(refused.object, undefined);
    assert.ok(refused.finding.message.length > 0);
    assert.ok(refused.text.startsWith(`the API server would refuse this CertificateSigningRequest on create: ${refused.finding.message}\n  fix: `), refused.text);
  });

  test('an object is issued: approved, with status.certificate, which verify accepts', async () => {
    const ca = await theCa;
    const made = await api.generate(TUTORIAL_SPEC, { signer: 'example.com/serving' });
    const signed = await api.sign(made.manifestYaml, { ca: ca.cert, caKey: ca.key, at: AT, object: true });
    assert.equal(signed.outcome, 'issued');
    assert.equal(signed.text, signed.object);
    const inspected = await api.inspect(signed.object, { at: AT });
    assert.equal(inspected.kubernetes.status, 'Approved,Issued');
    assert.deepEqual(inspected.kubernetes.conditions.map((c) => c.type), ['Approved']);
    assert.equal(inspected.certificates[0].serial, (await api.inspect(signed.certificate)).certificates[0].serial);
    const verified = await api.verify(signed.object, { ca: ca.cert, key: made.keyPem, at: AT });
    assert.equal(verified.verified, true, verified.text);
  });

  test('what cannot be signed is refused with the CLI\'s messages', async () => {
    const ca = await theCa;
    const base = { ca: ca.cert, caKey: ca.key, at: AT };
    const csr = data('tutorial-p256.csr');
    await rejects(api.sign(csr, base),
      'given a CSR, sign needs options.signer, e.g. "example.com/serving" or "kubernetes.io/kube-apiserver-client"');
    for (const [key, value] of [['signer', 'example.com/serving'], ['usages', ['server auth']], ['expiration', '24h']]) {
      await rejects(api.sign(data('tutorial-p256.manifest.yaml'), { ...base, [key]: value }),
        `options.${key} is for a CSR: given a CertificateSigningRequest object, sign reads its spec; drop options.${key}`);
    }
    await rejects(api.sign(csr, { ...base, signer: 'example.com/serving', format: 'json' }),
      'options.format: only with object: true (it is the object\'s)');
    await rejects(api.sign(csr, { caKey: ca.key, signer: 'example.com/serving' }),
      'options.ca: required: the signer\'s CA certificate, PEM');
    await rejects(api.sign(csr, { ...base, object: 'yes', signer: 'example.com/serving' }),
      'options.object: expected true or false');
    // the wrong CA key: the core's message, as the CLI gives it
    await rejects(api.sign(csr, { ...base, caKey: data('test-p256-key.pem'), signer: 'example.com/serving' }),
      'signer: private key does not match public key: the CA key is not the key of the CA certificate; give the ca-key.pem made with this ca.pem');
  });
});

describe('secret and caBundle', () => {
  test('the texts are what the CLI prints for the same inputs', { timeout: 60_000 }, async () => {
    const ca = await theCa;
    const made = await api.generate(TUTORIAL_SPEC);
    const { certificate } = await api.sign(made.csrPem, { ca: ca.cert, caKey: ca.key, signer: 'example.com/serving', at: AT });
    work.write('ca.pem', ca.cert);
    work.write('server.pem', certificate);
    work.write('server-key.pem', made.keyPem);
    for (const format of ['yaml', 'json']) {
      for (const [options, args] of [
        [{}, []],
        [{ namespace: 'my-namespace', ca: ca.cert }, ['--namespace', 'my-namespace', '--ca', 'ca.pem']],
      ]) {
        const secret = await api.secret({ name: 'my-svc-tls', cert: certificate, key: made.keyPem, format, ...options });
        const r = cli('secret', '--name', 'my-svc-tls', '--cert', 'server.pem', '--key', 'server-key.pem', '--format', format, ...args);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(secret, { text: r.stdout });
      }
      const bundle = await api.caBundle({ name: 'example-serving-ca', namespace: 'my-namespace', ca: ca.cert, format });
      const r = cli('ca-bundle', '--name', 'example-serving-ca', '--namespace', 'my-namespace', '--ca', 'ca.pem', '--format', format);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(bundle, { text: r.stdout });
    }
    const yaml = (await api.secret({ name: 'my-svc-tls', cert: certificate, key: made.keyPem })).text;
    assert.match(yaml, /^type: kubernetes\.io\/tls$/m);
    assert.match((await api.caBundle({ name: 'example-serving-ca', ca: ca.cert })).text, /^kind: ConfigMap$/m);
  });

  test('a key that is not the certificate\'s is refused with the core\'s message', async () => {
    const ca = await theCa;
    await rejects(api.secret({ name: 'my-svc-tls', cert: ca.cert, key: data('test-p256-key.pem') }),
      'key: the key is not the certificate\'s (private key does not match public key); give the key the CSR was made with');
    await rejects(api.secret({ name: 'my-svc-tls', cert: ca.cert }), 'options.key: required: tls.key: the certificate\'s private key, PEM');
    await rejects(api.caBundle({ name: 'x', ca: ca.cert, cert: ca.cert }), 'options.cert: not an option here; the options are name, namespace, ca, format');
  });
});

describe('keyPassphrase', () => {
  const PASS = 'correct horse';
  const encrypted = /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/;

  test('caInit writes the CA key encrypted; openssl opens it; sign, secret and verify read it', { timeout: 120_000 }, async () => {
    const ca = await api.caInit(CA_SPEC, { at: CA_AT, keyPassphrase: PASS });
    assert.match(ca.key, encrypted);
    work.write('enc-ca.pem', ca.cert);
    work.write('enc-ca-key.pem', ca.key);
    work.write('pass.txt', PASS);
    // openssl: PBES2, PBKDF2 with hmacWithSHA256 and 600,000 iterations, AES-256-CBC
    const asn1 = work.ok('asn1parse', '-in', 'enc-ca-key.pem');
    for (const name of ['PBES2', 'PBKDF2', 'hmacWithSHA256', 'aes-256-cbc', ':0927C0']) assert.ok(asn1.includes(name), `${name} not in\n${asn1}`);
    const plain = work.ok('pkey', '-in', 'enc-ca-key.pem', '-passin', 'file:pass.txt');
    assert.equal(work.ok('pkey', '-in', 'enc-ca-key.pem', '-passin', 'file:pass.txt', '-pubout'),
      work.ok('x509', '-in', 'enc-ca.pem', '-noout', '-pubkey'));

    const made = await api.generate(TUTORIAL_SPEC, { keyPassphrase: PASS });
    assert.match(made.keyPem, encrypted);
    const signed = await api.sign(made.csrPem, { ca: ca.cert, caKey: ca.key, keyPassphrase: PASS, signer: 'example.com/serving', at: AT });
    assert.equal(signed.outcome, 'issued');
    const verified = await api.verify(signed.certificate, { ca: ca.cert, key: made.keyPem, keyPassphrase: PASS, at: AT });
    assert.equal(verified.checks.find((c) => c.name === 'key match').outcome, 'pass', verified.text);
    // the Secret holds the key decrypted, as PKCS#8: as for the key openssl decrypted
    work.write('enc-leaf-key.pem', made.keyPem);
    const leafPlain = work.ok('pkey', '-in', 'enc-leaf-key.pem', '-passin', 'file:pass.txt');
    const fromEncrypted = await api.secret({ name: 'web-tls', cert: signed.certificate, key: made.keyPem, keyPassphrase: PASS });
    assert.deepEqual(fromEncrypted, await api.secret({ name: 'web-tls', cert: signed.certificate, key: leafPlain }));
    // and the plain CA key signs the same way
    assert.equal((await api.sign(made.csrPem, { ca: ca.cert, caKey: plain, signer: 'example.com/serving', at: AT })).outcome, 'issued');
  });

  test('generateWithKey reads a key openssl encrypted, and writes it encrypted again', { timeout: 60_000 }, async () => {
    work.write('pass.txt', PASS);
    work.write('plain-key.pem', data('test-p256-key.pem'));
    const key = work.ok('pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', 'plain-key.pem', '-passout', 'file:pass.txt');
    const made = await api.generateWithKey(TUTORIAL_SPEC, key, { keyPassphrase: PASS });
    assert.match(made.keyPem, encrypted);
    assert.notEqual(made.keyPem, key); // a new salt and IV
    work.write('again.pem', made.keyPem);
    work.write('made.csr', made.csrPem);
    assert.equal(work.ok('pkey', '-in', 'again.pem', '-passin', 'file:pass.txt', '-pubout'),
      work.ok('req', '-in', 'made.csr', '-noout', '-pubkey'));
    assert.equal(work.ok('pkey', '-in', 'plain-key.pem', '-pubout'), work.ok('req', '-in', 'made.csr', '-noout', '-pubkey'));
  });

  test('a wrong, empty or needless passphrase is refused with the core\'s message', { timeout: 60_000 }, async () => {
    const ca = await api.caInit(CA_SPEC, { at: CA_AT, keyPassphrase: PASS });
    const csr = data('tutorial-p256.csr');
    const options = { ca: ca.cert, caKey: ca.key, signer: 'example.com/serving', at: AT };
    await rejects(api.sign(csr, { ...options, keyPassphrase: 'wrong' }),
      'options.keyPassphrase: the passphrase does not decrypt the key: it is not the one the key was encrypted with, or the key is damaged; give the right passphrase');
    await rejects(api.sign(csr, { ...options, keyPassphrase: '' }),
      'options.keyPassphrase: the passphrase is empty; give a passphrase of at least one character');
    await rejects(api.generate(TUTORIAL_SPEC, { keyPassphrase: '' }),
      'options.keyPassphrase: the passphrase is empty; give a passphrase of at least one character');
    await rejects(api.secret({ name: 'x', cert: ca.cert, key: data('test-p256-key.pem'), keyPassphrase: PASS }),
      'options.keyPassphrase: the key is not encrypted (EC PRIVATE KEY), so it takes no passphrase; leave the passphrase out, or encrypt the key first with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8`');
    await assert.rejects(api.sign(csr, options), /ENCRYPTED PRIVATE KEY/);
  });
});
