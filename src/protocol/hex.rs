//! Hex as the protocol writes it: upper case on output, either case on input.

use super::Error;
use data_encoding::{HEXUPPER, HEXUPPER_PERMISSIVE};

/// Upper-case hex, as the reference prints every byte field.
pub fn encode_hex(bytes: &[u8]) -> String {
    HEXUPPER.encode(bytes)
}

/// Appends upper-case hex of `bytes` to `out`, without a string of its own.
pub fn append_hex(bytes: &[u8], out: &mut String) {
    HEXUPPER.encode_append(bytes, out);
}

/// Decodes hex of either case; `what` names the value in the error.
pub fn decode_hex(text: &str, what: &'static str) -> Result<Vec<u8>, Error> {
    if !text.len().is_multiple_of(2) {
        return Err(Error::NotHex { what });
    }
    HEXUPPER_PERMISSIVE
        .decode(text.as_bytes())
        .map_err(|_| Error::NotHex { what })
}

/// Decodes exactly `N` bytes of hex.
pub fn decode_hex_array<const N: usize>(text: &str, what: &'static str) -> Result<[u8; N], Error> {
    if text.len() != 2 * N {
        return Err(Error::HexLength {
            what,
            expected: 2 * N,
            got: text.chars().count(),
        });
    }
    // Straight into the array: a chain's documents carry several keys and hashes each.
    let mut out = [0u8; N];
    HEXUPPER_PERMISSIVE
        .decode_mut(text.as_bytes(), &mut out)
        .map_err(|_| Error::NotHex { what })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let upper = encode_hex(&bytes);
            prop_assert_eq!(decode_hex(&upper, "x").unwrap(), bytes.clone());
            prop_assert_eq!(decode_hex(&upper.to_lowercase(), "x").unwrap(), bytes);
        }

        #[test]
        fn arrays_decode_as_vectors_do(text in "[0-9a-fA-FgG]{64}") {
            prop_assert_eq!(
                decode_hex_array::<32>(&text, "x").map(Vec::from),
                decode_hex(&text, "x")
            );
        }

        #[test]
        fn never_panics(text in "\\PC{0,80}") {
            let _ = decode_hex(&text, "x");
            let _ = decode_hex_array::<32>(&text, "x");
        }
    }

    #[test]
    fn rejects_odd_length_and_non_hex() {
        assert_eq!(decode_hex("ABC", "x"), Err(Error::NotHex { what: "x" }));
        assert_eq!(decode_hex("GG", "x"), Err(Error::NotHex { what: "x" }));
        assert!(matches!(
            decode_hex_array::<2>("AABBCC", "x"),
            Err(Error::HexLength {
                expected: 4,
                got: 6,
                ..
            })
        ));
    }
}
