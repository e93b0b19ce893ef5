//! Proof-of-work throughput: each kernel on one thread, against `blake2b_simd::many` hashing
//! the same 40-byte messages, so one run gives the kernel/baseline ratio.
//!
//! `cargo bench --bench pow -- --warm-up-time 1 --measurement-time 3`; criterion prints
//! "thrpt" in elements (hashes) per second.

use std::hint::black_box;

use attosign::work::{Kernel, search_range};
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

criterion_group!(benches, kernels, baseline);
criterion_main!(benches);
