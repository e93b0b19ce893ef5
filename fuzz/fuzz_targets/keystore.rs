//! Fuzzes what attosign reads from a keystore file: the age layer (with a fixed passphrase)
//! and the inner JSON document. Neither may panic, hang or allocate without bound, whatever
//! the bytes. Seed inputs are in `corpus/keystore/`.

#![no_main]

use attosign::keystore::{Keystore, Unlock};
use attosign::secret::SecretString;
use libfuzzer_sys::fuzz_target;

/// The passphrase of the seed keystore in the corpus (`corpus/keystore/keystore.age`).
const PASSPHRASE: &str = "fuzz";

/// Headers asking for more scrypt work than this are refused before any of it is done, which
/// is exactly the check under test; the seed keystore uses work factor 1.
const MAX_WORK_FACTOR: u8 = 4;

fuzz_target!(|data: &[u8]| {
    let _ = Keystore::from_document(data);
    let unlock = Unlock::Passphrase(SecretString::from(PASSPHRASE));
    let _ = Keystore::decrypt_with_limit(data, &unlock, MAX_WORK_FACTOR);
});
