//! Fuzz what the online machine hands over besides blocks: account state, receivables (one or
//! NDJSON), the node's time, payment requests, payout files and address-book imports. None may
//! panic; an account that parses prints back to JSON that parses to the same account; the CSV
//! line numbers stay within the file's lines.
#![no_main]

use attosign::builder::Destination;
use attosign::builder::batch;
use attosign::{book, csvtext};
use attosign::protocol::{Account, NodeTime, Receivable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(account) = Account::from_json(text) {
        assert_eq!(Account::from_json(&account.to_json()), Ok(account));
    }
    let _ = Receivable::parse_many(text);
    let _ = NodeTime::from_json(text);
    let _ = Destination::parse(text);
    let _ = batch::parse(text, false);
    let _ = batch::parse(text, true);
    let _ = book::parse_import(text);
    let lines = csvtext::lines(text).count();
    let mut counter = csvtext::LineCounter::new(text);
    for offset in [0, text.len() / 2, text.len(), text.len() / 3] {
        let line = counter.line_of(offset as u64);
        assert!((1..=lines + 1).contains(&line), "{offset}: {line} of {lines}");
    }
    if let Some((line, field)) = csvtext::unclosed_quote(text) {
        assert!((1..=lines).contains(&line) && field >= 1, "{line}, {field} of {lines}");
    }
});
