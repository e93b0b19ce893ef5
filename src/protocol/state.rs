//! What the online machine fetched from a node: the account state (`GET /accounts/{publicKey}`,
//! the reference's `AttoAccount`), receivables (`AttoReceivable`, one per line as the node
//! streams them) and the node's clock (`GET /instants/{now}`).
//!
//! Field names and order are the reference's; u64 values are read as numbers or decimal
//! strings (balances above 2^53 are common) and written as numbers, like `toJson()`.

use super::Error;
use super::address::{Algorithm, PublicKey};
use super::amount::Amount;
use super::block::{Block, BlockBody, Hash};
use super::json::{
    algorithm_field, amount_field, field, hash_field, i64_field, key_field, parse_json, str_field,
    u64_field,
};
use super::network::Network;
use serde_json::{Map, Value};

/// An opened account's state as the node reports it, i.e. after its last block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub public_key: PublicKey,
    pub network: Network,
    pub version: u16,
    pub algorithm: Algorithm,
    pub height: u64,
    pub balance: Amount,
    pub last_hash: Hash,
    /// Epoch milliseconds of the last block.
    pub last_timestamp: i64,
    pub representative_algorithm: Algorithm,
    pub representative: PublicKey,
}

/// A SEND waiting to be received: the node's `AttoReceivable`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receivable {
    /// Absent in the seed spec's example; then the account's network or `--network` decides.
    pub network: Option<Network>,
    /// The SEND block's hash.
    pub hash: Hash,
    pub version: u16,
    /// The sender's algorithm and key.
    pub algorithm: Algorithm,
    pub sender: PublicKey,
    /// Epoch milliseconds of the SEND.
    pub timestamp: i64,
    pub receiver_algorithm: Algorithm,
    pub receiver: PublicKey,
    pub amount: Amount,
}

/// The node's answer to `GET /instants/{now}`, saved when the state was fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeTime {
    pub client_instant: i64,
    pub server_instant: i64,
    pub difference_millis: i64,
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, Error> {
    value
        .as_object()
        .ok_or_else(|| Error::Json(format!("{what} must be a JSON object")))
}

fn version_field(obj: &Map<String, Value>) -> Result<u16, Error> {
    let version = u64_field(obj, "version")?;
    u16::try_from(version).map_err(|_| Error::Field {
        field: "version".into(),
        reason: format!("{version} does not fit in 16 bits"),
    })
}

fn network_field(obj: &Map<String, Value>) -> Result<Network, Error> {
    str_field(obj, "network")?
        .parse()
        .map_err(|e: Error| e.in_field("network"))
}

/// Epoch milliseconds as a number or decimal string, or an RFC 3339 time.
fn instant_field(obj: &Map<String, Value>, name: &'static str) -> Result<i64, Error> {
    if let Value::String(text) = field(obj, name)?
        && text.contains('T')
    {
        return super::network::parse_rfc3339(text).map_err(|e| e.in_field(name));
    }
    i64_field(obj, name)
}

impl Account {
    pub fn from_json(text: &str) -> Result<Account, Error> {
        Account::from_value(&parse_json(text)?)
    }

    pub fn from_value(value: &Value) -> Result<Account, Error> {
        let obj = object(value, "an account")?;
        Ok(Account {
            public_key: key_field(obj, "publicKey")?,
            network: network_field(obj)?,
            version: version_field(obj)?,
            algorithm: algorithm_field(obj, "algorithm")?,
            height: u64_field(obj, "height")?,
            balance: amount_field(obj, "balance")?,
            last_hash: hash_field(obj, "lastTransactionHash")?,
            last_timestamp: instant_field(obj, "lastTransactionTimestamp")?,
            representative_algorithm: algorithm_field(obj, "representativeAlgorithm")?,
            representative: key_field(obj, "representativePublicKey")?,
        })
    }

    /// The reference's `AttoAccount.toJson()`.
    pub fn to_json(&self) -> String {
        format!(
            "{{\"publicKey\":\"{}\",\"network\":\"{}\",\"version\":{},\"algorithm\":\"{}\",\
             \"height\":{},\"balance\":{},\"lastTransactionHash\":\"{}\",\
             \"lastTransactionTimestamp\":{},\"representativeAlgorithm\":\"{}\",\
             \"representativePublicKey\":\"{}\"}}",
            self.public_key.to_hex(),
            self.network.name(),
            self.version,
            self.algorithm.name(),
            self.height,
            self.balance.0,
            self.last_hash.to_hex(),
            self.last_timestamp,
            self.representative_algorithm.name(),
            self.representative.to_hex(),
        )
    }

    /// The state after `block`, which must be this account's next block (or its OPEN).
    pub fn after(previous: Option<&Account>, block: &Block) -> Account {
        Account::after_hashed(previous, block, block.hash())
    }

    /// [`Account::after`] for a block whose hash is already known (a long chain's blocks are
    /// hashed once, not once per step that needs the hash).
    pub fn after_hashed(previous: Option<&Account>, block: &Block, hash: Hash) -> Account {
        debug_assert_eq!(hash, block.hash());
        let (representative_algorithm, representative) = match (&block.body, previous) {
            (
                BlockBody::Open {
                    representative_algorithm,
                    representative,
                    ..
                }
                | BlockBody::Change {
                    representative_algorithm,
                    representative,
                    ..
                },
                _,
            ) => (*representative_algorithm, *representative),
            (_, Some(account)) => (account.representative_algorithm, account.representative),
            (_, None) => (block.algorithm, block.public_key),
        };
        Account {
            public_key: block.public_key,
            network: block.network,
            version: block.version,
            algorithm: block.algorithm,
            height: block.height(),
            balance: block.balance,
            last_hash: hash,
            last_timestamp: block.timestamp,
            representative_algorithm,
            representative,
        }
    }
}

impl Receivable {
    pub fn from_json(text: &str) -> Result<Receivable, Error> {
        Receivable::from_value(&parse_json(text)?)
    }

    pub fn from_value(value: &Value) -> Result<Receivable, Error> {
        let obj = object(value, "a receivable")?;
        let network = match obj.get("network") {
            None | Some(Value::Null) => None,
            Some(_) => Some(network_field(obj)?),
        };
        Ok(Receivable {
            network,
            hash: hash_field(obj, "hash")?,
            version: version_field(obj)?,
            algorithm: algorithm_field(obj, "algorithm")?,
            sender: key_field(obj, "publicKey")?,
            timestamp: instant_field(obj, "timestamp")?,
            receiver_algorithm: algorithm_field(obj, "receiverAlgorithm")?,
            receiver: key_field(obj, "receiverPublicKey")?,
            amount: amount_field(obj, "amount")?,
        })
    }

    /// Several receivables: one JSON document, NDJSON (one per line, as the node streams
    /// them), or a JSON array. Errors name the line.
    pub fn parse_many(text: &str) -> Result<Vec<Receivable>, (usize, Error)> {
        let trimmed = text.trim();
        if trimmed.starts_with('[') {
            let value = parse_json(trimmed).map_err(|e| (1, e))?;
            let items = value.as_array().expect("starts with [");
            return items
                .iter()
                .enumerate()
                .map(|(i, v)| Receivable::from_value(v).map_err(|e| (i + 1, e)))
                .collect();
        }
        match parse_json(trimmed) {
            Ok(value) => {
                return Receivable::from_value(&value)
                    .map(|r| vec![r])
                    .map_err(|e| (1, e));
            }
            // One document over several lines: its own error, not its first line's.
            Err(e) if !super::json::first_line_is_json(text) => return Err((0, e)),
            Err(_) => {}
        }
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| Receivable::from_json(line).map_err(|e| (i + 1, e)))
            .collect()
    }
}

impl NodeTime {
    pub fn from_json(text: &str) -> Result<NodeTime, Error> {
        let value = parse_json(text)?;
        let obj = object(&value, "the node's time")?;
        Ok(NodeTime {
            client_instant: instant_field(obj, "clientInstant")?,
            server_instant: instant_field(obj, "serverInstant")?,
            difference_millis: i64_field(obj, "differenceMillis")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ACCOUNT: &str = r#"{"publicKey":"851CFB561F8DEB701404C1C7F2DD0F9FDFAF2AC8330BEB672699CEBE9553DD5C","network":"LOCAL","version":0,"algorithm":"V1","height":4942,"balance":11744862221442753993,"lastTransactionHash":"0B4E660A9181EC560ECCE9860F359EDC32FFDE65A3496091569B1D80B72BEF7A","lastTransactionTimestamp":1768561936370,"representativeAlgorithm":"V1","representativePublicKey":"69C010A8A74924D083D1FC8234861B4B357530F42341484B4EBDA6B99F047105"}"#;

    #[test]
    fn account_round_trips_exactly() {
        let account = Account::from_json(ACCOUNT).unwrap();
        assert_eq!(account.balance, Amount(11_744_862_221_442_753_993));
        assert_eq!(account.to_json(), ACCOUNT);
        // Decimal strings survive JavaScript; the node may send either.
        let strings = ACCOUNT
            .replace("4942", "\"4942\"")
            .replace("11744862221442753993", "\"11744862221442753993\"");
        assert_eq!(Account::from_json(&strings).unwrap(), account);
    }

    #[test]
    fn receivable_without_network() {
        let text = r#"{"hash":"0AF0F63BFE4DBC588F95FC3B154DE848AA9A5DD5604BAC99AE9E21C5EA8B4F64","version":0,"algorithm":"V1","publicKey":"53F1A85D25EDA5021C01A77A2B1BA99CEF9DD5FD912D7465B8B652FDEDB6A4F8","timestamp":1705517157478,"receiverAlgorithm":"V1","receiverPublicKey":"0C400961629D759176F009249A33899440900ABCE275F6C5C01C6F7F37A2C59A","amount":18000000000000000000}"#;
        let r = Receivable::from_json(text).unwrap();
        assert_eq!(r.network, None);
        assert_eq!(r.amount, Amount::MAX);
        let two = format!("{text}\n\n{}\n", text.replace("0AF0", "1AF0"));
        assert_eq!(Receivable::parse_many(&two).unwrap().len(), 2);
        let bad = format!("{text}\n{{\"hash\":1}}\n");
        assert_eq!(Receivable::parse_many(&bad).unwrap_err().0, 2);
        // Pretty-printed with a key twice: that error, not its first line's "EOF while
        // parsing" (regression).
        let pretty = text
            .replace('{', "{\n  ")
            .replace(",\"", ",\n  \"")
            .replace("\"version\":0", "\"version\":0,\n  \"version\":1");
        let (line, e) = Receivable::parse_many(&pretty).unwrap_err();
        assert!(line == 0 && e.to_string().contains("twice"), "{e}");
    }

    #[test]
    fn node_time_accepts_numbers_and_rfc3339() {
        let t = NodeTime::from_json(
            r#"{"clientInstant":1764460800000,"serverInstant":"2025-11-30T00:00:01Z","differenceMillis":1000}"#,
        )
        .unwrap();
        assert_eq!(t.server_instant, 1_764_460_801_000);
    }

    proptest! {
        #[test]
        fn parsers_never_panic(text in ".{0,300}") {
            let _ = Account::from_json(&text);
            let _ = Receivable::parse_many(&text);
            let _ = NodeTime::from_json(&text);
        }

        #[test]
        fn account_json_round_trips(height in any::<u64>(), balance in 0..=Amount::MAX.0, ts in any::<i64>(), key in any::<[u8; 32]>()) {
            let mut account = Account::from_json(ACCOUNT).unwrap();
            account.height = height;
            account.balance = Amount(balance);
            account.last_timestamp = ts;
            account.public_key = PublicKey(key);
            prop_assert_eq!(Account::from_json(&account.to_json()).unwrap(), account);
        }
    }
}
