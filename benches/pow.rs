//! Proof-of-work throughput: each kernel on one thread, against `blake2b_simd::many` hashing
//! the same 40-byte messages, so one run gives the kernel/baseline ratio. On x86-64 with AVX2
//! also both AVX2 loops by name (the scheduled one `avx2` runs on AMD, and LLVM's) and the
//! throughput floor of their operation mix (`avx2_floor`), so that one run also gives how
//! close the kernel comes to what the vector pipes allow.
//!
//! `cargo bench --bench pow -- --warm-up-time 1 --measurement-time 3`; criterion prints
//! "thrpt" in elements (hashes) per second.

use std::hint::black_box;

use attosign::work::{
    Avx2Loop, Avx512Loop, Kernel, scan_avx2_loop, scan_avx512_loop, search_range,
};
use blake2b_simd::Params;
use blake2b_simd::many::{HashManyJob, hash_many};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const TARGET: [u8; 32] = *b"attosign proof-of-work benchmark";

/// Nonces per kernel call: large enough that per-call setup (the midstate) vanishes.
const NONCES: u64 = 1 << 16;

fn kernels(c: &mut Criterion) {
    let mut group = c.benchmark_group("pow");
    group.throughput(Throughput::Elements(NONCES));
    for kernel in Kernel::available() {
        group.bench_function(BenchmarkId::new("kernel", kernel.name()), |b| {
            let mut start = 0u64;
            b.iter(|| {
                // Threshold 0: practically never found, so every nonce is hashed.
                let found = search_range(kernel, &TARGET, 0, start, NONCES).unwrap();
                start = start.wrapping_add(NONCES);
                black_box(found)
            });
        });
    }
    group.finish();
}

fn avx2_loops(c: &mut Criterion) {
    let mut group = c.benchmark_group("pow");
    group.throughput(Throughput::Elements(NONCES));
    for (name, which) in [
        ("scheduled", Avx2Loop::Scheduled),
        ("hybrid", Avx2Loop::Hybrid),
        ("compiled", Avx2Loop::Compiled),
    ] {
        if scan_avx2_loop(which, &TARGET, 0, 0, 1).is_none() {
            eprintln!("SKIPPED pow/avx2_loop/{name}: this CPU lacks AVX2 (or BMI2)");
            continue;
        }
        let batches = NONCES / which.lanes();
        group.throughput(Throughput::Elements(batches * which.lanes()));
        group.bench_function(BenchmarkId::new("avx2_loop", name), |b| {
            let mut start = 0u64;
            b.iter(|| {
                let found = scan_avx2_loop(which, &TARGET, 0, start, batches);
                start = start.wrapping_add(batches * which.lanes());
                black_box(found)
            });
        });
    }
    group.finish();
}

fn avx512_loops(c: &mut Criterion) {
    let mut group = c.benchmark_group("pow");
    for (name, which) in [
        ("compiled", Avx512Loop::Compiled),
        ("generated", Avx512Loop::Generated),
        ("hybrid", Avx512Loop::Hybrid),
        ("two_group", Avx512Loop::Generated2),
        ("two_group_hybrid", Avx512Loop::Hybrid2),
    ] {
        let Some((n, _)) = scan_avx512_loop(which, &TARGET, 0, 0, NONCES) else {
            eprintln!("SKIPPED pow/avx512_loop/{name}: this CPU lacks AVX-512F (or BMI2)");
            continue;
        };
        group.throughput(Throughput::Elements(n));
        group.bench_function(BenchmarkId::new("avx512_loop", name), |b| {
            let mut start = 0u64;
            b.iter(|| {
                let found = scan_avx512_loop(which, &TARGET, 0, start, NONCES);
                start = start.wrapping_add(n);
                black_box(found)
            });
        });
    }
    group.finish();
}

/// The throughput floor of the AVX2 kernels on this CPU (`attosign::work::avx2_floor`):
/// their operation mix with no dependencies, as hashes per second at the compression's
/// 1,306 operations per four hashes. A kernel can at best reach this rate.
fn avx2_floor(c: &mut Criterion) {
    let Some(hashes) = attosign::work::avx2_floor(1792) else {
        eprintln!("SKIPPED pow/avx2_floor: this CPU lacks AVX2");
        return;
    };
    let mut group = c.benchmark_group("pow");
    group.throughput(Throughput::Elements(hashes));
    group.bench_function("avx2_floor", |b| {
        b.iter(|| black_box(attosign::work::avx2_floor(black_box(1792))))
    });
    group.finish();
}

/// The throughput floor of the hybrid AVX2 loop's instruction mix
/// (`attosign::work::avx2_hybrid_floor`): the vector mix with the scalar lane's beside it.
fn avx2_hybrid_floor(c: &mut Criterion) {
    let Some(hashes) = attosign::work::avx2_hybrid_floor(1792) else {
        eprintln!("SKIPPED pow/avx2_hybrid_floor: this CPU lacks AVX2 or BMI2");
        return;
    };
    let mut group = c.benchmark_group("pow");
    group.throughput(Throughput::Elements(hashes));
    group.bench_function("avx2_hybrid_floor", |b| {
        b.iter(|| black_box(attosign::work::avx2_hybrid_floor(black_box(1792))))
    });
    group.finish();
}

/// The throughput floor of the generated AVX-512 loops' operation mix
/// (`attosign::work::avx512_floor`), at the two-group loop's operations per hash.
fn avx512_floor(c: &mut Criterion) {
    let Some(hashes) = attosign::work::avx512_floor(1792) else {
        eprintln!("SKIPPED pow/avx512_floor: this CPU lacks AVX-512F");
        return;
    };
    let mut group = c.benchmark_group("pow");
    group.throughput(Throughput::Elements(hashes));
    group.bench_function("avx512_floor", |b| {
        b.iter(|| black_box(attosign::work::avx512_floor(black_box(1792))))
    });
    group.finish();
}

fn baseline(c: &mut Criterion) {
    let params = {
        let mut p = Params::new();
        p.hash_length(8);
        p
    };
    let mut group = c.benchmark_group("pow");
    for batch in [8usize, 16] {
        group.throughput(Throughput::Elements(batch as u64));
        group.bench_function(BenchmarkId::new("blake2b_simd_hash_many", batch), |b| {
            let mut messages: Vec<[u8; 40]> = (0..batch)
                .map(|_| {
                    let mut m = [0u8; 40];
                    m[8..].copy_from_slice(&TARGET);
                    m
                })
                .collect();
            let mut nonce = 0u64;
            b.iter(|| {
                for m in &mut messages {
                    m[..8].copy_from_slice(&nonce.to_le_bytes());
                    nonce = nonce.wrapping_add(1);
                }
                let mut jobs: Vec<HashManyJob> = messages
                    .iter()
                    .map(|m| HashManyJob::new(&params, m))
                    .collect();
                hash_many(jobs.iter_mut());
                // What the kernels do with each value: compare it with the threshold.
                let found = jobs.iter().any(|j| {
                    let value = u64::from_le_bytes(j.to_hash().as_bytes().try_into().unwrap());
                    value <= black_box(0)
                });
                black_box(found)
            });
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    kernels,
    avx2_loops,
    avx512_loops,
    avx2_floor,
    avx2_hybrid_floor,
    avx512_floor,
    baseline
);
criterion_main!(benches);
