//! `attosign sign FILE`: a block (or `{"block","work"}`) → `{"block","signature"}` (or the
//! whole transaction), after the ledger rules the given state allows, review and
//! confirmation. Without `--account` it says what it could not check.

use super::args::SignArgs;
use super::inspect::read_document;
use super::request::{read_account, read_receivable};
use super::{Ctx, Failure, describe, prompt, signer};
use attosign::builder::{self, LedgerError, Review, State, rules};
use attosign::protocol::BlockType;

pub fn run(ctx: &mut Ctx, args: &SignArgs) -> Result<(), Failure> {
    prompt::stdin_once(&[
        ("FILE", Some(&args.file)),
        ("--account", args.account.as_deref()),
        ("--receivable", args.receivable.as_deref()),
        ("--passphrase-file", ctx.global.passphrase_file.as_deref()),
    ])?;
    signer::check_can_confirm(ctx)?;
    let (doc, _) = read_document(&args.file)?;
    if doc.signature().is_some() {
        return Err(Failure::input(
            "the document is already signed; sign takes a block or {\"block\",\"work\"}",
        ));
    }
    let block = doc.block();
    let account = match &args.account {
        Some(path) => match read_account(path)? {
            Some(account) => Some(account),
            None if block.block_type() == BlockType::Open => None,
            None => {
                return Err(LedgerError::NotOpened {
                    account: block.public_key,
                }
                .into());
            }
        },
        None => None,
    };
    let receivable = args
        .receivable
        .as_deref()
        .map(read_receivable)
        .transpose()?;
    let state = State {
        account: account.as_ref(),
        receivable: receivable.as_ref(),
    };
    let now = describe::now_ms();
    rules::check(block, state, now)?;
    if let Some(work) = doc.work()
        && !work.is_valid_for(block)
    {
        return Err(Failure::input(format!(
            "the document's work {} is not valid proof of work for this block; remove it, or \
             run attosign work after signing",
            work.to_hex()
        )));
    }
    // Refuses what no node would take before the passphrase is asked.
    builder::work_job(block, now)?;
    let review = Review::new(block, state);
    let (_, keystore, _) = super::keys::open(ctx.global)?;
    let key = signer::key_in(&keystore, &block.public_key, args.index)?;
    signer::review_and_confirm(ctx, &review, Some(&key), None)?;
    let signature = key.sign(&review);
    ctx.data(&builder::with_signature(doc, signature).to_json());
    Ok(())
}
