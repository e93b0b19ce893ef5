//! The `attosign` binary driven the way users and their scripts drive it: one test per
//! behaviour and per error message, each checking the exit status (DESIGN.md §3: 0 ok,
//! 1 malformed content, 2 usage, 3 invalid transaction), stdout (data only, empty on failure)
//! and stderr. Expected values come from the reference implementation's vectors
//! (`vectors/*.json`, see vectors/README.md). Proof of work is only ever ground for LOCAL,
//! where a nonce takes ~43 000 hashes.

use assert_cmd::Command;
use attosign::protocol::{Network, Work, decode_hex, threshold};
use attosign::work::work_value;
use predicates::prelude::*;
use predicates::str::contains;
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Fixtures

fn attosign() -> Command {
    Command::cargo_bin("attosign").expect("the attosign binary is built for integration tests")
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = format!("{}/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AddressCase {
    public_key: String,
    algorithm: String,
    address: String,
}

#[derive(Deserialize)]
struct InvalidAddress {
    address: String,
    why: String,
}

#[derive(Deserialize)]
struct Addresses {
    cases: Vec<AddressCase>,
    invalid: Vec<InvalidAddress>,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct TxCase {
    name: String,
    network: String,
    #[serde(rename = "type")]
    block_type: String,
    json: String,
    hex: String,
    hash: String,
    work_target: String,
    threshold: String,
    work_value: String,
    signature_valid: bool,
    work_valid: bool,
    validation_error: Option<String>,
}

impl TxCase {
    fn value(&self) -> Value {
        serde_json::from_str(&self.json).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    fn block(&self) -> Value {
        self.value()["block"].clone()
    }

    /// The serialized block alone (the transaction's bytes without signature and work).
    fn block_hex(&self) -> String {
        self.hex[..self.hex.len() - 2 * (64 + 8)].to_string()
    }

    fn signature(&self) -> String {
        self.value()["signature"].as_str().unwrap().to_string()
    }

    fn work(&self) -> String {
        self.value()["work"].as_str().unwrap().to_string()
    }

    /// The checks `verify` must report as failed, from the reference's verdicts.
    fn failed_checks(&self) -> Vec<&'static str> {
        let mut failed = Vec::new();
        if !self.signature_valid {
            failed.push("signature");
        }
        if !self.work_valid {
            failed.push("work");
        }
        // The reference reports only its first failure; anything it names that is not the
        // signature or the work is a block rule (here: a timestamp far in the future).
        if let Some(error) = &self.validation_error
            && !error.starts_with("Signature is invalid")
            && error != "Work is invalid"
        {
            failed.push("rules");
        }
        failed
    }

    fn reference_valid(&self) -> bool {
        self.signature_valid && self.work_valid && self.validation_error.is_none()
    }
}

#[derive(Deserialize)]
struct Cases<T> {
    cases: Vec<T>,
}

fn transactions() -> Vec<TxCase> {
    let cases = load::<Cases<TxCase>>("transactions.json").cases;
    assert!(
        cases.len() >= 50,
        "transactions.json has {} cases",
        cases.len()
    );
    cases
}

fn tx(name: &str) -> TxCase {
    transactions()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no transaction vector named {name:?}"))
}

fn addresses() -> Addresses {
    load("addresses.json")
}

/// A temporary directory holding input files.
struct Dir(TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn path(&self) -> &Path {
        self.0.path()
    }
}

/// What a finished command printed, for loops over vectors where the failure message must name
/// the vector.
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Out {
    let output = cmd.output().expect("attosign runs");
    Out {
        code: output.status.code().expect("attosign exits normally"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `attosign ARGS` and returns its stdout, asserting exit status 0.
fn stdout_of(args: &[&str]) -> String {
    let out = run(attosign().args(args));
    assert_eq!(out.code, 0, "attosign {args:?}: {}", out.stderr);
    out.stdout
}

/// `inspect --json` of a file, as a JSON object.
fn inspect_json(path: &Path) -> serde_json::Map<String, Value> {
    let out = stdout_of(&["inspect", "--json", path.to_str().unwrap()]);
    assert_eq!(out.lines().count(), 1, "one JSON value: {out}");
    match serde_json::from_str(&out).unwrap() {
        Value::Object(map) => map,
        other => panic!("inspect --json printed {other}"),
    }
}

/// Asserts that stderr is exactly one `{"error":{"code","message"}}` line and returns
/// (code, message).
fn json_error(stderr: &str) -> (String, String) {
    assert_eq!(
        stderr.lines().count(),
        1,
        "one JSON line on stderr: {stderr:?}"
    );
    let value: Value = serde_json::from_str(stderr.trim_end())
        .unwrap_or_else(|e| panic!("stderr is not JSON ({e}): {stderr:?}"));
    let top: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(top, ["error"], "{stderr}");
    let error = value["error"].as_object().unwrap();
    let keys: Vec<&String> = error.keys().collect();
    assert_eq!(keys, ["code", "message"], "{stderr}");
    let code = error["code"]
        .as_str()
        .expect("code is a string")
        .to_string();
    let message = error["message"]
        .as_str()
        .expect("message is a string")
        .to_string();
    assert!(!code.is_empty() && !message.is_empty(), "{stderr}");
    (code, message)
}

/// Every JSON number in `value` turned into its decimal string, and every upper-case hex string
/// turned lower case, as a JavaScript client that cannot hold u64s might send it.
fn stringly_lower(value: &mut Value) {
    match value {
        Value::Number(n) => *value = Value::String(n.to_string()),
        Value::String(s) if s.len() >= 16 && s.bytes().all(|b| b.is_ascii_hexdigit()) => {
            *s = s.to_ascii_lowercase();
        }
        Value::Object(map) => map.values_mut().for_each(stringly_lower),
        Value::Array(items) => items.iter_mut().for_each(stringly_lower),
        _ => {}
    }
}

fn hex32(text: &str) -> [u8; 32] {
    decode_hex(text, "test").unwrap().try_into().unwrap()
}

fn network(name: &str) -> Network {
    name.parse().unwrap()
}

/// Whether `work` (16 hex digits, serialized byte order) is valid for this block JSON.
fn work_is_valid_for(work: &str, block: &Value) -> bool {
    let target = match block["type"].as_str().unwrap() {
        "OPEN" => block["publicKey"].as_str().unwrap(),
        _ => block["previous"].as_str().unwrap(),
    };
    let limit = threshold(
        network(block["network"].as_str().unwrap()),
        block["timestamp"].as_i64().unwrap(),
    )
    .unwrap();
    Work::from_hex(work).unwrap().value(&hex32(target)) <= limit
}

const LOCAL_VALID: [&str; 4] = [
    "valid LOCAL OPEN",
    "valid LOCAL RECEIVE",
    "valid LOCAL SEND",
    "valid LOCAL CHANGE",
];

/// Whether this CPU runs a kernel, asked the way DESIGN.md §3 documents: forcing it on
/// `bench` is a usage error when the CPU lacks it.
fn kernel_available(kernel: &str) -> bool {
    let out = run(attosign().args([
        "bench",
        "--kernel",
        kernel,
        "--seconds",
        "0.1",
        "--threads",
        "1",
    ]));
    match out.code {
        0 => true,
        2 => {
            assert!(out.stderr.contains("cannot run"), "{}", out.stderr);
            false
        }
        code => panic!("bench --kernel {kernel} exited {code}: {}", out.stderr),
    }
}

// ---------------------------------------------------------------------------------------------
// address

#[test]
fn address_prints_its_public_key() {
    for case in addresses().cases {
        attosign()
            .args(["address", &case.address])
            .assert()
            .success()
            .stdout(format!("{}\n", case.public_key))
            .stderr("");
    }
}

#[test]
fn public_key_prints_its_address() {
    for case in addresses().cases {
        attosign()
            .args(["address", &case.public_key])
            .assert()
            .success()
            .stdout(format!("{}\n", case.address))
            .stderr("");
    }
}

#[test]
fn public_key_in_lower_case_is_accepted() {
    let case = &addresses().cases[3];
    attosign()
        .args(["address", &case.public_key.to_ascii_lowercase()])
        .assert()
        .success()
        .stdout(format!("{}\n", case.address))
        .stderr("");
}

#[test]
fn algorithm_prefixed_33_byte_key_is_accepted() {
    // The reference writes V1 keys as 00 || key in some places.
    for case in addresses().cases {
        attosign()
            .args(["address", &format!("00{}", case.public_key)])
            .assert()
            .success()
            .stdout(format!("{}\n", case.address))
            .stderr("");
    }
}

#[test]
fn address_json_has_address_public_key_and_algorithm() {
    for case in addresses().cases {
        for input in [&case.address, &case.public_key] {
            let out = stdout_of(&["address", "--json", input]);
            assert!(out.ends_with('\n') && out.lines().count() == 1, "{out:?}");
            let value: Value = serde_json::from_str(&out).unwrap();
            let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["address", "publicKey", "algorithm"], "{out}");
            assert_eq!(value["address"], case.address.as_str());
            assert_eq!(value["publicKey"], case.public_key.as_str());
            assert_eq!(value["algorithm"], case.algorithm.as_str());
        }
    }
}

#[test]
fn every_address_the_reference_rejects_is_exit_1() {
    let invalid = addresses().invalid;
    assert!(invalid.len() >= 20);
    for case in invalid {
        let out = run(attosign().args(["address", &case.address]));
        let name = format!("{:?} ({})", case.address, case.why);
        assert_eq!(out.code, 1, "{name}: stdout {:?}", out.stdout);
        assert_eq!(out.stdout, "", "{name}");
        assert!(out.stderr.starts_with("error: "), "{name}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("Give an atto:// address or a public key of 64 hex digits"),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn address_with_bad_checksum_says_so() {
    attosign()
        .args([
            "address",
            "atto://adcl4ckmvmtogdfhiwq2jsuu5jnwprsmmmdeocb6ggpowqcwv6trw4jyaqhay",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("checksum does not match"));
}

#[test]
fn address_with_unknown_algorithm_says_so() {
    attosign()
        .args([
            "address",
            "atto://ahcl4ckmvmtogdfhiwq2jsuu5jnwprsmmmdeocb6ggpowqcwv6trwa2gm744g",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("unknown algorithm"));
}

#[test]
fn public_key_that_is_not_hex_says_so() {
    attosign()
        .args(["address", &"Z".repeat(64)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("not hexadecimal"));
}

#[test]
fn public_key_of_wrong_length_says_so() {
    attosign()
        .args(["address", &"AB".repeat(31)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("expected 64 hex digits, got 62"));
}

#[test]
fn address_json_error_goes_to_stderr_as_json() {
    let out = run(attosign().args(["address", "--json", "atto://"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    let (code, message) = json_error(&out.stderr);
    assert_eq!(code, "invalid-address");
    assert!(message.contains("atto://"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// inspect

#[test]
fn inspect_shows_a_transaction_for_people() {
    let case = tx("valid LOCAL OPEN");
    let dir = Dir::new();
    let file = dir.file("tx.json", &case.json);
    attosign()
        .arg("inspect")
        .arg(&file)
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::is_match(format!(r"(?m)^hash +{}$", case.hash)).unwrap())
        .stdout(predicate::str::is_match(r"(?m)^type +OPEN$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^network +LOCAL$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^balance +9007199254740993$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^signatureValid +yes$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^workValid +yes$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^ruleViolations +none$").unwrap());
}

#[test]
fn inspect_says_no_to_a_bad_signature() {
    let case = tx("LOCAL SEND: signature tampered (bit 0 of byte 0 flipped)");
    let dir = Dir::new();
    let file = dir.file("tx.json", &case.json);
    attosign()
        .arg("inspect")
        .arg(&file)
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::is_match(r"(?m)^signatureValid +NO$").unwrap())
        .stdout(predicate::str::is_match(r"(?m)^workValid +yes$").unwrap());
}

#[test]
fn inspect_reads_hex_in_either_case_like_json() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let from_json = inspect_json(&dir.file("tx.json", &case.json));
    let upper = inspect_json(&dir.file("upper.hex", format!("{}\n", case.hex)));
    let lower = inspect_json(&dir.file("lower.hex", case.hex.to_ascii_lowercase()));
    assert_eq!(upper, from_json);
    assert_eq!(lower, from_json);
    assert_eq!(from_json["hash"], case.hash.as_str());
}

#[test]
fn inspect_reads_a_bare_block_as_hex() {
    let case = tx("valid LOCAL CHANGE");
    let dir = Dir::new();
    let info = inspect_json(&dir.file("block.hex", case.block_hex()));
    assert_eq!(info["hash"], case.hash.as_str());
    assert_eq!(info["type"], "CHANGE");
    assert!(
        !info.contains_key("signature") && !info.contains_key("work"),
        "{info:?}"
    );
}

#[test]
fn inspect_reads_stdin_for_dash() {
    let case = tx("valid LOCAL RECEIVE");
    let dir = Dir::new();
    let expected = stdout_of(&[
        "inspect",
        "--json",
        dir.file("tx.json", &case.json).to_str().unwrap(),
    ]);
    attosign()
        .args(["inspect", "--json", "-"])
        .write_stdin(case.json.clone())
        .assert()
        .success()
        .stdout(expected)
        .stderr("");
}

#[test]
fn inspect_json_has_hash_type_network_and_u64s_as_decimal_strings() {
    let case = tx("valid LOCAL OPEN");
    let dir = Dir::new();
    let info = inspect_json(&dir.file("tx.json", &case.json));
    assert_eq!(info["hash"], case.hash.as_str());
    assert_eq!(info["type"], "OPEN");
    assert_eq!(info["network"], "LOCAL");
    // 2^53 + 1: a JSON number would round to 2^53 in JavaScript and jq.
    assert_eq!(info["balance"], "9007199254740993");
    assert_eq!(info["height"], "1");
    assert_eq!(info["version"], "0");
    assert_eq!(info["timestamp"], "1772113813464");
    assert_eq!(info["threshold"], case.threshold.as_str());
    assert_eq!(info["workValue"], case.work_value.as_str());
    assert_eq!(info["signatureValid"], true);
    assert_eq!(info["workValid"], true);
}

#[test]
fn inspect_json_keeps_u64s_above_2_pow_53_exact() {
    let case = tx("valid LOCAL SEND");
    let mut block = case.block();
    block["balance"] = json!(17_999_999_999_999_999_999u64);
    block["amount"] = json!(18_000_000_000_000_000_000u64);
    block["height"] = json!(u64::MAX);
    let dir = Dir::new();
    let info = inspect_json(&dir.file("block.json", block.to_string()));
    assert_eq!(info["balance"], "17999999999999999999");
    assert_eq!(info["amount"], "18000000000000000000");
    assert_eq!(info["height"], "18446744073709551615");
    assert_eq!(info["amountAtto"], "18000000000");
}

#[test]
fn inspect_json_has_every_field_of_the_block() {
    // DESIGN.md §3: "inspect --json → an object with at least hash, type, network and the
    // block's fields (u64 values as decimal strings)".
    let mut wrong = Vec::new();
    for name in LOCAL_VALID {
        let case = tx(name);
        let dir = Dir::new();
        let info = inspect_json(&dir.file("tx.json", &case.json));
        for (key, value) in case.block().as_object().unwrap() {
            let expected = match value {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                other => panic!("{other}"),
            };
            let got = info.get(key).and_then(Value::as_str);
            if got != Some(expected.as_str()) {
                wrong.push(format!("{name}: {key:?} is {got:?}, expected {expected:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "inspect --json lacks block fields:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn inspect_matches_the_reference_for_every_transaction() {
    let dir = Dir::new();
    for (i, case) in transactions().iter().enumerate() {
        for (form, text) in [("json", case.json.clone()), ("hex", case.hex.clone())] {
            let info = inspect_json(&dir.file(&format!("{i}.{form}"), text));
            let name = format!("transactions.json {:?} as {form}", case.name);
            assert_eq!(info["hash"], case.hash.as_str(), "{name}: hash");
            assert_eq!(info["type"], case.block_type.as_str(), "{name}: type");
            assert_eq!(info["network"], case.network.as_str(), "{name}: network");
            assert_eq!(
                info["workTarget"],
                case.work_target.as_str(),
                "{name}: workTarget"
            );
            assert_eq!(
                info["threshold"],
                case.threshold.as_str(),
                "{name}: threshold"
            );
            assert_eq!(
                info["workValue"],
                case.work_value.as_str(),
                "{name}: workValue"
            );
            assert_eq!(
                info["signatureValid"], case.signature_valid,
                "{name}: signatureValid"
            );
            assert_eq!(info["workValid"], case.work_valid, "{name}: workValid");
        }
    }
}

/// `inspect FILE` of malformed content: exit 1, nothing on stdout, an error naming the file and
/// the problem.
fn assert_malformed(file: &Path, problem: &str) {
    for command in ["inspect", "verify", "work"] {
        attosign()
            .arg(command)
            .arg(file)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with("error: "))
            .stderr(contains(file.to_str().unwrap()))
            .stderr(contains(problem));
    }
}

#[test]
fn truncated_hex_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let hex = case.block_hex();
    let file = dir.file("short.hex", &hex[..hex.len() - 2]);
    assert_malformed(&file, "block: 133 bytes is too short, expected 134");
}

#[test]
fn truncated_transaction_hex_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("short.hex", &case.hex[..case.hex.len() - 2]);
    assert_malformed(&file, "transaction: 205 bytes is too short, expected 206");
}

#[test]
fn trailing_bytes_are_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("long.hex", format!("{}00", case.hex));
    assert_malformed(&file, "trailing bytes");
}

#[test]
fn unknown_block_type_byte_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("type.hex", format!("09{}", &case.hex[2..]));
    assert_malformed(&file, "unknown block type code 9");
}

#[test]
fn unknown_block_type_name_is_malformed() {
    let mut block = tx("valid LOCAL SEND").block();
    block["type"] = json!("BURN");
    let dir = Dir::new();
    let file = dir.file("type.json", block.to_string());
    assert_malformed(&file, "unknown block type \"BURN\"");
}

#[test]
fn unknown_network_byte_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("network.hex", format!("0207{}", &case.hex[4..]));
    assert_malformed(&file, "unknown network code 7");
}

#[test]
fn unknown_network_name_is_malformed() {
    let mut block = tx("valid LOCAL SEND").block();
    block["network"] = json!("MAINNET");
    let dir = Dir::new();
    let file = dir.file("network.json", block.to_string());
    assert_malformed(&file, "unknown network \"MAINNET\"");
}

#[test]
fn bad_hex_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("bad.hex", format!("{}ZZ", &case.hex[..case.hex.len() - 2]));
    assert_malformed(&file, "not hexadecimal");
}

#[test]
fn odd_length_hex_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("odd.hex", &case.hex[..case.hex.len() - 1]);
    assert_malformed(&file, "not hexadecimal");
}

#[test]
fn amount_over_the_supply_is_malformed() {
    let mut block = tx("valid LOCAL SEND").block();
    block["amount"] = json!(18_000_000_000_000_000_001u64);
    let dir = Dir::new();
    let file = dir.file("amount.json", block.to_string());
    assert_malformed(&file, "exceeds the maximum supply");
}

#[test]
fn balance_over_the_supply_in_hex_is_malformed() {
    // Balance is at bytes 45..53 of a SEND (type, network, version, algorithm, key, height).
    let case = tx("valid LOCAL SEND");
    let hex = format!("{}{}{}", &case.hex[..90], "FF".repeat(8), &case.hex[106..]);
    let dir = Dir::new();
    let file = dir.file("balance.hex", hex);
    assert_malformed(&file, "exceeds the maximum supply");
}

#[test]
fn empty_file_is_malformed() {
    let dir = Dir::new();
    assert_malformed(&dir.file("empty.json", ""), "the input is empty");
    assert_malformed(&dir.file("blank.json", " \n\n"), "the input is empty");
}

#[test]
fn missing_file_is_an_error() {
    let dir = Dir::new();
    assert_malformed(&dir.path().join("absent.json"), "cannot read");
}

#[test]
fn json_missing_a_field_is_malformed() {
    let mut block = tx("valid LOCAL SEND").block();
    block.as_object_mut().unwrap().remove("balance");
    let dir = Dir::new();
    let file = dir.file("missing.json", json!({ "block": block }).to_string());
    assert_malformed(&file, "missing field \"balance\"");
}

#[test]
fn broken_json_is_malformed() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let file = dir.file("broken.json", &case.json[..case.json.len() - 1]);
    assert_malformed(&file, "invalid JSON");
}

#[test]
fn derived_address_that_disagrees_is_malformed() {
    let mut block = tx("valid LOCAL SEND").block();
    block["receiverAddress"] = block["address"].clone();
    let dir = Dir::new();
    let file = dir.file("edited.json", block.to_string());
    assert_malformed(&file, "\"receiverAddress\": does not match");
}

#[test]
fn malformed_input_error_is_json_with_json_flag() {
    let dir = Dir::new();
    let file = dir.file("empty.json", "");
    let out = run(attosign().arg("inspect").arg("--json").arg(&file));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    let (code, message) = json_error(&out.stderr);
    assert_eq!(code, "invalid-input");
    assert!(message.contains("the input is empty"), "{message}");
}

#[test]
fn escape_sequences_from_input_never_reach_the_terminal() {
    let mut block = tx("valid LOCAL SEND").block();
    block["network"] = json!("\u{1b}[2J\u{1b}[31mLIVE");
    let dir = Dir::new();
    let file = dir.file("escape.json", block.to_string());
    let out = run(attosign().arg("inspect").arg(&file));
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("unknown network"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
    let missing = dir.path().join("no\u{1b}[2Jsuch.json");
    let out = run(attosign().arg("inspect").arg(&missing));
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// verify

fn assert_verify_matches_reference(case: &TxCase, file: &Path, form: &str) {
    let name = format!("transactions.json {:?} as {form}", case.name);
    let out = run(attosign().arg("verify").arg(file));
    assert_eq!(out.stdout, "", "{name}: stdout");
    let failed = case.failed_checks();
    if case.reference_valid() {
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(
            out.stderr
                .contains(&format!("valid transaction {}", case.hash)),
            "{name}: {}",
            out.stderr
        );
    } else {
        assert_eq!(out.code, 3, "{name}: {}", out.stderr);
        assert!(!failed.is_empty(), "{name}");
        assert!(
            out.stderr.contains(&format!(
                "error: transaction {} is invalid: {} failed",
                case.hash,
                failed.join(", ")
            )),
            "{name}: {}",
            out.stderr
        );
    }
    for check in ["hash", "signature", "work", "rules"] {
        let failed_line = format!("FAILED  {check}: ");
        let ok_line = format!("ok      {check}\n");
        if failed.contains(&check) {
            assert!(
                out.stderr.contains(&failed_line),
                "{name}: {check} must fail: {}",
                out.stderr
            );
        } else {
            assert!(
                out.stderr.contains(&ok_line),
                "{name}: {check} must pass: {}",
                out.stderr
            );
        }
    }
}

#[test]
fn verify_matches_the_reference_for_every_transaction() {
    let dir = Dir::new();
    let cases = transactions();
    assert!(cases.iter().any(TxCase::reference_valid));
    assert!(cases.iter().any(|c| !c.reference_valid()));
    for (i, case) in cases.iter().enumerate() {
        assert_verify_matches_reference(case, &dir.file(&format!("{i}.json"), &case.json), "json");
        assert_verify_matches_reference(case, &dir.file(&format!("{i}.hex"), &case.hex), "hex");
    }
}

#[test]
fn verify_names_the_reason_a_signature_fails() {
    let case = tx("LOCAL SEND: signed by another key (private key 0707..07)");
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("tx.json", &case.json))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains(format!(
            "FAILED  signature: not a signature of {}",
            case.hash
        )));
}

#[test]
fn verify_names_the_reason_work_fails() {
    let case = tx("LOCAL SEND: wrong work (high bit of work byte 7 flipped)");
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("tx.json", &case.json))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains(format!(
            "FAILED  work: work {} has value {}, above the LOCAL threshold {}",
            case.work(),
            case.work_value,
            case.threshold
        )));
}

#[test]
fn verify_names_a_timestamp_in_the_future() {
    let case =
        tx("LOCAL SEND: re-signed with timestamp 2034-06-01 (threshold 32x lower), same work");
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("tx.json", &case.json))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains(
            "FAILED  rules: timestamp 2032732800000 is more than a minute after",
        ));
}

#[test]
fn verify_of_a_bare_block_fails_for_signature_and_work() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("block.json", case.block().to_string()))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("FAILED  signature: there is no signature"))
        .stderr(contains("FAILED  work: there is no proof of work"))
        .stderr(contains("ok      rules"))
        .stderr(contains("signature, work failed"));
}

#[test]
fn verify_of_a_signed_block_fails_for_work() {
    let case = tx("valid LOCAL SEND");
    let doc = json!({ "block": case.block(), "signature": case.signature() });
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("signed.json", doc.to_string()))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("ok      signature"))
        .stderr(contains("FAILED  work: there is no proof of work"))
        .stderr(contains(": work failed"));
}

#[test]
fn verify_of_a_worked_block_fails_for_signature() {
    let case = tx("valid LOCAL SEND");
    let doc = json!({ "block": case.block(), "work": case.work() });
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("worked.json", doc.to_string()))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("FAILED  signature: there is no signature"))
        .stderr(contains("ok      work"));
}

#[test]
fn verify_accepts_decimal_strings_and_lower_case_hex() {
    let dir = Dir::new();
    for name in LOCAL_VALID {
        let case = tx(name);
        let mut value = case.value();
        stringly_lower(&mut value);
        let text = value.to_string();
        assert!(
            text.contains(&case.signature().to_ascii_lowercase()),
            "{text}"
        );
        assert!(text.contains("\"balance\":\""), "{text}");
        attosign()
            .arg("verify")
            .arg(dir.file("tx.json", text))
            .assert()
            .success()
            .stdout("")
            .stderr(contains(format!("valid transaction {}", case.hash)));
    }
}

#[test]
fn verify_accepts_unknown_keys() {
    let case = tx("valid LOCAL CHANGE");
    let mut value = case.value();
    value["block"]["comment"] = json!("from the online machine");
    value["received"] = json!(12);
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("tx.json", value.to_string()))
        .assert()
        .success()
        .stdout("");
}

#[test]
fn verify_checks_a_claimed_hash() {
    let case = tx("valid LOCAL SEND");
    let other = tx("valid LOCAL OPEN");
    let dir = Dir::new();

    let mut value = case.value();
    value["hash"] = json!(other.hash);
    attosign()
        .arg("verify")
        .arg(dir.file("top.json", value.to_string()))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains(format!(
            "FAILED  hash: the document says {}, its block hashes to {}",
            other.hash, case.hash
        )))
        .stderr(contains("is invalid: hash failed"));

    let mut value = case.value();
    value["block"]["hash"] = json!(other.hash);
    attosign()
        .arg("verify")
        .arg(dir.file("inner.json", value.to_string()))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("FAILED  hash"));

    let mut value = case.value();
    value["hash"] = json!(12);
    attosign()
        .arg("verify")
        .arg(dir.file("number.json", value.to_string()))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("FAILED  hash"));
}

#[test]
fn verify_accepts_a_claimed_hash_that_matches() {
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    for claimed in [case.hash.clone(), case.hash.to_ascii_lowercase()] {
        let mut value = case.value();
        value["hash"] = json!(claimed);
        attosign()
            .arg("verify")
            .arg(dir.file("tx.json", value.to_string()))
            .assert()
            .success()
            .stdout("")
            .stderr(contains("ok      hash"));
    }
}

#[test]
fn verify_reads_stdin_for_dash() {
    let case = tx("valid LOCAL OPEN");
    attosign()
        .args(["verify", "-"])
        .write_stdin(case.json.clone())
        .assert()
        .success()
        .stdout("")
        .stderr(contains(format!("valid transaction {}", case.hash)));
}

#[test]
fn verify_quiet_prints_nothing_when_valid() {
    let case = tx("valid LOCAL OPEN");
    let dir = Dir::new();
    attosign()
        .args(["verify", "--quiet"])
        .arg(dir.file("tx.json", &case.json))
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn verify_json_reports_every_check_when_valid() {
    let case = tx("valid LOCAL RECEIVE");
    let dir = Dir::new();
    let out = stdout_of(&[
        "verify",
        "--json",
        "--quiet",
        dir.file("tx.json", &case.json).to_str().unwrap(),
    ]);
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value,
        json!({
            "valid": true,
            "hash": case.hash,
            "checks": {"hash": "ok", "signature": "ok", "work": "ok", "rules": "ok"}
        })
    );
}

#[test]
fn verify_json_failure_is_a_json_error_naming_the_check() {
    let case = tx("LOCAL OPEN: wrong work (high bit of work byte 7 flipped)");
    let dir = Dir::new();
    let out = run(attosign()
        .args(["verify", "--json"])
        .arg(dir.file("tx.json", &case.json)));
    assert_eq!(out.code, 3);
    assert_eq!(out.stdout, "", "stdout stays empty when a command fails");
    let (code, message) = json_error(&out.stderr);
    assert_eq!(code, "invalid-transaction");
    assert!(message.contains("work failed"), "{message}");
    assert!(message.contains("above the LOCAL threshold"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// work

/// Runs `attosign work FILE EXTRA…` on `doc` and returns the one line it printed.
fn work_on(doc: &Value, extra: &[&str]) -> String {
    let dir = Dir::new();
    let file = dir.file("in.json", doc.to_string());
    let out = run(attosign().arg("work").arg(&file).args(extra));
    assert_eq!(out.code, 0, "work {extra:?}: {}", out.stderr);
    assert!(
        out.stdout.ends_with('\n') && out.stdout.lines().count() == 1,
        "{:?}",
        out.stdout
    );
    out.stdout.trim_end().to_string()
}

/// Asserts `line` is `{"block":BLOCK,"work":W}` with BLOCK byte-identical to `block` and W valid;
/// returns W.
fn assert_worked(line: &str, block: &Value) -> String {
    let prefix = format!("{{\"block\":{block},\"work\":\"");
    assert!(line.starts_with(&prefix), "{line}");
    let work = line[prefix.len()..]
        .strip_suffix("\"}")
        .expect("ends with the work");
    assert!(
        work.len() == 16
            && work
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)),
        "work {work:?} is 16 upper-case hex digits"
    );
    assert!(
        work_is_valid_for(work, block),
        "{work} is valid work for {block}"
    );
    work.to_string()
}

#[test]
fn work_adds_valid_work_to_each_block_type() {
    for name in LOCAL_VALID {
        let block = tx(name).block();
        let line = work_on(&block, &[]);
        assert_worked(&line, &block);
        let dir = Dir::new();
        let info = inspect_json(&dir.file("worked.json", &line));
        assert_eq!(info["workValid"], true, "{name}: {info:?}");
    }
}

#[test]
fn work_on_a_signed_block_prints_the_transaction() {
    for name in LOCAL_VALID {
        let case = tx(name);
        let doc = json!({ "block": case.block(), "signature": case.signature() });
        let line = work_on(&doc, &[]);
        let value: Value = serde_json::from_str(&line).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["block", "signature", "work"], "{name}");
        let expected_prefix = format!(
            "{{\"block\":{},\"signature\":\"{}\",\"work\":\"",
            case.block(),
            case.signature()
        );
        assert!(line.starts_with(&expected_prefix), "{name}: {line}");
        let dir = Dir::new();
        attosign()
            .arg("verify")
            .arg(dir.file("tx.json", &line))
            .assert()
            .success()
            .stdout("")
            .stderr(contains(format!("valid transaction {}", case.hash)));
    }
}

#[test]
fn work_reads_stdin_for_dash() {
    let block = tx("valid LOCAL SEND").block();
    let out = run(attosign()
        .args(["work", "-"])
        .write_stdin(block.to_string()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_worked(out.stdout.trim_end(), &block);
}

#[test]
fn work_reads_hex() {
    let case = tx("valid LOCAL RECEIVE");
    let dir = Dir::new();
    let out = run(attosign()
        .arg("work")
        .arg(dir.file("block.hex", case.block_hex())));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_worked(out.stdout.trim_end(), &case.block());
}

fn work_with_kernel(kernel: &str) {
    let block = tx("valid LOCAL OPEN").block();
    for threads in ["1", "2"] {
        let line = work_on(&block, &["--kernel", kernel, "--threads", threads]);
        assert_worked(&line, &block);
    }
    let key = block["publicKey"].as_str().unwrap();
    let out = run(attosign()
        .args(["work", "--kernel", kernel, "--target", key])
        .args(["--network", "local", "--timestamp", "1772113813464"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        work_is_valid_for(out.stdout.trim_end(), &block),
        "{}",
        out.stdout
    );
}

#[test]
fn work_with_the_portable_kernel() {
    work_with_kernel("portable");
}

#[test]
fn work_with_the_avx2_kernel() {
    if !kernel_available("avx2") {
        eprintln!("skipped: this CPU has no AVX2");
        return;
    }
    work_with_kernel("avx2");
}

#[test]
fn work_with_the_avx512_kernel() {
    if !kernel_available("avx512") {
        eprintln!("skipped: this CPU has no AVX-512");
        return;
    }
    work_with_kernel("avx512");
}

#[test]
fn work_with_one_thread() {
    let block = tx("valid LOCAL CHANGE").block();
    assert_worked(&work_on(&block, &["--threads", "1"]), &block);
}

#[test]
fn work_with_two_threads() {
    let block = tx("valid LOCAL CHANGE").block();
    assert_worked(&work_on(&block, &["--threads", "2"]), &block);
}

#[test]
fn work_keeps_valid_work_unchanged() {
    let dir = Dir::new();
    for name in LOCAL_VALID {
        let case = tx(name);
        attosign()
            .arg("work")
            .arg(dir.file("tx.json", &case.json))
            .assert()
            .success()
            .stdout(format!("{}\n", case.json))
            .stderr(contains("already has valid proof of work"));
        let worked = format!(
            "{{\"block\":{},\"work\":\"{}\"}}",
            case.block(),
            case.work()
        );
        attosign()
            .arg("work")
            .arg(dir.file("worked.json", &worked))
            .assert()
            .success()
            .stdout(format!("{worked}\n"));
    }
}

#[test]
fn work_replaces_invalid_work() {
    let case = tx("LOCAL SEND: wrong work (high bit of work byte 7 flipped)");
    let dir = Dir::new();
    let out = run(attosign().arg("work").arg(dir.file("tx.json", &case.json)));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("not valid for this block; finding new work"),
        "{}",
        out.stderr
    );
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_ne!(value["work"], case.work().as_str());
    assert!(work_is_valid_for(
        value["work"].as_str().unwrap(),
        &case.block()
    ));
    attosign()
        .arg("verify")
        .arg(dir.file("fixed.json", &out.stdout))
        .assert()
        .success();
}

#[test]
fn work_refuses_a_block_from_before_2024() {
    let mut block = tx("valid LOCAL SEND").block();
    block["timestamp"] = json!(1_700_000_000_000i64);
    let dir = Dir::new();
    attosign()
        .arg("work")
        .arg(dir.file("old.json", block.to_string()))
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("before the network started"))
        .stderr(contains("no proof of work can be valid"));
}

/// 16 upper-case hex digits and a newline.
fn nonce_line() -> impl Predicate<str> {
    predicate::str::is_match(r"\A[0-9A-F]{16}\n\z").unwrap()
}

#[test]
fn work_target_prints_a_valid_nonce_for_epoch_milliseconds() {
    let target = "C4BE094CAB26E30CA745A1A4CA94EA5B67C64C630647083E319EEB4056AFA71B";
    let timestamp = 1_772_113_813_464i64;
    let assert = attosign()
        .args([
            "work",
            "--target",
            target,
            "--network",
            "local",
            "--timestamp",
            "1772113813464",
        ])
        .assert()
        .success()
        .stdout(nonce_line())
        .stderr("");
    let nonce = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    // Serialized byte order: the nonce's u64 is little-endian, as in a transaction's "work".
    let work = Work::from_hex(nonce.trim_end()).unwrap();
    let limit = threshold(Network::Local, timestamp).unwrap();
    assert!(work_value(work.nonce(), &hex32(target)) <= limit);
}

#[test]
fn work_target_prints_a_valid_nonce_for_rfc3339() {
    let target = "0202020202020202020202020202020202020202020202020202020202020202";
    let assert = attosign()
        .args([
            "work",
            "--target",
            target,
            "--network",
            "LOCAL",
            "--timestamp",
            "2026-06-01T00:00:00Z",
        ])
        .assert()
        .success()
        .stdout(nonce_line());
    let nonce = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let work = Work::from_hex(nonce.trim_end()).unwrap();
    let limit = threshold(Network::Local, 1_780_272_000_000).unwrap();
    assert!(work.value(&hex32(target)) <= limit);
}

#[test]
fn work_target_nonce_attaches_to_an_open_block() {
    // The work target of an OPEN block is its public key; a nonce found for it with
    // --target/--timestamp must be accepted by `work FILE --nonce`.
    let case = tx("valid LOCAL OPEN");
    let block = case.block();
    let key = block["publicKey"].as_str().unwrap();
    let timestamp = block["timestamp"].to_string();
    let assert = attosign()
        .args([
            "work",
            "--target",
            &key.to_ascii_lowercase(),
            "--network",
            "local",
            "--timestamp",
            &timestamp,
        ])
        .assert()
        .success()
        .stdout(nonce_line());
    let nonce = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let nonce = nonce.trim_end();
    let line = work_on(&block, &["--nonce", nonce]);
    assert_eq!(line, format!("{{\"block\":{block},\"work\":\"{nonce}\"}}"));
    // And with the signature, the result is a transaction the nodes take.
    let signed = json!({ "block": block, "signature": case.signature() });
    let line = work_on(&signed, &["--nonce", &nonce.to_ascii_lowercase()]);
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("tx.json", &line))
        .assert()
        .success();
}

#[test]
fn work_nonce_from_the_reference_is_attached() {
    let case = tx("valid LOCAL SEND");
    let line = work_on(&case.block(), &["--nonce", &case.work()]);
    assert_eq!(
        line,
        format!(
            "{{\"block\":{},\"work\":\"{}\"}}",
            case.block(),
            case.work()
        )
    );
}

#[test]
fn work_nonce_that_is_not_valid_is_refused() {
    let case = tx("valid LOCAL SEND");
    let block = case.block();
    let invalid = (0u64..)
        .map(Work::from_nonce)
        .find(|w| !work_is_valid_for(&w.to_hex(), &block))
        .unwrap();
    let dir = Dir::new();
    attosign()
        .arg("work")
        .arg(dir.file("block.json", block.to_string()))
        .args(["--nonce", &invalid.to_hex()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!(
            "nonce {} is not valid work for this block",
            invalid.to_hex()
        )))
        .stderr(contains(case.work_target.as_str()));
}

#[test]
fn work_nonce_that_is_not_hex_is_a_usage_error() {
    let block = tx("valid LOCAL SEND").block();
    let dir = Dir::new();
    for bad in ["XYZ", "00112233445566", "GG00000000000000"] {
        attosign()
            .arg("work")
            .arg(dir.file("block.json", block.to_string()))
            .args(["--nonce", bad])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--nonce"));
    }
}

#[cfg(target_arch = "x86_64")]
#[test]
fn work_kernel_neon_on_x86_is_a_usage_error_naming_the_kernels() {
    let block = tx("valid LOCAL SEND").block();
    let dir = Dir::new();
    attosign()
        .arg("work")
        .arg(dir.file("block.json", block.to_string()))
        .args(["--kernel", "neon"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("cannot run the neon kernel"))
        .stderr(contains("it has: "))
        .stderr(contains("portable"));
}

#[cfg(target_arch = "x86_64")]
#[test]
fn work_kernel_unavailable_json_error() {
    let out = run(attosign().args([
        "work",
        "--json",
        "--kernel",
        "neon",
        "--target",
        &"00".repeat(32),
        "--network",
        "local",
        "--timestamp",
        "1772113813464",
    ]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    let (code, message) = json_error(&out.stderr);
    assert_eq!(code, "kernel-unavailable");
    assert!(message.contains("portable"), "{message}");
}

#[test]
fn work_unknown_kernel_name_is_a_usage_error() {
    attosign()
        .args([
            "work",
            "--kernel",
            "cuda",
            "--target",
            &"00".repeat(32),
            "--network",
            "local",
        ])
        .args(["--timestamp", "1772113813464"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("cuda"));
}

#[test]
fn work_bad_target_is_a_usage_error() {
    for bad in [
        "00".repeat(31),
        "ZZ".repeat(32),
        "0".repeat(63),
        String::new(),
    ] {
        attosign()
            .args([
                "work",
                "--target",
                &bad,
                "--network",
                "local",
                "--timestamp",
                "1772113813464",
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--target must be 32 bytes as 64 hex digits"));
    }
}

#[test]
fn work_bad_network_is_a_usage_error() {
    attosign()
        .args([
            "work",
            "--target",
            &"00".repeat(32),
            "--network",
            "mainnet",
            "--timestamp",
            "1772113813464",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--network"))
        .stderr(contains("unknown network"));
}

#[test]
fn work_timestamp_before_2024_is_a_usage_error() {
    for early in ["1700000000000", "2023-12-31T23:59:59.999Z", "0"] {
        attosign()
            .args([
                "work",
                "--target",
                &"00".repeat(32),
                "--network",
                "local",
                "--timestamp",
                early,
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--timestamp"))
            .stderr(contains("before the network started"));
    }
}

#[test]
fn work_timestamp_that_is_no_time_is_a_usage_error() {
    for bad in ["yesterday", "2026-13-01T00:00:00Z", "99999999999999999999"] {
        attosign()
            .args([
                "work",
                "--target",
                &"00".repeat(32),
                "--network",
                "local",
                "--timestamp",
                bad,
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--timestamp"));
    }
}

#[test]
fn work_target_needs_network_and_timestamp() {
    attosign()
        .args(["work", "--target", &"00".repeat(32)])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--network"));
}

#[test]
fn work_file_and_target_conflict() {
    let dir = Dir::new();
    attosign()
        .arg("work")
        .arg(dir.file("block.json", "{}"))
        .args([
            "--target",
            &"00".repeat(32),
            "--network",
            "local",
            "--timestamp",
            "1772113813464",
        ])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn work_needs_a_file_or_a_target() {
    attosign()
        .arg("work")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("FILE"));
}

// ---------------------------------------------------------------------------------------------
// bench

fn bench_json(extra: &[&str]) -> serde_json::Map<String, Value> {
    let mut args = vec!["bench", "--seconds", "0.2", "--json"];
    args.extend_from_slice(extra);
    let out = stdout_of(&args);
    assert_eq!(out.lines().count(), 1, "one JSON object: {out:?}");
    let Value::Object(map) = serde_json::from_str(&out).unwrap() else {
        panic!("bench --json printed {out}");
    };
    let keys: Vec<&String> = map.keys().collect();
    assert_eq!(
        keys,
        ["kernel", "threads", "seconds", "hashes", "mhs"],
        "{out}"
    );
    assert!(
        ["portable", "avx2", "avx512", "neon"].contains(&map["kernel"].as_str().unwrap()),
        "{out}"
    );
    assert!(map["threads"].as_u64().is_some_and(|t| t >= 1), "{out}");
    assert!(map["seconds"].as_f64().is_some_and(|s| s > 0.0), "{out}");
    assert!(map["hashes"].as_u64().is_some_and(|h| h > 0), "{out}");
    assert!(map["mhs"].as_f64().is_some_and(|m| m > 0.0), "{out}");
    map
}

#[test]
fn bench_json_is_one_object_for_all_threads() {
    let map = bench_json(&[]);
    let cores = std::thread::available_parallelism().unwrap().get() as u64;
    assert_eq!(map["threads"], cores);
}

#[test]
fn bench_json_respects_threads() {
    let map = bench_json(&["--threads", "1"]);
    assert_eq!(map["threads"], 1);
}

#[test]
fn bench_json_respects_the_kernel() {
    let map = bench_json(&["--kernel", "portable", "--threads", "1"]);
    assert_eq!(map["kernel"], "portable");
}

#[test]
fn bench_prints_the_rate_for_people() {
    attosign()
        .args(["bench", "--seconds", "0.1", "--threads", "1"])
        .assert()
        .success()
        .stdout(contains("MH/s"))
        .stdout(contains("expected time per LIVE transaction"))
        .stderr(contains("measuring"));
}

#[test]
fn bench_seconds_must_be_positive() {
    for bad in ["0", "nan", "inf", "7200"] {
        attosign()
            .args(["bench", "--seconds", bad])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--seconds must be more than 0"));
    }
}

#[test]
fn bench_seconds_that_is_no_number_is_a_usage_error() {
    attosign()
        .args(["bench", "--seconds", "soon"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("soon"));
}

#[cfg(target_arch = "x86_64")]
#[test]
fn bench_kernel_neon_on_x86_is_a_usage_error() {
    attosign()
        .args(["bench", "--kernel", "neon", "--seconds", "0.1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("cannot run the neon kernel"))
        .stderr(contains("portable"));
}

// ---------------------------------------------------------------------------------------------
// usage

#[test]
fn unknown_flag_is_a_usage_error() {
    attosign()
        .args(["inspect", "--frobnicate", "x.json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--frobnicate"));
}

#[test]
fn unknown_command_is_a_usage_error() {
    attosign()
        .arg("frobnicate")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("frobnicate"));
}

#[test]
fn no_command_is_a_usage_error() {
    attosign()
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("Usage"));
}

#[test]
fn usage_error_with_json_is_a_json_error() {
    let out = run(attosign().args(["--json", "inspect", "--frobnicate", "x.json"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    let (code, message) = json_error(&out.stderr);
    assert_eq!(code, "usage");
    assert!(message.contains("--frobnicate"), "{message}");
}

#[test]
fn missing_argument_with_json_is_a_json_error() {
    let out = run(attosign().args(["inspect", "--json"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    let (code, _) = json_error(&out.stderr);
    assert_eq!(code, "usage");
}

#[test]
fn threads_out_of_range_is_a_usage_error() {
    attosign()
        .args(["bench", "--threads", "0", "--seconds", "0.1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--threads"));
}

#[test]
fn help_goes_to_stdout() {
    attosign()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Usage: attosign"))
        .stdout(contains("verify"))
        .stderr("");
}

#[test]
fn version_goes_to_stdout() {
    attosign()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("attosign {}\n", env!("CARGO_PKG_VERSION")))
        .stderr("");
}

// ---------------------------------------------------------------------------------------------
// completions and man

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(attosign().args(["completions", shell]));
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stdout.contains("attosign"), "{shell}: {}", out.stdout);
        assert!(
            out.stdout.contains("verify"),
            "{shell}: completes subcommands"
        );
        assert_eq!(out.stderr, "", "{shell}");
    }
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    attosign()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("tcsh"));
}

#[test]
fn man_prints_roff() {
    attosign()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^\.TH attosign 1").unwrap())
        .stdout(contains(".SH EXAMPLES"))
        .stderr("");
}

#[test]
fn man_out_dir_writes_a_page_per_command() {
    let dir = Dir::new();
    let out_dir = dir.path().join("man1");
    attosign()
        .args(["man", "--quiet", "--out-dir"])
        .arg(&out_dir)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    for page in [
        "attosign.1",
        "attosign-address.1",
        "attosign-work.1",
        "attosign-keys-new.1",
    ] {
        let text =
            std::fs::read_to_string(out_dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
}

// ---------------------------------------------------------------------------------------------
// Broken pipe

#[test]
fn closed_stdout_is_not_an_error() {
    // `attosign completions bash | head -c 10`: the reader leaving early is not a failure.
    // The read end is closed before the child writes (or, if it already wrote into the pipe
    // buffer, the outcome must be the same: status 0, nothing on stderr).
    for args in [
        &["completions", "bash"][..],
        &["man"][..],
        &["completions", "zsh"][..],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

/// Ctrl-C during proof of work ends with status 130, says so, and writes nothing on stdout.
/// LIVE in 2080 has threshold 31 (~5.7e17 hashes expected), so the search cannot finish first.
#[test]
fn ctrl_c_during_work_writes_nothing() {
    use std::process::Stdio;
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"))
        .args([
            "work",
            "--target",
            &"AB".repeat(32),
            "--network",
            "live",
            "--timestamp",
            "2080-06-01T00:00:00Z",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was written"));
}

/// NDJSON input is a batch: every document gets work in one search, and the output keeps
/// the input's order, one document per line.
#[test]
fn work_grinds_an_ndjson_batch_at_once() {
    let dir = TempDir::new().unwrap();
    let mut blocks = Vec::new();
    let mut ndjson = String::new();
    for name in LOCAL_VALID {
        let tx: Value = serde_json::from_str(&tx(name).json).unwrap();
        ndjson.push_str(
            &serde_json::to_string(&json!({ "block": tx["block"], "signature": tx["signature"] }))
                .unwrap(),
        );
        ndjson.push('\n');
        blocks.push(tx["block"].clone());
    }
    let path = dir.path().join("batch.ndjson");
    std::fs::write(&path, &ndjson).unwrap();
    let out = run(attosign().args(["work", "--threads", "2"]).arg(&path));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4);
    for (line, block) in lines.iter().zip(&blocks) {
        let doc: Value = serde_json::from_str(line).unwrap();
        assert_eq!(&doc["block"], block);
        assert!(work_is_valid_for(doc["work"].as_str().unwrap(), block));
        // Each line is now a complete transaction that verifies.
        let one = dir.path().join("one.json");
        std::fs::write(&one, line).unwrap();
        attosign().arg("verify").arg(&one).assert().success();
    }
}

#[test]
fn work_batch_names_the_bad_line_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let good = tx("valid LOCAL SEND").json;
    let path = dir.path().join("batch.ndjson");
    std::fs::write(&path, format!("{good}\n\n{{\"type\":\"SEND\"}}\n")).unwrap();
    let out = run(attosign().arg("work").arg(&path));
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("line 3") && out.stderr.contains("network"),
        "{}",
        out.stderr
    );
    let out = run(attosign()
        .args(["work", "--nonce", "0000000000000000"])
        .arg(&path));
    assert_eq!(out.code, 1, "{}", out.stderr);
    std::fs::write(&path, format!("{good}\n{good}\n")).unwrap();
    let out = run(attosign()
        .args(["work", "--nonce", "0000000000000000"])
        .arg(&path));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("2 documents"), "{}", out.stderr);
}

/// Review finding: `work` used to grind and print a complete transaction around a signature
/// that nodes reject. It must refuse before any work, naming the signature.
#[test]
fn work_refuses_a_document_with_a_bad_signature() {
    let dir = TempDir::new().unwrap();
    let mut tx: Value = serde_json::from_str(&tx("valid LOCAL SEND").json).unwrap();
    let signature = tx["signature"].as_str().unwrap().to_string();
    tx["signature"] = Value::String(format!("00{}", &signature[2..]));
    let doc = json!({ "block": tx["block"], "signature": tx["signature"] });
    let path = dir.path().join("bad.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let out = run(attosign().arg("work").arg(&path));
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("sign the block again"),
        "{}",
        out.stderr
    );
}

/// Files saved by some editors start with a UTF-8 byte-order mark.
#[test]
fn inspect_ignores_a_byte_order_mark() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bom.json");
    std::fs::write(&path, format!("\u{feff}{}", tx("valid LOCAL SEND").json)).unwrap();
    attosign()
        .args(["inspect", "--json"])
        .arg(&path)
        .assert()
        .success();
}

/// Review finding: a non-UTF-8 argument made the usage-error path panic (exit 101).
#[test]
fn non_utf8_argument_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let out = attosign()
        .arg("--bogus")
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
