//! Fuzz the amount parsers: never panic, never exceed the supply, and round-trip exactly.
#![no_main]

use attosign::protocol::Amount;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for parsed in [Amount::parse_atto(text), Amount::parse_raw(text)] {
        if let Ok(amount) = parsed {
            assert!(amount <= Amount::MAX);
            assert_eq!(Amount::parse_atto(&amount.to_atto_string()), Ok(amount));
        }
    }
});
