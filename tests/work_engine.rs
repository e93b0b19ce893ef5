//! The proof-of-work engine through its public API: every kernel this CPU runs agrees with
//! the reference `work_value`, and `solve` finds valid nonces, shares threads between jobs,
//! cancels, and refuses kernels the CPU lacks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use attosign::work::{
    Job, Kernel, Options, Progress, WorkError, bench, expected_hashes, search_range, solve,
    solve_one, work_value,
};
use proptest::prelude::*;
use serde::Deserialize;

/// Thresholds that keep tests fast: ~4096 hashes per nonce.
const EASY: u64 = u64::MAX >> 12;

/// The first nonce of `count` from `start` (wrapping) whose value is <= `threshold`, by the
/// reference implementation.
fn reference_first(target: &[u8; 32], threshold: u64, start: u64, count: u64) -> Option<u64> {
    (0..count)
        .map(|i| start.wrapping_add(i))
        .find(|&n| work_value(n, target) <= threshold)
}

fn options(kernel: Kernel, threads: usize) -> Options {
    Options {
        threads,
        kernel,
        cancel: None,
        start: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Ranges of every length (whole SIMD batches, partial ones, and the scalar tail), near
    /// and across u64::MAX, with thresholds anywhere.
    #[test]
    fn kernels_find_what_the_reference_finds(
        target in any::<[u8; 32]>(),
        start in prop_oneof![any::<u64>(), (u64::MAX - 80)..=u64::MAX],
        count in 1u64..100,
        threshold in any::<u64>(),
    ) {
        let expected = reference_first(&target, threshold, start, count);
        for kernel in Kernel::available() {
            prop_assert_eq!(
                search_range(kernel, &target, threshold, start, count),
                Ok(expected),
                "{}", kernel
            );
        }
    }

    /// The threshold right at the smallest value in a range finds exactly that nonce; one
    /// less finds nothing. This pins down the comparison (<=, unsigned, all 64 bits).
    #[test]
    fn threshold_at_the_value_is_found_and_one_below_is_not(
        target in any::<[u8; 32]>(),
        start in any::<u64>(),
        count in 1u64..70,
    ) {
        let (best, value) = (0..count)
            .map(|i| start.wrapping_add(i))
            .map(|n| (n, work_value(n, &target)))
            .min_by_key(|&(_, v)| v)
            .unwrap();
        prop_assume!(reference_first(&target, value, start, count) == Some(best)); // no tie
        for kernel in Kernel::available() {
            prop_assert_eq!(search_range(kernel, &target, value, start, count), Ok(Some(best)));
            if let Some(below) = value.checked_sub(1) {
                prop_assert_eq!(search_range(kernel, &target, below, start, count), Ok(None));
            }
        }
    }
}

/// `vectors/work.json`: values and nonces from the reference implementation.
#[derive(Deserialize)]
struct WorkVectors {
    cases: Vec<WorkCase>,
}

#[derive(Deserialize)]
struct WorkCase {
    network: String,
    target: String,
    nonce: String,
    value: String,
    threshold: String,
    valid: bool,
    source: String,
}

fn hex32(s: &str) -> [u8; 32] {
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect();
    bytes.try_into().expect("32 bytes")
}

#[test]
fn kernels_match_the_reference_vectors() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/work.json");
    let file: WorkVectors = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut firsts = 0;
    for case in &file.cases {
        let name = format!("{} nonce {} ({})", case.network, case.nonce, case.source);
        let target = hex32(&case.target);
        let nonce: u64 = case.nonce.parse().unwrap();
        let value: u64 = case.value.parse().unwrap();
        let threshold: u64 = case.threshold.parse().unwrap();
        assert_eq!(work_value(nonce, &target), value, "{name}");
        // "first valid nonce counting up from S": the kernels must find that very nonce.
        let from = case
            .source
            .split_once("counting up from 0")
            .map(|_| 0)
            .or_else(|| {
                let (_, hex) = case.source.split_once("counting up (LE) from ")?;
                let bytes = u64::from_str_radix(&hex[..16], 16).ok()?;
                Some(u64::from_le_bytes(bytes.to_be_bytes()))
            });
        let first = from.filter(|&from| nonce.wrapping_sub(from) < 1 << 20);
        for kernel in Kernel::available() {
            // The nonce in the middle of a SIMD batch, with the threshold at its value and one
            // below.
            let start = nonce.wrapping_sub(5);
            let found = search_range(kernel, &target, value, start, 16).unwrap();
            assert!(
                found.is_some_and(|n| n.wrapping_sub(start) <= 5),
                "{kernel}: {name}"
            );
            if let Some(below) = value.checked_sub(1) {
                let found = search_range(kernel, &target, below, start, 16).unwrap();
                assert_ne!(found, Some(nonce), "{kernel}: {name}");
            }
            let at = search_range(kernel, &target, threshold, nonce, 16).unwrap();
            assert_eq!(at == Some(nonce), case.valid, "{kernel}: {name}");
            if let Some(from) = first {
                let count = nonce.wrapping_sub(from) + 1;
                let found = search_range(kernel, &target, threshold, from, count);
                assert_eq!(found, Ok(Some(nonce)), "{kernel}: {name}");
                firsts += 1;
            }
        }
    }
    assert!(
        firsts >= 8,
        "only {firsts} first-nonce vectors were cheap enough to check"
    );
}

#[test]
fn kernels_agree_with_the_reference_over_a_long_run() {
    // Many finds in one long range: every kernel must return the same sequence.
    let target = *b"a long run of nonces, many finds";
    let threshold = u64::MAX >> 7;
    let end = 40_000u64;
    for kernel in Kernel::available() {
        let mut from = 0;
        let mut finds = 0;
        while let Some(n) = search_range(kernel, &target, threshold, from, end - from).unwrap() {
            assert_eq!(
                reference_first(&target, threshold, from, n - from + 1),
                Some(n),
                "{kernel}"
            );
            from = n + 1;
            finds += 1;
        }
        assert_eq!(
            reference_first(&target, threshold, from, end - from),
            None,
            "{kernel}"
        );
        assert!(finds > 100, "{kernel}: {finds}");
    }
}

#[test]
fn every_kernel_solves_with_valid_nonces() {
    for kernel in Kernel::available() {
        let job = Job {
            target: [kernel as u8; 32],
            threshold: EASY,
        };
        let nonce = solve_one(&job, &options(kernel, 2)).unwrap();
        assert!(work_value(nonce, &job.target) <= job.threshold, "{kernel}");
    }
}

#[test]
fn a_batch_of_jobs_is_solved_in_order() {
    let jobs: Vec<Job> = (0..7u8)
        .map(|i| Job {
            target: [i.wrapping_mul(41); 32],
            threshold: EASY >> (i % 3),
        })
        .collect();
    let mut reports: Vec<Progress> = Vec::new();
    let nonces = solve(&jobs, &options(Kernel::best(), 0), &mut |p| {
        reports.push(p.clone())
    })
    .unwrap();
    assert_eq!(nonces.len(), jobs.len());
    for (job, &nonce) in jobs.iter().zip(&nonces) {
        assert!(work_value(nonce, &job.target) <= job.threshold);
    }
    let last = reports.last().expect("progress is reported at the end");
    assert_eq!((last.solved, last.jobs), (jobs.len(), jobs.len()));
    assert_eq!(last.expected_hashes, 0.0);
    assert!(last.hashes >= jobs.len() as u64);
}

#[test]
fn more_jobs_than_threads_and_more_threads_than_jobs() {
    let jobs: Vec<Job> = (0..3u8)
        .map(|i| Job {
            target: [i; 32],
            threshold: EASY,
        })
        .collect();
    for threads in [1, 8] {
        let nonces = solve(&jobs, &options(Kernel::Portable, threads), &mut |_| {}).unwrap();
        for (job, nonce) in jobs.iter().zip(nonces) {
            assert!(work_value(nonce, &job.target) <= job.threshold);
        }
    }
}

#[test]
fn a_fixed_start_on_one_thread_gives_the_first_nonce() {
    let job = Job {
        target: [9; 32],
        threshold: EASY,
    };
    let opts = Options {
        start: Some(1000),
        ..options(Kernel::best(), 1)
    };
    let expected = reference_first(&job.target, job.threshold, 1000, 1 << 20);
    assert_eq!(solve_one(&job, &opts).ok(), expected);
}

#[test]
fn cancel_from_another_thread_stops_the_search() {
    let cancel = Arc::new(AtomicBool::new(false));
    let opts = Options {
        cancel: Some(cancel.clone()),
        ..options(Kernel::best(), 2)
    };
    let setter = thread::spawn(move || {
        thread::sleep(Duration::from_millis(50));
        cancel.store(true, Ordering::Relaxed);
    });
    // Threshold 0: never solved in practice, so only the cancel can end it.
    let jobs = [
        Job {
            target: [1; 32],
            threshold: 0,
        },
        Job {
            target: [2; 32],
            threshold: EASY,
        },
    ];
    let result = solve(&jobs, &opts, &mut |_| {});
    setter.join().unwrap();
    assert_eq!(result, Err(WorkError::Cancelled));
}

#[test]
fn a_cancel_set_before_starting_returns_at_once() {
    let opts = Options {
        cancel: Some(Arc::new(AtomicBool::new(true))),
        ..options(Kernel::Portable, 1)
    };
    let job = Job {
        target: [3; 32],
        threshold: 0,
    };
    assert_eq!(solve_one(&job, &opts), Err(WorkError::Cancelled));
}

#[test]
fn kernels_this_cpu_lacks_are_refused() {
    let available = Kernel::available();
    for &kernel in Kernel::ALL {
        let job = Job {
            target: [0; 32],
            threshold: u64::MAX,
        };
        let result = solve_one(&job, &options(kernel, 1));
        if kernel.is_available() {
            assert!(result.is_ok(), "{kernel}: {result:?}");
        } else {
            let expected = WorkError::KernelUnavailable {
                kernel,
                available: available.clone(),
            };
            assert_eq!(result, Err(expected.clone()));
            assert_eq!(
                search_range(kernel, &job.target, 0, 0, 1),
                Err(expected.clone())
            );
            assert_eq!(
                bench(kernel, 1, Duration::ZERO, None).unwrap_err(),
                expected
            );
        }
    }
}

#[test]
fn the_unavailable_kernel_error_names_the_ones_to_use() {
    let err = WorkError::KernelUnavailable {
        kernel: Kernel::Avx512,
        available: vec![Kernel::Avx2, Kernel::Portable],
    };
    let message = err.to_string();
    assert!(message.contains("avx512"), "{message}");
    assert!(message.contains("avx2, portable"), "{message}");
}

#[test]
fn kernel_names_parse_and_unknown_ones_list_the_valid_names() {
    for &kernel in Kernel::ALL {
        assert_eq!(kernel.name().parse::<Kernel>(), Ok(kernel));
    }
    let err = "sse9".parse::<Kernel>().unwrap_err();
    assert!(
        err.contains("portable") && err.contains("avx2") && err.contains("avx512"),
        "{err}"
    );
    assert_eq!(Kernel::available()[0], Kernel::best());
}

#[test]
fn bench_runs_every_available_kernel() {
    for kernel in Kernel::available() {
        let report = bench(kernel, 1, Duration::from_millis(30), None).unwrap();
        assert_eq!((report.kernel, report.threads), (kernel, 1));
        assert!(report.hashes > 0 && report.mhs() > 0.0, "{report:?}");
    }
}

#[test]
fn expected_hashes_matches_the_threshold() {
    assert_eq!(expected_hashes(EASY), 4096.0);
    assert_eq!(expected_hashes(u64::MAX), 1.0);
}
