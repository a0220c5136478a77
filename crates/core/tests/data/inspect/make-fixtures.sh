#!/bin/sh
# Makes the inspect fixtures once, with fixed validity dates (openssl 3.0's
# `openssl ca -startdate/-enddate`). ECDSA signatures by openssl are random, so
# running this again changes the signatures and fingerprints: update the
# snapshots in crates/core/tests/inspect.rs after a deliberate rerun.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/ca.cnf" <<'CNF'
[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
CNF
: > "$work/index.txt"

# The CA: P-256, self-signed, 2025-01-01 to 2035-01-01.
openssl ecparam -name prime256v1 -genkey -noout -out ca-key.pem
openssl req -new -key ca-key.pem -subj "/O=csrcraft/CN=csrcraft test CA" -out "$work/ca.csr"
echo 1000 > "$work/serial"
(cd "$work" && openssl ca -batch -config ca.cnf -selfsign -keyfile "$OLDPWD/ca-key.pem" \
  -in ca.csr -out ca.pem -notext -extensions ca_ext \
  -startdate 20250101000000Z -enddate 20350101000000Z)
cp "$work/ca.pem" ca.pem

# The leaf: the tutorial CSR (made by csrcraft from test-p256-key.pem) signed
# by the CA, 2026-01-01 to 2027-01-01, SANs copied from the CSR.
echo 2a3b4c5d6e7f0102 > "$work/serial"
(cd "$work" && openssl ca -batch -config ca.cnf -cert "$OLDPWD/ca.pem" -keyfile "$OLDPWD/ca-key.pem" \
  -in "$OLDPWD/../tutorial-p256.csr" -out leaf.pem -notext -extensions leaf_ext \
  -startdate 20260101000000Z -enddate 20270101000000Z)
cp "$work/leaf.pem" leaf.pem
openssl x509 -in leaf.pem -outform DER -out leaf.der
cat leaf.pem ca.pem > chain.pem
