//! `attosign keys …`: create, import, list, show, label, export and re-encrypt the keystore.
//!
//! Also the helpers other commands use to find and open the keystore ([`keystore_path`],
//! [`open`]) and the one mapping from keystore errors to exit statuses ([`failure`]).

use super::args::{
    Global, KeysCheckBackupArgs, KeysCommand, KeysImportArgs, KeysLabelArgs, KeysListArgs,
    KeysNewArgs, KeysPasswdArgs, KeysShowArgs,
};
use super::{Ctx, Failure, Status, io, prompt};
use attosign::keystore::{self, Entry, Keystore, Lock, Unlock};
use attosign::protocol::keys::{Mnemonic, PrivateKey, passphrase_needs_normalization};
use attosign::secret::{ExposeSecret, SecretString, Zeroizing};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(ctx: &mut Ctx, cmd: &KeysCommand) -> Result<(), Failure> {
    match cmd {
        KeysCommand::New(args) => new(ctx, args),
        KeysCommand::Import(args) => import(ctx, args),
        KeysCommand::List(args) => list(ctx, args, false),
        KeysCommand::ExportWatch(args) => list(ctx, args, true),
        KeysCommand::Show(args) => show(ctx, args),
        KeysCommand::Label(args) => label(ctx, args),
        KeysCommand::Passwd(args) => passwd(ctx, args),
        KeysCommand::CheckBackup(args) => check_backup(ctx, args),
    }
}

/// `--keystore`, else `$ATTOSIGN_KEYSTORE`, else `$XDG_DATA_HOME/attosign/keystore.age`,
/// else `~/.local/share/attosign/keystore.age` (DESIGN.md §3). The path is not a secret, so
/// an environment variable is fine for it.
pub(crate) fn keystore_path(global: &Global) -> Result<PathBuf, Failure> {
    // Regression: `--keystore -` created a keystore file literally named "-". A keystore is
    // read and written in place, so "-" (stdin or stdout elsewhere) cannot mean one.
    let dash = |path: PathBuf, from: &str| {
        if path == Path::new("-") {
            Err(Failure::usage(format!(
                "{from} is \"-\", but a keystore is a file, not stdin or stdout; give its path"
            )))
        } else {
            Ok(path)
        }
    };
    if let Some(path) = &global.keystore {
        return dash(path.clone(), "--keystore");
    }
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(path) = non_empty("ATTOSIGN_KEYSTORE") {
        return dash(path.into(), "$ATTOSIGN_KEYSTORE");
    }
    // The XDG spec says to ignore a relative $XDG_DATA_HOME.
    let data = non_empty("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| non_empty("HOME").map(|home| Path::new(&home).join(".local/share")))
        .ok_or_else(|| {
            Failure::usage(
                "cannot tell where the keystore is: none of --keystore, $ATTOSIGN_KEYSTORE, \
                 $XDG_DATA_HOME or $HOME is set. Pass --keystore PATH.",
            )
        })?;
    Ok(data.join("attosign").join("keystore.age"))
}

/// Reads and decrypts the keystore, asking for the credentials only once the file is known
/// to exist and to want that kind (passphrase or identity). Returns the credentials too, for
/// commands that write the keystore back.
pub(crate) fn open(global: &Global) -> Result<(PathBuf, Keystore, Unlock), Failure> {
    let opened = open_for_update(global)?;
    Ok((opened.path, opened.keystore, opened.unlock))
}

/// A keystore read for a change: what [`keystore::Update`] needs to write it back.
pub(crate) struct Opened {
    pub path: PathBuf,
    pub encrypted: keystore::EncryptedKeystore,
    pub keystore: Keystore,
    pub unlock: Unlock,
}

impl Opened {
    /// Runs `change` on the keystore as it is on disk once its write lock is held, and
    /// writes it back (see [`keystore::Update`]), telling the operator if it has to wait.
    pub fn write<T>(
        self,
        ctx: &Ctx,
        work_factor: Option<u8>,
        lock: Option<Lock>,
        change: impl FnOnce(&mut Keystore) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let Opened {
            path,
            encrypted,
            keystore,
            unlock,
        } = self;
        let mut update = keystore::Update::new(&path, &unlock)
            .work_factor(work_factor)
            .seen(encrypted, keystore);
        if let Some(lock) = lock {
            update = update.lock(lock);
        }
        update.run(
            || {
                ctx.note(&format!(
                    "Another attosign is changing {}; waiting for it to finish.",
                    path.display()
                ));
            },
            change,
        )
    }
}

/// [`open`], keeping the file as read.
pub(crate) fn open_for_update(global: &Global) -> Result<Opened, Failure> {
    let path = keystore_path(global)?;
    let encrypted = keystore::EncryptedKeystore::read(&path).map_err(failure)?;
    match (
        encrypted.is_passphrase().map_err(failure)?,
        global.identity.is_some(),
    ) {
        (false, false) => return Err(failure(keystore::Error::NeedsIdentity)),
        (true, true) => return Err(failure(keystore::Error::NeedsPassphrase)),
        _ => {}
    }
    let unlock = prompt::unlock(global)?;
    let keystore = encrypted.decrypt(&unlock).map_err(failure)?;
    Ok(Opened {
        path,
        encrypted,
        keystore,
        unlock,
    })
}

impl From<keystore::Error> for Failure {
    fn from(error: keystore::Error) -> Failure {
        failure(error)
    }
}

/// The exit status, code and advice for each keystore error (codes listed in the README).
pub(crate) fn failure(error: keystore::Error) -> Failure {
    use keystore::Error as E;
    let (status, code, advice) = match &error {
        E::WrongPassphrase => (
            Status::Auth,
            "wrong-passphrase",
            "Nothing was changed. Check the passphrase (or --passphrase-file) and try again.",
        ),
        E::WrongIdentity => (
            Status::Auth,
            "wrong-identity",
            "Nothing was changed. Pass the --identity file the keystore was created with.",
        ),
        E::NeedsIdentity => (
            Status::Auth,
            "needs-identity",
            "Pass --identity FILE (the age identity it was encrypted to).",
        ),
        E::NeedsPassphrase => (
            Status::Auth,
            "needs-passphrase",
            "Leave out --identity, and give the passphrase (prompt or --passphrase-file).",
        ),
        E::NotFound { .. } => (
            Status::Error,
            "keystore-not-found",
            "Create one with `attosign keys new` or `attosign keys import`, or point \
             --keystore or $ATTOSIGN_KEYSTORE at it.",
        ),
        E::AlreadyExists { .. } => (
            Status::Error,
            "keystore-exists",
            "Nothing was changed. Pass --force to replace it (its keys are lost unless \
             they are backed up), or choose another --keystore.",
        ),
        E::Corrupt { .. } => (
            Status::Error,
            "keystore-corrupt",
            "Restore it from a backup, or import the mnemonic again.",
        ),
        E::UnsupportedVersion(_) => (
            Status::Error,
            "keystore-version",
            "It was written by a newer attosign; use that version.",
        ),
        E::NotInBook { .. } => (
            Status::Error,
            "not-in-book",
            "Nothing was changed. `attosign book list` shows the entries.",
        ),
        E::BookFull { .. } => (
            Status::Error,
            "book-full",
            "Nothing was changed. Remove entries that are no longer used (book remove).",
        ),
        E::ExcessiveWorkFactor { .. } => (
            Status::Error,
            "work-factor",
            "attosign refuses that much scrypt work (memory). Re-encrypt it with a lower \
             --work-factor where it opens.",
        ),
        E::WorkFactorOutOfRange(_) => (
            Status::Usage,
            "usage",
            "Choose a lower --work-factor, or leave it out for about one second.",
        ),
        E::IndexOutOfRange(_) | E::InvalidLabel(_) => (Status::Usage, "usage", ""),
        E::LabelTaken { .. } => (Status::Usage, "usage", "Nothing was changed."),
        E::RawKeyIndex(_) => (Status::Auth, "no-key", ""),
        E::InvalidIdentity { .. } => (Status::Error, "invalid-identity", ""),
        E::Io { .. } => (Status::Error, "io", ""),
        _ => (Status::Error, "keystore", ""),
    };
    let message = if advice.is_empty() {
        error.to_string()
    } else {
        format!("{error}. {advice}")
    };
    Failure::new(status, code, message)
}

fn check_work_factor(work_factor: Option<u8>) -> Result<(), Failure> {
    work_factor.map_or(Ok(()), |wf| {
        keystore::check_work_factor(wf).map_err(failure)
    })
}

fn new(ctx: &mut Ctx, args: &KeysNewArgs) -> Result<(), Failure> {
    let global = ctx.global;
    let path = keystore_path(global)?;
    keystore::check_can_create(&path, args.write.force).map_err(failure)?;
    check_work_factor(args.write.work_factor)?;
    if args.show_mnemonic && io::stdout_is_dev_null() {
        // Regression: with stdout closed, the Rust runtime reopens it as /dev/null, and `keys
        // new --show-mnemonic` said "Created" after printing the only copy of the words there.
        return Err(Failure::usage(
            "--show-mnemonic prints the only copy of the new recovery words on stdout, and \
             stdout is /dev/null (or was closed). Nothing was created. Send stdout to a file or \
             a pipe that keeps the words, or run keys new on a terminal without --show-mnemonic.",
        ));
    }
    let terminal = io::stdin_is_terminal() && io::stderr_is_terminal();
    if !args.show_mnemonic && !terminal {
        return Err(Failure::usage(
            "keys new shows the new recovery words once, on the terminal, for a paper backup, \
             and there is no terminal here (stdin or stderr is redirected). Pass \
             --show-mnemonic to print them on stdout instead, and keep them safe.",
        ));
    }
    prompt::stdin_once(&[
        ("--passphrase-file", global.passphrase_file.as_deref()),
        (
            "--bip39-passphrase-file",
            args.bip39_passphrase_file.as_deref(),
        ),
    ])?;
    // A replaced keystore's journal that cannot take the record refuses now, before new
    // words are shown for a paper backup of a keystore that would not be written.
    if args.write.force && path.exists() {
        let journal_path = super::journal::journal_path(global)?;
        match attosign::journal::Journal::open(&journal_path) {
            Ok(_) => {}
            Err(attosign::journal::JournalError::Missing { .. }) => {
                refuse_lost_journal(global, &journal_path)?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let lock = prompt::new_lock(global, args.write.work_factor)?;
    let bip39 = bip39_passphrase(ctx, args.bip39_passphrase_file.as_deref())?;
    let mnemonic =
        Mnemonic::generate().map_err(|e| Failure::new(Status::Error, "random", e.to_string()))?;
    if !args.show_mnemonic {
        show_for_backup(&mnemonic)?;
    }
    // Printed first, straight from a zeroizing buffer rather than through `ctx`'s data: when
    // stdout cannot take them (a full disk, a closed pipe), nothing is created and a keystore
    // that --force would replace is left as it was. When the keystore then cannot be written,
    // the words printed are still a whole mnemonic: `keys import` takes them.
    if args.show_mnemonic {
        let mut line = Zeroizing::new(String::with_capacity(mnemonic.phrase().len() + 1));
        line.push_str(mnemonic.phrase());
        line.push('\n');
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(line.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| {
                Failure::new(
                    Status::Error,
                    "stdout",
                    format!(
                        "the recovery words could not be printed ({e}), so nothing was \
                         created{}. Run keys new again with a stdout that keeps them.",
                        if path.exists() {
                            format!(
                                " and {} is as it was",
                                io::sanitize(&path.display().to_string())
                            )
                        } else {
                            String::new()
                        }
                    ),
                )
            })?;
    }
    let mut keystore = Keystore::from_mnemonic(mnemonic, bip39);
    let written =
        record_replacement(ctx, &path, args.write.force, &mut keystore).and_then(|replaced| {
            keystore
                .write(&path, &lock, args.write.force)
                .map_err(failure)
                .map_err(|failure| failed_replacement(ctx, &path, replaced.is_some(), failure))
                .map(|()| replaced)
        });
    let replaced = written.map_err(|mut failure| {
        failure.add_sentence(if args.show_mnemonic {
            "The recovery words printed on stdout belong to no keystore yet: import them with \
             keys import, or discard them."
        } else {
            "The recovery words you wrote down belong to no keystore yet: import them with \
             keys import once the cause is fixed, or destroy the paper."
        });
        failure
    })?;
    if let Some(note) = replaced {
        ctx.note(&note);
    }
    report_written(ctx, "Created", &path, &keystore);
    Ok(())
}

/// Shows the words on the terminal (stderr), waits until the operator has written them down,
/// and has two of them typed back from the paper, so a backup with a skipped or misread word
/// is caught now rather than when it is needed.
fn show_for_backup(mnemonic: &Mnemonic) -> Result<(), Failure> {
    use std::fmt::Write as _;
    let words: Vec<&str> = mnemonic.phrase().split(' ').collect();
    // Written in place into a buffer that never grows, so no copy of the words is left behind.
    let mut grid = Zeroizing::new(String::with_capacity(1024));
    for row in 0..6 {
        for column in 0..4 {
            let n = column * 6 + row;
            let _ = write!(grid, "{:>4}. {:<10}", n + 1, words[n]);
        }
        grid.push('\n');
    }
    eprintln!(
        "\nThe recovery words of the new keystore. Write them on paper, in order, and keep \
         the paper safe: anyone who reads them can spend from every account, and without them \
         a lost or forgotten keystore cannot be recovered. They are shown only now.\n"
    );
    // Ctrl-C (or another fatal signal) while the words are shown clears them too.
    let clear_on_signal = super::tty::ClearOnSignal::install();
    eprintln!("{}", grid.as_str());
    let entered = prompt::wait_for_enter("Press Enter once all 24 words are written down. ");
    // Clear the screen and the scrollback now: the words are checked against the paper, not
    // the screen, and must not stay on the terminal whatever happens next (regression: a
    // failed check, or an error here, left them there).
    eprint!("{}", super::tty::CLEAR_SCREEN);
    drop(clear_on_signal);
    entered?;

    let mut random = [0u8; 2];
    getrandom::fill(&mut random)
        .map_err(|e| Failure::new(Status::Error, "random", e.to_string()))?;
    let first = usize::from(random[0]) % 24;
    let second = (first + 1 + usize::from(random[1]) % 23) % 24;
    for n in [first.min(second), first.max(second)] {
        let mut matched = false;
        for _ in 0..3 {
            let typed = prompt::ask_hidden(&format!("From your paper, type word #{}: ", n + 1))?;
            if typed.trim().eq_ignore_ascii_case(words[n]) {
                matched = true;
                break;
            }
            eprintln!("That is not word #{} as shown. Check the paper.", n + 1);
        }
        if !matched {
            return Err(Failure::new(
                Status::Error,
                "backup-not-confirmed",
                "the words typed do not match the ones shown; nothing was written. Run keys new \
                 again and copy the words carefully.",
            ));
        }
    }
    eprintln!("The backup matches.");
    Ok(())
}

/// The BIP39 passphrase from its file, else a prompt (typed twice; Enter for none) when on a
/// terminal, else none; with a warning if other BIP39 wallets would read it differently.
fn bip39_passphrase(ctx: &Ctx, file: Option<&Path>) -> Result<SecretString, Failure> {
    if file.is_none() && !io::stdin_is_terminal() {
        // Empty is the right default (a wrong guess later shows as "no key for this
        // account" and loses nothing), but it must not be silent: regression, it was.
        ctx.note(
            "note: no --bip39-passphrase-file and no terminal to ask on, so the BIP39 \
             passphrase is empty (none). If these words belong with a passphrase, run again \
             with --bip39-passphrase-file.",
        );
    }
    let passphrase = prompt::read_optional_secret(
        file,
        "BIP39 passphrase (optional, part of the backup; Enter for none): ",
        true,
        "--bip39-passphrase-file",
    )?;
    if passphrase_needs_normalization(passphrase.expose_secret()) {
        ctx.note(
            "warning: the BIP39 passphrase is not in Unicode NFKD form. attosign and Atto's \
             wallets use it byte for byte, but most other BIP39 wallets normalize it first and \
             would derive different keys from these words. Restore with an Atto wallet, or \
             choose a passphrase without such characters.",
        );
    }
    Ok(passphrase)
}

fn import(ctx: &mut Ctx, args: &KeysImportArgs) -> Result<(), Failure> {
    let global = ctx.global;
    let path = keystore_path(global)?;
    keystore::check_can_create(&path, args.write.force).map_err(failure)?;
    check_work_factor(args.write.work_factor)?;
    prompt::stdin_once(&[
        ("--passphrase-file", global.passphrase_file.as_deref()),
        ("--mnemonic-file", args.mnemonic_file.as_deref()),
        (
            "--bip39-passphrase-file",
            args.bip39_passphrase_file.as_deref(),
        ),
        ("--private-key-file", args.private_key_file.as_deref()),
    ])?;
    let mut keystore = if let Some(file) = &args.private_key_file {
        let text = prompt::read_file_text(file, "--private-key-file")?;
        let key = PrivateKey::from_hex(&text).map_err(|e| {
            Failure::new(
                Status::Error,
                "invalid-private-key",
                format!("--private-key-file: {e}"),
            )
        })?;
        Keystore::from_private_key(key)
    } else {
        let text = prompt::read_hidden_text(
            args.mnemonic_file.as_deref(),
            "Mnemonic (24 words, hidden): ",
            "--mnemonic-file",
        )?;
        let mnemonic = Mnemonic::parse(&text).map_err(|e| {
            Failure::new(
                Status::Error,
                "invalid-mnemonic",
                format!("the mnemonic is invalid: {e}"),
            )
        })?;
        let bip39 = bip39_passphrase(ctx, args.bip39_passphrase_file.as_deref())?;
        Keystore::from_mnemonic(mnemonic, bip39)
    };
    let lock = prompt::new_lock(global, args.write.work_factor)?;
    let replaced = record_replacement(ctx, &path, args.write.force, &mut keystore)?;
    keystore
        .write(&path, &lock, args.write.force)
        .map_err(failure)
        .map_err(|failure| failed_replacement(ctx, &path, replaced.is_some(), failure))?;
    if let Some(note) = replaced {
        ctx.note(&note);
    }
    report_written(ctx, "Imported into", &path, &keystore);
    Ok(())
}

/// A keystore write that failed after its replacement was journaled (`record_replacement`):
/// the journal says so too, so its record of a replacement is not read as one that happened
/// (regression: a full disk or a read-only directory left "replaced" in the journal and the
/// old keystore in place). Best effort: the failure itself is what the operator reads. (A
/// failure after the rename, syncing the directory, is recorded the same way: the error says
/// which step failed.)
fn failed_replacement(ctx: &Ctx, path: &Path, attempted: bool, mut failure: Failure) -> Failure {
    if !attempted {
        return failure;
    }
    let Ok(journal_path) = super::journal::journal_path(ctx.global) else {
        return failure;
    };
    let Ok(mut journal) = attosign::journal::Journal::open(&journal_path) else {
        return failure;
    };
    // The keystore in place is the one replaced: the rules the journal recorded before the
    // replacement are its own (none recorded: nothing to check it against).
    let before = journal
        .changes()
        .iter()
        .rev()
        .skip_while(|c| c.detail.get("replaced").is_none() || c.what != "keystore")
        .skip(1)
        .find_map(|c| c.detail.get("rules").cloned());
    let detail = serde_json::json!({
        "writeFailed": path.display().to_string(),
        "error": failure.message,
        "rules": before.unwrap_or(serde_json::Value::Null),
    });
    if journal_keystore_change(ctx, &mut journal, detail).is_ok() {
        failure.add_sentence("The journal records the replacement and that writing it failed.");
    }
    failure
}

/// Appends a `keystore` change record (`detail` plus who made it) under the journal's lock.
fn journal_keystore_change(
    ctx: &Ctx,
    journal: &mut attosign::journal::Journal,
    mut detail: serde_json::Value,
) -> Result<(), attosign::journal::JournalError> {
    detail["by"] = serde_json::json!({ "user": super::change::os_user() });
    journal
        .lock(super::journaled::on_wait(ctx))?
        .append(&[attosign::journal::Record::Change {
            what: "keystore".to_string(),
            detail,
            time_ms: attosign::journal::now_ms(),
        }])
}

/// `--force` over an existing keystore: the old one's address book and signing policy go with
/// it (it cannot be read without its passphrase, which is what a re-import is often for). When
/// its journal is there, the replacement is journaled first (who, when, which file), and the
/// new keystore signs with that journal, so what was signed stays known: its heights, intents
/// and daily totals still hold.
/// Returns what to tell the operator once the new keystore is written.
/// A replacement (`--force`) where the journal is missing, but a head beside it or beside the
/// keystore says one was there: the keystore being replaced signed with it, and a new one
/// would start a new journal and sign its heights again (regression: `--force` did so
/// silently, and overwrote the head that named the lost journal). Refused like signing is,
/// `journal-missing`.
fn refuse_lost_journal(global: &Global, journal_path: &Path) -> Result<(), Failure> {
    use attosign::journal::Journal;
    let heads = [Journal::head_path(journal_path)]
        .into_iter()
        .chain(super::journaled::default_journal_head(global));
    for head in heads {
        if let Some((id, lines)) = Journal::head_at(&head) {
            return Err(Failure::new(
                Status::Journal,
                "journal-missing",
                format!(
                    "the journal {} is missing, but {} says journal {id} was there ({lines} \
                     lines): the keystore being replaced signs with it, and a new keystore \
                     would start a new journal and sign its heights again. Nothing was \
                     changed. Put the journal back (or pass --journal with it) and run the \
                     command again. If it is lost for good, first fetch every account's state \
                     from a node (what it recorded may be published), then move {} aside",
                    io::sanitize(&journal_path.display().to_string()),
                    io::sanitize(&head.display().to_string()),
                    io::sanitize(&head.display().to_string()),
                ),
            ));
        }
    }
    Ok(())
}

fn record_replacement(
    ctx: &Ctx,
    path: &Path,
    force: bool,
    keystore: &mut Keystore,
) -> Result<Option<String>, Failure> {
    if !force || !path.exists() {
        return Ok(None);
    }
    let journal_path = super::journal::journal_path(ctx.global)?;
    let mut journal = match attosign::journal::Journal::open(&journal_path) {
        Ok(journal) => journal,
        Err(attosign::journal::JournalError::Missing { .. }) => {
            refuse_lost_journal(ctx.global, &journal_path)?;
            return Ok(Some(
                "replaced the keystore: its address book and signing policy, if it had any, \
                 are not carried over; set them again (book import, policy set)"
                    .into(),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    journal_keystore_change(
        ctx,
        &mut journal,
        serde_json::json!({
            "replaced": path.display().to_string(),
            // The new keystore's (empty) book and policy: signing checks it against them.
            "rules": attosign::protocol::encode_hex(&keystore.rules_digest()),
        }),
    )?;
    keystore.set_journal_id(Some(journal.id().0));
    Ok(Some(format!(
        "replaced the keystore: its address book and signing policy, if it had any, are not \
         carried over; set them again (book import, policy set). The replacement is recorded \
         in the journal {}, which the new keystore keeps signing with",
        io::sanitize(&journal_path.display().to_string())
    )))
}

fn report_written(ctx: &Ctx, what: &str, path: &Path, keystore: &Keystore) {
    let address = keystore
        .public_key(0)
        .map(|pk| pk.address().to_string())
        .unwrap_or_default();
    ctx.note(&format!(
        "{what} {} (mode 0600). Index 0 is {address}; check that it is the account you expect.",
        path.display()
    ));
}

/// The JSON shape of one account (DESIGN.md §3): `index`, `address`, `publicKey`, `label`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EntryJson<'a> {
    index: u32,
    address: String,
    public_key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

impl<'a> From<&'a Entry> for EntryJson<'a> {
    fn from(entry: &'a Entry) -> Self {
        EntryJson {
            index: entry.index,
            address: entry.public_key.address().to_string(),
            public_key: entry.public_key.to_hex(),
            label: entry.label.as_deref(),
        }
    }
}

fn list(ctx: &mut Ctx, args: &KeysListArgs, export: bool) -> Result<(), Failure> {
    let (_, keystore, _) = open(ctx.global)?;
    let entries = keystore.public_entries(args.count);
    if ctx.global.json {
        let json: Vec<EntryJson> = entries.iter().map(EntryJson::from).collect();
        ctx.data(&serde_json::to_string(&json).expect("serializable"));
    } else {
        ctx.data(&format!(
            "{:<6} {:<68} {:<64} LABEL",
            "INDEX", "ADDRESS", "PUBLIC KEY"
        ));
        for entry in &entries {
            let line = format!(
                "{:<6} {:<68} {:<64} {}",
                entry.index,
                entry.public_key.address().to_string(),
                entry.public_key.to_hex(),
                io::sanitize(entry.label.as_deref().unwrap_or("")),
            );
            ctx.data(line.trim_end());
        }
    }
    if export {
        ctx.note("Public keys and addresses only: safe to copy to the online machine.");
    }
    Ok(())
}

fn show(ctx: &mut Ctx, args: &KeysShowArgs) -> Result<(), Failure> {
    let (_, keystore, _) = open(ctx.global)?;
    let entry = keystore.entry(args.index).map_err(failure)?;
    if args.qr || args.image.png.is_some() || args.image.svg.is_some() {
        return super::qr::payment_request(ctx, &entry, args.amount.as_deref(), &args.image);
    }
    if ctx.global.json {
        ctx.data(&serde_json::to_string(&EntryJson::from(&entry)).expect("serializable"));
    } else {
        ctx.data(&format!("index       {}", entry.index));
        ctx.data(&format!("address     {}", entry.public_key.address()));
        ctx.data(&format!("public key  {}", entry.public_key.to_hex()));
        if let Some(label) = &entry.label {
            ctx.data(&format!("label       {}", io::sanitize(label)));
        }
    }
    Ok(())
}

fn label(ctx: &mut Ctx, args: &KeysLabelArgs) -> Result<(), Failure> {
    check_work_factor(args.work_factor)?;
    if !args.text.is_empty() {
        // Zero-width and other invisible characters (attosign::text) are refused here until
        // check_label itself refuses them.
        if let Some(reason) = attosign::text::first_hidden(&args.text) {
            return Err(Failure::usage(format!("the label is not usable: {reason}")));
        }
        keystore::document::check_label(&args.text)
            .map_err(|reason| Failure::usage(format!("the label is not usable: {reason}")))?;
    }
    let opened = open_for_update(ctx.global)?;
    // Keep the file's scrypt cost unless told otherwise.
    opened.write(ctx, args.work_factor, None, |keystore| {
        keystore.set_label(args.index, &args.text).map_err(failure)
    })?;
    if args.text.is_empty() {
        ctx.note(&format!("Removed the label of index {}.", args.index));
    } else {
        ctx.note(&format!("Labelled index {}.", args.index));
    }
    Ok(())
}

/// `keys check-backup`: are the words (and BIP39 passphrase) on the paper the keystore's?
/// Reads and compares only; nothing is written, and the keystore's words are never shown.
/// A mismatch is status 1 with code `backup-mismatch`.
fn check_backup(ctx: &mut Ctx, args: &KeysCheckBackupArgs) -> Result<(), Failure> {
    let global = ctx.global;
    prompt::stdin_once(&[
        ("--passphrase-file", global.passphrase_file.as_deref()),
        ("--mnemonic-file", args.mnemonic_file.as_deref()),
        (
            "--bip39-passphrase-file",
            args.bip39_passphrase_file.as_deref(),
        ),
    ])?;
    if args.mnemonic_file.is_none() {
        // Before the keystore's passphrase is asked for.
        prompt::require_terminal("--mnemonic-file")?;
    }
    let (path, keystore, _) = open(global)?;
    let keystore::Secret::Mnemonic {
        mnemonic,
        bip39_passphrase,
    } = keystore.secret()
    else {
        return Err(Failure::new(
            Status::Error,
            "no-mnemonic",
            format!(
                "{} holds a raw private key, not recovery words; its backup is the key \
                 itself, so there are no words to check",
                path.display()
            ),
        ));
    };
    let text = prompt::read_hidden_text(
        args.mnemonic_file.as_deref(),
        "Recovery words from the paper (24, hidden): ",
        "--mnemonic-file",
    )?;
    let typed = Mnemonic::parse(&text).map_err(|e| {
        Failure::new(
            Status::Error,
            "invalid-mnemonic",
            format!(
                "the words are not a valid mnemonic ({e}). Check them against the paper; if \
                 the paper itself is wrong, this backup cannot restore the keystore"
            ),
        )
    })?;
    if typed.phrase() != mnemonic.phrase() {
        return Err(mismatch(
            "the words are a valid mnemonic, but not this keystore's",
        ));
    }
    let stored = bip39_passphrase.expose_secret();
    let typed_passphrase = match &args.bip39_passphrase_file {
        Some(file) => Some(prompt::read_file_text(file, "--bip39-passphrase-file")?),
        None if stored.is_empty() => None,
        None => {
            prompt::require_terminal("--bip39-passphrase-file")?;
            Some(prompt::ask_hidden(
                "BIP39 passphrase from the backup (hidden): ",
            )?)
        }
    };
    let typed_passphrase = typed_passphrase.as_ref().map_or("", |p| p.as_str());
    if typed_passphrase != stored {
        return Err(mismatch(if stored.is_empty() {
            "the words match, but this keystore has no BIP39 passphrase and one was given"
        } else {
            "the words match, but the BIP39 passphrase does not"
        }));
    }
    let with = if stored.is_empty() {
        "no BIP39 passphrase"
    } else {
        "its BIP39 passphrase"
    };
    ctx.note(&format!(
        "The backup matches {}: the same 24 words and {with}. Nothing was written.",
        path.display()
    ));
    Ok(())
}

fn mismatch(what: &str) -> Failure {
    Failure::new(
        Status::Error,
        "backup-mismatch",
        format!(
            "{what}. Nothing was written. Check the paper word by word; if it is wrong, \
             create a new keystore (keys new), back it up, and move the funds to it"
        ),
    )
}

fn passwd(ctx: &mut Ctx, args: &KeysPasswdArgs) -> Result<(), Failure> {
    let global = ctx.global;
    check_work_factor(args.work_factor)?;
    prompt::stdin_once(&[
        ("--passphrase-file", global.passphrase_file.as_deref()),
        ("--new-passphrase-file", args.new_passphrase_file.as_deref()),
    ])?;
    if args.new_identity.is_none() && args.new_passphrase_file.is_none() {
        // Fail before the old passphrase is asked for and the keystore decrypted.
        prompt::require_terminal("--new-passphrase-file")?;
    }
    let opened = open_for_update(global)?;
    let path = opened.path.clone();
    let lock = match &args.new_identity {
        Some(file) => Lock::Recipient(prompt::identity(file, "--new-identity")?.to_public()),
        None => prompt::new_passphrase_lock(
            args.new_passphrase_file.as_deref(),
            "--new-passphrase-file",
            args.work_factor,
        )?,
    };
    let how = match &lock {
        Lock::Passphrase { .. } => "the new passphrase".to_string(),
        Lock::Recipient(recipient) => format!("age recipient {recipient}"),
    };
    // Written to a temporary file and fsynced before it replaces the old keystore, under
    // the keystore's write lock.
    opened.write(ctx, None, Some(lock), |_| Ok(()))?;
    ctx.note(&format!("Re-encrypted {} with {how}.", path.display()));
    Ok(())
}
