//! Proof-of-work rates side by side on one thread: the AVX2 loops, the throughput floors of
//! their instruction mixes (vector only, and vector with the hybrid loop's scalar lane), `blake2b_simd::many` and the portable kernel, measured in alternating
//! rounds by thread CPU time, so that other load on a shared machine hits them all alike.
//! Prints each one's median and best rate and the ratios of the medians.
//!
//! `cargo run --release --example pow_side_by_side [ROUNDS]` (default 31).

use std::hint::black_box;
use std::time::Duration;

use attosign::work::{
    Avx2Loop, Avx512Loop, Kernel, avx2_floor, avx2_hybrid_floor, avx512_floor, scan_avx2_loop,
    scan_avx2_measured, scan_avx512_loop, search_range,
};
use blake2b_simd::Params;
use blake2b_simd::many::{HashManyJob, hash_many};

const TARGET: [u8; 32] = *b"attosign proof-of-work benchmark";

/// Hashes per measurement (the portable kernel does a quarter).
const HASHES: u64 = 1 << 20;

fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write to.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Million hashes per CPU second of `run`, which returns how many it hashed.
fn rate(run: impl FnOnce() -> u64) -> f64 {
    let t = cpu_time();
    let hashes = run();
    hashes as f64 / (cpu_time() - t).as_secs_f64() / 1e6
}

/// `blake2b_simd::many::hash_many` over the same 40-byte messages, 16 at a time, each value
/// compared with a threshold as the kernels do (the criterion baseline's loop).
fn hash_many_rate(hashes: u64) -> u64 {
    let mut params = Params::new();
    params.hash_length(8);
    let mut messages = [[0u8; 40]; 16];
    for m in &mut messages {
        m[8..].copy_from_slice(&TARGET);
    }
    let mut nonce = 0u64;
    for _ in 0..hashes / 16 {
        for m in &mut messages {
            m[..8].copy_from_slice(&nonce.to_le_bytes());
            nonce += 1;
        }
        let mut jobs: Vec<HashManyJob> = messages
            .iter()
            .map(|m| HashManyJob::new(&params, m))
            .collect();
        hash_many(jobs.iter_mut());
        black_box(jobs.iter().any(|j| {
            u64::from_le_bytes(j.to_hash().as_bytes().try_into().expect("8 bytes")) <= black_box(0)
        }));
    }
    hashes / 16 * 16
}

fn main() {
    let rounds: usize = match std::env::args().nth(1).map(|r| r.parse()) {
        None => 31,
        Some(Ok(r)) if r > 0 => r,
        Some(_) => {
            eprintln!("ROUNDS must be a positive whole number");
            std::process::exit(2);
        }
    };
    let best = Kernel::best();
    type Measure = Box<dyn Fn() -> Option<f64>>;
    let mut subjects: Vec<(String, Measure)> = vec![(
        format!("kernel {best} (auto)"),
        Box::new(move || {
            Some(rate(|| {
                search_range(best, &TARGET, 0, 0, HASHES).expect("the best kernel runs");
                HASHES
            }))
        }),
    )];
    for (name, which) in [
        ("avx512 compiled loop", Avx512Loop::Compiled),
        ("avx512 generated loop", Avx512Loop::Generated),
        ("avx512 hybrid loop", Avx512Loop::Hybrid),
        ("avx512 two-group loop", Avx512Loop::Generated2),
        ("avx512 two-group hybrid", Avx512Loop::Hybrid2),
    ] {
        subjects.push((
            name.into(),
            Box::new(move || {
                scan_avx512_loop(which, &TARGET, 0, 0, 1)?;
                Some(rate(|| {
                    scan_avx512_loop(which, &TARGET, 0, 0, HASHES)
                        .expect("AVX-512 was there a moment ago")
                        .0
                }))
            }),
        ));
    }
    subjects.push((
        "avx512 floor (operation mix)".into(),
        Box::new(|| {
            avx512_floor(1)?;
            Some(rate(|| {
                avx512_floor(HASHES).expect("AVX-512F was there a moment ago")
            }))
        }),
    ));
    for (name, which) in [
        ("avx2 scheduled loop", Avx2Loop::Scheduled),
        ("avx2 hybrid loop", Avx2Loop::Hybrid),
        ("avx2 compiled loop", Avx2Loop::Compiled),
    ] {
        subjects.push((
            name.into(),
            Box::new(move || {
                scan_avx2_loop(which, &TARGET, 0, 0, 1)?;
                let batches = HASHES / which.lanes();
                Some(rate(|| {
                    scan_avx2_loop(which, &TARGET, 0, 0, batches);
                    batches * which.lanes()
                }))
            }),
        ));
    }
    subjects.push((
        "avx2 measured choice".into(),
        Box::new(|| {
            scan_avx2_measured(&TARGET, 0, 0, 1)?;
            Some(rate(|| {
                scan_avx2_measured(&TARGET, 0, 0, HASHES).expect("AVX2 and BMI2 were there");
                HASHES
            }))
        }),
    ));
    subjects.push((
        "avx2 floor (operation mix)".into(),
        Box::new(|| {
            avx2_floor(1)?;
            Some(rate(|| {
                avx2_floor(HASHES).expect("AVX2 was there a moment ago")
            }))
        }),
    ));
    subjects.push((
        "avx2 hybrid floor (mix)".into(),
        Box::new(|| {
            avx2_hybrid_floor(1)?;
            Some(rate(|| {
                avx2_hybrid_floor(HASHES).expect("AVX2 and BMI2 were there a moment ago")
            }))
        }),
    ));
    subjects.push((
        "blake2b_simd hash_many/16".into(),
        Box::new(|| Some(rate(|| hash_many_rate(HASHES / 4)))),
    ));
    subjects.push((
        "portable".into(),
        Box::new(|| {
            Some(rate(|| {
                search_range(Kernel::Portable, &TARGET, 0, 0, HASHES / 4).expect("portable");
                HASHES / 4
            }))
        }),
    ));

    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); subjects.len()];
    for _ in 0..rounds {
        for (i, (_, measure)) in subjects.iter().enumerate() {
            if let Some(r) = measure() {
                rates[i].push(r);
            }
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (!v.is_empty()).then(|| (v[v.len() / 2], v[v.len() - 1]))
    };
    println!("{rounds} alternating rounds, MH/s per CPU second on one thread");
    let mut medians = Vec::new();
    for ((name, _), v) in subjects.iter().zip(&mut rates) {
        match median(v) {
            Some((m, b)) => println!("{name:28} median {m:6.2}  best {b:6.2}"),
            None => println!("{name:28} SKIPPED: this CPU lacks AVX2"),
        }
        medians.push(median(v).map(|(m, _)| m));
    }
    let at = |name: &str| {
        subjects
            .iter()
            .position(|(n, _)| n.starts_with(name))
            .expect("a subject by that name")
    };
    let ratio = |a: &str, b: &str| match (medians[at(a)], medians[at(b)]) {
        (Some(x), Some(y)) => format!("{:.2}", x / y),
        _ => "-".into(),
    };
    let base = "blake2b_simd";
    println!(
        "over hash_many: auto {}, avx2 hybrid {}, avx2 scheduled {}, avx2 floor {}, \
         avx2 hybrid floor {}",
        ratio("kernel", base),
        ratio("avx2 hybrid loop", base),
        ratio("avx2 scheduled", base),
        ratio("avx2 floor", base),
        ratio("avx2 hybrid floor", base),
    );
    println!(
        "avx512: hybrid / compiled {}, generated / compiled {}, two-group / compiled {}, \
         two-group hybrid / compiled {}, auto / compiled {}, auto / avx512 floor {}, \
         two-group hybrid / floor {}",
        ratio("avx512 hybrid loop", "avx512 compiled"),
        ratio("avx512 generated", "avx512 compiled"),
        ratio("avx512 two-group loop", "avx512 compiled"),
        ratio("avx512 two-group hybrid", "avx512 compiled"),
        ratio("kernel", "avx512 compiled"),
        ratio("kernel", "avx512 floor"),
        ratio("avx512 two-group hybrid", "avx512 floor"),
    );
    println!(
        "hybrid / hybrid floor {}, hybrid / floor {}, scheduled / floor {}, \
         hybrid / scheduled {}, scheduled / compiled {}, auto / floor {}, \
         measured choice / hybrid {}, measured choice / scheduled {}",
        ratio("avx2 hybrid loop", "avx2 hybrid floor"),
        ratio("avx2 hybrid loop", "avx2 floor"),
        ratio("avx2 scheduled", "avx2 floor"),
        ratio("avx2 hybrid loop", "avx2 scheduled"),
        ratio("avx2 scheduled", "avx2 compiled"),
        ratio("kernel", "avx2 floor"),
        ratio("avx2 measured choice", "avx2 hybrid loop"),
        ratio("avx2 measured choice", "avx2 scheduled"),
    );
    if let Some((_, (picked, hybrid))) = scan_avx2_measured(&TARGET, 0, 0, 0) {
        println!(
            "measured choice: {hybrid} of {picked} chunks ({:.1}%) ran the hybrid loop",
            100.0 * hybrid as f64 / picked.max(1) as f64
        );
    }
}
