//! `attosign book …`: the address book in the keystore, whose labels every review shows
//! beside the receivers it knows, and which `destinations: book` limits sends to.

use super::args::{BookAddArgs, BookCommand, BookImportArgs, BookRemoveArgs};
use super::keys::{self, open_for_update};
use super::{Ctx, Failure, Status, change, io, prompt};
use attosign::keystore::BOOK_MAX_ENTRIES;
use attosign::keystore::document::check_label;
use attosign::policy::BookEntry;
use attosign::protocol::PublicKey;
use serde::Serialize;
use serde_json::json;
use std::fmt::Write as _;

pub fn run(ctx: &mut Ctx, cmd: &BookCommand) -> Result<(), Failure> {
    match cmd {
        BookCommand::Add(args) => add(ctx, args),
        BookCommand::Remove(args) => remove(ctx, args),
        BookCommand::List => list(ctx),
        BookCommand::Import(args) => import(ctx, args),
    }
}

/// The shape of `book list --json` entries (DESIGN.md §3).
#[derive(Serialize)]
struct EntryJson {
    address: String,
    label: String,
}

impl From<&BookEntry> for EntryJson {
    fn from(entry: &BookEntry) -> Self {
        EntryJson {
            address: entry.address.address().to_string(),
            label: entry.label.clone(),
        }
    }
}

fn label_argument(label: &str) -> Result<&str, Failure> {
    let label = label.trim();
    check_label(label)
        .map_err(|reason| Failure::usage(format!("the label is not usable: {reason}")))?;
    Ok(label)
}

fn add(ctx: &mut Ctx, args: &BookAddArgs) -> Result<(), Failure> {
    let address = change::address_argument(&args.address)?;
    let label = label_argument(&args.label)?;
    change::require_answer(ctx)?;
    let opened = open_for_update(ctx.global)?;
    let shown = address.address().to_string();
    let previous = opened.keystore.book_label(&address).map(str::to_string);
    // A label names one address (checked after "nothing to change": a book kept from before
    // this rule may hold two entries whose labels differ only in case).
    if previous.as_deref() != Some(label)
        && let Some(other) =
            attosign::policy::label_taken_by(opened.keystore.book(), &address, label)
    {
        return Err(keys::failure(attosign::keystore::Error::LabelTaken {
            label: label.to_string(),
            other,
            existing: opened
                .keystore
                .book_label(&other)
                .unwrap_or_default()
                .to_string(),
        }));
    }
    let (review, detail) = match &previous {
        Some(old) if old == label => {
            ctx.note(&format!(
                "{shown} is already in the address book as \"{label}\"; nothing to change."
            ));
            return Ok(());
        }
        Some(old) => (
            format!("Relabel in the address book:\n  {shown}\n  \"{old}\" → \"{label}\"\n"),
            json!({"action": "relabel", "address": shown, "label": label, "previousLabel": old}),
        ),
        None => {
            if opened.keystore.book().len() >= BOOK_MAX_ENTRIES {
                return Err(keys::failure(attosign::keystore::Error::BookFull {
                    max: BOOK_MAX_ENTRIES,
                }));
            }
            (
                format!("Add to the address book:\n  {shown}  \"{label}\"\n"),
                json!({"action": "add", "address": shown, "label": label}),
            )
        }
    };
    let journal = change::journal(ctx, &opened)?;
    change::review_and_confirm(ctx, &review)?;
    change::write(ctx, opened, journal, "book", detail, |keystore| {
        keystore.set_book_label(address, label)?;
        Ok(())
    })?;
    ctx.note(match previous {
        Some(_) => "Relabelled.",
        None => "Added.",
    });
    Ok(())
}

fn remove(ctx: &mut Ctx, args: &BookRemoveArgs) -> Result<(), Failure> {
    let address = change::address_argument(&args.address)?;
    change::require_answer(ctx)?;
    let opened = open_for_update(ctx.global)?;
    let shown = address.address().to_string();
    let Some(label) = opened.keystore.book_label(&address).map(str::to_string) else {
        return Err(keys::failure(attosign::keystore::Error::NotInBook {
            address,
        }));
    };
    let review = format!(
        "Remove from the address book:\n  {shown}  \"{label}\"\nReviews will show it as \
         UNKNOWN, and a policy with destinations book will refuse sends to it.\n"
    );
    let journal = change::journal(ctx, &opened)?;
    change::review_and_confirm(ctx, &review)?;
    let detail = json!({"action": "remove", "address": shown, "label": label});
    change::write(ctx, opened, journal, "book", detail, |keystore| {
        keystore.remove_from_book(&address)?;
        Ok(())
    })?;
    ctx.note("Removed.");
    Ok(())
}

fn list(ctx: &mut Ctx) -> Result<(), Failure> {
    let (_, keystore, _) = keys::open(ctx.global)?;
    let book = keystore.book();
    if ctx.global.json {
        let json: Vec<EntryJson> = book.iter().map(EntryJson::from).collect();
        ctx.data(&serde_json::to_string(&json).expect("serializable"));
        return Ok(());
    }
    if book.is_empty() {
        ctx.note("The address book is empty. Add entries with `attosign book add ADDRESS LABEL`.");
        return Ok(());
    }
    ctx.data(&format!("{:<68} LABEL", "ADDRESS"));
    for entry in book {
        let line = format!(
            "{:<68} {}",
            entry.address.address().to_string(),
            io::sanitize(&entry.label)
        );
        ctx.data(&line);
    }
    Ok(())
}

fn import(ctx: &mut Ctx, args: &BookImportArgs) -> Result<(), Failure> {
    prompt::stdin_once(&[
        ("--passphrase-file", ctx.global.passphrase_file.as_deref()),
        ("FILE", Some(args.file.as_path())),
    ])?;
    let (text, file_digest) = io::read_text_digested(&args.file)?;
    let name = io::sanitize(&args.file.display().to_string());
    let lines = attosign::book::parse_import(&text).map_err(|errors| {
        Failure::input(format!(
            "{name}: {}; nothing was imported. Fix the file and run book import again",
            errors.join("; ")
        ))
    })?;
    if lines.is_empty() {
        return Err(Failure::input(format!(
            "{name} holds no address,label lines; nothing was imported"
        )));
    }
    change::require_answer(ctx)?;
    let opened = open_for_update(ctx.global)?;
    let book = opened.keystore.book();
    // The lines that add or relabel an entry: only they are checked by the newer label rules
    // and written.
    let changed: Vec<&attosign::book::Line> = lines
        .iter()
        .filter(|line| {
            attosign::policy::book_label(book, &line.address) != Some(line.label.as_str())
        })
        .collect();
    let unusable: Vec<String> = changed
        .iter()
        .filter_map(|line| {
            check_label(&line.label)
                .err()
                .map(|reason| format!("line {}: the label is not usable: {reason}", line.number))
        })
        .collect();
    if !unusable.is_empty() {
        return Err(Failure::input(format!(
            "{name}: {}; nothing was imported. Fix the file and run book import again",
            unusable.join("; ")
        )));
    }
    // A label names one address: in the book as it would be after the import, no changed
    // line's label may be another address's (or look like it).
    let changes: Vec<(PublicKey, &str)> = changed
        .iter()
        .map(|line| (line.address, line.label.as_str()))
        .collect();
    let (after, previous) = attosign::policy::with_labels(book, &changes);
    let taken: Vec<String> = attosign::policy::label_clashes(&after, &changes, &previous)
        .into_iter()
        .map(|(i, other)| {
            format!(
                "line {}: the label \"{}\" would also name {}, labelled \"{}\" (labels are \
                 compared by what they look like, whatever their case, script or form)",
                changed[i].number,
                changed[i].label,
                other.address(),
                attosign::policy::book_label(&after, &other).unwrap_or_default()
            )
        })
        .collect();
    if !taken.is_empty() {
        return Err(Failure::input(format!(
            "{name}: {}; a label names one address, so nothing was imported. Fix the file and \
             run book import again",
            taken.join("; ")
        )));
    }

    // The file's digest as `sha256sum` gives it, byte-order mark included.
    let digest = attosign::protocol::encode_hex(&file_digest).to_lowercase();
    let mut table = format!(
        "Import into the address book from {name} (sha256 {digest}):\n{:<6} {:<10} {:<68} LABEL\n",
        "LINE", "CHANGE", "ADDRESS"
    );
    let (mut added, mut relabelled, mut unchanged) = (Vec::new(), Vec::new(), 0usize);
    for line in &lines {
        let shown = line.address.address().to_string();
        let previous = attosign::policy::book_label(book, &line.address);
        let (what, label) = match previous {
            None => {
                added.push(json!({"address": shown, "label": line.label}));
                ("new", format!("\"{}\"", line.label))
            }
            Some(old) if old == line.label => {
                unchanged += 1;
                ("unchanged", format!("\"{}\"", line.label))
            }
            Some(old) => {
                relabelled
                    .push(json!({"address": shown, "label": line.label, "previousLabel": old}));
                ("relabel", format!("\"{old}\" → \"{}\"", line.label))
            }
        };
        let _ = writeln!(table, "{:<6} {what:<10} {shown:<68} {label}", line.number);
    }
    let _ = writeln!(
        table,
        "{} lines: {} new, {} relabelled, {unchanged} unchanged.",
        lines.len(),
        added.len(),
        relabelled.len()
    );
    if added.is_empty() && relabelled.is_empty() {
        ctx.note(&format!(
            "Every address in {name} is already in the address book with that label; nothing to change."
        ));
        return Ok(());
    }
    if book.len() + added.len() > BOOK_MAX_ENTRIES {
        // Say which is too big: the file, or the book with it. (Regression: a 5,001-line file
        // into an empty book said the book was full.)
        return Err(Failure::new(
            Status::Error,
            "book-full",
            format!(
                "{name} adds {} addresses to a book of {}; the address book holds at most \
                 {BOOK_MAX_ENTRIES} entries. Nothing was changed. {}",
                added.len(),
                book.len(),
                if added.len() > BOOK_MAX_ENTRIES {
                    "Import fewer addresses (only those payments go to)."
                } else {
                    "Remove entries that are no longer used (book remove), or import fewer."
                }
            ),
        ));
    }
    let journal = change::journal(ctx, &opened)?;
    change::review_and_confirm(ctx, &table)?;
    let (new, relabel) = (added.len(), relabelled.len());
    let detail = json!({
        "action": "import",
        "file": args.file.display().to_string(),
        "sha256": digest,
        "added": added,
        "relabelled": relabelled,
    });
    change::write(ctx, opened, journal, "book", detail, |keystore| {
        // All at once: one at a time, a swap of two labels would clash halfway.
        keystore.set_book_labels(&changes)?;
        Ok(())
    })?;
    ctx.note(&format!("Imported: {new} added, {relabel} relabelled."));
    Ok(())
}
