//! From the state a node reported to the next block, and on to a transaction: the one path
//! that the one-step commands, `build`/`sign`/`work`, batches and `verify --account` share.
//!
//! state + request → [`build`] → block (ledger rules checked) → [`Review`] → signature →
//! [`work_job`] → transaction.

pub mod batch;
mod payment;
pub mod rules;

pub use payment::{Destination, PaymentError};
pub use rules::{LedgerError, State};

use crate::protocol::{
    Account, Address, Amount, Block, BlockBody, BlockType, Document, Error, Hash, Network,
    PublicKey, Receivable, RuleViolation, Signature, Transaction, Work, threshold,
};
use crate::work::Job;

/// How much a SEND moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spend {
    Exact(Amount),
    /// The whole balance (sweeping, key rotation).
    All,
}

/// What the operator asked for, in terms of the protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Send {
        receiver: Address,
        amount: Spend,
    },
    Receive {
        receivable: Receivable,
    },
    Open {
        receivable: Receivable,
        representative: Address,
        /// For receivables without a `network` field.
        network: Option<Network>,
    },
    Change {
        representative: Address,
    },
}

/// Why a block could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error(
        "the receivable has no \"network\" field and there is no account file to take it from; \
         pass --network"
    )]
    NoNetwork,
    #[error(
        "--network {given} disagrees with the receivable, which is on {receivable}; drop \
         --network, or check that this is the receivable you meant"
    )]
    NetworkDisagrees { given: Network, receivable: Network },
    #[error(
        "the account's balance is 0 atto: there is nothing to send. Receive first, or check the \
         state file"
    )]
    NothingToSend,
    #[error("there is nothing to build: the run has no blocks")]
    EmptyChain,
}

/// Builds the block that carries out `request` on `account` (none for an OPEN) at `timestamp`,
/// and checks every ledger rule against the state before returning it.
pub fn build(
    account: Option<&Account>,
    request: &Request,
    timestamp: i64,
    now_ms: i64,
) -> Result<Block, BuildError> {
    let block = match request {
        Request::Open {
            receivable,
            representative,
            network,
        } => {
            if let Some(account) = account.filter(|a| a.height > 0) {
                return Err(LedgerError::AlreadyOpened {
                    account: account.public_key,
                    height: account.height,
                }
                .into());
            }
            if let (Some(given), Some(receivable)) = (*network, receivable.network)
                && given != receivable
            {
                return Err(BuildError::NetworkDisagrees { given, receivable });
            }
            let network = receivable
                .network
                .or(*network)
                .ok_or(BuildError::NoNetwork)?;
            Block {
                network,
                version: receivable.version,
                algorithm: receivable.receiver_algorithm,
                public_key: receivable.receiver,
                balance: receivable.amount,
                timestamp,
                body: BlockBody::Open {
                    send_hash_algorithm: receivable.algorithm,
                    send_hash: receivable.hash,
                    representative_algorithm: representative.algorithm,
                    representative: representative.public_key,
                },
            }
        }
        other => {
            let account = opened(account, other)?;
            let height = account
                .height
                .checked_add(1)
                .ok_or(LedgerError::LastHeight {
                    height: account.height,
                })?;
            let previous = account.last_hash;
            let (balance, version, body) = match other {
                Request::Send { receiver, amount } => {
                    let amount = match amount {
                        Spend::Exact(a) => *a,
                        Spend::All if account.balance.0 == 0 => {
                            return Err(BuildError::NothingToSend);
                        }
                        Spend::All => account.balance,
                    };
                    let balance = account.balance.0.checked_sub(amount.0).ok_or(
                        LedgerError::InsufficientBalance {
                            balance: account.balance,
                            amount,
                        },
                    )?;
                    let body = BlockBody::Send {
                        height,
                        previous,
                        receiver_algorithm: receiver.algorithm,
                        receiver: receiver.public_key,
                        amount,
                    };
                    (Amount(balance), account.version, body)
                }
                Request::Receive { receivable } => {
                    let balance = account
                        .balance
                        .0
                        .checked_add(receivable.amount.0)
                        .filter(|b| *b <= Amount::MAX.0)
                        .ok_or(LedgerError::BalanceOverflow {
                            balance: account.balance,
                            amount: receivable.amount,
                        })?;
                    let body = BlockBody::Receive {
                        height,
                        previous,
                        send_hash_algorithm: receivable.algorithm,
                        send_hash: receivable.hash,
                    };
                    // As the reference builds it: the newer of the two versions.
                    (
                        Amount(balance),
                        account.version.max(receivable.version),
                        body,
                    )
                }
                Request::Change { representative } => {
                    let body = BlockBody::Change {
                        height,
                        previous,
                        representative_algorithm: representative.algorithm,
                        representative: representative.public_key,
                    };
                    (account.balance, account.version, body)
                }
                Request::Open { .. } => unreachable!("handled above"),
            };
            Block {
                network: account.network,
                version,
                algorithm: account.algorithm,
                public_key: account.public_key,
                balance,
                timestamp,
                body,
            }
        }
    };
    let receivable = match request {
        Request::Receive { receivable } | Request::Open { receivable, .. } => Some(receivable),
        _ => None,
    };
    let state = State {
        account: account.filter(|a| a.height > 0),
        receivable,
    };
    rules::check(&block, state, now_ms)?;
    Ok(block)
}

impl Request {
    /// A canonical text of the request: addresses as public keys, amounts in raw.
    fn canonical(&self) -> String {
        match self {
            Request::Send { receiver, amount } => {
                let amount = match amount {
                    Spend::Exact(a) => a.0.to_string(),
                    Spend::All => "all".into(),
                };
                format!("send {} {amount}", receiver.public_key)
            }
            Request::Receive { receivable } => format!("receive {}", receivable.hash),
            Request::Open {
                receivable,
                representative,
                network,
            } => format!(
                "open {} {} {}",
                receivable.hash,
                representative.public_key,
                network.map_or("-", |n| n.name())
            ),
            Request::Change { representative } => format!("change {}", representative.public_key),
        }
    }
}

/// "The same request" for the journal (DESIGN.md §4): a digest of the parsed requests, the
/// account state they start from, an explicit timestamp (a defaulted one does not count, so
/// a retry minutes later is the same request) and a payout file's digest.
pub fn request_digest(
    account: Option<&Account>,
    requests: &[Request],
    explicit_timestamp: Option<i64>,
    file_sha256: Option<&[u8; 32]>,
) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"attosign request v1\n");
    h.update(account.map_or_else(|| "no account".to_string(), Account::to_json));
    h.update(b"\n");
    for request in requests {
        h.update(request.canonical());
        h.update(b"\n");
    }
    h.update(explicit_timestamp.map_or_else(|| "now".to_string(), |t| t.to_string()));
    h.update(b"\n");
    if let Some(file) = file_sha256 {
        h.update(file);
    }
    h.finalize().into()
}

/// The first block's timestamp when none is given: now, or just after the account's last
/// block when that is ahead of this clock by less than a node allows ([`rules::MAX_AHEAD_MS`]):
/// a chain built moments ago and continued from its `--state-out` (its timestamps run a
/// millisecond apart from "now", so a long one ends seconds ahead). Further ahead than that,
/// the clock is wrong or the state is, and the ledger rule says so.
pub fn default_timestamp(account: Option<&Account>, now_ms: i64) -> i64 {
    match account {
        Some(a)
            if a.height > 0
                && a.last_timestamp >= now_ms
                && a.last_timestamp < now_ms.saturating_add(rules::MAX_AHEAD_MS) =>
        {
            a.last_timestamp + 1
        }
        _ => now_ms,
    }
}

/// Builds one chain: each request on the state the one before leaves, timestamps strictly
/// increasing from `first_timestamp` (+1 ms each), so the node accepts them in this order.
/// A failure names the request's position (0-based).
pub fn build_chain(
    account: Option<&Account>,
    requests: &[Request],
    first_timestamp: i64,
    now_ms: i64,
) -> Result<(Vec<Block>, Account), (usize, BuildError)> {
    let mut state = account.cloned();
    let mut blocks = Vec::with_capacity(requests.len());
    for (i, request) in requests.iter().enumerate() {
        let timestamp = first_timestamp.saturating_add(i as i64);
        let block = build(state.as_ref(), request, timestamp, now_ms).map_err(|e| (i, e))?;
        state = Some(Account::after(state.as_ref(), &block));
        blocks.push(block);
    }
    match state {
        Some(end) if !blocks.is_empty() => Ok((blocks, end)),
        _ => Err((0, BuildError::EmptyChain)),
    }
}

fn opened<'a>(account: Option<&'a Account>, request: &Request) -> Result<&'a Account, BuildError> {
    match account {
        Some(a) if a.height > 0 => Ok(a),
        other => {
            let key = match (other, request) {
                (Some(a), _) => Some(a.public_key),
                (None, Request::Receive { receivable }) => Some(receivable.receiver),
                (None, _) => None,
            };
            Err(LedgerError::NotOpened { account: key }.into())
        }
    }
}

/// Everything the operator is shown before signing: the block, and what the state adds to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub block: Block,
    pub hash: Hash,
    /// The balance before the block, when the state is known (for an OPEN: zero).
    pub balance_before: Option<Amount>,
    /// What moves: a SEND's amount, or the receivable's amount for RECEIVE/OPEN when known.
    pub amount: Option<Amount>,
    /// For RECEIVE/OPEN with a receivable: who sent it.
    pub sender: Option<PublicKey>,
    /// For CHANGE with the state: the representative being replaced.
    pub old_representative: Option<PublicKey>,
    /// What could not be checked because the state was not given.
    pub unchecked: Vec<&'static str>,
}

impl Review {
    pub fn new(block: &Block, state: State) -> Review {
        let mut unchecked = Vec::new();
        let is_open = block.block_type() == BlockType::Open;
        if state.account.is_none() && !is_open {
            unchecked.push(
                "height, previous block, balance and timestamp against the account's state \
                 (pass --account)",
            );
        }
        let needs_receivable = matches!(block.block_type(), BlockType::Receive | BlockType::Open);
        if needs_receivable && state.receivable.is_none() {
            unchecked.push("the amount received and who sent it (pass --receivable)");
        }
        let balance_before = if is_open {
            Some(Amount::ZERO)
        } else {
            state.account.map(|a| a.balance)
        };
        let amount = match &block.body {
            BlockBody::Send { amount, .. } => Some(*amount),
            BlockBody::Receive { .. } | BlockBody::Open { .. } => state
                .receivable
                .map(|r| r.amount)
                .or(if is_open { Some(block.balance) } else { None }),
            BlockBody::Change { .. } => None,
        };
        Review {
            block: block.clone(),
            hash: block.hash(),
            balance_before,
            amount,
            sender: state.receivable.map(|r| r.sender),
            old_representative: match block.body {
                BlockBody::Change { .. } => state.account.map(|a| a.representative),
                _ => None,
            },
            unchecked,
        }
    }
}

/// The proof-of-work job for a block: its target and its network's threshold at its time.
/// Refuses a block that breaks its own rules, since no node would accept its transaction.
pub fn work_job(block: &Block, now_ms: i64) -> Result<Job, WorkJobError> {
    if let Some(violation) = block.rule_violations(now_ms).into_iter().next() {
        return Err(WorkJobError::Rule(violation));
    }
    let threshold = threshold(block.network, block.timestamp).map_err(WorkJobError::Threshold)?;
    Ok(Job {
        target: block.work_target(),
        threshold,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WorkJobError {
    #[error("{0}; nodes would reject this block, so it gets no proof of work")]
    Rule(RuleViolation),
    #[error("{0}; no proof of work can be valid for this block")]
    Threshold(Error),
}

/// Attaches a signature to a document (a block, or a block with its work).
pub fn with_signature(doc: Document, signature: Signature) -> Document {
    let work = doc.work();
    Document::assemble(doc.block().clone(), Some(signature), work)
}

/// A finished transaction from a signed block and its nonce.
pub fn finish(block: Block, signature: Signature, nonce: u64) -> Transaction {
    Transaction {
        block,
        signature,
        work: Work::from_nonce(nonce),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Algorithm, GENESIS_MS};

    fn account() -> Account {
        Account {
            public_key: PublicKey([1; 32]),
            network: Network::Local,
            version: 0,
            algorithm: Algorithm::V1,
            height: 7,
            balance: Amount(10_000),
            last_hash: Hash([7; 32]),
            last_timestamp: GENESIS_MS + 1_000,
            representative_algorithm: Algorithm::V1,
            representative: PublicKey([5; 32]),
        }
    }

    fn receivable() -> Receivable {
        Receivable {
            network: None,
            hash: Hash([3; 32]),
            version: 0,
            algorithm: Algorithm::V1,
            sender: PublicKey([2; 32]),
            timestamp: GENESIS_MS + 500,
            receiver_algorithm: Algorithm::V1,
            receiver: PublicKey([1; 32]),
            amount: Amount(250),
        }
    }

    const NOW: i64 = GENESIS_MS + 10_000;

    #[test]
    fn send_carries_the_chain() {
        let a = account();
        let to = PublicKey([9; 32]).address();
        let request = Request::Send {
            receiver: to,
            amount: Spend::Exact(Amount(400)),
        };
        let block = build(Some(&a), &request, NOW, NOW).unwrap();
        assert_eq!(block.height(), 8);
        assert_eq!(block.previous(), Some(a.last_hash));
        assert_eq!(block.balance, Amount(9_600));
        let next = Account::after(Some(&a), &block);
        assert_eq!(next.height, 8);
        assert_eq!(next.last_hash, block.hash());
        assert_eq!(next.representative, a.representative);
    }

    #[test]
    fn nothing_follows_the_last_height() {
        let mut a = account();
        a.height = u64::MAX;
        let request = Request::Send {
            receiver: PublicKey([9; 32]).address(),
            amount: Spend::Exact(Amount(400)),
        };
        let Err(BuildError::Ledger(e)) = build(Some(&a), &request, NOW, NOW) else {
            panic!("built a block after height u64::MAX");
        };
        assert_eq!(e, LedgerError::LastHeight { height: u64::MAX });
        assert_eq!(e.rule(), "height");
        // A block built elsewhere at that height is refused by the rules too.
        a.height = u64::MAX - 1;
        let mut block = build(Some(&a), &request, NOW, NOW).unwrap();
        assert_eq!(block.height(), u64::MAX);
        a.height = u64::MAX;
        block.timestamp = NOW;
        let state = rules::State {
            account: Some(&a),
            receivable: None,
        };
        assert!(
            rules::violations(&block, state, NOW)
                .contains(&LedgerError::LastHeight { height: u64::MAX })
        );
    }

    /// Regression: a RECEIVE whose balance is not above the account's was signed when no
    /// receivable was given, and `verify --account` passed it; no receivable is ever zero.
    #[test]
    fn a_receive_never_lowers_or_keeps_the_balance() {
        let a = account();
        let r = receivable();
        let block = build(
            Some(&a),
            &Request::Receive {
                receivable: r.clone(),
            },
            NOW,
            NOW,
        )
        .unwrap();
        assert_eq!(block.balance, Amount(10_250));
        let without_receivable = |balance| {
            let mut b = block.clone();
            b.balance = Amount(balance);
            let state = rules::State {
                account: Some(&a),
                receivable: None,
            };
            rules::violations(&b, state, NOW)
        };
        assert!(without_receivable(10_250).is_empty());
        assert!(
            without_receivable(10_001).is_empty(),
            "the amount needs the receivable"
        );
        for balance in [10_000, 1] {
            let v = without_receivable(balance);
            assert_eq!(
                v,
                [LedgerError::ReceiveNotAbove {
                    balance: Amount(balance),
                    before: Amount(10_000),
                }],
                "{balance}"
            );
            assert_eq!(v[0].rule(), "balance");
        }
        // With the receivable, its exact rule speaks instead (the advice to pass it would be
        // wrong there).
        let mut lowered = block.clone();
        lowered.balance = Amount(10_000);
        let state = rules::State {
            account: Some(&a),
            receivable: Some(&r),
        };
        assert_eq!(
            rules::violations(&lowered, state, NOW),
            [LedgerError::Balance {
                balance: Amount(10_000),
                expected: Amount(10_250),
            }]
        );
        // A receivable of 0 (none exists) is refused, not taken as adding nothing.
        let mut zero = r.clone();
        zero.amount = Amount(0);
        let state = rules::State {
            account: Some(&a),
            receivable: Some(&zero),
        };
        let v = rules::violations(&lowered, state, NOW);
        assert!(v.contains(&LedgerError::ZeroReceivable), "{v:?}");
        assert_eq!(LedgerError::ZeroReceivable.rule(), "receivable");
        // A zero balance breaks the block's own rule too.
        assert!(
            without_receivable(0).contains(&LedgerError::ReceiveNotAbove {
                balance: Amount(0),
                before: Amount(10_000),
            })
        );
    }

    /// Regression: a state already past the block's height (the block published in it) was
    /// said to be out of date: "fetch it again".
    #[test]
    fn a_wrong_height_says_which_side_the_state_is_on() {
        let past = LedgerError::Height {
            height: 6,
            expected: 9,
        }
        .to_string();
        assert!(
            past.contains("already past") && !past.contains("fetch it again"),
            "{past}"
        );
        let behind = LedgerError::Height {
            height: 9,
            expected: 6,
        }
        .to_string();
        assert!(
            behind.contains("not the account's latest: fetch it again"),
            "{behind}"
        );
        // A state past the block says only that: the other rules would repeat it wrongly.
        let a = account();
        let to = PublicKey([9; 32]).address();
        let request = Request::Send {
            receiver: to,
            amount: Spend::Exact(Amount(400)),
        };
        let block = build(Some(&a), &request, NOW, NOW).unwrap();
        let later = Account::after(Some(&a), &block);
        let state = rules::State {
            account: Some(&later),
            receivable: None,
        };
        assert_eq!(
            rules::violations(&block, state, NOW),
            [LedgerError::Height {
                height: 8,
                expected: 9
            }]
        );
        // With a receivable too: its exact balance check would blame the build.
        let r = receivable();
        let receive = build(
            Some(&a),
            &Request::Receive {
                receivable: r.clone(),
            },
            NOW,
            NOW,
        )
        .unwrap();
        let later = Account::after(Some(&a), &block);
        let state = rules::State {
            account: Some(&later),
            receivable: Some(&r),
        };
        assert_eq!(
            rules::violations(&receive, state, NOW),
            [LedgerError::Height {
                height: 8,
                expected: 9
            }]
        );
    }

    #[test]
    fn each_refusal_names_its_rule() {
        let a = account();
        let to = PublicKey([9; 32]).address();
        let send = |amount, ts| {
            build(
                Some(&a),
                &Request::Send {
                    receiver: to,
                    amount,
                },
                ts,
                NOW,
            )
            .unwrap_err()
        };
        let rule = |e: BuildError| match e {
            BuildError::Ledger(l) => l.rule(),
            other => panic!("{other}"),
        };
        assert_eq!(rule(send(Spend::Exact(Amount(10_001)), NOW)), "balance");
        assert_eq!(rule(send(Spend::Exact(Amount(0)), NOW)), "amount");
        assert_eq!(
            rule(send(Spend::Exact(Amount(1)), a.last_timestamp)),
            "timestamp"
        );
        assert_eq!(
            rule(send(Spend::Exact(Amount(1)), NOW + 60_001)),
            "timestamp"
        );
        let to_self = build(
            Some(&a),
            &Request::Send {
                receiver: a.public_key.address(),
                amount: Spend::Exact(Amount(1)),
            },
            NOW,
            NOW,
        )
        .unwrap_err();
        assert_eq!(rule(to_self), "receiver");
        let same_rep = build(
            Some(&a),
            &Request::Change {
                representative: a.representative.address(),
            },
            NOW,
            NOW,
        )
        .unwrap_err();
        assert_eq!(rule(same_rep), "representative");
        let mut foreign = receivable();
        foreign.receiver = PublicKey([8; 32]);
        let e = build(
            Some(&a),
            &Request::Receive {
                receivable: foreign,
            },
            NOW,
            NOW,
        )
        .unwrap_err();
        assert_eq!(rule(e), "receivable");
        let mut late = receivable();
        late.timestamp = NOW;
        let e = build(Some(&a), &Request::Receive { receivable: late }, NOW, NOW).unwrap_err();
        assert_eq!(rule(e), "timestamp");
        let e = build(
            None,
            &Request::Receive {
                receivable: receivable(),
            },
            NOW,
            NOW,
        )
        .unwrap_err();
        assert!(matches!(
            e,
            BuildError::Ledger(LedgerError::NotOpened { .. })
        ));
    }

    #[test]
    fn open_takes_network_from_receivable_or_flag() {
        let request = |network| Request::Open {
            receivable: receivable(),
            representative: PublicKey([5; 32]).address(),
            network,
        };
        assert_eq!(
            build(None, &request(None), NOW, NOW),
            Err(BuildError::NoNetwork)
        );
        let block = build(None, &request(Some(Network::Dev)), NOW, NOW).unwrap();
        assert_eq!((block.network, block.balance), (Network::Dev, Amount(250)));
        let review = Review::new(
            &block,
            State {
                account: None,
                receivable: Some(&receivable()),
            },
        );
        assert_eq!(review.balance_before, Some(Amount::ZERO));
        assert_eq!(review.amount, Some(Amount(250)));
        assert!(review.unchecked.is_empty());
    }

    #[test]
    fn send_all_empties_the_account() {
        let a = account();
        let request = Request::Send {
            receiver: PublicKey([9; 32]).address(),
            amount: Spend::All,
        };
        let block = build(Some(&a), &request, NOW, NOW).unwrap();
        assert_eq!(block.balance, Amount::ZERO);
        let mut empty = a.clone();
        empty.balance = Amount::ZERO;
        assert_eq!(
            build(Some(&empty), &request, NOW, NOW),
            Err(BuildError::NothingToSend)
        );
    }

    #[test]
    fn receive_version_is_the_larger() {
        let a = account();
        let mut r = receivable();
        r.version = 0;
        let block = build(Some(&a), &Request::Receive { receivable: r }, NOW, NOW).unwrap();
        assert_eq!(block.balance, Amount(10_250));
        assert_eq!(block.version, 0);
    }
}
