//! `attosign sign FILE`: a block (or `{"block","work"}`), or NDJSON of a chain of them as
//! `build … --batch` prints it, → `{"block","signature"}` per block (or the whole transaction
//! when the work is there), after the ledger rules the given state allows, the journal's
//! checks, the policy, review and one confirmation. Without `--account` it says what it
//! could not check.
//!
//! Every block is journaled (fsynced, under the lock) before any signature leaves the process,
//! as for the one-step commands (a long run's signatures are made while the append is
//! written, and dropped if it fails): a block at an (account, height) where attosign signed a
//! different one is refused (5), and the same block again is signed again (Ed25519 is
//! deterministic), except that blocks the journal holds as finished transactions are a
//! replay: those transactions are printed, with no passphrase and no confirmation.

use super::args::SignArgs;
use super::request::{Prepared, read_account, read_receivables, state_for};
use super::{Ctx, Failure, Status, describe, io, journaled, prompt, signer};
use attosign::builder::{self, LedgerError, Review, State, rules};
use attosign::journal::Record;
use attosign::protocol::{
    Account, Block, BlockBody, BlockType, Document, Hash, Receivable, Signature, Transaction,
};

pub fn run(ctx: &mut Ctx, args: &SignArgs) -> Result<(), Failure> {
    prompt::stdin_once(&[
        ("FILE", Some(&args.file)),
        ("--account", args.account.as_deref()),
        ("--receivable", args.receivable.as_deref()),
        ("--passphrase-file", ctx.global.passphrase_file.as_deref()),
    ])?;
    let docs = super::work::read_documents(&args.file)?;
    let name = io::sanitize(&args.file.display().to_string());
    if let Some(i) = docs.iter().position(|d| d.signature().is_some()) {
        return Err(Failure::input(format!(
            "{name}{}: the document is already signed; sign takes a block or \
             {{\"block\",\"work\"}}",
            at(i, docs.len())
        )));
    }
    let blocks: Vec<Block> = docs.iter().map(|d| d.block().clone()).collect();
    let hashes: Vec<Hash> = attosign::par::map(&blocks, 512, Block::hash);
    let first = &blocks[0];
    let account = match &args.account {
        Some(path) => match state_for(read_account(path)?, first)? {
            Some(account) => Some(account),
            None if first.block_type() == BlockType::Open => None,
            None => {
                return Err(LedgerError::NotOpened {
                    account: Some(first.public_key),
                }
                .into());
            }
        },
        None => None,
    };
    let receivables = match &args.receivable {
        Some(path) => Some(read_receivables(path)?),
        None => None,
    };
    let claimed = receivables
        .as_deref()
        .map(|r| pair_receivables(&blocks, r))
        .transpose()?;
    let now = describe::now_ms();
    rules::check_chain(
        &blocks,
        &hashes,
        account.as_ref(),
        |i, _| claimed.as_ref().and_then(|c| c[i]),
        now,
    )
    .map_err(|(i, e)| {
        let mut failure = Failure::from(e);
        if blocks.len() > 1 {
            failure.message = format!("block {} of the chain: {}", i + 1, failure.message);
        }
        failure
    })?;
    for (i, doc) in docs.iter().enumerate() {
        if let Some(work) = doc.work()
            && !work.is_valid_for(doc.block())
        {
            return Err(Failure::input(format!(
                "{name}{}: the document's work {} is not valid proof of work for this block; \
                 remove it, or run attosign work after signing",
                at(i, docs.len()),
                work.to_hex()
            )));
        }
    }
    // Refuses what no node would take before the passphrase is asked.
    for block in &blocks {
        builder::work_job(block, now)?;
    }

    // The journal before the passphrase: a refusal costs no prompt.
    let path = super::journal::journal_path(ctx.global)?;
    let journal = journaled::load(ctx, &path)?;
    journaled::warn_voided_published(ctx, journal.as_ref(), account.as_ref());
    if let Some(j) = &journal {
        journaled::another_signer(j, &first.public_key, account.as_ref())?;
        journaled::builds_on_another(j, first, account.as_ref())?;
        journaled::heights(j, &blocks, &hashes)?;
        journaled::voided_blocks(j, &blocks, &hashes)?;
        journaled::received_before(j, &blocks, &hashes)?;
    }
    // Every block signed and worked before: the journal's transactions, the most complete
    // documents it holds, with no passphrase and no confirmation (DESIGN.md §3).
    if let Some(j) = &journal
        && let Some(finished) = blocks
            .iter()
            .map(|b| j.finished(b).cloned())
            .collect::<Option<Vec<Transaction>>>()
    {
        ctx.note(&format!(
            "already signed and worked: {} transaction(s) printed from the journal (no \
             passphrase, no proof of work)",
            finished.len()
        ));
        for tx in &finished {
            ctx.data(&tx.to_json());
        }
        return Ok(());
    }
    // Signing needs a confirmation (or --yes); a replay above needed neither.
    signer::check_can_confirm(ctx)?;
    let unlocked = super::keys::open_for_update(ctx.global)?;
    journaled::check_id(unlocked.keystore.journal_id(), journal.as_ref(), &path)?;
    journaled::check_rules_beside_keystore(ctx, &unlocked.keystore, &path)?;
    let key = signer::key_in(&unlocked.keystore, &first.public_key, args.index)?;
    let rules = signer::Rules::of(&unlocked.keystore);
    signer::check_policy(
        &rules,
        key.index,
        &blocks,
        &released(journal.as_ref(), &blocks),
        &[],
        journal.as_ref(),
        now,
    )?;
    if blocks.len() == 1 {
        let state = State {
            account: account.as_ref(),
            receivable: claimed.as_ref().and_then(|c| c[0]),
        };
        signer::review_and_confirm(ctx, &Review::new(first, state), Some(&key), None)?;
    } else {
        let chain = chain_review(&blocks, &hashes, account.as_ref(), claimed.as_deref());
        if account.is_none() && first.block_type() != BlockType::Open {
            ctx.caution(
                "NOT CHECKED without --account: the first block's height, previous, balance and \
                 timestamp against the account's state (the journal checked only that it builds \
                 on the block attosign signed below it, if it signed one)",
            );
        }
        signer::review_run_and_confirm(ctx, &chain, &key)?;
    }

    // Under the lock: the same checks again; then the blocks durably in the journal before
    // any signature leaves the process. The signatures, and their JSON, are made on the other
    // cores meanwhile, and dropped if the append fails.
    let mut journal = journaled::open_for_signing(ctx, unlocked, &path)?;
    let request = request_digest(&hashes);
    let (signatures, out) = {
        let mut locked = journal.lock(journaled::on_wait(ctx))?;
        // The time of signing, read again after the prompts and the wait for the lock: the
        // policy's window is measured from it, and the journal records it.
        let now = describe::now_ms();
        journaled::another_signer(locked.journal(), &first.public_key, account.as_ref())?;
        journaled::builds_on_another(locked.journal(), first, account.as_ref())?;
        let again = journaled::heights(locked.journal(), &blocks, &hashes)?;
        journaled::voided_blocks(locked.journal(), &blocks, &hashes)?;
        journaled::received_before(locked.journal(), &blocks, &hashes)?;
        signer::check_policy(
            &rules,
            key.index,
            &blocks,
            &released(Some(locked.journal()), &blocks),
            &[],
            Some(locked.journal()),
            now,
        )?;
        // Each record with its block's hash, known already: the append does not hash again.
        let (mut records, mut known): (Vec<Record>, Vec<Option<Hash>>) = blocks
            .iter()
            .zip(&hashes)
            .zip(&again)
            .filter(|(_, j)| !**j)
            .map(|((block, hash), _)| {
                let record = Record::Block {
                    block: block.clone(),
                    intent: None,
                    request,
                    file: None,
                    time_ms: now,
                };
                (record, Some(*hash))
            })
            .unzip();
        let published = journaled::published(locked.journal(), account.as_ref(), now);
        known.extend(published.iter().map(|_| None));
        records.extend(published);
        let sign_all = || {
            let signatures = key.sign_hashes(&hashes);
            let out = signed_lines(&docs, &signatures);
            (signatures, out)
        };
        attosign::par::beside(sign_all, || locked.append_hashed(&records, &known))?
    };
    let finished: Vec<Record> = docs
        .iter()
        .zip(&signatures)
        .filter_map(|(doc, signature)| {
            Some(Record::Done {
                transaction: Transaction {
                    block: doc.block().clone(),
                    signature: *signature,
                    work: doc.work()?,
                },
                time_ms: describe::now_ms(),
            })
        })
        .collect();
    if !finished.is_empty() {
        journal.lock(journaled::on_wait(ctx))?.append(&finished)?;
    }
    ctx.data_lines(out);
    if blocks.len() > 1 {
        ctx.note(&format!(
            "signed {} blocks of {}, heights {} to {}; journaled in {}",
            blocks.len(),
            first.public_key.address(),
            first.height(),
            blocks.last().expect("blocks").height(),
            io::sanitize(&path.display().to_string())
        ));
    }
    Ok(())
}

/// Each document with its signature (and its work, when it has one), a JSON line each, as
/// stdout takes them: written on every core for a long chain.
fn signed_lines(docs: &[Document], signatures: &[Signature]) -> Vec<String> {
    let pairs: Vec<(&Document, &Signature)> = docs.iter().zip(signatures).collect();
    attosign::par::write_lines(&pairs, 512, 800, |(doc, signature), s| {
        Document::write_parts(s, doc.block(), Some(**signature), doc.work());
        s.push('\n');
    })
}

/// " document N" for a chain's N-th document, nothing for a single one.
fn at(i: usize, n: usize) -> String {
    if n > 1 {
        format!(" document {}", i + 1)
    } else {
        String::new()
    }
}

/// The receivables in the order the chain's RECEIVE and OPEN blocks claim them: one each, so
/// the rules then compare each block's send hash with its own receivable.
fn pair_receivables<'r>(
    blocks: &[Block],
    receivables: &'r [Receivable],
) -> Result<Vec<Option<&'r Receivable>>, Failure> {
    let claims = blocks
        .iter()
        .filter(|b| matches!(b.body, BlockBody::Receive { .. } | BlockBody::Open { .. }))
        .count();
    if claims != receivables.len() {
        return Err(Failure::new(
            Status::Usage,
            "usage",
            format!(
                "--receivable holds {} receivable(s), the blocks receive {claims}; give one per \
                 RECEIVE or OPEN, in the chain's order",
                receivables.len()
            ),
        ));
    }
    let mut next = receivables.iter();
    Ok(blocks
        .iter()
        .map(|b| match b.body {
            BlockBody::Receive { .. } | BlockBody::Open { .. } => next.next(),
            _ => None,
        })
        .collect())
}

/// Whether each block's signature left a process before: its finished transaction is in the
/// journal. The policy checks every other block (a block journaled as signed, by a run that
/// may have been killed before printing, is checked again).
fn released(journal: Option<&attosign::journal::Journal>, blocks: &[Block]) -> Vec<bool> {
    blocks
        .iter()
        .map(|b| journal.is_some_and(|j| j.finished(b).is_some()))
        .collect()
}

/// A chain in the shape the run review shows.
fn chain_review(
    blocks: &[Block],
    hashes: &[Hash],
    account: Option<&Account>,
    claimed: Option<&[Option<&Receivable>]>,
) -> Prepared {
    let mut end = account.cloned();
    for (block, hash) in blocks.iter().zip(hashes) {
        end = Some(Account::after_hashed(end.as_ref(), block, *hash));
    }
    Prepared {
        blocks: blocks.to_vec(),
        account: account.cloned(),
        receivables: claimed
            .unwrap_or_default()
            .iter()
            .flatten()
            .map(|r| (*r).clone())
            .collect(),
        end: end.expect("a chain has blocks"),
        payment_request: None,
        payments: vec![],
        file_sha256: None,
        state_out: None,
        requests: vec![],
        explicit_timestamp: None,
    }
}

/// What the journal records as the request of a `sign`: the blocks themselves (by hash).
fn request_digest(hashes: &[Hash]) -> [u8; 32] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(b"attosign sign v1\n");
    for hash in hashes {
        h.update(hash.to_hex());
        h.update(b"\n");
    }
    h.finalize().into()
}
