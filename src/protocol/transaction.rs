//! Transactions: a block with its Ed25519 signature and proof-of-work nonce, serialized as
//! `block || signature (64) || work (8)`.

use super::block::{Block, Hash};
use super::hex::{decode_hex_array, encode_hex};
use super::network::threshold;
use super::{Error, PublicKey};
use std::fmt;

/// An Ed25519 signature over a block hash.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature(pub [u8; 64]);

impl Signature {
    pub fn from_hex(text: &str) -> Result<Signature, Error> {
        decode_hex_array(text, "signature").map(Signature)
    }

    pub fn to_hex(&self) -> String {
        encode_hex(&self.0)
    }

    /// Whether this is `key`'s signature of `hash`.
    pub fn verifies(&self, key: &PublicKey, hash: &Hash) -> bool {
        let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key.0) else {
            return false;
        };
        let signature = ed25519_dalek::Signature::from_bytes(&self.0);
        key.verify_strict(&hash.0, &signature).is_ok()
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({})", self.to_hex())
    }
}

/// A proof-of-work nonce, as its 8 serialized bytes (the `u64` nonce in little-endian).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Work(pub [u8; 8]);

impl Work {
    pub fn from_nonce(nonce: u64) -> Work {
        Work(nonce.to_le_bytes())
    }

    pub fn nonce(self) -> u64 {
        u64::from_le_bytes(self.0)
    }

    pub fn from_hex(text: &str) -> Result<Work, Error> {
        decode_hex_array(text, "work").map(Work)
    }

    /// The nonce text in the work server's answer to `POST /works`, `{"work":"HEX"}`; what it
    /// is worth is checked by whoever attaches it.
    pub fn server_answer(text: &str) -> Result<String, Error> {
        // Strict, as every JSON attosign reads: `{"work":A,"work":B}` is refused, not read as B.
        let value = crate::protocol::json::parse_json(text.trim())?;
        value
            .get("work")
            .and_then(|w| w.as_str())
            .map(str::to_string)
            .ok_or_else(|| Error::Json("expected the work server's {\"work\":\"HEX\"}".into()))
    }

    pub fn to_hex(&self) -> String {
        encode_hex(&self.0)
    }

    /// The value compared with the threshold.
    pub fn value(self, target: &[u8; 32]) -> u64 {
        crate::work::work_value(self.nonce(), target)
    }

    /// Whether this nonce is valid work for a block of `network` at `timestamp`.
    pub fn is_valid_for(self, block: &Block) -> bool {
        threshold(block.network, block.timestamp)
            .is_ok_and(|threshold| self.value(&block.work_target()) <= threshold)
    }
}

impl fmt::Debug for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Work({})", self.to_hex())
    }
}

/// A complete transaction, as `POST /transactions` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub block: Block,
    pub signature: Signature,
    pub work: Work,
}

impl Transaction {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.block.to_bytes();
        out.extend_from_slice(&self.signature.0);
        out.extend_from_slice(&self.work.0);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Transaction, Error> {
        let (block, used) = Block::read_prefix(bytes)?;
        let expected = used + 64 + 8;
        if bytes.len() < expected {
            return Err(Error::Truncated {
                what: "transaction",
                expected,
                got: bytes.len(),
            });
        }
        if bytes.len() > expected {
            return Err(Error::TrailingBytes {
                what: "transaction",
                expected,
                got: bytes.len(),
            });
        }
        Ok(Transaction {
            block,
            signature: Signature(bytes[used..used + 64].try_into().expect("64 bytes")),
            work: Work(bytes[used + 64..].try_into().expect("8 bytes")),
        })
    }

    pub fn hash(&self) -> Hash {
        self.block.hash()
    }

    pub fn signature_is_valid(&self) -> bool {
        self.signature
            .verifies(&self.block.public_key, &self.block.hash())
    }

    pub fn work_is_valid(&self) -> bool {
        self.work.is_valid_for(&self.block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::block::tests::arb_block;
    use proptest::prelude::*;

    /// Regression: a work server's answer naming `work` twice was read as the last one.
    #[test]
    fn a_work_answer_is_read_strictly() {
        assert_eq!(
            Work::server_answer(" {\"work\":\"40812B195B63A051\"}\n").unwrap(),
            "40812B195B63A051"
        );
        let twice = r#"{"work":"0000000000000000","work":"40812B195B63A051"}"#;
        let e = Work::server_answer(twice).unwrap_err().to_string();
        assert!(e.contains("twice"), "{e}");
        assert!(Work::server_answer("{\"nonce\":\"00\"}").is_err());
    }

    proptest! {
        #[test]
        fn bytes_round_trip(block in arb_block(), sig in any::<[u8; 32]>(), work in any::<[u8; 8]>()) {
            let mut signature = [0u8; 64];
            signature[..32].copy_from_slice(&sig);
            let tx = Transaction { block, signature: Signature(signature), work: Work(work) };
            let bytes = tx.to_bytes();
            prop_assert_eq!(Transaction::from_bytes(&bytes), Ok(tx));
            let truncated = matches!(Transaction::from_bytes(&bytes[..bytes.len() - 1]), Err(Error::Truncated { .. }));
            prop_assert!(truncated);
        }

        #[test]
        fn work_hex_round_trips(nonce in any::<u64>()) {
            let work = Work::from_nonce(nonce);
            prop_assert_eq!(Work::from_hex(&work.to_hex()), Ok(work));
            prop_assert_eq!(work.nonce(), nonce);
        }
    }
}
