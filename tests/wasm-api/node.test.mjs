// The JS/TS API in Node: every export (each returns a promise), checked against openssl where
// it makes something. The crypto is Node's WebCrypto (globalThis.crypto.subtle).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { IDN, data, keyPaths, loadApi, makeCa, opensslCsr, root, signWithCa, snakeKeys, workdir } from './helpers.mjs';

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

/** Asserts that `promise` rejects with a JS Error whose message is exactly `message`. */
async function rejects(promise, message) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.equal(e.message, message);
    return true;
  });
}

describe('generate', () => {
  // Every key kind, in both key formats: the key label, openssl's check of the CSR's signature
  // and of its signature algorithm (cfssl's hash for the key), and the key is the CSR's key.
  const cases = [
    ['ecdsa 256', { algo: 'ecdsa', size: 256 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA256', /NIST CURVE: P-256/],
    ['ecdsa 384', { algo: 'ecdsa', size: 384 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA384', /NIST CURVE: P-384/],
    ['ecdsa 521', { algo: 'ecdsa', size: 521 }, 'EC PRIVATE KEY', 'ecdsa-with-SHA512', /NIST CURVE: P-521/],
    ['rsa 2048', { algo: 'rsa', size: 2048 }, 'RSA PRIVATE KEY', 'sha256WithRSAEncryption', /Public-Key: \(2048 bit\)/],
    ['rsa 3072', { algo: 'rsa', size: 3072 }, 'RSA PRIVATE KEY', 'sha384WithRSAEncryption', /Public-Key: \(3072 bit\)/],
    ['rsa 4096', { algo: 'rsa', size: 4096 }, 'RSA PRIVATE KEY', 'sha512WithRSAEncryption', /Public-Key: \(4096 bit\)/],
    ['ed25519', { algo: 'ed25519' }, 'PRIVATE KEY', 'ED25519', /ED25519 Public-Key:/],
  ];
  for (const [name, key, cfsslLabel, signatureAlgorithm, keyText] of cases) {
    for (const [keyFormat, label] of [['cfssl', cfsslLabel], ['pkcs8', 'PRIVATE KEY']]) {
      test(`${name} (${keyFormat}): openssl verifies the ${signatureAlgorithm} CSR, and the ${label} is its key`, { timeout: 60_000 }, async () => {
        const spec = { CN: 'web.example.com', hosts: ['web.example.com', '10.0.0.1'], key };
        const made = await api.generate(spec, { keyFormat });
        assert.ok(made.csrPem.startsWith('-----BEGIN CERTIFICATE REQUEST-----\n'));
        assert.ok(made.keyPem.startsWith(`-----BEGIN ${label}-----\n`), made.keyPem.slice(0, 40));
        assert.ok(made.keyPem.endsWith(`-----END ${label}-----\n`));
        assert.equal(made.manifestYaml, null);
        assert.deepEqual(made.warnings, []);
        const { fromKey, fromCsr } = publicKeys(made.csrPem, made.keyPem);
        assert.equal(fromCsr, fromKey);
        if (key.algo !== 'ed25519') work.ok('pkey', '-in', 'k.pem', '-noout', '-check'); // openssl 3.0: no ed25519 check
        const text = work.ok('req', '-in', 'r.csr', '-noout', '-text');
        assert.match(text, /DNS:web\.example\.com, IP Address:10\.0\.0\.1/);
        assert.match(text, new RegExp(`Signature Algorithm: ${signatureAlgorithm}\\n`));
        assert.match(text, keyText);
      });
    }
  }

  test('two calls make two different keys', async () => {
    const [a, b] = await Promise.all([api.generate({ CN: 'a' }), api.generate({ CN: 'a' })]);
    assert.notEqual(a.keyPem, b.keyPem);
    assert.notEqual(publicKeys(a.csrPem, a.keyPem).fromKey, publicKeys(b.csrPem, b.keyPem).fromKey);
  });

  test('the spec as JSON text, and a spec with warnings', async () => {
    const made = await api.generate('{"CN": "alice", "names": [{"O": "dev"}], "colour": "blue"}');
    assert.deepEqual(made.warnings, [
      { field: 'colour', message: 'ignored: not a cfssl CSR field (cfssl ignores it too)' },
    ]);
    assert.match(work.ok('req', '-in', work.write('a.csr', made.csrPem), '-noout', '-subject'),
      /O\s*=\s*dev, CN\s*=\s*alice/);
  });

  test('with a signer, the manifest YAML carries the CSR', async () => {
    const made = await api.generate({ CN: 'web.example.com', hosts: ['web.example.com'] },
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

  test("errors reject with JS Errors carrying the core's message", async () => {
    await rejects(api.generate({ CN: 'x', key: { algo: 'ecdsa', size: 224 } }),
      'key.size: 224 is not a valid ecdsa size; use 256, 384 or 521');
    await rejects(api.generate('{"CN": '),
      'spec is not valid JSON (line 1, column 8): expected a value (an object, array, string, number, true, false or null), found the end of the text');
    await rejects(api.generate({ CN: 'x' }, { keyFormat: 'der' }),
      'options.keyFormat: "der" is not a key format; use "cfssl" or "pkcs8"');
    await rejects(api.generate({ CN: 'x' }, { signr: 'example.com/x' }),
      'options.signr: not an option here; the options are keyFormat, keyPassphrase, signer, name, usages, expiration');
    await rejects(api.generate({ CN: 'x' }, { usages: ['server auth'] }),
      'options.signer: required with name, usages or expiration (they are the manifest\'s)');
    await rejects(api.generate({ CN: 'x' }, { signer: 'example.com/x', expiration: 60 }),
      'options.expiration: Invalid value: 60: may not specify a duration less than 600 seconds (10 minutes); ask for 600 or more');
    // A number of seconds reaches the core as its decimal text, as JS writes it.
    await rejects(api.generate({ CN: 'x' }, { signer: 'example.com/x', expiration: 3600.5 }),
      'options.expiration: "3600.5" is not a duration; write seconds (3600) or a number with s, m, h or d (24h, 90d, 1h30m)');
    await rejects(api.generate({ CN: 'x' }, { signer: 'example.com/x', expiration: 1e21 }),
      'options.expiration: "1e+21" is not a duration; write seconds (3600) or a number with s, m, h or d (24h, 90d, 1h30m)');
    await rejects(api.generate(42), 'spec: expected the cfssl CSR JSON, as text or as an object');
    // Still usable after errors: nothing panicked.
    assert.ok((await api.generate({ CN: 'still.alive' })).csrPem);
  });

  test('without WebCrypto (an insecure context in a page) every call rejects and says why', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    const message = 'WebCrypto (crypto.subtle) is not available here: serve the page over https or from localhost';
    try {
      await rejects(api.generate({ CN: 'x' }), message);
      await rejects(api.inspect(data('tutorial-p256.csr')), message);
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
    assert.ok((await api.generate({ CN: 'back' })).csrPem);
  });
});

describe('generateWithKey', () => {
  // Keys made by openssl, in each form it writes them; openssl's `ecparam -genkey` also writes
  // an EC PARAMETERS block, which is skipped.
  const keys = [
    ['RSA-2048 PKCS#8', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 'rsa-2048', 'RSA PRIVATE KEY'],
    ['RSA-3072 PKCS#1', ['genrsa', '-traditional', '3072'], 'rsa-3072', 'RSA PRIVATE KEY'],
    ['P-384 SEC1', ['ecparam', '-genkey', '-name', 'secp384r1'], 'ecdsa-384', 'EC PRIVATE KEY'],
    ['Ed25519 PKCS#8', ['genpkey', '-algorithm', 'ed25519'], 'ed25519', 'PRIVATE KEY'],
  ];
  for (const [name, command, kind, cfsslLabel] of keys) {
    test(`a key made by openssl (${name}) gets its CSR; the spec asking for another key warns`, async () => {
      work.write('outside.pem', work.ok(...command));
      const outside = work.read('outside.pem');
      const spec = { CN: 'web.example.com', hosts: ['web.example.com'], key: { algo: 'ecdsa', size: 256 } };
      for (const [keyFormat, label] of [['cfssl', cfsslLabel], ['pkcs8', 'PRIVATE KEY']]) {
        const made = await api.generateWithKey(spec, outside, { keyFormat, signer: 'example.com/serving' });
        assert.ok(made.keyPem.startsWith(`-----BEGIN ${label}-----\n`), made.keyPem.slice(0, 40));
        const { fromKey, fromCsr } = publicKeys(made.csrPem, made.keyPem);
        assert.equal(fromCsr, fromKey);
        assert.equal(fromKey, work.ok('pkey', '-in', 'outside.pem', '-pubout'));
        assert.match(made.manifestYaml, /signerName: example\.com\/serving/);
        assert.deepEqual(made.warnings, [
          {
            field: 'key',
            message: `ignored: the spec asks for ecdsa-256 but the key given is ${kind}; the CSR is for the key given`,
          },
        ]);
      }
    });
  }

  test('the key a spec asks for: no warning, and the key comes back as given', async () => {
    const key = data('test-p256-key.pem');
    const made = await api.generateWithKey({ CN: 'a', key: { algo: 'ecdsa', size: 256 } }, key);
    assert.deepEqual(made.warnings, []);
    assert.equal(made.keyPem, key);
    const { fromKey, fromCsr } = publicKeys(made.csrPem, made.keyPem);
    assert.equal(fromCsr, fromKey);
  });

  test('an unreadable key rejects with the core\'s message', async () => {
    await assert.rejects(api.generateWithKey({ CN: 'a' }, 'not a key'), /^Error: key: no private key found/);
  });
});

describe('manifest', () => {
  const csr = data('tutorial-p256.csr');
  test('YAML by default: the tutorial manifest', async () => {
    const m = await api.manifest(csr, {
      signer: 'kubernetes.io/kubelet-serving', name: 'my-svc.my-namespace',
      usages: 'digital signature, key encipherment, server auth',
    });
    assert.equal(m.format, 'yaml');
    assert.equal(m.text, data('tutorial-p256.manifest.yaml'));
    assert.equal(m.name, 'my-svc.my-namespace');
    assert.deepEqual(m.usages, ['digital signature', 'key encipherment', 'server auth']);
  });
  test('name and usages derived from the CSR', async () => {
    const m = await api.manifest(csr, { signer: 'example.com/serving' });
    assert.equal(m.name, 'my-pod.my-namespace.pod.cluster.local');
    assert.deepEqual(m.usages, ['digital signature', 'server auth']);
  });
  test('JSON, name and usages given', async () => {
    const m = await api.manifest(csr, {
      signer: 'example.com/serving', format: 'json', name: 'web-1', usages: ['digital signature', 'server auth'],
      expiration: 3600,
    });
    const object = JSON.parse(m.text);
    assert.equal(object.metadata.name, 'web-1');
    assert.equal(object.spec.expirationSeconds, 3600);
    assert.equal(Buffer.from(object.spec.request, 'base64').toString(), csr);
  });
  test('a CSR whose signature does not verify is refused, as the API server would', async () => {
    // One bit of the signature flipped: WebCrypto's answer reaches the core.
    const der = Buffer.from(csr.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 3] ^= 1;
    const broken = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE REQUEST-----\n`;
    await assert.rejects(api.manifest(broken, { signer: 'example.com/x' }), /^Error: spec\.request: .*signature does not verify/);
  });
  test('errors', async () => {
    await assert.rejects(api.manifest(csr, {}), /^Error: options\.signer: required/);
    await assert.rejects(api.manifest(csr, { signer: 'example.com/x', name: 'a/b' }), /^Error: metadata\.name: /);
    await assert.rejects(api.manifest('not a csr', { signer: 'example.com/x' }), /^Error: certificate request: /);
  });
});

describe('lint', () => {
  test('the tutorial CSR for kubelet-serving: the two upstream errors', async () => {
    const report = await api.lint(data('tutorial-p256.csr'), {
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
  test('a spec (with a throwaway key) that the client signer accepts', async () => {
    const report = await api.lint({ CN: 'alice', names: [{ O: 'dev' }], extra: true },
      { signer: 'kubernetes.io/kube-apiserver-client', expiration: '24h' });
    assert.equal(report.errors, 0, report.text);
    assert.equal(report.specWarnings[0].field, 'extra');
  });
  test('a spec for an RSA key: the throwaway key is RSA, so the default usages are RSA\'s', async () => {
    const report = await api.lint({ CN: 'web.example.com', hosts: ['web.example.com'], key: { algo: 'rsa', size: 2048 } },
      { signer: 'example.com/serving' });
    assert.ok(report.usages.includes('key encipherment'), report.usages.join(', '));
  });
  test('errors', async () => {
    await assert.rejects(api.lint(data('tutorial-p256.csr'), {}), /^Error: options\.signer: required/);
    await assert.rejects(api.lint(data('tutorial-p256.csr'), { signer: 'a/b', expiration: 'soon' }),
      /^Error: options.expiration: "soon" is not a duration/);
  });
});

describe('inspect', () => {
  test('a certificate, as PEM and as DER bytes, at a given time', async () => {
    const at = '2026-06-01T00:00:00Z';
    const fromPem = await api.inspect(data('inspect/leaf.pem'), { at });
    assert.equal(fromPem.input, 'pem');
    assert.equal(fromPem.at, at);
    const [cert] = fromPem.certificates;
    assert.equal(cert.serial, '2a:3b:4c:5d:6e:7f:01:02');
    assert.equal(cert.validity.state, 'valid');
    assert.equal(cert.issuer.text, 'O=csrcraft, CN=csrcraft test CA');
    assert.match(fromPem.text, /2a:3b:4c:5d:6e:7f:01:02/);
    const der = new Uint8Array(Buffer.from(data('inspect/leaf.pem').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const fromDer = await api.inspect(der, { at: new Date(at) });
    assert.equal(fromDer.input, 'der');
    assert.deepEqual(fromDer.certificates, fromPem.certificates);
    assert.equal((await api.inspect(der, { at: Date.parse('2028-01-01T00:00:00Z') })).certificates[0].validity.state, 'expired');
  });
  test('CSRs: the self-signature checked by WebCrypto (ECDSA P-256, Ed25519)', async () => {
    for (const name of ['tutorial-p256.csr', 'tutorial-ed25519.csr']) {
      const seen = await api.inspect(data(name));
      assert.deepEqual(seen.request.selfSignature, { ok: true, problem: null }, name);
    }
  });
  test('a kubectl object, and the time defaults to now', async () => {
    const seen = await api.inspect(data('inspect/kubectl-failed.yaml'));
    assert.equal(seen.input, 'kubernetes-yaml');
    assert.equal(seen.kubernetes.signerName, 'kubernetes.io/kubelet-serving');
    assert.ok(Math.abs(Date.parse(seen.at) - Date.now()) < 60_000, seen.at);
  });
  test('errors', async () => {
    await assert.rejects(api.inspect('hello'), /^Error: input: /);
    await assert.rejects(api.inspect(42), /^Error: input: expected text/);
    await assert.rejects(api.inspect(data('inspect/leaf.pem'), { at: 'yesterday' }), /^Error: options.at: "yesterday" is not an RFC 3339 time/);
  });
});

describe('verify', () => {
  let made;
  let cert;
  let ca;
  before(async () => {
    made = await api.generate({ CN: 'web.example.com', hosts: ['web.example.com'] });
    ca = makeCa(work);
    cert = signWithCa(work, made.csrPem);
  });
  test('a certificate from an openssl CA passes every check', async () => {
    const report = await api.verify(cert, { ca, key: made.keyPem, csr: made.csrPem, host: 'web.example.com' });
    assert.equal(report.verified, true, report.text);
    assert.equal(report.failed, 0);
    assert.deepEqual(report.checks.map((c) => [c.name, c.outcome]), [
      ['signature chain', 'pass'], ['validity', 'pass'], ['key match', 'pass'],
      ['request match', 'pass'], ['hostname', 'pass'], ['usage', 'pass'],
    ]);
    assert.match(report.text, /signature chain/);
  });
  test('the key in every form: PKCS#8, and an RSA key and CA', async () => {
    const pkcs8 = await api.generateWithKey({ CN: 'web.example.com', hosts: ['web.example.com'] }, made.keyPem, { keyFormat: 'pkcs8' });
    const report = await api.verify(cert, { ca, key: pkcs8.keyPem });
    assert.equal(report.checks.find((c) => c.name === 'key match').outcome, 'pass', report.text);
    // An RSA-3072 leaf (sha384WithRSAEncryption self-signature) from an RSA CA.
    work.ok('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa-ca-key.pem', '-out', 'rsa-ca.pem',
      '-subj', '/CN=rsa test CA', '-days', '2', '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign');
    const rsa = await api.generate({ CN: 'rsa.example.com', hosts: ['rsa.example.com'], key: { algo: 'rsa', size: 3072 } });
    const rsaCert = signWithCa(work, rsa.csrPem, 'rsa-ca');
    const rsaReport = await api.verify(rsaCert, { ca: work.read('rsa-ca.pem'), key: rsa.keyPem, csr: rsa.csrPem, host: 'rsa.example.com' });
    assert.equal(rsaReport.verified, true, rsaReport.text);
  });
  test('a wrong CA, a wrong key, a wrong host, a later time: FAIL', async () => {
    const wrongCa = makeCa(work, 'other');
    const wrong = await api.verify(cert, { ca: [wrongCa] });
    assert.equal(wrong.verified, false);
    assert.equal(wrong.checks.find((c) => c.name === 'signature chain').outcome, 'fail');
    const otherKey = (await api.generate({ CN: 'x' })).keyPem;
    const r = await api.verify(new TextEncoder().encode(cert), {
      ca: new TextEncoder().encode(ca), key: otherKey, host: 'other.example.com', at: Date.now() + 5 * 86_400_000,
    });
    assert.deepEqual(r.checks.filter((c) => c.outcome === 'fail').map((c) => c.name), ['validity', 'key match', 'hostname']);
  });
  test('a changed signature: FAIL', async () => {
    const der = Buffer.from(cert.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5] ^= 1;
    const report = await api.verify(new Uint8Array(der), { ca });
    assert.equal(report.checks.find((c) => c.name === 'signature chain').outcome, 'fail', report.text);
  });
  // WebCrypto's answers come after the core's run that asks for them (csrcraft-webcrypto's
  // `checked`): a signature that does not hold must still fail, whichever link it is.
  test('a CA of the same name with another key: FAIL, and the right one of the two: PASS', async () => {
    work.ok('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', 'twin-key.pem', '-out', 'twin.pem', '-subj', '/O=csrcraft/CN=ca test CA', '-days', '2',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
    const twin = work.read('twin.pem');
    const wrong = await api.verify(cert, { ca: twin });
    const chain = wrong.checks.find((c) => c.name === 'signature chain');
    assert.equal(chain.outcome, 'fail', wrong.text);
    assert.match(chain.detail, /^the signature of the leaf does not verify against CA "O=csrcraft, CN=ca test CA"/);
    const both = await api.verify(cert, { ca: [twin, ca] });
    assert.equal(both.verified, true, both.text);
  });
  test('a chain through an intermediate: PASS, and with the intermediate\'s signature changed: FAIL', async () => {
    makeCa(work, 'root');
    work.ok('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', 'int-key.pem', '-out', 'int.csr', '-subj', '/O=csrcraft/CN=int test CA');
    work.write('int.ext', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n');
    work.ok('x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root-key.pem',
      '-set_serial', '0x77', '-days', '1', '-extfile', 'int.ext', '-out', 'int.pem');
    const intermediate = work.read('int.pem');
    const leaf = signWithCa(work, made.csrPem, 'int');
    const root = work.read('root.pem');
    const good = await api.verify(leaf + intermediate, { ca: root });
    assert.equal(good.verified, true, good.text);
    const der = Buffer.from(intermediate.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5] ^= 1;
    const changed = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    const bad = await api.verify(leaf + changed, { ca: root });
    const chain = bad.checks.find((c) => c.name === 'signature chain');
    assert.equal(chain.outcome, 'fail', bad.text);
    assert.match(chain.detail, /^the signature of the intermediate "O=csrcraft, CN=int test CA" does not verify against CA "O=csrcraft, CN=root test CA"/);
  });
  test('errors', async () => {
    await assert.rejects(api.verify(cert, {}), /^Error: options\.ca: required/);
    await assert.rejects(api.verify(cert, { ca, key: 'nope' }), /^Error: key: /);
    await assert.rejects(api.verify(cert, { ca, host: 7 }), /^Error: options\.host: expected a string$/);
  });
});

// The JS API speaks JS's conventions: every key it returns is camelCase, while the CLI's
// `--json` keeps its published snake_case. Values are never renamed.
describe('camelCase keys', () => {
  const at = '2026-06-01T00:00:00Z';
  const csr = data('tutorial-p256.csr');
  const chain = data('inspect/chain.pem');

  test('no key of any result of generate, lint, manifest, inspect or verify has a `_`', async () => {
    const results = {
      generate: await api.generate({ CN: 'web.example.com', hosts: ['web.example.com'], colour: 'blue' },
        { signer: 'example.com/serving' }),
      generateWithKey: await api.generateWithKey({ CN: 'a', key: { algo: 'rsa', size: 2048 } },
        data('test-p256-key.pem')),
      'lint (CSR)': await api.lint(csr, { signer: 'kubernetes.io/kubelet-serving', expiration: 60 }),
      'lint (spec)': await api.lint({ CN: 'x', extra: true }, { signer: 'example.com/serving' }),
      manifest: await api.manifest(csr, { signer: 'example.com/serving', format: 'json', expiration: '24h' }),
      'inspect (CSR)': await api.inspect(csr, { at }),
      'inspect (chain)': await api.inspect(chain, { at }),
      'inspect (name constraints, unknown critical extension)': await api.inspect(
        data('inspect/unknown-critical.pem') + data('inspect/constrained-ca.pem'), { at }),
      'inspect (kubectl YAML, issued)': await api.inspect(data('inspect/kubectl-issued-full.yaml'), { at }),
      'inspect (kubectl YAML, failed)': await api.inspect(data('inspect/kubectl-failed.yaml'), { at }),
      'inspect (kubectl JSON)': await api.inspect(data('inspect/kubectl-issued.json'), { at }),
      'verify (chain, key, CSR, host)': await api.verify(chain, {
        ca: data('inspect/ca.pem'), key: data('test-p256-key.pem'), csr,
        host: 'my-svc.my-namespace.svc.cluster.local', at,
      }),
      'verify (failing)': await api.verify(chain, { ca: data('inspect/constrained-ca.pem'), host: 'x.example', at }),
    };
    for (const [name, result] of Object.entries(results)) {
      assert.deepEqual(snakeKeys(result), [], `${name}: keys with a _`);
    }
    // Not vacuous: the core's snake_case fields are all there, under their camelCase names.
    const seen = new Set(Object.values(results).flatMap(keyPaths).map((p) => p.slice(p.lastIndexOf('.') + 1)));
    const expected = ['csrPem', 'keyPem', 'manifestYaml', 'specWarnings', 'signerName',
      'expirationSeconds', 'lastUpdateTime', 'lastTransitionTime', 'pemLabel', 'publicKey',
      'spkiSha256', 'signatureAlgorithm', 'selfSignature', 'subjectAltNames', 'requestedExtensions',
      'issuerSignature', 'signedBy', 'keyMatchesRequest', 'keyUsage', 'extendedKeyUsage',
      'basicConstraints', 'pathLen', 'nameConstraints', 'notBefore', 'notAfter', 'secondsLeft',
      'lifetimeSeconds', 'spkiSha256', 'sha256', 'sha1'];
    assert.deepEqual(expected.filter((key) => !seen.has(key)), [], 'fields missing');
  });

  test('the fields keep their order; values (such as not_yet_valid) are as the CLI gives them', async () => {
    const seen = await api.inspect(chain, { at: '2025-06-01T00:00:00Z' });
    const [leaf, ca] = seen.certificates;
    assert.deepEqual(Object.keys(leaf), ['version', 'serial', 'subject', 'issuer', 'validity',
      'publicKey', 'signatureAlgorithm', 'issuerSignature', 'keyMatchesRequest', 'subjectAltNames',
      'keyUsage', 'extendedKeyUsage', 'basicConstraints', 'nameConstraints', 'extensions', 'fingerprints']);
    assert.deepEqual(Object.keys(leaf.validity),
      ['notBefore', 'notAfter', 'state', 'secondsLeft', 'lifetimeSeconds', 'summary']);
    assert.equal(leaf.validity.state, 'not_yet_valid');
    assert.equal(leaf.validity.notBefore, '2026-01-01T00:00:00Z');
    assert.deepEqual(ca.basicConstraints, { ca: true, pathLen: 0 });
    assert.deepEqual(leaf.subjectAltNames.dns, ['my-svc.my-namespace.svc.cluster.local', 'my-pod.my-namespace.pod.cluster.local']);
    assert.deepEqual(Object.keys(seen), ['input', 'at', 'kubernetes', 'request', 'certificates', 'text']);
  });

  test('the TypeScript types (types.d.ts) name every field in camelCase', () => {
    const types = readFileSync(join(root, 'crates/wasm/src/types.d.ts'), 'utf8');
    assert.match(types, /^ {2}subjectAltNames: AltNamesView;$/m);
    const snake = types.split('\n').filter((line) => /^\s*[A-Za-z0-9]*_[A-Za-z0-9_]*\??:|[{;] [A-Za-z0-9]*_[A-Za-z0-9_]*\??:/.test(line));
    assert.deepEqual(snake, []);
  });
});

describe('internationalized names (UTS #46 by the platform\'s URL parser)', () => {
  test('hosts become the punycode the CLI makes, with the same warnings', async () => {
    const made = await api.generate({ CN: 'x', hosts: IDN.hosts });
    assert.deepEqual(made.warnings, IDN.warnings);
    const text = work.ok('req', '-in', work.write('idn.csr', made.csrPem), '-noout', '-text');
    assert.ok(text.includes(`${IDN.sans}\n`), text);
    const lint = await api.lint({ CN: 'x', hosts: IDN.hosts }, { signer: 'example.com/serving' });
    assert.deepEqual(lint.specWarnings, IDN.warnings);
  });
  test('a name UTS #46 refuses is an error naming its entry', async () => {
    for (const [host, message] of IDN.refused) {
      await rejects(api.generate({ CN: 'x', hosts: ['a.example', host] }), message);
    }
  });
  test('URL syntax in a name never reaches the URL parser as such: refused', async () => {
    for (const host of IDN.forbidden) {
      await assert.rejects(api.generate({ CN: 'x', hosts: ['a.example', host] }),
        (e) => e.message.startsWith(`hosts[1]: ${JSON.stringify(host)} is not a valid DNS name: `), host);
    }
  });
  test('verify: an internationalized host matches the punycode SAN', async () => {
    const ca = makeCa(work, 'idn-ca');
    const cert = signWithCa(work, opensslCsr(work, 'DNS:xn--bcher-kva.example'), 'idn-ca');
    for (const host of ['bücher.example', 'BÜCHER.example.', 'bücher。example']) {
      const report = await api.verify(cert, { ca, host });
      const hostname = report.checks.find((c) => c.name === 'hostname');
      assert.equal(hostname.outcome, 'pass', report.text);
      assert.equal(hostname.detail, `${JSON.stringify(host)} matches DNS:xn--bcher-kva.example`);
    }
    const other = await api.verify(cert, { ca, host: 'bucher.example' });
    assert.equal(other.checks.find((c) => c.name === 'hostname').outcome, 'fail');
    const refused = await api.verify(cert, { ca, host: 'bü/cher.example' });
    assert.equal(refused.checks.find((c) => c.name === 'hostname').detail,
      '"bü/cher.example" is not a valid internationalized host name');
  });
});
