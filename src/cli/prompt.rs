//! Asking the operator: hidden prompts for secrets with files as the scripted alternative,
//! yes/no confirmations, and the credentials that lock and unlock the keystore.
//!
//! Prompts happen only when stdin is a terminal (DESIGN.md §3). Without one, a command fails
//! at once with a usage error naming the flag that supplies the answer, so a script never
//! hangs on a prompt it cannot see. Secrets never come from argv or the environment.

use super::args::Global;
use super::{Failure, Status, io};
use attosign::keystore::{self, Lock, Unlock};
use attosign::secret::{self, ExposeSecret, SecretString, Zeroizing};
use std::io::Write;
use std::path::Path;

/// How often the operator may retype a passphrase that did not match, or was empty.
const ATTEMPTS: usize = 3;

/// A secret from `file` ("-" = stdin; one trailing newline dropped), else from a hidden
/// prompt when stdin is a terminal, else a usage error naming `flag`. At the prompt an empty
/// answer is refused, and `confirm` asks for it twice (for new passphrases).
pub fn read_secret(
    file: Option<&Path>,
    prompt: &str,
    confirm: bool,
    flag: &str,
) -> Result<SecretString, Failure> {
    match file {
        Some(path) => read_file(path, flag),
        None => ask(prompt, confirm, false, flag),
    }
}

/// Like [`read_secret`] for secrets that may be empty (a BIP39 passphrase): an empty answer
/// means none, and without a file or a terminal the answer is none too.
pub fn read_optional_secret(
    file: Option<&Path>,
    prompt: &str,
    confirm: bool,
    flag: &str,
) -> Result<SecretString, Failure> {
    match file {
        Some(path) => read_file(path, flag),
        None if io::stdin_is_terminal() => ask(prompt, confirm, true, flag),
        None => Ok(SecretString::from("")),
    }
}

/// A secret that is not a passphrase (a mnemonic, say): from `file`, else one hidden prompt.
pub fn read_hidden_text(
    file: Option<&Path>,
    prompt: &str,
    flag: &str,
) -> Result<Zeroizing<String>, Failure> {
    match file {
        Some(path) => read_file_text(path, flag),
        None => {
            require_terminal(flag)?;
            prompt_hidden(prompt)
        }
    }
}

fn read_file(path: &Path, flag: &str) -> Result<SecretString, Failure> {
    read_file_text(path, flag).map(secret::into_secret_string)
}

pub fn read_file_text(path: &Path, flag: &str) -> Result<Zeroizing<String>, Failure> {
    // Typed at a terminal, stdin echoes: the secret would stay on the screen and in its
    // scrollback. The hidden prompt is the way to type it.
    if path == Path::new("-") && io::stdin_is_terminal() {
        return Err(Failure::usage(format!(
            "{flag} - reads the secret from stdin, which is a terminal: it would be shown as it \
             is typed. Leave {flag} out to be asked at a hidden prompt, or pipe the secret in"
        )));
    }
    secret::read_secret_file(path).map_err(|e| {
        let text = path.to_string_lossy();
        // `--mnemonic-file "$(cat words)"`: the "path" is the secret itself. A missing path
        // with spaces, or a long one without a directory, is not repeated on stderr.
        let looks_secret = !path.exists()
            && (text.chars().any(char::is_whitespace)
                || (!text.contains('/') && text.chars().count() >= 32));
        if path == Path::new("-") {
            Failure::input(format!("{flag} stdin: cannot read it: {e}"))
        } else if looks_secret {
            Failure::input(format!(
                "{flag}: cannot read the file given: {e}. Its name is not shown: it looks like \
                 it may be the secret itself rather than a file's path. Pass the path of the \
                 file that holds it"
            ))
        } else {
            Failure::input(format!(
                "{flag} {}: cannot read it: {e}",
                io::sanitize(&path.display().to_string())
            ))
        }
    })
}

/// Refuses (2), before any passphrase is asked, a command that would need a confirmation it
/// cannot get honestly: with stdin not a terminal nothing can answer, and with stderr not a
/// terminal the review and the question go unseen (a "y" would answer a review nobody saw).
/// `--yes` needs neither. `needs` says what asks ("signing needs"), `act` what `--yes` does
/// ("sign"), `review` where the review still goes.
pub fn require_confirmable(yes: bool, needs: &str, act: &str, review: &str) -> Result<(), Failure> {
    if yes {
        Ok(())
    } else if !io::stdin_is_terminal() {
        Err(Failure::usage(format!(
            "{needs} a confirmation, and stdin is not a terminal; pass --yes to {act} without \
             asking ({review})"
        )))
    } else if !io::stderr_is_terminal() {
        Err(Failure::usage(format!(
            "{needs} a confirmation of its review, which goes to stderr, and stderr is not a \
             terminal (it is redirected): the question would be answered unseen. Leave stderr \
             on the terminal, or pass --yes to {act} without asking ({review})"
        )))
    } else {
        Ok(())
    }
}

/// A usage error naming `flag` unless stdin is a terminal (so a prompt could be shown).
pub fn require_terminal(flag: &str) -> Result<(), Failure> {
    if io::stdin_is_terminal() {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "stdin is not a terminal, so attosign cannot prompt; pass {flag} FILE"
        )))
    }
}

fn ask(
    prompt: &str,
    confirm: bool,
    allow_empty: bool,
    flag: &str,
) -> Result<SecretString, Failure> {
    require_terminal(flag)?;
    for _ in 0..ATTEMPTS {
        let first = prompt_hidden(prompt)?;
        if first.is_empty() && !allow_empty {
            // Regression: unlocking said "would leave the keystore unprotected", which only
            // fits a new passphrase.
            if confirm {
                eprintln!("An empty passphrase would leave the keystore unprotected. Try again.");
            } else {
                eprintln!(
                    "Nothing was typed, and a keystore's passphrase is never empty. Try again."
                );
            }
            continue;
        }
        if confirm {
            let again = prompt_hidden("Type it again to confirm: ")?;
            if *again != *first {
                eprintln!("The two entries differ. Try again.");
                continue;
            }
        }
        return Ok(secret::into_secret_string(first));
    }
    Err(Failure::new(
        Status::Usage,
        "usage",
        format!("no usable answer after {ATTEMPTS} attempts; nothing was changed"),
    ))
}

fn prompt_hidden(prompt: &str) -> Result<Zeroizing<String>, Failure> {
    // Regression: Ctrl-C here used to leave the operator's terminal with echo off.
    let _restore = super::tty::RestoreOnSignal::install();
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|e| {
            Failure::new(
                Status::Error,
                "terminal",
                format!("cannot read from the terminal: {e}"),
            )
        })
}

/// Asks a yes/no question on stderr (default no). Without a terminal, a usage error that
/// names `--yes`. What was typed before the question appeared is discarded: the answer is
/// to the review just shown, not a "y" typed ahead while the keystore was being opened.
pub fn confirm(question: &str) -> Result<bool, Failure> {
    if !io::stdin_is_terminal() {
        return Err(Failure::usage(format!(
            "{} needs an answer, and stdin is not a terminal; pass --yes to proceed without asking",
            question.trim_end_matches('?')
        )));
    }
    discard_typed_ahead();
    eprint!("{} [y/N] ", io::sanitize(question));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).map_err(|e| {
        Failure::new(
            Status::Error,
            "terminal",
            format!("cannot read from the terminal: {e}"),
        )
    })?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// Waits for Enter at the terminal (stdin must be one), pressed after the message appeared.
pub fn wait_for_enter(message: &str) -> Result<(), Failure> {
    discard_typed_ahead();
    eprint!("{message}");
    let _ = std::io::stderr().flush();
    let mut line = Zeroizing::new(String::new());
    std::io::stdin().read_line(&mut line).map_err(|e| {
        Failure::new(
            Status::Error,
            "terminal",
            format!("cannot read from the terminal: {e}"),
        )
    })?;
    Ok(())
}

/// Drops input waiting at the terminal (stdin), typed before the question it would answer
/// was on the screen. Regression: a passphrase and "y" typed together signed a review the
/// operator had not seen yet. Canonical-mode reads return one line at a time, so nothing
/// typed ahead waits in this process's own buffer of stdin.
fn discard_typed_ahead() {
    // SAFETY: tcflush only drops the terminal's pending input; stdin is a terminal here.
    unsafe {
        libc::tcflush(libc::STDIN_FILENO, libc::TCIFLUSH);
    }
}

/// Asks for a secret answer to a question (hidden), for checking a written-down backup.
pub fn ask_hidden(prompt: &str) -> Result<Zeroizing<String>, Failure> {
    prompt_hidden(prompt)
}

/// stdin can be read only once: refuses two of these flags both given "-".
pub fn stdin_once(inputs: &[(&str, Option<&Path>)]) -> Result<(), Failure> {
    let from_stdin: Vec<&str> = inputs
        .iter()
        .filter(|(_, path)| *path == Some(Path::new("-")))
        .map(|(flag, _)| *flag)
        .collect();
    if from_stdin.len() > 1 {
        return Err(Failure::usage(format!(
            "{} all read stdin (\"-\"), which can be read only once; put all but one in files",
            from_stdin.join(" and ")
        )));
    }
    Ok(())
}

/// The age identity in `path` (an `age-keygen` file).
pub fn identity(path: &Path, flag: &str) -> Result<age::x25519::Identity, Failure> {
    if path == Path::new("-") {
        return Err(Failure::usage(format!(
            "{flag} takes an identity file, not stdin (\"-\")"
        )));
    }
    keystore::read_identity(path).map_err(|e| match e {
        keystore::Error::Io { source, .. } => Failure::input(format!(
            "{flag} {}: cannot read it: {source}",
            path.display()
        )),
        other => Failure::new(
            Status::Error,
            "invalid-identity",
            format!("{flag}: {other}"),
        ),
    })
}

fn no_both(global: &Global) -> Result<(), Failure> {
    if global.identity.is_some() && global.passphrase_file.is_some() {
        return Err(Failure::usage(
            "--identity and --passphrase-file are alternatives; give one of them",
        ));
    }
    Ok(())
}

/// The credentials that open the keystore: `--identity`, else the passphrase from
/// `--passphrase-file` or a prompt.
pub fn unlock(global: &Global) -> Result<Unlock, Failure> {
    no_both(global)?;
    if let Some(path) = &global.identity {
        return identity(path, "--identity").map(Unlock::Identity);
    }
    read_secret(
        global.passphrase_file.as_deref(),
        "Keystore passphrase: ",
        false,
        "--passphrase-file",
    )
    .map(Unlock::Passphrase)
}

/// How a new keystore is encrypted: to `--identity`'s recipient, else with a new passphrase
/// from `--passphrase-file` or a prompt (typed twice).
pub fn new_lock(global: &Global, work_factor: Option<u8>) -> Result<Lock, Failure> {
    no_both(global)?;
    if let Some(path) = &global.identity {
        return identity(path, "--identity").map(|id| Lock::Recipient(id.to_public()));
    }
    new_passphrase_lock(
        global.passphrase_file.as_deref(),
        "--passphrase-file",
        work_factor,
    )
}

/// A lock with a new passphrase from `file` or a prompt (typed twice); never empty.
pub fn new_passphrase_lock(
    file: Option<&Path>,
    flag: &str,
    work_factor: Option<u8>,
) -> Result<Lock, Failure> {
    let passphrase = read_secret(file, "New keystore passphrase: ", true, flag)?;
    if passphrase.expose_secret().is_empty() {
        return Err(Failure::usage(format!(
            "{flag}: the file is empty, and an empty passphrase would leave the keystore unprotected"
        )));
    }
    Ok(Lock::Passphrase {
        passphrase,
        work_factor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn stdin_can_be_read_once() {
        let dash = PathBuf::from("-");
        let file = PathBuf::from("f");
        assert!(stdin_once(&[("--a", Some(&dash)), ("--b", Some(&file)), ("--c", None)]).is_ok());
        let err = stdin_once(&[("--a", Some(&dash)), ("--b", Some(&dash))]).unwrap_err();
        assert_eq!(err.status, Status::Usage);
        assert!(err.message.contains("--a and --b"), "{}", err.message);
    }
}
