// The benchmark page's module: times, in one page and one run, csrcraft's wasm API against
// @peculiar/x509 and PKI.js for three cases, all on the Kubernetes tutorial's spec:
//
//   p256    a new P-256 key and a signed CSR for it
//   rsa2048 a new RSA-2048 key and a signed CSR for it
//   verify  parse a P-256 leaf certificate (PEM) and verify it against its P-256 CA
//
// The tools of a case run interleaved, round-robin (the order rotating each round), so a change
// in machine load affects them alike. Each iteration is timed on its own with performance.now()
// (5 µs resolution when the page is cross-origin isolated, which run.mjs's server arranges with
// COOP/COEP headers; 100 µs otherwise, too coarse for the sub-millisecond cases).
// window.runBench(config) returns the raw samples; run.mjs computes and prints the statistics.
import init, * as csrcraft from '/pkg/csrcraft.js';
import * as asn1js from '/node_modules/asn1js/build/index.js';
import * as pkijs from '/node_modules/pkijs/build/index.js';

const x509 = globalThis.x509; // the IIFE bundle loaded by index.html
x509.cryptoProvider.set(crypto);
pkijs.setEngine('bench', new pkijs.CryptoEngine({ name: 'bench', crypto }));

// The Kubernetes TLS tutorial's server CSR (as bench/specs/*.json).
const CN = 'my-pod.my-namespace.pod.cluster.local';
const DNS = ['my-svc.my-namespace.svc.cluster.local', 'my-pod.my-namespace.pod.cluster.local'];
const IPS = ['172.168.0.24', '10.0.34.2'];
const NAMES = [['C', 'CN'], ['ST', 'Beijing'], ['L', 'Beijing'], ['O', 'example'], ['OU', 'example']];
const spec = (key) => ({
  hosts: [...DNS, ...IPS],
  CN,
  key,
  names: [Object.fromEntries(NAMES)],
});
const SPEC_P256 = JSON.stringify(spec({ algo: 'ecdsa', size: 256 }));
const SPEC_RSA = JSON.stringify(spec({ algo: 'rsa', size: 2048 }));

const EC_GEN = { name: 'ECDSA', namedCurve: 'P-256' };
const EC_SIGN = { name: 'ECDSA', hash: 'SHA-256' };
const RSA_GEN = {
  name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256',
};
const USAGES = ['sign', 'verify'];

function pem(label, der) {
  const bytes = new Uint8Array(der);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const b64 = btoa(binary).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function pemToDer(text) {
  const b64 = text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
}

// --- csrcraft -------------------------------------------------------------------------------

/**
 * `generate(spec)`: the core reads the spec and builds the CSR; WebCrypto (through
 * csrcraft-webcrypto) generates the key, signs, and exports the key as PKCS#8 into the page's
 * memory, which the core writes as the key PEM.
 */
const csrcraftGenerate = (specText) => () => csrcraft.generate(specText, undefined);

// --- @peculiar/x509 -------------------------------------------------------------------------

const peculiarName = NAMES.map(([k, v]) => `${k}=${v}`).concat(`CN=${CN}`).join(', ');
const peculiarSan = () => new x509.SubjectAlternativeNameExtension([
  ...DNS.map((value) => ({ type: 'dns', value })),
  ...IPS.map((value) => ({ type: 'ip', value })),
]);
const peculiarCsr = (genAlgorithm, signAlgorithm) => async () => {
  const keys = await crypto.subtle.generateKey(genAlgorithm, true, USAGES);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: peculiarName,
    keys,
    signingAlgorithm: signAlgorithm,
    extensions: [peculiarSan()],
  });
  return { csrPem: csr.toString('pem') };
};

// --- PKI.js ---------------------------------------------------------------------------------

const OIDS = { C: '2.5.4.6', ST: '2.5.4.8', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' };
const ipBytes = (ip) => new Uint8Array(ip.split('.').map(Number));
const pkijsCsr = (genAlgorithm) => async () => {
  const keys = await crypto.subtle.generateKey(genAlgorithm, true, USAGES);
  const request = new pkijs.CertificationRequest();
  request.version = 0;
  for (const [key, value] of [...NAMES, ['CN', CN]]) {
    request.subject.typesAndValues.push(new pkijs.AttributeTypeAndValue({
      type: OIDS[key],
      value: key === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
    }));
  }
  // PKI.js encodes typesAndValues as ONE multi-valued RDN (C+ST+...+CN); the usual DN has one
  // attribute per RDN, so the sequence of single-attribute sets is encoded here.
  request.subject.valueBeforeDecode = new asn1js.Sequence({
    value: request.subject.typesAndValues.map((atv) => new asn1js.Set({ value: [atv.toSchema()] })),
  }).toBER(false);
  const altNames = new pkijs.GeneralNames({
    names: [
      ...DNS.map((value) => new pkijs.GeneralName({ type: 2, value })),
      ...IPS.map((ip) => new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: ipBytes(ip) }) })),
    ],
  });
  request.attributes = [new pkijs.Attribute({
    type: '1.2.840.113549.1.9.14', // extensionRequest
    values: [new pkijs.Extensions({
      extensions: [new pkijs.Extension({
        extnID: '2.5.29.17', critical: false, extnValue: altNames.toSchema().toBER(false),
      })],
    }).toSchema()],
  })];
  await request.subjectPublicKeyInfo.importKey(keys.publicKey);
  await request.sign(keys.privateKey, 'SHA-256');
  return { csrPem: pem('CERTIFICATE REQUEST', request.toSchema(true).toBER(false)) };
};

// --- the cases ------------------------------------------------------------------------------

async function verifyCases() {
  const [caPem, leafPem] = await Promise.all(
    ['/certs/ca.pem', '/certs/leaf.pem'].map(async (u) => (await fetch(u)).text()),
  );
  // What every tool has at hand before the loop: the CA (as csrcraft's API takes text, it parses
  // the CA on every call; the peers get it parsed once, as the brief's usage examples do).
  const peculiarCa = new x509.X509Certificate(caPem);
  const pkijsCa = pkijs.Certificate.fromBER(pemToDer(caPem));
  return {
    caPem,
    leafPem,
    tools: [
      {
        tool: 'csrcraft verify', kind: 'csrcraft',
        // The whole report: signature chain, validity, usage (+ its text view).
        fn: async () => (await csrcraft.verify(leafPem, { ca: caPem })).verified,
      },
      {
        tool: '@peculiar/x509', kind: 'peer',
        // Signature and validity dates.
        fn: async () => new x509.X509Certificate(leafPem).verify({ publicKey: peculiarCa.publicKey }),
      },
      {
        tool: 'PKI.js', kind: 'peer',
        // Signature only.
        fn: async () => pkijs.Certificate.fromBER(pemToDer(leafPem)).verify(pkijsCa),
      },
    ],
  };
}

function cases(config) {
  return [
    {
      id: 'p256', title: 'P-256 key + CSR', warmup: config.p256Warmup, iterations: config.p256,
      tools: [
        { tool: 'csrcraft generate', kind: 'csrcraft', fn: csrcraftGenerate(SPEC_P256) },
        { tool: '@peculiar/x509', kind: 'peer', fn: peculiarCsr(EC_GEN, EC_SIGN) },
        { tool: 'PKI.js', kind: 'peer', fn: pkijsCsr(EC_GEN) },
      ],
    },
    {
      id: 'rsa2048', title: 'RSA-2048 key + CSR', warmup: config.rsaWarmup, iterations: config.rsa,
      tools: [
        { tool: 'csrcraft generate', kind: 'csrcraft', fn: csrcraftGenerate(SPEC_RSA) },
        { tool: '@peculiar/x509', kind: 'peer', fn: peculiarCsr(RSA_GEN, RSA_GEN) },
        { tool: 'PKI.js', kind: 'peer', fn: pkijsCsr(RSA_GEN) },
      ],
    },
    { id: 'verify', title: 'certificate parse + verify (P-256 leaf, P-256 CA)', warmup: config.verifyWarmup, iterations: config.verify },
  ];
}

const log = (line) => {
  console.log(line);
  document.getElementById('log').textContent += `${line}\n`;
};
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs one case: warmup, then `iterations` rounds of every tool, the order rotating. */
async function runCase(c) {
  const n = c.tools.length;
  const samples = c.tools.map(() => []);
  const sample = {};
  // Each tool's first output, for run.mjs to check (CSRs with openssl, verify results true).
  for (const t of c.tools) sample[t.tool] = await t.fn();
  for (let w = 0; w < c.warmup; w++) {
    for (const t of c.tools) await t.fn();
  }
  const started = performance.now();
  for (let round = 0; round < c.iterations; round++) {
    for (let k = 0; k < n; k++) {
      const i = (round + k) % n;
      const t0 = performance.now();
      await c.tools[i].fn();
      samples[i].push(performance.now() - t0);
    }
    if (round % 10 === 9) await pause(); // let the page breathe (GC, events) between rounds
  }
  log(`${c.title}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    id: c.id,
    title: c.title,
    warmup: c.warmup,
    tools: c.tools.map((t, i) => ({ tool: t.tool, kind: t.kind, samples: samples[i] })),
    sample: Object.fromEntries(Object.entries(sample).map(([k, v]) => [k, typeof v === 'object' ? { csrPem: v.csrPem } : v])),
  };
}

window.runBench = async (config) => {
  const results = [];
  for (const c of cases(config)) {
    if (c.id === 'verify') {
      const v = await verifyCases();
      Object.assign(c, { tools: v.tools });
    }
    log(`${c.title}: ${c.iterations} rounds after ${c.warmup} warmup...`);
    results.push(await runCase(c));
  }
  return {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    results,
  };
};

await init({ module_or_path: '/pkg/csrcraft_bg.wasm' });
window.benchReady = true;
const button = document.getElementById('run');
const status = document.getElementById('status');
status.textContent = `ready; cross-origin isolated: ${globalThis.crossOriginIsolated}`
  + (globalThis.crossOriginIsolated ? ' (5 µs timer)' : ' (100 µs timer: serve the page with run.mjs, whose COOP/COEP headers isolate it)');
button.disabled = false;
button.onclick = async () => {
  button.disabled = true;
  status.textContent = 'running';
  const out = await window.runBench({ p256: 200, p256Warmup: 20, rsa: 150, rsaWarmup: 3, verify: 300, verifyWarmup: 30 });
  for (const r of out.results) {
    for (const t of r.tools) {
      const s = [...t.samples].sort((a, b) => a - b);
      log(`${r.title} | ${t.tool}: median ${s[Math.floor(s.length / 2)].toFixed(2)} ms (n=${s.length})`);
    }
  }
  status.textContent = 'done';
  button.disabled = false;
};
