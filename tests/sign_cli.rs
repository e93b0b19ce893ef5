//! The main job, driven as operators drive it: `build`, `sign`, `work` and the one-step
//! `send`/`receive`/`open`/`change`, checked byte for byte against blocks and signatures the
//! reference library built from the same state (vectors/builds.json); every ledger rule's
//! refusal (status 1, empty stdout, the rule named); the review text; the no-terminal refusal.
//!
//! Keystores use a tiny `--work-factor`; assert_cmd pipes stdin, so there is no terminal.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde::Deserialize;
use std::fs;
use std::sync::OnceLock;

#[derive(Deserialize, Clone)]
struct Case {
    name: String,
    network: String,
    #[serde(rename = "type")]
    kind: String,
    index: u32,
    account: Option<String>,
    receivable: Option<String>,
    to: Option<String>,
    amount: Option<String>,
    representative: Option<String>,
    timestamp: String,
    block: String,
    hash: String,
    signature: String,
}

#[derive(Deserialize)]
struct Builds {
    cases: Vec<Case>,
}

fn builds() -> &'static Builds {
    static B: OnceLock<Builds> = OnceLock::new();
    B.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/builds.json");
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    })
}

fn case(name: &str) -> Case {
    builds()
        .cases
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no vector {name}"))
        .clone()
}

/// A scratch directory with a keystore of the vectors' mnemonic (passphrase in `pw`).
/// The scratch keystore of common, with the requests of the vectors.
struct Env(common::Keyed);

impl std::ops::Deref for Env {
    type Target = common::Keyed;
    fn deref(&self) -> &common::Keyed {
        &self.0
    }
}

impl Env {
    fn new() -> Env {
        Env(common::Keyed::new())
    }

    /// The request arguments of `case` (after `build`, or for a one-step command).
    fn request_args(&self, c: &Case) -> Vec<String> {
        let mut args = vec![c.kind.to_lowercase()];
        if let Some(account) = &c.account {
            args.push("--account".into());
            args.push(self.write(&format!("{}-account.json", c.name), account));
        }
        if let Some(receivable) = &c.receivable {
            args.push("--receivable".into());
            args.push(self.write(&format!("{}-receivable.json", c.name), receivable));
        }
        if let Some(to) = &c.to {
            args.extend(["--to".into(), to.clone()]);
            args.extend(["--amount".into(), c.amount.clone().unwrap(), "--raw".into()]);
        }
        if let Some(rep) = &c.representative {
            args.extend(["--representative".into(), rep.clone()]);
        }
        args.extend(["--timestamp".into(), c.timestamp.clone()]);
        args
    }
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn build_matches_the_reference_for_every_vector() {
    let env = Env::new();
    assert_eq!(builds().cases.len(), 48);
    for c in &builds().cases {
        let out = env
            .cmd()
            .arg("build")
            .args(env.request_args(c))
            .assert()
            .success();
        assert_eq!(stdout(&out), format!("{}\n", c.block), "vector {}", c.name);
    }
}

#[test]
fn three_steps_sign_like_the_reference_for_every_vector() {
    let env = Env::new();
    for c in &builds().cases {
        let block = env.write(&format!("{}-block.json", c.name), &c.block);
        let mut sign = env.signing();
        sign.arg("sign").arg(&block);
        if let Some(account) = &c.account {
            sign.arg("--account")
                .arg(env.write(&format!("{}-a.json", c.name), account));
        }
        if let Some(receivable) = &c.receivable {
            sign.arg("--receivable")
                .arg(env.write(&format!("{}-r.json", c.name), receivable));
        }
        let out = sign.assert().success();
        let expected = format!(
            "{{\"block\":{},\"signature\":\"{}\"}}\n",
            c.block, c.signature
        );
        assert_eq!(stdout(&out), expected, "vector {}", c.name);
        if c.network == "LOCAL" {
            let signed = env.write(&format!("{}-signed.json", c.name), &expected);
            let tx = env.cmd().arg("work").arg(&signed).assert().success();
            let tx = stdout(&tx);
            assert!(
                tx.starts_with(&format!(
                    "{{\"block\":{},\"signature\":\"{}\",\"work\":\"",
                    c.block, c.signature
                )),
                "vector {}: {tx}",
                c.name
            );
            let file = env.write(&format!("{}-tx.json", c.name), &tx);
            env.cmd().arg("verify").arg(&file).assert().success();
        }
    }
}

#[test]
fn one_step_matches_the_reference_on_local() {
    let env = Env::new();
    let local: Vec<&Case> = builds()
        .cases
        .iter()
        .filter(|c| c.network == "LOCAL")
        .collect();
    assert_eq!(local.len(), 12);
    for c in local {
        let out = env.signing().args(env.request_args(c)).assert().success();
        let tx = stdout(&out);
        assert!(
            tx.starts_with(&format!(
                "{{\"block\":{},\"signature\":\"{}\",\"work\":\"",
                c.block, c.signature
            )),
            "vector {}: {tx}",
            c.name
        );
        assert_eq!(tx.lines().count(), 1);
        let file = env.write(&format!("{}-tx.json", c.name), &tx);
        env.cmd().arg("verify").arg(&file).assert().success();
        assert!(stderr(&out).contains(&c.hash), "the review shows the hash");
    }
}

/// The exact review of each type, for a fixed vector and timestamp. Only the "how far from
/// now" part depends on the clock, so it is cut out before comparing.
#[test]
fn review_text_per_type() {
    let env = Env::new();
    let expect: &[(&str, &[&str])] = &[
        (
            "local-send-0",
            &[
                "Review before signing:",
                "                 SEND on LOCAL",
                "  account        atto://",
                "  to             ",
                "  amount         ",
                "  balance        ",
                "  height         ",
                "  timestamp      ",
                "  network        LOCAL",
                "  block hash     ",
            ],
        ),
        (
            "local-receive-0",
            &[
                "                 RECEIVE on LOCAL",
                "  receives       SEND ",
                "  from           atto://",
                "  amount         ",
                "  balance        ",
            ],
        ),
        (
            "local-open-0",
            &[
                "                 OPEN on LOCAL",
                "  receives       SEND ",
                "  from           atto://",
                "  representative UNKNOWN atto://",
                "  balance        0 atto → ",
                "  height         1",
            ],
        ),
        (
            "local-change-0",
            &[
                "                 CHANGE on LOCAL",
                "  representative UNKNOWN atto://",
                "                 replacing UNKNOWN atto://",
                "  balance        ",
            ],
        ),
    ];
    let mut texts = std::collections::HashMap::new();
    for (name, lines) in expect {
        let c = case(name);
        let out = env.signing().args(env.request_args(&c)).assert().success();
        let text = stderr(&out);
        texts.insert(*name, text.clone());
        for line in *lines {
            assert!(
                text.lines().any(|l| l.starts_with(line)),
                "{name}: no line starting {line:?} in\n{text}"
            );
        }
        assert!(text.contains(&format!("  block hash     {}", c.hash)));
        assert!(text.contains(&format!("  network        {}", c.network)));
    }
    // The send's numbers, exactly. (Signing it again would be a replay from the journal,
    // which shows no review: the text of the first run is used.)
    let c = case("local-send-0");
    let text = texts["local-send-0"].clone();
    let raw: u64 = c.amount.as_ref().unwrap().parse().unwrap();
    let atto = format!("{}.{:09}", raw / 1_000_000_000, raw % 1_000_000_000);
    let atto = atto.trim_end_matches('0').trim_end_matches('.');
    assert!(
        text.contains(&format!("  amount         {atto} atto ({raw} raw)")),
        "{text}"
    );
    // Not in the (empty) address book: marked so.
    assert!(text.contains(&format!(
        "  to             UNKNOWN {}\n",
        c.to.as_ref().unwrap()
    )));
    let account: serde_json::Value = serde_json::from_str(c.account.as_ref().unwrap()).unwrap();
    let address = attosign::protocol::PublicKey::from_hex(account["publicKey"].as_str().unwrap())
        .unwrap()
        .address();
    assert!(
        text.contains(&format!("  account        {address} (key {})\n", c.index)),
        "{text}"
    );
}

#[test]
fn live_is_shown_so_it_cannot_be_missed() {
    let env = Env::new();
    let c = case("live-send-0");
    let out = env
        .cmd()
        .arg("build")
        .args(env.request_args(&c))
        .assert()
        .success();
    assert!(stderr(&out).contains("SEND on LIVE — the real network: real funds move"));
}

#[test]
fn without_a_terminal_or_yes_nothing_is_asked_and_nothing_signed() {
    let env = Env::new();
    let c = case("local-send-0");
    // No --passphrase-file either: the refusal comes before any prompt would.
    env.cmd()
        .args(env.request_args(&c))
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--yes"));
    let block = env.write("b.json", &c.block);
    env.cmd()
        .args(["sign", &block])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--yes"));
    // A replay signs nothing: it needs neither --yes nor the passphrase (DESIGN.md §3).
    let first = env
        .signing()
        .args(env.request_args(&c))
        .args(["--intent", "replay-needs-no-yes"])
        .assert()
        .success();
    let replay = env
        .cmd()
        .args(env.request_args(&c))
        .args(["--intent", "replay-needs-no-yes"])
        .assert()
        .success()
        .stderr(contains("printed again from the journal"));
    assert_eq!(replay.get_output().stdout, first.get_output().stdout);
}

#[test]
fn quiet_hides_the_review_only_with_yes() {
    let env = Env::new();
    let c = case("local-change-0");
    let out = env
        .signing()
        .arg("--quiet")
        .args(env.request_args(&c))
        .assert()
        .success();
    assert!(!stderr(&out).contains("Review"), "{}", stderr(&out));
}

#[test]
fn build_needs_no_keystore() {
    let env = Env::new();
    fs::remove_file(env.dir.path().join("keystore.age")).unwrap();
    let c = case("beta-change-1");
    env.cmd()
        .arg("build")
        .args(env.request_args(&c))
        .assert()
        .success()
        .stdout(format!("{}\n", c.block));
}

#[test]
fn no_key_for_the_account_is_status_4() {
    let env = Env::new();
    let c = case("local-send-0");
    let mut args = env.request_args(&c);
    args.extend(["--index".into(), "3".into()]);
    env.signing()
        .args(&args)
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("key 3 of this keystore"));
    // A keystore without the account among indexes 0-999.
    let other = tempfile::TempDir::new().unwrap();
    let ks = other.path().join("k.age");
    let words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon \
                 abandon abandon abandon abandon abandon abandon abandon abandon abandon \
                 abandon abandon abandon abandon abandon art";
    fs::write(other.path().join("w"), words).unwrap();
    let pw = env.p("pw");
    Command::cargo_bin("attosign")
        .unwrap()
        .arg("--keystore")
        .arg(&ks)
        .args([
            "--passphrase-file",
            &pw,
            "keys",
            "import",
            "--work-factor",
            "1",
        ])
        .arg("--mnemonic-file")
        .arg(other.path().join("w"))
        .assert()
        .success();
    Command::cargo_bin("attosign")
        .unwrap()
        .arg("--keystore")
        .arg(&ks)
        .args(["--passphrase-file", &pw, "--yes"])
        .args(env.request_args(&c))
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("no key for the account").and(contains("0 to 999")));
}

#[test]
fn wrong_passphrase_is_status_4_and_signs_nothing() {
    let env = Env::new();
    let c = case("local-send-1");
    let bad = env.write("bad", "wrong\n");
    env.cmd()
        .args(["--passphrase-file", &bad, "--yes"])
        .args(env.request_args(&c))
        .assert()
        .code(4)
        .stdout("");
}

// ---------------------------------------------------------------- ledger rules

/// Runs `build` with `args` and expects the ledger refusal naming `rule`.
fn refused(env: &Env, args: &[String], rule: &str, detail: &str) {
    let out = env
        .cmd()
        .arg("build")
        .args(args)
        .assert()
        .code(1)
        .stdout("");
    let text = stderr(&out);
    assert!(
        text.contains(&format!("ledger rule \"{rule}\"")) && text.contains(detail),
        "expected rule {rule} ({detail}), got: {text}"
    );
    // The same refusal from the one-step command, before any passphrase is asked.
    env.cmd()
        .arg("--yes")
        .args(args)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!("ledger rule \"{rule}\"")));
}

fn with(args: &[String], flag: &str, value: &str) -> Vec<String> {
    let mut out = args.to_vec();
    match out.iter().position(|a| a == flag) {
        Some(i) => out[i + 1] = value.to_string(),
        None => out.extend([flag.to_string(), value.to_string()]),
    }
    out
}

#[test]
fn send_rules() {
    let env = Env::new();
    let c = case("local-send-0");
    let args = env.request_args(&c);
    let account: serde_json::Value = serde_json::from_str(c.account.as_ref().unwrap()).unwrap();
    let balance = account["balance"].as_u64().unwrap();
    let last = account["lastTransactionTimestamp"].as_i64().unwrap();
    refused(
        &env,
        &with(&args, "--amount", &(balance + 1).to_string()),
        "balance",
        "0.000000001 atto more than there is",
    );
    refused(
        &env,
        &with(&args, "--amount", "0"),
        "amount",
        "positive amount",
    );
    let own = attosign::protocol::PublicKey::from_hex(account["publicKey"].as_str().unwrap())
        .unwrap()
        .address()
        .to_string();
    refused(&env, &with(&args, "--to", &own), "receiver", "cannot pay");
    refused(
        &env,
        &with(&args, "--timestamp", &last.to_string()),
        "timestamp",
        "not after the account's last transaction",
    );
    let future = (attosign_now() + 5 * 60_000).to_string();
    refused(
        &env,
        &with(&args, "--timestamp", &future),
        "timestamp",
        "more than a minute after this machine's clock",
    );
    refused(
        &env,
        &with(&args, "--timestamp", "2023-06-01T00:00:00Z"),
        "timestamp",
        "before the network started",
    );
}

fn attosign_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

#[test]
fn receive_rules() {
    let env = Env::new();
    let c = case("local-receive-0");
    let args = env.request_args(&c);
    // A receivable that pays another account.
    let other = case("local-receive-1");
    let foreign = env.write("foreign.json", other.receivable.as_ref().unwrap());
    refused(
        &env,
        &with(&args, "--receivable", &foreign),
        "receivable",
        "not this account",
    );
    // Received at or before the send.
    let r: serde_json::Value = serde_json::from_str(c.receivable.as_ref().unwrap()).unwrap();
    let sent = r["timestamp"].as_i64().unwrap();
    let account: serde_json::Value = serde_json::from_str(c.account.as_ref().unwrap()).unwrap();
    let mut early = account.clone();
    early["lastTransactionTimestamp"] = (sent - 10).into();
    let early = env.write("early.json", &early.to_string());
    refused(
        &env,
        &with(
            &with(&args, "--account", &early),
            "--timestamp",
            &sent.to_string(),
        ),
        "timestamp",
        "not after the receivable's",
    );
    // A balance that would pass the maximum supply.
    let mut full = account.clone();
    full["balance"] = "18000000000000000000".into();
    let full = env.write("full.json", &full.to_string());
    refused(
        &env,
        &with(&args, "--account", &full),
        "balance",
        "maximum supply",
    );
    // A receivable of another network.
    let mut beta = r.clone();
    beta["network"] = "BETA".into();
    let beta = env.write("beta-r.json", &beta.to_string());
    refused(
        &env,
        &with(&args, "--receivable", &beta),
        "receivable",
        "is on BETA",
    );
    // An account that does not exist yet: the node answered 404 (saved as an empty file).
    let empty = env.write("empty.json", "");
    refused(
        &env,
        &with(&args, "--account", &empty),
        "account",
        "attosign open",
    );
}

/// Regression: a send from an empty or `null` account file named the all-zero key's address
/// as the account that "has not been opened yet".
#[test]
fn a_send_from_an_empty_account_file_names_no_made_up_account() {
    let env = Env::new();
    let c = case("local-send-0");
    let args = env.request_args(&c);
    let zero = attosign::protocol::PublicKey([0; 32]).address().to_string();
    for (name, text) in [("null.json", "null"), ("empty.json", "")] {
        let file = env.write(name, text);
        let out = env
            .cmd()
            .arg("build")
            .args(with(&args, "--account", &file))
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("the account has not been opened yet"));
        assert!(!stderr(&out).contains(&zero), "{}", stderr(&out));
    }
}

#[test]
fn change_rules() {
    let env = Env::new();
    let c = case("local-change-0");
    let args = env.request_args(&c);
    let account: serde_json::Value = serde_json::from_str(c.account.as_ref().unwrap()).unwrap();
    let current = attosign::protocol::PublicKey::from_hex(
        account["representativePublicKey"].as_str().unwrap(),
    )
    .unwrap()
    .address()
    .to_string();
    refused(
        &env,
        &with(&args, "--representative", &current),
        "representative",
        "already",
    );
}

/// `sign --account` checks a block built elsewhere against the state: network, height,
/// previous and version.
#[test]
fn sign_checks_the_state() {
    let env = Env::new();
    let c = case("local-send-2");
    let block = env.write("block.json", &c.block);
    let account: serde_json::Value = serde_json::from_str(c.account.as_ref().unwrap()).unwrap();
    let variants = [
        (
            "network",
            "DEV".into(),
            "the block is for LOCAL, the account is on DEV",
        ),
        (
            "height",
            (account["height"].as_u64().unwrap() + 1).into(),
            "next height is",
        ),
        (
            "lastTransactionHash",
            "00".repeat(32).into(),
            "the block follows",
        ),
        ("version", 1.into(), "below the account's 1"),
    ];
    for (field, value, detail) in variants {
        let mut changed = account.clone();
        changed[field] = value;
        let file = env.write(&format!("{field}.json"), &changed.to_string());
        let out = env
            .signing()
            .args(["sign", &block, "--account", &file])
            .assert()
            .code(1)
            .stdout("");
        let rule = if field == "lastTransactionHash" {
            "previous"
        } else {
            field
        };
        let text = stderr(&out);
        assert!(
            text.contains(&format!("ledger rule \"{rule}\"")) && text.contains(detail),
            "{field}: {text}"
        );
    }
    // And verify --account says the same of a finished transaction, with status 3.
    let signed = env.signing().args(["sign", &block]).assert().success();
    assert!(
        stderr(&signed).contains("NOT CHECKED"),
        "{}",
        stderr(&signed)
    );
    let signed = env.write("signed.json", &stdout(&signed));
    let tx = env.cmd().args(["work", &signed]).assert().success();
    let tx = env.write("tx.json", &stdout(&tx));
    let good = env.write("good.json", c.account.as_ref().unwrap());
    env.cmd()
        .args(["verify", &tx, "--account", &good])
        .assert()
        .success();
    let mut moved = account.clone();
    moved["height"] = (account["height"].as_u64().unwrap() + 1).into();
    let moved = env.write("moved.json", &moved.to_string());
    env.cmd()
        .args(["verify", &tx, "--account", &moved])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("ledger"));
}

/// Regression: without the receivable, a RECEIVE whose balance is not above the account's
/// was signed and passed `verify --account`; no receivable is zero, so nodes reject it. Here
/// the state holds as much as the block's balance (as if the block had been lowered).
#[test]
fn a_receive_that_does_not_raise_the_balance_is_refused_by_the_state_alone() {
    let env = Env::new();
    let c = case("local-receive-0");
    let block = env.write("block.json", &c.block);
    let block_balance =
        serde_json::from_str::<serde_json::Value>(&c.block).unwrap()["balance"].clone();
    let mut account: serde_json::Value = serde_json::from_str(c.account.as_ref().unwrap()).unwrap();
    account["balance"] = block_balance;
    let state = env.write("state.json", &account.to_string());
    let out = env
        .signing()
        .args(["sign", &block, "--account", &state])
        .assert()
        .code(1)
        .stdout("");
    let text = stderr(&out);
    assert!(
        text.contains("ledger rule \"balance\"") && text.contains("must be higher"),
        "{text}"
    );
    // The same block signed without the state, then verified against it: status 3.
    let signed = env.signing().args(["sign", &block]).assert().success();
    let signed = env.write("signed.json", &stdout(&signed));
    let tx = env.cmd().args(["work", &signed]).assert().success();
    let tx = env.write("tx.json", &stdout(&tx));
    env.cmd()
        .args(["verify", &tx, "--account", &state])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("must be higher"));
    let good = env.write("good.json", c.account.as_ref().unwrap());
    env.cmd()
        .args(["verify", &tx, "--account", &good])
        .assert()
        .success();
}

/// Regression: a run's review added what its RECEIVEs bring in to what its SENDs pay out
/// in one "total" (a receive of 1000 and a send of 1000 read "total 2000"). Now each row
/// says which way its amount goes, and the totals are apart.
#[test]
fn a_run_of_receives_and_sends_totals_each_way_apart() {
    let env = Env::new();
    let c = case("local-receive-0");
    let receivable = env.write("receivable.json", c.receivable.as_ref().unwrap());
    let mut args = vec!["build".to_string()];
    args.extend(env.request_args(&c));
    args.extend(["--state-out".into(), env.p("after.json")]);
    let receive = env.cmd().args(&args).assert().success();
    let receive = stdout(&receive);
    let received: serde_json::Value = serde_json::from_str(c.receivable.as_ref().unwrap()).unwrap();
    let amount = received["amount"].as_u64().unwrap();
    let send = env
        .cmd()
        .args(["build", "send", "--account", &env.p("after.json")])
        .args(["--to", case("local-send-0").to.as_ref().unwrap()])
        .args(["--amount", &amount.to_string(), "--raw"])
        .assert()
        .success();
    let chain = env.write(
        "chain.ndjson",
        &format!("{}\n{}", receive.trim(), stdout(&send).trim()),
    );
    let account = env.write("account.json", c.account.as_ref().unwrap());
    let out = env
        .signing()
        .args([
            "sign",
            &chain,
            "--account",
            &account,
            "--receivable",
            &receivable,
        ])
        .assert()
        .success();
    let review = stderr(&out);
    let atto = format!("{} raw", amount);
    let line = |key: &str| {
        review
            .lines()
            .find(|l| l.trim_start().starts_with(key))
            .unwrap_or_else(|| panic!("no {key} line: {review}"))
            .to_string()
    };
    assert!(line("total sent").contains(&atto), "{review}");
    assert!(line("total received").contains(&atto), "{review}");
    let rows: Vec<&str> = review
        .lines()
        .filter(|l| l.contains(" RECEIVE ") || l.contains(" SEND "))
        .collect();
    assert_eq!(rows.len(), 2, "{review}");
    assert!(
        rows[0].contains(" RECEIVE ") && rows[0].contains(" +"),
        "{review}"
    );
    assert!(
        rows[1].contains(" SEND ") && rows[1].contains(" -"),
        "{review}"
    );
}

#[test]
fn a_clock_behind_the_node_is_refused() {
    let env = Env::new();
    let c = case("local-send-0");
    let ahead = attosign_now() + 3_600_000;
    let node = env.write(
        "now.json",
        &format!("{{\"clientInstant\":{ahead},\"serverInstant\":{ahead},\"differenceMillis\":0}}"),
    );
    // Without --timestamp the block would be stamped with this machine's (slow) clock.
    let args: Vec<String> = env
        .request_args(&c)
        .into_iter()
        .take_while(|a| a != "--timestamp")
        .collect();
    env.cmd()
        .args(["--json", "build"])
        .args(&args)
        .args(["--node-time", &node])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("\"clock-behind\"").and(contains("behind")));
}

/// Regression: a node time near i64's lowest (far in the past) wrapped in the subtraction and
/// was refused as a clock "292270966 years behind"; it is a state fetched long ago.
#[test]
fn a_node_time_long_past_is_old_not_ahead() {
    let env = Env::new();
    let c = case("local-send-0");
    let args: Vec<String> = env
        .request_args(&c)
        .into_iter()
        .take_while(|a| a != "--timestamp")
        .collect();
    for instant in [i64::MIN.to_string(), "-9223372036854000000".into()] {
        let node = env.write(
            "past.json",
            &format!("{{\"clientInstant\":0,\"serverInstant\":{instant},\"differenceMillis\":0}}"),
        );
        env.cmd()
            .args(["build"])
            .args(&args)
            .args(["--node-time", &node])
            .assert()
            .success()
            .stderr(contains("warning: the state was fetched").and(contains("behind").not()));
        // `--quiet` hides it where no question follows (`build` asks none), and a refusal
        // with `--quiet --json` is one JSON line (regression: the warning came first).
        env.cmd()
            .args(["--quiet", "build"])
            .args(&args)
            .args(["--node-time", &node])
            .assert()
            .success()
            .stderr("");
        // (The whole supply, in raw: more than the balance, refused by a ledger rule after the
        // clock was looked at.)
        let mut too_much = args.clone();
        let at = too_much.iter().position(|a| a == "--amount").unwrap() + 1;
        too_much[at] = "18000000000000000000".into();
        let refused = env
            .cmd()
            .args(["--quiet", "--json", "build"])
            .args(&too_much)
            .args(["--node-time", &node])
            .assert()
            .code(1);
        let (code, _) = common::json_error(&String::from_utf8_lossy(&refused.get_output().stderr));
        assert_eq!(code, "ledger-rule");
    }
}

// ---------------------------------------------------------------- amounts and destinations

#[test]
fn payment_requests_supply_the_amount() {
    let env = Env::new();
    let c = case("local-send-1");
    let raw = c.amount.clone().unwrap();
    let to = c.to.clone().unwrap();
    let base: Vec<String> = env
        .request_args(&c)
        .into_iter()
        .filter(|a| a != "--raw")
        .collect();
    let without_amount = |to: String| {
        let mut args = with(&base, "--to", &to);
        let i = args.iter().position(|a| a == "--amount").unwrap();
        args.drain(i..i + 2);
        args
    };
    for request in [
        format!("{to}?amount={raw}"),
        format!("https://wallet.atto.cash?receiverAddress={to}&amount={raw}"),
    ] {
        let out = env
            .cmd()
            .arg("build")
            .args(without_amount(request.clone()))
            .assert()
            .success()
            .stdout(format!("{}\n", c.block));
        assert!(stderr(&out).contains("from payment request"));
    }
    // An --amount that disagrees with the request is a usage error.
    let mut args = without_amount(format!("{to}?amount={raw}"));
    args.extend(["--amount".into(), "1".into(), "--raw".into()]);
    env.cmd()
        .arg("build")
        .args(&args)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("disagrees"));
    // No amount at all.
    env.cmd()
        .arg("build")
        .args(without_amount(to))
        .assert()
        .code(2)
        .stderr(contains("--amount is required"));
}

#[test]
fn amounts_in_atto_raw_and_all() {
    let env = Env::new();
    let c = case("local-send-0");
    let args = env.request_args(&c);
    let atto: Vec<String> = with(&args, "--amount", "12.5")
        .into_iter()
        .filter(|a| a != "--raw")
        .collect();
    let out = env.cmd().arg("build").args(&atto).assert().success();
    assert!(stdout(&out).contains("\"amount\":12500000000,"));
    // Ten decimals is a usage error, not a rounding.
    env.cmd()
        .arg("build")
        .args(with(&atto, "--amount", "1.0000000001"))
        .assert()
        .code(2)
        .stdout("");
    let all = with(&atto, "--amount", "all");
    let out = env.cmd().arg("build").args(&all).assert().success();
    assert!(stdout(&out).contains("\"balance\":0,"), "{}", stdout(&out));
}

#[test]
fn open_takes_network_for_receivables_without_one() {
    let env = Env::new();
    let c = case("local-open-1");
    let mut r: serde_json::Value = serde_json::from_str(c.receivable.as_ref().unwrap()).unwrap();
    r.as_object_mut().unwrap().remove("network");
    let bare = env.write("bare.json", &r.to_string());
    let args = with(&env.request_args(&c), "--receivable", &bare);
    env.cmd()
        .arg("build")
        .args(&args)
        .assert()
        .code(2)
        .stderr(contains("--network"));
    env.cmd()
        .arg("build")
        .args(&args)
        .args(["--network", "local"])
        .assert()
        .success()
        .stdout(format!("{}\n", c.block));
    // A --network the receivable contradicts is refused, not silently ignored.
    let args = env.request_args(&c);
    for cmd in [vec!["build"], vec!["--yes"]] {
        env.cmd()
            .args(cmd)
            .args(&args)
            .args(["--network", "live"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(
                "--network LIVE disagrees with the receivable, which is on LOCAL",
            ));
    }
}

// ---------------------------------------------------------------- work from elsewhere

#[test]
fn work_request_and_response() {
    let env = Env::new();
    let c = case("local-change-1");
    let block = env.write("block.json", &c.block);
    let out = env.cmd().args(["work-request", &block]).assert().success();
    let body: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(body["network"], "LOCAL");
    assert_eq!(body["timestamp"].to_string(), c.timestamp);
    let b: serde_json::Value = serde_json::from_str(&c.block).unwrap();
    assert_eq!(body["target"], b["previous"]);
    // The online half: find the work for that target (here with attosign itself).
    let nonce = env
        .cmd()
        .args(["work", "--target", b["previous"].as_str().unwrap()])
        .args(["--network", "local", "--timestamp", &c.timestamp])
        .assert()
        .success();
    let nonce = stdout(&nonce).trim().to_string();
    let response = env.write("response.json", &format!("{{\"work\":\"{nonce}\"}}"));
    env.cmd()
        .args(["work", &block, "--work-response", &response])
        .assert()
        .success()
        .stdout(format!("{{\"block\":{},\"work\":\"{nonce}\"}}\n", c.block));
    // An answer that is not valid work is refused: the first nonce from 0 up that the plain
    // BLAKE2b check says is above the threshold.
    let target: [u8; 32] = attosign::protocol::decode_hex(b["previous"].as_str().unwrap(), "t")
        .unwrap()
        .try_into()
        .unwrap();
    let limit = attosign::protocol::threshold(
        attosign::protocol::Network::Local,
        c.timestamp.parse().unwrap(),
    )
    .unwrap();
    let invalid = (0u64..)
        .map(attosign::protocol::Work::from_nonce)
        .find(|w| w.value(&target) > limit)
        .unwrap();
    let bad = env.write(
        "bad.json",
        &format!("{{\"work\":\"{}\"}}", invalid.to_hex()),
    );
    env.cmd()
        .args(["work", &block, "--work-response", &bad])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("not valid work"));
}

/// Regression: `work --target … --nonce HEX` ignored the nonce and ground a new one.
#[test]
fn work_target_with_nonce_checks_it() {
    let env = Env::new();
    let target = "AB".repeat(32);
    let found = env
        .cmd()
        .args(["work", "--target", &target, "--network", "local"])
        .args(["--timestamp", "2026-01-01T00:00:00Z"])
        .assert()
        .success();
    let nonce = stdout(&found).trim().to_string();
    env.cmd()
        .args(["work", "--target", &target, "--network", "local"])
        .args(["--timestamp", "2026-01-01T00:00:00Z", "--nonce", &nonce])
        .assert()
        .success()
        .stdout(format!("{nonce}\n"))
        .stderr(contains("valid work"));
    // A nonce that is not valid for this LIVE target (checked with the plain BLAKE2b).
    let bytes: [u8; 32] = [0xAB; 32];
    let live = attosign::protocol::threshold(attosign::protocol::Network::Live, 1_767_225_600_000)
        .unwrap();
    let invalid = (0u64..)
        .map(attosign::protocol::Work::from_nonce)
        .find(|w| w.value(&bytes) > live)
        .unwrap()
        .to_hex();
    env.cmd()
        .args(["work", "--target", &target, "--network", "live"])
        .args(["--timestamp", "2026-01-01T00:00:00Z", "--nonce", &invalid])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("not valid work"));
    // The same for a work server's answer (regression: --work-response was ignored, and a
    // nonce ground, even for a file that does not exist).
    let good = env.write("good.json", &format!("{{\"work\":\"{nonce}\"}}"));
    env.cmd()
        .args(["work", "--target", &target, "--network", "local"])
        .args([
            "--timestamp",
            "2026-01-01T00:00:00Z",
            "--work-response",
            &good,
        ])
        .assert()
        .success()
        .stdout(format!("{nonce}\n"))
        .stderr(contains("valid work"));
    let bad = env.write("bad.json", &format!("{{\"work\":\"{invalid}\"}}"));
    env.cmd()
        .args(["work", "--target", &target, "--network", "live"])
        .args([
            "--timestamp",
            "2026-01-01T00:00:00Z",
            "--work-response",
            &bad,
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("not valid work"));
    env.cmd()
        .args(["work", "--target", &target, "--network", "local"])
        .args(["--timestamp", "2026-01-01T00:00:00Z"])
        .args(["--work-response", &env.p("missing.json")])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("missing.json"));
}

/// Regression: a failed stdout write said "whatever this command signed is in the journal"
/// for commands that journal nothing, and was plain text under --json.
#[test]
fn a_stdout_that_cannot_be_written_is_reported_as_json_and_truly() {
    let env = Env::new();
    let c = case("local-change-1");
    let block = env.write("block.json", &c.block);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("attosign"))
        .args(["--json", "work-request", &block])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let error: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
    assert_eq!(error["error"]["code"], "stdout", "{stderr}");
    assert!(!stderr.contains("journal"), "{stderr}");
}

/// Regression: a representative in the address book was shown without its label (only
/// receivers had theirs).
#[test]
fn a_representative_in_the_book_is_shown_with_its_label() {
    let env = Env::new();
    let c = case("local-change-0");
    let block: serde_json::Value = serde_json::from_str(&c.block).unwrap();
    let representative = attosign::protocol::PublicKey(common::hex32(
        block["representativePublicKey"].as_str().unwrap(),
    ))
    .address()
    .to_string();
    env.signing()
        .args(["book", "add", &representative, "rep two"])
        .assert()
        .success();
    let out = env.signing().args(env.request_args(&c)).assert().success();
    let text = stderr(&out);
    assert!(
        text.contains(&format!("  representative {representative} (\"rep two\")")),
        "{text}"
    );
    assert!(text.contains("replacing UNKNOWN atto://"), "{text}");
}

/// Regression: an account state or receivable given where a block belongs said only
/// `missing field "type"`; a payout file, "not hexadecimal".
#[test]
fn another_file_of_the_workflow_is_named_where_a_block_belongs() {
    let env = Env::new();
    let demo = |name: &str| format!("{}/examples/demo/{name}", env!("CARGO_MANIFEST_DIR"));
    for (file, what) in [
        ("account.json", "is an account state (give it as --account)"),
        ("receivable.json", "is a receivable"),
        (
            "payouts.csv",
            "is a payout file (give it to send as --batch)",
        ),
    ] {
        for command in ["sign", "verify", "work", "qr", "inspect"] {
            env.cmd()
                .args([command, &demo(file)])
                .assert()
                .code(1)
                .stdout("")
                .stderr(contains(what).and(contains("not a block or a transaction")));
        }
    }
}

/// Regression: `work FILE` ground proof of work for a SEND of amount 0.
#[test]
fn work_refuses_a_block_nodes_would_reject() {
    let env = Env::new();
    let c = case("local-send-0");
    let mut b: serde_json::Value = serde_json::from_str(&c.block).unwrap();
    b["amount"] = 0.into();
    let file = env.write("zero.json", &b.to_string());
    env.cmd()
        .args(["work", &file])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("positive amount"));
    env.cmd()
        .args(["work-request", &file])
        .assert()
        .code(1)
        .stdout("");
    env.signing()
        .args(["sign", &file])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("positive amount"));
}

#[test]
fn stdin_is_read_once() {
    let env = Env::new();
    let c = case("local-receive-2");
    env.cmd()
        .args(["build", "receive", "--account", "-", "--receivable", "-"])
        .assert()
        .code(2)
        .stderr(contains("only once"));
    // The account from stdin works.
    let mut args = env.request_args(&c);
    let i = args.iter().position(|a| a == "--account").unwrap();
    args[i + 1] = "-".into();
    env.cmd()
        .arg("build")
        .args(&args)
        .write_stdin(c.account.clone().unwrap())
        .assert()
        .success()
        .stdout(format!("{}\n", c.block));
}

/// `--qr` and `--qr-png` on a one-step command: stdout keeps exactly the transaction JSON,
/// the codes go to stderr and to a PNG that a real decoder (zbarimg) reads back.
#[test]
fn one_step_with_qr_codes() {
    let env = Env::new();
    let c = case("local-open-2");
    let png = env.p("tx.png");
    let out = env
        .signing()
        .args(env.request_args(&c))
        .args(["--qr", "--qr-png", &png])
        .assert()
        .success();
    let tx = stdout(&out);
    assert_eq!(tx.lines().count(), 1);
    assert!(tx.starts_with(&format!("{{\"block\":{},", c.block)));
    assert!(stderr(&out).contains('█'), "codes on stderr");
    let scan = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw", &png])
        .output()
        .expect("zbarimg runs (Debian: apt-get install zbar-tools; .ci/run installs it)");
    assert!(scan.status.success());
    let text = String::from_utf8(scan.stdout).unwrap();
    let decoded = env.cmd().arg("decode").arg(text.trim()).assert().success();
    assert_eq!(stdout(&decoded), tx);
}

/// Regression: an account state at height 0 was "not opened" for `build receive` (which said
/// to use `open`) but an opened account for `sign` and `verify`, which then refused the OPEN.
#[test]
fn an_account_at_height_0_is_not_opened_for_sign_and_verify_too() {
    let dir = common::demo_copy();
    let account = std::fs::read_to_string(dir.path().join("account.json")).unwrap();
    let mut state: serde_json::Value = serde_json::from_str(&account).unwrap();
    state["height"] = 0.into();
    std::fs::write(dir.path().join("acc0.json"), state.to_string()).unwrap();
    let run = |args: &[&str]| common::demo_cmd(&dir, args);
    run(&["build", "receive", "--account", "acc0.json"])
        .args(["--receivable", "receivable.json"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("attosign open"));
    let representative = "atto://acswd7wnlfjejkes7nejvujnmxohqqb3vesgilrbw7gpzwykcrg4dc5adgxlk";
    let open = run(&["build", "open", "--receivable", "receivable.json"])
        .args(["--representative", representative])
        .assert()
        .success();
    std::fs::write(dir.path().join("open.json"), &open.get_output().stdout).unwrap();
    let signed = run(&["--yes", "sign", "open.json", "--account", "acc0.json"])
        .args(["--receivable", "receivable.json"])
        .assert()
        .success();
    std::fs::write(dir.path().join("signed.json"), &signed.get_output().stdout).unwrap();
    let worked = run(&["work", "signed.json"]).assert().success();
    std::fs::write(dir.path().join("tx.json"), &worked.get_output().stdout).unwrap();
    run(&["verify", "tx.json", "--account", "acc0.json"])
        .args(["--receivable", "receivable.json"])
        .assert()
        .success()
        .stderr(contains("valid transaction"));
    // A height-0 state of another account, or of another network, is still refused.
    for (key, value) in [
        (
            "publicKey",
            "42869243CC5B7E8A1CBD47C3B1D35ABF3A5B0AB45AD1E7F8B4B7FC1C2DEDBCA2",
        ),
        ("network", "LIVE"),
    ] {
        let mut other = state.clone();
        other[key] = value.into();
        std::fs::write(dir.path().join("other.json"), other.to_string()).unwrap();
        run(&["--yes", "sign", "open.json", "--account", "other.json"])
            .args(["--receivable", "receivable.json"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("ledger rule"));
        run(&["verify", "tx.json", "--account", "other.json"])
            .args(["--receivable", "receivable.json"])
            .assert()
            .code(3)
            .stderr(contains("FAIL").or(contains("fail")));
    }
}
