//! The specs and settings the page starts from or loads on request.

/// The Kubernetes tutorial's spec ("Manage TLS Certificates in a Cluster").
pub const EXAMPLE_SPEC: &str = r#"{
  "hosts": [
    "my-svc.my-namespace.svc.cluster.local",
    "my-pod.my-namespace.pod.cluster.local",
    "172.168.0.24",
    "10.0.34.2"
  ],
  "CN": "my-pod.my-namespace.pod.cluster.local",
  "key": {
    "algo": "ecdsa",
    "size": 256
  },
  "names": [
    {
      "C": "CN",
      "ST": "Beijing",
      "L": "Beijing",
      "O": "example",
      "OU": "example"
    }
  ]
}"#;

/// The tutorial's manifest settings, which the lint takes apart.
pub const EXAMPLE_NAME: &str = "my-svc.my-namespace";
/// The tutorial's signer.
pub const EXAMPLE_SIGNER: &str = "kubernetes.io/kubelet-serving";
/// The tutorial's usages.
pub const EXAMPLE_USAGES: [&str; 3] = ["digital signature", "key encipherment", "server auth"];
/// The host the tutorial's certificate is for.
pub const EXAMPLE_HOST: &str = "my-svc.my-namespace.svc.cluster.local";

/// The spec the page opens with.
pub const STARTER_SPEC: &str = r#"{
  "CN": "web.example.com",
  "hosts": [
    "web.example.com"
  ],
  "key": {
    "algo": "ecdsa",
    "size": 256
  },
  "names": []
}"#;

/// A signer you run yourself: the suggestion for a custom signer name.
pub const CUSTOM_SIGNER: &str = "example.com/serving";
