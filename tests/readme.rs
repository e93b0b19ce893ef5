//! The README's commands, run as a reader would run them: its first command (the attosign
//! part, after `cargo install`) and the cold-storage walkthrough, whose offline blocks are
//! marked ```` ```sh walkthrough ```` and run in order as one bash script in a copy of
//! `examples/demo/`. Then the files the walkthrough wrote are checked, so a README that
//! drifts from the binary fails here.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/demo");
const INSTALL: &str = "cargo install --locked --path . && ";

fn readme() -> String {
    std::fs::read_to_string(README).unwrap_or_else(|e| panic!("{README}: {e}"))
}

/// The body of every fenced block whose opening fence line is exactly `fence`, in order.
fn blocks(text: &str, fence: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line == fence {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            found.push(body.join("\n"));
        }
    }
    found
}

/// How many times a script runs attosign: words `attosign` outside comments.
fn invocations(script: &str) -> usize {
    script
        .lines()
        .map(|line| line.split(" #").next().unwrap_or(""))
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter(|word| *word == "attosign")
        .count()
}

/// PATH with the attosign under test first.
fn path_env() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_attosign"));
    let dir = bin.parent().expect("the binary has a directory");
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A bash command as the README's reader runs it: no terminal, no keystore from the
/// environment, HOME and TMPDIR in `home` so that nothing outside it is touched.
fn bash(home: &Path) -> Command {
    let mut cmd = Command::new("bash");
    cmd.env("PATH", path_env())
        .env("HOME", home)
        .env("TMPDIR", home)
        .env_remove("ATTOSIGN_KEYSTORE")
        .env_remove("XDG_DATA_HOME")
        .stdin(Stdio::null());
    cmd
}

fn report(what: &str, out: &Output) -> String {
    format!(
        "{what}: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn attosign(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attosign"))
        .args(args)
        .current_dir(dir)
        .env_remove("ATTOSIGN_KEYSTORE")
        .stdin(Stdio::null())
        .output()
        .expect("attosign runs")
}

/// `attosign verify FILE [more args]` in `dir` succeeds.
fn assert_verifies(dir: &Path, file: &str, more: &[&str]) {
    let mut args = vec!["verify", file];
    args.extend_from_slice(more);
    let out = attosign(dir, &args);
    assert!(
        out.status.success(),
        "{}",
        report(&format!("verify {file}"), &out)
    );
}

fn read(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the walkthrough should have written {name}: {e}"))
}

fn json(text: &str, what: &str) -> Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{what} is not JSON ({e}): {text}"))
}

fn copy_demo(to: &Path) {
    for entry in std::fs::read_dir(DEMO).expect("examples/demo exists") {
        let path: PathBuf = entry.expect("a directory entry").path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().expect("a file name")))
                .unwrap_or_else(|e| panic!("copy {}: {e}", path.display()));
        }
    }
}

#[test]
fn first_commands_install_run_the_demo_and_test() {
    let text = readme();
    let section = text
        .split_once("\n## First commands\n")
        .expect("the README has a \"## First commands\" section")
        .1;
    let section = section.split("\n## ").next().unwrap_or(section);
    let commands = blocks(section, "```sh");
    assert_eq!(
        commands.len(),
        2,
        "First commands has exactly two sh blocks"
    );
    let first = commands[0].trim();
    assert!(
        first.starts_with(INSTALL),
        "the first command starts with `{INSTALL}`: {first}"
    );
    assert_eq!(commands[1].trim(), "cargo test --locked");

    // The part after `cargo install`, with the attosign under test first on PATH.
    let home = tempfile::tempdir().expect("a temporary directory");
    let out = bash(home.path())
        .arg("-c")
        .arg(&first[INSTALL.len()..])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        report("the first command", &out)
    );
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    assert_eq!(
        stdout.lines().count(),
        1,
        "{}",
        report("one line on stdout", &out)
    );
    let tx = json(&stdout, "the first command's output");
    assert_eq!(tx["block"]["type"], "RECEIVE", "{stdout}");
    std::fs::write(home.path().join("tx.json"), &stdout).expect("write tx.json");
    assert_verifies(home.path(), "tx.json", &[]);
}

#[test]
fn the_walkthrough_runs_offline_as_written() {
    let text = readme();
    let steps = blocks(&text, "```sh walkthrough");
    assert!(
        steps.len() >= 5,
        "the README has {} ```sh walkthrough blocks; expected at least 5",
        steps.len()
    );
    let script = steps.join("\n");
    assert!(
        invocations(&script) >= 8,
        "the walkthrough runs attosign {} times; expected at least 8:\n{script}",
        invocations(&script)
    );

    let dir = tempfile::tempdir().expect("a temporary directory");
    let dir = dir.path();
    copy_demo(dir);
    std::fs::write(dir.join("script.sh"), &script).expect("write script.sh");
    let out = bash(dir)
        .args(["-euo", "pipefail", "script.sh"])
        .current_dir(dir)
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", report("the walkthrough", &out));

    // The RECEIVE: a valid transaction that follows the demo state.
    let receive = json(&read(dir, "receive-tx.json"), "receive-tx.json");
    assert_eq!(receive["block"]["type"], "RECEIVE");
    assert_verifies(
        dir,
        "receive-tx.json",
        &[
            "--account",
            "account.json",
            "--receivable",
            "receivable.json",
        ],
    );
    assert_eq!(
        json(&read(dir, "after-receive.json"), "after-receive.json")["height"],
        8
    );

    // The payout run: three SENDs, each valid; the retry printed the same bytes.
    let payouts = read(dir, "payouts.ndjson");
    let lines: Vec<&str> = payouts.lines().collect();
    assert_eq!(lines.len(), 3, "payouts.ndjson: {payouts}");
    for (i, line) in lines.iter().enumerate() {
        let tx = json(line, "a payout transaction");
        assert_eq!(tx["block"]["type"], "SEND");
        assert_eq!(tx["block"]["height"], 9 + i as u64);
        let name = format!("payout-{}.json", i + 1);
        std::fs::write(dir.join(&name), line).expect("write a payout");
        assert_verifies(dir, &name, &[]);
    }
    assert_eq!(payouts, read(dir, "payouts-again.ndjson"));
    assert_eq!(
        json(&read(dir, "after-payouts.json"), "after-payouts.json")["height"],
        11
    );

    // The refusal: a second block at height 8, refused by the journal.
    let refused = json(&read(dir, "refused.json"), "refused.json");
    assert_eq!(refused["error"]["code"], "height-signed", "{refused}");

    // The SEND in steps, and the QR images of all five transactions.
    assert_verifies(dir, "send-tx.json", &[]);
    assert_eq!(
        json(&read(dir, "send-tx.json"), "send-tx.json")["block"]["height"],
        12
    );
    for n in 1..=5 {
        let png = dir.join(format!("outbox-{n}.png"));
        assert!(png.is_file(), "{} was not written", png.display());
    }

    // The journal beside the keystore holds heights 8 to 12, the payouts under their intents.
    assert!(dir.join("keystore.age.journal").is_file());
    let out = attosign(
        dir,
        &["--keystore", "keystore.age", "journal", "list", "--json"],
    );
    assert!(out.status.success(), "{}", report("journal list", &out));
    let entries = json(&String::from_utf8_lossy(&out.stdout), "journal list --json");
    let blocks: Vec<&Value> = entries
        .as_array()
        .expect("an array")
        .iter()
        .filter(|e| e["kind"] == "block")
        .collect();
    let heights: Vec<&str> = blocks
        .iter()
        .map(|e| e["height"].as_str().expect("height is a string"))
        .collect();
    assert_eq!(heights, ["8", "9", "10", "11", "12"], "{entries}");
    let intents: Vec<&Value> = blocks.iter().map(|e| &e["intent"]).collect();
    assert_eq!(
        intents,
        [
            &Value::Null,
            &Value::from("payout-2026-11-30-001"),
            &Value::from("payout-2026-11-30-002"),
            &Value::from("payout-2026-11-30-003"),
            &Value::Null,
        ]
    );
}
