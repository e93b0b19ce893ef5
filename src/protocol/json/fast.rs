//! The fast path of [`Document::parse`] for the documents attosign itself writes (a
//! 10,000-block chain from `build … --batch` is 6 MB of them): typed and borrowed, with no
//! `Value` tree, no map and no string copied.
//!
//! It takes only what it reads with certainty: every key one it knows and at most once,
//! strings without escapes, numbers in exactly the forms the full reader takes. Anything
//! else gives `None`, and `Document::parse` reads the text again with the full reader, which
//! accepts or refuses it and says why. So this path never changes what is accepted or how a
//! refusal reads; whatever it accepts, the full reader accepts as the same document. That is
//! checked on every parse in debug builds (all tests), by property tests and by the
//! `document` fuzz target.

use super::super::address::{Algorithm, PublicKey};
use super::super::amount::Amount;
use super::super::block::{Block, BlockBody, BlockType, Hash};
use super::super::network::Network;
use super::super::transaction::{Signature, Work};
use super::{Document, present};
use serde::Deserialize;

/// A document as text (trimmed, starting with `{`), or `None` when the full reader must
/// decide.
pub(super) fn document(text: &str) -> Option<Document> {
    // A block's first key is "type"; a wrapper's is usually "block". A wrong guess costs one
    // key before the other shape is tried.
    if let Ok(raw) = serde_json::from_str::<RawBlock>(text) {
        return block(&raw).map(Document::Block);
    }
    let raw: RawWrapper = serde_json::from_str(text).ok()?;
    let signature = match raw.signature {
        Some(hex) => Some(Signature::from_hex(hex).ok()?),
        None => None,
    };
    let work = match raw.work {
        Some(hex) => Some(Work::from_hex(hex).ok()?),
        None => None,
    };
    Some(Document::assemble(block(&raw.block)?, signature, work))
}

/// `{"block", "signature", "work"}`: the block with whichever of the two are present.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWrapper<'a> {
    #[serde(borrow)]
    block: RawBlock<'a>,
    #[serde(default, deserialize_with = "present")]
    signature: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    work: Option<&'a str>,
}

/// Every key of a block's reference JSON. An optional key is read with [`present`], so that
/// `null` is not taken for a missing key (the full reader refuses `null`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawBlock<'a> {
    #[serde(rename = "type")]
    block_type: &'a str,
    network: &'a str,
    version: Uint,
    algorithm: &'a str,
    public_key: &'a str,
    #[serde(default, deserialize_with = "present")]
    height: Option<Uint>,
    balance: Uint,
    timestamp: Int,
    #[serde(default, deserialize_with = "present")]
    previous: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    send_hash_algorithm: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    send_hash: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    representative_algorithm: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    representative_public_key: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    receiver_algorithm: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    receiver_public_key: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    amount: Option<Uint>,
    #[serde(default, deserialize_with = "present")]
    address: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    receiver_address: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    representative_address: Option<&'a str>,
}

/// The block, read as `Block::from_value` reads it: the same fields for each type, the same
/// conversions, the same checks of the derived addresses and of an OPEN's height.
fn block(raw: &RawBlock) -> Option<Block> {
    let block_type = BlockType::parse(raw.block_type).ok()?;
    let network: Network = raw.network.parse().ok()?;
    let version = u16::try_from(raw.version.0).ok()?;
    let algorithm = |text: Option<&str>| Algorithm::parse(text?).ok();
    let key = |text: Option<&str>| PublicKey::from_hex(text?).ok();
    let hash = |text: Option<&str>| Hash::from_hex(text?).ok();
    let amount = |raw: Uint| Amount::checked(raw.0);
    let body = match block_type {
        BlockType::Open => BlockBody::Open {
            send_hash_algorithm: algorithm(raw.send_hash_algorithm)?,
            send_hash: hash(raw.send_hash)?,
            representative_algorithm: algorithm(raw.representative_algorithm)?,
            representative: key(raw.representative_public_key)?,
        },
        BlockType::Receive => BlockBody::Receive {
            height: raw.height?.0,
            previous: hash(raw.previous)?,
            send_hash_algorithm: algorithm(raw.send_hash_algorithm)?,
            send_hash: hash(raw.send_hash)?,
        },
        BlockType::Send => BlockBody::Send {
            height: raw.height?.0,
            previous: hash(raw.previous)?,
            receiver_algorithm: algorithm(raw.receiver_algorithm)?,
            receiver: key(raw.receiver_public_key)?,
            amount: amount(raw.amount?)?,
        },
        BlockType::Change => BlockBody::Change {
            height: raw.height?.0,
            previous: hash(raw.previous)?,
            representative_algorithm: algorithm(raw.representative_algorithm)?,
            representative: key(raw.representative_public_key)?,
        },
    };
    let block = Block {
        network,
        version,
        algorithm: algorithm(Some(raw.algorithm))?,
        public_key: key(Some(raw.public_key))?,
        balance: amount(raw.balance)?,
        timestamp: raw.timestamp.0,
        body,
    };
    let derived = match &block.body {
        BlockBody::Send { receiver, .. } => Some((raw.receiver_address, receiver)),
        BlockBody::Open { representative, .. } | BlockBody::Change { representative, .. } => {
            Some((raw.representative_address, representative))
        }
        BlockBody::Receive { .. } => None,
    };
    for (text, key) in [(raw.address, &block.public_key)]
        .into_iter()
        .chain(derived)
    {
        if let Some(text) = text
            && !key.address().is_written_as(text)
        {
            return None;
        }
    }
    if block_type == BlockType::Open && raw.height.is_some_and(|h| h.0 != 1) {
        return None;
    }
    Some(block)
}

/// A whole number as the full reader takes one: a JSON number from 0 to 2^64 − 1, or a
/// non-empty string of decimal digits with that value.
#[derive(Clone, Copy)]
struct Uint(u64);

/// Epoch milliseconds as the full reader takes them: a JSON number that fits an i64, or a
/// string of decimal digits with an optional leading `-`.
struct Int(i64);

impl<'de> Deserialize<'de> for Uint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Uint, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Uint;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Uint, E> {
                Ok(Uint(v))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Uint, E> {
                if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(E::custom("not decimal digits"));
                }
                s.parse().map(Uint).map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Int, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Int;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("epoch milliseconds")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Int, E> {
                i64::try_from(v).map(Int).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Int, E> {
                Ok(Int(v))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Int, E> {
                if !s
                    .strip_prefix('-')
                    .unwrap_or(s)
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                {
                    return Err(E::custom("not decimal digits"));
                }
                s.parse().map(Int).map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::address::Address;
    use super::super::super::block::tests::arb_block;
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Whatever the fast path accepts, the full reader accepts as the same document.
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        if let Some(doc) = Document::parse_fast(text) {
            prop_assert_eq!(Document::parse_full(text), Ok(doc), "{}", text);
        }
        Ok(())
    }

    /// Replacements for a value of a block's JSON: each is a form the full reader takes for
    /// some fields and refuses for others.
    fn replacements(hex: &str, address: &str, number: u64) -> Vec<Value> {
        vec![
            Value::Null,
            Value::from(0),
            Value::from(1),
            Value::from(-1),
            Value::from(u64::MAX),
            Value::from(65_535),
            Value::from(65_536),
            Value::from(1.5),
            Value::from(""),
            Value::from("-"),
            Value::from("-12"),
            Value::from("+12"),
            Value::from("0012"),
            Value::from("18446744073709551616"),
            Value::from("V1"),
            Value::from("LOCAL"),
            Value::from("SEND"),
            Value::from("OPEN"),
            Value::from(vec![1, 2]),
            serde_json::json!({"a": 1}),
            Value::from(hex),
            Value::from(hex.to_lowercase()),
            Value::from(address),
            Value::from(number),
            Value::from(number.to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The documents attosign writes take the fast path, and read back as written.
        #[test]
        fn what_attosign_writes_takes_the_fast_path(
            block in arb_block(),
            signature in any::<[u8; 32]>(),
            work in any::<u64>(),
        ) {
            let signature = Signature([signature, signature].concat().try_into().unwrap());
            let work = Work(work.to_le_bytes());
            for doc in [
                Document::Block(block.clone()),
                Document::assemble(block.clone(), Some(signature), None),
                Document::assemble(block.clone(), None, Some(work)),
                Document::assemble(block.clone(), Some(signature), Some(work)),
            ] {
                prop_assert_eq!(Document::parse_fast(&doc.to_json()), Some(doc));
            }
        }

        /// Every value of a block's JSON in turn replaced by each of [`replacements`],
        /// removed or lower-cased, a key added or doubled, an escape added, bare or wrapped:
        /// the fast path either declines or reads what the full reader reads.
        #[test]
        fn agrees_with_the_full_reader_on_edited_blocks(
            block in arb_block(),
            hex in "[0-9A-F]{64}",
            key in any::<[u8; 32]>(),
            number in any::<u64>(),
        ) {
            let address = Address { algorithm: Algorithm::V1, public_key: PublicKey(key) };
            let with = replacements(&hex, &address.to_string(), number);
            let original: Value = serde_json::from_str(&block.to_json()).unwrap();
            let keys: Vec<String> = original.as_object().unwrap().keys().cloned().collect();
            let mut texts = Vec::new();
            for key in keys.iter().chain([&"height".to_string(), &"extra".to_string()]) {
                let mut edited = vec![];
                for v in &with {
                    let mut value = original.clone();
                    value[key.as_str()] = v.clone();
                    edited.push(value.to_string());
                    // The key twice: the full reader refuses it.
                    let text = original.to_string();
                    edited.push(text.replacen('{', &format!("{{\"{key}\":{v},"), 1));
                }
                let mut value = original.clone();
                value.as_object_mut().unwrap().shift_remove(key);
                edited.push(value.to_string());
                if let Some(lower) = original[key.as_str()].as_str() {
                    let mut value = original.clone();
                    value[key.as_str()] = Value::from(lower.to_lowercase());
                    edited.push(value.to_string());
                }
                texts.extend(edited);
            }
            // An escape in a string: the same text to the full reader.
            texts.push(original.to_string().replacen("\":\"", "\":\"\\u0030", 1));
            for text in texts {
                agrees(&text)?;
                agrees(&format!("{{\"block\":{text}}}"))?;
                agrees(&format!("{{\"block\":{text},\"work\":\"{}\"}}", &hex[..16]))?;
            }
        }

        /// Any text at all: the fast path never accepts what the full reader does not.
        #[test]
        fn agrees_on_any_text(text in "\\{\\PC{0,200}") {
            agrees(&text)?;
        }
    }

    #[test]
    fn declines_what_only_the_full_reader_can_word() {
        // null for an optional key, an unknown key, a key twice: the full reader's errors.
        for text in [
            r#"{"type":"SEND","network":"LIVE","previous":null}"#,
            r#"{"type":"SEND","network":"LIVE","amount":1,"amount":2}"#,
        ] {
            assert_eq!(Document::parse_fast(text), None);
            assert!(Document::parse(text).is_err());
        }
    }
}
