//! Why the journal refused: each variant names the fact and carries what the CLI needs to
//! word it (what was signed before: height, hash, when, intent).

use super::BlockEntry;
use crate::protocol::{Hash, PublicKey};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JournalError {
    #[error("there is no journal at {path}")]
    Missing { path: PathBuf },
    #[error("{path} already exists; a new journal is never written over an old one")]
    Exists { path: PathBuf },
    #[error("the journal {path} is damaged at line {line}: {reason}")]
    Damaged {
        path: PathBuf,
        line: u64,
        reason: String,
    },
    /// A different block is already signed at this (account, height), or the identical block
    /// under another intent.
    #[error(
        "height {} of {} is already signed (block {})",
        existing.height,
        existing.account.address(),
        existing.hash
    )]
    HeightSigned {
        existing: Box<BlockEntry>,
        /// The block that was refused.
        hash: Hash,
        intent: Option<String>,
    },
    /// The intent was used by a different request, or by a block that was voided.
    #[error("intent {intent:?} was already used (block {})", existing.hash)]
    IntentReused {
        intent: String,
        existing: Box<BlockEntry>,
    },
    /// `Done`, `Void` or `Published` for a block that has no live entry.
    #[error("block {hash} (height {height} of {}) is not a live journal entry", account.address())]
    NotJournaled {
        account: PublicKey,
        height: u64,
        hash: Hash,
    },
    /// A void for a block with live blocks above it (the highest is `above`).
    #[error(
        "height {height} of {} has live blocks above it (up to height {}); void from the \
         highest height down",
        above.account.address(),
        above.height
    )]
    LiveAbove { height: u64, above: Box<BlockEntry> },
    #[error("the transaction of block {hash} does not carry a valid signature")]
    BadSignature { hash: Hash },
    #[error("a change record's detail must be a JSON object")]
    BadChange,
    /// An older copy of the journal: it holds fewer lines than a head of it (`head`: the one
    /// beside it, or the one beside the keystore) says it had, or another line at that count.
    #[error("the journal {path} holds {lines} lines, but it had {head_lines} (an older copy)")]
    RolledBack {
        path: PathBuf,
        head: PathBuf,
        lines: u64,
        head_lines: u64,
    },
    /// The file at the path is no longer the one that was read (it was moved or replaced).
    #[error("the journal {path} was replaced while attosign was running")]
    Replaced { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl JournalError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> JournalError {
        JournalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
