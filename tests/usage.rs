//! Usage errors, help and version, and what happens when stdout goes away: the behaviour
//! shared by every command (exit status 2, `--json` error shape, broken pipes).

mod common;

use common::*;

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
    // Regression: the message repeated "error:" after the kind of error.
    assert!(!message.contains("error:"), "{message}");
    assert!(message.contains("usage: attosign inspect"), "{message}");
}

#[test]
fn missing_argument_with_json_is_a_json_error() {
    let out = run(attosign().args(["inspect", "--json"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    let (code, message) = json_error(&out.stderr);
    assert_eq!(code, "usage");
    // Regression: only clap's first line was kept, which names no argument.
    assert!(message.contains("<FILE>"), "{message}");
    assert!(!message.contains("error:"), "{message}");
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

#[test]
fn closed_stdout_is_not_an_error() {
    // `attosign completions bash | head -c 10`: the reader leaving early is not a failure.
    // The read end is closed before the child starts, so every write meets a broken pipe.
    for args in [
        &["completions", "bash"][..],
        &["man"][..],
        &["completions", "zsh"][..],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(writer))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
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
