//! Payout runs and receivable chains, against chains the reference library built block by
//! block on its own account updates (vectors/builds.json "chains"): byte-identical blocks,
//! `--state-out` equal to the reference's final account, every transaction valid, and every
//! bad line of a payout file named with nothing signed.

mod common;

use predicates::str::contains;
use serde::Deserialize;
use std::fs;

#[derive(Deserialize, Clone)]
struct Chain {
    name: String,
    account: String,
    timestamp: String,
    items: Vec<serde_json::Value>,
    blocks: Vec<String>,
    signatures: Vec<String>,
    #[serde(rename = "accountAfter")]
    account_after: String,
}

#[derive(Deserialize)]
struct Builds {
    chains: Vec<Chain>,
}

fn builds() -> Builds {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/builds.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn chain(name: &str) -> Chain {
    builds()
        .chains
        .into_iter()
        .find(|c| c.name == name)
        .unwrap()
}

use common::Keyed as Env;

fn out(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

/// The chain's blocks with the reference's signatures, as `sign` prints them.
fn signed_lines(c: &Chain) -> String {
    c.blocks
        .iter()
        .zip(&c.signatures)
        .map(|(b, s)| format!("{{\"block\":{b},\"signature\":\"{s}\"}}\n"))
        .collect()
}

fn payouts_csv(c: &Chain) -> String {
    let mut csv = String::from("address,amount\n");
    for item in &c.items {
        csv.push_str(&format!(
            "{},{}\n",
            item["to"].as_str().unwrap(),
            item["amount"].as_str().unwrap()
        ));
    }
    csv
}

#[test]
fn a_100_payout_chain_matches_the_reference() {
    let env = Env::new();
    let c = chain("local-send-chain-100");
    let account = env.write("account.json", &c.account);
    let csv = env.write("payouts.csv", &payouts_csv(&c));
    let built = env
        .cmd()
        .args([
            "build",
            "send",
            "--account",
            &account,
            "--batch",
            &csv,
            "--raw",
        ])
        .args([
            "--timestamp",
            &c.timestamp,
            "--state-out",
            &env.p("after.json"),
        ])
        .assert()
        .success();
    let expected: String = c.blocks.iter().map(|b| format!("{b}\n")).collect();
    assert_eq!(out(&built), expected);
    assert_eq!(env.read("after.json").trim(), c.account_after);

    // One step: signed, worked, valid and linked, in publish order.
    let run = env
        .signing()
        .args(["send", "--account", &account, "--batch", &csv, "--raw"])
        .args([
            "--timestamp",
            &c.timestamp,
            "--state-out",
            &env.p("after2.json"),
        ])
        .assert()
        .success();
    let txs = out(&run);
    let lines: Vec<&str> = txs.lines().collect();
    assert_eq!(lines.len(), 100);
    for ((line, block), signature) in lines.iter().zip(&c.blocks).zip(&c.signatures) {
        assert!(line.starts_with(&format!(
            "{{\"block\":{block},\"signature\":\"{signature}\",\"work\":\""
        )));
    }
    env.write("txs.ndjson", &txs);
    // `verify` takes one transaction; check each one, and the chain's links via `inspect`.
    for (i, line) in lines.iter().enumerate() {
        let f = env.write(&format!("tx{i}.json"), line);
        env.cmd().args(["verify", &f]).assert().success();
    }
    assert_eq!(env.read("after2.json").trim(), c.account_after);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("file sha256"), "{stderr}");
    assert!(stderr.contains("count          100"), "{stderr}");

    // --state-out continues the chain offline: the next run builds height + 1.
    let next = env.write(
        "next.csv",
        &payouts_csv(&c)
            .lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let cont = env
        .cmd()
        .args([
            "build",
            "send",
            "--account",
            &env.p("after.json"),
            "--batch",
            &next,
            "--raw",
        ])
        .args([
            "--timestamp",
            &(c.timestamp.parse::<i64>().unwrap() + 1000).to_string(),
        ])
        .assert()
        .success();
    let after: serde_json::Value = serde_json::from_str(&c.account_after).unwrap();
    let first: serde_json::Value =
        serde_json::from_str(out(&cont).lines().next().unwrap()).unwrap();
    assert_eq!(first["height"], after["height"].as_u64().unwrap() + 1);
    assert_eq!(first["previous"], after["lastTransactionHash"]);
}

#[test]
fn a_20_receivable_chain_matches_the_reference() {
    let env = Env::new();
    let c = chain("local-receive-chain-20");
    let account = env.write("account.json", &c.account);
    let receivables: String = c
        .items
        .iter()
        .map(|i| format!("{}\n", i["receivable"].as_str().unwrap()))
        .collect();
    let file = env.write("receivables.ndjson", &receivables);
    let built = env
        .cmd()
        .args([
            "build",
            "receive",
            "--account",
            &account,
            "--receivable",
            &file,
        ])
        .args([
            "--timestamp",
            &c.timestamp,
            "--state-out",
            &env.p("after.json"),
        ])
        .assert()
        .success();
    let expected: String = c.blocks.iter().map(|b| format!("{b}\n")).collect();
    assert_eq!(out(&built), expected);
    assert_eq!(env.read("after.json").trim(), c.account_after);
    let run = env
        .signing()
        .args(["receive", "--account", &account, "--receivable", &file])
        .args(["--timestamp", &c.timestamp])
        .assert()
        .success();
    assert_eq!(out(&run).lines().count(), 20);
    // The same receivable twice refuses the whole run.
    let twice = env.write(
        "twice.ndjson",
        &format!(
            "{receivables}{}\n",
            c.items[3]["receivable"].as_str().unwrap()
        ),
    );
    env.cmd()
        .args([
            "build",
            "receive",
            "--account",
            &account,
            "--receivable",
            &twice,
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("receivables 4 and 21 are the same SEND"));
}

/// `build send --batch` then `sign` of the NDJSON it printed: one run, one confirmation, the
/// reference's signatures, every block journaled; the same chain again signs the same bytes,
/// a different chain at those heights is refused (5).
#[test]
fn a_built_chain_is_signed_as_one_run() {
    let env = Env::new();
    let c = chain("local-send-chain-100");
    let account = env.write("account.json", &c.account);
    let csv = env.write("payouts.csv", &payouts_csv(&c));
    let build = |timestamp: &str| {
        let built = env
            .cmd()
            .args(["build", "send", "--account", &account])
            .args(["--batch", &csv, "--raw", "--timestamp", timestamp])
            .assert()
            .success();
        out(&built)
    };
    let chain_file = env.write("chain.ndjson", &build(&c.timestamp));
    let sign = |file: &str| {
        env.signing()
            .args(["sign", file, "--account", &account])
            .assert()
    };
    let signed = sign(&chain_file).success();
    let expected = signed_lines(&c);
    assert_eq!(out(&signed), expected);
    let stderr = String::from_utf8(signed.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("a run of 100 blocks on LOCAL"), "{stderr}");
    assert!(stderr.contains("count          100"), "{stderr}");
    assert!(stderr.contains("signed 100 blocks"), "{stderr}");

    // Every block is in the journal, signed.
    let list = env
        .cmd()
        .args(["journal", "list", "--json"])
        .assert()
        .success();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&out(&list)).unwrap();
    let blocks: Vec<&serde_json::Value> = entries.iter().filter(|e| e["kind"] == "block").collect();
    assert_eq!(blocks.len(), 100);
    assert!(blocks.iter().all(|e| e["state"] == "signed"));

    // Signing the same chain again is harmless: the same bytes, nothing new journaled.
    let again = sign(&chain_file).success();
    assert_eq!(out(&again), expected);
    let list = env
        .cmd()
        .args(["journal", "list", "--json"])
        .assert()
        .success();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&out(&list)).unwrap();
    assert_eq!(entries.iter().filter(|e| e["kind"] == "block").count(), 100);

    // A chain built at another time holds different blocks at the same heights: refused.
    let later = (c.timestamp.parse::<i64>().unwrap() + 5).to_string();
    let other = env.write("other.ndjson", &build(&later));
    sign(&other)
        .code(5)
        .stdout("")
        .stderr(contains("already signed a different block at height"));

    // The signed chain takes its work as NDJSON and every transaction verifies.
    let signed_file = env.write("signed.ndjson", &expected);
    let worked = env.cmd().args(["work", &signed_file]).assert().success();
    let txs = out(&worked);
    assert_eq!(txs.lines().count(), 100);
    for (i, line) in txs.lines().enumerate() {
        let f = env.write(&format!("tx{i}.json"), line);
        env.cmd().args(["verify", &f]).assert().success();
    }
}

/// A chain's documents are checked as a chain before anything is asked: a broken link names
/// the block, and a block already signed is refused as a document.
#[test]
fn a_chain_that_does_not_link_is_refused() {
    let env = Env::new();
    let c = chain("local-send-chain-100");
    let account = env.write("account.json", &c.account);
    let mut blocks = c.blocks.clone();
    blocks.swap(4, 5);
    let swapped = env.write("swapped.ndjson", &(blocks.join("\n") + "\n"));
    env.signing()
        .args(["sign", &swapped, "--account", &account])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("block 5 of the chain: ledger rule \"height\""));
    // Without --account the first block cannot be checked against the state, but the
    // chain's links still are; a balance that does not follow from the amount is caught.
    let mut broken: serde_json::Value = serde_json::from_str(&c.blocks[1]).unwrap();
    broken["balance"] = serde_json::json!(1);
    let text = format!(
        "{}\n{}\n",
        c.blocks[0],
        serde_json::to_string(&broken).unwrap()
    );
    let f = env.write("broken.ndjson", &text);
    env.signing()
        .args(["sign", &f])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("block 2 of the chain: ledger rule \"balance\""));
    let signed = env.write(
        "signed.ndjson",
        &format!(
            "{}\n{{\"block\":{},\"signature\":\"{}\"}}\n",
            c.blocks[0], c.blocks[1], c.signatures[1]
        ),
    );
    env.signing()
        .args(["sign", &signed])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("document 2: the document is already signed"));
    assert!(!env.dir.path().join("keystore.age.journal").exists());
}

/// A RECEIVE chain signed with its receivables (NDJSON, in chain order) and without them.
#[test]
fn a_receive_chain_is_signed_with_or_without_its_receivables() {
    let env = Env::new();
    let c = chain("local-receive-chain-20");
    let account = env.write("account.json", &c.account);
    let receivables: String = c
        .items
        .iter()
        .map(|i| format!("{}\n", i["receivable"].as_str().unwrap()))
        .collect();
    let file = env.write("receivables.ndjson", &receivables);
    let chain_file = env.write("chain.ndjson", &(c.blocks.join("\n") + "\n"));
    let signed = env
        .signing()
        .args(["sign", &chain_file, "--account", &account])
        .args(["--receivable", &file])
        .assert()
        .success();
    let expected = signed_lines(&c);
    assert_eq!(out(&signed), expected);
    let stderr = String::from_utf8(signed.get_output().stderr.clone()).unwrap();
    assert!(!stderr.contains("unknown"), "{stderr}");
    // Without state or receivables the review says what it does not know.
    let bare = env.signing().args(["sign", &chain_file]).assert().success();
    assert_eq!(out(&bare), expected);
    let stderr = String::from_utf8(bare.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("sender unknown (no --receivable)"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown (no --account)"), "{stderr}");
    assert!(stderr.contains("NOT CHECKED without --account"), "{stderr}");
    // Receivables that do not match the chain's count are a usage error.
    let short = env.write(
        "short.ndjson",
        &format!("{}\n", c.items[0]["receivable"].as_str().unwrap()),
    );
    env.signing()
        .args(["sign", &chain_file, "--receivable", &short])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "--receivable holds 1 receivable(s), the blocks receive 20",
        ));
}

#[test]
fn every_bad_line_is_named_and_nothing_is_signed() {
    let env = Env::new();
    let c = chain("local-send-chain-100");
    let account = env.write("account.json", &c.account);
    let mut lines: Vec<String> = payouts_csv(&c).lines().map(str::to_string).collect();
    // Line 37 (36 after the header): one character of the address changed.
    let mut bad = lines[36].clone();
    let pos = 20;
    let swap = if &bad[pos..pos + 1] == "a" { "b" } else { "a" };
    bad.replace_range(pos..pos + 1, swap);
    lines[36] = bad;
    // Line 50: an amount with 10 decimals, in atto.
    let address = lines[49].split(',').next().unwrap().to_string();
    lines[49] = format!("{address},1.0000000001");
    let csv = env.write("bad.csv", &(lines.join("\n") + "\n"));
    let result = env
        .signing()
        .args(["send", "--account", &account, "--batch", &csv, "--raw"])
        .assert()
        .code(1)
        .stdout("");
    let stderr = String::from_utf8(result.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("line 37, column 1: address checksum"),
        "{stderr}"
    );
    assert!(stderr.contains("line 50, column 2"), "{stderr}");
    assert!(stderr.contains("nothing was signed"), "{stderr}");

    // A line paying the sending account itself is named by its line too.
    let state: serde_json::Value = serde_json::from_str(&c.account).unwrap();
    let own = env
        .cmd()
        .args(["address", state["publicKey"].as_str().unwrap(), "--json"])
        .assert()
        .success();
    let own: serde_json::Value = serde_json::from_str(&out(&own)).unwrap();
    let mut lines: Vec<String> = payouts_csv(&c)
        .lines()
        .take(4)
        .map(str::to_string)
        .collect();
    lines[2] = format!("{},5", own["address"].as_str().unwrap());
    let csv = env.write("self.csv", &(lines.join("\n") + "\n"));
    env.signing()
        .args(["send", "--account", &account, "--batch", &csv, "--raw"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "line 3, column 1: a SEND cannot pay the sending account itself",
        ));
    assert!(!std::path::Path::new(&env.p("keystore.age.journal")).exists());
}

#[test]
fn a_total_above_the_balance_says_by_how_much() {
    let env = Env::new();
    let c = chain("local-send-chain-100");
    let mut a: serde_json::Value = serde_json::from_str(&c.account).unwrap();
    a["balance"] = 1_500_000_000u64.into();
    let account = env.write("poor.json", &a.to_string());
    let payouts = format!(
        "{},1\n{},1\n",
        c.items[0]["to"].as_str().unwrap(),
        c.items[1]["to"].as_str().unwrap()
    );
    let csv = env.write("p.csv", &payouts);
    env.cmd()
        .args(["build", "send", "--account", &account, "--batch", &csv])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "total 2 atto, the account holds 1.5 atto: 0.5 atto more than there is",
        ));
}

#[test]
fn the_review_gives_the_sha256_of_the_file_as_it_is() {
    // Excel's "CSV UTF-8" starts the file with a byte-order mark: the digest the review shows
    // is what `sha256sum` says of the file, mark included, to match the approved list.
    use sha2::Digest;
    let c = chain("local-send-chain-100");
    let env = Env::new();
    let account = env.write("account.json", &c.account);
    let text: String = payouts_csv(&c)
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    for (name, bytes) in [
        ("plain.csv", text.clone().into_bytes()),
        (
            "bom.csv",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
    ] {
        fs::write(env.dir.path().join(name), &bytes).unwrap();
        let expected: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let built = env
            .cmd()
            .args([
                "build",
                "send",
                "--account",
                &account,
                "--batch",
                &env.p(name),
            ])
            .args(["--raw", "--timestamp", &c.timestamp])
            .assert()
            .success();
        let stderr = String::from_utf8(built.get_output().stderr.clone()).unwrap();
        assert!(
            stderr.contains(&format!("file sha256    {expected}")),
            "{name}: {stderr}"
        );
        assert_eq!(out(&built).lines().count(), 2, "{name}");
    }
}

#[test]
fn an_open_run_shows_the_representative_it_signs() {
    let c = chain("local-receive-chain-20");
    let env = Env::new();
    let receivables: String = c.items[..3]
        .iter()
        .map(|i| format!("{}\n", i["receivable"].as_str().unwrap()))
        .collect();
    let file = env.write("receivables.ndjson", &receivables);
    let representative = &common::addresses().cases[0].address;
    let built = env
        .cmd()
        .args(["build", "open", "--receivable", &file])
        .args(["--representative", representative])
        .assert()
        .success();
    assert_eq!(out(&built).lines().count(), 3);
    let stderr = String::from_utf8(built.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("a run of 3 blocks"), "{stderr}");
    assert!(
        stderr.contains(&format!("representative {representative}")),
        "{stderr}"
    );
}

#[test]
fn a_receivable_received_by_a_journaled_block_is_not_received_again() {
    let env = Env::new();
    let c = chain("local-receive-chain-20");
    let account = env.write("account.json", &c.account);
    let receivables: Vec<&str> = c
        .items
        .iter()
        .map(|i| i["receivable"].as_str().unwrap())
        .collect();
    let file = |name: &str, items: &[&str]| {
        let text: String = items.iter().map(|r| format!("{r}\n")).collect();
        env.write(name, &text)
    };
    let first = file("r123.ndjson", &receivables[0..3]);
    env.signing()
        .args(["receive", "--account", &account, "--receivable", &first])
        .args(["--state-out", &env.p("after3.json")])
        .assert()
        .success();
    // Continued offline from --state-out with a receivables file fetched before the first
    // run was published: its third receivable is received already.
    let overlap = file("r34.ndjson", &receivables[2..4]);
    let journal = fs::read(env.p("keystore.age.journal")).unwrap();
    env.signing()
        .args(["receive", "--account", &env.p("after3.json")])
        .args(["--receivable", &overlap])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("was already received at height"));
    // sign refuses the same block built apart.
    let one = file("r3.ndjson", &receivables[2..3]);
    let built = env
        .cmd()
        .args(["build", "receive", "--account", &env.p("after3.json")])
        .args(["--receivable", &one])
        .assert()
        .success();
    let block = env.write("block.json", &out(&built));
    env.signing()
        .args(["sign", &block, "--account", &env.p("after3.json")])
        .args(["--receivable", &one])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("was already received at height"));
    assert_eq!(fs::read(env.p("keystore.age.journal")).unwrap(), journal);
    // The new one alone is received.
    let fourth = file("r4.ndjson", &receivables[3..4]);
    env.signing()
        .args(["receive", "--account", &env.p("after3.json")])
        .args(["--receivable", &fourth])
        .assert()
        .success();
}
