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
    let doc = Document::parse(&text).map_err(|e| {
        Failure::input(format!(
            "{}: {}",
            io::sanitize(&path.display().to_string()),
            io::sanitize(&e.to_string())
        ))
    })?;
    Ok((doc, text))
}
