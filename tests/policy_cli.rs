//! `attosign book …` and `attosign policy …` driven as operators drive them: every change
//! needs the keystore's passphrase, is reviewed on stderr and confirmed (`--yes` without a
//! terminal), and is written atomically under the keystore's lock; a wrong passphrase, a bad
//! import line or a declined change leaves the keystore byte for byte as it was.
//!
//! Keystores here use `--work-factor 1` so scrypt costs nothing. assert_cmd pipes stdin, so
//! there is never a terminal to prompt on.

use age::secrecy::SecretString;
use assert_cmd::Command;
use assert_cmd::assert::Assert;
use predicates::str::contains;
use serde_json::{Value, json};
use std::fs;
use std::path::PathBuf;
use tempfile::TempDir;

const ABANDON: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon \
    abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \
    abandon abandon abandon art";
// vectors/keys.json, "entropy all-zero", no passphrase, index 0.
const ABANDON_ADDRESS_0: &str =
    "atto://adxseu7ne6h3h5avlrmapalc6qw2dsygbungfscakf6re44prhufjy7syamqo";

/// Distinct valid addresses, made with the binary itself (`address HEX`).
fn address(n: u8) -> String {
    let hex = format!("{n:02X}").repeat(32);
    let out = Command::cargo_bin("attosign")
        .unwrap()
        .args(["address", &hex])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// A scratch directory with a mnemonic keystore locked by the passphrase in "pw".
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        env.file("pw", "correct horse battery staple");
        env.file("wrong", "not the passphrase");
        let words = env.file("words", ABANDON);
        env.run(
            "pw",
            &[
                "keys",
                "import",
                "--work-factor",
                "1",
                "--mnemonic-file",
                &words,
            ],
        )
        .assert()
        .success();
        env
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn keystore(&self) -> PathBuf {
        self.path("keystore.age")
    }

    fn file(&self, name: &str, text: &str) -> String {
        fs::write(self.path(name), format!("{text}\n")).unwrap();
        self.path(name).to_str().unwrap().to_string()
    }

    /// `attosign --keystore K --passphrase-file <pw> ARGS…` (`pw` "" for none).
    fn run(&self, pw: &str, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("attosign").unwrap();
        cmd.env_remove("ATTOSIGN_KEYSTORE")
            .env_remove("ATTOSIGN_TEST_FAULT")
            .env("HOME", self.path("home"))
            .arg("--keystore")
            .arg(self.keystore());
        if !pw.is_empty() {
            cmd.arg("--passphrase-file").arg(self.path(pw));
        }
        cmd.args(args);
        cmd
    }

    /// A change made with `--yes`, which must succeed.
    fn change(&self, args: &[&str]) -> Assert {
        let mut all = vec!["--yes"];
        all.extend_from_slice(args);
        self.run("pw", &all).assert().success().stdout("")
    }

    fn book(&self) -> Value {
        json_out(
            self.run("pw", &["--json", "book", "list"])
                .assert()
                .success(),
        )
    }

    fn policy(&self) -> Value {
        json_out(
            self.run("pw", &["--json", "policy", "show"])
                .assert()
                .success(),
        )
    }

    fn bytes(&self) -> Vec<u8> {
        fs::read(self.keystore()).unwrap()
    }

    /// The keystore's inner document, decrypted with age itself.
    fn document(&self) -> Value {
        let identity = age::scrypt::Identity::new(passphrase());
        let plain = age::decrypt(&identity, &self.bytes()).unwrap();
        serde_json::from_slice(&plain).unwrap()
    }

    /// Replaces the keystore with `document`, encrypted as attosign would (work factor 1).
    fn write_document(&self, document: &str) {
        let mut recipient = age::scrypt::Recipient::new(passphrase());
        recipient.set_work_factor(1);
        fs::write(
            self.keystore(),
            age::encrypt(&recipient, document.as_bytes()).unwrap(),
        )
        .unwrap();
    }
}

fn passphrase() -> SecretString {
    SecretString::from("correct horse battery staple".to_string())
}

fn json_out(assert: Assert) -> Value {
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

fn stderr(assert: &Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn book_add_list_relabel_remove() {
    let env = Env::new();
    assert_eq!(env.book(), json!([]));
    let (a, b) = (address(1), address(2));
    let added = env.change(&["book", "add", &a, "Hot wallet 2"]);
    let review = stderr(&added);
    assert!(review.contains("Add to the address book"), "{review}");
    assert!(
        review.contains(&a) && review.contains("\"Hot wallet 2\""),
        "{review}"
    );
    env.change(&["book", "add", &b, "  Exchange B  "]);
    assert_eq!(
        env.book(),
        json!([{"address": a, "label": "Hot wallet 2"}, {"address": b, "label": "Exchange B"}])
    );
    // The human list shows the same.
    let list = env.run("pw", &["book", "list"]).assert().success();
    let text = String::from_utf8(list.get_output().stdout.clone()).unwrap();
    assert!(text.lines().nth(1).unwrap().starts_with(&a), "{text}");
    assert!(text.contains("Exchange B"), "{text}");

    let relabelled = env.change(&["book", "add", &a, "Hot wallet 3"]);
    assert!(stderr(&relabelled).contains("\"Hot wallet 2\" → \"Hot wallet 3\""));
    // Adding what is already there changes nothing, not even the file.
    let before = env.bytes();
    let same = env.change(&["book", "add", &a, "Hot wallet 3"]);
    assert!(stderr(&same).contains("nothing to change"));
    assert_eq!(env.bytes(), before);

    let removed = env.change(&["book", "remove", &b]);
    assert!(stderr(&removed).contains("Remove from the address book"));
    assert_eq!(env.book(), json!([{"address": a, "label": "Hot wallet 3"}]));
    let missing = env
        .run("pw", &["--yes", "--json", "book", "remove", &b])
        .assert()
        .code(1);
    missing.stdout("").stderr(contains("not-in-book"));
}

#[test]
fn book_arguments_are_checked_before_the_passphrase() {
    let env = Env::new();
    // No passphrase file and no terminal: the bad argument is reported, not the passphrase.
    let bad = env
        .run("", &["--yes", "book", "add", "atto://nope", "x"])
        .assert()
        .code(2);
    bad.stderr(contains("atto://"));
    let mut label = env.run("", &["--yes", "book", "add", &address(1), "a\u{1b}[2Jb"]);
    label.assert().code(2).stderr(contains("label"));
    let mut empty = env.run("", &["--yes", "book", "add", &address(1), "  "]);
    empty.assert().code(2).stderr(contains("empty"));
}

#[test]
fn changes_need_yes_without_a_terminal() {
    let env = Env::new();
    let before = env.bytes();
    for args in [
        vec!["book", "add", &address(1) as &str, "x"],
        vec!["book", "remove", &address(1)],
        vec!["policy", "set", "--destinations", "book"],
    ] {
        let refused = env.run("pw", &args).assert().code(2).stdout("");
        let message = stderr(&refused);
        assert!(message.contains("--yes"), "{args:?}: {message}");
    }
    assert_eq!(env.bytes(), before);
}

#[test]
fn a_wrong_passphrase_changes_nothing() {
    // Must show: a policy change that needs the passphrase; a wrong one changes nothing.
    let env = Env::new();
    env.change(&["book", "add", &address(1), "known"]);
    let before = env.bytes();
    let import = env.file("import.csv", &format!("{},new", address(2)));
    for args in [
        vec!["policy", "set", "--destinations", "book"],
        vec!["policy", "set", "--index", "3", "--max-per-day", "100"],
        vec!["book", "add", &address(3), "x"],
        vec!["book", "remove", &address(1)],
        vec!["book", "import", &import],
        vec!["book", "list"],
        vec!["policy", "show"],
    ] {
        let mut all = vec!["--yes", "--json"];
        all.extend_from_slice(&args);
        let refused = env.run("wrong", &all).assert().code(4).stdout("");
        assert!(stderr(&refused).contains("wrong-passphrase"), "{args:?}");
        assert_eq!(env.bytes(), before, "{args:?} changed the keystore");
    }
    // An identity is not a passphrase either.
    let mut no = env.run(
        "",
        &["--identity", "/nonexistent", "--yes", "policy", "show"],
    );
    no.assert().code(4);
    assert_eq!(env.policy()["default"]["destinations"], "any");
}

#[test]
fn policy_set_and_show() {
    let env = Env::new();
    assert_eq!(
        env.policy(),
        json!({"default": {"destinations": "any", "maxPerTransaction": null, "maxPerDay": null}, "indexes": {}})
    );
    let set = env.change(&[
        "policy",
        "set",
        "--destinations",
        "book",
        "--max-per-transaction",
        "12.5",
    ]);
    let review = stderr(&set);
    assert!(review.contains("default signing policy"), "{review}");
    assert!(
        review.contains("destinations         any → book"),
        "{review}"
    );
    assert!(
        review.contains("max per transaction  none → 12.5 atto (12500000000 raw)"),
        "{review}"
    );
    // An index's own rules start from the default it had, so setting one limit loosens nothing.
    env.change(&["policy", "set", "--index", "3", "--max-per-day", "1000"]);
    assert_eq!(
        env.policy(),
        json!({
            "default": {"destinations": "book", "maxPerTransaction": "12.5", "maxPerDay": null},
            "indexes": {"3": {"destinations": "book", "maxPerTransaction": "12.5", "maxPerDay": "1000"}}
        })
    );
    // The default changes only indexes without their own rules.
    let set = env.change(&[
        "policy",
        "set",
        "--max-per-transaction",
        "none",
        "--destinations",
        "any",
    ]);
    assert!(stderr(&set).contains("Not affected: indexes 3"));
    let policy = env.policy();
    assert_eq!(policy["default"]["maxPerTransaction"], Value::Null);
    assert_eq!(policy["indexes"]["3"]["maxPerTransaction"], "12.5");
    // The document stores raw decimal strings, and version 2.
    let doc = env.document();
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["policy"]["indexes"]["3"]["maxPerDay"], "1000000000000");
    assert_eq!(
        doc["policy"]["indexes"]["3"]["maxPerTransaction"],
        "12500000000"
    );
    // --reset hands the index back to the default.
    env.change(&["policy", "set", "--index", "3", "--reset"]);
    assert_eq!(env.policy()["indexes"], json!({}));
    // The human table.
    env.change(&[
        "policy",
        "set",
        "--index",
        "7",
        "--max-per-day",
        "0.000000001",
    ]);
    let show = env.run("pw", &["policy", "show"]).assert().success();
    let text = String::from_utf8(show.get_output().stdout.clone()).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("index 7") && l.contains("0.000000001 atto (1 raw)")),
        "{text}"
    );
    // Nothing to change: no write.
    let before = env.bytes();
    env.change(&[
        "policy",
        "set",
        "--index",
        "7",
        "--max-per-day",
        "0.000000001",
    ]);
    assert_eq!(env.bytes(), before);
}

#[test]
fn policy_set_usage_errors() {
    let env = Env::new();
    let before = env.bytes();
    for args in [
        vec!["policy", "set"],
        vec!["policy", "set", "--max-per-day", "1.0000000001"],
        vec!["policy", "set", "--max-per-day", "12 atto"],
        vec!["policy", "set", "--max-per-transaction", "18000000001"],
        vec!["policy", "set", "--destinations", "some"],
        vec!["policy", "set", "--reset"],
        vec![
            "policy",
            "set",
            "--index",
            "2147483648",
            "--destinations",
            "book",
        ],
        vec![
            "policy",
            "set",
            "--index",
            "1",
            "--reset",
            "--destinations",
            "book",
        ],
    ] {
        let mut all = vec!["--yes"];
        all.extend_from_slice(&args);
        // No passphrase file: a usage error must come first.
        env.run("", &all).assert().code(2).stdout("");
    }
    assert_eq!(env.bytes(), before);
}

#[test]
fn a_raw_key_keystore_has_only_index_0() {
    let env = Env::new();
    fs::remove_file(env.keystore()).unwrap();
    let key = env.file("key", &"11".repeat(32));
    env.run(
        "pw",
        &[
            "keys",
            "import",
            "--work-factor",
            "1",
            "--private-key-file",
            &key,
        ],
    )
    .assert()
    .success();
    env.change(&["policy", "set", "--index", "0", "--max-per-day", "5"]);
    let mut refused = env.run(
        "pw",
        &[
            "--yes",
            "policy",
            "set",
            "--index",
            "1",
            "--max-per-day",
            "5",
        ],
    );
    refused.assert().code(4).stderr(contains("index 0"));
    assert_eq!(env.policy()["indexes"]["0"]["maxPerDay"], "5");
}

#[test]
fn book_import_reviews_the_whole_file_and_writes_once() {
    let env = Env::new();
    env.change(&["book", "add", &address(1), "Old name"]);
    env.change(&["book", "add", &address(2), "Same"]);
    let csv = format!(
        "address,label\r\n{},New name\r\n{},Same\r\n\"{}\",\"Cold, 'vault'\"\r\n",
        address(1),
        address(2),
        address(3)
    );
    let file = env.file("book.csv", &csv);
    let import = env.change(&["book", "import", &file]);
    let review = stderr(&import);
    assert!(review.contains("sha256 "), "{review}");
    for expected in [
        format!("2      relabel    {}", address(1)),
        format!("3      unchanged  {}", address(2)),
        format!("4      new        {}", address(3)),
        "3 lines: 1 new, 1 relabelled, 1 unchanged.".to_string(),
    ] {
        assert!(review.contains(&expected), "{expected:?} not in {review}");
    }
    assert_eq!(
        env.book(),
        json!([
            {"address": address(1), "label": "New name"},
            {"address": address(2), "label": "Same"},
            {"address": address(3), "label": "Cold, 'vault'"},
        ])
    );
    // From stdin too.
    let stdin = format!("{},From stdin\n", address(4));
    env.run("pw", &["--yes", "book", "import", "-"])
        .write_stdin(stdin)
        .assert()
        .success();
    assert_eq!(env.book()[3]["label"], "From stdin");
}

/// Regression: a label could hold a double quote and runs of spaces (and so fake an amount in
/// a review's row: `Payroll") 5 atto` and 82 spaces), and two addresses could share a label.
/// A label is now quote-free, single-spaced, and names one address, whatever the case.
#[test]
fn a_label_names_one_address_and_cannot_fake_a_column() {
    let env = Env::new();
    env.change(&["book", "add", &address(1), "Alice Exchange"]);
    let before = env.bytes();
    for (label, why) in [
        ("Payroll\") 5 atto", "double quote"),
        ("Pay \u{201C}roll\u{201D}", "double quote"),
        ("Payroll  5 atto", "two spaces in a row"),
        ("alice exchange", "already gives"),
        // Look-alikes across scripts and forms name the label they look like.
        (
            "Аlice Exchange",
            "the label \"Alice Exchange\", which \"Аlice Exchange\"",
        ),
        (
            "A1ice Exchange",
            "the label \"Alice Exchange\", which \"A1ice Exchange\"",
        ),
        ("AIice Exchange", "already gives"),
    ] {
        env.run("pw", &["--yes", "book", "add", &address(2), label])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(why));
    }
    // Relabelling the same address in another case is no clash.
    env.change(&["book", "add", &address(1), "ALICE Exchange"]);
    let relabelled = env.bytes();
    assert_ne!(relabelled, before);
    let csv = format!("{},Bob\n{},bob\n", address(2), address(3));
    let file = env.file("book.csv", &csv);
    env.run("pw", &["--yes", "book", "import", &file])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::prelude::PredicateBooleanExt::and(
            contains("line 2: the label \"bob\" would also name"),
            contains("nothing was imported"),
        ));
    let csv = format!("{},Alice exchange\n", address(2));
    let file = env.file("clash.csv", &csv);
    env.run("pw", &["--yes", "book", "import", &file])
        .assert()
        .code(1)
        .stderr(contains("would also name"));
    let csv = format!("{},\u{0391}lice Exchange\n", address(2));
    let file = env.file("clash.csv", &csv);
    env.run("pw", &["--yes", "book", "import", &file])
        .assert()
        .code(1)
        .stderr(contains("labelled \"ALICE Exchange\""));
    assert_eq!(
        env.bytes(),
        relabelled,
        "a refused import changed the keystore"
    );
    // Regression: a swap of two labels passed the review and then failed at the write, as
    // the lines were applied one at a time; the book as it ends up is what counts.
    env.change(&["book", "add", &address(2), "Bob"]);
    let csv = format!("{},Bob\n{},ALICE Exchange\n", address(1), address(2));
    let file = env.file("swap.csv", &csv);
    env.change(&["book", "import", &file]);
    assert_eq!(
        env.book(),
        json!([
            {"address": address(1), "label": "Bob"},
            {"address": address(2), "label": "ALICE Exchange"},
        ])
    );
}

/// A book kept from before one label named one address may hold two labels that differ
/// only in case: adding either again unchanged is "nothing to change", not a clash.
#[test]
fn a_stored_pair_of_labels_differing_in_case_stays_usable() {
    let env = Env::new();
    env.change(&["book", "add", &address(1), "Alice"]);
    env.change(&["book", "add", &address(2), "Carol"]);
    let document = env.document().to_string().replace("Carol", "alice");
    env.write_document(&document);
    let before = env.bytes();
    env.run("pw", &["--yes", "book", "add", &address(1), "Alice"])
        .assert()
        .success()
        .stderr(contains("nothing to change"));
    let csv = format!("{},Alice\n{},alice\n", address(1), address(2));
    let file = env.file("same.csv", &csv);
    env.run("pw", &["--yes", "book", "import", &file])
        .assert()
        .success();
    assert_eq!(env.bytes(), before);
}

/// Regression: after labels started refusing look-alike spaces, re-importing the book's own
/// CSV was refused when a stored label held one (a no-break space an earlier attosign took):
/// a line that repeats a stored entry is unchanged; only new labels get the newer rules.
#[test]
fn a_stored_label_of_an_earlier_version_imports_unchanged() {
    let env = Env::new();
    env.change(&["book", "add", &address(1), "Exchange"]);
    // As an earlier attosign stored it.
    let old = "Ex\u{a0}change";
    let document = env.document().to_string().replace("Exchange", old);
    env.write_document(&document);
    assert_eq!(env.book()[0]["label"], old);
    let csv = format!("{},{old}\n{},Cold vault\n", address(1), address(2));
    let file = env.file("book.csv", &csv);
    let import = env.change(&["book", "import", &file]);
    let review = stderr(&import);
    assert!(
        review.contains(&format!("1      unchanged  {}", address(1))),
        "{review}"
    );
    assert_eq!(
        env.book(),
        json!([
            {"address": address(1), "label": old},
            {"address": address(2), "label": "Cold vault"},
        ])
    );
    // A new label with such a space is still refused, and nothing is written.
    let before = env.bytes();
    let csv = format!("{},Hot{}wallet\n", address(3), '\u{a0}');
    let file = env.file("new.csv", &csv);
    env.run("pw", &["--yes", "book", "import", &file])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("line 1: the label is not usable"));
    assert_eq!(env.bytes(), before);
}

#[test]
fn a_bad_import_line_is_named_and_nothing_is_written() {
    let env = Env::new();
    let before = env.bytes();
    let csv = format!(
        "{},one\n{},two\nnot-an-address,three\n{},one again\n",
        address(1),
        address(2),
        address(1)
    );
    let file = env.file("book.csv", &csv);
    let refused = env
        .run("pw", &["--yes", "book", "import", &file])
        .assert()
        .code(1)
        .stdout("");
    let message = stderr(&refused);
    assert!(message.contains("line 3: "), "{message}");
    assert!(
        message.contains("line 4: ") && message.contains("also on line 1"),
        "{message}"
    );
    assert!(message.contains("nothing was imported"), "{message}");
    assert_eq!(env.bytes(), before);
    // Checked before the passphrase is asked for.
    env.run("", &["--yes", "book", "import", &file])
        .assert()
        .code(1);
    // An empty file imports nothing.
    let empty = env.file("empty.csv", "address,label");
    env.run("pw", &["--yes", "book", "import", &empty])
        .assert()
        .code(1);
}

#[test]
fn quiet_hides_the_review_only_with_yes() {
    let env = Env::new();
    let mut quiet = env.run("pw", &["--quiet", "--yes", "book", "add", &address(1), "x"]);
    quiet.assert().success().stderr("");
    // --yes alone skips only the question: the review is still written.
    let mut shown = env.run("pw", &["--yes", "book", "add", &address(2), "y"]);
    shown
        .assert()
        .success()
        .stderr(contains("Add to the address book"));
}

#[test]
fn version_1_keystores_are_read_and_rewritten_as_version_2() {
    let env = Env::new();
    let v1 = format!(
        r#"{{"version":1,"kind":"mnemonic","mnemonic":"{}","bip39Passphrase":"","labels":{{"0":"hot"}}}}"#,
        ABANDON.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    env.write_document(&v1);
    let list = json_out(
        env.run("pw", &["--json", "keys", "list", "--count", "1"])
            .assert()
            .success(),
    );
    assert_eq!(list[0]["address"], ABANDON_ADDRESS_0);
    assert_eq!(list[0]["label"], "hot");
    env.change(&["book", "add", &address(1), "first"]);
    let doc = env.document();
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["labels"]["0"], "hot");
    assert_eq!(doc["book"][0]["label"], "first");
}

#[test]
fn newer_and_never_written_versions_are_refused() {
    let env = Env::new();
    env.write_document(r#"{"version":3,"kind":"mnemonic","future":true}"#);
    let newer = env.run("pw", &["--json", "book", "list"]).assert().code(1);
    let message = stderr(&newer);
    assert!(
        message.contains("keystore-version") && message.contains("newer attosign"),
        "{message}"
    );
    env.write_document(r#"{"version":0,"kind":"mnemonic"}"#);
    let zero = env.run("pw", &["policy", "show"]).assert().code(1);
    let message = stderr(&zero);
    assert!(
        message.contains("no attosign ever wrote") && !message.contains("newer"),
        "{message}"
    );
}

#[test]
fn concurrent_changes_are_never_lost() {
    // Each process reads, reviews and writes; the keystore lock and the check that the book
    // is still what was reviewed mean every change either lands or is refused, never
    // silently overwritten by another process's write.
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("attosign");
    let children: Vec<(String, std::process::Child)> = (10..18u8)
        .map(|n| {
            let a = address(n);
            let child = std::process::Command::new(&bin)
                .env_remove("ATTOSIGN_KEYSTORE")
                .arg("--keystore")
                .arg(env.keystore())
                .arg("--passphrase-file")
                .arg(env.path("pw"))
                .args([
                    "--yes",
                    "--quiet",
                    "--json",
                    "book",
                    "add",
                    &a,
                    &format!("entry {n}"),
                ])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            (a, child)
        })
        .collect();
    let mut landed = Vec::new();
    for (a, child) in children {
        let out = child.wait_with_output().unwrap();
        let message = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => landed.push(a),
            Some(1) => assert!(message.contains("keystore-changed"), "{message}"),
            other => panic!("status {other:?}: {message}"),
        }
    }
    assert!(!landed.is_empty());
    let mut in_book: Vec<String> = env
        .book()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["address"].as_str().unwrap().to_string())
        .collect();
    in_book.sort();
    landed.sort();
    assert_eq!(in_book, landed);
    // The lock file sits beside the keystore, 0600.
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(env.path("keystore.age.lock"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

impl Env {
    /// `journal list --json` of the keystore's journal.
    fn journal(&self) -> Vec<Value> {
        let listed = json_out(
            self.run("", &["--json", "journal", "list"])
                .assert()
                .success(),
        );
        listed.as_array().unwrap().clone()
    }
}

#[test]
fn every_change_is_journaled_with_who_and_when() {
    let env = Env::new();
    // A wrong passphrase starts no journal and records nothing.
    env.run("wrong", &["--yes", "book", "add", &address(1), "x"])
        .assert()
        .code(4);
    assert!(!env.path("keystore.age.journal").exists());

    env.change(&["book", "add", &address(1), "Hot wallet 2"]);
    env.change(&["policy", "set", "--index", "2", "--destinations", "book"]);
    let import = env.file("b.csv", &format!("{},imported", address(3)));
    env.change(&["book", "import", &import]);
    env.change(&["book", "remove", &address(1)]);
    let entries = env.journal();
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["book", "policy", "book", "book"]);
    let add = &entries[0]["detail"];
    assert_eq!(add["action"], "add");
    assert_eq!(add["address"], address(1).as_str());
    assert_eq!(add["label"], "Hot wallet 2");
    assert_eq!(add["by"]["credential"], "passphrase");
    assert!(entries[0]["time"].as_str().unwrap().ends_with('Z'));
    let policy = &entries[1]["detail"];
    assert_eq!(policy["index"], 2);
    assert_eq!(policy["before"]["indexes"], json!({}));
    assert_eq!(policy["after"]["indexes"]["2"]["destinations"], "book");
    assert_eq!(entries[2]["detail"]["added"][0]["label"], "imported");
    assert_eq!(entries[3]["detail"]["action"], "remove");

    // The keystore recorded the journal's id at its first change.
    let listed = env.run("", &["journal", "list"]).assert().success();
    let id = env.document()["journal"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 32);
    assert!(stderr(&listed).contains(&id), "{}", stderr(&listed));
}

#[test]
fn a_missing_or_foreign_journal_refuses_changes() {
    let env = Env::new();
    env.change(&["book", "add", &address(1), "first"]);
    let before = env.bytes();
    // Another keystore's journal.
    let other = Env::new();
    other.change(&["book", "add", &address(2), "other"]);
    let foreign = other.path("keystore.age.journal");
    let refused = env
        .run(
            "pw",
            &["--yes", "--json", "--journal", foreign.to_str().unwrap()],
        )
        .args(["book", "add", &address(3), "x"])
        .assert()
        .code(5)
        .stdout("");
    assert!(
        stderr(&refused).contains("journal-foreign"),
        "{}",
        stderr(&refused)
    );
    // Its own journal gone: refused rather than started afresh.
    fs::rename(env.path("keystore.age.journal"), env.path("moved")).unwrap();
    let missing = env
        .run(
            "pw",
            &["--yes", "--json", "policy", "set", "--max-per-day", "5"],
        )
        .assert()
        .code(5);
    assert!(
        stderr(&missing).contains("journal-missing"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(env.bytes(), before);
    assert_eq!(other.journal().len(), 1);
}
