//! Fuzz what `attosign decode` reads from a scanner: never panics, and every line it accepts
//! is exactly the payload of the transaction it yields (after the scanner label).
#![no_main]

use attosign::qr;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for line in text.lines() {
        if let Ok(tx) = qr::parse_scanned(line) {
            let payload = qr::payload(&tx);
            assert!(line.trim().ends_with(&payload));
            assert_eq!(qr::parse_payload(&payload).ok(), Some(tx));
        }
    }
});
