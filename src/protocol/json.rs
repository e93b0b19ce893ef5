//! JSON in and out, as the reference's `toJson()`/`fromJson()` write and read it: compact,
//! fields in the reference's order, hex upper case, u64 values as numbers on output.
//! On input hex may be either case, u64 values numbers or decimal strings (so values above
//! 2^53 survive JavaScript), and unknown keys are ignored.

use super::Error;
use super::address::{Address, Algorithm, PublicKey};
use super::amount::Amount;
use super::block::{Block, BlockBody, BlockType, Hash};
use super::hex::{append_hex, decode_hex};
use super::network::Network;
use super::transaction::{Signature, Transaction, Work};
use serde_json::{Map, Value};

mod fast;

/// A JSON value in the reference's output order, written without building strings first (a
/// payout run writes 20,000 block objects).
enum Out {
    /// A name: nothing in it needs escaping.
    Name(&'static str),
    /// Upper-case hex of 32 bytes (a key or a hash), as a string.
    Hex32([u8; 32]),
    Address(Algorithm, PublicKey),
    Unsigned(u64),
    Signed(i64),
}

fn write_object(s: &mut String, fields: &[(&str, Out)]) {
    use std::fmt::Write;
    s.push('{');
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push('"');
        s.push_str(key);
        s.push_str("\":");
        match value {
            Out::Name(v) => {
                debug_assert!(v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
                s.push('"');
                s.push_str(v);
                s.push('"');
            }
            Out::Hex32(bytes) => {
                s.push('"');
                append_hex(bytes, s);
                s.push('"');
            }
            Out::Address(algorithm, key) => {
                let address = Address {
                    algorithm: *algorithm,
                    public_key: *key,
                };
                write!(s, "\"{address}\"").expect("writing to a String");
            }
            Out::Unsigned(v) => s.push_str(itoa::Buffer::new().format(*v)),
            Out::Signed(v) => s.push_str(itoa::Buffer::new().format(*v)),
        }
    }
    s.push('}');
}

fn block_fields(block: &Block) -> Vec<(&'static str, Out)> {
    use Out::{Hex32, Name, Signed, Unsigned};
    let alg = |a: Algorithm| Name(a.name());
    let key = |k: &PublicKey| Hex32(k.0);
    let addr = |a: Algorithm, k: &PublicKey| Out::Address(a, *k);
    // The serialized fields in byte order (height and previous only where the bytes have
    // them), then what the reference derives: OPEN's implicit height, and the addresses.
    let is_open = block.block_type() == BlockType::Open;
    let mut f: Vec<(&'static str, Out)> = Vec::with_capacity(16);
    f.extend([
        ("type", Name(block.block_type().name())),
        ("network", Name(block.network.name())),
        ("version", Unsigned(block.version.into())),
        ("algorithm", alg(block.algorithm)),
        ("publicKey", key(&block.public_key)),
    ]);
    if !is_open {
        f.push(("height", Unsigned(block.height())));
    }
    f.push(("balance", Unsigned(block.balance.0)));
    f.push(("timestamp", Signed(block.timestamp)));
    if let Some(previous) = block.previous() {
        f.push(("previous", Hex32(previous.0)));
    }
    let derived = match &block.body {
        BlockBody::Open {
            send_hash_algorithm,
            send_hash,
            representative_algorithm,
            representative,
        } => {
            f.push(("sendHashAlgorithm", alg(*send_hash_algorithm)));
            f.push(("sendHash", Hex32(send_hash.0)));
            f.push(("representativeAlgorithm", alg(*representative_algorithm)));
            f.push(("representativePublicKey", key(representative)));
            Some((
                "representativeAddress",
                addr(*representative_algorithm, representative),
            ))
        }
        BlockBody::Receive {
            send_hash_algorithm,
            send_hash,
            ..
        } => {
            f.push(("sendHashAlgorithm", alg(*send_hash_algorithm)));
            f.push(("sendHash", Hex32(send_hash.0)));
            None
        }
        BlockBody::Send {
            receiver_algorithm,
            receiver,
            amount,
            ..
        } => {
            f.push(("receiverAlgorithm", alg(*receiver_algorithm)));
            f.push(("receiverPublicKey", key(receiver)));
            f.push(("amount", Unsigned(amount.0)));
            Some(("receiverAddress", addr(*receiver_algorithm, receiver)))
        }
        BlockBody::Change {
            representative_algorithm,
            representative,
            ..
        } => {
            f.push(("representativeAlgorithm", alg(*representative_algorithm)));
            f.push(("representativePublicKey", key(representative)));
            Some((
                "representativeAddress",
                addr(*representative_algorithm, representative),
            ))
        }
    };
    if is_open {
        f.push(("height", Unsigned(1)));
    }
    f.push(("address", addr(block.algorithm, &block.public_key)));
    f.extend(derived);
    f
}

impl Block {
    /// The block as the reference's `toJson()` writes it.
    pub fn to_json(&self) -> String {
        let mut s = String::with_capacity(768);
        self.write_json(&mut s);
        s
    }

    /// Appends [`Block::to_json`]'s text to `out` (a run's output is one string, not one per
    /// block).
    pub fn write_json(&self, out: &mut String) {
        write_object(out, &block_fields(self));
    }

    /// Parses a block from JSON text.
    pub fn from_json(text: &str) -> Result<Block, Error> {
        Block::from_value(&parse_json(text)?)
    }

    pub fn from_value(value: &Value) -> Result<Block, Error> {
        let obj = value
            .as_object()
            .ok_or_else(|| Error::Json("a block must be a JSON object".into()))?;
        let block_type = BlockType::parse(str_field(obj, "type")?)?;
        let network: Network = str_field(obj, "network")?
            .parse()
            .map_err(|e: Error| e.in_field("network"))?;
        // Regression: a bad version was told the u64 range; it is a u16.
        let version = uint_value(field(obj, "version")?, "version", u64::from(u16::MAX))?;
        let version = u16::try_from(version).expect("checked against u16::MAX");
        let height = || u64_field(obj, "height");
        let previous = || hash_field(obj, "previous");
        let body = match block_type {
            BlockType::Open => BlockBody::Open {
                send_hash_algorithm: algorithm_field(obj, "sendHashAlgorithm")?,
                send_hash: hash_field(obj, "sendHash")?,
                representative_algorithm: algorithm_field(obj, "representativeAlgorithm")?,
                representative: key_field(obj, "representativePublicKey")?,
            },
            BlockType::Receive => BlockBody::Receive {
                height: height()?,
                previous: previous()?,
                send_hash_algorithm: algorithm_field(obj, "sendHashAlgorithm")?,
                send_hash: hash_field(obj, "sendHash")?,
            },
            BlockType::Send => BlockBody::Send {
                height: height()?,
                previous: previous()?,
                receiver_algorithm: algorithm_field(obj, "receiverAlgorithm")?,
                receiver: key_field(obj, "receiverPublicKey")?,
                amount: amount_field(obj, "amount")?,
            },
            BlockType::Change => BlockBody::Change {
                height: height()?,
                previous: previous()?,
                representative_algorithm: algorithm_field(obj, "representativeAlgorithm")?,
                representative: key_field(obj, "representativePublicKey")?,
            },
        };
        let block = Block {
            network,
            version,
            algorithm: algorithm_field(obj, "algorithm")?,
            public_key: key_field(obj, "publicKey")?,
            balance: amount_field(obj, "balance")?,
            timestamp: i64_field(obj, "timestamp")?,
            body,
        };
        check_derived_addresses(obj, &block)?;
        Ok(block)
    }
}

/// Derived fields are ignored by the reference, but one that disagrees with the key it is
/// derived from means the document was edited by hand: refuse rather than guess which is meant.
fn check_derived_addresses(obj: &Map<String, Value>, block: &Block) -> Result<(), Error> {
    let mut derived = vec![("address", block.public_key)];
    match &block.body {
        BlockBody::Send { receiver, .. } => derived.push(("receiverAddress", *receiver)),
        BlockBody::Open { representative, .. } | BlockBody::Change { representative, .. } => {
            derived.push(("representativeAddress", *representative))
        }
        BlockBody::Receive { .. } => {}
    }
    for (field, key) in derived {
        if let Some(value) = obj.get(field) {
            let text = value.as_str().ok_or_else(|| Error::Field {
                field: field.into(),
                reason: "must be a string".into(),
            })?;
            let address = Address::parse(text).map_err(|e| e.in_field(field))?;
            if address.public_key != key {
                return Err(Error::Field {
                    field: field.into(),
                    reason: "does not match the public key it is derived from".into(),
                });
            }
        }
    }
    if block.block_type() == BlockType::Open && obj.contains_key("height") {
        let height = u64_field(obj, "height")?;
        if height != 1 {
            return Err(Error::Field {
                field: "height".into(),
                reason: format!("an OPEN block is height 1, not {height}"),
            });
        }
    }
    Ok(())
}

impl Transaction {
    /// The transaction as the reference's `toJson()` writes it, which `POST /transactions` takes.
    pub fn to_json(&self) -> String {
        let mut s = String::with_capacity(1024);
        Document::write_parts(&mut s, &self.block, Some(self.signature), Some(self.work));
        s
    }

    pub fn from_json(text: &str) -> Result<Transaction, Error> {
        match Document::parse(text)? {
            Document::Transaction(tx) => Ok(tx),
            _ => Err(Error::Json(
                "not a complete transaction: it needs \"block\", \"signature\" and \"work\"".into(),
            )),
        }
    }
}

/// Any of the documents attosign reads and writes: a block, a block with its signature or its
/// work, or a whole transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Block(Block),
    Signed { block: Block, signature: Signature },
    Worked { block: Block, work: Work },
    Transaction(Transaction),
}

impl Document {
    /// Reads JSON, or hex of a serialized block or transaction; surrounding whitespace is fine.
    pub fn parse(text: &str) -> Result<Document, Error> {
        if let Some(doc) = Document::parse_fast(text) {
            debug_assert_eq!(
                Document::parse_full(text),
                Ok(doc.clone()),
                "the fast path read {text} differently"
            );
            return Ok(doc);
        }
        Document::parse_full(text)
    }

    /// [`Document::parse`]'s fast path alone (`None`: the full reader decides), for the
    /// property tests and the fuzz target that compare it with [`Document::parse_full`].
    #[doc(hidden)]
    pub fn parse_fast(text: &str) -> Option<Document> {
        let text = text.trim();
        text.starts_with('{').then(|| fast::document(text))?
    }

    /// [`Document::parse`] without its fast path: the reader that decides, and words, every
    /// refusal.
    #[doc(hidden)]
    pub fn parse_full(text: &str) -> Result<Document, Error> {
        let text = text.trim();
        if text.starts_with('{') {
            return Document::from_value(&parse_json(text)?);
        }
        if text.is_empty() {
            return Err(Error::Json("the input is empty".into()));
        }
        // Other JSON is named as JSON, not as bad hexadecimal. (Regression: an array of
        // transactions was "not hexadecimal".)
        if text.starts_with(['[', '"']) {
            let what = if text.starts_with('[') {
                "a JSON array"
            } else {
                "a JSON string"
            };
            return Err(Error::Json(format!(
                "{what}, not a block or a transaction: give one JSON object (a block, or \
                 {{\"block\",\"signature\",\"work\"}}), one per line for several, or its \
                 serialized hex"
            )));
        }
        let bytes = decode_hex(text, "serialized block or transaction")?;
        let (block, used) = Block::read_prefix(&bytes)?;
        if used == bytes.len() {
            Ok(Document::Block(block))
        } else {
            Transaction::from_bytes(&bytes).map(Document::Transaction)
        }
    }

    pub fn from_value(value: &Value) -> Result<Document, Error> {
        let obj = value
            .as_object()
            .ok_or_else(|| Error::Json("expected a JSON object".into()))?;
        let Some(block) = obj.get("block") else {
            // A transaction flattened into its block would lose its signature and work
            // without a word (regression: `work` ground new work and dropped the signature).
            if let Some(key) = ["signature", "work"]
                .into_iter()
                .find(|k| obj.contains_key(*k))
            {
                return Err(Error::Json(format!(
                    "a block with \"{key}\" in it: a transaction is {{\"block\":{{…}},\
                     \"signature\":…,\"work\":…}}, with the block's fields inside \"block\""
                )));
            }
            return Block::from_value(value).map(Document::Block);
        };
        let block = Block::from_value(block).map_err(|e| e.in_field("block"))?;
        let signature = match obj.get("signature") {
            Some(v) => Some(
                Signature::from_hex(as_str(v, "signature")?)
                    .map_err(|e| e.in_field("signature"))?,
            ),
            None => None,
        };
        let work = match obj.get("work") {
            Some(v) => Some(Work::from_hex(as_str(v, "work")?).map_err(|e| e.in_field("work"))?),
            None => None,
        };
        Ok(Document::assemble(block, signature, work))
    }

    pub fn block(&self) -> &Block {
        match self {
            Document::Block(block)
            | Document::Signed { block, .. }
            | Document::Worked { block, .. } => block,
            Document::Transaction(tx) => &tx.block,
        }
    }

    pub fn signature(&self) -> Option<Signature> {
        match self {
            Document::Signed { signature, .. } => Some(*signature),
            Document::Transaction(tx) => Some(tx.signature),
            _ => None,
        }
    }

    pub fn work(&self) -> Option<Work> {
        match self {
            Document::Worked { work, .. } => Some(*work),
            Document::Transaction(tx) => Some(tx.work),
            _ => None,
        }
    }

    /// Builds the document holding `block` and whichever of signature and work are present.
    pub fn assemble(block: Block, signature: Option<Signature>, work: Option<Work>) -> Document {
        match (signature, work) {
            (None, None) => Document::Block(block),
            (Some(signature), None) => Document::Signed { block, signature },
            (None, Some(work)) => Document::Worked { block, work },
            (Some(signature), Some(work)) => Document::Transaction(Transaction {
                block,
                signature,
                work,
            }),
        }
    }

    /// Compact JSON, one line; a complete transaction is exactly the reference's form.
    pub fn to_json(&self) -> String {
        let mut s = String::with_capacity(1024);
        self.write_json(&mut s);
        s
    }

    /// Appends [`Document::to_json`]'s text to `out`.
    pub fn write_json(&self, out: &mut String) {
        match self {
            Document::Block(block) => block.write_json(out),
            Document::Signed { block, signature } => {
                Document::write_parts(out, block, Some(*signature), None)
            }
            Document::Worked { block, work } => {
                Document::write_parts(out, block, None, Some(*work))
            }
            Document::Transaction(tx) => {
                Document::write_parts(out, &tx.block, Some(tx.signature), Some(tx.work))
            }
        }
    }

    /// Appends the JSON of `block` with whichever of `signature` and `work` are given: what
    /// `Document::assemble(block, signature, work).to_json()` writes, without building the
    /// document (a run writes 10,000 of them).
    pub fn write_parts(
        out: &mut String,
        block: &Block,
        signature: Option<Signature>,
        work: Option<Work>,
    ) {
        out.push_str("{\"block\":");
        block.write_json(out);
        if let Some(signature) = signature {
            out.push_str(",\"signature\":\"");
            append_hex(&signature.0, out);
            out.push('"');
        }
        if let Some(work) = work {
            out.push_str(",\"work\":\"");
            append_hex(&work.0, out);
            out.push('"');
        }
        out.push('}');
    }
}

/// For serde's `deserialize_with` on an `Option` field with `#[serde(default)]`: tells a key
/// that is present with `null` apart from a missing key (`null` is then refused, as `T`).
pub(crate) fn present<'de, T: serde::Deserialize<'de>, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Whether the first line of `text` with something in it is a whole JSON value by itself: how
/// NDJSON (a document per line) is told from one document written over several lines, whose
/// own error is then the one to report. (Regression: a pretty-printed block with a bad field
/// was reported as "line 1: EOF while parsing", the error of its first line alone.)
pub fn first_line_is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| serde_json::from_str::<serde::de::IgnoredAny>(l.trim()).is_ok())
}

/// Parses JSON, refusing an object that names a key twice: other tools keep the first, and
/// serde_json the last, so such a document could show a reviewer one amount and sign another.
pub(crate) fn parse_json(text: &str) -> Result<Value, Error> {
    serde_json::from_str::<Strict>(text)
        .map(|strict| strict.0)
        .map_err(|e| Error::Json(e.to_string()))
}

struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(value) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "the key \"{}\" appears twice; refusing to guess which is meant",
                    key.escape_debug()
                )));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

pub(crate) fn field<'a>(
    obj: &'a Map<String, Value>,
    name: &'static str,
) -> Result<&'a Value, Error> {
    obj.get(name).ok_or(Error::MissingField(name))
}

fn as_str<'a>(value: &'a Value, name: &str) -> Result<&'a str, Error> {
    value.as_str().ok_or_else(|| Error::Field {
        field: name.into(),
        reason: "must be a string".into(),
    })
}

pub(crate) fn str_field<'a>(
    obj: &'a Map<String, Value>,
    name: &'static str,
) -> Result<&'a str, Error> {
    as_str(field(obj, name)?, name)
}

/// A u64 given as a JSON number or a decimal string.
pub(crate) fn u64_value(value: &Value, name: &str) -> Result<u64, Error> {
    uint_value(value, name, u64::MAX)
}

/// A whole number from 0 to `max`, given as a JSON number or a decimal string.
///
/// serde_json reads a number that is not a u64 or i64 as an f64, which prints as `1.8e19` or
/// `1000.0`: regression, messages quoted those forms ("1.84e+19 is not a whole number" for a
/// u64 overflow, "1000.0" for `1e3`). They now say which way the number is wrong without
/// quoting a form the input never had.
fn uint_value(value: &Value, name: &str, max: u64) -> Result<u64, Error> {
    let bad = |reason: String| Error::Field {
        field: name.into(),
        reason,
    };
    let range = format!("a whole number from 0 to {max}");
    let checked = |n: u64, text: &dyn std::fmt::Display| {
        if n <= max {
            Ok(n)
        } else {
            Err(bad(format!("{text} is too large; expected {range}")))
        }
    };
    match value {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                checked(u, n)
            } else if n.is_i64() {
                Err(bad(format!("{n} is negative; expected {range}")))
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f.fract() != 0.0 || !f.is_finite() {
                    Err(bad(format!("it is not a whole number; expected {range}")))
                } else if f < 0.0 || f.is_sign_negative() {
                    // -0 is read as a float: a minus sign, not a decimal point, is what's wrong.
                    Err(bad(format!("it is negative; expected {range}")))
                } else if f >= 18_446_744_073_709_551_616.0 {
                    Err(bad(format!("it is too large; expected {range}")))
                } else {
                    Err(bad(format!(
                        "it is written with a decimal point or an exponent; write {range} \
                         in plain digits, without a decimal point or an exponent"
                    )))
                }
            }
        }
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            match s.parse::<u64>() {
                Ok(u) => checked(u, &crate::text::shorten(s)),
                Err(_) => Err(bad(format!(
                    "{} is too large; expected {range}",
                    crate::text::shorten(s)
                ))),
            }
        }
        _ => Err(bad(format!(
            "must be {range} (JSON number or decimal string)"
        ))),
    }
}

pub(crate) fn u64_field(obj: &Map<String, Value>, name: &'static str) -> Result<u64, Error> {
    u64_value(field(obj, name)?, name)
}

pub(crate) fn i64_field(obj: &Map<String, Value>, name: &'static str) -> Result<i64, Error> {
    let value = field(obj, name)?;
    let bad = || Error::Field {
        field: name.into(),
        reason: "must be epoch milliseconds (JSON number or decimal string)".into(),
    };
    match value {
        Value::Number(n) => n.as_i64().ok_or_else(bad),
        Value::String(s)
            if s.strip_prefix('-')
                .unwrap_or(s)
                .bytes()
                .all(|b| b.is_ascii_digit()) =>
        {
            s.parse::<i64>().map_err(|_| bad())
        }
        _ => Err(bad()),
    }
}

pub(crate) fn amount_field(obj: &Map<String, Value>, name: &'static str) -> Result<Amount, Error> {
    let raw = u64_field(obj, name)?;
    Amount::checked(raw).ok_or_else(|| Error::AmountOverflow(format!("{raw} raw")).in_field(name))
}

pub(crate) fn algorithm_field(
    obj: &Map<String, Value>,
    name: &'static str,
) -> Result<Algorithm, Error> {
    Algorithm::parse(str_field(obj, name)?).map_err(|e| e.in_field(name))
}

pub(crate) fn key_field(obj: &Map<String, Value>, name: &'static str) -> Result<PublicKey, Error> {
    PublicKey::from_hex(str_field(obj, name)?).map_err(|e| e.in_field(name))
}

pub(crate) fn hash_field(obj: &Map<String, Value>, name: &'static str) -> Result<Hash, Error> {
    Hash::from_hex(str_field(obj, name)?).map_err(|e| e.in_field(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::block::tests::arb_block;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn json_round_trips(block in arb_block()) {
            let json = block.to_json();
            prop_assert_eq!(Block::from_json(&json), Ok(block.clone()));
            // Lower-case hex and enum names are accepted too.
            let mut value: Value = serde_json::from_str(&json).unwrap();
            for (_, v) in value.as_object_mut().unwrap().iter_mut() {
                if let Value::String(s) = v {
                    *s = s.to_lowercase();
                }
            }
            prop_assert_eq!(Block::from_value(&value), Ok(block));
        }

        #[test]
        fn u64_as_strings(block in arb_block()) {
            let mut value: Value = serde_json::from_str(&block.to_json()).unwrap();
            for (_, v) in value.as_object_mut().unwrap().iter_mut() {
                if let Value::Number(n) = v {
                    *v = Value::String(n.to_string());
                }
            }
            prop_assert_eq!(Block::from_value(&value), Ok(block));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = Document::parse(&text);
        }
    }

    #[test]
    fn refuses_duplicate_keys() {
        // A document that says two amounts must not be signed as either.
        let send = r#"{"type":"SEND","network":"LIVE","amount":1,"amount":1000000000}"#;
        let err = Document::parse(send).unwrap_err().to_string();
        assert!(err.contains("\"amount\" appears twice"), "{err}");
        let nested = r#"{"block":{"type":"CHANGE","type":"SEND"}}"#;
        assert!(
            Document::parse(nested)
                .unwrap_err()
                .to_string()
                .contains("appears twice")
        );
    }

    #[test]
    fn timestamps_are_plain_integers() {
        let mut value: Value = serde_json::from_str(&tests_block_json()).unwrap();
        value["timestamp"] = Value::String("+1704067200001".into());
        assert!(Block::from_value(&value).is_err());
        value["timestamp"] = Value::String("1704067200001".into());
        assert!(Block::from_value(&value).is_ok());
    }

    fn tests_block_json() -> String {
        let spec = include_str!("../../vectors/spec.json");
        let spec: Value = serde_json::from_str(spec).unwrap();
        spec["blocks"][0]["referenceJson"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Regressions from a review: an array was "not hexadecimal"; a transaction flattened into
    /// its block lost its signature and work without a word; `-0` was blamed on a decimal
    /// point; a pretty-printed document is told from NDJSON by its first line.
    #[test]
    fn other_shapes_are_named_as_what_they_are() {
        let block = tests_block_json();
        for (text, says) in [
            (format!("[{block}]"), "a JSON array"),
            ("\"x\"".to_string(), "a JSON string"),
        ] {
            let e = Document::parse(&text).unwrap_err().to_string();
            assert!(e.contains(says) && !e.contains("hexadecimal"), "{e}");
        }
        let mut value: Value = serde_json::from_str(&block).unwrap();
        assert!(Document::from_value(&value).is_ok());
        value["work"] = Value::String("40812B195B63A051".into());
        let e = Document::from_value(&value).unwrap_err().to_string();
        assert!(e.contains("\"work\" in it"), "{e}");
        let mut value: Value = serde_json::from_str(&block).unwrap();
        value["balance"] = serde_json::from_str("-0").unwrap();
        let e = Block::from_value(&value).unwrap_err().to_string();
        assert!(
            e.contains("negative") && !e.contains("decimal point"),
            "{e}"
        );
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(&block).unwrap()).unwrap();
        assert!(!first_line_is_json(&pretty));
        assert!(first_line_is_json(&format!("\u{feff}\n{block}\n{block}\n")));
    }

    #[test]
    fn names_the_bad_field() {
        let err = Document::parse(r#"{"type":"SEND"}"#).unwrap_err();
        assert_eq!(err, Error::MissingField("network"));
        let err = Document::parse(r#"{"type":"BURN","network":"LIVE"}"#).unwrap_err();
        assert!(matches!(err, Error::UnknownBlockType(_)));
    }
}
