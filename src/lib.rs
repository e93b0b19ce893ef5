//! attosign: an offline signer for the Atto network.
//!
//! The library holds everything that is not terminal I/O: the protocol (amounts, addresses,
//! blocks, transactions, thresholds, keys), the proof-of-work engine, and the keystore.
//! The `attosign` binary is a thin command-line layer over it.

#![forbid(unsafe_op_in_unsafe_fn)]

pub mod keystore;
pub mod protocol;
pub mod secret;
pub mod text;
pub mod work;
