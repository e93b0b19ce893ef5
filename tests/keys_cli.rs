//! `attosign keys …` driven as users drive it: keys equal the reference's for every vector,
//! secrets never reach the file in plain text, wrong credentials are status 4 and change
//! nothing, and no interrupted write leaves a damaged keystore.
//!
//! Every keystore here is written with a tiny `--work-factor` so scrypt costs nothing; that
//! is what the flag is for. assert_cmd pipes stdin, so there is never a terminal to prompt on.

mod common;

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use common::{attosign, decode_hex, load};
use predicates::prelude::*;
use predicates::str::contains;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Stdio;
use tempfile::TempDir;

const ABANDON: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon \
    abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \
    abandon abandon abandon art";
// vectors/keys.json, "entropy all-zero", no passphrase, index 0.
const ABANDON_PUBLIC_0: &str = "EF2253ED278FB3F4155C58078162F42DA1CB060D1A62C840517D12738F89E854";
const ABANDON_PRIVATE_0: &str = "A785C2C528FFFC88D02C1F1C8597002FC1D90F2AA7CECED5956A49DFFC9B6E20";
const ABANDON_ADDRESS_0: &str =
    "atto://adxseu7ne6h3h5avlrmapalc6qw2dsygbungfscakf6re44prhufjy7syamqo";
const ABANDON_SEED: &str = "408B285C123836004F4B8842C89324C1F01382450C0D439AF345BA7FC49ACF70\
    5489C6FC77DBD4E3DC1DD8CC6BC9F043DB8ADA1E243C4A0EAFB290D399480840";

/// A scratch directory holding a keystore and the secret files the commands read.
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A path in the scratch directory as an argument.
    fn p(&self, name: &str) -> String {
        self.path(name).to_str().unwrap().to_string()
    }

    fn keystore(&self) -> PathBuf {
        self.path("keystore.age")
    }

    /// Writes a secret file the way an editor would (text and a newline); returns its path.
    fn file(&self, name: &str, text: &str) -> String {
        fs::write(self.path(name), format!("{text}\n")).unwrap();
        self.p(name)
    }

    /// `attosign` with no keystore from the environment and data directories in here.
    fn cmd(&self) -> Command {
        let mut cmd = attosign();
        cmd.env_remove("ATTOSIGN_KEYSTORE")
            .env_remove("ATTOSIGN_TEST_FAULT")
            .env("XDG_DATA_HOME", self.path("xdg"))
            .env("HOME", self.path("home"));
        cmd
    }

    /// `attosign --keystore K [--passphrase-file <pw>] keys ARGS…` (`pw` "" for none).
    fn keys(&self, pw: &str, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.arg("--keystore").arg(self.keystore());
        if !pw.is_empty() {
            cmd.arg("--passphrase-file").arg(self.path(pw));
        }
        cmd.arg("keys").args(args);
        cmd
    }

    /// The same with `--identity FILE` instead of a passphrase.
    fn keys_id(&self, identity: &str, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.arg("--keystore").arg(self.keystore());
        cmd.args(["--identity", identity, "keys"]).args(args);
        cmd
    }

    /// Imports a mnemonic (and BIP39 passphrase) into a keystore locked by the file "pw".
    fn import(&self, mnemonic: &str, bip39: Option<&str>) {
        self.file("pw", "correct horse battery staple");
        let words = self.file("words", mnemonic);
        let mut args = vec!["import", "--work-factor", "1", "--mnemonic-file", &words];
        let bip39_file;
        if let Some(bip39) = bip39 {
            bip39_file = self.file("bip39", bip39);
            args.extend(["--bip39-passphrase-file", &bip39_file]);
        }
        self.keys("pw", &args).assert().success().stdout("");
    }

    /// Imports a raw private key (hex) into a keystore locked by the file "pw".
    fn import_key(&self, hex: &str) -> Assert {
        self.file("pw", "pw");
        let key = self.file("key", hex);
        let args = ["import", "--work-factor", "1", "--private-key-file", &key];
        self.keys("pw", &args).assert()
    }

    fn list_json(&self, pw: &str, count: u32) -> Vec<Value> {
        let count = count.to_string();
        json(
            self.keys(pw, &["list", "--json", "--count", &count])
                .assert()
                .success(),
        )
    }

    fn show_json(&self, pw: &str, index: u32) -> Value {
        let index = index.to_string();
        json(
            self.keys(pw, &["show", "--json", "--index", &index])
                .assert()
                .success(),
        )
    }

    fn bytes(&self) -> Vec<u8> {
        fs::read(self.keystore()).unwrap()
    }
}

fn json<T: DeserializeOwned>(assert: Assert) -> T {
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

fn stdout(assert: &Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[derive(Deserialize)]
struct KeyVectors {
    cases: Vec<KeyCase>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyCase {
    note: String,
    mnemonic: String,
    passphrase_utf8_hex: String,
    index: u32,
    private_key: String,
    public_key: String,
    address: String,
}

#[test]
fn keys_equal_the_reference_for_every_vector() {
    let vectors: KeyVectors = load("keys.json");
    let mut groups: BTreeMap<(&str, &str), Vec<&KeyCase>> = BTreeMap::new();
    for case in &vectors.cases {
        let key = (case.mnemonic.as_str(), case.passphrase_utf8_hex.as_str());
        groups.entry(key).or_default().push(case);
    }
    assert!(groups.len() >= 7, "{} groups", groups.len());
    for ((mnemonic, passphrase_hex), cases) in groups {
        let env = Env::new();
        env.file("pw", "pw");
        // The exact bytes the reference got (the JSON string could be re-normalized by an
        // editor; the hex cannot), plus the newline the file reader drops.
        let mut bip39 = decode_hex(passphrase_hex, "test").unwrap();
        bip39.push(b'\n');
        fs::write(env.path("bip39"), &bip39).unwrap();
        let words = env.file("words", mnemonic);
        let bip39 = env.p("bip39");
        let args = ["import", "--work-factor", "1", "--mnemonic-file", &words];
        let mut cmd = env.keys("pw", &args);
        cmd.args(["--bip39-passphrase-file", &bip39])
            .assert()
            .success();
        for case in &cases {
            let shown = env.show_json("pw", case.index);
            let name = format!(
                "{} / passphrase {passphrase_hex} / index {}",
                case.note, case.index
            );
            assert_eq!(shown["index"], case.index, "{name}");
            assert_eq!(shown["publicKey"], case.public_key.as_str(), "{name}");
            assert_eq!(shown["address"], case.address.as_str(), "{name}");
            assert!(shown.get("label").is_none(), "{name}");
        }
        // The reference's private key, imported raw, is the same account at index 0.
        let raw = Env::new();
        raw.import_key(&cases[0].private_key).success();
        let listed = raw.list_json("pw", 1);
        assert_eq!(
            listed[0]["publicKey"],
            cases[0].public_key.as_str(),
            "{}",
            cases[0].note
        );
    }
}

#[test]
fn raw_private_keys_import_as_index_zero() {
    let forms = [
        ABANDON_PRIVATE_0.to_string(),
        ABANDON_PRIVATE_0.to_lowercase(),
        format!("00{ABANDON_PRIVATE_0}"),
    ];
    for form in forms {
        let env = Env::new();
        env.import_key(&form).success();
        let list = env.list_json("pw", 10);
        assert_eq!(list.len(), 1, "{form}");
        assert_eq!(list[0]["index"], 0);
        assert_eq!(list[0]["publicKey"], ABANDON_PUBLIC_0);
        assert_plaintext_absent(&env.bytes(), &[ABANDON_PRIVATE_0]);
        // A raw key is index 0 and nothing else: no key for any other index.
        env.keys("pw", &["show", "--index", "1"])
            .assert()
            .code(4)
            .stdout("");
    }
}

#[test]
fn bad_private_keys_are_refused() {
    let wrong_algorithm = format!("01{ABANDON_PRIVATE_0}");
    for (text, says) in [
        ("1234", "bytes"),
        (&*wrong_algorithm, "algorithm"),
        ("zz", "hex"),
    ] {
        let env = Env::new();
        env.import_key(text).code(1).stderr(contains(says));
        assert!(!env.keystore().exists());
    }
}

/// Fails if the file contains a secret in plain text: hex in either case, or the raw bytes.
fn assert_plaintext_absent(file: &[u8], hex_secrets: &[&str]) {
    let lower = String::from_utf8_lossy(file).to_lowercase();
    for secret in hex_secrets {
        assert!(
            !lower.contains(&secret.to_lowercase()),
            "hex of a secret in the file"
        );
        let raw = decode_hex(secret, "test").unwrap();
        assert!(
            !file.windows(raw.len()).any(|w| w == raw),
            "raw secret in the file"
        );
    }
}

/// Fails if a word of `phrase` is in the file as the document would hold it: followed by a
/// space, or (the last) by a quote. A bare three-letter word could turn up by chance in the
/// random base64 of age's header; words of five letters or more are checked bare as well.
fn assert_words_absent(file: &[u8], phrase: &str) {
    let text = String::from_utf8_lossy(file).to_lowercase();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let end = if i + 1 < words.len() { ' ' } else { '"' };
        assert!(
            !text.contains(&format!("{word}{end}")),
            "word {} is in the file",
            i + 1
        );
        assert!(
            word.len() < 5 || !text.contains(word),
            "word {} is in the file",
            i + 1
        );
    }
}

#[test]
fn no_word_key_or_seed_is_in_the_file() {
    let env = Env::new();
    env.import(ABANDON, Some("TREZOR"));
    let bytes = env.bytes();
    assert_plaintext_absent(&bytes, &[ABANDON_PRIVATE_0, ABANDON_SEED]);
    assert_words_absent(&bytes, ABANDON);
    let text = String::from_utf8_lossy(&bytes).to_lowercase();
    for plain in ["mnemonic", "version", "trezor", "labels"] {
        assert!(!text.contains(plain), "{plain} is in the file");
    }

    // A freshly generated mnemonic, every word of it.
    let env = Env::new();
    env.file("pw", "pw");
    let args = ["new", "--show-mnemonic", "--work-factor", "1"];
    let phrase = stdout(&env.keys("pw", &args).assert().success());
    assert_words_absent(&env.bytes(), &phrase);
}

#[test]
fn keystore_file_is_0600_and_its_new_directory_0700() {
    let env = Env::new();
    let (pw, words) = (env.file("pw", "pw"), env.file("words", ABANDON));
    let nested = env.path("new/dir/keystore.age");
    env.cmd()
        .arg("--keystore")
        .arg(&nested)
        .args([
            "--passphrase-file",
            &pw,
            "keys",
            "import",
            "--work-factor",
            "1",
        ])
        .args(["--mnemonic-file", &words])
        .assert()
        .success();
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(nested.parent().unwrap()) & 0o077, 0);
}

#[test]
fn default_path_is_attosign_keystore_then_xdg_data_home_then_home() {
    let env = Env::new();
    let (pw, words) = (env.file("pw", "pw"), env.file("words", ABANDON));
    let import = [
        "--passphrase-file",
        &pw,
        "keys",
        "import",
        "--work-factor",
        "1",
    ];
    let words = ["--mnemonic-file", &words];
    env.cmd().args(import).args(words).assert().success();
    assert!(env.path("xdg/attosign/keystore.age").is_file());

    let elsewhere = env.path("from-env.age");
    let mut cmd = env.cmd();
    cmd.env("ATTOSIGN_KEYSTORE", &elsewhere);
    cmd.args(import).args(words).assert().success();
    assert!(elsewhere.is_file());

    let mut cmd = env.cmd();
    cmd.env_remove("XDG_DATA_HOME");
    cmd.args(import).args(words).assert().success();
    assert!(
        env.path("home/.local/share/attosign/keystore.age")
            .is_file()
    );
}

#[test]
fn wrong_passphrase_is_status_4_and_changes_nothing() {
    let env = Env::new();
    env.import(ABANDON, None);
    env.file("bad", "not the passphrase");
    let new = env.file("new", "new passphrase");
    let before = env.bytes();
    let commands: [&[&str]; 5] = [
        &["list"],
        &["show", "--index", "0"],
        &["export-watch", "--count", "3"],
        &["label", "--index", "0", "x", "--work-factor", "1"],
        &[
            "passwd",
            "--work-factor",
            "1",
            "--new-passphrase-file",
            &new,
        ],
    ];
    for args in commands {
        let assert = env.keys("bad", args).assert().code(4).stdout("");
        assert.stderr(contains("passphrase does not decrypt"));
    }
    assert_eq!(env.bytes(), before);
    // Scripts get a code.
    let mut cmd = env.keys("bad", &["list"]);
    cmd.arg("--json")
        .assert()
        .code(4)
        .stderr(contains(r#""code":"wrong-passphrase""#));
}

/// Regression: `--force` over a keystore whose journal was deleted (its head still beside
/// it, or beside the keystore when the journal was kept elsewhere) replaced it silently, and
/// the new keystore started a new journal and signed the same heights again.
#[test]
fn force_does_not_replace_a_keystore_whose_journal_is_missing() {
    let env = Env::new();
    env.import(ABANDON, None);
    let journal = env.path("keystore.age.journal");
    attosign::journal::Journal::create(&journal).unwrap();
    fs::remove_file(&journal).unwrap();
    let head = env.path("keystore.age.journal.head");
    assert!(head.exists(), "the head stays beside the lost journal");
    let before = env.bytes();
    let head_before = fs::read(&head).unwrap();
    let words = env.p("words");
    let import = [
        "import",
        "--work-factor",
        "1",
        "--mnemonic-file",
        &words,
        "--force",
    ];
    let new = ["new", "--show-mnemonic", "--work-factor", "1", "--force"];
    for args in [&import[..], &new[..]] {
        env.keys("pw", args)
            .assert()
            .code(5)
            .stdout("")
            .stderr(contains("is missing").and(contains("Nothing was changed")));
        assert_eq!(env.bytes(), before, "{args:?}");
        assert_eq!(fs::read(&head).unwrap(), head_before, "{args:?}");
    }
    // Moved aside, on purpose: the replacement goes ahead.
    fs::rename(&head, env.path("lost.head")).unwrap();
    env.keys("pw", &import).assert().success();
}

/// Regression: a FIFO at the keystore's path made `keys list` wait forever, and a directory
/// was reported as "a keystore already exists" (then `--force` failed on it).
#[test]
fn a_keystore_path_that_is_not_a_file_is_said_so() {
    let env = Env::new();
    env.file("pw", "pw");
    let fifo = env.path("fifo.age");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let dir = env.path("dir.age");
    fs::create_dir(&dir).unwrap();
    for path in [&fifo, &dir] {
        env.cmd()
            .arg("--keystore")
            .arg(path)
            .args(["--passphrase-file", &env.p("pw"), "keys", "list"])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("not a regular file"));
        env.cmd()
            .arg("--keystore")
            .arg(path)
            .args(["--passphrase-file", &env.p("pw")])
            .args(["keys", "new", "--show-mnemonic", "--work-factor", "1"])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("not a regular file").and(contains("already exists").not()));
        // Nor with --force, which replaces keystores only, and refuses before it shows any
        // words or takes a lock. Regression: `keys new --force` printed new recovery words
        // first, and `keys import --force` left a .lock file beside the directory.
        env.cmd()
            .arg("--keystore")
            .arg(path)
            .args(["--passphrase-file", &env.p("pw")])
            .args([
                "keys",
                "new",
                "--show-mnemonic",
                "--work-factor",
                "1",
                "--force",
            ])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("not a regular file").and(contains("recovery words").not()));
        env.file("words", ABANDON);
        env.cmd()
            .arg("--keystore")
            .arg(path)
            .args(["--passphrase-file", &env.p("pw")])
            .args(["keys", "import", "--work-factor", "1", "--force"])
            .args(["--mnemonic-file", &env.p("words")])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("not a regular file"));
        assert!(!path.is_file(), "{path:?} was replaced");
        let mut lock = path.as_os_str().to_owned();
        lock.push(".lock");
        assert!(
            !std::path::Path::new(&lock).exists(),
            "a refused command left {lock:?}"
        );
    }
    // A path under a file cannot be a keystore either; --force refused it only after
    // printing new words (the lookup's "not a directory" was taken for "nothing there").
    fs::write(env.path("afile"), "").unwrap();
    env.cmd()
        .arg("--keystore")
        .arg(env.path("afile/ks.age"))
        .args(["--passphrase-file", &env.p("pw")])
        .args([
            "keys",
            "new",
            "--show-mnemonic",
            "--work-factor",
            "1",
            "--force",
        ])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("afile/ks.age").and(contains("recovery words").not()));
}

#[test]
fn existing_keystore_is_kept_without_force() {
    let env = Env::new();
    env.import(ABANDON, None);
    let before = env.bytes();
    let words = env.p("words");
    let import = ["import", "--work-factor", "1", "--mnemonic-file", &words];
    let assert = env.keys("pw", &import).assert().code(1);
    assert.stderr(contains("already exists").and(contains("--force")));
    let new = ["new", "--show-mnemonic", "--work-factor", "1"];
    env.keys("pw", &new).assert().code(1).stdout("");
    assert_eq!(env.bytes(), before);

    env.keys("pw", &new).arg("--force").assert().success();
    assert_ne!(env.bytes(), before);
    assert_ne!(env.list_json("pw", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
}

#[test]
fn without_a_terminal_prompts_become_usage_errors_naming_the_flag() {
    let env = Env::new();
    let words = env.file("words", ABANDON);
    let import = ["import", "--work-factor", "1", "--mnemonic-file", &words];
    env.keys("", &import)
        .assert()
        .code(2)
        .stderr(contains("--passphrase-file"));
    assert!(!env.keystore().exists());
    env.file("pw", "pw");
    let assert = env.keys("pw", &["import", "--work-factor", "1"]).assert();
    assert.code(2).stderr(contains("--mnemonic-file"));
    let assert = env.keys("pw", &["new", "--work-factor", "1"]).assert();
    assert
        .code(2)
        .stdout("")
        .stderr(contains("--show-mnemonic"));
    assert!(!env.keystore().exists());

    env.import(ABANDON, None);
    env.keys("", &["list"])
        .assert()
        .code(2)
        .stderr(contains("--passphrase-file"));
    let assert = env.keys("pw", &["passwd"]).assert();
    assert.code(2).stderr(contains("--new-passphrase-file"));
}

#[test]
fn stdin_serves_one_secret_at_most() {
    let env = Env::new();
    let mut cmd = env.cmd();
    cmd.arg("--keystore").arg(env.keystore());
    cmd.args([
        "--passphrase-file",
        "-",
        "keys",
        "import",
        "--mnemonic-file",
        "-",
    ]);
    cmd.write_stdin("pw\n")
        .assert()
        .code(2)
        .stderr(contains("only once"));
    // One of them from stdin is fine.
    env.file("pw", "pw");
    let mut cmd = env.keys(
        "pw",
        &["import", "--work-factor", "1", "--mnemonic-file", "-"],
    );
    cmd.write_stdin(format!("{ABANDON}\n")).assert().success();
    let mut cmd = env.cmd();
    cmd.arg("--keystore").arg(env.keystore());
    cmd.args([
        "--passphrase-file",
        "-",
        "keys",
        "list",
        "--json",
        "--count",
        "1",
    ]);
    cmd.write_stdin("pw\n")
        .assert()
        .success()
        .stdout(contains(ABANDON_PUBLIC_0));
}

#[test]
fn invalid_mnemonics_say_what_is_wrong() {
    let env = Env::new();
    env.file("pw", "pw");
    let mut words: Vec<&str> = ABANDON.split_whitespace().collect();
    words[2] = "abandonn";
    let typo = words.join(" ");
    let swapped = ABANDON.replace("art", "abandon");
    let short = "abandon ".repeat(11);
    let long = format!("{ABANDON} abandon");
    for (text, says) in [
        (&typo, "word 3 "),
        (&swapped, "checksum"),
        (&short, "has 11"),
        (&long, "has 25"),
    ] {
        let file = env.file("words", text);
        let import = ["import", "--work-factor", "1", "--mnemonic-file", &file];
        env.keys("pw", &import)
            .assert()
            .code(1)
            .stderr(contains(says));
        assert!(!env.keystore().exists());
    }
}

#[test]
fn new_prints_24_words_that_import_to_the_same_keys() {
    let new = ["new", "--show-mnemonic", "--work-factor", "1"];
    let env = Env::new();
    env.file("pw", "pw");
    let phrase = stdout(&env.keys("pw", &new).assert().success());
    assert!(
        phrase.ends_with('\n') && phrase.lines().count() == 1,
        "{phrase:?}"
    );
    let words: Vec<&str> = phrase.trim_end().split(' ').collect();
    assert_eq!(words.len(), 24);
    assert!(
        words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase()))
    );
    let created = env.list_json("pw", 3);

    let other = Env::new();
    other.import(phrase.trim_end(), None);
    assert_eq!(other.list_json("pw", 3), created);

    // Two runs never give the same words.
    let again = Env::new();
    again.file("pw", "pw");
    assert_ne!(stdout(&again.keys("pw", &new).assert().success()), phrase);
}

#[test]
fn new_with_a_bip39_passphrase_matches_import_with_it() {
    let env = Env::new();
    env.file("pw", "pw");
    let bip39 = env.file("bip39", "caf\u{e9}");
    let new = ["new", "--show-mnemonic", "--work-factor", "1"];
    let mut cmd = env.keys("pw", &new);
    let assert = cmd
        .args(["--bip39-passphrase-file", &bip39])
        .assert()
        .success();
    // A precomposed "é" is not NFKD: other BIP39 wallets would derive other keys.
    let phrase = stdout(&assert.stderr(contains("NFKD")));
    let created = env.list_json("pw", 2);

    let with = Env::new();
    with.import(phrase.trim_end(), Some("caf\u{e9}"));
    assert_eq!(with.list_json("pw", 2), created);
    let without = Env::new();
    without.import(phrase.trim_end(), None);
    assert_ne!(without.list_json("pw", 2), created);
}

#[test]
fn list_show_and_export_watch_output() {
    let env = Env::new();
    env.import(ABANDON, None);
    let label = ["label", "--index", "1", "savings account"];
    env.keys("pw", &label).assert().success().stdout("");
    let list = env.list_json("pw", 3);
    assert_eq!(list.len(), 3);
    assert_eq!(
        serde_json::to_string(&list[0]).unwrap(),
        format!(
            r#"{{"index":0,"address":"{ABANDON_ADDRESS_0}","publicKey":"{ABANDON_PUBLIC_0}"}}"#
        )
    );
    assert_eq!(list[1]["label"], "savings account");
    assert!(list[2].get("label").is_none());

    let export = env
        .keys("pw", &["export-watch", "--count", "3", "--json"])
        .assert();
    let text = stdout(&export).to_lowercase();
    assert!(!text.contains(&ABANDON_PRIVATE_0.to_lowercase()) && !text.contains("abandon"));
    assert_eq!(json::<Vec<Value>>(export.success()), list);

    // The default count is 10.
    let default: Vec<Value> = json(env.keys("pw", &["list", "--json"]).assert().success());
    assert_eq!(default, env.list_json("pw", 10));
    assert_eq!(env.show_json("pw", 1), list[1]);

    let table = env.keys("pw", &["list", "--count", "2"]).assert().success();
    table.stdout(
        contains("INDEX")
            .and(contains(ABANDON_PUBLIC_0))
            .and(contains("savings")),
    );
    let show = env.keys("pw", &["show", "--index", "1"]).assert().success();
    show.stdout(contains("label       savings account"));
}

#[test]
fn labels_are_set_removed_and_checked() {
    let env = Env::new();
    env.import(ABANDON, None);
    env.keys("pw", &["label", "--index", "7", "cold"])
        .assert()
        .success();
    assert_eq!(env.show_json("pw", 7)["label"], "cold");
    env.keys("pw", &["label", "--index", "7", ""])
        .assert()
        .success();
    assert!(env.show_json("pw", 7).get("label").is_none());
    let before = env.bytes();
    let bad = ["label", "--index", "7", "bad\u{1b}[2Jlabel"];
    env.keys("pw", &bad).assert().code(2);
    assert_eq!(env.bytes(), before);
    // Regression: these invisible characters were accepted while others of their family were
    // refused, so two labels could look the same and differ.
    for c in ['\u{061C}', '\u{200B}', '\u{FEFF}', '\u{2028}', '\u{00AD}'] {
        let text = format!("co{c}ld");
        let bad = ["label", "--index", "7", &text];
        env.keys("pw", &bad)
            .assert()
            .code(2)
            .stderr(contains("the label is not usable"));
    }
    assert_eq!(env.bytes(), before);
}

/// Regression: `--keystore -` wrote a keystore file literally named "-".
#[test]
fn keystore_dash_is_a_usage_error() {
    let env = Env::new();
    let words = env.file("words", ABANDON);
    env.file("pw", "pw");
    let mut cmd = env.cmd();
    cmd.current_dir(env.dir.path())
        .args(["--keystore", "-", "--passphrase-file", &env.p("pw")])
        .args([
            "keys",
            "import",
            "--work-factor",
            "1",
            "--mnemonic-file",
            &words,
        ]);
    cmd.assert()
        .code(2)
        .stdout("")
        .stderr(contains("a keystore is a file"));
    assert!(!env.path("-").exists());
    let mut cmd = env.cmd();
    cmd.current_dir(env.dir.path())
        .env("ATTOSIGN_KEYSTORE", "-")
        .args(["--passphrase-file", &env.p("pw"), "keys", "list"]);
    cmd.assert().code(2).stderr(contains("$ATTOSIGN_KEYSTORE"));
}

/// Regression: a dangling symlink as the keystore path was "a keystore already exists", and
/// `--force` failed on it too. The keystore is created where the link points; the link stays.
#[test]
fn a_dangling_symlink_gets_the_keystore_where_it_points() {
    for force in [false, true] {
        let env = Env::new();
        std::os::unix::fs::symlink("elsewhere/real.age", env.keystore()).unwrap();
        env.file("pw", "pw");
        let words = env.file("words", ABANDON);
        let mut import = vec!["import", "--work-factor", "1", "--mnemonic-file", &words];
        if force {
            import.push("--force");
        }
        env.keys("pw", &import).assert().success();
        assert!(fs::symlink_metadata(env.keystore()).unwrap().is_symlink());
        assert!(env.path("elsewhere/real.age").is_file());
        assert_eq!(env.list_json("pw", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
    }
}

/// Regression: with stdout closed, `keys new --show-mnemonic` exited 0 and said "Created":
/// the Rust runtime had reopened stdout as /dev/null and the only copy of the words went
/// there. It must refuse, and create nothing, whether stdout was closed or is /dev/null.
#[test]
fn show_mnemonic_refuses_a_stdout_that_discards_the_words() {
    use std::os::unix::process::CommandExt;
    for closed in [false, true] {
        let env = Env::new();
        env.file("pw", "pw");
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"));
        cmd.env_remove("ATTOSIGN_KEYSTORE")
            .arg("--keystore")
            .arg(env.keystore())
            .args(["--passphrase-file", &env.p("pw")])
            .args(["keys", "new", "--show-mnemonic", "--work-factor", "1"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if closed {
            // SAFETY: close(2) between fork and exec is async-signal-safe.
            unsafe {
                cmd.pre_exec(|| {
                    libc::close(1);
                    Ok(())
                });
            }
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "closed {closed}: {stderr}");
        assert!(stderr.contains("stdout is /dev/null"), "{stderr}");
        assert!(!env.keystore().exists(), "closed {closed}");
    }
}

/// Regression: a byte-order mark at the start of a mnemonic file (some editors write one)
/// became part of the first word, and the mnemonic was "invalid".
#[test]
fn a_byte_order_mark_in_a_secret_file_is_ignored() {
    let env = Env::new();
    fs::write(env.path("pw"), "\u{feff}pw\n").unwrap();
    fs::write(env.path("words"), format!("\u{feff}{ABANDON}\n")).unwrap();
    let words = env.p("words");
    let import = ["import", "--work-factor", "1", "--mnemonic-file", &words];
    env.keys("pw", &import).assert().success();
    // The passphrase is "pw" without the mark.
    env.file("plain", "pw");
    assert_eq!(env.list_json("plain", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
}

#[test]
fn passwd_changes_the_passphrase() {
    let env = Env::new();
    env.import(ABANDON, None);
    let new = env.file("new", "a new passphrase");
    let passwd = [
        "passwd",
        "--work-factor",
        "2",
        "--new-passphrase-file",
        &new,
    ];
    env.keys("pw", &passwd).assert().success().stdout("");
    env.keys("pw", &["list"]).assert().code(4);
    assert_eq!(env.list_json("new", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
    assert_eq!(mode(&env.keystore()), 0o600);
    // An empty new passphrase is refused.
    fs::write(env.path("empty"), "\n").unwrap();
    let empty = env.p("empty");
    let passwd = [
        "passwd",
        "--work-factor",
        "1",
        "--new-passphrase-file",
        &empty,
    ];
    env.keys("new", &passwd).assert().code(2);
    assert_eq!(env.list_json("new", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
}

#[test]
fn work_factor_is_checked_and_kept() {
    let env = Env::new();
    env.file("pw", "pw");
    let words = env.file("words", ABANDON);
    let import = ["import", "--work-factor", "23", "--mnemonic-file", &words];
    env.keys("pw", &import)
        .assert()
        .code(2)
        .stderr(contains("--work-factor").and(contains("1..=22")));
    assert!(!env.keystore().exists());
    env.import(ABANDON, None);
    env.keys("pw", &["label", "--index", "0", "main"])
        .assert()
        .success();
    // The header records the cost: a label change keeps the file's work factor (1 here)
    // instead of recalibrating to ~1 s, and so do the rewrites that take no --work-factor
    // (README, "Passphrases and identities").
    let kept = |after: &str| {
        let header = String::from_utf8_lossy(&env.bytes()[..100]).to_string();
        let stanza = header.lines().nth(1).unwrap();
        assert!(
            stanza.starts_with("-> scrypt ") && stanza.ends_with(" 1"),
            "after {after}: {header}"
        );
    };
    kept("keys label");
    let before = env.bytes();
    let rewrite = |args: &[&str]| {
        env.cmd()
            .arg("--keystore")
            .arg(env.keystore())
            .args(["--passphrase-file", &env.p("pw"), "--yes"])
            .args(args)
            .assert()
            .success();
    };
    rewrite(&["book", "add", ABANDON_ADDRESS_0, "self"]);
    assert_ne!(env.bytes(), before, "book add rewrote the keystore");
    kept("book add");
    rewrite(&["policy", "set", "--max-per-day", "5"]);
    kept("policy set");
    rewrite(&["book", "remove", ABANDON_ADDRESS_0]);
    kept("book remove");
}

/// Writes an identity file as `age-keygen` does; returns its path and recipient.
fn identity_file(env: &Env, name: &str) -> (String, String) {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let secret = identity.to_string();
    let text = format!(
        "# created: 2026-01-01T00:00:00+00:00\n# public key: {recipient}\n{}",
        secret.expose_secret()
    );
    (env.file(name, &text), recipient)
}

#[test]
fn identity_keystores() {
    let env = Env::new();
    let (id, _) = identity_file(&env, "id.txt");
    let (other, other_recipient) = identity_file(&env, "other.txt");
    let words = env.file("words", ABANDON);
    env.keys_id(&id, &["import", "--mnemonic-file", &words])
        .assert()
        .success()
        .stdout("");
    let bytes = env.bytes();
    assert!(String::from_utf8_lossy(&bytes).contains("-> X25519 "));
    assert_plaintext_absent(&bytes, &[ABANDON_PRIVATE_0, ABANDON_SEED]);
    assert_words_absent(&bytes, ABANDON);
    let list = env
        .keys_id(&id, &["list", "--json", "--count", "1"])
        .assert();
    list.success().stdout(contains(ABANDON_PUBLIC_0));
    let wrong = env
        .keys_id(&other, &["list", "--json"])
        .assert()
        .code(4)
        .stdout("");
    wrong.stderr(contains("wrong-identity"));
    // A passphrase cannot open it, and the message says what can.
    env.file("pw", "pw");
    env.keys("pw", &["list"])
        .assert()
        .code(4)
        .stderr(contains("--identity"));
    assert_eq!(env.bytes(), bytes);

    // A label change keeps it encrypted to the same recipient.
    env.keys_id(&id, &["label", "--index", "0", "main"])
        .assert()
        .success();
    let show = env
        .keys_id(&id, &["show", "--index", "0"])
        .assert()
        .success();
    show.stdout(contains("main"));

    // From the identity to a passphrase, then to another identity.
    let pw = env.p("pw");
    let passwd = ["passwd", "--work-factor", "1", "--new-passphrase-file", &pw];
    env.keys_id(&id, &passwd).assert().success();
    env.keys_id(&id, &["list"]).assert().code(4);
    assert_eq!(env.list_json("pw", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
    let passwd = env
        .keys("pw", &["passwd", "--new-identity", &other])
        .assert()
        .success();
    passwd.stderr(contains(other_recipient));
    let show = env
        .keys_id(&other, &["show", "--index", "0"])
        .assert()
        .success();
    show.stdout(contains(ABANDON_PUBLIC_0));

    // `keys new` to an identity.
    let fresh = Env::new();
    let (id, _) = identity_file(&fresh, "id.txt");
    fresh
        .keys_id(&id, &["new", "--show-mnemonic"])
        .assert()
        .success();
    fresh.keys_id(&id, &["list"]).assert().success();

    // Not an identity file; the message does not quote it.
    let bad = env.file("bad-id", "AGE-SECRET-KEY-1NOTREALLY");
    let assert = env.keys_id(&bad, &["list"]).assert().code(1);
    assert.stderr(contains("NOTREALLY").not());
}

#[test]
fn damaged_or_missing_keystores_are_reported() {
    let env = Env::new();
    env.file("pw", "pw");
    let missing = env.keys("pw", &["list", "--json"]).assert().code(1);
    missing.stderr(contains("keystore-not-found"));
    env.import(ABANDON, None);
    let mut bytes = env.bytes();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    fs::write(env.keystore(), &bytes).unwrap();
    let damaged = env.keys("pw", &["list", "--json"]).assert().code(1);
    damaged.stderr(contains("keystore-corrupt"));
    fs::write(env.keystore(), b"hello").unwrap();
    let assert = env.keys("pw", &["list"]).assert().code(1);
    assert.stderr(contains("not an age file"));
}

/// Whichever of the passphrases in `candidates` opens the keystore (exactly one must).
fn which_opens(env: &Env, candidates: &[&str]) -> String {
    let mut opening = Vec::new();
    let mut refusals = String::new();
    for pw in candidates {
        let out = env.keys(pw, &["list", "--count", "1"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => opening.push(pw.to_string()),
            Some(4) => refusals.push_str(&stderr),
            other => panic!("keystore damaged: status {other:?}: {stderr}"),
        }
    }
    assert_eq!(opening.len(), 1, "opened by {opening:?}; {refusals}");
    opening.pop().unwrap()
}

/// Fault points exist only with the `fault-injection` feature, which `cargo test` turns on
/// (Cargo.toml's dev-dependency on this package).
#[test]
fn a_crash_at_any_step_of_a_write_leaves_a_whole_keystore() {
    for (point, renamed) in [
        ("temp-created", false),
        ("temp-written", false),
        ("temp-synced", false),
        ("renamed", true),
    ] {
        let env = Env::new();
        env.import(ABANDON, None);
        let new = env.file("new", "new");
        let passwd = [
            "passwd",
            "--work-factor",
            "1",
            "--new-passphrase-file",
            &new,
        ];
        let mut cmd = env.keys("pw", &passwd);
        cmd.env("ATTOSIGN_TEST_FAULT", point).assert().code(86);
        let (now, other) = if renamed {
            ("new", "pw")
        } else {
            ("pw", "new")
        };
        assert_eq!(which_opens(&env, &["pw", "new"]), now, "crash at {point}");
        // The stray temporary file does not get in the way of the next write.
        let other = env.p(other);
        let passwd = [
            "passwd",
            "--work-factor",
            "1",
            "--new-passphrase-file",
            &other,
        ];
        env.keys(now, &passwd).assert().success();

        // Creating: before the last step there is no keystore at all, after it a whole one.
        // The words were printed before the write began: a whole mnemonic either way, which
        // `keys import` takes when the keystore was not written.
        let fresh = Env::new();
        fresh.file("pw", "pw");
        let mut cmd = fresh.keys("pw", &["new", "--show-mnemonic", "--work-factor", "1"]);
        let crashed = cmd.env("ATTOSIGN_TEST_FAULT", point).assert().code(86);
        let words = String::from_utf8(crashed.get_output().stdout.clone()).unwrap();
        assert_eq!(words.split_whitespace().count(), 24, "crash at {point}");
        assert_eq!(fresh.keystore().exists(), renamed, "crash at {point}");
        if renamed {
            fresh.list_json("pw", 1);
        }
    }
}

/// Regression: this loop used to count its kills without asserting any, so a machine on
/// which every `passwd` finished before its kill tested nothing. The delays are now spread
/// over the measured length of an uninterrupted run, and kills that landed (the child died
/// of SIGKILL, not merely signalled after it exited) must be among the rounds.
#[test]
fn killing_passwd_at_random_moments_never_damages_the_keystore() {
    use std::os::unix::process::ExitStatusExt;
    let env = Env::new();
    env.import(ABANDON, None);
    fs::copy(env.path("pw"), env.path("a")).unwrap();
    env.file("b", "other");
    let bin = assert_cmd::cargo::cargo_bin("attosign");
    let passwd = |from: &str, to: &str| {
        let mut cmd = std::process::Command::new(&bin);
        cmd.env_remove("ATTOSIGN_KEYSTORE")
            .env_remove("ATTOSIGN_TEST_FAULT")
            .arg("--keystore")
            .arg(env.keystore())
            .args(["--passphrase-file", &env.p(from), "keys", "passwd"])
            .args(["--work-factor", "10", "--new-passphrase-file", &env.p(to)])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    };
    // One whole run, to learn how long the command takes on this machine.
    let started = std::time::Instant::now();
    assert!(passwd("a", "b").status().unwrap().success());
    let whole_us = started.elapsed().as_micros() as u64;
    let mut current = which_opens(&env, &["a", "b"]);
    assert_eq!(current, "b");
    // xorshift: deterministic delays spread over 0 to 1.5 times an uninterrupted run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let (mut killed, mut finished) = (0, 0);
    for _ in 0..24 {
        let next = if current == "a" { "b" } else { "a" };
        let mut child = passwd(&current, next).spawn().unwrap();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        std::thread::sleep(std::time::Duration::from_micros(state % (whole_us * 3 / 2)));
        let _ = child.kill(); // SIGKILL; a child that already exited is merely reaped below
        match child.wait().unwrap() {
            status if status.signal() == Some(libc::SIGKILL) => killed += 1,
            status if status.success() => finished += 1,
            status => panic!("passwd ended with {status:?}"),
        }
        // Whatever the timing, every round leaves one whole keystore.
        current = which_opens(&env, &["a", "b"]);
    }
    eprintln!("{killed} of 24 rounds killed, {finished} finished");
    assert!(
        killed > 0,
        "no round was killed mid-write ({finished} finished)"
    );
    assert_eq!(env.list_json(&current, 1)[0]["publicKey"], ABANDON_PUBLIC_0);
}

/// `keys check-backup`: the paper's words (and BIP39 passphrase) against the keystore.
/// Exit 0 when they match, 1 with code `backup-mismatch` when not; nothing is ever written.
#[test]
fn check_backup_says_whether_the_paper_matches() {
    let env = Env::new();
    env.import(ABANDON, Some("paper passphrase"));
    let before = env.bytes();
    let check = |words: &str, bip39: Option<&str>| {
        let words = env.file("typed", words);
        let mut args = vec!["check-backup", "--mnemonic-file", &words];
        let bip39_file;
        if let Some(bip39) = bip39 {
            bip39_file = env.file("typed-bip39", bip39);
            args.extend(["--bip39-passphrase-file", &bip39_file]);
        }
        env.keys("pw", &args).assert()
    };
    check(ABANDON, Some("paper passphrase"))
        .success()
        .stdout("")
        .stderr(contains("The backup matches"));
    // Another valid mnemonic: a mismatch, not a usage error.
    let other = "zoo ".repeat(23) + "vote";
    check(&other, Some("paper passphrase"))
        .code(1)
        .stdout("")
        .stderr(contains("not this keystore's"));
    check(ABANDON, Some("wrong"))
        .code(1)
        .stderr(contains("BIP39 passphrase does not"));
    // The keystore has a passphrase, and there is no file and no terminal to ask for it.
    check(ABANDON, None)
        .code(2)
        .stderr(contains("--bip39-passphrase-file"));
    let typo = ABANDON.replace(" art", " able");
    check(&typo, Some("paper passphrase"))
        .code(1)
        .stderr(contains("not a valid mnemonic"));
    let words = env.file("typed", &other);
    let bip39 = env.file("typed-bip39", "paper passphrase");
    let json = ["--json", "check-backup", "--mnemonic-file", &words];
    env.keys("pw", &[])
        .args(json)
        .args(["--bip39-passphrase-file", &bip39])
        .assert()
        .code(1)
        .stderr(contains(r#""code":"backup-mismatch""#));
    assert_eq!(env.bytes(), before, "check-backup wrote to the keystore");

    // Without a BIP39 passphrase in the keystore, none is needed; giving one is a mismatch.
    let plain = Env::new();
    plain.import(ABANDON, None);
    let words = plain.file("typed", ABANDON);
    let args = ["check-backup", "--mnemonic-file", &words];
    plain.keys("pw", &args).assert().success();
    let extra = plain.file("extra", "x");
    let mut cmd = plain.keys("pw", &args);
    cmd.args(["--bip39-passphrase-file", &extra])
        .assert()
        .code(1)
        .stderr(contains("no BIP39 passphrase"));
    // Without --mnemonic-file and no terminal: a usage error before any passphrase is read.
    plain
        .keys("", &["check-backup"])
        .assert()
        .code(2)
        .stderr(contains("--mnemonic-file"));

    let raw = Env::new();
    raw.import_key(ABANDON_PRIVATE_0).success();
    let words = raw.file("typed", ABANDON);
    raw.keys("pw", &["check-backup", "--mnemonic-file", &words])
        .assert()
        .code(1)
        .stderr(contains("raw private key"));
}

/// Regression: without --bip39-passphrase-file and without a terminal, the BIP39 passphrase
/// silently became empty. Empty stays the default, and stderr now says so.
#[test]
fn an_absent_bip39_passphrase_is_announced() {
    let env = Env::new();
    env.file("pw", "pw");
    let words = env.file("words", ABANDON);
    let import = ["import", "--work-factor", "1", "--mnemonic-file", &words];
    env.keys("pw", &import)
        .assert()
        .success()
        .stderr(contains("the BIP39 passphrase is empty"));
    assert_eq!(env.list_json("pw", 1)[0]["publicKey"], ABANDON_PUBLIC_0);
}

/// `keys new --show-mnemonic --force` with a stdout that fails (a full disk): the words are
/// printed before anything is written, so the failure leaves the old keystore as it was
/// instead of replacing it with one whose words nobody has.
#[test]
fn words_that_cannot_be_printed_replace_nothing() {
    let env = Env::new();
    env.file("pw", "pw");
    let new = ["new", "--show-mnemonic", "--work-factor", "1"];
    env.keys("pw", &new).assert().success();
    let before = fs::read(env.keystore()).unwrap();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"))
        .env_remove("ATTOSIGN_KEYSTORE")
        .arg("--keystore")
        .arg(env.keystore())
        .args(["--passphrase-file", &env.p("pw")])
        .args([
            "keys",
            "new",
            "--show-mnemonic",
            "--work-factor",
            "1",
            "--force",
        ])
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not be printed"), "{stderr}");
    assert_eq!(fs::read(env.keystore()).unwrap(), before);
}

/// `--mnemonic-file "$(cat words)"` (the words given where their file's path goes): the
/// error does not repeat them on stderr; an ordinary missing path is still named.
#[test]
fn a_secret_given_as_a_path_is_not_echoed() {
    let env = Env::new();
    env.file("pw", "pw");
    let pk = "01".repeat(32);
    for (flag, secret) in [
        ("--mnemonic-file", ABANDON),
        ("--private-key-file", pk.as_str()),
    ] {
        env.keys("pw", &["import", "--work-factor", "1", flag, secret])
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("is not shown"))
            .stderr(contains(secret).not());
    }
    env.keys("pw", &["import", "--mnemonic-file", "no/such-words.txt"])
        .assert()
        .code(1)
        .stderr(contains("no/such-words.txt"));
}

/// Regression: `keys new --force` (or `import --force`) whose keystore write failed left the
/// journal saying the keystore was replaced, with the old one still in place; the journal
/// now records that the write failed. (The write fails by a test fault: a directory in the
/// keystore's place, which this test used before, is now refused before anything is
/// journaled.)
#[test]
fn a_failed_replacement_is_journaled_as_failed() {
    let env = Env::new();
    env.file("pw", "pw");
    env.keys("pw", &["new", "--show-mnemonic", "--work-factor", "1"])
        .assert()
        .success();
    env.cmd()
        .arg("--keystore")
        .arg(env.keystore())
        .args(["--passphrase-file", &env.p("pw"), "--yes", "journal", "new"])
        .assert()
        .success();
    let before = env.bytes();
    let words = env.file("words", ABANDON);
    for args in [
        vec!["new", "--show-mnemonic", "--work-factor", "1", "--force"],
        vec![
            "import",
            "--work-factor",
            "1",
            "--force",
            "--mnemonic-file",
            &words,
        ],
    ] {
        env.keys("pw", &args)
            .env("ATTOSIGN_TEST_FAULT", "fail:rename")
            .assert()
            .code(1)
            .stderr(contains(
                "The journal records the replacement and that writing it failed",
            ));
        assert_eq!(env.bytes(), before, "the old keystore stays");
    }
    let list = env
        .cmd()
        .arg("--keystore")
        .arg(env.keystore())
        .args(["--json", "journal", "list"])
        .assert()
        .success();
    let entries: Value = serde_json::from_slice(&list.get_output().stdout).unwrap();
    let details: Vec<&Value> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "keystore")
        .map(|e| &e["detail"])
        .collect();
    assert_eq!(details.len(), 4, "{entries}");
    for pair in details.chunks(2) {
        assert!(pair[0]["replaced"].is_string(), "{entries}");
        assert!(pair[1]["writeFailed"].is_string(), "{entries}");
        assert!(
            pair[1]["error"]
                .as_str()
                .unwrap()
                .contains("test fault: rename failed"),
            "{entries}"
        );
    }
}
