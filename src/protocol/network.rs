//! Networks and their proof-of-work thresholds, computed as the reference does (DESIGN.md §2):
//! the yearly decrease is truncated to an integer before dividing, so 2029 divides by 5.

use super::Error;
use std::fmt;
use std::str::FromStr;

/// 2024-01-01T00:00:00Z in epoch milliseconds: no block may be older.
pub const GENESIS_MS: i64 = 1_704_067_200_000;
const INITIAL_YEAR: i32 = 2024;
const INITIAL_LIVE_THRESHOLD: u64 = (1 << 33) - 1;

/// The network a block belongs to; a node refuses blocks of any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Network {
    Live,
    Beta,
    Dev,
    Local,
}

impl Network {
    pub const ALL: [Network; 4] = [Network::Live, Network::Beta, Network::Dev, Network::Local];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Result<Network, Error> {
        Network::ALL
            .get(usize::from(code))
            .copied()
            .ok_or_else(|| Error::UnknownNetwork(format!("code {code}")))
    }

    pub fn name(self) -> &'static str {
        match self {
            Network::Live => "LIVE",
            Network::Beta => "BETA",
            Network::Dev => "DEV",
            Network::Local => "LOCAL",
        }
    }

    /// How much easier than LIVE this network's proof of work is.
    fn threshold_factor(self) -> u64 {
        match self {
            Network::Live => 1,
            Network::Beta => 10,
            Network::Dev => 100,
            Network::Local => 100_000,
        }
    }
}

impl FromStr for Network {
    type Err = Error;

    /// Any case: `live`, `LIVE`, `Live`.
    fn from_str(text: &str) -> Result<Network, Error> {
        Network::ALL
            .into_iter()
            .find(|n| n.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| Error::UnknownNetwork(format!("{text:?}")))
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An RFC 3339 time such as `2026-11-21T12:00:00Z`, as epoch milliseconds.
pub fn parse_rfc3339(text: &str) -> Result<i64, Error> {
    let time = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|_| Error::TimestampSyntax(text.to_string()))?;
    i64::try_from(time.unix_timestamp_nanos() / 1_000_000)
        .map_err(|_| Error::TimestampSyntax(text.to_string()))
}

/// Epoch milliseconds (digits, optionally negative) or an RFC 3339 time.
pub fn parse_timestamp(text: &str) -> Result<i64, Error> {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse()
            .map_err(|_| Error::TimestampSyntax(text.to_string()));
    }
    parse_rfc3339(text)
}

/// Epoch milliseconds as RFC 3339 in UTC with milliseconds, e.g. `2026-11-21T12:00:00.000Z`.
pub fn format_rfc3339(ms: i64) -> String {
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| format!("{ms} ms"))
}

/// The UTC calendar year of an epoch-milliseconds timestamp.
pub fn year_of(timestamp_ms: i64) -> Result<i32, Error> {
    if timestamp_ms < GENESIS_MS {
        return Err(Error::TimestampBeforeGenesis(timestamp_ms));
    }
    let nanos = i128::from(timestamp_ms) * 1_000_000;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .map(|t| t.year())
        .map_err(|_| Error::TimestampOutOfRange(timestamp_ms))
}

/// The largest PoW value a block of this network and timestamp may have.
///
/// The reference computes `2.0.pow(years / 2.0).toULong()`; that is exactly the integer
/// square root of `2^years`, which avoids any doubt about floating-point rounding.
pub fn threshold(network: Network, timestamp_ms: i64) -> Result<u64, Error> {
    let years = u32::try_from(year_of(timestamp_ms)? - INITIAL_YEAR).expect("year >= 2024");
    let decrease = if years >= 128 {
        u64::MAX
    } else {
        u64::try_from((1u128 << years).isqrt()).unwrap_or(u64::MAX)
    };
    Ok(INITIAL_LIVE_THRESHOLD * network.threshold_factor() / decrease)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jan_first(year: i32) -> i64 {
        let date = time::Date::from_calendar_date(year, time::Month::January, 1).unwrap();
        (date.midnight().assume_utc().unix_timestamp_nanos() / 1_000_000) as i64
    }

    #[test]
    fn live_thresholds_from_design() {
        let expected = [
            (2024, 8589934591),
            (2025, 8589934591),
            (2026, 4294967295),
            (2027, 4294967295),
            (2028, 2147483647),
            (2029, 1717986918),
            (2030, 1073741823),
            (2031, 780903144),
        ];
        for (year, value) in expected {
            assert_eq!(
                threshold(Network::Live, jan_first(year)),
                Ok(value),
                "{year}"
            );
        }
    }

    #[test]
    fn before_genesis_is_an_error() {
        assert_eq!(
            threshold(Network::Live, GENESIS_MS - 1),
            Err(Error::TimestampBeforeGenesis(GENESIS_MS - 1))
        );
        assert_eq!(year_of(GENESIS_MS), Ok(2024));
        assert_eq!(year_of(jan_first(2025) - 1), Ok(2024));
    }

    #[test]
    fn far_future_does_not_overflow() {
        // 2^(7975/2) saturates: no nonce is easy enough, rather than a panic.
        assert_eq!(threshold(Network::Live, jan_first(9999)), Ok(0));
        assert!(threshold(Network::Local, i64::MAX).is_err());
    }

    #[test]
    fn names_in_any_case() {
        assert_eq!("live".parse(), Ok(Network::Live));
        assert_eq!("Local".parse(), Ok(Network::Local));
        assert!("main".parse::<Network>().is_err());
        for n in Network::ALL {
            assert_eq!(Network::from_code(n.code()), Ok(n));
        }
        assert!(Network::from_code(4).is_err());
    }
}
