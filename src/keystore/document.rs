//! The keystore's inner document: the small, versioned JSON that age encrypts.
//!
//! ```json
//! {"version":1,"kind":"mnemonic","mnemonic":"abandon … art","bip39Passphrase":"","labels":{"0":"hot wallet"}}
//! {"version":1,"kind":"privateKey","privateKey":"<64 hex digits>","labels":{}}
//! ```
//!
//! Parsing is strict (unknown fields, bad words, control characters in labels are all refused)
//! because the document is only ever written by attosign: anything unexpected means damage or
//! a newer format, and guessing would risk signing with the wrong key.

use super::{Error, Keystore, LABEL_MAX_CHARS, Secret};
use crate::protocol::encode_hex;
use crate::protocol::keys::{MAX_INDEX, Mnemonic, PrivateKey};
use crate::secret::{ExposeSecret, SecretString, Zeroizing};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The version this code writes and reads.
pub const VERSION: u64 = 1;

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
    let capacity = 256 + escaped(mnemonic) + escaped(passphrase) + escaped(private_key) + labels;
    let mut buf = Zeroizing::new(Vec::with_capacity(capacity));
    let doc = DocumentOut {
        version: VERSION,
        kind,
        mnemonic,
        bip39_passphrase: passphrase,
        private_key,
        labels: &keystore.labels,
    };
    serde_json::to_writer(&mut *buf, &doc).expect("serializing to memory cannot fail");
    debug_assert_eq!(buf.capacity(), capacity, "the buffer must not reallocate");
    buf
}

/// Parses a document. Never panics, whatever the bytes (fuzzed and property-tested).
pub fn parse(bytes: &[u8]) -> Result<Keystore, Error> {
    let peek: VersionOnly = serde_json::from_slice(bytes).map_err(|e| {
        Error::corrupt(format!(
            "the document is not keystore JSON ({})",
            json_reason(&e)
        ))
    })?;
    match peek.version {
        Some(VERSION) => {}
        Some(other) => return Err(Error::UnsupportedVersion(other)),
        None => return Err(Error::corrupt("the document has no \"version\"")),
    }
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
        check_label(label)
            .map_err(|reason| Error::corrupt(format!("label of index {index}: {reason}")))?;
    }
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
            Secret::PrivateKey(key)
        }
    };
    let mut keystore = Keystore::new(secret);
    keystore.labels = doc.labels;
    Ok(keystore)
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

/// Labels are shown on the operator's terminal and in scripts' JSON: printable, one line, short.
pub fn check_label(label: &str) -> Result<(), &'static str> {
    if label.chars().any(char::is_control) {
        return Err("it contains control characters (newlines, escapes)");
    }
    // Bidirectional overrides would make `keys list` show the label in another order.
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if label.chars().any(bidi) {
        return Err("it contains bidirectional-override characters");
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
    use proptest::prelude::*;

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
                r#"{{"version":1,"kind":"mnemonic","mnemonic":"{}","bip39Passphrase":"TREZOR","labels":{{"0":"hot wallet"}}}}"#,
                ABANDON.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        );
        let raw = Keystore::from_private_key(PrivateKey::from_bytes(&[0x11; 32]));
        assert_eq!(
            text(&raw),
            format!(
                r#"{{"version":1,"kind":"privateKey","privateKey":"{}","labels":{{}}}}"#,
                "11".repeat(32)
            )
        );
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
        let doc = text(&mnemonic_doc("")).replace(r#""version":1"#, r#""version":2"#);
        assert!(matches!(
            parse(doc.as_bytes()),
            Err(Error::UnsupportedVersion(2))
        ));
        // A future version may change everything else too; the version is still read.
        assert!(matches!(
            parse(br#"{"version":9,"somethingElse":[]}"#),
            Err(Error::UnsupportedVersion(9))
        ));
    }

    #[test]
    fn refuses_corrupt_documents() {
        let good = text(&mnemonic_doc(""));
        let cases = [
            String::new(),
            "null".into(),
            "[]".into(),
            good[..good.len() - 1].to_string(),
            good.replace(r#""version":1,"#, ""),
            good.replace("art", "abandon"),
            good.replace(r#""kind":"mnemonic""#, r#""kind":"seed""#),
            good.replace(r#""kind":"mnemonic""#, r#""kind":"privateKey""#),
            good.replace(r#""labels":{}"#, r#""labels":{},"extra":1"#),
            good.replace(r#""labels":{}"#, r#""labels":{"x":"a"}"#),
            good.replace(r#""labels":{}"#, r#""labels":{"2147483648":"a"}"#),
            good.replace(r#""labels":{}"#, r#""labels":{"1":"a\u001b[2J"}"#),
            r#"{"version":1,"kind":"privateKey","privateKey":"1234","labels":{}}"#.into(),
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
        fn round_trips_any_passphrase_and_labels(
            passphrase in any::<String>(),
            labels in proptest::collection::btree_map(0u32..=MAX_INDEX, "[a-zA-Z0-9 _.\u{e9}-]{0,30}[a-z]", 0..5),
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
