//! Fuzz what the online machine hands over besides blocks: account state, receivables (one or
//! NDJSON), the node's time, payment requests and payout files. None may panic; an account
//! that parses prints back to JSON that parses to the same account.
#![no_main]

use attosign::builder::Destination;
use attosign::builder::batch;
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
});
