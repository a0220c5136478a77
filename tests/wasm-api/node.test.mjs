// The JS/TS API in Node: every export, checked against openssl where it makes something.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { data, loadApi, makeCa, signWithCa, workdir } from './helpers.mjs';

const api = await loadApi();
const work = workdir();
after(() => work.remove());

/** openssl's public key (SPKI PEM) of a private key, and of a CSR after `req -verify`. */
function publicKeys(csrPem, keyPem) {
  work.write('k.pem', keyPem);
  work.write('r.csr', csrPem);
  const verified = work.openssl('req', '-in', 'r.csr', '-noout', '-verify');
  assert.equal(verified.status, 0, `openssl req -verify: ${verified.stderr}`);
  assert.match(verified.stdout + verified.stderr, /verify OK/i);
  return {
    fromKey: work.ok('pkey', '-in', 'k.pem', '-pubout'),
    fromCsr: work.ok('req', '-in', 'r.csr', '-noout', '-pubkey'),
  };
}

describe('generateWithKey', () => {
  test('a key made elsewhere (openssl, PKCS#8 RSA) gets its CSR, and a spec asking for another key warns', () => {
    work.ok('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'outside.pem');
    const outside = work.read('outside.pem');
    const spec = { CN: 'web.example.com', hosts: ['web.example.com'], key: { algo: 'ecdsa', size: 256 } };
    const made = api.generateWithKey(spec, outside, { keyFormat: 'pkcs8', signer: 'example.com/serving' });
    const { fromKey, fromCsr } = publicKeys(made.csrPem, made.keyPem);
    assert.equal(fromCsr, fromKey);
    assert.equal(fromKey, work.ok('pkey', '-in', 'outside.pem', '-pubout'));
    assert.match(made.manifestYaml, /signerName: example\.com\/serving/);
    assert.deepEqual(made.warnings, [
      {
        field: 'key',
        message: 'ignored: the spec asks for ecdsa-256 but the key given is rsa-2048; the CSR is for the key given',
      },
    ]);
  });

  test('an unreadable key is a thrown Error with the core\'s message', () => {
    assert.throws(() => api.generateWithKey({ CN: 'a' }, 'not a key'), /^Error: key: no private key found/);
  });
});

describe('generate', () => {
  const cases = [
    ['ecdsa 256', { algo: 'ecdsa', size: 256 }, 'cfssl', 'EC PRIVATE KEY'],
    ['ecdsa 384', { algo: 'ecdsa', size: 384 }, 'pkcs8', 'PRIVATE KEY'],
    ['ecdsa 521', { algo: 'ecdsa', size: 521 }, 'cfssl', 'EC PRIVATE KEY'],
    ['ed25519', { algo: 'ed25519' }, 'cfssl', 'PRIVATE KEY'],
    ['rsa 2048', { algo: 'rsa', size: 2048 }, 'cfssl', 'RSA PRIVATE KEY'],
  ];
  for (const [name, key, keyFormat, label] of cases) {
    test(`${name} (${keyFormat}): openssl verifies the CSR, and the key is its key`, () => {
      const spec = { CN: 'web.example.com', hosts: ['web.example.com', '10.0.0.1'], key };
      const made = api.generate(spec, { keyFormat });
      assert.ok(made.csrPem.startsWith('-----BEGIN CERTIFICATE REQUEST-----\n'));
      assert.ok(made.keyPem.startsWith(`-----BEGIN ${label}-----\n`), made.keyPem.slice(0, 40));
      assert.equal(made.manifestYaml, null);
      assert.deepEqual(made.warnings, []);
      const { fromKey, fromCsr } = publicKeys(made.csrPem, made.keyPem);
      assert.equal(fromCsr, fromKey);
      const text = work.ok('req', '-in', 'r.csr', '-noout', '-text');
      assert.match(text, /DNS:web\.example\.com, IP Address:10\.0\.0\.1/);
    });
  }

  test('the spec as JSON text, and a spec with warnings', () => {
    const made = api.generate('{"CN": "alice", "names": [{"O": "dev"}], "colour": "blue"}');
    assert.deepEqual(made.warnings, [
      { field: 'colour', message: 'ignored: not a cfssl CSR field (cfssl ignores it too)' },
    ]);
    assert.match(work.ok('req', '-in', work.write('a.csr', made.csrPem), '-noout', '-subject'),
      /O\s*=\s*dev, CN\s*=\s*alice/);
  });

  test('with a signer, the manifest YAML carries the CSR', () => {
    const made = api.generate({ CN: 'web.example.com', hosts: ['web.example.com'] },
      { signer: 'example.com/serving', expiration: '24h', usages: 'digital signature, server auth' });
    const yaml = made.manifestYaml;
    for (const line of ['apiVersion: certificates.k8s.io/v1', 'kind: CertificateSigningRequest',
      '  name: web.example.com', '  signerName: example.com/serving', '  expirationSeconds: 86400',
      '  - digital signature', '  - server auth']) {
      assert.ok(yaml.split('\n').includes(line), `${line} in\n${yaml}`);
    }
    const request = /^ {2}request: (\S+)$/m.exec(yaml)[1];
    assert.equal(Buffer.from(request, 'base64').toString(), made.csrPem);
  });

  test("errors are thrown JS Errors with the core's message", () => {
    const throws = (f, message) => assert.throws(f, (e) => {
      assert.ok(e instanceof Error, `not an Error: ${e}`);
      assert.equal(e.message, message);
      return true;
    });
    throws(() => api.generate({ CN: 'x', key: { algo: 'ecdsa', size: 224 } }),
      'key.size: 224 is not a valid ecdsa size; use 256, 384 or 521');
    throws(() => api.generate('{"CN": '),
      'spec is not valid JSON (line 1, column 7): EOF while parsing a value');
    throws(() => api.generate({ CN: 'x' }, { keyFormat: 'der' }),
      'options.keyFormat: "der" is not a key format; use "cfssl" or "pkcs8"');
    throws(() => api.generate({ CN: 'x' }, { signr: 'example.com/x' }),
      'options.signr: not an option here; the options are keyFormat, signer, name, usages, expiration');
    throws(() => api.generate({ CN: 'x' }, { usages: ['server auth'] }),
      'options.signer: required with name, usages or expiration (they are the manifest\'s)');
    throws(() => api.generate({ CN: 'x' }, { signer: 'example.com/x', expiration: 60 }),
      'expiration: 60s: may not specify a duration less than 600 seconds (10 minutes); ask for 600 or more');
    throws(() => api.generate(42), 'spec: expected the cfssl CSR JSON, as text or as an object');
    // Still usable after errors: nothing panicked.
    assert.ok(api.generate({ CN: 'still.alive' }).csrPem);
  });
});

describe('manifest', () => {
  const csr = data('tutorial-p256.csr');
  test('YAML by default: the tutorial manifest', () => {
    const m = api.manifest(csr, {
      signer: 'kubernetes.io/kubelet-serving', name: 'my-svc.my-namespace',
      usages: 'digital signature, key encipherment, server auth',
    });
    assert.equal(m.format, 'yaml');
    assert.equal(m.text, data('tutorial-p256.manifest.yaml'));
    assert.equal(m.name, 'my-svc.my-namespace');
    assert.deepEqual(m.usages, ['digital signature', 'key encipherment', 'server auth']);
  });
  test('name and usages derived from the CSR', () => {
    const m = api.manifest(csr, { signer: 'example.com/serving' });
    assert.equal(m.name, 'my-pod.my-namespace.pod.cluster.local');
    assert.deepEqual(m.usages, ['digital signature', 'server auth']);
  });
  test('JSON, name and usages given', () => {
    const m = api.manifest(csr, {
      signer: 'example.com/serving', format: 'json', name: 'web-1', usages: ['digital signature', 'server auth'],
      expiration: 3600,
    });
    const object = JSON.parse(m.text);
    assert.equal(object.metadata.name, 'web-1');
    assert.equal(object.spec.expirationSeconds, 3600);
    assert.equal(Buffer.from(object.spec.request, 'base64').toString(), csr);
  });
  test('errors', () => {
    assert.throws(() => api.manifest(csr, {}), /^Error: options\.signer: required/);
    assert.throws(() => api.manifest(csr, { signer: 'example.com/x', name: 'a/b' }), /^Error: metadata\.name: /);
    assert.throws(() => api.manifest('not a csr', { signer: 'example.com/x' }), Error);
  });
});

describe('lint', () => {
  test('the tutorial CSR for kubelet-serving: the two upstream errors', () => {
    const report = api.lint(data('tutorial-p256.csr'), {
      signer: 'kubernetes.io/kubelet-serving', usages: 'digital signature, key encipherment, server auth',
    });
    assert.equal(report.errors, 2);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      ['kubelet-serving/organization', 'kubelet-serving/common-name']);
    assert.match(report.findings[0].message, /system:nodes/);
    for (const f of report.findings) for (const k of ['severity', 'rule', 'message', 'fix']) assert.equal(typeof f[k], 'string');
    assert.deepEqual(report.usages, ['digital signature', 'key encipherment', 'server auth']);
    assert.equal(report.signer, 'kubernetes.io/kubelet-serving');
    assert.match(report.text, /^Signer: {7}kubernetes\.io\/kubelet-serving$/m);
    assert.match(report.text, /^2 errors, /m);
    assert.deepEqual(report.specWarnings, []);
  });
  test('a spec (with a throwaway key) that the client signer accepts', () => {
    const report = api.lint({ CN: 'alice', names: [{ O: 'dev' }], extra: true },
      { signer: 'kubernetes.io/kube-apiserver-client', expiration: '24h' });
    assert.equal(report.errors, 0, report.text);
    assert.equal(report.specWarnings[0].field, 'extra');
  });
  test('errors', () => {
    assert.throws(() => api.lint(data('tutorial-p256.csr'), {}), /^Error: options\.signer: required/);
    assert.throws(() => api.lint(data('tutorial-p256.csr'), { signer: 'a/b', expiration: 'soon' }),
      /^Error: expiration: "soon" is not a duration/);
  });
});

describe('inspect', () => {
  test('a certificate, as PEM and as DER bytes, at a given time', () => {
    const at = '2026-06-01T00:00:00Z';
    const fromPem = api.inspect(data('inspect/leaf.pem'), { at });
    assert.equal(fromPem.input, 'pem');
    assert.equal(fromPem.at, at);
    const [cert] = fromPem.certificates;
    assert.equal(cert.serial, '2a:3b:4c:5d:6e:7f:01:02');
    assert.equal(cert.validity.state, 'valid');
    assert.equal(cert.issuer.text, 'O=csrcraft, CN=csrcraft test CA');
    assert.match(fromPem.text, /2a:3b:4c:5d:6e:7f:01:02/);
    const der = new Uint8Array(Buffer.from(data('inspect/leaf.pem').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const fromDer = api.inspect(der, { at: new Date(at) });
    assert.equal(fromDer.input, 'der');
    assert.deepEqual(fromDer.certificates, fromPem.certificates);
    assert.equal(api.inspect(der, { at: Date.parse('2028-01-01T00:00:00Z') }).certificates[0].validity.state, 'expired');
  });
  test('a kubectl object, and the time defaults to now', () => {
    const seen = api.inspect(data('inspect/kubectl-failed.yaml'));
    assert.equal(seen.input, 'kubernetes-yaml');
    assert.equal(seen.kubernetes.signer_name, 'kubernetes.io/kubelet-serving');
    assert.ok(Math.abs(Date.parse(seen.at) - Date.now()) < 60_000, seen.at);
  });
  test('errors', () => {
    assert.throws(() => api.inspect('hello'), /^Error: input: /);
    assert.throws(() => api.inspect(42), /^Error: input: expected text/);
    assert.throws(() => api.inspect(data('inspect/leaf.pem'), { at: 'yesterday' }), /^Error: time: "yesterday" is not an RFC 3339 time/);
  });
});

describe('verify', () => {
  let made;
  let cert;
  let ca;
  before(() => {
    made = api.generate({ CN: 'web.example.com', hosts: ['web.example.com'] });
    ca = makeCa(work);
    cert = signWithCa(work, made.csrPem);
  });
  test('a certificate from an openssl CA passes every check', () => {
    const report = api.verify(cert, { ca, key: made.keyPem, csr: made.csrPem, host: 'web.example.com' });
    assert.equal(report.verified, true, report.text);
    assert.equal(report.failed, 0);
    assert.deepEqual(report.checks.map((c) => [c.name, c.outcome]), [
      ['signature chain', 'pass'], ['validity', 'pass'], ['key match', 'pass'],
      ['request match', 'pass'], ['hostname', 'pass'], ['usage', 'pass'],
    ]);
    assert.match(report.text, /signature chain/);
  });
  test('a wrong CA, a wrong key, a wrong host, a later time: FAIL', () => {
    const wrongCa = makeCa(work, 'other');
    const wrong = api.verify(cert, { ca: [wrongCa] });
    assert.equal(wrong.verified, false);
    assert.equal(wrong.checks.find((c) => c.name === 'signature chain').outcome, 'fail');
    const otherKey = api.generate({ CN: 'x' }).keyPem;
    const r = api.verify(new TextEncoder().encode(cert), {
      ca: new TextEncoder().encode(ca), key: otherKey, host: 'other.example.com', at: Date.now() + 5 * 86_400_000,
    });
    assert.deepEqual(r.checks.filter((c) => c.outcome === 'fail').map((c) => c.name), ['validity', 'key match', 'hostname']);
  });
  test('errors', () => {
    assert.throws(() => api.verify(cert, {}), /^Error: options\.ca: required/);
    assert.throws(() => api.verify(cert, { ca, key: 'nope' }), /^Error: key: /);
    assert.throws(() => api.verify(cert, { ca, host: 7 }), /^Error: options\.host: expected a string$/);
  });
});
