//! Public keys and `atto://` addresses: base32 of algorithm || public key || BLAKE2b-40
//! checksum, so a mistyped character is caught before any amount goes to it.

use super::Error;
use super::hex::{decode_hex_array, encode_hex};
use blake2::digest::consts::U5;
use blake2::{Blake2b, Digest};
use data_encoding::Encoding;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

const PREFIX: &str = "atto://";
const ADDRESS_BYTES: usize = 1 + 32 + 5;
const ADDRESS_CHARS: usize = 61;

/// RFC 4648 base32 in lower case without padding, as Atto addresses use it.
static BASE32_LOWER: LazyLock<Encoding> = LazyLock::new(|| {
    let mut spec = data_encoding::Specification::new();
    spec.symbols.push_str("abcdefghijklmnopqrstuvwxyz234567");
    spec.encoding().expect("a valid base32 alphabet")
});

/// The signature algorithm of a key, hash or signature; the protocol has one so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Algorithm {
    #[default]
    V1,
}

impl Algorithm {
    pub fn code(self) -> u8 {
        0
    }

    pub fn from_code(code: u8) -> Result<Algorithm, Error> {
        match code {
            0 => Ok(Algorithm::V1),
            other => Err(Error::UnknownAlgorithm(other.to_string())),
        }
    }

    pub fn name(self) -> &'static str {
        "V1"
    }

    pub fn parse(text: &str) -> Result<Algorithm, Error> {
        if text.eq_ignore_ascii_case("V1") {
            Ok(Algorithm::V1)
        } else {
            Err(Error::UnknownAlgorithm(format!("{text:?}")))
        }
    }
}

/// An Ed25519 public key: an account's identity.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicKey(pub [u8; 32]);

impl PublicKey {
    pub fn from_hex(text: &str) -> Result<PublicKey, Error> {
        decode_hex_array(text, "public key").map(PublicKey)
    }

    pub fn to_hex(&self) -> String {
        encode_hex(&self.0)
    }

    pub fn address(&self) -> Address {
        Address {
            algorithm: Algorithm::V1,
            public_key: *self,
        }
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_hex())
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// An account address: algorithm and public key, printed as `atto://…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Address {
    pub algorithm: Algorithm,
    pub public_key: PublicKey,
}

fn checksum(algorithm: Algorithm, public_key: &PublicKey) -> [u8; 5] {
    Blake2b::<U5>::new()
        .chain_update([algorithm.code()])
        .chain_update(public_key.0)
        .finalize()
        .into()
}

/// The 61 base32 characters of an address after `atto://`.
///
/// A payout run writes and reads the same few hundred addresses tens of thousands of times
/// (each block's JSON carries two, in the journal and in the output), so each thread
/// remembers up to [`REMEMBERED`] of them: a map lookup instead of a BLAKE2b and a base32
/// encoding. Only V1 exists; the algorithm's code is part of the key.
fn encoded(algorithm: Algorithm, public_key: &PublicKey) -> [u8; ADDRESS_CHARS] {
    thread_local! {
        // foldhash: seeded at random per process like std's SipHash (the keys come from
        // payout files), and several times faster for these 33-byte keys.
        static RECENT: std::cell::RefCell<
            HashMap<(u8, PublicKey), [u8; ADDRESS_CHARS], foldhash::fast::RandomState>,
        > = std::cell::RefCell::new(HashMap::default());
    }
    let code = algorithm.code();
    if let Some(text) = RECENT.with_borrow(|recent| recent.get(&(code, *public_key)).copied()) {
        return text;
    }
    let mut bytes = [0u8; ADDRESS_BYTES];
    bytes[0] = code;
    bytes[1..33].copy_from_slice(&public_key.0);
    bytes[33..].copy_from_slice(&checksum(algorithm, public_key));
    let mut text = [0u8; ADDRESS_CHARS];
    BASE32_LOWER.encode_mut(&bytes, &mut text);
    RECENT.with_borrow_mut(|recent| {
        if recent.len() >= REMEMBERED {
            recent.clear();
        }
        recent.insert((code, *public_key), text);
    });
    text
}

/// How many addresses each thread remembers (~100 bytes each).
const REMEMBERED: usize = 4096;

impl Address {
    /// Parses `atto://` followed by 61 base32 characters, checking the checksum.
    pub fn parse(text: &str) -> Result<Address, Error> {
        let Some(body) = text.strip_prefix(PREFIX) else {
            // Regression: an invisible character before `atto://` was reported as a missing
            // prefix, which the operator could see was there.
            let hidden = |c: char| crate::text::hidden(c).is_some();
            return Err(match text.chars().next() {
                Some(c) if hidden(c) && text.trim_start_matches(hidden).starts_with(PREFIX) => {
                    Error::AddressHiddenStart(c)
                }
                _ => Error::AddressPrefix,
            });
        };
        // Regression: a non-ASCII character made this say "61 characters, expected 61" (it
        // counted bytes, then reported characters). Characters are checked first, by name.
        if let Some((position, character)) = body
            .chars()
            .enumerate()
            .find(|(_, c)| !matches!(c, 'a'..='z' | '2'..='7'))
        {
            return Err(Error::AddressCharacter {
                character,
                position: position + 1,
            });
        }
        if body.len() != ADDRESS_CHARS {
            return Err(Error::AddressLength { got: body.len() });
        }
        // Every character is in the alphabet, so only the last one's unused bit can fail
        // (regression: that used to say "not lower-case base32" of a valid letter).
        let bytes = BASE32_LOWER.decode(body.as_bytes()).map_err(|_| {
            Error::AddressLastCharacter(body.chars().last().expect("61 characters"))
        })?;
        debug_assert_eq!(bytes.len(), ADDRESS_BYTES);
        let algorithm = Algorithm::from_code(bytes[0])?;
        let public_key = PublicKey(bytes[1..33].try_into().expect("32 bytes"));
        // The decoded bytes are canonical (the unused bit was checked), so the text is the
        // address of its key exactly when its checksum is right.
        if body.as_bytes() != encoded(algorithm, &public_key) {
            debug_assert_ne!(bytes[33..], checksum(algorithm, &public_key));
            return Err(Error::AddressChecksum);
        }
        Ok(Address {
            algorithm,
            public_key,
        })
    }

    /// Whether `text` is this address: what `Address::parse(text) == Ok(self)` says, without
    /// decoding it (an address has exactly one text, and each thread remembers recent ones;
    /// a chain's 10,000 blocks carry the same account address 10,000 times).
    pub fn is_written_as(&self, text: &str) -> bool {
        text.strip_prefix(PREFIX)
            .is_some_and(|body| body.as_bytes() == encoded(self.algorithm, &self.public_key))
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = encoded(self.algorithm, &self.public_key);
        f.write_str(PREFIX)?;
        f.write_str(std::str::from_utf8(&text).expect("base32 is ASCII"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_spec_example() {
        let key = PublicKey([2u8; 32]);
        assert_eq!(
            key.address().to_string(),
            "atto://aabaeaqcaibaeaqcaibaeaqcaibaeaqcaibaeaqcaibaeaqcaibaevjhdj47s"
        );
    }

    #[test]
    fn rejects_each_kind_of_bad_address() {
        let good = PublicKey([7u8; 32]).address().to_string();
        assert_eq!(Address::parse(&good[1..]), Err(Error::AddressPrefix));
        assert_eq!(
            Address::parse(&format!("\u{200B}{good}")),
            Err(Error::AddressHiddenStart('\u{200B}'))
        );
        assert_eq!(
            Address::parse(&format!("\u{FEFF}x{good}")),
            Err(Error::AddressPrefix)
        );
        assert_eq!(
            Address::parse(&good[..good.len() - 1]),
            Err(Error::AddressLength { got: 60 })
        );
        assert_eq!(
            Address::parse(&good.to_uppercase()),
            Err(Error::AddressPrefix)
        );
        let upper_body = format!("atto://{}", good[7..].to_uppercase());
        assert!(matches!(
            Address::parse(&upper_body),
            Err(Error::AddressCharacter { position: 1, .. })
        ));
        // A non-ASCII look-alike is named with its place, not counted as a length problem.
        let mut cyrillic = good.clone();
        cyrillic.replace_range(10..11, "\u{0430}");
        assert_eq!(
            Address::parse(&cyrillic),
            Err(Error::AddressCharacter {
                character: '\u{0430}',
                position: 4
            })
        );
        // The last character holds one unused bit: a letter that sets it is named as such.
        let last = good.as_bytes()[good.len() - 1];
        let alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        let index = alphabet.find(last as char).unwrap();
        let odd = alphabet.as_bytes()[index | 1] as char;
        let mut unused_bit = good[..good.len() - 1].to_string();
        unused_bit.push(odd);
        assert_eq!(
            Address::parse(&unused_bit),
            Err(Error::AddressLastCharacter(odd))
        );
        let mut flipped = good.clone().into_bytes();
        flipped[20] = if flipped[20] == b'a' { b'b' } else { b'a' };
        let flipped = String::from_utf8(flipped).unwrap();
        assert_eq!(Address::parse(&flipped), Err(Error::AddressChecksum));
    }

    proptest! {
        #[test]
        fn remembered_addresses_are_the_addresses_of_their_keys(
            keys in proptest::collection::vec(any::<[u8; 32]>(), 1..20),
        ) {
            // Each key asked three times, interleaved with the others: the remembered address
            // must never be another key's.
            let keys: Vec<PublicKey> = keys.into_iter().map(PublicKey).collect();
            for key in keys.iter().chain(&keys).chain(keys.iter().rev()) {
                let mut bytes = vec![0u8];
                bytes.extend_from_slice(&key.0);
                bytes.extend_from_slice(&checksum(Algorithm::V1, key));
                let expected = BASE32_LOWER.encode(&bytes);
                prop_assert_eq!(&encoded(Algorithm::V1, key)[..], expected.as_bytes());
            }
        }

        #[test]
        fn round_trips(key in any::<[u8; 32]>()) {
            let address = PublicKey(key).address();
            prop_assert_eq!(Address::parse(&address.to_string()), Ok(address));
        }

        #[test]
        fn is_written_as_agrees_with_parse(
            key in any::<[u8; 32]>(),
            other in any::<[u8; 32]>(),
            pos in 0usize..68,
            c in "[a-zA-Z2-9:/]",
            cut in 0usize..69,
        ) {
            let address = PublicKey(key).address();
            let text = address.to_string();
            let mut changed = text.clone();
            changed.replace_range(pos..pos + 1, &c);
            let texts = [
                text.clone(),
                changed,
                text[..cut].to_string(),
                format!("{text} "),
                text.to_uppercase(),
                text.trim_start_matches("atto://").to_string(),
                PublicKey(other).address().to_string(),
            ];
            for t in &texts {
                prop_assert_eq!(address.is_written_as(t), Address::parse(t) == Ok(address), "{}", t);
            }
        }

        #[test]
        fn never_panics(text in "(atto://)?[a-z2-7A-Z0-9]{0,70}") {
            let _ = Address::parse(&text);
        }

        #[test]
        fn any_single_character_change_is_caught(key in any::<[u8; 32]>(), pos in 7usize..68, c in "[a-z2-7]") {
            let text = PublicKey(key).address().to_string();
            let mut changed = text.clone();
            changed.replace_range(pos..pos + 1, &c);
            if changed != text {
                prop_assert!(Address::parse(&changed).is_err());
            }
        }
    }
}
