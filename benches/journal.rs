//! Journal speed at the size DESIGN.md §4 promises to stay fast at: reading (and verifying)
//! a journal of 1,000,000 block entries, and appending 1, 100 and 10,000 records with their
//! one fsync.
//!
//! `cargo bench --bench journal`. The journal is generated once in a temporary directory
//! (a minute or so: one in ten entries carries its finished transaction, whose signature the
//! journal verifies on append). Criterion reports "thrpt" for `open` in bytes per second; the
//! entry count is printed alongside, for entries per second.

use attosign::journal::{Journal, Record};
use attosign::protocol::keys::PrivateKey;
use attosign::protocol::{
    Algorithm, Amount, Block, BlockBody, Hash, Network, PublicKey, Transaction, Work,
};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const ENTRIES: u64 = 1_000_000;
const ACCOUNTS: u64 = 100;
/// Records per append while generating: a large batch run, one fsync each.
const CHUNK: u64 = 10_000;

fn key(account: u64) -> PrivateKey {
    let mut bytes = [7u8; 32];
    bytes[..8].copy_from_slice(&account.to_le_bytes());
    PrivateKey::from_bytes(&bytes)
}

fn send(public_key: PublicKey, height: u64, salt: u64) -> Block {
    Block {
        network: Network::Live,
        version: 0,
        algorithm: Algorithm::V1,
        public_key,
        balance: Amount(18_000_000_000_000_000_000 - height * 1_000_000_000),
        timestamp: 1_764_500_000_000 + (height as i64) * 1000 + salt as i64,
        body: BlockBody::Send {
            height,
            previous: Hash([(height % 251) as u8; 32]),
            receiver_algorithm: Algorithm::V1,
            receiver: PublicKey([0xAB; 32]),
            amount: Amount(1_000_000_000),
        },
    }
}

fn block_record(block: Block, n: u64) -> Record {
    let mut request = [0u8; 32];
    request[..8].copy_from_slice(&n.to_le_bytes());
    Record::Block {
        block,
        intent: Some(format!("payout-2026-11-30-{n:07}")),
        request,
        file: Some([0x5F; 32]),
        time_ms: 1_764_500_000_000 + n as i64,
    }
}

fn generate(path: &Path) {
    let keys: Vec<PrivateKey> = (0..ACCOUNTS).map(key).collect();
    let publics: Vec<PublicKey> = keys.iter().map(PrivateKey::public_key).collect();
    let mut journal = Journal::create(path).unwrap();
    let mut locked = journal.lock(|| {}).unwrap();
    let mut n = 0;
    while n < ENTRIES {
        let mut records = Vec::with_capacity(CHUNK as usize * 2);
        for _ in 0..CHUNK {
            let account = (n % ACCOUNTS) as usize;
            let block = send(publics[account], 2 + n / ACCOUNTS, 0);
            if n % 10 == 0 {
                let signature = keys[account].sign(&block.hash());
                records.push(block_record(block.clone(), n));
                records.push(Record::Done {
                    transaction: Transaction {
                        block,
                        signature,
                        work: Work::from_nonce(n),
                    },
                    time_ms: 1_764_500_000_000 + n as i64,
                });
            } else {
                records.push(block_record(block, n));
            }
            n += 1;
        }
        locked.append(&records).unwrap();
    }
}

fn journal(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.journal");
    let started = std::time::Instant::now();
    generate(&big);
    let size = std::fs::metadata(&big).unwrap().len();
    eprintln!(
        "generated {ENTRIES} entries ({:.1} MB) in {:.1} s",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let mut group = c.benchmark_group("journal");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(size));
    group.bench_function(BenchmarkId::new("open", ENTRIES), |b| {
        b.iter(|| black_box(Journal::open(&big).unwrap().entries().count()))
    });

    // Appends go to a small journal of their own; each call is one write and one fsync.
    let small = dir.path().join("small.journal");
    let mut journal = Journal::create(&small).unwrap();
    let mut locked = journal.lock(|| {}).unwrap();
    let account = key(0).public_key();
    let mut height = 2;
    for count in [1u64, 100, 10_000] {
        group.throughput(Throughput::Elements(count));
        group.bench_function(BenchmarkId::new("append", count), |b| {
            b.iter_batched(
                || {
                    let records: Vec<Record> = (0..count)
                        .map(|i| block_record(send(account, height + i, 0), height + i))
                        .collect();
                    height += count;
                    records
                },
                |records| locked.append(&records).unwrap(),
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, journal);
criterion_main!(benches);
