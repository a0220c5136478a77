//! Tests of the DER reader, writer, OIDs and PEM.
