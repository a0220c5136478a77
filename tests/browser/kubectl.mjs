// Test data for the browser tests: what `kubectl get csr NAME -o yaml` prints once a CSR made
// by the app has been approved and signed. Laid out like crates/core/tests/data/inspect/
// kubectl-issued-full.yaml (a real cluster's object: keys sorted, metadata and spec fields the
// API server adds, managedFields, status.certificate as one line of base64 of the PEM).

/** The top-level sections of a manifest as { key: [indented lines] } (a flat YAML reader). */
function sections(manifestYaml) {
  const out = {};
  let key = null;
  for (const line of manifestYaml.split('\n')) {
    if (!line.trim()) continue;
    const top = /^([A-Za-z]+):(.*)$/.exec(line);
    if (top) {
      key = top[1];
      out[key] = top[2].trim() ? top[2].trim() : [];
    } else if (key && Array.isArray(out[key])) {
      out[key].push(line);
    } else {
      throw new Error(`unexpected line in the manifest: ${line}`);
    }
  }
  return out;
}

/**
 * The object the API server returns for `manifestYaml` (the app's csr.yaml) once approved and
 * issued `certPem`: `kubectl get csr NAME -o yaml`. The manifest's own metadata and spec lines
 * are kept as they are (so spec.request is the app's CSR), with the server's fields around them.
 */
export function kubectlIssuedYaml(manifestYaml, certPem) {
  const m = sections(manifestYaml);
  for (const key of ['apiVersion', 'kind', 'metadata', 'spec']) {
    if (!m[key]) throw new Error(`the manifest has no ${key}:\n${manifestYaml}`);
  }
  const certificate = Buffer.from(certPem, 'utf8').toString('base64');
  return [
    `apiVersion: ${m.apiVersion}`,
    `kind: ${m.kind}`,
    'metadata:',
    '  annotations:',
    "    example.com/note: 'Made for the csrcraft browser tests: long enough that kubectl wraps it",
    "      onto a second line, with a # that is not a comment'",
    '  creationTimestamp: "2026-05-31T10:00:00Z"',
    '  managedFields:',
    '  - apiVersion: certificates.k8s.io/v1',
    '    fieldsType: FieldsV1',
    '    fieldsV1:',
    '      f:status:',
    '        f:conditions:',
    '          .: {}',
    '          k:{"type":"Approved"}:',
    '            .: {}',
    '            f:status: {}',
    '            f:type: {}',
    '    manager: kubectl',
    '    operation: Update',
    '    subresource: approval',
    '    time: "2026-05-31T10:01:40Z"',
    ...m.metadata,
    '  resourceVersion: "41377"',
    '  uid: 8d2f4a61-0b7c-4e3a-b1d9-5c6e7f8a9b0c',
    'spec:',
    '  groups:',
    '  - system:authenticated',
    ...m.spec,
    '  username: jane@example.com',
    'status:',
    `  certificate: ${certificate}`,
    '  conditions:',
    '  - lastTransitionTime: "2026-05-31T10:01:40Z"',
    '    lastUpdateTime: "2026-05-31T10:01:40Z"',
    '    message: This CSR was approved by kubectl certificate approve.',
    '    reason: KubectlApprove',
    '    status: "True"',
    '    type: Approved',
    '',
  ].join('\n');
}
