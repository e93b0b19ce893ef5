//! Opens a journal and says how long reading it took: `cargo run --release --example
//! journal_open PATH`. The criterion benchmark (`benches/journal.rs`) makes its own journal;
//! this one measures a real one, such as `scripts/bench-payouts.sh` leaves.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: journal_open PATH");
    let started = Instant::now();
    let journal = attosign::journal::Journal::open(std::path::Path::new(&path)).unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let entries = journal.entries().count();
    println!(
        "{entries} block entries in {seconds:.3} s ({:.0} entries/s)",
        entries as f64 / seconds
    );
}
