//! `attosign journal list`: what was signed, read from the journal without a lock, keystore
//! or passphrase. Also where the journal is, and how its refusals read (one mapping, used by
//! every command that signs).

use super::args::{Global, JournalCommand, JournalListArgs};
use super::{Ctx, Failure, Status, io::sanitize};
use attosign::journal::{Journal, JournalError, Listed, State, format_time};
use attosign::protocol::{Address, PublicKey};
use std::path::{Path, PathBuf};

pub fn run(ctx: &mut Ctx, cmd: &JournalCommand) -> Result<(), Failure> {
    match cmd {
        JournalCommand::List(args) => list(ctx, args),
        JournalCommand::Void(args) => super::journaled::void(ctx, args),
        JournalCommand::New => super::journaled::new(ctx),
    }
}

/// `--journal`, else the keystore's path with `.journal` appended (DESIGN.md §4).
pub(crate) fn journal_path(global: &Global) -> Result<PathBuf, Failure> {
    if let Some(path) = &global.journal {
        if path == Path::new("-") {
            return Err(Failure::usage(
                "--journal cannot be \"-\": the journal is a file attosign appends to and locks. \
                 Pass a file path.",
            ));
        }
        return Ok(path.clone());
    }
    default_journal_path(global)
}

/// The keystore's path with `.journal` appended: where its journal lives without `--journal`.
pub(crate) fn default_journal_path(global: &Global) -> Result<PathBuf, Failure> {
    let mut path = super::keys::keystore_path(global)?.into_os_string();
    path.push(".journal");
    Ok(path.into())
}

/// Reads the journal, telling the operator about a torn last line (a power loss while
/// appending; nothing was signed for it).
pub(crate) fn open(ctx: &Ctx, path: &Path) -> Result<Journal, Failure> {
    let journal = Journal::open(path)?;
    if let Some(bytes) = journal.torn_tail() {
        ctx.note(&format!(
            "note: the journal's last line is incomplete ({bytes} bytes, left by an interrupted \
             write); nothing was signed for it, and it is ignored. The next signing removes it."
        ));
    }
    Ok(journal)
}

fn list(ctx: &mut Ctx, args: &JournalListArgs) -> Result<(), Failure> {
    let account: Option<PublicKey> = match &args.account {
        Some(text) => Some(
            Address::parse(text)
                .map_err(|e| {
                    Failure::usage(format!(
                        "--account {:?}: {e}. Give an atto:// address.",
                        sanitize(text)
                    ))
                })?
                .public_key,
        ),
        None => None,
    };
    let path = journal_path(ctx.global)?;
    // No journal at the keystore's usual place and no head saying one was there: nothing
    // was signed with it yet (its first signing run starts it), which is an empty list, not
    // a refusal. (Regression: a new keystore's `journal list` exited 5, saying attosign
    // would not sign until a journal was started deliberately, which was not so.) A
    // `--journal` that names no file, or a journal whose head is left, is still refused.
    if ctx.global.journal.is_none()
        && matches!(std::fs::symlink_metadata(&path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
        && Journal::head_at(&Journal::head_path(&path)).is_none()
    {
        if ctx.global.json {
            ctx.data("[]");
        } else {
            ctx.note(&format!(
                "no journal at {} yet: nothing is recorded there. The keystore's first signing \
                 run, or book or policy change, starts it.",
                sanitize(&path.display().to_string())
            ));
        }
        return Ok(());
    }
    let mut journal = open(ctx, &path)?;
    // Regression: an older copy given as --journal was listed without a word, while signing
    // with it was refused: it is checked against the head beside the keystore too.
    super::journaled::guard_head_beside_keystore(ctx, &mut journal)?;
    if ctx.global.json {
        let json = journal.list_json(account.as_ref());
        ctx.data(&json.to_string());
        return Ok(());
    }
    let rows = journal.listing(account.as_ref());
    ctx.note(&format!(
        "journal {} ({}), created {}: {} entries",
        sanitize(&path.display().to_string()),
        journal.id(),
        format_time(journal.created_ms()),
        rows.len()
    ));
    if rows.is_empty() {
        return Ok(());
    }
    ctx.data(&format!(
        "{:>6}  {:<24}  {:<16}  {:>8}  {:<9}  {:<24}  HASH",
        "LINE", "TIME", "ACCOUNT", "HEIGHT", "STATE", "INTENT"
    ));
    for row in rows {
        let line = match row {
            Listed::Block(e) => table_row(
                e.line,
                e.time_ms,
                &e.account,
                &e.height.to_string(),
                e.state.name(),
                e.intent
                    .as_deref()
                    .map_or_else(|| "-".to_string(), sanitize),
                &e.hash.to_hex(),
            ),
            Listed::Void(m) => table_row(
                m.line,
                m.time_ms,
                &m.account,
                &m.height.to_string(),
                "voided",
                "-".into(),
                &m.hash.to_hex(),
            ),
            Listed::Change(c) => format!(
                "{:>6}  {:<24}  {} change: {}",
                c.line,
                format_time(c.time_ms),
                sanitize(&c.what),
                sanitize(&c.detail.to_string())
            ),
        };
        ctx.data(&line);
    }
    Ok(())
}

fn table_row(
    line: u64,
    time_ms: i64,
    account: &PublicKey,
    height: &str,
    state: &str,
    intent: String,
    hash: &str,
) -> String {
    format!(
        "{line:>6}  {:<24}  {:<16}  {height:>8}  {state:<9}  {intent:<24}  {hash}",
        format_time(time_ms),
        short_address(account),
    )
}

/// `atto://abcd…wxyz`: enough to tell accounts apart in a table; `--json` has them whole.
fn short_address(account: &PublicKey) -> String {
    let full = account.address().to_string();
    let body = full.strip_prefix("atto://").unwrap_or(&full);
    format!("{}…{}", &body[..6], &body[body.len() - 4..])
}

/// What was signed before, for refusals: height, account, hash, when, intent, state.
fn describe(entry: &attosign::journal::BlockEntry) -> String {
    format!(
        "height {} of {}: block {} signed {}{}, {}",
        entry.height,
        entry.account.address(),
        entry.hash,
        format_time(entry.time_ms),
        entry
            .intent
            .as_deref()
            .map_or_else(String::new, |i| format!(" under intent {:?}", sanitize(i))),
        entry.state.name()
    )
}

/// The one mapping from journal errors to exit status, `--json` code and message.
impl From<JournalError> for Failure {
    fn from(error: JournalError) -> Failure {
        let path = |p: &Path| sanitize(&p.display().to_string());
        match error {
            JournalError::Missing { path: p } => Failure::new(
                Status::Journal,
                "journal-missing",
                format!(
                    "there is no journal at {}. Pass --journal PATH if it lives elsewhere; \
                     attosign will not sign without the journal that records what it signed \
                     until a new one is started deliberately.",
                    path(&p)
                ),
            ),
            JournalError::Damaged {
                path: p,
                line,
                reason,
            } => Failure::new(
                Status::Journal,
                "journal-damaged",
                format!(
                    "the journal {} is damaged at line {line}: {}. It is plain JSON lines: \
                     inspect it with `less {0}` or `jq -c . {0}`. attosign will not sign until \
                     it is repaired from a backup, or a new journal is started deliberately.",
                    path(&p),
                    sanitize(&reason)
                ),
            ),
            JournalError::HeightSigned { existing, hash, .. } => {
                let what = if existing.hash == hash {
                    "the same block was signed under another intent"
                } else {
                    "signing a different block there would fork the account"
                };
                Failure::new(
                    Status::Journal,
                    "height-signed",
                    format!(
                        "already signed: {}; {what} (refused block {hash}). Fetch the account's \
                         current state and build on it; if that block will never be published, \
                         free the height with `attosign journal void`.",
                        describe(&existing)
                    ),
                )
            }
            JournalError::IntentReused { intent, existing } => {
                let advice = if existing.state == State::Void {
                    "Its block was voided; a voided payment is made again only under a new \
                     intent, on purpose."
                } else {
                    "Run the original command unchanged to get its transaction again, or use a \
                     new intent for a new payment."
                };
                let what = if existing.state == State::Void {
                    "already used"
                } else {
                    "already used for a different request"
                };
                Failure::new(
                    Status::Journal,
                    "intent-reused",
                    format!(
                        "intent {:?} was {what} ({}). {advice}",
                        sanitize(&intent),
                        describe(&existing)
                    ),
                )
            }
            JournalError::RolledBack {
                path: p,
                head,
                lines,
                head_lines,
            } => Failure::new(
                Status::Journal,
                "journal-rolled-back",
                format!(
                    "the journal {0} {1} ({2} says so): this is an older copy (a backup \
                     restored over it, or given as --journal?), and what was signed since would be open again. \
                     attosign signs nothing with it. Put the newest journal back; if it is \
                     lost, move this one aside and start a new one deliberately with attosign \
                     journal new, after checking every account's state on a node.",
                    path(&p),
                    if lines == head_lines {
                        format!(
                            "holds {lines} lines, as when attosign last wrote it, but its line \
                             {lines} is not the one attosign wrote there"
                        )
                    } else {
                        format!(
                            "holds {lines} lines, but when attosign last wrote it it had \
                             {head_lines}"
                        )
                    },
                    path(&head)
                ),
            ),
            JournalError::Replaced { path: p } => Failure::new(
                Status::Journal,
                "journal-replaced",
                format!(
                    "the journal {} was replaced while attosign was running; nothing was \
                     signed. Run the command again.",
                    path(&p)
                ),
            ),
            JournalError::Io { .. } => Failure::new(
                Status::Error,
                "io",
                format!("{}. Nothing was signed.", sanitize(&error.to_string())),
            ),
            JournalError::Exists { .. } => Failure::new(
                Status::Journal,
                "journal-exists",
                format!(
                    "{}. Move it aside first if a new journal is really wanted.",
                    sanitize(&error.to_string())
                ),
            ),
            JournalError::LiveAbove { height, above } => Failure::new(
                Status::Journal,
                "journal-refused",
                format!(
                    "the journal holds live blocks above height {height} of {} (up to {}). \
                     Void from the highest height down, so no live block is left built on a \
                     voided one. Nothing was written.",
                    above.account.address(),
                    describe(&above)
                ),
            ),
            // A record the journal's rules refuse that the command's own checks should
            // have caught: refuse, and say so.
            other => Failure::new(
                Status::Journal,
                "journal-refused",
                format!(
                    "the journal refused the record: {}. Nothing was signed.",
                    sanitize(&other.to_string())
                ),
            ),
        }
    }
}
