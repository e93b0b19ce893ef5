//! `attosign send|receive|open|change`: build, review, sign and work in one step, printing
//! the transaction JSON that `POST /transactions` takes.

use super::args::{ChangeCommand, OpenCommand, ReceiveCommand, SendCommand, SignOptions, TimeArgs};
use super::journaled::{self, Plan, Run};
use super::request::{self, Prepared};
use super::{Ctx, Failure, Status, describe, grind, io, prompt, signer};
use attosign::builder;
use attosign::journal::Record;
use attosign::protocol::Transaction;
use std::path::Path;

pub fn send(ctx: &mut Ctx, cmd: &SendCommand) -> Result<(), Failure> {
    if cmd.allow_repeat && cmd.request.batch.is_none() {
        return Err(Failure::usage(
            "--allow-repeat is for a payout file already signed on an earlier account state: \
             it goes with --batch",
        ));
    }
    let mut inputs: Vec<(&str, &Path)> = vec![("--account", &cmd.request.account)];
    inputs.extend(cmd.request.batch.as_deref().map(|b| ("--batch", b)));
    start(ctx, &cmd.sign, &inputs, &cmd.request.time)?;
    let prepared = request::send(ctx, &cmd.request)?;
    finish(ctx, prepared, &cmd.sign, cmd.allow_repeat)
}

pub fn receive(ctx: &mut Ctx, cmd: &ReceiveCommand) -> Result<(), Failure> {
    let r = &cmd.request;
    start(
        ctx,
        &cmd.sign,
        &[("--account", &r.account), ("--receivable", &r.receivable)],
        &r.time,
    )?;
    let prepared = request::receive(ctx, r)?;
    finish(ctx, prepared, &cmd.sign, false)
}

pub fn open(ctx: &mut Ctx, cmd: &OpenCommand) -> Result<(), Failure> {
    start(
        ctx,
        &cmd.sign,
        &[("--receivable", &cmd.request.receivable)],
        &cmd.request.time,
    )?;
    let prepared = request::open(ctx, &cmd.request)?;
    finish(ctx, prepared, &cmd.sign, false)
}

pub fn change(ctx: &mut Ctx, cmd: &ChangeCommand) -> Result<(), Failure> {
    start(
        ctx,
        &cmd.sign,
        &[("--account", &cmd.request.account)],
        &cmd.request.time,
    )?;
    let prepared = request::change(ctx, &cmd.request)?;
    finish(ctx, prepared, &cmd.sign, false)
}

/// The usage checks that must fail before anything is read or asked.
fn start(
    ctx: &Ctx,
    sign: &SignOptions,
    inputs: &[(&str, &Path)],
    time: &TimeArgs,
) -> Result<(), Failure> {
    grind::kernel(sign.kernel)?;
    if let Some(png) = sign.qr_png.as_deref() {
        let kept = request::kept_files(ctx.global);
        let mut protected: Vec<&Path> = kept.iter().map(|p| p.as_path()).collect();
        protected.extend(inputs.iter().map(|(_, p)| *p));
        // The other output too: one of the two would be lost (regression: `--state-out x.png
        // --qr-png x.png` kept whichever was written last).
        protected.extend(time.state_out.as_deref());
        super::qr::check_image_path("--qr-png", png, &protected)?;
    }
    let mut all: Vec<(&str, Option<&Path>)> = inputs.iter().map(|(f, p)| (*f, Some(*p))).collect();
    all.push(("--passphrase-file", ctx.global.passphrase_file.as_deref()));
    prompt::stdin_once(&all)
}

/// `allow_repeat`: `send --batch --allow-repeat` (a payout file signed on an earlier state).
fn finish(
    ctx: &mut Ctx,
    mut prepared: Prepared,
    sign: &SignOptions,
    allow_repeat: bool,
) -> Result<(), Failure> {
    let now = describe::now_ms();
    // Checked as a payout line's intent is; an empty one is a script's unset variable, not
    // "no intent": without it a retry could pay again.
    let intent = match sign.intent.as_deref().map(builder::batch::intent) {
        None => None,
        Some(Ok(Some(intent))) => Some(intent),
        Some(Ok(None)) => return Err(Failure::usage("--intent is empty")),
        Some(Err(e)) => return Err(Failure::usage(format!("--intent: {e}"))),
    };
    if intent.is_some() && prepared.is_run() {
        return Err(Failure::usage(format!(
            "--intent names one payment, and this run signs {} blocks; a payout file gives \
             each line its own intent (its third column, or \"intent\" in NDJSON)",
            prepared.blocks.len()
        )));
    }
    // A block no node would take gets neither a signature nor work.
    for block in &prepared.blocks {
        builder::work_job(block, now)?;
    }
    // The images' names are known now that the count is.
    if let Some(png) = sign.qr_png.as_deref() {
        let paths = super::qr::image_paths(png, prepared.blocks.len(), "png");
        super::qr::check_targets(&paths, "nothing was signed")?;
        super::qr::stale_images(png, prepared.blocks.len(), "png")?;
    }
    let account = prepared.blocks[0].public_key;
    let request = prepared.digest();
    let intents: Vec<Option<String>> = if prepared.payments.is_empty() {
        vec![intent; prepared.blocks.len()]
    } else {
        prepared.payments.iter().map(|p| p.intent.clone()).collect()
    };
    let path = super::journal::journal_path(ctx.global)?;
    let journal = journaled::load(ctx, &path)?;
    journaled::warn_voided_published(ctx, journal.as_ref(), prepared.account.as_ref());
    let run = Run {
        prepared: &prepared,
        request,
        intents,
        file: prepared.payouts_digest(),
        allow_repeat,
    };
    // Journal before passphrase: a replay needs neither a passphrase nor proof of work.
    let (blocks, journaled, done) = match journaled::plan(journal.as_ref(), &run, now)? {
        Plan::Replay(transactions) => return replay(ctx, &mut prepared, &transactions, sign),
        Plan::Sign {
            blocks,
            journaled,
            done,
        } => (blocks, journaled, done),
    };
    let intents = run.intents.clone();
    // Signing needs a confirmation (or --yes); a replay above needed neither.
    signer::check_can_confirm(ctx)?;
    let unlocked = super::keys::open_for_update(ctx.global)?;
    journaled::check_id(unlocked.keystore.journal_id(), journal.as_ref(), &path)?;
    journaled::check_rules_beside_keystore(ctx, &unlocked.keystore, &path)?;
    let key = signer::key_in(&unlocked.keystore, &account, sign.index)?;
    let rules = signer::Rules::of(&unlocked.keystore);
    let released: Vec<bool> = done.iter().map(Option::is_some).collect();
    signer::check_policy(
        &rules,
        key.index,
        &blocks,
        &released,
        &prepared.payments,
        journal.as_ref(),
        now,
    )?;
    if journaled.iter().any(|j| *j) {
        ctx.note(&format!(
            "resuming a run already in the journal: its {} block(s) are reused as they were signed",
            blocks.len()
        ));
        prepared.blocks = blocks.clone();
        // The state after the chain is the one the journaled blocks leave (their timestamps,
        // their hashes), not the one a fresh build would have left.
        let mut end = prepared.account.clone();
        for block in &blocks {
            end = Some(attosign::protocol::Account::after(end.as_ref(), block));
        }
        prepared.end = end.expect("a run has blocks");
    }
    if prepared.is_run() {
        signer::review_run_and_confirm(ctx, &prepared, &key)?;
    } else {
        signer::review_and_confirm(
            ctx,
            &prepared.review(),
            Some(&key),
            prepared.payment_request.as_deref(),
        )?;
    }
    // Under the lock: the same checks again; then the blocks durably in the journal before
    // any signature leaves the process (the signatures are made meanwhile, and dropped if the
    // append fails).
    let mut journal = journaled::open_for_signing(ctx, unlocked, &path)?;
    let signatures = {
        let mut locked = journal.lock(journaled::on_wait(ctx))?;
        // The time of signing, read again after the prompts and the wait for the lock: the
        // policy's window is measured from it, and the journal records it.
        let signed_at = describe::now_ms();
        let run = Run {
            prepared: &prepared,
            request,
            intents: intents.clone(),
            file: prepared.payouts_digest(),
            allow_repeat,
        };
        match journaled::plan(Some(locked.journal()), &run, now)? {
            Plan::Replay(transactions) => {
                drop(locked);
                return replay(ctx, &mut prepared, &transactions, sign);
            }
            // The same run, journaled by another attosign between this one's reading of the
            // journal and its lock (the same command started twice at once): its blocks are
            // not the ones reviewed here (other timestamps), so nothing is signed, and the
            // same command again resumes or replays that run.
            Plan::Sign {
                blocks: again,
                journaled: adopted,
                ..
            } if again != blocks && adopted.iter().any(|j| *j) => {
                return Err(Failure::new(
                    Status::Journal,
                    "run-in-progress",
                    "another attosign journaled this same run while this one was reviewing it \
                     or waiting for the journal; nothing was signed here. Run the same command \
                     again: it resumes or replays that run",
                ));
            }
            Plan::Sign { blocks: again, .. } if again != blocks => {
                return Err(Failure::new(
                    Status::Journal,
                    "height-signed",
                    "another attosign signed for this account while this one was reviewing or \
                     waiting for the journal; nothing was signed here. Run the command again to \
                     see what the journal holds now",
                ));
            }
            Plan::Sign { done: again, .. } => signer::check_policy(
                &rules,
                key.index,
                &blocks,
                &again.iter().map(Option::is_some).collect::<Vec<_>>(),
                &prepared.payments,
                Some(locked.journal()),
                signed_at,
            )?,
        }
        let mut records = journaled::block_records(&run, &blocks, &journaled, signed_at);
        records.extend(journaled::published(
            locked.journal(),
            prepared.account.as_ref(),
            signed_at,
        ));
        attosign::par::beside(|| key.sign_blocks(&blocks), || locked.append(&records))?
    };
    let jobs: Vec<_> = blocks
        .iter()
        .zip(&done)
        .filter(|(_, d)| d.is_none())
        .map(|(b, _)| builder::work_job(b, now))
        .collect::<Result<_, _>>()?;
    // Every target is known now: all the chain's work is ground in one search.
    let mut nonces = grind::solve(ctx, &jobs, grind::kernel(sign.kernel)?)
        .map_err(|mut failure| {
            // The blocks are journaled as signed by now: say what that means for a rerun.
            if failure.status == Status::Interrupted {
                failure.message = "interrupted: no proof of work was found and no transaction \
                                   was printed. The signed block(s) are in the journal: the \
                                   same command resumes them, and a different payment at \
                                   their height is refused until it is voided"
                    .into();
            }
            failure
        })?
        .into_iter();
    // Another attosign resuming the same run may have ground these blocks' work meanwhile (a
    // second process with the same intent waits for the lock, finds the blocks journaled but
    // unfinished, and resumes them). Under the lock, the transaction journaled first is the
    // one both print: one block, one work, whichever process finished first.
    let mut transactions = Vec::with_capacity(blocks.len());
    let mut finished = Vec::new();
    let mut locked = journal.lock(journaled::on_wait(ctx))?;
    for ((block, signature), done) in blocks.iter().zip(signatures).zip(done) {
        let tx = match done {
            Some(tx) => tx,
            None => {
                let nonce = nonces.next().expect("one nonce per job");
                match locked.journal().finished(block) {
                    Some(first) => first.clone(),
                    None => {
                        let tx = builder::finish(block.clone(), signature, nonce);
                        finished.push(Record::Done {
                            transaction: tx.clone(),
                            time_ms: describe::now_ms(),
                        });
                        tx
                    }
                }
            }
        };
        transactions.push(tx);
    }
    locked.append(&finished)?;
    drop(locked);
    for tx in &transactions {
        ctx.data(&tx.to_json());
    }
    show_codes(ctx, &transactions, sign)?;
    ctx.note(&format!(
        "signed and worked {} block(s) of {}, heights {} to {}; journaled in {}",
        blocks.len(),
        account.address(),
        blocks[0].height(),
        blocks.last().expect("blocks").height(),
        io::sanitize(&path.display().to_string())
    ));
    prepared.write_state(ctx)
}

fn replay(
    ctx: &mut Ctx,
    prepared: &mut Prepared,
    transactions: &[Transaction],
    sign: &SignOptions,
) -> Result<(), Failure> {
    ctx.note(&format!(
        "already signed and worked: {} transaction(s) printed again from the journal (no \
         passphrase, no proof of work)",
        transactions.len()
    ));
    for tx in transactions {
        ctx.data(&tx.to_json());
    }
    // --state-out: the state the saved chain leaves, as a first run would have written it.
    let mut end = prepared.account.clone();
    for tx in transactions {
        end = Some(attosign::protocol::Account::after(end.as_ref(), &tx.block));
    }
    if let Some(end) = end {
        prepared.end = end;
    }
    prepared.write_state(ctx)?;
    show_codes(ctx, transactions, sign)
}

/// `--qr` and `--qr-png`: the codes beside the JSON on stdout.
fn show_codes(ctx: &Ctx, transactions: &[Transaction], sign: &SignOptions) -> Result<(), Failure> {
    if sign.qr || sign.qr_png.is_some() {
        super::qr::show(ctx, transactions, sign.qr, sign.qr_png.as_deref())?;
    }
    Ok(())
}
