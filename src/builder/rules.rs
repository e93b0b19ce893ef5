//! The ledger rules: what a node checks about a block against the account's state and the
//! receivable it claims, beyond the block's own rules. attosign checks every one the given
//! state lets it check before anything is signed, and `verify --account` checks them again.

use crate::protocol::{
    Account, Amount, Block, BlockBody, BlockType, GENESIS_MS, Hash, Network, PublicKey, Receivable,
    RuleViolation, format_rfc3339,
};

/// How far ahead of the node's clock a timestamp may be.
pub const MAX_AHEAD_MS: i64 = 60_000;

/// A ledger rule the block breaks, with the two values that disagree.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    #[error("{0}")]
    Block(RuleViolation),
    #[error(
        "the block is for {block}, the account is on {account}. Fetch the state from a \
         {block} node, or build for {account}"
    )]
    Network { block: Network, account: Network },
    #[error(
        "the block is for {}, the state file is for {}. Pass the state of the \
         block's account",
        block.address(), account.address()
    )]
    WrongAccount {
        block: PublicKey,
        account: PublicKey,
    },
    #[error(
        "the block's version {version} is below the account's {account}; nodes refuse \
         a version going back"
    )]
    Version { version: u16, account: u16 },
    #[error(
        "the block is at height {height}, the account's next height is {expected}. {}",
        height_hint(*height, *expected)
    )]
    Height { height: u64, expected: u64 },
    #[error(
        "the account's state is at height {height}, the highest there is: no block can follow \
         it. The state file is damaged or not the account's: fetch it again"
    )]
    LastHeight { height: u64 },
    #[error(
        "the block follows {previous}, the account's last block is {expected}. The \
         state file is not the account's latest: fetch it again"
    )]
    Previous { previous: Hash, expected: Hash },
    #[error(
        "{} is not after the account's last transaction ({}). Check this machine's \
         clock, or pass --timestamp",
        format_rfc3339(*timestamp), format_rfc3339(*last)
    )]
    NotAfterAccount { timestamp: i64, last: i64 },
    #[error(
        "{} is not after the receivable's ({}). Check this machine's clock, or pass \
         --timestamp",
        format_rfc3339(*timestamp), format_rfc3339(*receivable)
    )]
    NotAfterReceivable { timestamp: i64, receivable: i64 },
    #[error(
        "{timestamp} ms is before the network started ({GENESIS_MS}, \
         2024-01-01T00:00:00Z). Check this machine's clock, or pass --timestamp"
    )]
    BeforeGenesis { timestamp: i64 },
    #[error(
        "the account holds {} atto, the SEND needs {} atto ({} atto more than there \
         is). Send less, or receive first",
        balance.to_atto_string(), amount.to_atto_string(),
        Amount(amount.0 - balance.0).to_atto_string()
    )]
    InsufficientBalance { balance: Amount, amount: Amount },
    #[error(
        "{} atto plus {} atto is more than the maximum supply. The state or the \
         receivable is wrong: fetch them again",
        balance.to_atto_string(), amount.to_atto_string()
    )]
    BalanceOverflow { balance: Amount, amount: Amount },
    #[error(
        "the block's balance is {} raw, but the state and amount give {} raw. Build \
         the block again from the same state",
        balance.0, expected.0
    )]
    Balance { balance: Amount, expected: Amount },
    #[error(
        "the RECEIVE's balance is {} raw, but the account already holds {} raw: a RECEIVE \
         adds what it receives, so its balance must be higher. Build the block again from \
         the same state (and pass the receivable, --receivable, to check the amount)",
        balance.0, before.0
    )]
    ReceiveNotAbove { balance: Amount, before: Amount },
    #[error(
        "the receivable's amount is 0, and no SEND pays nothing: it is not a receivable the \
         network holds. Fetch the receivables again"
    )]
    ZeroReceivable,
    #[error(
        "the receivable pays {}, not this account {}. Pass a receivable of this account",
        receiver.address(), account.address()
    )]
    NotOurReceivable {
        receiver: PublicKey,
        account: PublicKey,
    },
    #[error(
        "the block receives {send_hash}, the receivable file is {receivable}. Pass \
         the receivable the block was built from"
    )]
    ReceivableHash { send_hash: Hash, receivable: Hash },
    #[error(
        "the receivable is on {receivable}, the account on {account}. Fetch the receivables \
         from the account's network"
    )]
    ReceivableNetwork {
        receivable: Network,
        account: Network,
    },
    #[error(
        "the account's representative is already {}; a CHANGE must name a \
         different one",
        representative.address()
    )]
    SameRepresentative { representative: PublicKey },
    #[error(
        "{} has not been opened yet (no state, or height 0); receive its first \
         payment with attosign open",
        account.map_or_else(|| "the account".to_string(), |a| a.address().to_string())
    )]
    /// `account`: `None` when no state names it (an empty or `null` account file) and the
    /// request does not either.
    NotOpened { account: Option<PublicKey> },
    #[error(
        "{} is already open (height {height}); an OPEN is only for a new account. Use \
         attosign receive",
        account.address()
    )]
    AlreadyOpened { account: PublicKey, height: u64 },
    #[error(
        "a {block} block cannot follow this state (an OPEN needs an account that \
         does not exist yet; other blocks need its state)"
    )]
    WrongType { block: BlockType },
    #[error(
        "the chain receives {send_hash} twice; a receivable is received once. Build the \
         chain again"
    )]
    ReceivedTwice { send_hash: Hash },
    #[error(
        "{send_hash} was already received at height {height} (block {block}, signed by \
         attosign); a receivable is received once, and a node refuses it again. Fetch the \
         account's receivables and state again"
    )]
    AlreadyReceived {
        send_hash: Hash,
        height: u64,
        block: Hash,
    },
}

/// What a wrong height says about the state: older than the block, or already past it
/// (regression: a state that holds the block, given to `verify`, was called out of date).
fn height_hint(height: u64, expected: u64) -> &'static str {
    if height < expected {
        "The state is already past that height: the account holds a block there (this one, \
         if it was published), so no block at that height can follow this state"
    } else {
        "The state file is not the account's latest: fetch it again"
    }
}

impl LedgerError {
    /// A short stable name of the rule, for `--json` and tests.
    pub fn rule(&self) -> &'static str {
        match self {
            LedgerError::Block(v) => match v {
                RuleViolation::Version(_) => "version",
                RuleViolation::Height(_) => "height",
                RuleViolation::ZeroAmount => "amount",
                RuleViolation::SendToSelf => "receiver",
                RuleViolation::ZeroBalance(_) => "balance",
                RuleViolation::InFuture { .. } => "timestamp",
            },
            LedgerError::Network { .. } => "network",
            LedgerError::WrongAccount { .. } => "account",
            LedgerError::Version { .. } => "version",
            LedgerError::Height { .. } | LedgerError::LastHeight { .. } => "height",
            LedgerError::Previous { .. } => "previous",
            LedgerError::NotAfterAccount { .. }
            | LedgerError::NotAfterReceivable { .. }
            | LedgerError::BeforeGenesis { .. } => "timestamp",
            LedgerError::InsufficientBalance { .. }
            | LedgerError::BalanceOverflow { .. }
            | LedgerError::Balance { .. }
            | LedgerError::ReceiveNotAbove { .. } => "balance",
            LedgerError::NotOurReceivable { .. }
            | LedgerError::ReceivableHash { .. }
            | LedgerError::ReceivableNetwork { .. }
            | LedgerError::ReceivedTwice { .. }
            | LedgerError::ZeroReceivable
            | LedgerError::AlreadyReceived { .. } => "receivable",
            LedgerError::SameRepresentative { .. } => "representative",
            LedgerError::NotOpened { .. } | LedgerError::AlreadyOpened { .. } => "account",
            LedgerError::WrongType { .. } => "type",
        }
    }
}

/// What the block is checked against: the account before it (none for an OPEN) and, for
/// RECEIVE and OPEN, the receivable it claims.
#[derive(Debug, Clone, Copy, Default)]
pub struct State<'a> {
    pub account: Option<&'a Account>,
    pub receivable: Option<&'a Receivable>,
}

/// Every ledger rule `block` breaks against `state`, with the block's own rules first.
/// `now_ms` is this machine's clock, for the one-minute limit.
pub fn violations(block: &Block, state: State, now_ms: i64) -> Vec<LedgerError> {
    let mut out: Vec<LedgerError> = block
        .rule_violations(now_ms)
        .into_iter()
        .map(LedgerError::Block)
        .collect();
    if block.timestamp < GENESIS_MS {
        out.push(LedgerError::BeforeGenesis {
            timestamp: block.timestamp,
        });
    }
    if let Some(account) = state.account {
        account_rules(block, account, state.receivable.is_some(), &mut out);
    }
    // A state already past the block says all there is (its receivable's exact balance
    // check would only repeat it, blaming the build).
    let past = state.account.is_some_and(|a| {
        a.height
            .checked_add(1)
            .is_some_and(|next| block.height() < next)
    });
    if let Some(receivable) = state.receivable.filter(|_| !past) {
        receivable_rules(block, receivable, state.account, &mut out);
    }
    out
}

/// The first rule `block` breaks, if any.
pub fn check(block: &Block, state: State, now_ms: i64) -> Result<(), LedgerError> {
    match violations(block, state, now_ms).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Checks a chain of blocks built elsewhere (`sign` of NDJSON), each block against the state
/// the one before leaves. `account` is the state before the first block, when known (an OPEN
/// has none); without it the first block is checked on its own and the rest against what the
/// blocks before them say. `receivable(i, send_hash)` gives the receivable a RECEIVE or OPEN
/// at position i claims, when known. A failure names the block's position (0-based).
/// `hashes` are the blocks' hashes, in order.
pub fn check_chain<'r>(
    blocks: &[Block],
    hashes: &[Hash],
    account: Option<&Account>,
    receivable: impl Fn(usize, &Hash) -> Option<&'r Receivable>,
    now_ms: i64,
) -> Result<(), (usize, LedgerError)> {
    assert_eq!(blocks.len(), hashes.len(), "one hash per block");
    let Some(first) = blocks.first() else {
        return Ok(());
    };
    // Before the first block the representative is known only from a state or an OPEN; a
    // CHANGE later in a chain whose start is unknown cannot be checked against it.
    let mut representative_known = account.is_some() || first.block_type() == BlockType::Open;
    let mut state: Option<Account> = account.cloned();
    let mut received: Vec<Hash> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let send_hash = match &block.body {
            BlockBody::Receive { send_hash, .. } | BlockBody::Open { send_hash, .. } => {
                Some(*send_hash)
            }
            _ => None,
        };
        if let Some(hash) = send_hash {
            if received.contains(&hash) {
                return Err((i, LedgerError::ReceivedTwice { send_hash: hash }));
            }
            received.push(hash);
        }
        let receivable = send_hash.and_then(|h| receivable(i, &h));
        let violations = violations(
            block,
            State {
                account: state.as_ref(),
                receivable,
            },
            now_ms,
        );
        if let Some(e) = violations
            .into_iter()
            .find(|e| representative_known || !matches!(e, LedgerError::SameRepresentative { .. }))
        {
            return Err((i, e));
        }
        if matches!(
            block.body,
            BlockBody::Open { .. } | BlockBody::Change { .. }
        ) {
            representative_known = true;
        }
        state = Some(Account::after_hashed(state.as_ref(), block, hashes[i]));
    }
    Ok(())
}

/// `receivable_known`: the receivable a RECEIVE claims is given, so its rules check the
/// balance exactly and the weaker check here is left to them.
fn account_rules(
    block: &Block,
    account: &Account,
    receivable_known: bool,
    out: &mut Vec<LedgerError>,
) {
    if block.block_type() == BlockType::Open {
        out.push(LedgerError::WrongType {
            block: BlockType::Open,
        });
        return;
    }
    if block.public_key != account.public_key {
        out.push(LedgerError::WrongAccount {
            block: block.public_key,
            account: account.public_key,
        });
        return;
    }
    if block.network != account.network {
        out.push(LedgerError::Network {
            block: block.network,
            account: account.network,
        });
    }
    if block.version < account.version {
        out.push(LedgerError::Version {
            version: block.version,
            account: account.version,
        });
    }
    match account.height.checked_add(1) {
        Some(expected) if block.height() == expected => {}
        // A state already past the block: every other rule would only repeat it (regression:
        // "previous" then said the state was out of date, and "timestamp" blamed the clock).
        Some(expected) if block.height() < expected => {
            out.push(LedgerError::Height {
                height: block.height(),
                expected,
            });
            return;
        }
        Some(expected) => out.push(LedgerError::Height {
            height: block.height(),
            expected,
        }),
        None => out.push(LedgerError::LastHeight {
            height: account.height,
        }),
    }
    if let Some(previous) = block.previous()
        && previous != account.last_hash
    {
        out.push(LedgerError::Previous {
            previous,
            expected: account.last_hash,
        });
    }
    if block.timestamp <= account.last_timestamp {
        out.push(LedgerError::NotAfterAccount {
            timestamp: block.timestamp,
            last: account.last_timestamp,
        });
    }
    match &block.body {
        BlockBody::Send { amount, .. } => match account.balance.0.checked_sub(amount.0) {
            None => out.push(LedgerError::InsufficientBalance {
                balance: account.balance,
                amount: *amount,
            }),
            Some(rest) if rest != block.balance.0 => out.push(LedgerError::Balance {
                balance: block.balance,
                expected: Amount(rest),
            }),
            Some(_) => {}
        },
        BlockBody::Change { representative, .. } => {
            if *representative == account.representative {
                out.push(LedgerError::SameRepresentative {
                    representative: *representative,
                });
            }
            if block.balance != account.balance {
                out.push(LedgerError::Balance {
                    balance: block.balance,
                    expected: account.balance,
                });
            }
        }
        // A receivable's amount is never zero (a SEND of nothing breaks a rule), so a
        // RECEIVE's balance is above the account's; its exact value needs the receivable.
        // Regression: without --receivable, a RECEIVE lowering the balance was signed and
        // passed `verify --account`.
        BlockBody::Receive { .. } => {
            if !receivable_known && block.balance.0 <= account.balance.0 {
                out.push(LedgerError::ReceiveNotAbove {
                    balance: block.balance,
                    before: account.balance,
                });
            }
        }
        BlockBody::Open { .. } => {}
    }
}

fn receivable_rules(
    block: &Block,
    receivable: &Receivable,
    account: Option<&Account>,
    out: &mut Vec<LedgerError>,
) {
    let send_hash = match &block.body {
        BlockBody::Receive { send_hash, .. } | BlockBody::Open { send_hash, .. } => *send_hash,
        _ => return,
    };
    if receivable.receiver != block.public_key {
        out.push(LedgerError::NotOurReceivable {
            receiver: receivable.receiver,
            account: block.public_key,
        });
    }
    if send_hash != receivable.hash {
        out.push(LedgerError::ReceivableHash {
            send_hash,
            receivable: receivable.hash,
        });
    }
    if let Some(network) = receivable.network
        && network != block.network
    {
        out.push(LedgerError::ReceivableNetwork {
            receivable: network,
            account: block.network,
        });
    }
    // No SEND pays nothing, so no receivable is of 0 (regression: with one of 0 given, a
    // RECEIVE that adds nothing passed the exact balance check).
    if receivable.amount.0 == 0 {
        out.push(LedgerError::ZeroReceivable);
    }
    if block.timestamp <= receivable.timestamp {
        out.push(LedgerError::NotAfterReceivable {
            timestamp: block.timestamp,
            receivable: receivable.timestamp,
        });
    }
    let before = match (block.block_type(), account) {
        (BlockType::Open, _) => Amount::ZERO,
        (_, Some(account)) => account.balance,
        // A RECEIVE checked without the account's state: its balance cannot be checked.
        (_, None) => return,
    };
    match before.0.checked_add(receivable.amount.0) {
        Some(sum) if sum <= Amount::MAX.0 => {
            if block.balance.0 != sum {
                out.push(LedgerError::Balance {
                    balance: block.balance,
                    expected: Amount(sum),
                });
            }
        }
        _ => out.push(LedgerError::BalanceOverflow {
            balance: before,
            amount: receivable.amount,
        }),
    }
}
