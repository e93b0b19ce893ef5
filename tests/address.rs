//! `attosign address`: validation and conversion against the reference vectors.

mod common;

use common::*;

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

/// Regression: a non-ASCII look-alike made `address` say "61 characters, expected 61" (bytes
/// were counted, characters reported). The character and its place are named instead.
#[test]
fn a_non_ascii_character_is_named_with_its_place() {
    let good = &addresses().cases[0].address;
    let bad = format!("{}\u{0430}{}", &good[..10], &good[11..]);
    attosign()
        .args(["address", &bad])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("'а' (U+0430) at position 4"));
}

/// Regression: a letter that sets the last character's unused bit was "not lower-case
/// base32", though it is; the message now says the last character was mistyped.
#[test]
fn a_last_character_no_address_ends_in_is_named() {
    let good = &addresses().cases[0].address;
    let alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    let last = good.chars().last().unwrap();
    let odd = alphabet.as_bytes()[alphabet.find(last).unwrap() | 1] as char;
    let bad = format!("{}{odd}", &good[..good.len() - 1]);
    attosign()
        .args(["address", &bad])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!("address ends in '{odd}'")))
        .stderr(contains("base32").not());
}
