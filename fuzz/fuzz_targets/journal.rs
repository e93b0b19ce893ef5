//! Fuzzes the journal reader: whatever bytes a journal file holds, `Journal::open` returns a
//! journal or an error (damaged, torn tail), and never panics. Seed inputs are in
//! `corpus/journal/` (a journal with every record kind, and damaged variants).

#![no_main]

use attosign::journal::Journal;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One file per fuzzing process, rewritten for every input.
fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("attosign-fuzz-journal-{}", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    std::fs::write(path(), data).unwrap();
    if let Ok(journal) = Journal::open(path()) {
        let _ = journal.list_json(None).to_string();
        for entry in journal.entries() {
            let _ = journal.live_at(&entry.account, entry.height);
            let _ = journal.sent_since(&entry.account, 0, 0);
            // The walk down the chain below a block (voided blocks published after all).
            let tip = Some((entry.height, entry.hash));
            let _ = journal.sent_since_except(&entry.account, 0, 0, tip, |_| false);
            let _ = journal.live_above(&entry.account, entry.height);
            let _ = journal.voided(&entry.account, entry.height, &entry.hash);
        }
    }
});
