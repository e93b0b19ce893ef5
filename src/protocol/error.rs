//! The one error type of the protocol layer: every variant names what was wrong with the input.

use crate::text::shorten;
use thiserror::Error;

/// What was wrong with a value, a byte string or a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{what}: expected {expected} hex digits, got {got}")]
    HexLength {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    #[error("{what}: not hexadecimal (use the digits 0-9 and A-F)")]
    NotHex { what: &'static str },
    #[error("address must start with \"atto://\"")]
    AddressPrefix,
    /// An invisible character before `atto://` (a zero-width space or byte-order mark copied
    /// along with the address).
    #[error(
        "address starts with the invisible character U+{:04X} before \"atto://\"; remove it",
        u32::from(*.0)
    )]
    AddressHiddenStart(char),
    #[error("address has {got} characters after \"atto://\", expected 61")]
    AddressLength { got: usize },
    #[error("address is not lower-case base32 (letters a-z and digits 2-7)")]
    AddressEncoding,
    /// A character outside the address alphabet, named with its place (1 = the first after
    /// `atto://`), since a non-ASCII look-alike is otherwise hard to find.
    #[error(
        "address has {character:?} (U+{:04X}) at position {position} after \"atto://\"; \
         addresses use only the letters a-z and digits 2-7",
        u32::from(*.character)
    )]
    AddressCharacter { character: char, position: usize },
    /// The 61st character carries one bit no address uses; a letter that sets it is valid
    /// base32 but never ends a real address.
    #[error(
        "address ends in {0:?}, which no address ends in (it sets an unused bit): the last \
         character was mistyped"
    )]
    AddressLastCharacter(char),
    #[error("address checksum does not match: a character was mistyped or lost")]
    AddressChecksum,
    #[error("unknown algorithm {} (only V1 exists)", shorten(.0))]
    UnknownAlgorithm(String),
    #[error("unknown block type {} (expected OPEN, RECEIVE, SEND or CHANGE)", shorten(.0))]
    UnknownBlockType(String),
    #[error("unknown network {} (expected LIVE, BETA, DEV or LOCAL)", shorten(.0))]
    UnknownNetwork(String),
    #[error(
        "amount {} is not a number of atto like 12.5 (at most 9 decimals)",
        crate::text::literal(.0)
    )]
    AmountSyntax(String),
    #[error("amount {} has more than 9 decimals; 1 raw is 0.000000001 atto", shorten(.0))]
    AmountPrecision(String),
    #[error("amount {} exceeds the maximum supply of 18000000000 atto", shorten(.0))]
    AmountOverflow(String),
    #[error("{what}: {got} bytes is too short, expected {expected}")]
    Truncated {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    #[error("{what}: {got} bytes, expected {expected}; there are trailing bytes")]
    TrailingBytes {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    #[error("timestamp {0} ms is before the network started (2024-01-01T00:00:00Z)")]
    TimestampBeforeGenesis(i64),
    #[error("timestamp {} is neither epoch milliseconds nor an RFC 3339 time", shorten(.0))]
    TimestampSyntax(String),
    #[error("timestamp {0} ms is after the year 9999; is it in microseconds or nanoseconds?")]
    TimestampOutOfRange(i64),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("missing field \"{0}\"")]
    MissingField(&'static str),
    #[error("field \"{field}\": {reason}")]
    Field { field: String, reason: String },
    #[error("{0}")]
    Mnemonic(String),
    #[error("key index {0} is out of range (0 to 2147483647)")]
    KeyIndex(u64),
    #[error("invalid private key: {0}")]
    PrivateKey(String),
}

impl Error {
    /// Wraps the error with the name of the JSON field it came from.
    pub(crate) fn in_field(self, field: &str) -> Error {
        match self {
            Error::Field { .. } | Error::MissingField(_) => self,
            other => Error::Field {
                field: field.to_string(),
                reason: other.to_string(),
            },
        }
    }
}
