//! Scans a fixed run of nonces with one kernel and threshold 0, so that
//! `valgrind --tool=callgrind` can count the kernel's instructions per hash (a timed benchmark
//! under valgrind would miscount: its iteration count depends on the emulated speed).
//!
//! `cargo build --release --example pow_scan`, then
//! `valgrind --tool=callgrind target/release/examples/pow_scan avx2 1048576` and
//! `callgrind_annotate callgrind.out.*`: the kernel's own count (for `avx2`,
//! `attosign::work::avx2::hybrid_loop` or `scheduled_loop`, whichever this CPU runs) divided by
//! the nonces scanned is its instructions per hash.

use attosign::work::{Kernel, search_range};

const TARGET: [u8; 32] = *b"attosign proof-of-work benchmark";

fn main() {
    let mut args = std::env::args().skip(1);
    let kernel: Kernel = match args.next().map(|k| k.parse()) {
        Some(Ok(k)) => k,
        Some(Err(e)) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
        None => Kernel::best(),
    };
    let nonces: u64 = match args.next().map(|n| n.parse()) {
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("the nonce count must be a whole number: {e}");
            std::process::exit(2);
        }
        None => 1 << 20,
    };
    // Threshold 0: practically never met, so every nonce is hashed.
    match search_range(kernel, &TARGET, 0, 0, nonces) {
        Ok(found) => println!("{kernel}: {nonces} nonces scanned, found {found:?}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
