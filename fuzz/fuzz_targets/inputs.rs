//! Fuzz the small inputs an operator or the online machine hands over as text: the work
//! server's answer, a mnemonic file, a private-key file and timestamps (`--timestamp`, the
//! node's instants). None may panic; a timestamp that parses prints back as RFC 3339 that
//! parses to the same instant.
#![no_main]

use attosign::protocol::keys::{Mnemonic, PrivateKey};
use attosign::protocol::{Work, format_rfc3339, parse_rfc3339, parse_timestamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(nonce) = Work::server_answer(text) {
        let _ = Work::from_hex(&nonce);
    }
    if let Ok(m) = Mnemonic::parse(text) {
        assert_eq!(Mnemonic::parse(m.phrase()).map(|m| m.phrase().to_string()).ok(), Some(m.phrase().to_string()));
    }
    let _ = PrivateKey::from_hex(text);
    if let Ok(ms) = parse_timestamp(text) {
        let printed = format_rfc3339(ms);
        if let Ok(back) = parse_rfc3339(&printed) {
            assert_eq!(back, ms, "{printed}");
        }
    }
    let _ = parse_rfc3339(text);
});
