//! `attosign journal list`, driven as users and auditors' scripts drive it, over journals
//! written through the library: the table, the `--json` shape of DESIGN.md §3, `--account`,
//! where the journal is looked for, and the refusals (exit 5, stdout empty) for a missing or
//! damaged journal.

use assert_cmd::Command;
use attosign::journal::{Journal, Record};
use attosign::protocol::keys::PrivateKey;
use attosign::protocol::{
    Algorithm, Amount, Block, BlockBody, Hash, Network, PublicKey, Transaction, Work,
};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn attosign() -> Command {
    Command::cargo_bin("attosign").expect("the attosign binary is built for integration tests")
}

fn key(n: u8) -> PrivateKey {
    PrivateKey::from_bytes(&[n; 32])
}

fn send(n: u8, height: u64, amount: u64) -> Block {
    Block {
        network: Network::Live,
        version: 0,
        algorithm: Algorithm::V1,
        public_key: key(n).public_key(),
        balance: Amount(5_000_000_000_000),
        timestamp: 1_764_500_000_000,
        body: BlockBody::Send {
            height,
            previous: Hash([1; 32]),
            receiver_algorithm: Algorithm::V1,
            receiver: PublicKey([2; 32]),
            amount: Amount(amount),
        },
    }
}

/// A journal holding: account 1 height 2 (done, intent "pay-1"), account 2 height 2
/// (signed, no intent), account 1 height 3 (voided), and an address-book change.
fn sample(dir: &TempDir) -> (PathBuf, Block, Block, Block) {
    let path = dir.path().join("keystore.age.journal");
    let (a, b, c) = (send(1, 2, 10), send(2, 2, 20), send(1, 3, 30));
    let mut journal = Journal::create(&path).unwrap();
    let block = |block: &Block, intent: Option<&str>| Record::Block {
        block: block.clone(),
        intent: intent.map(str::to_string),
        request: [7; 32],
        file: None,
        time_ms: 1_764_520_324_123,
    };
    journal
        .lock(|| {})
        .unwrap()
        .append(&[
            block(&a, Some("pay-1")),
            Record::Done {
                transaction: Transaction {
                    block: a.clone(),
                    signature: key(1).sign(&a.hash()),
                    work: Work::from_nonce(1),
                },
                time_ms: 1_764_520_325_000,
            },
            block(&b, None),
            block(&c, Some("pay-\u{1b}[2J")),
            Record::Void {
                account: c.public_key,
                height: 3,
                hash: c.hash(),
                time_ms: 1_764_520_326_000,
            },
            Record::Change {
                what: "book".into(),
                detail: json!({"add": {"address": PublicKey([2; 32]).address().to_string(), "label": "exchange"}}),
                time_ms: 1_764_520_327_000,
            },
        ])
        .unwrap();
    (path, a, b, c)
}

fn stdout_json(path: &Path, extra: &[&str]) -> Value {
    let out = attosign()
        .arg("--journal")
        .arg(path)
        .args(["journal", "list", "--json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one compact JSON value: {text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn json_is_one_array_in_the_designed_shape() {
    let dir = TempDir::new().unwrap();
    let (path, a, b, c) = sample(&dir);
    let list = stdout_json(&path, &[]);
    let address = |block: &Block| block.public_key.address().to_string();
    assert_eq!(
        list,
        json!([
            {"kind":"block","account":address(&a),"height":"2","hash":a.hash().to_hex(),
             "intent":"pay-1","state":"done","time":"2025-11-30T16:32:04.123Z"},
            {"kind":"block","account":address(&b),"height":"2","hash":b.hash().to_hex(),
             "intent":null,"state":"signed","time":"2025-11-30T16:32:04.123Z"},
            {"kind":"block","account":address(&c),"height":"3","hash":c.hash().to_hex(),
             "intent":"pay-\u{1b}[2J","state":"void","time":"2025-11-30T16:32:04.123Z"},
            {"kind":"void","account":address(&c),"height":"3","hash":c.hash().to_hex(),
             "time":"2025-11-30T16:32:06.000Z"},
            {"kind":"book","detail":{"add":{"address":PublicKey([2; 32]).address().to_string(),"label":"exchange"}},
             "time":"2025-11-30T16:32:07.000Z"},
        ])
    );
    // Keys in the documented order, for scripts that read them positionally.
    let keys: Vec<&String> = list[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "kind", "account", "height", "hash", "intent", "state", "time"
        ]
    );
}

#[test]
fn account_filter_keeps_that_accounts_blocks_and_voids() {
    let dir = TempDir::new().unwrap();
    let (path, a, _, c) = sample(&dir);
    let list = stdout_json(&path, &["--account", &a.public_key.address().to_string()]);
    let hashes: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["hash"].as_str().unwrap())
        .collect();
    assert_eq!(
        hashes,
        [a.hash().to_hex(), c.hash().to_hex(), c.hash().to_hex()]
    );
    attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list", "--account", "atto://nope"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--account"));
}

#[test]
fn table_shows_line_time_account_height_state_intent_hash() {
    let dir = TempDir::new().unwrap();
    let (path, a, b, _) = sample(&dir);
    let out = attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list"])
        .assert()
        .success()
        .stderr(contains("5 entries"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("LINE") && lines[0].contains("INTENT"),
        "{text}"
    );
    assert!(
        lines[1].contains("done") && lines[1].contains("pay-1"),
        "{text}"
    );
    assert!(lines[1].contains(&a.hash().to_hex()));
    assert!(lines[1].contains("2025-11-30T16:32:04.123Z"));
    assert!(lines[2].contains("signed") && lines[2].contains(&b.hash().to_hex()));
    // An intent with an escape sequence is shown sanitized.
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(lines[3].contains("void") && lines[3].contains("pay-\u{FFFD}[2J"));
    assert!(lines[5].contains("book change"), "{text}");
}

#[test]
fn the_default_journal_is_beside_the_keystore() {
    let dir = TempDir::new().unwrap();
    let (_path, a, _, _) = sample(&dir);
    attosign()
        .arg("--keystore")
        .arg(dir.path().join("keystore.age"))
        .args(["journal", "list", "--json"])
        .env_remove("ATTOSIGN_KEYSTORE")
        .assert()
        .success()
        .stdout(contains(a.hash().to_hex()));
}

#[test]
fn a_missing_journal_is_status_5() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("none.journal");
    attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("there is no journal at").and(contains("none.journal")));
    attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list", "--json"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("\"code\":\"journal-missing\""));
}

#[test]
fn a_damaged_journal_is_status_5_and_names_the_line() {
    let dir = TempDir::new().unwrap();
    let (path, _, _, _) = sample(&dir);
    let text = std::fs::read_to_string(&path).unwrap();
    // An amount edited by hand in line 2 (an auditor "fixing" a payment).
    let edited = text.replacen("\"amount\":10,", "\"amount\":11,", 1);
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(
            contains("damaged at line 2")
                .and(contains("jq -c ."))
                .and(contains("will not sign")),
        );
    attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list", "--json"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("\"code\":\"journal-damaged\""));
}

#[test]
fn a_torn_last_line_is_reported_and_ignored() {
    let dir = TempDir::new().unwrap();
    let (path, _, _, _) = sample(&dir);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"{\"kind\":\"block\",\"seq\":8,");
    std::fs::write(&path, bytes).unwrap();
    let list = stdout_json(&path, &[]);
    assert_eq!(list.as_array().unwrap().len(), 5);
    attosign()
        .arg("--journal")
        .arg(&path)
        .args(["journal", "list"])
        .assert()
        .success()
        .stderr(contains("last line is incomplete"));
}

#[test]
fn journal_cannot_be_stdin() {
    attosign()
        .args(["--journal", "-", "journal", "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--journal cannot be \"-\""));
}
