//! The one error type of the protocol layer: every variant names what was wrong with the input.

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
    #[error("address has {got} characters after \"atto://\", expected 61")]
    AddressLength { got: usize },
    #[error("address is not lower-case base32 (letters a-z and digits 2-7)")]
    AddressEncoding,
    #[error("address checksum does not match: a character was mistyped or lost")]
    AddressChecksum,
    #[error("unknown algorithm {0} (only V1 exists)")]
    UnknownAlgorithm(String),
    #[error("unknown block type {0} (expected OPEN, RECEIVE, SEND or CHANGE)")]
    UnknownBlockType(String),
    #[error("unknown network {0} (expected LIVE, BETA, DEV or LOCAL)")]
    UnknownNetwork(String),
    #[error("amount {0} is not a number of atto like 12.5 (at most 9 decimals)")]
    AmountSyntax(String),
    #[error("amount {0} has more than 9 decimals; 1 raw is 0.000000001 atto")]
    AmountPrecision(String),
    #[error("amount {0} exceeds the maximum supply of 18000000000 atto")]
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
    #[error("timestamp {0} is neither epoch milliseconds nor an RFC 3339 time")]
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
