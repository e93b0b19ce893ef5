//! What every change to the address book or the signing policy goes through: a review on
//! stderr, a confirmation, a write under the keystore's lock that refuses if the keystore
//! changed since the review, and a record in the journal.

use super::keys::Opened;
use super::{Ctx, Failure, Status, io, prompt};
use attosign::keystore::{Keystore, Unlock};
use attosign::policy::{BookEntry, Policy};
use serde_json::Value;
use std::path::Path;

/// Before the passphrase is asked for: a change needs an answer, so without a terminal it
/// needs `--yes` (a refusal must not cost a passphrase prompt it did not need).
pub fn require_answer(ctx: &Ctx) -> Result<(), Failure> {
    if ctx.global.yes || io::stdin_is_terminal() {
        Ok(())
    } else {
        Err(Failure::usage(
            "this change needs a confirmation, and stdin is not a terminal; pass --yes to make \
             it without asking (the review is still shown on stderr)",
        ))
    }
}

/// Shows the review on stderr (hidden only by `--quiet` together with `--yes`, never in
/// front of a question) and asks for confirmation unless `--yes`. "No" is status 1.
pub fn review_and_confirm(ctx: &Ctx, review: &str) -> Result<(), Failure> {
    let global = ctx.global;
    if !(global.quiet && global.yes) {
        io::to_stderr(&io::sanitize(review.trim_end()));
    }
    if global.yes {
        return Ok(());
    }
    if prompt::confirm("Write this change to the keystore?")? {
        Ok(())
    } else {
        Err(Failure::new(
            Status::Error,
            "declined",
            "not confirmed; nothing was changed",
        ))
    }
}

/// Writes a reviewed change: under the keystore's write lock, checks that the book and the
/// policy are still what the review showed (another process may have changed them while the
/// operator read it), applies `change`, journals it, and writes the keystore atomically.
pub fn write(
    ctx: &Ctx,
    opened: Opened,
    what: &'static str,
    detail: Value,
    change: impl FnOnce(&mut Keystore) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let reviewed_book: Vec<BookEntry> = opened.keystore.book().to_vec();
    let reviewed_policy: Policy = opened.keystore.policy().clone();
    let path = opened.path.clone();
    let credential = credential(&opened.unlock);
    opened.write(ctx, None, None, |keystore| {
        if keystore.book() != reviewed_book.as_slice() || *keystore.policy() != reviewed_policy {
            return Err(Failure::new(
                Status::Error,
                "keystore-changed",
                "the address book or policy changed while this change was being reviewed \
                 (another attosign wrote the keystore); nothing was changed. Run the command \
                 again to review the change against what is there now.",
            ));
        }
        change(keystore)?;
        journal_change(ctx, &path, what, detail, &credential)
    })
}

/// Who made a change, as far as attosign can tell: the credential that opened the keystore
/// (the passphrase, or which age identity), and the operating-system user.
fn credential(unlock: &Unlock) -> Value {
    let key = match unlock {
        Unlock::Passphrase(_) => "passphrase".to_string(),
        Unlock::Identity(identity) => format!("identity {}", identity.to_public()),
    };
    let user = ["USER", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
    serde_json::json!({ "credential": key, "user": user })
}

/// Appends a record of a book or policy change to the journal ("who changed what, when").
///
/// NOT WIRED YET: the journal library is being written on branch `journal`. Once it is
/// merged this becomes: open the journal (the keystore's path plus ".journal", or
/// `--journal`), take its lock, and append `Record::Change { what, detail (with `by` added),
/// time_ms: now }`, failing the whole change if that fails (called before the keystore is
/// written). Until then it changes nothing and always succeeds.
fn journal_change(
    _ctx: &Ctx,
    _keystore: &Path,
    _what: &'static str,
    _detail: Value,
    _by: &Value,
) -> Result<(), Failure> {
    Ok(())
}

/// The address argument of a book command: a canonical `atto://` address (status 2 if not).
pub fn address_argument(text: &str) -> Result<attosign::protocol::PublicKey, Failure> {
    attosign::protocol::Address::parse(text.trim())
        .map(|a| a.public_key)
        .map_err(|e| {
            Failure::usage(format!(
                "{}: {e}. Give an atto:// address",
                io::sanitize(text)
            ))
        })
}
