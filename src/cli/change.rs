//! What every change to the address book or the signing policy goes through: a review on
//! stderr, a confirmation, a record in the journal, and a write under the keystore's lock
//! that refuses if the keystore changed since the review.

use super::keys::Opened;
use super::{Ctx, Failure, Status, io, journal, prompt};
use attosign::journal::{Journal, JournalError, JournalId, Record, now_ms};
use attosign::keystore::{Keystore, Unlock};
use attosign::policy::{BookEntry, Policy};
use attosign::protocol::encode_hex;
use serde_json::Value;
use std::path::PathBuf;

/// Before the passphrase is asked for: a change needs an answer, so without a terminal it
/// needs `--yes` (a refusal must not cost a passphrase prompt it did not need).
pub fn require_answer(ctx: &Ctx) -> Result<(), Failure> {
    prompt::require_confirmable(
        ctx.global.yes,
        "this change needs",
        "make it",
        "the review is still shown on stderr",
    )
}

/// Shows the review on stderr (hidden only by `--quiet` together with `--yes`, never in
/// front of a question) and asks for confirmation unless `--yes`. "No" is status 1.
pub fn review_and_confirm(ctx: &Ctx, review: &str) -> Result<(), Failure> {
    review_and_confirm_asking(ctx, "Write this change to the keystore?", review)
}

/// [`review_and_confirm`] with its own question.
pub fn review_and_confirm_asking(ctx: &Ctx, question: &str, review: &str) -> Result<(), Failure> {
    let global = ctx.global;
    if !(global.quiet && global.yes) {
        io::to_stderr(&io::sanitize(review.trim_end()));
    }
    if global.yes {
        return Ok(());
    }
    if prompt::confirm(question)? {
        Ok(())
    } else {
        Err(Failure::new(
            Status::Error,
            "declined",
            "not confirmed; nothing was changed",
        ))
    }
}

/// The journal a change will be recorded in: the one the keystore signs with, or, for a
/// keystore that has none yet and no journal at the path, a new one started at the write.
pub enum JournalPlan {
    Existing(Box<Journal>),
    New(PathBuf),
}

impl JournalPlan {
    /// Whether the journal's last record of the book and policy differs from the keystore's
    /// (see [`super::journaled::check_rules`]).
    pub fn rules_disagree(&self, opened: &Opened) -> bool {
        match self {
            JournalPlan::Existing(journal) => {
                super::journaled::rules_disagree(opened.keystore.rules_digest(), journal).is_some()
            }
            JournalPlan::New(_) => false,
        }
    }
}

/// Finds the journal before the review, so a missing or foreign one refuses (status 5)
/// before the operator is asked anything.
pub fn journal(ctx: &Ctx, opened: &Opened) -> Result<JournalPlan, Failure> {
    let path = journal::journal_path(ctx.global)?;
    let recorded = opened.keystore.journal_id();
    match Journal::open(&path) {
        Ok(mut found) => {
            check_journal_id(recorded, &found)?;
            // Regression: book and policy records left the head beside the keystore behind,
            // so a copy of a journal kept at another path, taken just before one, passed.
            super::journaled::guard_head_beside_keystore(ctx, &mut found)?;
            if let Some(change) =
                super::journaled::rules_disagree(opened.keystore.rules_digest(), &found)
            {
                // Shown even with --quiet, like an error: the change below starts from this
                // keystore's book and policy, and once recorded, signing takes them.
                io::to_stderr(&io::sanitize(&format!(
                    "WARNING: this keystore's address book and signing policy are not the ones \
                     the journal last recorded ({}): the keystore was \
                     put back from an older copy or replaced, and attosign signs nothing with \
                     it until they are recorded again. This change starts from what this \
                     keystore holds (attosign book list, attosign policy show) and records the \
                     result as the rules to sign with.",
                    super::journaled::describe_rules_change(change)
                )));
            }
            Ok(JournalPlan::Existing(Box::new(found)))
        }
        Err(JournalError::Missing { .. }) if recorded.is_none() => Ok(JournalPlan::New(path)),
        Err(e) => Err(e.into()),
    }
}

fn check_journal_id(recorded: Option<[u8; 16]>, found: &Journal) -> Result<(), Failure> {
    match recorded {
        Some(id) if id != found.id().0 => Err(Failure::new(
            Status::Journal,
            "journal-foreign",
            format!(
                "the journal {} (id {}) is not the one this keystore signs with (id {}); nothing was changed. Pass --journal with the keystore's own journal.",
                io::sanitize(&found.path().display().to_string()),
                found.id(),
                JournalId(id)
            ),
        )),
        _ => Ok(()),
    }
}

/// Writes a reviewed change: takes the journal's lock, then the keystore's (in that order,
/// as signing does), checks that the book and the policy are still what the review showed
/// (another process may have changed them while the operator read it), applies `change`,
/// appends the change to the journal, and only then writes the keystore atomically. A
/// keystore without a journal id records the journal's now, in the same write.
pub fn write(
    ctx: &Ctx,
    opened: Opened,
    plan: JournalPlan,
    what: &'static str,
    mut detail: Value,
    change: impl FnOnce(&mut Keystore) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let reviewed_book: Vec<BookEntry> = opened.keystore.book().to_vec();
    let reviewed_policy: Policy = opened.keystore.policy().clone();
    let reviewed_rules = opened.keystore.rules_digest();
    detail["by"] = credential(&opened.unlock);
    let mut journal = match plan {
        JournalPlan::Existing(journal) => *journal,
        JournalPlan::New(path) => match Journal::create(&path) {
            Ok(mut journal) => {
                // Its head beside the keystore from its first record on (an existing
                // journal was checked and given it before the review: checking it again
                // here, before the lock reads what others appended meanwhile, would call
                // their lines a rollback).
                super::journaled::guard_head_beside_keystore(ctx, &mut journal)?;
                ctx.note(&format!(
                    "Started the journal {} (id {}); this keystore signs with it from now on.",
                    io::sanitize(&path.display().to_string()),
                    journal.id()
                ));
                journal
            }
            // Another attosign started it since the review; its id is checked against the
            // keystore's under the locks below.
            Err(JournalError::Exists { .. }) => {
                let mut journal = Journal::open(&path)?;
                super::journaled::guard_head_beside_keystore(ctx, &mut journal)?;
                journal
            }
            Err(e) => return Err(e.into()),
        },
    };
    let journal_path = io::sanitize(&journal.path().display().to_string());
    let mut locked = journal.lock(|| {
        ctx.note(&format!(
            "Another attosign is using the journal {journal_path}; waiting for it to finish."
        ));
    })?;
    let mut appended = false;
    let by = detail["by"].clone();
    let written = opened.write(ctx, None, None, |keystore| {
        if keystore.book() != reviewed_book.as_slice() || *keystore.policy() != reviewed_policy {
            return Err(Failure::new(
                Status::Error,
                "keystore-changed",
                "the address book or policy changed while this change was being reviewed \
                 (another attosign wrote the keystore); nothing was changed. Run the command \
                 again to review the change against what is there now.",
            ));
        }
        check_journal_id(keystore.journal_id(), locked.journal())?;
        change(keystore)?;
        if keystore.journal_id().is_none() {
            keystore.set_journal_id(Some(locked.journal().id().0));
        }
        // The book and policy as they are now: signing checks the keystore against them.
        detail["rules"] = Value::String(encode_hex(&keystore.rules_digest()));
        // Journaled before the keystore is written: a change is never made unrecorded.
        locked.append(&[Record::Change {
            what: what.to_string(),
            detail,
            time_ms: now_ms(),
        }])?;
        appended = true;
        Ok(())
    });
    match written {
        // Journaled, then the keystore could not be written (a full disk, a read-only
        // directory): the journal says so too, so its record is not read as a change that
        // was made (regression: nothing said so). Best effort; the failure is what counts.
        Err(mut failure) if appended => {
            let recorded = locked.append(&[Record::Change {
                what: what.to_string(),
                detail: serde_json::json!({
                    "writeFailed": true,
                    "error": failure.message,
                    "by": by,
                    // The keystore keeps the book and policy it had.
                    "rules": encode_hex(&reviewed_rules),
                }),
                time_ms: now_ms(),
            }]);
            if recorded.is_ok() {
                failure.add_sentence("The journal records the change and that writing it failed.");
            }
            Err(failure)
        }
        other => other,
    }
}

/// Who made a change, as far as attosign can tell: the credential that opened the keystore
/// (the passphrase, or which age identity), and the operating-system user.
pub fn credential(unlock: &Unlock) -> Value {
    let key = match unlock {
        Unlock::Passphrase(_) => "passphrase".to_string(),
        Unlock::Identity(identity) => format!("identity {}", identity.to_public()),
    };
    serde_json::json!({ "credential": key, "user": os_user() })
}

/// The operating-system user running attosign, for the journal's records of changes:
/// `$USER`, else `$LOGNAME`, else none.
pub fn os_user() -> Option<String> {
    ["USER", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
}

/// The address argument of a book command: a canonical `atto://` address (status 2 if not).
pub fn address_argument(text: &str) -> Result<attosign::protocol::PublicKey, Failure> {
    attosign::protocol::Address::parse(text.trim())
        .map(|a| a.public_key)
        .map_err(|e| {
            Failure::usage(format!(
                "{}: {e}. Give an atto:// address",
                io::one_line(text)
            ))
        })
}
