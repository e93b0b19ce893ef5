//! `attosign inspect FILE`: a block or transaction shown for people, or as JSON.

use super::args::InspectArgs;
use super::describe::{Value, describe, now_ms, to_json};
use super::{Ctx, Failure, io};
use attosign::protocol::Document;

pub fn run(ctx: &mut Ctx, args: &InspectArgs) -> Result<(), Failure> {
    let (doc, _) = read_document(&args.file)?;
    let fields = describe(&doc, now_ms());
    if ctx.global.json {
        ctx.data(&to_json(&fields));
        return Ok(());
    }
    for field in &fields {
        let value = match &field.value {
            Value::Text(s) | Value::Number(s) => s.clone(),
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "NO".into(),
            Value::List(items) if items.is_empty() => "none".into(),
            Value::List(items) => items.join("; "),
        };
        ctx.data(&format!("{:<25} {value}", field.key));
    }
    Ok(())
}

/// Reads a document (JSON or hex) from a file or stdin, with its text; malformed content is
/// status 1.
pub fn read_document(path: &std::path::Path) -> Result<(Document, String), Failure> {
    let text = io::read_text(path)?;
    let doc = Document::parse(&text).map_err(|e| not_a_document(path, &text, &e.to_string()))?;
    Ok((doc, text))
}

/// The error for a file that is not a block or transaction: what it is instead when it is
/// one of the other files an operator handles (regression: an account state given to `sign`
/// said only `missing field "type"`), else the parser's reason.
pub fn not_a_document(path: &std::path::Path, text: &str, reason: &str) -> Failure {
    let name = io::sanitize(&path.display().to_string());
    match misplaced(text) {
        Some(what) => Failure::input(format!(
            "{name} is {what}, not a block or a transaction (what attosign build, sign and \
             work print)"
        )),
        None => Failure::input(format!("{name}: {}", io::sanitize(reason))),
    }
}

/// What a file is, when it is one of the other files of the workflow, from its first line.
pub(super) fn misplaced(text: &str) -> Option<&'static str> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())?;
    let keys = serde_json::from_str::<serde_json::Value>(first)
        .or_else(|_| serde_json::from_str(text.trim_start_matches('\u{feff}')))
        .ok()
        .and_then(|v| v.as_object().cloned());
    if let Some(keys) = keys {
        let has = |k: &str| keys.contains_key(k);
        if has("block") || has("type") {
            return None;
        }
        if has("lastTransactionHash") {
            return Some("an account state (give it as --account)");
        }
        if has("receiverPublicKey") {
            return Some("a receivable (give it to receive or open as --receivable)");
        }
        if has("serverInstant") {
            return Some("the node's time (give it as --node-time)");
        }
        if has("to") {
            return Some("a payout file (give it to send as --batch)");
        }
        return None;
    }
    let lower = first.to_ascii_lowercase();
    (lower.starts_with("atto://")
        || lower.starts_with("address,")
        || lower.starts_with("\"atto://"))
    .then_some("a payout file (give it to send as --batch)")
}
