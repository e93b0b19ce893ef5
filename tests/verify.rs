//! `attosign verify`: the verdicts equal the reference's for every vector, and each failing
//! check is named.

mod common;

use common::*;

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

/// Regression: this used a vector dated 2034-06-01, which stops being "in the future" then.
/// The transaction is now made a day ahead of the clock when the test runs.
#[test]
fn verify_names_a_timestamp_in_the_future() {
    let ahead = now_ms() + 86_400_000;
    let dir = Dir::new();
    attosign()
        .arg("verify")
        .arg(dir.file("tx.json", local_send_at(ahead)))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains(format!(
            "FAILED  rules: timestamp {ahead} is more than a minute after"
        )))
        .stderr(contains("ok      signature"))
        .stderr(contains("ok      work"));
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
fn a_claimed_hash_cannot_print_lines_of_its_own() {
    // Regression: the claimed hash was quoted with its line breaks, so a file could make the
    // report show "ok      hash" and "valid transaction" lines attosign never wrote.
    let case = tx("valid LOCAL SEND");
    let dir = Dir::new();
    let mut value = case.value();
    value["block"]["hash"] = json!("X\nok      hash\nvalid transaction, all checks ok\n");
    let out = attosign()
        .arg("verify")
        .arg(dir.file("forged.json", value.to_string()))
        .assert()
        .code(3)
        .stdout("")
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("FAILED  hash: the document says X\u{FFFD}ok"),
        "{stderr}"
    );
    assert!(
        !stderr
            .lines()
            .any(|l| l.starts_with("ok      hash") || l.starts_with("valid")),
        "{stderr}"
    );
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
