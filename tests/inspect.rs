//! `attosign inspect`: human and `--json` views of blocks and transactions, and how
//! malformed input is refused.

mod common;

use common::*;

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

/// Regression: numbers serde_json reads as floats were quoted in that form: "1.84e+19 is not
/// a whole number" for a u64 overflow, "1000.0" for `1e3`; and `version` was offered the u64
/// range. Each now says which way it is wrong, in the field's own range.
#[test]
fn numbers_out_of_range_say_which_way() {
    let dir = Dir::new();
    let base = tx("valid LOCAL SEND").block().to_string();
    for (field, literal, problem) in [
        (
            "height",
            "18446744073709551616",
            "too large; expected a whole number from 0 to 18446744073709551615",
        ),
        (
            "height",
            "1e3",
            "written with a decimal point or an exponent",
        ),
        (
            "height",
            "1000.0",
            "written with a decimal point or an exponent",
        ),
        ("height", "2.5", "not a whole number"),
        ("height", "-1", "negative"),
        (
            "version",
            "65536",
            "65536 is too large; expected a whole number from 0 to 65535",
        ),
        ("version", "\"x\"", "must be a whole number from 0 to 65535"),
    ] {
        let mut block: serde_json::Map<String, Value> = serde_json::from_str(&base).unwrap();
        block.insert(field.into(), json!("PLACEHOLDER"));
        let text = serde_json::to_string(&block)
            .unwrap()
            .replace("\"PLACEHOLDER\"", literal);
        let file = dir.file("n.json", &text);
        let out = run(attosign().arg("inspect").arg(&file));
        assert_eq!(out.code, 1, "{field} {literal}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("field \"{field}\": ")) && out.stderr.contains(problem),
            "{field} {literal}: {}",
            out.stderr
        );
        assert!(
            !out.stderr.contains("e+19") && !out.stderr.contains("1000.0"),
            "{}",
            out.stderr
        );
    }
}

/// Regression: a 10 KB value was echoed whole in the error message.
#[test]
fn a_huge_value_is_not_echoed_whole() {
    let dir = Dir::new();
    let mut block = tx("valid LOCAL SEND").block();
    block["network"] = json!("X".repeat(10_000));
    let file = dir.file("huge.json", block.to_string());
    let out = run(attosign().arg("inspect").arg(&file));
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("(10000 characters)"), "{}", out.stderr);
    assert!(out.stderr.len() < 1000, "{} bytes", out.stderr.len());
}

/// Regression (a review's finding): a pretty-printed transaction with a bad field was reported
/// by `work`, `qr` and `sign` as "line 1: EOF while parsing" (its first line read as NDJSON);
/// an array of transactions was "not hexadecimal"; a block with the signature and work inside
/// it had them dropped.
#[test]
fn documents_over_several_lines_and_other_shapes_are_named() {
    let case = tx("valid LOCAL OPEN");
    let dir = Dir::new();
    let mut value: serde_json::Value = serde_json::from_str(&case.json).unwrap();
    value["block"]["balance"] = serde_json::Value::String("abc".into());
    let pretty = dir.file("pretty.json", serde_json::to_string_pretty(&value).unwrap());
    for command in ["work", "qr"] {
        attosign()
            .args([command, pretty.to_str().unwrap()])
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                predicate::str::contains("balance")
                    .and(predicate::str::contains("EOF while parsing").not()),
            );
    }
    let array = dir.file("array.json", format!("[{}]", case.json));
    let flat = {
        let mut block = value["block"].clone();
        block["balance"] = serde_json::from_str::<serde_json::Value>(&case.json).unwrap()["block"]
            ["balance"]
            .clone();
        block["signature"] = value["signature"].clone();
        block["work"] = value["work"].clone();
        dir.file("flat.json", block.to_string())
    };
    for (file, says) in [(&array, "a JSON array"), (&flat, "\"signature\" in it")] {
        for command in ["verify", "work", "inspect"] {
            attosign()
                .args([command, file.to_str().unwrap()])
                .assert()
                .code(1)
                .stdout("")
                .stderr(predicate::str::contains(says));
        }
    }
}
