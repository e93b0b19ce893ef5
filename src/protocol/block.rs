//! The four block types: their exact byte layout, BLAKE2b-256 hash and the rules a block must
//! satisfy on its own (before any account state is known).

use super::Error;
use super::address::{Algorithm, PublicKey};
use super::amount::Amount;
use super::hex::{decode_hex_array, encode_hex};
use super::network::Network;
use blake2::{Blake2b256, Digest};
use std::fmt;

/// The newest block version nodes accept.
pub const MAX_VERSION: u16 = 0;

/// A 32-byte BLAKE2b-256 hash: of a block, or the previous / send block it refers to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    pub fn of(bytes: &[u8]) -> Hash {
        Hash(Blake2b256::digest(bytes).into())
    }

    pub fn from_hex(text: &str) -> Result<Hash, Error> {
        decode_hex_array(text, "hash").map(Hash)
    }

    pub fn to_hex(&self) -> String {
        encode_hex(&self.0)
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.to_hex())
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockType {
    Open,
    Receive,
    Send,
    Change,
}

impl BlockType {
    pub const ALL: [BlockType; 4] = [
        BlockType::Open,
        BlockType::Receive,
        BlockType::Send,
        BlockType::Change,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Result<BlockType, Error> {
        BlockType::ALL
            .get(usize::from(code))
            .copied()
            .ok_or_else(|| Error::UnknownBlockType(format!("code {code}")))
    }

    pub fn name(self) -> &'static str {
        match self {
            BlockType::Open => "OPEN",
            BlockType::Receive => "RECEIVE",
            BlockType::Send => "SEND",
            BlockType::Change => "CHANGE",
        }
    }

    pub fn parse(text: &str) -> Result<BlockType, Error> {
        BlockType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| Error::UnknownBlockType(format!("{text:?}")))
    }

    /// The serialized length of a block of this type.
    pub fn size(self) -> usize {
        match self {
            BlockType::Open => 119,
            BlockType::Receive => 126,
            BlockType::Send => 134,
            BlockType::Change => 126,
        }
    }
}

impl fmt::Display for BlockType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The fields that differ between block types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockBody {
    Open {
        send_hash_algorithm: Algorithm,
        send_hash: Hash,
        representative_algorithm: Algorithm,
        representative: PublicKey,
    },
    Receive {
        height: u64,
        previous: Hash,
        send_hash_algorithm: Algorithm,
        send_hash: Hash,
    },
    Send {
        height: u64,
        previous: Hash,
        receiver_algorithm: Algorithm,
        receiver: PublicKey,
        amount: Amount,
    },
    Change {
        height: u64,
        previous: Hash,
        representative_algorithm: Algorithm,
        representative: PublicKey,
    },
}

/// One block of an account chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub network: Network,
    pub version: u16,
    pub algorithm: Algorithm,
    pub public_key: PublicKey,
    pub balance: Amount,
    /// Epoch milliseconds.
    pub timestamp: i64,
    pub body: BlockBody,
}

/// A reason a block is invalid on its own, as the nodes judge it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleViolation {
    #[error("version {0} is newer than the nodes accept ({MAX_VERSION})")]
    Version(u16),
    #[error("height {0} must be at least 2 (height 1 is the OPEN block)")]
    Height(u64),
    #[error("a SEND must move a positive amount")]
    ZeroAmount,
    #[error("a SEND cannot pay the sending account itself")]
    SendToSelf,
    #[error("the balance after a {0} must be positive")]
    ZeroBalance(BlockType),
    #[error(
        "timestamp {timestamp} is more than a minute after this machine's clock ({now}); nodes \
         reject it. Check the clock, or the block's timestamp"
    )]
    InFuture { timestamp: i64, now: i64 },
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let out = self.bytes[self.at..self.at + N]
            .try_into()
            .expect("length checked");
        self.at += N;
        out
    }
    fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }
    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }
    fn amount(&mut self, field: &str) -> Result<Amount, Error> {
        let raw = self.u64();
        Amount::checked(raw).ok_or_else(|| Error::AmountOverflow(raw.to_string()).in_field(field))
    }
    fn algorithm(&mut self) -> Result<Algorithm, Error> {
        Algorithm::from_code(self.u8())
    }
}

impl Block {
    pub fn block_type(&self) -> BlockType {
        match self.body {
            BlockBody::Open { .. } => BlockType::Open,
            BlockBody::Receive { .. } => BlockType::Receive,
            BlockBody::Send { .. } => BlockType::Send,
            BlockBody::Change { .. } => BlockType::Change,
        }
    }

    /// The account chain height; an OPEN block is implicitly height 1.
    pub fn height(&self) -> u64 {
        match self.body {
            BlockBody::Open { .. } => 1,
            BlockBody::Receive { height, .. }
            | BlockBody::Send { height, .. }
            | BlockBody::Change { height, .. } => height,
        }
    }

    pub fn previous(&self) -> Option<Hash> {
        match self.body {
            BlockBody::Open { .. } => None,
            BlockBody::Receive { previous, .. }
            | BlockBody::Send { previous, .. }
            | BlockBody::Change { previous, .. } => Some(previous),
        }
    }

    /// What the proof of work is computed over: the public key for OPEN, else the previous hash.
    pub fn work_target(&self) -> [u8; 32] {
        self.previous().map_or(self.public_key.0, |p| p.0)
    }

    /// The exact bytes that are hashed and signed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.block_type().size());
        out.push(self.block_type().code());
        out.push(self.network.code());
        out.extend_from_slice(&self.version.to_le_bytes());
        out.push(self.algorithm.code());
        out.extend_from_slice(&self.public_key.0);
        if let Some(height) = (self.block_type() != BlockType::Open).then(|| self.height()) {
            out.extend_from_slice(&height.to_le_bytes());
        }
        out.extend_from_slice(&self.balance.0.to_le_bytes());
        out.extend_from_slice(&self.timestamp.to_le_bytes());
        if let Some(previous) = self.previous() {
            out.extend_from_slice(&previous.0);
        }
        match &self.body {
            BlockBody::Open {
                send_hash_algorithm,
                send_hash,
                representative_algorithm,
                representative,
            } => {
                out.push(send_hash_algorithm.code());
                out.extend_from_slice(&send_hash.0);
                out.push(representative_algorithm.code());
                out.extend_from_slice(&representative.0);
            }
            BlockBody::Receive {
                send_hash_algorithm,
                send_hash,
                ..
            } => {
                out.push(send_hash_algorithm.code());
                out.extend_from_slice(&send_hash.0);
            }
            BlockBody::Send {
                receiver_algorithm,
                receiver,
                amount,
                ..
            } => {
                out.push(receiver_algorithm.code());
                out.extend_from_slice(&receiver.0);
                out.extend_from_slice(&amount.0.to_le_bytes());
            }
            BlockBody::Change {
                representative_algorithm,
                representative,
                ..
            } => {
                out.push(representative_algorithm.code());
                out.extend_from_slice(&representative.0);
            }
        }
        debug_assert_eq!(out.len(), self.block_type().size());
        out
    }

    /// Reads a block from the start of `bytes`, returning it and how many bytes it used.
    pub fn read_prefix(bytes: &[u8]) -> Result<(Block, usize), Error> {
        let first = *bytes.first().ok_or(Error::Truncated {
            what: "block",
            expected: 1,
            got: 0,
        })?;
        let block_type = BlockType::from_code(first)?;
        let size = block_type.size();
        if bytes.len() < size {
            return Err(Error::Truncated {
                what: "block",
                expected: size,
                got: bytes.len(),
            });
        }
        let mut r = Reader { bytes, at: 1 };
        let network = Network::from_code(r.u8())?;
        let version = u16::from_le_bytes(r.take());
        let algorithm = r.algorithm()?;
        let public_key = PublicKey(r.take());
        let height = (block_type != BlockType::Open).then(|| r.u64());
        let balance = r.amount("balance")?;
        let timestamp = i64::from_le_bytes(r.take());
        let previous = (block_type != BlockType::Open).then(|| Hash(r.take()));
        let (height, previous) = (height.unwrap_or(1), previous.unwrap_or(Hash([0; 32])));
        let body = match block_type {
            BlockType::Open => BlockBody::Open {
                send_hash_algorithm: r.algorithm()?,
                send_hash: Hash(r.take()),
                representative_algorithm: r.algorithm()?,
                representative: PublicKey(r.take()),
            },
            BlockType::Receive => BlockBody::Receive {
                height,
                previous,
                send_hash_algorithm: r.algorithm()?,
                send_hash: Hash(r.take()),
            },
            BlockType::Send => BlockBody::Send {
                height,
                previous,
                receiver_algorithm: r.algorithm()?,
                receiver: PublicKey(r.take()),
                amount: r.amount("amount")?,
            },
            BlockType::Change => BlockBody::Change {
                height,
                previous,
                representative_algorithm: r.algorithm()?,
                representative: PublicKey(r.take()),
            },
        };
        debug_assert_eq!(r.at, size);
        let block = Block {
            network,
            version,
            algorithm,
            public_key,
            balance,
            timestamp,
            body,
        };
        Ok((block, size))
    }

    /// Reads exactly one block; trailing bytes are an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Block, Error> {
        let (block, used) = Block::read_prefix(bytes)?;
        if used != bytes.len() {
            return Err(Error::TrailingBytes {
                what: "block",
                expected: used,
                got: bytes.len(),
            });
        }
        Ok(block)
    }

    pub fn hash(&self) -> Hash {
        Hash::of(&self.to_bytes())
    }

    /// The rules a node applies to a block on its own, with `now_ms` as the node's clock;
    /// every violation, not just the first.
    pub fn rule_violations(&self, now_ms: i64) -> Vec<RuleViolation> {
        let mut out = Vec::new();
        if self.version > MAX_VERSION {
            out.push(RuleViolation::Version(self.version));
        }
        if self.timestamp > now_ms.saturating_add(60_000) {
            out.push(RuleViolation::InFuture {
                timestamp: self.timestamp,
                now: now_ms,
            });
        }
        if self.block_type() != BlockType::Open && self.height() < 2 {
            out.push(RuleViolation::Height(self.height()));
        }
        match &self.body {
            BlockBody::Send {
                receiver, amount, ..
            } => {
                if amount.0 == 0 {
                    out.push(RuleViolation::ZeroAmount);
                }
                if *receiver == self.public_key {
                    out.push(RuleViolation::SendToSelf);
                }
            }
            BlockBody::Open { .. } | BlockBody::Receive { .. } if self.balance.0 == 0 => {
                out.push(RuleViolation::ZeroBalance(self.block_type()));
            }
            _ => {}
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::protocol::GENESIS_MS;
    use proptest::prelude::*;

    pub fn arb_block() -> impl Strategy<Value = Block> {
        let head = (
            0u8..4,
            any::<u16>(),
            any::<[u8; 32]>(),
            0..=Amount::MAX.0,
            any::<i64>(),
        );
        let body = (
            0u8..4,
            any::<u64>(),
            any::<[u8; 32]>(),
            any::<[u8; 32]>(),
            0..=Amount::MAX.0,
        )
            .prop_map(|(t, height, a, b, amount)| match t {
                0 => BlockBody::Open {
                    send_hash_algorithm: Algorithm::V1,
                    send_hash: Hash(a),
                    representative_algorithm: Algorithm::V1,
                    representative: PublicKey(b),
                },
                1 => BlockBody::Receive {
                    height,
                    previous: Hash(a),
                    send_hash_algorithm: Algorithm::V1,
                    send_hash: Hash(b),
                },
                2 => BlockBody::Send {
                    height,
                    previous: Hash(a),
                    receiver_algorithm: Algorithm::V1,
                    receiver: PublicKey(b),
                    amount: Amount(amount),
                },
                _ => BlockBody::Change {
                    height,
                    previous: Hash(a),
                    representative_algorithm: Algorithm::V1,
                    representative: PublicKey(b),
                },
            });
        (head, body).prop_map(|((n, version, key, balance, timestamp), body)| Block {
            network: Network::from_code(n).unwrap(),
            version,
            algorithm: Algorithm::V1,
            public_key: PublicKey(key),
            balance: Amount(balance),
            timestamp,
            body,
        })
    }

    proptest! {
        #[test]
        fn bytes_round_trip(block in arb_block()) {
            let bytes = block.to_bytes();
            prop_assert_eq!(bytes.len(), block.block_type().size());
            prop_assert_eq!(Block::from_bytes(&bytes), Ok(block));
        }

        #[test]
        fn truncated_or_extended_bytes_are_errors(block in arb_block(), cut in 0usize..134) {
            let bytes = block.to_bytes();
            let cut = cut.min(bytes.len() - 1);
            prop_assert!(
                matches!(Block::from_bytes(&bytes[..cut]), Err(Error::Truncated { .. })),
                "truncated: no Truncated error"
            );
            let mut longer = bytes.clone();
            longer.push(0);
            let is_trailing = matches!(Block::from_bytes(&longer), Err(Error::TrailingBytes { .. }));
            prop_assert!(is_trailing);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Block::from_bytes(&bytes);
        }
    }

    #[test]
    fn rejects_unknown_codes() {
        let mut bytes = arb_send().to_bytes();
        bytes[0] = 4;
        assert!(matches!(
            Block::from_bytes(&bytes),
            Err(Error::UnknownBlockType(_))
        ));
        let mut bytes = arb_send().to_bytes();
        bytes[1] = 9;
        assert!(matches!(
            Block::from_bytes(&bytes),
            Err(Error::UnknownNetwork(_))
        ));
        let mut bytes = arb_send().to_bytes();
        bytes[4] = 1;
        assert!(matches!(
            Block::from_bytes(&bytes),
            Err(Error::UnknownAlgorithm(_))
        ));
        let mut bytes = arb_send().to_bytes();
        bytes[126..134].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(matches!(
            Block::from_bytes(&bytes),
            Err(Error::Field { .. })
        ));
    }

    fn arb_send() -> Block {
        Block {
            network: Network::Local,
            version: 0,
            algorithm: Algorithm::V1,
            public_key: PublicKey([1; 32]),
            balance: Amount(5),
            timestamp: GENESIS_MS + 1,
            body: BlockBody::Send {
                height: 2,
                previous: Hash([3; 32]),
                receiver_algorithm: Algorithm::V1,
                receiver: PublicKey([4; 32]),
                amount: Amount(1),
            },
        }
    }

    #[test]
    fn rules_name_each_violation() {
        let ok = arb_send();
        assert_eq!(ok.rule_violations(GENESIS_MS + 1), vec![]);
        let mut bad = ok.clone();
        bad.version = 1;
        bad.body = BlockBody::Send {
            height: 1,
            previous: Hash([3; 32]),
            receiver_algorithm: Algorithm::V1,
            receiver: PublicKey([1; 32]),
            amount: Amount(0),
        };
        assert_eq!(
            bad.rule_violations(GENESIS_MS + 1),
            vec![
                RuleViolation::Version(1),
                RuleViolation::Height(1),
                RuleViolation::ZeroAmount,
                RuleViolation::SendToSelf
            ]
        );
        assert_eq!(
            ok.rule_violations(GENESIS_MS - 60_000),
            vec![RuleViolation::InFuture {
                timestamp: GENESIS_MS + 1,
                now: GENESIS_MS - 60_000
            }]
        );
    }
}
