//! attosign: an offline signer for the Atto network.
//!
//! The library holds everything that is not terminal I/O: the protocol (amounts, addresses,
//! blocks, transactions, thresholds, keys), the builder (account state to blocks, the ledger
//! rules, payout files), the proof-of-work engine, the keystore, the signing journal, the
//! signing policy and the address book's import files (with the CSV line handling payout
//! files share).
//! The `attosign` binary is a thin command-line layer over it.

#![forbid(unsafe_op_in_unsafe_fn)]

pub mod book;
pub mod builder;
pub mod csvtext;
pub mod journal;
pub mod keystore;
pub mod par;
pub mod policy;
pub mod protocol;
pub mod qr;
pub mod secret;
pub mod text;
pub mod work;
