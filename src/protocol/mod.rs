//! The Atto protocol, byte for byte as the nodes check it: amounts, addresses, networks and
//! their proof-of-work thresholds, the four block types, transactions and keys.

mod address;
mod amount;
mod block;
mod check;
mod error;
mod hex;
mod json;
pub mod keys;
mod network;
mod state;
mod transaction;

pub use address::{Address, Algorithm, PublicKey};
pub use amount::Amount;
#[cfg(test)]
pub(crate) use block::tests::arb_block;
pub use block::{Block, BlockBody, BlockType, Hash, MAX_VERSION, RuleViolation};
pub use check::{Checks, Problem};
pub use error::Error;
pub use hex::{append_hex, decode_hex, encode_hex};
pub(crate) use json::present;
pub use json::{Document, first_line_is_json};
pub use network::{
    GENESIS_MS, Network, format_rfc3339, parse_rfc3339, parse_timestamp, threshold, year_of,
};
pub use state::{Account, NodeTime, Receivable};
pub use transaction::{Signature, Transaction, Work};
