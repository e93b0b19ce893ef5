//! Destinations as people hand them over: a plain `atto://` address, or the official wallet's
//! payment request, which also carries the amount in raw units: `atto://ADDRESS?amount=RAW`
//! or `https://wallet.atto.cash?receiverAddress=ADDRESS&amount=RAW`.

use crate::protocol::{Address, Amount, Error as ProtocolError};

const WALLET_LINK: &str = "https://wallet.atto.cash";

/// A receiver, and the amount when the text was a payment request naming one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub address: Address,
    pub amount: Option<Amount>,
    /// Whether the text was a payment request (with a query), for the review.
    pub is_request: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaymentError {
    #[error("{0}")]
    Address(ProtocolError),
    #[error("the payment request's amount {0:?} is not a whole number of raw units")]
    Amount(String),
    /// Within the raw units' syntax, but more than there is (regression: said "not a whole
    /// number").
    #[error(
        "the payment request's amount {0:?} raw exceeds the maximum supply of 18000000000 \
         atto (18000000000000000000 raw)"
    )]
    AmountTooLarge(String),
    /// `receiverAddress` on another site than the official wallet's (regression: reported
    /// as an unknown parameter while naming it as known).
    #[error(
        "{0:?} is not the official wallet's payment link ({WALLET_LINK}?receiverAddress=…); \
         refusing a payment request from anywhere else"
    )]
    NotWalletLink(String),
    #[error("the payment request names {0:?} twice")]
    Repeated(&'static str),
    #[error("the payment request has no receiverAddress")]
    NoAddress,
    #[error(
        "unknown payment request parameter {0:?} (attosign knows amount and receiverAddress); \
         refusing to guess what it means"
    )]
    Unknown(String),
}

impl Destination {
    pub fn parse(text: &str) -> Result<Destination, PaymentError> {
        let text = text.trim();
        let (base, query) = match text.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (text, None),
        };
        let mut address_param = None;
        let mut amount_param = None;
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let slot = match key {
                "amount" => &mut amount_param,
                "receiverAddress" => &mut address_param,
                other => return Err(PaymentError::Unknown(other.chars().take(40).collect())),
            };
            if slot.replace(value).is_some() {
                return Err(PaymentError::Repeated(if key == "amount" {
                    "amount"
                } else {
                    "receiverAddress"
                }));
            }
        }
        let address_text = if base.trim_end_matches('/') == WALLET_LINK {
            let raw = address_param.ok_or(PaymentError::NoAddress)?;
            // The link form percent-encodes "://".
            raw.replace("%3A", ":")
                .replace("%3a", ":")
                .replace("%2F", "/")
                .replace("%2f", "/")
        } else {
            if address_param.is_some() {
                return Err(PaymentError::NotWalletLink(base.chars().take(60).collect()));
            }
            base.to_string()
        };
        let address = Address::parse(&address_text).map_err(PaymentError::Address)?;
        let amount = amount_param
            .map(|a| {
                let shown = || a.chars().take(40).collect();
                Amount::parse_raw(a).map_err(|e| match e {
                    ProtocolError::AmountOverflow(_) => PaymentError::AmountTooLarge(shown()),
                    _ => PaymentError::Amount(shown()),
                })
            })
            .transpose()?;
        Ok(Destination {
            address,
            amount,
            is_request: query.is_some(),
        })
    }

    /// The official wallet's payment request for `address`, with an amount when given.
    pub fn request_text(address: &Address, amount: Option<Amount>) -> String {
        match amount {
            Some(a) => format!("{address}?amount={}", a.0),
            None => address.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::PublicKey;
    use proptest::prelude::*;

    #[test]
    fn forms() {
        let address = PublicKey([9; 32]).address();
        let plain = Destination::parse(&address.to_string()).unwrap();
        assert_eq!((plain.amount, plain.is_request), (None, false));
        let request = Destination::parse(&format!("{address}?amount=12500000000")).unwrap();
        assert_eq!(request.amount, Some(Amount(12_500_000_000)));
        assert_eq!(request.address, address);
        let link = format!("https://wallet.atto.cash?receiverAddress={address}&amount=5");
        assert_eq!(Destination::parse(&link).unwrap().amount, Some(Amount(5)));
        let encoded = link
            .replace("://", "%3A%2F%2F")
            .replacen("https%3A%2F%2F", "https://", 1);
        assert_eq!(Destination::parse(&encoded).unwrap().address, address);
        assert!(Destination::parse(&format!("{address}?amount=1.5")).is_err());
        assert!(Destination::parse(&format!("{address}?amount=1&amount=2")).is_err());
        assert!(Destination::parse(&format!("{address}?memo=x")).is_err());
        assert!(Destination::parse("https://wallet.atto.cash?amount=1").is_err());
        let too_much = Destination::parse(&format!("{address}?amount=18000000000000000001"));
        assert!(
            matches!(too_much, Err(PaymentError::AmountTooLarge(_))),
            "{too_much:?}"
        );
        for elsewhere in ["https://evil.example", "http://wallet.atto.cash"] {
            let link = format!("{elsewhere}?receiverAddress={address}&amount=5");
            let err = Destination::parse(&link).unwrap_err();
            assert!(matches!(err, PaymentError::NotWalletLink(_)), "{err:?}");
            assert!(
                err.to_string().contains("not the official wallet's"),
                "{err}"
            );
        }
        assert_eq!(
            Destination::request_text(&address, Some(Amount(7))),
            format!("{address}?amount=7")
        );
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,120}") {
            let _ = Destination::parse(&text);
        }

        #[test]
        fn request_round_trips(key in any::<[u8; 32]>(), raw in 0..=Amount::MAX.0) {
            let address = PublicKey(key).address();
            let text = Destination::request_text(&address, Some(Amount(raw)));
            let parsed = Destination::parse(&text).unwrap();
            prop_assert_eq!(parsed.address, address);
            prop_assert_eq!(parsed.amount, Some(Amount(raw)));
        }
    }
}
