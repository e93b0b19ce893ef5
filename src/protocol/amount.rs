//! Amounts: u64 raw units, 1 atto = 10^9 raw, never more than the total supply.
//!
//! Parsing is exact decimal arithmetic on the digits: a float could turn "0.1" atto into
//! 99999999 raw, and a signer must never round what it signs.

use super::Error;
use std::fmt;

const RAW_PER_ATTO: u64 = 1_000_000_000;

/// An amount or balance in raw units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub u64);

impl Amount {
    /// The total supply: 18,000,000,000 atto.
    pub const MAX: Amount = Amount(18_000_000_000_000_000_000);
    pub const ZERO: Amount = Amount(0);

    pub fn raw(self) -> u64 {
        self.0
    }

    /// Parses an amount in atto with up to 9 decimals, like `12.5` or `0.000000001`.
    pub fn parse_atto(text: &str) -> Result<Amount, Error> {
        let syntax = || Error::AmountSyntax(text.to_string());
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
            return Err(syntax());
        }
        if text.ends_with('.') || text.starts_with('.') {
            return Err(syntax());
        }
        if fraction.len() > 9 {
            return Err(Error::AmountPrecision(text.to_string()));
        }
        let overflow = || Error::AmountOverflow(text.to_string());
        let whole = whole.trim_start_matches('0');
        let whole: u64 = if whole.is_empty() {
            0
        } else if whole.len() > 20 {
            return Err(overflow());
        } else {
            whole.parse().map_err(|_| overflow())?
        };
        let mut frac: u64 = 0;
        for i in 0..9 {
            let digit = fraction
                .as_bytes()
                .get(i)
                .map_or(0, |b| u64::from(b - b'0'));
            frac = frac * 10 + digit;
        }
        let raw = whole
            .checked_mul(RAW_PER_ATTO)
            .and_then(|w| w.checked_add(frac))
            .ok_or_else(overflow)?;
        Amount::checked(raw).ok_or_else(overflow)
    }

    /// Parses a whole number of raw units.
    pub fn parse_raw(text: &str) -> Result<Amount, Error> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::AmountSyntax(text.to_string()));
        }
        let raw: u64 = text
            .parse()
            .map_err(|_| Error::AmountOverflow(text.to_string()))?;
        Amount::checked(raw).ok_or_else(|| Error::AmountOverflow(text.to_string()))
    }

    /// The amount, if it does not exceed the total supply.
    pub fn checked(raw: u64) -> Option<Amount> {
        (raw <= Amount::MAX.0).then_some(Amount(raw))
    }

    /// The amount in atto, with as many decimals as it needs (`12.5`, `0.000000001`, `3`).
    pub fn to_atto_string(self) -> String {
        let whole = self.0 / RAW_PER_ATTO;
        let frac = self.0 % RAW_PER_ATTO;
        if frac == 0 {
            whole.to_string()
        } else {
            let frac = format!("{frac:09}");
            format!("{whole}.{}", frac.trim_end_matches('0'))
        }
    }
}

impl fmt::Display for Amount {
    /// Atto with the unit, e.g. `12.5 atto (12500000000 raw)`: operators confirm both.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} atto ({} raw)", self.to_atto_string(), self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_exact_decimals() {
        assert_eq!(Amount::parse_atto("12.5"), Ok(Amount(12_500_000_000)));
        assert_eq!(Amount::parse_atto("0.000000001"), Ok(Amount(1)));
        assert_eq!(Amount::parse_atto("0.1"), Ok(Amount(100_000_000)));
        assert_eq!(Amount::parse_atto("007"), Ok(Amount(7_000_000_000)));
        assert_eq!(Amount::parse_atto("18000000000"), Ok(Amount::MAX));
    }

    #[test]
    fn rejects_bad_amounts() {
        for bad in [
            "", ".", "1.", ".5", "-1", "+1", "1e3", "1,5", " 1", "1.2.3", "0x10",
        ] {
            assert_eq!(
                Amount::parse_atto(bad),
                Err(Error::AmountSyntax(bad.into())),
                "{bad}"
            );
        }
        assert!(matches!(
            Amount::parse_atto("0.0000000001"),
            Err(Error::AmountPrecision(_))
        ));
        for big in [
            "18000000000.000000001",
            "18446744073.709551616",
            "99999999999999999999999",
        ] {
            assert!(
                matches!(Amount::parse_atto(big), Err(Error::AmountOverflow(_))),
                "{big}"
            );
        }
        assert!(matches!(
            Amount::parse_raw("18000000000000000001"),
            Err(Error::AmountOverflow(_))
        ));
        assert!(matches!(
            Amount::parse_raw("18446744073709551616"),
            Err(Error::AmountOverflow(_))
        ));
    }

    proptest! {
        #[test]
        fn atto_round_trips(raw in 0..=Amount::MAX.0) {
            let amount = Amount(raw);
            prop_assert_eq!(Amount::parse_atto(&amount.to_atto_string()), Ok(amount));
            prop_assert_eq!(Amount::parse_raw(&raw.to_string()), Ok(amount));
        }

        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = Amount::parse_atto(&text);
            let _ = Amount::parse_raw(&text);
        }
    }
}
