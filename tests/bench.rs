//! `attosign bench`: the hash-rate report and its arguments.

mod common;

use common::*;

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
    // Regression: 0.000001 was accepted and printed "~forever".
    for bad in ["0", "nan", "inf", "7200", "0.000001", "0.09"] {
        attosign()
            .args(["bench", "--seconds", bad])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("--seconds must be from 0.1 to 3600"));
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

/// Regression: Ctrl-C during `bench` killed the process by the signal, with no `--json`
/// error; now it stops the threads, exits 130 and says so, as `work` does.
#[test]
fn ctrl_c_during_bench_is_an_interruption() {
    let out = interrupted_after(
        &["bench", "--seconds", "60", "--json", "--kernel", "portable"],
        700,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{:?} {stderr}", out.status);
    assert!(out.stdout.is_empty());
    let error: Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
    assert_eq!(error["error"]["code"], "interrupted", "{stderr}");
}
