//! The signing journal: what was signed, so that no retry, second terminal or parallel script
//! can sign a different block at a height already signed, or pay an intent twice.
//!
//! One JSON object per line, appended and fsynced, each line carrying its number (`seq`) and
//! the SHA-256 of the line before (`prev`), so an edit, deletion or reordering anywhere is
//! found. The first line names the journal (`id`, 16 random bytes). A last line without its
//! newline, or one that does not parse, is what a power loss mid-append leaves: nothing was
//! signed for it (attosign signs only after the fsync of complete lines), so it is ignored and,
//! under the lock, cut off. Any other damage refuses everything (fail closed).
//!
//! Reading needs no lock ([`Journal::open`], a snapshot for the early checks); appending
//! happens under an exclusive advisory lock ([`Journal::lock`]), taken only after the operator
//! confirmed, which first reads whatever other processes appended since the snapshot.
//! [`Locked::append`] enforces the journal's rules itself, so no caller can break them.

mod error;
mod file;
mod head;
mod record;

pub use error::JournalError;
pub use record::{Record, format_time, parse_time};

use crate::protocol::{Block, BlockBody, Hash, PublicKey, Transaction, encode_hex};
use data_encoding::HEXUPPER;
use file::End;
use record::Line;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A journal's identity: 16 random bytes chosen when it was created, written as 32 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct JournalId(pub [u8; 16]);

impl fmt::Display for JournalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&encode_hex(&self.0))
    }
}

impl fmt::Debug for JournalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JournalId({self})")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a journal id is 32 hex digits")]
pub struct BadJournalId;

impl FromStr for JournalId {
    type Err = BadJournalId;
    fn from_str(text: &str) -> Result<JournalId, BadJournalId> {
        record::hex_array::<16>(text, "id")
            .map(JournalId)
            .map_err(|_| BadJournalId)
    }
}

/// Where a journaled block stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum State {
    /// Journaled and (about to be) signed; no finished transaction yet.
    Signed,
    /// Its transaction (signature and work) is in the journal.
    Done,
    /// A later account state contained it.
    Published,
    /// Voided: its height is free again; its intent stays used.
    Void,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Signed => "signed",
            State::Done => "done",
            State::Published => "published",
            State::Void => "void",
        }
    }
}

/// A journaled block and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockEntry {
    /// Its line in the journal file (1-based).
    pub line: u64,
    pub account: PublicKey,
    pub height: u64,
    pub hash: Hash,
    pub block: Block,
    pub intent: Option<String>,
    pub request: [u8; 32],
    pub file: Option<[u8; 32]>,
    /// Signing time, epoch milliseconds.
    pub time_ms: i64,
    /// When its finished transaction was journaled (its signature released), epoch
    /// milliseconds: later than `time_ms` for a run killed after journaling its blocks and
    /// resumed.
    pub done_ms: Option<i64>,
    pub state: State,
    /// The finished transaction, once done (boxed: most entries of a long journal have none,
    /// and a million entries would otherwise each hold its room).
    pub transaction: Option<Box<Transaction>>,
}

impl BlockEntry {
    /// The `journal list --json` object (DESIGN.md §3).
    pub fn to_list_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": "block",
            "account": self.account.address().to_string(),
            "height": self.height.to_string(),
            "hash": self.hash.to_hex(),
            "intent": self.intent,
            "state": self.state.name(),
            "time": format_time(self.time_ms),
        })
    }
}

/// An address-book, policy or journal change.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEntry {
    pub line: u64,
    /// `book`, `policy`, `journal` or `keystore` (replaced with `keys import|new --force`).
    pub what: String,
    pub detail: serde_json::Value,
    pub time_ms: i64,
}

impl ChangeEntry {
    /// The `journal list --json` object: the change's own kind, its detail and time.
    pub fn to_list_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.what,
            "detail": self.detail,
            "time": format_time(self.time_ms),
        })
    }
}

/// A `void` or `published` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkEntry {
    pub line: u64,
    /// `State::Void` or `State::Published`.
    pub state: State,
    pub account: PublicKey,
    pub height: u64,
    pub hash: Hash,
    pub time_ms: i64,
}

impl MarkEntry {
    pub fn to_list_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.state.name(),
            "account": self.account.address().to_string(),
            "height": self.height.to_string(),
            "hash": self.hash.to_hex(),
            "time": format_time(self.time_ms),
        })
    }
}

/// One row of `journal list`, in journal order.
#[derive(Debug, Clone, Copy)]
pub enum Listed<'a> {
    Block(&'a BlockEntry),
    Void(&'a MarkEntry),
    Change(&'a ChangeEntry),
}

impl Listed<'_> {
    pub fn line(&self) -> u64 {
        match self {
            Listed::Block(e) => e.line,
            Listed::Void(m) => m.line,
            Listed::Change(c) => c.line,
        }
    }

    pub fn to_list_json(&self) -> serde_json::Value {
        match self {
            Listed::Block(e) => e.to_list_json(),
            Listed::Void(m) => m.to_list_json(),
            Listed::Change(c) => c.to_list_json(),
        }
    }
}

#[derive(Debug, Clone)]
struct IntentUse {
    request: [u8; 32],
    /// The first entry with this intent.
    first: usize,
    voided: bool,
}

/// The journal as read: verified and indexed. Reading takes no lock; see [`Journal::lock`].
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    id: JournalId,
    created_ms: i64,
    /// (device, inode) of the file read, to notice a replaced journal.
    identity: (u64, u64),
    /// Bytes of verified complete lines.
    len: u64,
    /// Number of verified lines.
    lines: u64,
    /// SHA-256 of the last verified line, and where that line starts.
    last: [u8; 32],
    last_start: u64,
    torn: Option<u64>,
    entries: Vec<BlockEntry>,
    marks: Vec<MarkEntry>,
    changes: Vec<ChangeEntry>,
    /// The live (non-void) entry of each (account, height).
    /// (foldhash, seeded at random per process: several times faster than SipHash here.)
    live: HashMap<(PublicKey, u64), usize, foldhash::fast::RandomState>,
    intents: HashMap<String, IntentUse>,
    /// The first entry under each [`crate::text::intent_key`]: what the intents look like.
    intent_keys: HashMap<String, usize>,
    /// While opening: the head beside the journal, and whether its line was found as it says.
    expect: Option<head::Head>,
    expect_seen: Option<bool>,
    /// A second head file this journal's head is also written to ([`Journal::keep_head_also`]).
    also_head: Option<PathBuf>,
}

/// Whether an admitted record changed anything (an identical block or transaction again
/// does not, and is not written twice).
#[derive(PartialEq, Eq)]
enum Admit {
    Applied,
    Repeat,
}

impl Journal {
    /// Reads and verifies the whole journal and builds its indexes, without a lock.
    pub fn open(path: &Path) -> Result<Journal, JournalError> {
        let file = file::open(path, false)?;
        let mut journal = Journal {
            path: path.to_path_buf(),
            id: JournalId([0; 16]),
            created_ms: 0,
            identity: file::identity(&file, path)?,
            len: 0,
            lines: 0,
            last: [0; 32],
            last_start: 0,
            torn: None,
            entries: Vec::new(),
            marks: Vec::new(),
            changes: Vec::new(),
            live: HashMap::default(),
            intents: HashMap::new(),
            intent_keys: HashMap::new(),
            expect: head::read(path),
            expect_seen: None,
            also_head: None,
        };
        journal.read_from(&file)?;
        if journal.lines == 0 {
            return Err(journal.damaged(
                1,
                "the file has no complete header line; it is not a journal, or it was cut short"
                    .into(),
            ));
        }
        // An older copy of this journal put back over it: fewer lines than it had, or
        // another line at the count it had. (A head of another journal is not this one's.)
        if let Some(expect) = journal.expect.take()
            && expect.id == journal.id
            && (expect.lines > journal.lines || journal.expect_seen == Some(false))
        {
            return Err(JournalError::RolledBack {
                path: path.to_path_buf(),
                head: head::path(path),
                lines: journal.lines,
                head_lines: expect.lines,
            });
        }
        Ok(journal)
    }

    /// Records the journal's head beside it (see `head`), and in the second head file if it
    /// keeps one.
    fn write_head(&self) {
        let now = head::Head {
            id: self.id,
            lines: self.lines,
            last: self.last,
        };
        head::write(&self.path, &now);
        if let Some(also) = &self.also_head {
            head::write_at(also.clone(), &now);
        }
    }

    /// Checks this journal against a second head of it kept elsewhere (beside the keystore,
    /// when `--journal` puts the journal at another path): a copy of the journal that lacks
    /// lines that head counts, or holds another last line at its count, is an older copy (a
    /// backup given as the journal), refused as [`JournalError::RolledBack`]. A head of
    /// another journal, or none, says nothing about this one.
    pub fn check_head(&self, head_file: &Path) -> Result<(), JournalError> {
        match head::read_at(head_file) {
            Some(h)
                if h.id == self.id
                    && (h.lines > self.lines || (h.lines == self.lines && h.last != self.last)) =>
            {
                Err(JournalError::RolledBack {
                    path: self.path.clone(),
                    head: head_file.to_path_buf(),
                    lines: self.lines,
                    head_lines: h.lines,
                })
            }
            _ => Ok(()),
        }
    }

    /// From now on also writes this journal's head to `head_file` after every append: when
    /// the file holds this journal's head or none, or, with `replace_other`, whatever it
    /// holds (the keystore signs with this journal now, and the head there was another's).
    pub fn keep_head_also(&mut self, head_file: PathBuf, replace_other: bool) {
        let ours_or_none = head::read_at(&head_file).is_none_or(|h| h.id == self.id);
        if ours_or_none || replace_other {
            self.also_head = Some(head_file);
        }
    }

    /// Creates a new journal with a fresh id; refuses if anything exists at `path`.
    pub fn create(path: &Path) -> Result<Journal, JournalError> {
        let mut id = [0u8; 16];
        getrandom::fill(&mut id)
            .map_err(|e| JournalError::io(path, std::io::Error::other(e.to_string())))?;
        let mut header = record::write_header(&id, now_ms());
        header.push('\n');
        file::create_new(path, header.as_bytes())?;
        // A head left by an earlier journal at this path is of another id: replaced.
        let _ = std::fs::remove_file(head::path(path));
        let journal = Journal::open(path)?;
        journal.write_head();
        Ok(journal)
    }

    pub fn id(&self) -> JournalId {
        self.id
    }

    /// The head this process last failed to write beside a journal (its path and the
    /// error), if it has not written it since: the rollback check is off for that journal
    /// until it is.
    pub fn head_unwritten() -> Option<(PathBuf, String)> {
        head::unwritten()
    }

    /// The journal id and line count a head file records, if it is a readable head: what is
    /// known of a journal that is gone.
    pub fn head_at(head_file: &Path) -> Option<(JournalId, u64)> {
        head::read_at(head_file).map(|h| (h.id, h.lines))
    }

    /// Where the head of the journal at `path` is kept (`<journal>.head`, beside the file a
    /// symlink points to).
    pub fn head_path(path: &Path) -> PathBuf {
        head::path(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// When the journal was created, epoch milliseconds.
    pub fn created_ms(&self) -> i64 {
        self.created_ms
    }

    /// The length in bytes of a torn last line that was ignored (and, once locked, removed).
    pub fn torn_tail(&self) -> Option<u64> {
        self.torn
    }

    /// The live (non-void) entry at this height of this account.
    pub fn live_at(&self, account: &PublicKey, height: u64) -> Option<&BlockEntry> {
        self.live
            .get(&(*account, height))
            .map(|&i| &self.entries[i])
    }

    /// The void line of this very block (account, height and hash), if it was voided.
    pub fn voided(&self, account: &PublicKey, height: u64, hash: &Hash) -> Option<&MarkEntry> {
        self.marks.iter().find(|m| {
            m.state == State::Void && m.account == *account && m.height == height && m.hash == *hash
        })
    }

    /// The voided entry of this very block (account, height and hash), if it was voided.
    pub fn voided_entry(
        &self,
        account: &PublicKey,
        height: u64,
        hash: &Hash,
    ) -> Option<&BlockEntry> {
        self.entries.iter().find(|e| {
            e.state == State::Void && e.account == *account && e.height == height && e.hash == *hash
        })
    }

    /// The highest live entry of this account above this height, if any.
    pub fn live_above(&self, account: &PublicKey, height: u64) -> Option<&BlockEntry> {
        self.live
            .iter()
            .filter(|((a, h), _)| a == account && *h > height)
            .max_by_key(|((_, h), _)| *h)
            .map(|(_, &i)| &self.entries[i])
    }

    /// The finished transaction journaled for this very block, if any: the first one, as a
    /// later `Done` for a block that has one is not applied. Two processes that resumed the
    /// same run may each grind the block's work; both then print this one.
    pub fn finished(&self, block: &Block) -> Option<&Transaction> {
        self.live_at(&block.public_key, block.height())
            .filter(|entry| entry.block == *block)
            .and_then(|entry| entry.transaction.as_deref())
    }

    /// The (first) entry journaled under this intent; voided entries keep their intent. An
    /// intent journaled before look-alikes were refused (`café` with a combining accent, a
    /// no-break space) is found by the intent it looks like. Regression: such an intent was
    /// another intent than the one it looks like, so its payment was made again under it.
    pub fn by_intent(&self, intent: &str) -> Option<&BlockEntry> {
        match self.intents.get(intent) {
            Some(used) => Some(&self.entries[used.first]),
            None => self
                .intent_keys
                .get(&crate::text::intent_key(intent))
                .map(|&i| &self.entries[i]),
        }
    }

    /// The live entries of a request, by account and height (to resume or replay it).
    pub fn by_request(&self, request: &[u8; 32]) -> Vec<&BlockEntry> {
        let mut out: Vec<&BlockEntry> = self
            .entries
            .iter()
            .filter(|e| e.request == *request && e.state != State::Void)
            .collect();
        out.sort_by_key(|e| (e.account, e.height));
        out
    }

    /// Every entry (void ones too) signed from this payout file.
    pub fn by_file(&self, file: &[u8; 32]) -> Vec<&BlockEntry> {
        self.entries
            .iter()
            .filter(|e| e.file.as_ref() == Some(file))
            .collect()
    }

    /// Block entries in journal order.
    pub fn entries(&self) -> impl Iterator<Item = &BlockEntry> {
        self.entries.iter()
    }

    /// The digest of the keystore's address book and policy the journal last recorded
    /// (`rules` in a change's detail, hex: written with every book, policy, journal and
    /// keystore change since 2026-12-07), with that change. A keystore whose own digest differs was put
    /// back from an older copy, or is another keystore, and would sign without the book and
    /// policy since.
    pub fn recorded_rules(&self) -> Option<([u8; 32], &ChangeEntry)> {
        // The last change with a `rules` field decides: `null` there (a failed keystore
        // replacement whose keystore's rules were never recorded) means unknown.
        let change = self
            .changes
            .iter()
            .rev()
            .find(|change| change.detail.get("rules").is_some())?;
        let hex = change.detail.get("rules")?.as_str()?;
        let digest = <[u8; 32]>::try_from(crate::protocol::decode_hex(hex, "rules").ok()?).ok()?;
        Some((digest, change))
    }

    pub fn changes(&self) -> &[ChangeEntry] {
        &self.changes
    }

    /// `void` and `published` lines, in journal order.
    pub fn marks(&self) -> &[MarkEntry] {
        &self.marks
    }

    /// What `journal list` shows, in journal order: block entries (with their current
    /// state), void lines and change lines. With `account`, only that account's blocks and
    /// voids.
    pub fn listing(&self, account: Option<&PublicKey>) -> Vec<Listed<'_>> {
        let wanted = |a: &PublicKey| account.is_none_or(|want| want == a);
        let mut out: Vec<Listed> = self
            .entries
            .iter()
            .filter(|e| wanted(&e.account))
            .map(Listed::Block)
            .collect();
        out.extend(
            self.marks
                .iter()
                .filter(|m| m.state == State::Void && wanted(&m.account))
                .map(Listed::Void),
        );
        if account.is_none() {
            out.extend(self.changes.iter().map(Listed::Change));
        }
        out.sort_by_key(Listed::line);
        out
    }

    /// The `journal list --json` array (DESIGN.md §3).
    pub fn list_json(&self, account: Option<&PublicKey>) -> serde_json::Value {
        serde_json::Value::Array(
            self.listing(account)
                .iter()
                .map(Listed::to_list_json)
                .collect(),
        )
    }

    /// The sum of SEND amounts (raw) of this account's non-void entries signed at or after
    /// `since_ms` by this machine's clock, or whose block's own timestamp is at or after
    /// `since_block_ms`: what a rolling daily limit counts. The second window holds when the
    /// clock does not: a node takes a block only with a timestamp after the account's last
    /// one and not ahead of its own clock, so a clock set forward to age the journal's entries
    /// leaves the blocks' timestamps (and the window measured on them) where they were.
    ///
    /// A block journaled by a run killed before its signature left, and finished when the run
    /// resumed, counts from when its finished transaction was journaled too (regression: a run
    /// resumed a day after it was killed released its payment with the day's limit measured
    /// from the first journaling, and the next run spent the limit again minutes later).
    pub fn sent_since(&self, account: &PublicKey, since_ms: i64, since_block_ms: i64) -> u128 {
        self.sent_since_except(account, since_ms, since_block_ms, None, |_| false)
    }

    /// [`sent_since`](Self::sent_since) without the blocks `except` picks (those a run is
    /// about to sign again, which its own check counts), and with the voided blocks that the
    /// account's chain below `tip` holds (the height and hash of the block the new blocks
    /// build on): voided, and published after all, so their payments were made.
    pub fn sent_since_except(
        &self,
        account: &PublicKey,
        since_ms: i64,
        since_block_ms: i64,
        tip: Option<(u64, Hash)>,
        except: impl Fn(&Block) -> bool,
    ) -> u128 {
        let in_window = |e: &BlockEntry| {
            e.time_ms >= since_ms
                || e.done_ms.is_some_and(|done| done >= since_ms)
                || e.block.timestamp >= since_block_ms
        };
        let published_voids = tip.map_or_else(Vec::new, |tip| {
            self.voided_in_chain(account, tip, |e| in_window(e))
        });
        self.entries
            .iter()
            .filter(|e| {
                e.account == *account
                    && in_window(e)
                    && (e.state != State::Void || published_voids.contains(&e.hash))
                    && !except(&e.block)
            })
            .filter_map(|e| match e.block.body {
                BlockBody::Send { amount, .. } => Some(u128::from(amount.0)),
                _ => None,
            })
            .sum()
    }

    /// The hashes of the voided blocks of this account in the chain that ends in `tip` (a
    /// height and its block's hash) that `wanted` picks: walked down through the blocks
    /// attosign journaled, voided or live, until a block it did not journal. The whole chain
    /// is walked, not only down to the first block `wanted` refuses: blocks built in one step
    /// and signed in another may be journaled in any order, so a lower block can be newer.
    /// A voided block in a chain a later block builds on was published after all.
    pub fn voided_in_chain(
        &self,
        account: &PublicKey,
        tip: (u64, Hash),
        wanted: impl Fn(&BlockEntry) -> bool,
    ) -> Vec<Hash> {
        let voided: HashMap<Hash, &BlockEntry> = self
            .entries
            .iter()
            .filter(|e| e.account == *account && e.state == State::Void)
            .map(|e| (e.hash, e))
            .collect();
        let mut found = Vec::new();
        if voided.is_empty() {
            return found;
        }
        let (mut height, mut hash) = tip;
        loop {
            let entry = match voided.get(&hash) {
                Some(e) if e.height == height => {
                    if wanted(e) {
                        found.push(hash);
                    }
                    *e
                }
                _ => match self.live_at(account, height) {
                    Some(e) if e.hash == hash => e,
                    _ => break,
                },
            };
            match entry.block.previous() {
                Some(previous) if height > 1 => (height, hash) = (height - 1, previous),
                _ => break,
            }
        }
        found
    }

    /// Takes the exclusive lock for appending, waiting for another attosign that holds it
    /// (calling `on_wait` once, first, so the operator can be told), then reads what was
    /// appended since this journal was read, and removes a torn last line.
    ///
    /// Take it only after every prompt: it is held until the [`Locked`] is dropped.
    pub fn lock(&mut self, on_wait: impl FnOnce()) -> Result<Locked<'_>, JournalError> {
        let file = file::open(&self.path, true)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                on_wait();
                file.lock().map_err(|e| JournalError::io(&self.path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(JournalError::io(&self.path, e)),
        }
        if file::identity(&file, &self.path)? != self.identity {
            return Err(JournalError::Replaced {
                path: self.path.clone(),
            });
        }
        // The last line read must still be there, unchanged: a journal is only ever
        // appended to, so anything else means it was edited since.
        let size = file
            .metadata()
            .map_err(|e| JournalError::io(&self.path, e))?
            .len();
        let mut last = vec![0u8; (self.len - self.last_start) as usize];
        let unchanged = size >= self.len
            && file.read_exact_at(&mut last, self.last_start).is_ok()
            && last.pop() == Some(b'\n')
            && <[u8; 32]>::from(Sha256::digest(&last)) == self.last;
        if !unchanged {
            return Err(self.damaged(
                self.lines,
                "the file changed under attosign: this line is no longer what was read".into(),
            ));
        }
        self.torn = None;
        self.read_from(&file)?;
        if self.torn.is_some() {
            file.set_len(self.len)
                .and_then(|()| file.sync_data())
                .map_err(|e| JournalError::io(&self.path, e))?;
        }
        Ok(Locked {
            journal: self,
            file,
        })
    }

    /// Reads, verifies and applies the lines after `self.len`. Lines are decoded and hashed
    /// in batches on every core (each depends only on its own bytes), then checked and
    /// applied in order, as one thread would: a million-entry journal is read on every
    /// signing run.
    fn read_from(&mut self, file: &File) -> Result<(), JournalError> {
        // Small in unit tests, so their journals cross batch boundaries (a torn or damaged
        // line at the start, middle and end of a batch).
        const BATCH: usize = if cfg!(test) { 3 } else { 16_384 };
        let path = self.path.clone();
        let mut batch: Vec<(Vec<u8>, u64)> = Vec::with_capacity(BATCH);
        let mut last_kept = true;
        let end = file::scan(file, &path, self.len, |bytes, offset, is_last| {
            batch.push((bytes.to_vec(), offset));
            if is_last {
                last_kept = self.apply(&batch, true)?;
                batch.clear();
            } else if batch.len() == BATCH {
                self.apply(&batch, false)?;
                batch.clear();
            }
            Ok(last_kept)
        })?;
        // A torn tail ends the scan without a last line; what came before it is applied.
        self.apply(&batch, false)?;
        if let End::Torn(bytes) = end {
            self.torn = Some(bytes);
        }
        Ok(())
    }

    /// Applies a batch of lines in order. With `ends`, the batch's last line is the file's
    /// last complete line, which may be a torn write: then it is not applied and this
    /// returns false.
    fn apply(&mut self, batch: &[(Vec<u8>, u64)], ends: bool) -> Result<bool, JournalError> {
        let decoded = crate::par::map(batch, 2048, |(bytes, _)| {
            (
                record::parse_line(bytes),
                <[u8; 32]>::from(Sha256::digest(bytes)),
            )
        });
        let n = batch.len();
        for (i, ((bytes, offset), (parsed, digest))) in batch.iter().zip(decoded).enumerate() {
            let is_last = ends && i + 1 == n;
            let number = self.lines + 1;
            let parsed = match parsed {
                Ok(parsed) => parsed,
                // A crash that leaves a last line with its newline leaves zeroed blocks in it
                // (a cut-off write has no newline, and the scan reports it as torn), so only
                // a line with NUL bytes is torn here. Any other line that fails a check (a
                // digit changed, a quote or brace changed, an unknown kind) is damage to a
                // line that may have been signed for. Regression: it was dropped as torn and
                // cut off, and a second block was signed at the height it recorded.
                Err(_) if is_last && bytes.contains(&0) && !self.lost_line_break(bytes, number) => {
                    return Ok(false);
                }
                Err(reason) => return Err(self.damaged(number, reason)),
            };
            if number == 1 && !matches!(parsed.line, Line::Header { .. }) {
                return Err(self.damaged(1, "the first line is not a journal header".into()));
            }
            if parsed.seq != number {
                return Err(self.damaged(
                    number,
                    format!("its \"seq\" is {}, not its line number", parsed.seq),
                ));
            }
            let expected_prev = (number > 1).then_some(self.last);
            if parsed.prev != expected_prev {
                return Err(self.damaged(
                    number,
                    "its \"prev\" is not the SHA-256 of the line before (a line was changed, \
                     removed or moved)"
                        .into(),
                ));
            }
            match parsed.line {
                Line::Header { id, created_ms } if number == 1 => {
                    self.id = JournalId(id);
                    self.created_ms = created_ms;
                }
                Line::Header { .. } => {
                    return Err(self.damaged(number, "a second header line".into()));
                }
                Line::Record(record) => match self.admit(record, parsed.hash, number, false) {
                    Ok(Admit::Applied) => {}
                    Ok(Admit::Repeat) => {
                        return Err(self.damaged(number, "it repeats an earlier line".into()));
                    }
                    Err(e) => return Err(self.damaged(number, e.to_string())),
                },
            }
            if let Some(expect) = &self.expect
                && expect.lines == number
            {
                self.expect_seen = Some(expect.last == digest);
            }
            self.lines = number;
            self.last = digest;
            self.last_start = *offset;
            self.len = offset + bytes.len() as u64 + 1;
        }
        Ok(true)
    }

    /// Whether a last line that does not parse is really two lines whose line break was
    /// corrupted: a complete, chained line, one byte, and the start of another. A torn write
    /// loses whole blocks of the file, never exactly one byte between two intact lines, so
    /// this is damage to a line that was signed for, not a torn tail.
    fn lost_line_break(&self, bytes: &[u8], number: u64) -> bool {
        const START: &[u8] = b"{\"kind\":\"";
        bytes.windows(START.len() + 2).enumerate().any(|(i, w)| {
            w[0] == b'}'
                && &w[2..] == START
                && record::parse_line(&bytes[..=i])
                    .is_ok_and(|p| p.seq == number && p.prev == (number > 1).then_some(self.last))
        })
    }

    fn damaged(&self, line: u64, reason: String) -> JournalError {
        JournalError::Damaged {
            path: self.path.clone(),
            line,
            reason,
        }
    }

    /// Checks a record against the journal's rules and, if it passes, applies it to the
    /// indexes. Nothing changes when it is refused. `known` is the hash of its block when the
    /// caller already computed it (reading or writing the line), else it is computed here.
    /// `appending`: the record is being written now, not read back; its transaction's
    /// signature is verified, and the rules added since older journals were written apply.
    fn admit(
        &mut self,
        record: Record,
        known: Option<Hash>,
        line: u64,
        appending: bool,
    ) -> Result<Admit, JournalError> {
        match record {
            Record::Block {
                block,
                intent,
                request,
                file,
                time_ms,
            } => {
                let hash = known.unwrap_or_else(|| block.hash());
                let (account, height) = (block.public_key, block.height());
                // A new block under an intent that looks like one journaled before (see
                // `by_intent`) is refused. Reading lets it be: a journal that already holds
                // two look-alikes must still open.
                if appending
                    && let Some(intent) = &intent
                    && !self.intents.contains_key(intent)
                    && let Some(&first) = self.intent_keys.get(&crate::text::intent_key(intent))
                {
                    return Err(JournalError::IntentReused {
                        intent: intent.clone(),
                        existing: Box::new(self.entries[first].clone()),
                    });
                }
                if let Some(intent) = &intent
                    && let Some(used) = self.intents.get(intent)
                {
                    let same_live_block = self
                        .live_at(&account, height)
                        .is_some_and(|e| e.hash == hash && e.intent.as_ref() == Some(intent));
                    if used.request != request || (used.voided && !same_live_block) {
                        return Err(JournalError::IntentReused {
                            intent: intent.clone(),
                            existing: Box::new(self.entries[used.first].clone()),
                        });
                    }
                }
                if let Some(existing) = self.live_at(&account, height) {
                    // The identical block again is harmless (Ed25519 is deterministic), unless
                    // it would bind a second intent to one payment.
                    let other_intent = intent.is_some() && intent != existing.intent;
                    if existing.hash != hash || other_intent {
                        return Err(JournalError::HeightSigned {
                            existing: Box::new(existing.clone()),
                            hash,
                            intent,
                        });
                    }
                    return Ok(Admit::Repeat);
                }
                let index = self.entries.len();
                if let Some(intent) = &intent {
                    self.intents.entry(intent.clone()).or_insert(IntentUse {
                        request,
                        first: index,
                        voided: false,
                    });
                    self.intent_keys
                        .entry(crate::text::intent_key(intent))
                        .or_insert(index);
                }
                self.live.insert((account, height), index);
                self.entries.push(BlockEntry {
                    line,
                    account,
                    height,
                    hash,
                    block,
                    intent,
                    request,
                    file,
                    time_ms,
                    state: State::Signed,
                    done_ms: None,
                    transaction: None,
                });
                Ok(Admit::Applied)
            }
            Record::Done {
                transaction,
                time_ms,
            } => {
                let block = &transaction.block;
                let hash = known.unwrap_or_else(|| block.hash());
                let index = self.live_index(&block.public_key, block.height(), &hash)?;
                if appending && !transaction.signature.verifies(&block.public_key, &hash) {
                    return Err(JournalError::BadSignature { hash });
                }
                let entry = &mut self.entries[index];
                if entry.transaction.is_some() {
                    return Ok(Admit::Repeat);
                }
                entry.transaction = Some(Box::new(transaction));
                entry.done_ms = Some(time_ms);
                if entry.state == State::Signed {
                    entry.state = State::Done;
                }
                Ok(Admit::Applied)
            }
            Record::Void {
                account,
                height,
                hash,
                time_ms,
            } => {
                let index = self.live_index(&account, height, &hash)?;
                if appending {
                    // Blocks above build on it: voided alone, it would leave them built on a
                    // block that will never be published. Heights are voided from the top
                    // down. (A journal written before this rule may hold such a void; it is
                    // read as written.)
                    if let Some(above) = self.live_above(&account, height) {
                        return Err(JournalError::LiveAbove {
                            height,
                            above: Box::new(above.clone()),
                        });
                    }
                }
                let entry = &mut self.entries[index];
                entry.state = State::Void;
                if let Some(intent) = &entry.intent
                    && let Some(used) = self.intents.get_mut(intent)
                {
                    used.voided = true;
                }
                self.live.remove(&(account, height));
                self.marks.push(MarkEntry {
                    line,
                    state: State::Void,
                    account,
                    height,
                    hash,
                    time_ms,
                });
                Ok(Admit::Applied)
            }
            Record::Published {
                account,
                height,
                hash,
                time_ms,
            } => {
                let index = self.live_index(&account, height, &hash)?;
                let entry = &mut self.entries[index];
                if entry.state == State::Published {
                    return Ok(Admit::Repeat);
                }
                entry.state = State::Published;
                self.marks.push(MarkEntry {
                    line,
                    state: State::Published,
                    account,
                    height,
                    hash,
                    time_ms,
                });
                Ok(Admit::Applied)
            }
            Record::Change {
                what,
                detail,
                time_ms,
            } => {
                if !detail.is_object() {
                    return Err(JournalError::BadChange);
                }
                self.changes.push(ChangeEntry {
                    line,
                    what,
                    detail,
                    time_ms,
                });
                Ok(Admit::Applied)
            }
        }
    }

    fn live_index(
        &self,
        account: &PublicKey,
        height: u64,
        hash: &Hash,
    ) -> Result<usize, JournalError> {
        match self.live.get(&(*account, height)) {
            Some(&i) if self.entries[i].hash == *hash => Ok(i),
            _ => Err(JournalError::NotJournaled {
                account: *account,
                height,
                hash: *hash,
            }),
        }
    }
}

/// How many lines an append writes at a time (about 2 MB of text).
const APPEND_GROUP: usize = 2048;

/// The journal under its exclusive lock; dropping it releases the lock.
#[derive(Debug)]
pub struct Locked<'a> {
    journal: &'a mut Journal,
    file: File,
}

impl Locked<'_> {
    pub fn journal(&self) -> &Journal {
        self.journal
    }

    /// Appends the records that change something (an identical block or transaction again
    /// is skipped), then fsyncs once. All or nothing: every record is checked first, and a
    /// refusal or write error leaves the file and the indexes as they were.
    pub fn append(&mut self, records: &[Record]) -> Result<(), JournalError> {
        // The hashes of the records' blocks, on every core for a long run.
        let hashes = crate::par::map(records, 1024, record::block_hash);
        self.append_hashed(records, &hashes)
    }

    /// [`append`](Self::append) for a caller that has computed its records' block hashes
    /// already (a long run's, for its signatures), one per record in order: they are not
    /// computed again. `None` where a record carries no block, or where the caller has no
    /// hash (then it is computed here). Debug builds check every given hash.
    pub fn append_hashed(
        &mut self,
        records: &[Record],
        known: &[Option<Hash>],
    ) -> Result<(), JournalError> {
        assert_eq!(records.len(), known.len(), "one hash (or None) per record");
        debug_assert!(
            records
                .iter()
                .zip(known)
                .all(|(r, h)| h.is_none() || *h == record::block_hash(r)),
            "a given hash is its record's block hash"
        );
        let hashes: Vec<Option<Hash>> = records
            .iter()
            .zip(known)
            .map(|(r, h)| h.or_else(|| record::block_hash(r)))
            .collect();
        let journal = &mut *self.journal;
        let (len, lines, last) = (journal.len, journal.lines, journal.last);
        let mut failure = None;
        // The journal's rules, record by record: what is new gets the next line number.
        let mut new: Vec<(u64, &Record, Option<&Hash>)> = Vec::with_capacity(records.len());
        journal.entries.reserve(records.len());
        journal.live.reserve(records.len());
        for (record, hash) in records.iter().zip(&hashes) {
            let number = journal.lines + 1;
            match journal.admit(record.clone(), *hash, number, true) {
                Ok(Admit::Applied) => {
                    journal.lines = number;
                    new.push((number, record, hash.as_ref()));
                }
                Ok(Admit::Repeat) => {}
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        let mut added = 0;
        if failure.is_none() && !new.is_empty() {
            let written = (|| -> std::io::Result<()> {
                // A group of lines at a time, so that a long run's text (about 1 KB a line) is
                // not all held at once: its pages, first touched, cost more than writing them.
                for group in new.chunks(APPEND_GROUP) {
                    // The lines, on every core (the block JSON and its addresses are most of
                    // the work), each with zeros for the digest of the line before it; ...
                    let mut parts: Vec<_> =
                        crate::par::write_parts(group, 1024, 1100, |(seq, record, hash), s| {
                            let prev_at = record::write_line_into(s, record, *seq, *hash);
                            s.push('\n');
                            prev_at
                        })
                        .into_iter()
                        .map(|(text, marks)| (text.into_bytes(), marks))
                        .collect();
                    // ... then those digests, which chain each line to the one before, in
                    // order; then the texts, at the end of the file.
                    for (text, marks) in &mut parts {
                        for (k, &(start, prev_at)) in marks.iter().enumerate() {
                            let end = marks.get(k + 1).map_or(text.len(), |next| next.0) - 1;
                            let prev = start + prev_at;
                            HEXUPPER.encode_mut(
                                &journal.last,
                                &mut text[prev..prev + record::PREV_LEN],
                            );
                            journal.last = Sha256::digest(&text[start..end]).into();
                            journal.last_start = len + added + start as u64;
                        }
                        self.file.write_all_at(text, len + added)?;
                        added += text.len() as u64;
                    }
                }
                // One fdatasync for the whole append.
                self.file.sync_data()
            })();
            if let Err(e) = written {
                // Take back whatever reached the file; nothing was signed for it.
                let _ = self.file.set_len(len).and_then(|()| self.file.sync_data());
                failure = Some(JournalError::io(&journal.path, e));
            }
        }
        match failure {
            None => {
                journal.len = len + added;
                if !new.is_empty() {
                    journal.write_head();
                }
                Ok(())
            }
            Some(e) => {
                // Rebuild the indexes from the file, which holds exactly the lines before
                // this call. A refusal here means a caller skipped its own checks, so this
                // rare path may cost a full read.
                let mut fresh = Journal::open(&journal.path)?;
                fresh.torn = journal.torn;
                fresh.also_head = journal.also_head.take();
                debug_assert_eq!((fresh.len, fresh.lines, fresh.last), (len, lines, last));
                *journal = fresh;
                Err(e)
            }
        }
    }
}

/// The clock, epoch milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests;
