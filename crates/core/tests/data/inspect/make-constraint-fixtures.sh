#!/bin/sh
# Makes constrained-ca.pem and unknown-critical.pem with openssl 3.0's
# `openssl ca`: fixed keys (below), fixed serials and fixed validity dates,
# and Ed25519, whose signatures are deterministic. A rerun makes the same
# bytes; a diff after one means openssl changed how it encodes something.
#
# - constrained-ca.pem: a self-signed CA, pathlen 1, with name constraints
#   permitting and excluding DNS, IPv4, IPv6, email, URI and directory names.
# - unknown-critical.pem: a leaf issued by that CA with a critical extension
#   under a private OID (1.3.6.1.4.1.32473 is the example enterprise number of
#   RFC 5612), which no path validation understands.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Test keys only: Ed25519 PKCS#8, made once with `openssl genpkey -algorithm ed25519`.
cat > "$work/ca.key" <<'KEY'
-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIHpDr1VSZcRpnhvoi08dNklFnb1K1d9tnk3Dtfny1mxI
-----END PRIVATE KEY-----
KEY
cat > "$work/leaf.key" <<'KEY'
-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIKS5BoSiz+bUHF4Zl0wzWM+Vq/P4kOcN7McNM33TjfgU
-----END PRIVATE KEY-----
KEY

cat > "$work/ca.cnf" <<'CNF'
[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = default
policy = any
unique_subject = no
[any]
organizationName = optional
commonName = supplied
[constrained_ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:1
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
nameConstraints = critical, @constraints
[constraints]
permitted;DNS.1 = example.com
permitted;DNS.2 = .cluster.local
permitted;IP.1 = 10.0.0.0/255.0.0.0
permitted;IP.2 = 2001:db8::/ffff:ffff::
permitted;email.1 = example.com
permitted;URI.1 = .example.com
permitted;dirName.1 = permitted_dir
excluded;DNS.1 = bad.example.com
excluded;IP.1 = 10.66.0.0/255.255.0.0
excluded;IP.2 = 2001:db8:bad::/ffff:ffff:ffff::
excluded;email.1 = root@example.com
excluded;URI.1 = bad.example.com
excluded;dirName.1 = excluded_dir
[permitted_dir]
O = csrcraft
[excluded_dir]
O = csrcraft
OU = revoked
[unknown_critical_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:web.example.com
authorityKeyIdentifier = keyid
1.3.6.1.4.1.32473.1 = critical, ASN1:UTF8String:must be understood
CNF
: > "$work/index.txt"

# The CA: self-signed, 2025-01-01 to 2035-01-01, serial 0x2001.
openssl req -new -key "$work/ca.key" -subj "/O=csrcraft/CN=csrcraft constrained CA" \
  -out "$work/ca.csr"
echo 2001 > "$work/serial"
(cd "$work" && openssl ca -batch -config ca.cnf -selfsign -keyfile ca.key \
  -in ca.csr -out ca.pem -notext -extensions constrained_ca_ext \
  -startdate 20250101000000Z -enddate 20350101000000Z)
cp "$work/ca.pem" constrained-ca.pem

# The leaf: issued by the CA, 2026-01-01 to 2027-01-01, serial 0x2002.
openssl req -new -key "$work/leaf.key" -subj "/O=csrcraft/CN=web.example.com" \
  -out "$work/leaf.csr"
echo 2002 > "$work/serial"
(cd "$work" && openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key \
  -in leaf.csr -out leaf.pem -notext -extensions unknown_critical_ext \
  -startdate 20260101000000Z -enddate 20270101000000Z)
cp "$work/leaf.pem" unknown-critical.pem
