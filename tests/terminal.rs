//! At a real terminal (a pseudo-terminal here, as the operator's console would be): what is
//! typed before the confirmation question appears does not answer it, and the recovery words
//! of `keys new` leave the screen once written down.

mod common;

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "demo passphrase - not a secret";
const RECEIVER: &str = "atto://aabwxgxg44nzczzszrofyys6o27ymyro2pqtx5otnkcr25bkydykqtakzbsl6";

/// `attosign send` of the demo files (see [`run`]).
fn start(dir: &std::path::Path) -> (std::fs::File, Arc<Mutex<String>>, std::process::Child) {
    let send = [
        "--keystore",
        "keystore.age",
        "send",
        "--account",
        "account.json",
    ];
    run(
        dir,
        &[&send[..], &["--to", RECEIVER, "--amount", "1"]].concat(),
    )
}

/// `attosign ARGS` in `dir` with a pseudo-terminal as its controlling terminal, stdin and
/// stderr; stdout to `out.json`. Returns the terminal's master side, what the terminal has
/// shown so far (filled by a reader thread) and the child.
fn run(
    dir: &std::path::Path,
    args: &[&str],
) -> (std::fs::File, Arc<Mutex<String>>, std::process::Child) {
    let (master, slave) = pty();
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("attosign"));
    cmd.current_dir(dir)
        .env_remove("ATTOSIGN_KEYSTORE")
        .args(args)
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .stdout(std::fs::File::create(dir.join("out.json")).unwrap());
    // SAFETY: between fork and exec only async-signal-safe calls: a new session whose
    // controlling terminal is the pseudo-terminal on stdin (the passphrase prompt opens
    // /dev/tty).
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().unwrap();
    drop(cmd);
    let master = std::fs::File::from(master);
    let shown = Arc::new(Mutex::new(String::new()));
    let mut reader = master.try_clone().unwrap();
    let sink = Arc::clone(&shown);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        // Ends with an error (EIO) once the child has exited and closed the terminal.
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    (master, shown, child)
}

/// A new pseudo-terminal: its master and slave sides.
fn pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty writes two descriptors it opened; nothing else is passed.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened by openpty and are owned here alone.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// `keys new` in `dir` (passphrase from a file, no BIP39 passphrase), run until its 24 words
/// are on the terminal and it waits for Enter.
fn keys_new_at_the_words(
    dir: &std::path::Path,
) -> (std::fs::File, Arc<Mutex<String>>, std::process::Child) {
    std::fs::write(dir.join("pw"), "a new passphrase\n").unwrap();
    let args = [
        "--keystore",
        "new.age",
        "--passphrase-file",
        "pw",
        "keys",
        "new",
        "--work-factor",
        "10",
    ];
    let (mut terminal, shown, child) = run(dir, &args);
    wait_for(&shown, "BIP39 passphrase");
    terminal.write_all(b"\n").unwrap();
    wait_for(&shown, "again");
    terminal.write_all(b"\n").unwrap();
    wait_for(&shown, "Press Enter");
    (terminal, shown, child)
}

fn wait_for(shown: &Mutex<String>, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !shown.lock().unwrap().contains(text) {
        assert!(
            Instant::now() < deadline,
            "the terminal never showed {text:?}; it shows:\n{}",
            shown.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn demo() -> tempfile::TempDir {
    common::demo_copy()
}

/// Regression: the passphrase and a "y" typed together signed the payment before its review
/// was on the screen; the "y" answered the question when it came.
#[test]
fn a_yes_typed_before_the_question_does_not_answer_it() {
    let dir = demo();
    let (mut terminal, shown, mut child) = start(dir.path());
    // Typed at once, before attosign has even asked for the passphrase.
    terminal
        .write_all(format!("{PASSPHRASE}\ny\n").as_bytes())
        .unwrap();
    wait_for(&shown, "[y/N]");
    // The question waits for an answer given after it appeared; "n" declines.
    std::thread::sleep(Duration::from_millis(300));
    terminal.write_all(b"n\n").unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{}", shown.lock().unwrap());
    assert_eq!(std::fs::read(dir.path().join("out.json")).unwrap(), b"");

    // Answered after the question appeared, "y" signs.
    let (mut terminal, shown, mut child) = start(dir.path());
    terminal
        .write_all(format!("{PASSPHRASE}\n").as_bytes())
        .unwrap();
    wait_for(&shown, "[y/N]");
    terminal.write_all(b"y\n").unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{}", shown.lock().unwrap());
    let out = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    assert!(out.contains("\"signature\""), "{out}");
}

/// Regression: when the check of two words failed (or reading Enter did), the 24 words stayed
/// on the terminal and in its scrollback; the screen was cleared only after a good check.
#[test]
fn the_recovery_words_leave_the_screen_once_written_down() {
    let dir = tempfile::tempdir().unwrap();
    let (mut terminal, shown, mut child) = keys_new_at_the_words(dir.path());
    terminal.write_all(b"\n").unwrap();
    // Three wrong answers for the first word asked: refused, nothing written.
    for attempt in 1..=3 {
        let asked = |s: &str| s.matches("From your paper, type word").count() >= attempt;
        let deadline = Instant::now() + Duration::from_secs(60);
        while !asked(&shown.lock().unwrap()) {
            assert!(Instant::now() < deadline, "{}", shown.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        }
        terminal.write_all(b"wrong\n").unwrap();
    }
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{}", shown.lock().unwrap());
    assert!(!dir.path().join("new.age").exists());
    let text = shown.lock().unwrap().clone();
    let grid = text.find("   1. ").expect("the words were shown");
    let enter = text.find("Press Enter").unwrap();
    let cleared = text
        .find("\x1b[H\x1b[2J\x1b[3J")
        .expect("the screen was cleared");
    let asked = text.find("From your paper").unwrap();
    assert!(
        grid < enter && enter < cleared && cleared < asked,
        "{text:?}"
    );
}

/// Regression: Ctrl-C at "Press Enter once all 24 words are written down" ended the process
/// with the words still on the screen and in its scrollback.
#[test]
fn ctrl_c_while_the_words_are_shown_clears_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut terminal, shown, mut child) = keys_new_at_the_words(dir.path());
    std::thread::sleep(Duration::from_millis(200));
    // Ctrl-C, as the terminal's line discipline turns it into SIGINT.
    terminal.write_all(b"\x03").unwrap();
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert!(
        status.signal() == Some(libc::SIGINT) || status.code() == Some(130),
        "{status:?}"
    );
    assert!(!dir.path().join("new.age").exists());
    std::thread::sleep(Duration::from_millis(200));
    let text = shown.lock().unwrap().clone();
    let grid = text.find("   1. ").expect("the words were shown");
    let cleared = text
        .rfind("\x1b[H\x1b[2J\x1b[3J")
        .unwrap_or_else(|| panic!("the screen was not cleared: {text:?}"));
    assert!(grid < cleared, "{text:?}");
}

/// Regression: with stderr redirected, the review and the question went to the file, and a
/// "y" typed at the terminal signed a review nobody had seen.
#[test]
fn no_confirmation_is_asked_when_stderr_is_not_the_terminal() {
    let dir = demo();
    let (_master, slave) = pty();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("attosign"))
        .current_dir(dir.path())
        .env_remove("ATTOSIGN_KEYSTORE")
        .args(common::DEMO_UNLOCK)
        .args([
            "send",
            "--account",
            "account.json",
            "--to",
            RECEIVER,
            "--amount",
            "1",
        ])
        .stdin(Stdio::from(slave))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Refused at once; a question asked instead would wait for an answer nobody gives.
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("attosign waited for an answer to a question on a redirected stderr");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("stderr is not a terminal"), "{stderr}");
}

/// Regression: `--passphrase-file -` at a terminal read the passphrase with echo on, leaving
/// it on the screen and in its scrollback.
#[test]
fn a_secret_is_not_read_from_stdin_when_stdin_is_the_terminal() {
    let dir = demo();
    let (_terminal, shown, mut child) = run(
        dir.path(),
        &[
            "--keystore",
            "keystore.age",
            "--passphrase-file",
            "-",
            "keys",
            "list",
        ],
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("attosign waited for a secret typed with echo on");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(child.wait().unwrap().code(), Some(2));
    std::thread::sleep(Duration::from_millis(200));
    let text = shown.lock().unwrap().clone();
    assert!(
        text.contains("it would be shown as it is typed"),
        "{text:?}"
    );
}

/// Regression: an empty answer to the passphrase prompt that opens a keystore was told "an
/// empty passphrase would leave the keystore unprotected", which fits only a new passphrase.
#[test]
fn an_empty_answer_when_opening_a_keystore_is_not_called_unprotected() {
    let dir = demo();
    let args = ["--keystore", "keystore.age", "keys", "list", "--count", "1"];
    let (mut terminal, shown, mut child) = run(dir.path(), &args);
    for _ in 0..3 {
        let prompts = shown.lock().unwrap().matches("Keystore passphrase").count();
        wait_for_count(&shown, "Keystore passphrase", prompts.max(1));
        terminal.write_all(b"\n").unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    let status = child.wait().unwrap();
    wait_for(&shown, "attempts");
    let text = shown.lock().unwrap().clone();
    assert_eq!(status.code(), Some(2), "{text}");
    assert_eq!(
        text.matches("a keystore's passphrase is never empty")
            .count(),
        3,
        "{text}"
    );
    assert!(!text.contains("unprotected"), "{text}");
}

fn wait_for_count(shown: &Mutex<String>, text: &str, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while shown.lock().unwrap().matches(text).count() < count {
        assert!(
            Instant::now() < deadline,
            "the terminal never showed {text:?} {count} times; it shows:\n{}",
            shown.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Regression: a long run's review pushed the warnings before it out of view, and `--quiet`
/// hid the NOT CHECKED note of a chain signed without `--account` while the question was
/// still asked. The note is shown, and repeated just before the question, where the
/// payments outside the address book are counted too.
#[test]
fn a_long_review_repeats_its_warnings_before_the_question() {
    let dir = demo();
    let payouts = std::fs::read_to_string(dir.path().join("payouts.csv")).unwrap();
    let receivers: Vec<&str> = payouts
        .lines()
        .filter_map(|l| l.split(',').next())
        .filter(|a| a.starts_with("atto://"))
        .collect();
    assert_eq!(receivers.len(), 3, "{payouts}");
    let big: String = (0..25)
        .map(|i| format!("{},0.1,run-{i}\n", receivers[i % 3]))
        .collect();
    std::fs::write(dir.path().join("big.csv"), big).unwrap();
    let built = Command::new(assert_cmd::cargo::cargo_bin!("attosign"))
        .current_dir(dir.path())
        .args([
            "build",
            "send",
            "--account",
            "account.json",
            "--batch",
            "big.csv",
        ])
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");
    std::fs::write(dir.path().join("chain.ndjson"), &built.stdout).unwrap();
    let (mut terminal, shown, mut child) = run(
        dir.path(),
        &[
            "--keystore",
            "keystore.age",
            "--quiet",
            "sign",
            "chain.ndjson",
        ],
    );
    terminal
        .write_all(format!("{PASSPHRASE}\n").as_bytes())
        .unwrap();
    wait_for(&shown, "[y/N]");
    let screen = shown.lock().unwrap().clone();
    let review = screen.find("Review before signing").expect("a review");
    let again = screen
        .find("Before you answer, the warnings above the review, again:")
        .unwrap_or_else(|| panic!("no repeat: {screen}"));
    assert!(review < again, "{screen}");
    assert!(
        screen[..review].contains("NOT CHECKED without --account"),
        "{screen}"
    );
    assert!(
        screen[again..].contains("NOT CHECKED without --account"),
        "{screen}"
    );
    assert!(
        screen.contains("25 of the 25 payment(s) go to addresses outside the address book"),
        "{screen}"
    );
    terminal.write_all(b"n\n").unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert_eq!(std::fs::read(dir.path().join("out.json")).unwrap(), b"");
}
