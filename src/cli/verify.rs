//! `attosign verify FILE`: hash, signature, proof of work and the block's own rules. Exit 0
//! when all hold, 3 when any fails (naming each), 1 when the file cannot be parsed.

use super::args::VerifyArgs;
use super::describe::now_ms;
use super::inspect::read_document;
use super::request::{read_account, read_receivable, state_for};
use super::{Ctx, Failure, Status, io};
use attosign::builder::{LedgerError, State, rules};
use attosign::protocol::{BlockType, Checks, Document, Hash};

/// One check and its outcome: `None` passed, `Some(reason)` failed.
struct Check {
    name: &'static str,
    failure: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: &VerifyArgs) -> Result<(), Failure> {
    super::prompt::stdin_once(&[
        ("FILE", Some(&args.file)),
        ("--account", args.account.as_deref()),
        ("--receivable", args.receivable.as_deref()),
    ])?;
    let (doc, text) = read_document(&args.file)?;
    let claimed = claimed_hash(&text);
    let now = now_ms();
    let mut checks = checks(&doc, claimed, now);
    if args.account.is_some() || args.receivable.is_some() {
        checks.push(ledger(&doc, args, now)?);
    }
    let failed: Vec<&Check> = checks.iter().filter(|c| c.failure.is_some()).collect();
    let hash = doc.block().hash().to_hex();
    if ctx.global.json {
        let detail: serde_json::Map<_, _> = checks
            .iter()
            .map(|c| {
                let value = c.failure.clone().unwrap_or_else(|| "ok".into());
                (c.name.to_string(), serde_json::Value::String(value))
            })
            .collect();
        let json =
            serde_json::json!({ "valid": failed.is_empty(), "hash": hash, "checks": detail });
        ctx.data(&json.to_string());
    } else {
        for check in &checks {
            match &check.failure {
                None => ctx.note(&format!("ok      {}", check.name)),
                Some(reason) => ctx.note(&format!("FAILED  {}: {reason}", check.name)),
            }
        }
    }
    if failed.is_empty() {
        ctx.note(&format!("valid transaction {hash}"));
        return Ok(());
    }
    let names: Vec<&str> = failed.iter().map(|c| c.name).collect();
    let mut failure = Failure::new(
        Status::Invalid,
        "invalid-transaction",
        format!("transaction {hash} is invalid: {} failed", names.join(", ")),
    );
    if ctx.global.json {
        // stdout stays empty on failure, so the JSON error carries every reason.
        failure.message = format!("{} ({})", failure.message, failed_reasons(&failed));
    }
    Err(failure)
}

/// The ledger rules against the given state (the block's own rules are the "rules" check).
fn ledger(doc: &Document, args: &VerifyArgs, now: i64) -> Result<Check, Failure> {
    let block = doc.block();
    let account = match &args.account {
        Some(path) => match state_for(read_account(path)?, block) {
            Ok(account) => account,
            Err(e) => {
                return Ok(Check {
                    name: "ledger",
                    failure: Some(e.to_string()),
                });
            }
        },
        None => None,
    };
    if args.account.is_some() && account.is_none() && block.block_type() != BlockType::Open {
        return Ok(Check {
            name: "ledger",
            failure: Some(
                LedgerError::NotOpened {
                    account: Some(block.public_key),
                }
                .to_string(),
            ),
        });
    }
    let receivable = args
        .receivable
        .as_deref()
        .map(read_receivable)
        .transpose()?;
    let state = State {
        account: account.as_ref(),
        receivable: receivable.as_ref(),
    };
    let broken: Vec<String> = rules::violations(block, state, now)
        .into_iter()
        .filter(|v| !matches!(v, LedgerError::Block(_)))
        .map(|v| format!("{} ({})", v, v.rule()))
        .collect();
    Ok(Check {
        name: "ledger",
        failure: (!broken.is_empty()).then(|| broken.join("; ")),
    })
}

fn failed_reasons(failed: &[&Check]) -> String {
    failed
        .iter()
        .filter_map(|c| c.failure.as_deref())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A `"hash"` the document claims for itself (at the top level or in `"block"`), if any.
fn claimed_hash(text: &str) -> Option<String> {
    let value = serde_json::from_str::<serde_json::Value>(text.trim()).ok()?;
    let claimed = value
        .get("hash")
        .or_else(|| value.get("block").and_then(|b| b.get("hash")));
    claimed.map(|h| h.as_str().unwrap_or("(not a string)").to_string())
}

fn checks(doc: &Document, claimed: Option<String>, now: i64) -> Vec<Check> {
    let block = doc.block();
    let hash = block.hash();
    let mut out = Vec::new();
    out.push(Check {
        name: "hash",
        failure: claimed.and_then(|claimed| match Hash::from_hex(&claimed) {
            Ok(h) if h == hash => None,
            _ => Some(format!(
                "the document says {}, its block hashes to {hash}",
                io::one_line(&attosign::text::shorten(&claimed))
            )),
        }),
    });
    let found = Checks::of_document(doc, now);
    for (name, problem) in found.named() {
        out.push(Check {
            name,
            failure: problem.map(ToString::to_string),
        });
    }
    out
}
