//! Fuzz the address parser: never panics, and what it accepts prints back identically.
#![no_main]

use attosign::protocol::Address;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(address) = Address::parse(text) {
        assert_eq!(address.to_string(), text);
    }
});
