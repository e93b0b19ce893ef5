//! The journal's part of signing (DESIGN.md §4): before anything is asked, what the journal
//! already holds for this run (replay, resume, or a refusal with status 5); after the
//! confirmation, under the journal's lock, the same checks again and the blocks appended
//! and fsynced before any signature leaves the process; after the work, the finished
//! transactions.

use super::request::Prepared;
use super::{Ctx, Failure, Status, io};
use attosign::journal::{BlockEntry, Journal, JournalError, JournalId, Record, State};
use attosign::protocol::{Block, Hash, Transaction, format_rfc3339};

/// The journal as it is now, or `None` when there is none yet.
pub fn load(ctx: &Ctx, path: &std::path::Path) -> Result<Option<Journal>, Failure> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let mut journal = super::journal::open(ctx, path)?;
    guard_head_beside_keystore(ctx, &mut journal)?;
    Ok(Some(journal))
}

/// For a journal at another path than the keystore's default (`--journal`): checks it
/// against its head beside the keystore (an older copy is refused, status 5) and keeps that
/// head up to date on every append from now on. Signing runs and book and policy changes go
/// through this, so a copy taken before any of their records is noticed.
pub fn guard_head_beside_keystore(ctx: &Ctx, journal: &mut Journal) -> Result<(), Failure> {
    if let Some(beside) = head_beside_keystore(ctx, journal) {
        journal.check_head(&beside)?;
        journal.keep_head_also(beside, false);
    }
    Ok(())
}

/// Where the head of the keystore's journal is kept beside the keystore (where the default
/// journal's head is), when `--journal` puts the journal somewhere else: a signing run checks
/// the journal against it and keeps it up to date, so a copy of the journal at another path
/// (a backup given as `--journal`) is refused like one put back over the journal.
fn head_beside_keystore(ctx: &Ctx, journal: &Journal) -> Option<std::path::PathBuf> {
    let beside = default_journal_head(ctx.global)?;
    (beside != Journal::head_path(journal.path())).then_some(beside)
}

/// The head of the keystore's default journal (`<keystore>.journal.head`), which a journal
/// kept elsewhere also keeps.
pub fn default_journal_head(global: &super::args::Global) -> Option<std::path::PathBuf> {
    let default = super::journal::default_journal_path(global).ok()?;
    Some(Journal::head_path(&default))
}

/// What identifies this run to the journal.
pub struct Run<'a> {
    pub prepared: &'a Prepared,
    pub request: [u8; 32],
    /// One per block (None: no intent).
    pub intents: Vec<Option<String>>,
    /// The payout file's digest as journaled: of its payments (`Prepared::payouts_digest`).
    pub file: Option<[u8; 32]>,
    pub allow_repeat: bool,
}

/// What the journal says to do.
pub enum Plan {
    /// Everything was signed and worked before: print the saved transactions.
    Replay(Vec<Transaction>),
    /// Sign these blocks. `journaled[i]` says whether block i is already in the journal
    /// (a resumed run reuses its blocks, timestamps included); `done[i]` holds its
    /// transaction when the work was found too.
    Sign {
        blocks: Vec<Block>,
        journaled: Vec<bool>,
        done: Vec<Option<Transaction>>,
    },
}

fn refusal(code: &'static str, message: String) -> Failure {
    Failure::new(Status::Journal, code, message)
}

fn describe(e: &BlockEntry) -> String {
    format!(
        "height {} block {} signed {}{}",
        e.height,
        e.hash,
        format_rfc3339(e.time_ms),
        e.intent.as_ref().map_or(String::new(), |i| format!(
            " for intent {:?}",
            io::sanitize(i)
        ))
    )
}

/// The journal's checks, in the order that matters: another signer, a repeated payout file,
/// intents, then resume or fresh heights.
pub fn plan(journal: Option<&Journal>, run: &Run, now: i64) -> Result<Plan, Failure> {
    let prepared = run.prepared;
    let fresh = || Plan::Sign {
        blocks: prepared.blocks.clone(),
        journaled: vec![false; prepared.blocks.len()],
        done: vec![None; prepared.blocks.len()],
    };
    let Some(journal) = journal else {
        return Ok(fresh());
    };
    let account = prepared.blocks[0].public_key;
    another_signer(journal, &account, prepared.account.as_ref())?;
    // The same request (same command, state, destination, amounts and options) signed
    // before: resumed or replayed below. Only for any other request does a journaled
    // payout file mean the file is being run again on another state.
    // (Voided blocks are never resumed: a run with one is refused below, unless it is a new
    // payment under new intents.)
    let earlier: Vec<&BlockEntry> = journal
        .by_request(&run.request)
        .into_iter()
        .filter(|e| e.account == account && e.state != State::Void)
        .collect();
    // Journals written before the digest of the payments was recorded hold the SHA-256 of
    // the file's bytes instead: a run is recognised by either.
    let digests = [
        run.file,
        prepared.file_sha256.filter(|_| run.file.is_some()),
    ];
    if earlier.is_empty()
        && !run.allow_repeat
        && let Some(entry) = digests.iter().flatten().find_map(|file| {
            journal
                .by_file(file)
                .into_iter()
                .find(|e| e.request != run.request)
        })
    {
        return Err(refusal(
            "file-repeated",
            format!(
                "this payout file's payments were already signed in another run ({}): on \
                 another account state, or with the lines in another order or other options. \
                 Running them again would pay everyone again. If that is really meant, pass \
                 --allow-repeat (and new intents, where the file has them)",
                describe(entry)
            ),
        ));
    }
    for intent in run.intents.iter().flatten() {
        if let Some(entry) = journal.by_intent(intent)
            && (entry.request != run.request || entry.state == State::Void)
        {
            let what = if entry.state == State::Void {
                "its block was voided; a voided payment is made again only under a new intent, \
                 on purpose"
            } else {
                "it was used for another request. Use a new intent for a new payment"
            };
            return Err(refusal(
                "intent-reused",
                format!(
                    "intent {:?} was already used ({}): {what}",
                    io::sanitize(intent),
                    describe(entry)
                ),
            ));
        }
    }
    // A run with a voided block is not resumed: rebuilding it would sign the voided block
    // again (the same block, or the same payment on a new one), bringing back a payment the
    // operator cancelled. With an intent on every payment the checks above did that: a voided
    // block's intent refused the run, and what got past holds only new intents and the
    // run's own live ones. A single payment's request leaves its intent out, so one made
    // again under a new intent, on purpose, is the voided one's request again: not refused.
    let all_under_intents = !run.intents.is_empty() && run.intents.iter().all(Option::is_some);
    if !all_under_intents
        && let Some(voided) = journal
            .entries()
            .find(|e| e.request == run.request && e.account == account && e.state == State::Void)
    {
        // The voided payment made again since, under a new intent: that is the run to get.
        if let Some(again) = earlier.iter().find(|e| e.height == voided.height) {
            return Err(refusal(
                "journal-refused",
                format!(
                    "this payment's block at height {} was voided ({}), and the payment was \
                     signed again since ({}). To get that one, run the command {}; nothing \
                     was signed",
                    voided.height,
                    describe(voided),
                    describe(again),
                    again.intent.as_ref().map_or_else(
                        || "as it was run then".to_string(),
                        |own| format!("with its intent {:?}", io::sanitize(own))
                    ),
                ),
            ));
        }
        return Err(refusal(
            "journal-refused",
            format!(
                "this run was signed before and its block at height {} was voided since ({}): \
                 a run with a voided block is not resumed or signed again as it was. Pay what \
                 is still owed as a new run (new intents, or on the account's current state); \
                 to sign this very run again anyway, on purpose, give it an explicit \
                 --timestamp{}",
                voided.height,
                describe(voided),
                // Its payout file was signed before, so the new run is a repeat of it too.
                // Regression: the advice led to a file-repeated refusal that did not fit.
                if run.file.is_some() {
                    " and --allow-repeat (this payout file's payments were signed in that run)"
                } else {
                    ""
                }
            ),
        ));
    }
    if !earlier.is_empty() {
        // Resumed with its journaled blocks, or replayed when all were finished. A SIGKILL
        // in the middle of an append can leave only the first blocks of a run journaled (the
        // kernel stops a write between pages); the rest are built on after them.
        let k = earlier.len().min(prepared.blocks.len());
        // Only an unbroken start of the run can be resumed: after a height voided in the
        // middle, the blocks above it build on a block that will never be published.
        let first = prepared.blocks[0].height();
        if let Some((gap, entry)) = (first..)
            .zip(&earlier[..k])
            .find(|(height, e)| e.height != *height)
        {
            return Err(refusal(
                "journal-refused",
                format!(
                    "this run was signed before, but the journal no longer holds its block at \
                     height {gap} of {} (voided) while it holds later ones ({}). The run cannot \
                     be resumed: the later blocks build on one that will never be published. \
                     Void them too (attosign journal void, from the highest height down), then \
                     pay what is left under new intents",
                    account.address(),
                    describe(entry)
                ),
            ));
        }
        // Each block keeps the intent it was journaled with: the same payment under another
        // intent would leave that intent unrecorded, free to pay again later.
        if let Some((entry, intent)) = earlier[..k].iter().zip(&run.intents).find_map(|(e, i)| {
            i.as_ref()
                .filter(|i| e.intent.as_ref() != Some(*i))
                .map(|i| (*e, i))
        }) {
            return Err(refusal(
                "height-signed",
                format!(
                    "this very payment was already signed ({}); it cannot also be intent {:?}. \
                     If it is the same payment, run the command {} to get it again; if it is \
                     another one, fetch the account's state after height {} and run it on that",
                    describe(entry),
                    io::sanitize(intent),
                    entry.intent.as_ref().map_or_else(
                        || "without an intent".to_string(),
                        |own| match attosign::builder::batch::intent(own) {
                            Ok(Some(same)) if same == *own => {
                                format!("with its own intent {:?}", io::sanitize(own))
                            }
                            // Journaled by an earlier version in a form `--intent` now refuses
                            // (a look-alike space or accent): that advice could not be followed.
                            _ => format!(
                                "without an intent (its own, {:?}, was journaled in a form this \
                                 version refuses as a look-alike)",
                                io::sanitize(own)
                            ),
                        }
                    ),
                    entry.height
                ),
            ));
        }
        let mut blocks: Vec<Block> = earlier[..k].iter().map(|e| e.block.clone()).collect();
        let mut done: Vec<Option<Transaction>> = earlier[..k]
            .iter()
            .map(|e| e.transaction.as_deref().cloned())
            .collect();
        if k == prepared.blocks.len() && done.iter().all(Option::is_some) {
            return Ok(Plan::Replay(done.into_iter().flatten().collect()));
        }
        let mut journaled = vec![true; k];
        if k < prepared.blocks.len() {
            let mut state = prepared.account.clone();
            for block in &blocks {
                state = Some(attosign::protocol::Account::after(state.as_ref(), block));
            }
            let next = blocks.last().expect("k > 0").timestamp + 1;
            let (rest, _) =
                attosign::builder::build_chain(state.as_ref(), &prepared.requests[k..], next, now)
                    .map_err(|(_, e)| Failure::from(e))?;
            journaled.resize(prepared.blocks.len(), false);
            done.resize(prepared.blocks.len(), None);
            blocks.extend(rest);
        }
        return Ok(Plan::Sign {
            blocks,
            journaled,
            done,
        });
    }
    let hashes: Vec<Hash> = prepared.blocks.iter().map(Block::hash).collect();
    heights(journal, &prepared.blocks, &hashes)?;
    received_before(journal, &prepared.blocks, &hashes)?;
    Ok(fresh())
}

/// Refuses a RECEIVE or OPEN of a send that a live block attosign journaled for the account
/// already receives (a receivables file fetched before that block was published, given again
/// to a run continued offline from `--state-out`): the node would refuse it, and the heights
/// it took would stay blocked until voided. The very same block again is not refused.
pub fn received_before(
    journal: &Journal,
    blocks: &[Block],
    hashes: &[Hash],
) -> Result<(), Failure> {
    use attosign::protocol::BlockBody;
    let send_hash = |block: &Block| match block.body {
        BlockBody::Receive { send_hash, .. } | BlockBody::Open { send_hash, .. } => Some(send_hash),
        _ => None,
    };
    let wanted: std::collections::HashMap<(attosign::protocol::PublicKey, Hash), Hash> = blocks
        .iter()
        .zip(hashes)
        .filter_map(|(b, h)| Some(((b.public_key, send_hash(b)?), *h)))
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    for entry in journal.entries().filter(|e| e.state != State::Void) {
        if let Some(sent) = send_hash(&entry.block)
            && let Some(block) = wanted.get(&(entry.account, sent))
            && *block != entry.hash
        {
            return Err(attosign::builder::LedgerError::AlreadyReceived {
                send_hash: sent,
                height: entry.height,
                block: entry.hash,
            }
            .into());
        }
    }
    Ok(())
}

/// The custodian's alarm: the account's state holds, at a height attosign journaled, a block
/// that is not the one attosign signed there. And a state that names a block attosign signed
/// as its last but disagrees with it (another height, balance or timestamp) is refused too:
/// it is not the node's state (a file edited, or pieced together from two), so a block built
/// on it could never be published, and its review would show a balance the account lacks.
pub fn another_signer(
    journal: &Journal,
    account: &attosign::protocol::PublicKey,
    state: Option<&attosign::protocol::Account>,
) -> Result<(), Failure> {
    // The journal's block the state names as its last, if attosign signed it.
    let named = state.and_then(|state| {
        journal
            .entries()
            .find(|e| e.account == *account && e.hash == state.last_hash)
    });
    if let Some(state) = state
        && let Some(entry) = named
    {
        let block = &entry.block;
        let mut differs = Vec::new();
        if block.height() != state.height {
            differs.push(format!(
                "height {} (the block's: {})",
                state.height,
                block.height()
            ));
        }
        if block.balance != state.balance {
            differs.push(format!(
                "balance {} (the block's: {})",
                state.balance, block.balance
            ));
        }
        if block.timestamp != state.last_timestamp {
            differs.push(format!(
                "timestamp {} (the block's: {})",
                state.last_timestamp, block.timestamp
            ));
        }
        if !differs.is_empty() {
            return Err(refusal(
                "state-mismatch",
                format!(
                    "the account state's last block is {}, which attosign signed ({}), but the \
                     state says {}: it is not the node's state for {} (edited, or put together \
                     from two files). Nothing was signed; fetch the account from the node again",
                    state.last_hash,
                    describe(entry),
                    differs.join(", "),
                    account.address()
                ),
            ));
        }
    }
    if let Some(state) = state
        && let Some(entry) = journal.live_at(account, state.height)
        && entry.hash != state.last_hash
    {
        // attosign's own block, voided, and published after all: not another signer, but
        // the block attosign signed in its place can never be published now.
        if journal
            .voided(account, state.height, &state.last_hash)
            .is_some()
            && let Some(voided) = named
        {
            return Err(refusal(
                "voided-published",
                format!(
                    "the account's block at height {} is {}, which attosign signed and then \
                     voided ({}): it was published after all, so its payment was made. The \
                     block attosign signed at that height since ({}) can never be published: \
                     void it (attosign journal void --height {}), and pay again only what it \
                     paid and is still owed. Nothing was signed",
                    state.height,
                    state.last_hash,
                    describe(voided),
                    describe(entry),
                    state.height
                ),
            ));
        }
        return Err(refusal(
            "another-signer",
            format!(
                "ANOTHER SIGNER: the account's block at height {} is {}, but attosign signed a \
                 different block there ({}). Someone else has signed with this account's key. \
                 Stop and investigate before signing anything more for {}",
                state.height,
                state.last_hash,
                describe(entry),
                account.address()
            ),
        ));
    }
    // The same below a voided last block: the voided blocks it builds on were published with
    // it, and a block attosign signed at one of their heights since can never be published
    // (regression: only the state's own height was checked, and a run signed on top).
    if let Some(state) = state
        && journal
            .voided(account, state.height, &state.last_hash)
            .is_some()
        && let Some(mut above) = named
    {
        while let Some(previous) = above.block.previous() {
            let height = above.height - 1;
            if journal.voided(account, height, &previous).is_none() {
                break;
            }
            let Some(voided) = journal
                .entries()
                .find(|e| e.account == *account && e.hash == previous)
            else {
                break;
            };
            if let Some(entry) = journal.live_at(account, height)
                && entry.hash != previous
            {
                return Err(refusal(
                    "voided-published",
                    format!(
                        "the account's chain ends in {} at height {}, which builds on {previous} \
                         at height {height}, which attosign signed and then voided ({}): it was \
                         published after all, so its payment was made. The block attosign \
                         signed at height {height} since ({}) can never be published: void it \
                         and any signed above it (attosign journal void, from the highest height \
                         down), and pay again only what they paid and is still owed. Nothing \
                         was signed",
                        state.last_hash,
                        state.height,
                        describe(voided),
                        describe(entry),
                    ),
                ));
            }
            above = voided;
        }
    }
    Ok(())
}

/// Refuses blocks attosign signed before and then voided (regression: `sign` of the same
/// blocks signed them again, reviving payments the operator cancelled; the one-step commands
/// refused it). A block rebuilt with another timestamp is another block, so `build` with an
/// explicit `--timestamp` then `sign` remains the way to sign such a payment again on purpose.
pub fn voided_blocks(journal: &Journal, blocks: &[Block], hashes: &[Hash]) -> Result<(), Failure> {
    let Some(first) = blocks.first() else {
        return Ok(());
    };
    let wanted: std::collections::HashSet<&Hash> = hashes.iter().collect();
    if let Some(voided) = journal.entries().find(|e| {
        e.state == State::Void
            && e.account == first.public_key
            && wanted.contains(&e.hash)
            // Signed again before this check existed: live now, and resumed as it is.
            && journal
                .live_at(&e.account, e.height)
                .is_none_or(|live| live.hash != e.hash)
    }) {
        return Err(refusal(
            "journal-refused",
            format!(
                "the block at height {} was signed and then voided ({}): a voided block is \
                 one that will never be published, and it is not signed again. Build the \
                 payment anew on the account's current state if it is still owed; nothing was \
                 signed",
                voided.height,
                describe(voided)
            ),
        ));
    }
    Ok(())
}

/// Warns when the account's state ends in a block attosign voided: either it was published
/// after all (a fetched state), so its payment was made whatever the void said, or the state
/// is one attosign wrote with `--state-out` before the void. Not a refusal: in the first case
/// the chain on top of it is the account's real one, and attosign cannot tell them apart.
pub fn warn_voided_published(
    ctx: &Ctx,
    journal: Option<&Journal>,
    state: Option<&attosign::protocol::Account>,
) {
    let (Some(journal), Some(state)) = (journal, state) else {
        return;
    };
    if let Some(void) = journal.voided(&state.public_key, state.height, &state.last_hash) {
        let entry = journal
            .entries()
            .find(|e| e.line < void.line && e.hash == void.hash && e.state == State::Void);
        // Shown even with --quiet, like an error: this is the custodian's to know.
        ctx.caution_always(&format!(
            "WARNING: the account state ends in block {1} at height {0}, which was voided \
             with attosign journal void on {2}{3}. If this state was fetched from a node, the \
             block was published after all and its payment WAS made: do not make it again. If \
             it is a state attosign wrote (--state-out) before the void, what is signed on it \
             now can never be published: fetch the account's state from a node instead.",
            state.height,
            state.last_hash,
            format_rfc3339(void.time_ms),
            entry
                .and_then(|e| e.intent.as_ref())
                .map_or(String::new(), |i| format!(
                    " (intent {:?})",
                    io::sanitize(i)
                ))
        ));
    }
}

/// The same alarm from a chain given without its account's state: its first block builds on
/// a block at a height attosign journaled, but not on the block attosign signed there.
///
/// Without the account's state (`state` None) it also refuses a first block built on a block
/// attosign voided there: voiding said that block will never be published, so a block on top
/// of it could never be either, and the height below could be signed again. (With the state,
/// the ledger rules have checked that the account's chain ends in it: then it was published
/// after all, and building on it is right.)
pub fn builds_on_another(
    journal: &Journal,
    first: &Block,
    state: Option<&attosign::protocol::Account>,
) -> Result<(), Failure> {
    let Some(previous) = first.previous() else {
        return Ok(());
    };
    let height = first.height() - 1;
    if state.is_none()
        && journal.live_at(&first.public_key, height).is_none()
        && let Some(void) = journal.voided(&first.public_key, height, &previous)
    {
        return Err(refusal(
            "journal-refused",
            format!(
                "the block at height {} builds on {previous} at height {height}, which was \
                 voided with attosign journal void on {}: a voided block is one that will never \
                 be published, so neither would this. If it was published after all, give the \
                 account's state with --account; otherwise build on the account's current state",
                first.height(),
                format_rfc3339(void.time_ms),
            ),
        ));
    }
    if let Some(entry) = journal.live_at(&first.public_key, height)
        && entry.hash != previous
    {
        return Err(refusal(
            "another-signer",
            format!(
                "ANOTHER SIGNER: the block at height {} builds on {} at height {height}, but \
                 attosign signed a different block there ({}). Either someone else has signed \
                 with this account's key, or the block was built on a wrong state. Stop and \
                 investigate (fetch the account's state and give it with --account) before \
                 signing anything more for {}",
                first.height(),
                previous,
                describe(entry),
                first.public_key.address()
            ),
        ));
    }
    Ok(())
}

/// Refuses a block at an (account, height) where the journal holds a different live block;
/// says for each block whether the journal already holds that very block (signing it again
/// is harmless: Ed25519 is deterministic). `hashes` are the blocks' hashes.
pub fn heights(journal: &Journal, blocks: &[Block], hashes: &[Hash]) -> Result<Vec<bool>, Failure> {
    assert_eq!(blocks.len(), hashes.len(), "one hash per block");
    let mut journaled = Vec::with_capacity(blocks.len());
    for (block, &hash) in blocks.iter().zip(hashes) {
        match journal.live_at(&block.public_key, block.height()) {
            Some(entry) if entry.hash != hash => {
                return Err(refusal(
                    "height-signed",
                    format!(
                        "attosign already signed a different block at height {} of {} ({}). \
                         Signing another would fork the account. Fetch the account's state \
                         again (the block may be published), or free the height with attosign \
                         journal void if that block will never be published",
                        block.height(),
                        block.public_key.address(),
                        describe(entry)
                    ),
                ));
            }
            Some(_) => journaled.push(true),
            None => journaled.push(false),
        }
    }
    Ok(journaled)
}

/// Checks that the keystore and the journal belong together; returns the id to record in
/// the keystore when this is the journal's first use.
pub fn check_id(
    keystore_id: Option<[u8; 16]>,
    journal: Option<&Journal>,
    path: &std::path::Path,
) -> Result<(), Failure> {
    let name = io::sanitize(&path.display().to_string());
    match (keystore_id, journal) {
        (Some(id), None) => Err(refusal(
            "journal-missing",
            format!(
                "the keystore signs with journal {} but {name} is missing. Without it attosign \
                 cannot tell what it signed before, so it signs nothing. Restore the file, or \
                 start a new journal deliberately with attosign journal new",
                JournalId(id)
            ),
        )),
        (Some(id), Some(j)) if j.id().0 != id => Err(refusal(
            "journal-missing",
            format!(
                "{name} is journal {}, but the keystore signs with journal {}: the file was \
                 replaced. attosign signs nothing until the right journal is back, or a new one \
                 is started deliberately with attosign journal new",
                j.id(),
                JournalId(id)
            ),
        )),
        _ => Ok(()),
    }
}

/// The change that recorded other book and policy rules than `digest` (the keystore's own),
/// if the journal's last record of them differs: the keystore was put back from an older
/// copy, or replaced by another keystore without `keys import --force` (which records it).
pub fn rules_disagree(
    digest: [u8; 32],
    journal: &Journal,
) -> Option<&attosign::journal::ChangeEntry> {
    journal
        .recorded_rules()
        .filter(|(recorded, _)| *recorded != digest)
        .map(|(_, change)| change)
}

/// "its policy change at line 3, 2026-12-07T17:53:11.526Z": the change whose rules a keystore
/// disagrees with, as the refusals and the warning name it.
pub fn describe_rules_change(change: &attosign::journal::ChangeEntry) -> String {
    format!(
        "its {} change at line {}, {}",
        io::sanitize(&change.what),
        change.line,
        format_rfc3339(change.time_ms)
    )
}

/// Refuses (status 5) a keystore whose address book and policy are not the ones the journal
/// last recorded: signing with it would skip every change to them since (regression: a
/// keystore backup put back over the keystore signed to an address outside the book, and
/// above the limits, that the policy set since refused, without a word).
pub fn check_rules(digest: [u8; 32], journal: &Journal) -> Result<(), Failure> {
    let Some(change) = rules_disagree(digest, journal) else {
        return Ok(());
    };
    Err(refusal(
        "keystore-rolled-back",
        format!(
            "the keystore's address book and signing policy are not the ones the journal {} \
             last recorded ({}): the keystore file was put back from \
             an older copy, or replaced by another keystore, and signing with it would skip \
             the changes to them since. Nothing was signed. Put back the keystore the journal \
             was written with. If this keystore's book and policy are the ones to sign with, \
             review them (attosign book list, attosign policy show) and record them with \
             attosign policy set (it shows the journal's disagreement and journals the rules \
             as they are). (If another attosign changed the book or policy while this command \
             ran, run it again.)",
            io::sanitize(&journal.path().display().to_string()),
            describe_rules_change(change),
        ),
    ))
}

/// [`check_rules`] for a keystore that records no journal (a copy made before its first
/// use) signing with a journal elsewhere (`--journal`): the journal beside it, if there is
/// one, is checked too. (Regression: such a copy, put back beside a journal that recorded a
/// book and policy since, was refused, but signed outside the book with `--journal` naming a
/// new file.)
pub fn check_rules_beside_keystore(
    ctx: &Ctx,
    keystore: &attosign::keystore::Keystore,
    path: &std::path::Path,
) -> Result<(), Failure> {
    if keystore.journal_id().is_some() {
        return Ok(());
    }
    let Ok(beside) = super::journal::default_journal_path(ctx.global) else {
        return Ok(());
    };
    if beside == path {
        return Ok(());
    }
    let journal = match Journal::open(&beside) {
        Ok(journal) => journal,
        Err(attosign::journal::JournalError::Missing { .. }) => return Ok(()),
        // Damaged, unreadable: what it recorded cannot be known, so nothing is signed.
        Err(e) => return Err(e.into()),
    };
    let Some(change) = rules_disagree(keystore.rules_digest(), &journal) else {
        return Ok(());
    };
    Err(refusal(
        "keystore-rolled-back",
        format!(
            "the keystore's address book and signing policy are not the ones the journal \
             beside it, {}, last recorded ({}): the keystore file \
             was put back from an older copy, from before it first signed, and signing with it \
             would skip the changes to them since. Nothing was signed. Put back the keystore \
             that journal was written with. If this keystore's book and policy are the ones to \
             sign with, review them (attosign book list, attosign policy show), record them in \
             that journal with attosign policy set without --journal, and sign with that \
             journal.",
            io::sanitize(&journal.path().display().to_string()),
            describe_rules_change(change),
        ),
    ))
}

/// The journal ready for appending: opened, or created on its first use.
pub fn open_or_create(ctx: &Ctx, path: &std::path::Path) -> Result<Journal, Failure> {
    match load(ctx, path)? {
        Some(j) => Ok(j),
        None => match Journal::create(path) {
            Ok(j) => Ok(j),
            // Another process created it between the look and the create (two first signing
            // runs at once; the file appears whole, by a link): sign with that one, whose lock
            // then orders the two runs. Regression: the second run failed with journal-exists
            // and advice to move aside the journal that had just recorded signed blocks.
            Err(attosign::journal::JournalError::Exists { path: existing }) => {
                match load(ctx, path)? {
                    Some(j) => Ok(j),
                    None => Err(attosign::journal::JournalError::Exists { path: existing }.into()),
                }
            }
            Err(e) => Err(e.into()),
        },
    }
}

/// The journal a signing run appends to. On its first use the keystore records it, so a
/// deleted or replaced journal is noticed instead of quietly reopening every height.
pub fn open_for_signing(
    ctx: &Ctx,
    opened: super::keys::Opened,
    path: &std::path::Path,
) -> Result<Journal, Failure> {
    let mut journal = open_or_create(ctx, path)?;
    // The keystore signs with this journal (or is about to record it): its head beside the
    // keystore is this journal's from now on, whatever journal's it was.
    if let Some(beside) = head_beside_keystore(ctx, &journal)
        && opened
            .keystore
            .journal_id()
            .is_none_or(|id| id == journal.id().0)
    {
        journal.keep_head_also(beside, true);
    }
    if opened.keystore.journal_id().is_none() {
        let id = journal.id();
        // Under the keystore's lock, as it is now: another attosign may have recorded its
        // journal since this one read the keystore (a first run started twice, with two
        // --journal paths). Its record stands; this run signs nothing.
        opened.write(ctx, None, None, |keystore| match keystore.journal_id() {
            Some(other) if other != id.0 => Err(refusal(
                "journal-missing",
                format!(
                    "while this attosign was starting, another one recorded journal {} in the \
                     keystore as the journal it signs with; {} is journal {id}. Nothing was \
                     signed. Run the command again with that journal (--journal)",
                    JournalId(other),
                    io::sanitize(&path.display().to_string()),
                ),
            )),
            _ => {
                keystore.set_journal_id(Some(id.0));
                Ok(())
            }
        })?;
    }
    Ok(journal)
}

/// `published` records for journaled blocks that the account's state now contains: its last
/// block and, through their `previous`, the journaled blocks below it, down to one already
/// marked (whose own ancestors were marked with it).
pub fn published(
    journal: &Journal,
    state: Option<&attosign::protocol::Account>,
    now: i64,
) -> Vec<Record> {
    let Some(state) = state else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    let (mut height, mut hash) = (state.height, state.last_hash);
    loop {
        let entry = match journal.live_at(&state.public_key, height) {
            Some(e) if e.hash == hash => {
                if e.state == State::Published {
                    break;
                }
                marks.push(Record::Published {
                    account: e.account,
                    height: e.height,
                    hash: e.hash,
                    time_ms: now,
                });
                e
            }
            // A voided block the state holds (published after all) stays void, but the
            // blocks below it that it builds on are published too. Regression: the walk
            // stopped at it, and they stayed `done`.
            _ => match journal.voided_entry(&state.public_key, height, &hash) {
                Some(e) => e,
                None => break,
            },
        };
        match entry.block.previous() {
            Some(previous) if height > 1 => (height, hash) = (height - 1, previous),
            _ => break,
        }
    }
    // In chain order, lowest height first, as they were signed.
    marks.reverse();
    marks
}

/// The Block records of the blocks not yet journaled.
pub fn block_records(run: &Run, blocks: &[Block], journaled: &[bool], now: i64) -> Vec<Record> {
    blocks
        .iter()
        .zip(journaled)
        .enumerate()
        .filter(|(_, (_, j))| !**j)
        .map(|(i, (block, _))| Record::Block {
            block: block.clone(),
            intent: run.intents.get(i).cloned().flatten(),
            request: run.request,
            file: run.file,
            time_ms: now,
        })
        .collect()
}

/// Says so on stderr when another attosign holds the journal's lock.
pub fn on_wait<'a>(ctx: &'a Ctx<'a>) -> impl FnOnce() + 'a {
    move || ctx.note("waiting for another attosign to finish with the journal…")
}

/// `attosign journal void --account A --height H`: frees a height whose block will never be
/// published. Needs the passphrase (only the keystore's holder may free a height) and a
/// confirmation; the block's intent stays used, so a voided payment is paid again only under
/// a new intent, on purpose.
pub fn void(ctx: &mut Ctx, args: &super::args::JournalVoidArgs) -> Result<(), Failure> {
    super::change::require_answer(ctx)?;
    let account = super::change::address_argument(&args.account)?;
    let path = super::journal::journal_path(ctx.global)?;
    let journal = load(ctx, &path)?.ok_or_else(|| {
        Failure::new(
            Status::Journal,
            "journal-missing",
            format!(
                "there is no journal at {}",
                io::sanitize(&path.display().to_string())
            ),
        )
    })?;
    let entry = journal
        .live_at(&account, args.height)
        .cloned()
        .ok_or_else(|| {
            Failure::input(format!(
                "the journal holds no live block at height {} of {}; nothing to void",
                args.height,
                account.address()
            ))
        })?;
    if let Some(above) = journal.live_above(&account, entry.height) {
        return Err(JournalError::LiveAbove {
            height: entry.height,
            above: Box::new(above.clone()),
        }
        .into());
    }
    let opened = super::keys::open_for_update(ctx.global)?;
    check_id(opened.keystore.journal_id(), Some(&journal), &path)?;
    super::change::review_and_confirm_asking(
        ctx,
        "Void this block in the journal?",
        &format!(
            "Void the journaled block at height {} of {}:\n  {}\nIts height can then be \
             signed again; its intent stays used. Only do this if the block will never be \
             published.{}",
            entry.height,
            account.address(),
            describe(&entry),
            if entry.state == State::Published {
                "\nWARNING: an account state given to attosign holds this block (one fetched \
                 from a node, or one attosign wrote with --state-out). If the network has it, \
                 its payment WAS made and voiding it unsends nothing: check the account on a \
                 node first."
            } else {
                ""
            }
        ),
    )?;
    let mut journal = journal;
    journal.lock(on_wait(ctx))?.append(&[Record::Void {
        account,
        height: entry.height,
        hash: entry.hash,
        time_ms: attosign::journal::now_ms(),
    }])?;
    ctx.note(&format!(
        "voided height {} of {} (block {})",
        entry.height,
        account.address(),
        entry.hash
    ));
    Ok(())
}

/// `attosign journal new`: starts a new journal on purpose, after the old one was lost, and
/// records it in the keystore. Never writes over an existing file.
pub fn new(ctx: &mut Ctx) -> Result<(), Failure> {
    super::change::require_answer(ctx)?;
    let path = super::journal::journal_path(ctx.global)?;
    let name = io::sanitize(&path.display().to_string());
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Failure::new(
            Status::Journal,
            "journal-exists",
            format!(
                "{name} exists; attosign never writes over a journal. Move it away first (keep \
                 it: it records what was signed)"
            ),
        ));
    }
    let opened = super::keys::open_for_update(ctx.global)?;
    let old = opened.keystore.journal_id();
    super::change::review_and_confirm_asking(
        ctx,
        "Start this journal and record it in the keystore?",
        &format!(
            "Start a new, empty journal at {name}{}. attosign will no longer know what it \
             signed before: check every account's state on the network before signing again.",
            old.map_or(String::new(), |id| format!(
                " (replacing journal {})",
                JournalId(id)
            ))
        ),
    )?;
    let mut journal = Journal::create(&path)?;
    let id = journal.id().0;
    // The new journal's first record says which journal it replaces and who started it.
    let record = Record::Change {
        what: "journal".to_string(),
        detail: serde_json::json!({
            "replaced": old.map(|id| JournalId(id).to_string()),
            "by": super::change::credential(&opened.unlock),
            "rules": attosign::protocol::encode_hex(&opened.keystore.rules_digest()),
        }),
        time_ms: attosign::journal::now_ms(),
    };
    let written = journal
        .lock(on_wait(ctx))
        .and_then(|mut locked| locked.append(&[record]))
        .map_err(Failure::from)
        .and_then(|()| {
            opened.write(ctx, None, None, |keystore| {
                // Another attosign may have recorded a journal since the review.
                if keystore.journal_id() != old {
                    return Err(Failure::new(
                        Status::Error,
                        "keystore-changed",
                        "the keystore's journal changed while this was being reviewed (another \
                         attosign recorded one); nothing was changed. Run the command again to \
                         review it against what is there now.",
                    ));
                }
                keystore.set_journal_id(Some(id));
                Ok(())
            })
        });
    if let Err(failure) = written {
        // The file this run created records nothing but its own start: it goes, so that a
        // rerun is not refused journal-exists.
        drop(journal);
        let _ = std::fs::remove_file(&path);
        return Err(failure);
    }
    ctx.note(&format!("started journal {} at {name}", JournalId(id)));
    Ok(())
}
