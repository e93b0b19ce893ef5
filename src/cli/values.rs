//! Parsers for argument values shared by several commands; a bad value is a usage error.

use super::Failure;

/// Epoch milliseconds, or an RFC 3339 time such as `2026-11-21T12:00:00Z`.
pub fn timestamp(text: &str) -> Result<i64, Failure> {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // Regression: the message said "does not fit in 64 bits" of values that fit in an
        // unsigned one; epoch milliseconds are signed.
        return text.parse().map_err(|_| {
            Failure::usage(format!(
                "--timestamp {} is out of range: epoch milliseconds are a signed 64-bit number, \
                 and a block's time lies between 2024 and the year 9999",
                attosign::text::shorten(text)
            ))
        });
    }
    let time = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|_| {
            Failure::usage(format!(
                "--timestamp {}: give epoch milliseconds or an RFC 3339 time like 2026-11-21T12:00:00Z",
                super::io::one_line(&attosign::text::shorten(text))
            ))
        })?;
    i64::try_from(time.unix_timestamp_nanos() / 1_000_000)
        .map_err(|_| Failure::usage("--timestamp is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms() {
        assert_eq!(timestamp("1704067200000").unwrap(), 1_704_067_200_000);
        assert_eq!(
            timestamp("2024-01-01T00:00:00Z").unwrap(),
            1_704_067_200_000
        );
        assert_eq!(
            timestamp("2024-01-01T01:00:00.5+01:00").unwrap(),
            1_704_067_200_500
        );
        assert!(timestamp("yesterday").is_err());
        for big in [
            "99999999999999999999",
            "18446744073709551615",
            "9223372036854775808",
        ] {
            let err = timestamp(big).unwrap_err().to_string();
            assert!(
                err.contains("signed 64-bit") && !err.contains("does not fit"),
                "{err}"
            );
        }
        assert_eq!(timestamp("9223372036854775807").unwrap(), i64::MAX);
        // Malformed, not out of range.
        for bad in ["-", "--5", "5-"] {
            let err = timestamp(bad).unwrap_err().to_string();
            assert!(
                err.contains("give epoch milliseconds or an RFC 3339"),
                "{bad}: {err}"
            );
        }
    }
}
