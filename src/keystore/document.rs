//! The keystore's inner document: the small, versioned JSON that age encrypts.
//!
//! ```json
//! {"version":2,"kind":"mnemonic","mnemonic":"abandon … art","bip39Passphrase":"","labels":{"0":"hot wallet"}}
//! {"version":2,"kind":"privateKey","privateKey":"<64 hex digits>","labels":{}}
//! ```
//!
//! Version 2 added three optional fields, each written only when it holds something:
//!
//! ```json
//! "journal":"<32 hex digits>",
//! "book":[{"address":"atto://…","label":"Hot wallet 2"}],
//! "policy":{"default":{"destinations":"book","maxPerTransaction":"12500000000"},
//!           "indexes":{"3":{"destinations":"any","maxPerDay":"1000000000000"}}}
//! ```
//!
//! `journal` is the id of the journal this keystore signs with; `book` the address book
//! (canonical `atto://` addresses, no address twice); `policy` the signing policy, whose
//! limits are raw units as decimal strings and absent when there is none. Version 1 documents
//! (without these fields) are still read; every write is version 2, so an attosign that knows
//! only version 1 refuses the file rather than sign without its policy or drop it on a rewrite.
//!
//! Parsing is strict (unknown fields, bad words, control characters in labels are all refused)
//! because the document is only ever written by attosign: anything unexpected means damage or
//! a newer format, and guessing would risk signing with the wrong key.

use super::{BOOK_MAX_ENTRIES, Error, Keystore, LABEL_MAX_CHARS, Secret};
use crate::policy::{self, BookEntry, Destinations, Policy, Rules};
use crate::protocol::keys::{MAX_INDEX, Mnemonic, PrivateKey};
use crate::protocol::{Address, decode_hex, encode_hex};
use crate::secret::{ExposeSecret, SecretString, Zeroizing};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The version this code writes.
pub const VERSION: u64 = 2;

/// The versions this code reads: every one attosign has written.
pub const READS: [u64; 2] = [1, 2];

/// A string that is a secret: held in a zeroizing buffer from the moment it is parsed.
///
/// serde_json hands over unescaped strings borrowed from the input (which the caller zeroizes);
/// a string with escapes passes through serde_json's scratch buffer, which is not zeroized.
/// attosign never escapes anything in a mnemonic or a key, so only BIP39 passphrases containing
/// `"`, `\` or control characters take that path.
struct SecretText(Zeroizing<String>);

impl<'de> Deserialize<'de> for SecretText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SecretText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SecretText, E> {
                Ok(SecretText(Zeroizing::new(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<SecretText, E> {
                Ok(SecretText(Zeroizing::new(v)))
            }
        }
        deserializer.deserialize_str(V)
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<u64>,
}

#[derive(Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
enum Kind {
    Mnemonic,
    PrivateKey,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct DocumentIn {
    #[allow(dead_code)] // checked by `VersionOnly` first
    version: u64,
    kind: Kind,
    mnemonic: Option<SecretText>,
    bip39_passphrase: Option<SecretText>,
    private_key: Option<SecretText>,
    #[serde(default)]
    labels: BTreeMap<u32, String>,
    journal: Option<String>,
    book: Option<Vec<BookEntryDoc>>,
    policy: Option<PolicyDoc>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct BookEntryDoc {
    address: String,
    label: String,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct PolicyDoc {
    default: RulesDoc,
    indexes: BTreeMap<u32, RulesDoc>,
}

#[derive(Deserialize, Serialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum DestinationsDoc {
    Any,
    Book,
}

/// Limits as raw units in decimal strings: u64 values above 2^53 lose digits as JSON numbers
/// in other tools.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RulesDoc {
    destinations: DestinationsDoc,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_per_transaction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_per_day: Option<String>,
}

impl RulesDoc {
    fn from_rules(rules: &Rules) -> RulesDoc {
        RulesDoc {
            destinations: match rules.destinations {
                Destinations::Any => DestinationsDoc::Any,
                Destinations::Book => DestinationsDoc::Book,
            },
            max_per_transaction: rules.max_per_transaction.map(|a| a.raw().to_string()),
            max_per_day: rules.max_per_day.map(|a| a.raw().to_string()),
        }
    }

    fn to_rules(&self, whose: &str) -> Result<Rules, Error> {
        let limit = |text: &Option<String>, name: &str| {
            text.as_deref()
                .map(policy::parse_raw_limit)
                .transpose()
                .map_err(|e| Error::corrupt(format!("the policy's {name} of {whose}: {e}")))
        };
        Ok(Rules {
            destinations: match self.destinations {
                DestinationsDoc::Any => Destinations::Any,
                DestinationsDoc::Book => Destinations::Book,
            },
            max_per_transaction: limit(&self.max_per_transaction, "maxPerTransaction")?,
            max_per_day: limit(&self.max_per_day, "maxPerDay")?,
        })
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DocumentOut<'a> {
    version: u64,
    kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    mnemonic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bip39_passphrase: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    private_key: Option<&'a str>,
    labels: &'a BTreeMap<u32, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    journal: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    book: Vec<BookEntryDoc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<PolicyDoc>,
}

/// Serializes the keystore into a zeroizing buffer that is allocated once, large enough for
/// the worst case (every character escaped), so it never reallocates and leaves no copy behind.
pub fn serialize(keystore: &Keystore) -> Zeroizing<Vec<u8>> {
    let key_hex;
    let (kind, mnemonic, passphrase, private_key) = match &keystore.secret {
        Secret::Mnemonic {
            mnemonic,
            bip39_passphrase,
        } => (
            Kind::Mnemonic,
            Some(mnemonic.phrase()),
            Some(bip39_passphrase.expose_secret()),
            None,
        ),
        Secret::PrivateKey(key) => {
            key_hex = Zeroizing::new(encode_hex(key.to_bytes().as_ref()));
            (Kind::PrivateKey, None, None, Some(key_hex.as_str()))
        }
    };
    let escaped = |s: Option<&str>| s.map_or(0, |s| 6 * s.len());
    let labels: usize = keystore.labels.values().map(|l| 16 + 6 * l.len()).sum();
    // Addresses are 68 ASCII characters; each rule at most ~110 bytes with its index.
    let book: usize = keystore.book.iter().map(|e| 100 + 6 * e.label.len()).sum();
    let policy = 160 * (1 + keystore.policy.indexes.len());
    let capacity = 256
        + escaped(mnemonic)
        + escaped(passphrase)
        + escaped(private_key)
        + labels
        + book
        + policy;
    let mut buf = Zeroizing::new(Vec::with_capacity(capacity));
    let doc = DocumentOut {
        version: VERSION,
        kind,
        mnemonic,
        bip39_passphrase: passphrase,
        private_key,
        labels: &keystore.labels,
        journal: keystore.journal.map(|id| encode_hex(&id)),
        book: book_doc(keystore),
        policy: policy_doc(keystore),
    };
    serde_json::to_writer(&mut *buf, &doc).expect("serializing to memory cannot fail");
    debug_assert_eq!(buf.capacity(), capacity, "the buffer must not reallocate");
    buf
}

fn book_doc(keystore: &Keystore) -> Vec<BookEntryDoc> {
    keystore
        .book
        .iter()
        .map(|e| BookEntryDoc {
            address: e.address.address().to_string(),
            label: e.label.clone(),
        })
        .collect()
}

fn policy_doc(keystore: &Keystore) -> Option<PolicyDoc> {
    (keystore.policy != Policy::default()).then(|| PolicyDoc {
        default: RulesDoc::from_rules(&keystore.policy.default),
        indexes: keystore
            .policy
            .indexes
            .iter()
            .map(|(&index, rules)| (index, RulesDoc::from_rules(rules)))
            .collect(),
    })
}

/// SHA-256 of the address book and the policy as the document writes them (nothing secret):
/// what the journal records with each change to them, so that a keystore put back from an
/// older copy, which would sign without the policy since, is noticed.
pub fn rules_digest(keystore: &Keystore) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    #[derive(Serialize)]
    struct RulesOut {
        book: Vec<BookEntryDoc>,
        policy: Option<PolicyDoc>,
    }
    let rules = RulesOut {
        book: book_doc(keystore),
        policy: policy_doc(keystore),
    };
    let json = serde_json::to_vec(&rules).expect("serializing to memory cannot fail");
    let mut hasher = Sha256::new();
    hasher.update(b"attosign keystore rules\n");
    hasher.update(&json);
    hasher.finalize().into()
}

/// Parses a document. Never panics, whatever the bytes (fuzzed and property-tested).
pub fn parse(bytes: &[u8]) -> Result<Keystore, Error> {
    let peek: VersionOnly = serde_json::from_slice(bytes).map_err(|e| {
        Error::corrupt(format!(
            "the document is not keystore JSON ({})",
            json_reason(&e)
        ))
    })?;
    let version = match peek.version {
        Some(v) if READS.contains(&v) => v,
        Some(0) => {
            return Err(Error::corrupt(
                "the document has version 0, which no attosign ever wrote",
            ));
        }
        Some(other) => return Err(Error::UnsupportedVersion(other)),
        None => return Err(Error::corrupt("the document has no \"version\"")),
    };
    let doc: DocumentIn = serde_json::from_slice(bytes).map_err(|e| {
        Error::corrupt(format!(
            "the document is not keystore JSON ({})",
            json_reason(&e)
        ))
    })?;
    for (&index, label) in &doc.labels {
        if index > MAX_INDEX {
            return Err(Error::corrupt(format!(
                "label for index {index}, which is out of range"
            )));
        }
        check_stored_label(label)
            .map_err(|reason| Error::corrupt(format!("label of index {index}: {reason}")))?;
    }
    if version == 1 && (doc.journal.is_some() || doc.book.is_some() || doc.policy.is_some()) {
        return Err(Error::corrupt(
            "a version 1 document holds a journal, book or policy, which came with version 2",
        ));
    }
    let journal = doc.journal.as_deref().map(parse_journal_id).transpose()?;
    let book = doc.book.as_deref().map(parse_book).transpose()?;
    let policy = doc.policy.as_ref().map(parse_policy).transpose()?;
    let secret = match doc.kind {
        Kind::Mnemonic => {
            if doc.private_key.is_some() {
                return Err(Error::corrupt(
                    "a mnemonic keystore also holds a private key",
                ));
            }
            let words = doc
                .mnemonic
                .ok_or_else(|| Error::corrupt("the document has no \"mnemonic\""))?;
            let mnemonic = Mnemonic::parse(&words.0)
                .map_err(|e| Error::corrupt(format!("the stored mnemonic is invalid: {e}")))?;
            let passphrase = doc.bip39_passphrase.map_or_else(
                || SecretString::from(""),
                |p| SecretString::from(p.0.as_str()),
            );
            Secret::Mnemonic {
                mnemonic,
                bip39_passphrase: passphrase,
            }
        }
        Kind::PrivateKey => {
            if doc.mnemonic.is_some() || doc.bip39_passphrase.is_some() {
                return Err(Error::corrupt(
                    "a private-key keystore also holds a mnemonic",
                ));
            }
            let hex = doc
                .private_key
                .ok_or_else(|| Error::corrupt("the document has no \"privateKey\""))?;
            if hex.0.len() != 64 {
                return Err(Error::corrupt(
                    "the stored private key is not 64 hex digits",
                ));
            }
            let key = PrivateKey::from_hex(&hex.0)
                .map_err(|e| Error::corrupt(format!("the stored private key is invalid: {e}")))?;
            if doc.labels.keys().any(|&i| i != 0) {
                return Err(Error::corrupt(
                    "a private-key keystore has labels for indexes other than 0",
                ));
            }
            if policy
                .as_ref()
                .is_some_and(|p| p.indexes.keys().any(|&i| i != 0))
            {
                return Err(Error::corrupt(
                    "a private-key keystore has a policy for indexes other than 0",
                ));
            }
            Secret::PrivateKey(key)
        }
    };
    let mut keystore = Keystore::new(secret);
    keystore.labels = doc.labels;
    keystore.journal = journal;
    keystore.book = book.unwrap_or_default();
    keystore.policy = policy.unwrap_or_default();
    Ok(keystore)
}

fn parse_journal_id(text: &str) -> Result<[u8; 16], Error> {
    let bytes =
        decode_hex(text, "journal id").map_err(|_| Error::corrupt("the journal id is not hex"))?;
    bytes
        .try_into()
        .map_err(|_| Error::corrupt("the journal id is not 32 hex digits"))
}

fn parse_book(entries: &[BookEntryDoc]) -> Result<Vec<BookEntry>, Error> {
    if entries.len() > BOOK_MAX_ENTRIES {
        return Err(Error::corrupt(format!(
            "the address book has more than {BOOK_MAX_ENTRIES} entries"
        )));
    }
    let mut book: Vec<BookEntry> = Vec::with_capacity(entries.len());
    for (n, entry) in entries.iter().enumerate() {
        let which = n + 1;
        let address = Address::parse(&entry.address)
            .ok()
            .filter(|a| a.to_string() == entry.address)
            .ok_or_else(|| {
                Error::corrupt(format!(
                    "address book entry {which} is not a canonical atto:// address"
                ))
            })?;
        check_stored_label(&entry.label).map_err(|reason| {
            Error::corrupt(format!("label of address book entry {which}: {reason}"))
        })?;
        if book.iter().any(|e| e.address == address.public_key) {
            return Err(Error::corrupt(format!(
                "address book entry {which} repeats an address"
            )));
        }
        book.push(BookEntry {
            address: address.public_key,
            label: entry.label.clone(),
        });
    }
    Ok(book)
}

fn parse_policy(doc: &PolicyDoc) -> Result<Policy, Error> {
    let mut indexes = BTreeMap::new();
    for (&index, rules) in &doc.indexes {
        if index > MAX_INDEX {
            return Err(Error::corrupt(format!(
                "policy for index {index}, which is out of range"
            )));
        }
        indexes.insert(index, rules.to_rules(&format!("index {index}"))?);
    }
    Ok(Policy {
        default: doc.default.to_rules("the default")?,
        indexes,
    })
}

/// Only the position: serde_json's messages can quote the input, which may be secret.
fn json_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Io => "read error",
        Category::Syntax => "syntax error",
        Category::Data => "unexpected field or value",
        Category::Eof => "truncated",
    };
    format!("{what} at line {} column {}", e.line(), e.column())
}

/// A label already in a keystore, as it is read: the rules attosign 0.1.0 first wrote them
/// by, which let through what [`check_label`] now refuses in a new label (variation
/// selectors, spaces other than U+0020, spaces at either end, decomposed accents). A keystore
/// holding such a label still opens (regression: it was "damaged", and could not even clear
/// the label); the review shows what the terminal cannot show as `�`.
pub fn check_stored_label(label: &str) -> Result<(), &'static str> {
    let without: String = label
        .chars()
        .filter(|c| !crate::text::is_variation_selector(*c))
        .collect();
    base_label_rules(&without)
}

/// Labels are shown on the operator's terminal and in scripts' JSON: printable, one line,
/// short; and two that look the same are the same, as far as attosign can tell: no invisible
/// characters, no space but U+0020 and none at either end, accents composed (Unicode NFC).
pub fn check_label(label: &str) -> Result<(), &'static str> {
    base_label_rules(label)?;
    if label.trim() != label {
        return Err("it starts or ends with a space");
    }
    if label.chars().any(crate::text::lookalike_space) {
        return Err(
            "it contains a space other than the ordinary one (no-break, em, ideographic, \
             blank braille, …)",
        );
    }
    // Reviews show a label in double quotes on the receiver's row: a quote in it would end
    // it early, and a run of spaces would push what follows into the amount's column
    // (regression: `Payroll") 5 atto` and 82 spaces read as a second amount).
    if label.chars().any(|c| {
        matches!(
            c,
            '"' | '\u{201C}'..='\u{201F}' | '\u{2033}' | '\u{2036}' | '\u{275D}' | '\u{275E}'
                | '\u{301D}'..='\u{301F}' | '\u{FF02}'
        )
    }) {
        return Err("it contains a double quote (reviews show labels in double quotes)");
    }
    if label.contains("  ") {
        return Err("it contains two spaces in a row");
    }
    if !unicode_normalization::is_nfc(label) {
        return Err(
            "it is not in Unicode NFC: an accent typed as a separate mark (type the accented \
             letter itself), or a character with a plain twin, such as the Kelvin sign for K",
        );
    }
    Ok(())
}

fn base_label_rules(label: &str) -> Result<(), &'static str> {
    if label.chars().any(char::is_control) {
        return Err("it contains control characters (newlines, escapes)");
    }
    // Bidirectional overrides would make `keys list` show the label in another order.
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if label.chars().any(bidi) {
        return Err("it contains bidirectional-override characters");
    }
    // Invisible and format characters (U+200B, U+FEFF, U+2028, U+00AD, U+061C, …) would make
    // two labels look alike.
    if let Some(reason) = crate::text::first_hidden(label) {
        return Err(reason);
    }
    if label.chars().count() > LABEL_MAX_CHARS {
        return Err("it is longer than 100 characters");
    }
    if label.trim().is_empty() {
        return Err("it is empty");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Amount, PublicKey};
    use proptest::prelude::*;

    /// Regression: a keystore whose label held an emoji's variation selector (which earlier
    /// versions accepted) was "damaged" once new labels refused them.
    #[test]
    fn stored_labels_with_variation_selectors_still_open() {
        let mut ks = mnemonic_doc("");
        ks.set_label(0, "cold X").unwrap();
        let doc = text(&ks).replace("cold X", "cold \u{2744}\u{FE0F}");
        let parsed = parse(doc.as_bytes()).unwrap();
        assert_eq!(parsed.label(0), Some("cold \u{2744}\u{FE0F}"));
        assert!(check_label("cold \u{2744}\u{FE0F}").is_err());
        assert!(check_stored_label("cold \u{2744}\u{FE0F}").is_ok());
        // Everything else a label may not hold is still refused when read.
        assert!(check_stored_label("cold \u{200B}X").is_err());
    }

    /// Regression: labels that look the same were accepted as different ones: a space at
    /// either end, a no-break space, a blank braille cell, an accent typed as its own mark.
    #[test]
    fn new_labels_refuse_look_alike_spaces_and_decomposed_accents() {
        for label in [
            "savings ",
            " savings",
            "a\u{00A0}b",
            "a\u{2003}b",
            "a\u{3000}b",
            "a\u{2800}",
            "cafe\u{0301}",
        ] {
            assert!(check_label(label).is_err(), "{label:?}");
            // Stored by an earlier attosign: still read.
            assert!(check_stored_label(label).is_ok(), "{label:?}");
        }
        for label in ["caf\u{e9}", "cold wallet 1", "冷钱包", "🧊"] {
            assert!(check_label(label).is_ok(), "{label:?}");
        }
    }

    #[test]
    fn labels_refuse_bidi_overrides() {
        assert!(check_label("cold \u{202E}tellaw").is_err());
        assert!(check_label("cold wallet").is_ok());
    }

    const ABANDON: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon \
        abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \
        abandon abandon abandon art";

    fn mnemonic_doc(passphrase: &str) -> Keystore {
        Keystore::from_mnemonic(
            Mnemonic::parse(ABANDON).unwrap(),
            SecretString::from(passphrase),
        )
    }

    fn text(keystore: &Keystore) -> String {
        String::from_utf8(serialize(keystore).to_vec()).unwrap()
    }

    #[test]
    fn writes_the_documented_shape() {
        let mut ks = mnemonic_doc("TREZOR");
        ks.set_label(0, "hot wallet").unwrap();
        assert_eq!(
            text(&ks),
            format!(
                r#"{{"version":2,"kind":"mnemonic","mnemonic":"{}","bip39Passphrase":"TREZOR","labels":{{"0":"hot wallet"}}}}"#,
                ABANDON.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        );
        let raw = Keystore::from_private_key(PrivateKey::from_bytes(&[0x11; 32]));
        assert_eq!(
            text(&raw),
            format!(
                r#"{{"version":2,"kind":"privateKey","privateKey":"{}","labels":{{}}}}"#,
                "11".repeat(32)
            )
        );
    }

    fn key(n: u8) -> PublicKey {
        PublicKey([n; 32])
    }

    fn with_policy() -> Keystore {
        let mut ks = mnemonic_doc("");
        ks.set_journal_id(Some([0xAB; 16]));
        ks.set_book_label(key(1), "Hot wallet 2").unwrap();
        // A quote, as attosign wrote labels before the label rules refused one: stored and
        // read back as it is.
        ks.book.push(BookEntry {
            address: key(2),
            label: "Exchange \"B\"".into(),
        });
        let mut policy = Policy::default();
        policy.default.destinations = Destinations::Book;
        policy.default.max_per_transaction = Some(Amount(12_500_000_000));
        policy.indexes.insert(
            3,
            Rules {
                destinations: Destinations::Any,
                max_per_transaction: None,
                max_per_day: Some(Amount::MAX),
            },
        );
        ks.set_policy(policy).unwrap();
        ks
    }

    #[test]
    fn writes_the_documented_version_2_fields() {
        let doc = text(&with_policy());
        let tail = doc.split_once(r#""labels":{},"#).unwrap().1;
        assert_eq!(
            tail,
            format!(
                r#""journal":"{}","book":[{{"address":"{}","label":"Hot wallet 2"}},{{"address":"{}","label":"Exchange \"B\""}}],"policy":{{"default":{{"destinations":"book","maxPerTransaction":"12500000000"}},"indexes":{{"3":{{"destinations":"any","maxPerDay":"18000000000000000000"}}}}}}}}"#,
                "AB".repeat(16),
                key(1).address(),
                key(2).address()
            )
        );
        let back = parse(doc.as_bytes()).unwrap();
        assert_eq!(back.journal_id(), Some([0xAB; 16]));
        assert_eq!(back.book(), with_policy().book());
        assert_eq!(back.policy(), with_policy().policy());
        assert_eq!(back.book_label(&key(1)), Some("Hot wallet 2"));
        assert_eq!(back.book_label(&key(3)), None);
    }

    #[test]
    fn an_index_with_unrestricted_rules_of_its_own_keeps_them() {
        // Omitting them would hand the index to a default set later.
        let mut ks = mnemonic_doc("");
        let mut policy = Policy::default();
        policy.indexes.insert(4, Rules::default());
        ks.set_policy(policy.clone()).unwrap();
        assert_eq!(parse(&serialize(&ks)).unwrap().policy(), &policy);
    }

    #[test]
    fn reads_version_1_documents() {
        // As attosign 0.1 wrote them, before the book and the policy existed.
        let v1 = format!(
            r#"{{"version":1,"kind":"mnemonic","mnemonic":"{}","bip39Passphrase":"","labels":{{"0":"hot"}}}}"#,
            ABANDON.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let ks = parse(v1.as_bytes()).unwrap();
        assert_eq!(ks.label(0), Some("hot"));
        assert!(ks.book().is_empty() && ks.policy().is_unrestricted());
        assert_eq!(ks.journal_id(), None);
        // Rewritten as version 2.
        assert!(text(&ks).starts_with(r#"{"version":2,"#));
        let raw = format!(
            r#"{{"version":1,"kind":"privateKey","privateKey":"{}","labels":{{}}}}"#,
            "11".repeat(32)
        );
        assert!(parse(raw.as_bytes()).is_ok());
        // Version 1 never had these fields.
        let with_book = v1.replace(r#""labels""#, r#""book":[],"labels""#);
        assert!(matches!(
            parse(with_book.as_bytes()),
            Err(Error::Corrupt { .. })
        ));
    }

    #[test]
    fn round_trips() {
        let mut ks = mnemonic_doc("caf\u{e9} \"quoted\" \\ \u{1}");
        ks.set_label(7, "cold \u{1F512}").unwrap();
        ks.set_label(MAX_INDEX, "last").unwrap();
        let back = parse(&serialize(&ks)).unwrap();
        assert_eq!(back.labels(), ks.labels());
        assert_eq!(
            back.key(7).unwrap().public_key(),
            ks.key(7).unwrap().public_key()
        );
        match back.secret() {
            Secret::Mnemonic {
                bip39_passphrase, ..
            } => {
                assert_eq!(
                    bip39_passphrase.expose_secret(),
                    "caf\u{e9} \"quoted\" \\ \u{1}"
                );
            }
            Secret::PrivateKey(_) => panic!("kind changed"),
        }

        let raw = Keystore::from_private_key(PrivateKey::from_bytes(&[0x42; 32]));
        let back = parse(&serialize(&raw)).unwrap();
        assert_eq!(
            back.key(0).unwrap().public_key(),
            raw.key(0).unwrap().public_key()
        );
    }

    #[test]
    fn refuses_unknown_versions() {
        let doc = text(&mnemonic_doc("")).replace(r#""version":2"#, r#""version":3"#);
        assert!(matches!(
            parse(doc.as_bytes()),
            Err(Error::UnsupportedVersion(3))
        ));
        // Version 0 is not newer: no attosign ever wrote it.
        let doc = text(&mnemonic_doc("")).replace(r#""version":2"#, r#""version":0"#);
        let err = parse(doc.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("no attosign ever wrote"), "{err}");
        // A future version may change everything else too; the version is still read.
        assert!(matches!(
            parse(br#"{"version":9,"somethingElse":[]}"#),
            Err(Error::UnsupportedVersion(9))
        ));
    }

    #[test]
    fn refuses_corrupt_documents() {
        let good = text(&mnemonic_doc(""));
        let with =
            |field: &str| good.replace(r#""labels":{}"#, &format!(r#""labels":{{}},{field}"#));
        // Addresses are stored canonically (lower case), as attosign writes them.
        let upper = key(1)
            .address()
            .to_string()
            .to_uppercase()
            .replace("ATTO://", "atto://");
        let cases = [
            String::new(),
            "null".into(),
            "[]".into(),
            good[..good.len() - 1].to_string(),
            good.replace(r#""version":2,"#, ""),
            good.replace("art", "abandon"),
            good.replace(r#""kind":"mnemonic""#, r#""kind":"seed""#),
            good.replace(r#""kind":"mnemonic""#, r#""kind":"privateKey""#),
            good.replace(r#""labels":{}"#, r#""labels":{},"extra":1"#),
            good.replace(r#""labels":{}"#, r#""labels":{"x":"a"}"#),
            good.replace(r#""labels":{}"#, r#""labels":{"2147483648":"a"}"#),
            good.replace(r#""labels":{}"#, r#""labels":{"1":"a\u001b[2J"}"#),
            r#"{"version":1,"kind":"privateKey","privateKey":"1234","labels":{}}"#.into(),
            with(r#""journal":"AB""#),
            with(r#""journal":"ZZ""#),
            with(r#""book":{}"#),
            with(r#""book":[{"address":"atto://nope","label":"x"}]"#),
            with(&format!(r#""book":[{{"address":"{upper}","label":"x"}}]"#)),
            with(&format!(
                r#""book":[{{"address":"{a}","label":"x"}},{{"address":"{a}","label":"y"}}]"#,
                a = key(1).address()
            )),
            with(&format!(
                r#""book":[{{"address":"{}","label":"a\u001b"}}]"#,
                key(1).address()
            )),
            with(&format!(
                r#""book":[{{"address":"{}","label":"x","extra":1}}]"#,
                key(1).address()
            )),
            with(r#""policy":{"default":{"destinations":"any"}}"#),
            with(r#""policy":{"default":{"destinations":"Book"},"indexes":{}}"#),
            with(r#""policy":{"default":{"destinations":"any","maxPerDay":"1.5"},"indexes":{}}"#),
            with(
                r#""policy":{"default":{"destinations":"any","maxPerDay":18000000000},"indexes":{}}"#,
            ),
            with(
                r#""policy":{"default":{"destinations":"any","maxPerDay":"18000000000000000001"},"indexes":{}}"#,
            ),
            with(
                r#""policy":{"default":{"destinations":"any"},"indexes":{"2147483648":{"destinations":"any"}}}"#,
            ),
            with(r#""policy":{"default":{"destinations":"any","max":"1"},"indexes":{}}"#),
            format!(
                r#"{{"version":2,"kind":"privateKey","privateKey":"{}","labels":{{}},"policy":{{"default":{{"destinations":"any"}},"indexes":{{"1":{{"destinations":"book"}}}}}}}}"#,
                "11".repeat(32)
            ),
            format!(
                r#"{{"version":1,"kind":"privateKey","privateKey":"00{}","labels":{{}}}}"#,
                "11".repeat(32)
            ),
            format!(
                r#"{{"version":1,"kind":"privateKey","privateKey":"{}","labels":{{"1":"a"}}}}"#,
                "11".repeat(32)
            ),
        ];
        for case in cases {
            assert!(
                matches!(parse(case.as_bytes()), Err(Error::Corrupt { .. })),
                "accepted {case:?}"
            );
        }
    }

    #[test]
    fn error_messages_do_not_quote_secrets() {
        // A mnemonic with a bad word: the message names its position, never the words.
        let doc = text(&mnemonic_doc("")).replacen("abandon", "zzzzzz", 1);
        let message = parse(doc.as_bytes()).unwrap_err().to_string();
        assert!(
            !message.contains("zzzzzz") && !message.contains("abandon"),
            "{message}"
        );
        let doc = text(&mnemonic_doc("")).replace(r#""kind":"mnemonic""#, r#""kind":"abandon""#);
        let message = parse(doc.as_bytes()).unwrap_err().to_string();
        assert!(!message.contains("abandon"), "{message}");
    }

    fn arb_rules() -> impl Strategy<Value = Rules> {
        (
            any::<bool>(),
            proptest::option::of(0u64..=Amount::MAX.raw()),
            proptest::option::of(0u64..=Amount::MAX.raw()),
        )
            .prop_map(|(book, per_tx, per_day)| Rules {
                destinations: if book {
                    Destinations::Book
                } else {
                    Destinations::Any
                },
                max_per_transaction: per_tx.map(Amount),
                max_per_day: per_day.map(Amount),
            })
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn never_panics_on_near_documents(
            passphrase in "\\PC{0,20}",
            cut in 0usize..200,
            byte in any::<u8>(),
        ) {
            let mut doc = serialize(&mnemonic_doc(&passphrase)).to_vec();
            let at = cut % doc.len();
            doc[at] = byte;
            let _ = parse(&doc);
        }

        #[test]
        fn round_trips_any_book_and_policy(
            book in proptest::collection::btree_map(any::<[u8; 32]>(), "([a-zA-Z0-9_.\"\\\\\u{e9}-][a-zA-Z0-9 _.\"\\\\\u{e9}-]{0,29})?[a-z]", 0..8),
            journal in proptest::option::of(any::<[u8; 16]>()),
            default in arb_rules(),
            indexes in proptest::collection::btree_map(0u32..=MAX_INDEX, arb_rules(), 0..4),
        ) {
            let mut ks = mnemonic_doc("");
            ks.set_journal_id(journal);
            // Pushed as stored (quotes and backslashes included, as older versions let them
            // through): the file must keep any label it holds, whatever today's rules for a
            // new one say.
            for (address, label) in &book {
                ks.book.push(BookEntry { address: PublicKey(*address), label: label.clone() });
            }
            let policy = Policy { default, indexes };
            ks.set_policy(policy.clone()).unwrap();
            let back = parse(&serialize(&ks)).unwrap();
            prop_assert_eq!(back.book(), ks.book());
            prop_assert_eq!(back.policy(), &policy);
            prop_assert_eq!(back.journal_id(), journal);
        }

        #[test]
        fn round_trips_any_passphrase_and_labels(
            passphrase in any::<String>(),
            labels in proptest::collection::btree_map(0u32..=MAX_INDEX, "([a-zA-Z0-9_.\u{e9}-]{1,8} ){0,3}[a-z]", 0..5),
        ) {
            let mut ks = mnemonic_doc(&passphrase);
            for (index, label) in &labels {
                ks.set_label(*index, label).unwrap();
            }
            let back = parse(&serialize(&ks)).unwrap();
            prop_assert_eq!(back.labels(), ks.labels());
            match back.secret() {
                Secret::Mnemonic { bip39_passphrase, .. } => {
                    prop_assert_eq!(bip39_passphrase.expose_secret(), passphrase.as_str());
                }
                Secret::PrivateKey(_) => prop_assert!(false),
            }
        }
    }
}
