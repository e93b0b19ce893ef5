//! What the nodes check of a transaction on its own: the signature, the proof of work and the
//! block's rules. `verify`, `qr` and `decode` share this, so they never disagree.

use super::{Block, Document, Error, Hash, Network, PublicKey, RuleViolation, Signature, Work};
use super::{Transaction, threshold};

/// Why a document would be refused, one check at a time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    #[error("there is no signature; sign the block first")]
    NoSignature,
    #[error("not a signature of {hash} by the account's key {key}")]
    BadSignature { hash: Hash, key: PublicKey },
    #[error("there is no proof of work; run attosign work")]
    NoWork,
    /// No threshold exists for the block's network and timestamp.
    #[error("{0}")]
    NoThreshold(Error),
    #[error("work {} has value {value}, above the {network} threshold {limit}", work.to_hex())]
    WorkAboveThreshold {
        work: Work,
        value: u64,
        network: Network,
        limit: u64,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Rules(Vec<RuleViolation>),
}

/// The outcome of each check: `None` passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checks {
    pub signature: Option<Problem>,
    pub work: Option<Problem>,
    pub rules: Option<Problem>,
}

impl Checks {
    /// Checks `block` with whichever signature and work it has, `now_ms` being this machine's
    /// clock (a node refuses a timestamp more than a minute after its own).
    pub fn of(
        block: &Block,
        signature: Option<Signature>,
        work: Option<Work>,
        now_ms: i64,
    ) -> Checks {
        let hash = block.hash();
        let signature = match signature {
            None => Some(Problem::NoSignature),
            Some(s) if s.verifies(&block.public_key, &hash) => None,
            Some(_) => Some(Problem::BadSignature {
                hash,
                key: block.public_key,
            }),
        };
        let work = match (work, threshold(block.network, block.timestamp)) {
            (None, _) => Some(Problem::NoWork),
            (Some(_), Err(e)) => Some(Problem::NoThreshold(e)),
            (Some(work), Ok(limit)) => {
                let value = work.value(&block.work_target());
                (value > limit).then_some(Problem::WorkAboveThreshold {
                    work,
                    value,
                    network: block.network,
                    limit,
                })
            }
        };
        let violations = block.rule_violations(now_ms);
        let rules = (!violations.is_empty()).then_some(Problem::Rules(violations));
        Checks {
            signature,
            work,
            rules,
        }
    }

    pub fn of_document(doc: &Document, now_ms: i64) -> Checks {
        Checks::of(doc.block(), doc.signature(), doc.work(), now_ms)
    }

    pub fn of_transaction(tx: &Transaction, now_ms: i64) -> Checks {
        Checks::of(&tx.block, Some(tx.signature), Some(tx.work), now_ms)
    }

    /// Each check by the name `verify` prints, in that order.
    pub fn named(&self) -> [(&'static str, Option<&Problem>); 3] {
        [
            ("signature", self.signature.as_ref()),
            ("work", self.work.as_ref()),
            ("rules", self.rules.as_ref()),
        ]
    }

    pub fn is_valid(&self) -> bool {
        self.named().iter().all(|(_, p)| p.is_none())
    }

    /// The names of the checks that failed, e.g. `["signature", "work"]`.
    pub fn failed(&self) -> Vec<&'static str> {
        self.named()
            .iter()
            .filter(|(_, p)| p.is_some())
            .map(|(n, _)| *n)
            .collect()
    }
}
