//! `attosign send|receive|open|change`: build, review, sign and work in one step, printing
//! the transaction JSON that `POST /transactions` takes.

use super::args::{ChangeCommand, OpenCommand, ReceiveCommand, SendCommand, SignOptions};
use super::request::{self, Prepared};
use super::{Ctx, Failure, describe, grind, prompt, signer};
use attosign::builder;
use std::path::Path;

pub fn send(ctx: &mut Ctx, cmd: &SendCommand) -> Result<(), Failure> {
    start(ctx, &cmd.sign, &[("--account", &cmd.request.account)])?;
    let prepared = request::send(ctx, &cmd.request)?;
    finish(ctx, prepared, &cmd.sign)
}

pub fn receive(ctx: &mut Ctx, cmd: &ReceiveCommand) -> Result<(), Failure> {
    let r = &cmd.request;
    start(
        ctx,
        &cmd.sign,
        &[("--account", &r.account), ("--receivable", &r.receivable)],
    )?;
    let prepared = request::receive(ctx, r)?;
    finish(ctx, prepared, &cmd.sign)
}

pub fn open(ctx: &mut Ctx, cmd: &OpenCommand) -> Result<(), Failure> {
    start(ctx, &cmd.sign, &[("--receivable", &cmd.request.receivable)])?;
    let prepared = request::open(ctx, &cmd.request)?;
    finish(ctx, prepared, &cmd.sign)
}

pub fn change(ctx: &mut Ctx, cmd: &ChangeCommand) -> Result<(), Failure> {
    start(ctx, &cmd.sign, &[("--account", &cmd.request.account)])?;
    let prepared = request::change(ctx, &cmd.request)?;
    finish(ctx, prepared, &cmd.sign)
}

/// The usage checks that must fail before anything is read or asked.
fn start(ctx: &Ctx, sign: &SignOptions, inputs: &[(&str, &Path)]) -> Result<(), Failure> {
    grind::kernel(sign.kernel)?;
    let mut all: Vec<(&str, Option<&Path>)> = inputs.iter().map(|(f, p)| (*f, Some(*p))).collect();
    all.push(("--passphrase-file", ctx.global.passphrase_file.as_deref()));
    prompt::stdin_once(&all)?;
    signer::check_can_confirm(ctx)
}

fn finish(ctx: &mut Ctx, prepared: Prepared, sign: &SignOptions) -> Result<(), Failure> {
    let now = describe::now_ms();
    // A block no node would take gets neither a signature nor work.
    let jobs = prepared
        .blocks
        .iter()
        .map(|b| builder::work_job(b, now))
        .collect::<Result<Vec<_>, _>>()?;
    let account = prepared.blocks[0].public_key;
    let key = signer::key_for(ctx, &account, sign.index)?;
    if prepared.is_run() {
        signer::review_run_and_confirm(ctx, &prepared, &key)?;
    } else {
        let review = prepared.review();
        signer::review_and_confirm(
            ctx,
            &review,
            Some(&key),
            prepared.payment_request.as_deref(),
        )?;
    }
    let signatures: Vec<_> = prepared.blocks.iter().map(|b| key.sign_block(b)).collect();
    // Every target is known now: all the chain's work is ground in one search.
    let nonces = grind::solve(ctx, &jobs, grind::kernel(sign.kernel)?)?;
    for ((block, signature), nonce) in prepared.blocks.iter().zip(signatures).zip(nonces) {
        let transaction = builder::finish(block.clone(), signature, nonce);
        ctx.data(&transaction.to_json());
    }
    ctx.note(&format!(
        "signed and worked {} block(s) of {}, heights {} to {}",
        prepared.blocks.len(),
        account.address(),
        prepared.blocks[0].height(),
        prepared.end.height
    ));
    prepared.write_state(ctx)
}
