//! The keystore: the one place attosign's secrets live.
//!
//! A keystore is an age file (passphrase/scrypt, or an X25519 recipient), mode 0600, written
//! atomically, holding a small versioned JSON document ([`document`]) with either a 24-word
//! mnemonic and its BIP39 passphrase or one raw Ed25519 private key, plus operators' labels
//! for account indexes, the address book and signing policy ([`crate::policy`]), and the id
//! of the journal it signs with. This module has no terminal I/O; the command line prompts
//! and prints.
//!
//! Changes to an existing keystore go through [`Update`], which holds the keystore's write
//! lock from reading the file to writing it back, so two processes cannot lose a change.

mod crypt;
pub mod document;
mod error;
mod file;

pub use crypt::{Lock, MAX_WORK_FACTOR, Unlock, check_work_factor, parse_identity, read_identity};
pub use error::Error;
pub use file::WriteLock;

use crate::policy::{BookEntry, Policy};
use crate::protocol::PublicKey;
use crate::protocol::keys::{MAX_INDEX, Mnemonic, PrivateKey, Seed};
use crate::secret::{ExposeSecret, SecretString};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Labels are at most this many characters.
pub const LABEL_MAX_CHARS: usize = 100;

/// The address book holds at most this many entries: at worst ~500 bytes each, they keep the
/// keystore well below the 4 MiB attosign reads back.
pub const BOOK_MAX_ENTRIES: usize = 5_000;

/// The secret a keystore holds.
pub enum Secret {
    /// Keys derived at `m/44'/1869902945'/index'` from the mnemonic and BIP39 passphrase
    /// (the passphrase taken as raw UTF-8, as Atto's wallets do; empty for none).
    Mnemonic {
        mnemonic: Mnemonic,
        bip39_passphrase: SecretString,
    },
    /// One key, which is index 0.
    PrivateKey(PrivateKey),
}

/// A decrypted keystore. Not `Clone`; everything secret in it zeroizes on drop.
pub struct Keystore {
    secret: Secret,
    /// The BIP39 seed, computed once (PBKDF2 is slow on purpose).
    seed: Option<Seed>,
    labels: BTreeMap<u32, String>,
    /// The id of the journal this keystore signs with, once recorded.
    journal: Option<[u8; 16]>,
    book: Vec<BookEntry>,
    policy: Policy,
    /// The scrypt work factor of the file this was read from, if passphrase-encrypted.
    work_factor: Option<u8>,
}

/// The public data of one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub index: u32,
    pub public_key: PublicKey,
    pub label: Option<String>,
}

impl Keystore {
    fn new(secret: Secret) -> Keystore {
        let seed = match &secret {
            Secret::Mnemonic {
                mnemonic,
                bip39_passphrase,
            } => Some(mnemonic.to_seed(bip39_passphrase.expose_secret())),
            Secret::PrivateKey(_) => None,
        };
        Keystore {
            secret,
            seed,
            labels: BTreeMap::new(),
            journal: None,
            book: Vec::new(),
            policy: Policy::default(),
            work_factor: None,
        }
    }

    /// A keystore for a mnemonic and BIP39 passphrase ("" for none), used byte for byte.
    pub fn from_mnemonic(mnemonic: Mnemonic, bip39_passphrase: SecretString) -> Keystore {
        Keystore::new(Secret::Mnemonic {
            mnemonic,
            bip39_passphrase,
        })
    }

    /// A keystore for one raw private key, which becomes index 0.
    pub fn from_private_key(key: PrivateKey) -> Keystore {
        Keystore::new(Secret::PrivateKey(key))
    }

    pub fn secret(&self) -> &Secret {
        &self.secret
    }

    /// The private key at an index. A raw-key keystore has only index 0.
    pub fn key(&self, index: u32) -> Result<PrivateKey, Error> {
        if index > MAX_INDEX {
            return Err(Error::IndexOutOfRange(index));
        }
        match (&self.secret, &self.seed) {
            (Secret::Mnemonic { .. }, Some(seed)) => seed
                .derive(index)
                .map_err(|_| Error::IndexOutOfRange(index)),
            (Secret::PrivateKey(key), _) if index == 0 => {
                Ok(PrivateKey::from_bytes(&key.to_bytes()))
            }
            (Secret::PrivateKey(_), _) => Err(Error::RawKeyIndex(index)),
            (Secret::Mnemonic { .. }, None) => unreachable!("the seed is computed in new()"),
        }
    }

    /// The public key at an index.
    pub fn public_key(&self, index: u32) -> Result<PublicKey, Error> {
        self.key(index).map(|key| key.public_key())
    }

    /// The first index among `0..first_n` whose public key is `public_key`, with its key.
    pub fn find(&self, public_key: &PublicKey, first_n: u32) -> Option<(u32, PrivateKey)> {
        (0..self.index_limit(first_n)).find_map(|index| {
            let key = self.key(index).ok()?;
            (key.public_key() == *public_key).then_some((index, key))
        })
    }

    /// Public data of the first `count` indexes (a raw-key keystore has just index 0).
    pub fn public_entries(&self, count: u32) -> Vec<Entry> {
        (0..self.index_limit(count))
            .map(|index| self.entry(index).expect("index within range"))
            .collect()
    }

    /// Public data of one index.
    pub fn entry(&self, index: u32) -> Result<Entry, Error> {
        Ok(Entry {
            index,
            public_key: self.public_key(index)?,
            label: self.labels.get(&index).cloned(),
        })
    }

    fn index_limit(&self, count: u32) -> u32 {
        match self.secret {
            Secret::Mnemonic { .. } => count.min(MAX_INDEX + 1),
            Secret::PrivateKey(_) => count.min(1),
        }
    }

    pub fn labels(&self) -> &BTreeMap<u32, String> {
        &self.labels
    }

    pub fn label(&self, index: u32) -> Option<&str> {
        self.labels.get(&index).map(String::as_str)
    }

    /// Sets the label of an index; an empty text removes it.
    pub fn set_label(&mut self, index: u32, text: &str) -> Result<(), Error> {
        if index > MAX_INDEX {
            return Err(Error::IndexOutOfRange(index));
        }
        if matches!(self.secret, Secret::PrivateKey(_)) && index != 0 {
            return Err(Error::RawKeyIndex(index));
        }
        if text.is_empty() {
            self.labels.remove(&index);
            return Ok(());
        }
        document::check_label(text).map_err(Error::InvalidLabel)?;
        self.labels.insert(index, text.to_string());
        Ok(())
    }

    /// The id of the journal this keystore signs with (None until it is first used).
    pub fn journal_id(&self) -> Option<[u8; 16]> {
        self.journal
    }

    pub fn set_journal_id(&mut self, id: Option<[u8; 16]>) {
        self.journal = id;
    }

    /// A digest of the address book and the policy (SHA-256; nothing secret goes into it),
    /// recorded in the journal with every change to them.
    pub fn rules_digest(&self) -> [u8; 32] {
        document::rules_digest(self)
    }

    /// The address book, in the order entries were added.
    pub fn book(&self) -> &[BookEntry] {
        &self.book
    }

    /// The label the address book gives an address, if it has one.
    pub fn book_label(&self, address: &PublicKey) -> Option<&str> {
        crate::policy::book_label(&self.book, address)
    }

    /// Adds an address to the book, or gives one already there a new label. Returns the label
    /// it had before (None if it is new).
    pub fn set_book_label(
        &mut self,
        address: PublicKey,
        label: &str,
    ) -> Result<Option<String>, Error> {
        self.set_book_labels(&[(address, label)])
            .map(|mut previous| previous.pop().flatten())
    }

    /// [`Keystore::set_book_label`] for several entries at once, checked against the book as
    /// it will be after all of them (an import may swap two labels, or hand one entry's label
    /// to another it relabels: one at a time, either would clash halfway). All or nothing.
    /// Returns each entry's label before (None if it is new).
    pub fn set_book_labels(
        &mut self,
        changes: &[(PublicKey, &str)],
    ) -> Result<Vec<Option<String>>, Error> {
        let (book, previous) = crate::policy::with_labels(&self.book, changes);
        for (&(_, label), before) in changes.iter().zip(&previous) {
            // Unchanged: nothing to check (a label kept from before the rules stays).
            if before.as_deref() != Some(label) {
                document::check_label(label).map_err(Error::InvalidLabel)?;
            }
        }
        if book.len() > BOOK_MAX_ENTRIES {
            return Err(Error::BookFull {
                max: BOOK_MAX_ENTRIES,
            });
        }
        if let Some(&(i, other)) = crate::policy::label_clashes(&book, changes, &previous).first() {
            return Err(Error::LabelTaken {
                label: changes[i].1.to_string(),
                other,
                existing: crate::policy::book_label(&book, &other)
                    .unwrap_or_default()
                    .to_string(),
            });
        }
        self.book = book;
        Ok(previous)
    }

    /// Removes an address from the book, returning its entry.
    pub fn remove_from_book(&mut self, address: &PublicKey) -> Result<BookEntry, Error> {
        let at = self
            .book
            .iter()
            .position(|e| e.address == *address)
            .ok_or(Error::NotInBook { address: *address })?;
        Ok(self.book.remove(at))
    }

    /// The signing policy (unrestricted unless one was set).
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Replaces the signing policy. Indexes must be in range, and a raw-key keystore has
    /// only index 0.
    pub fn set_policy(&mut self, policy: Policy) -> Result<(), Error> {
        for &index in policy.indexes.keys() {
            if index > MAX_INDEX {
                return Err(Error::IndexOutOfRange(index));
            }
            if matches!(self.secret, Secret::PrivateKey(_)) && index != 0 {
                return Err(Error::RawKeyIndex(index));
            }
        }
        self.policy = policy;
        Ok(())
    }

    /// The scrypt work factor of the file this keystore was read from (None if it was
    /// encrypted to an identity, or not read from a file).
    pub fn work_factor(&self) -> Option<u8> {
        self.work_factor
    }

    /// Parses a decrypted inner document.
    pub fn from_document(bytes: &[u8]) -> Result<Keystore, Error> {
        document::parse(bytes)
    }

    /// The inner document, in a buffer that zeroizes on drop.
    pub fn to_document(&self) -> crate::secret::Zeroizing<Vec<u8>> {
        document::serialize(self)
    }

    /// The age file for this keystore. The plaintext document is zeroized as soon as it is
    /// encrypted.
    pub fn encrypt(&self, lock: &Lock) -> Result<Vec<u8>, Error> {
        let document = self.to_document();
        crypt::encrypt(&document, lock)
    }

    /// Decrypts and parses an age file.
    pub fn decrypt(ciphertext: &[u8], unlock: &Unlock) -> Result<Keystore, Error> {
        Keystore::decrypt_with_limit(ciphertext, unlock, MAX_WORK_FACTOR)
    }

    /// [`Keystore::decrypt`] with a lower scrypt cost limit, so a fuzzer can try headers
    /// without waiting seconds per input.
    #[doc(hidden)]
    pub fn decrypt_with_limit(
        ciphertext: &[u8],
        unlock: &Unlock,
        max_work_factor: u8,
    ) -> Result<Keystore, Error> {
        let document = crypt::decrypt(ciphertext, unlock, max_work_factor)?;
        let mut keystore = document::parse(&document)?;
        keystore.work_factor = crypt::scrypt_work_factor(ciphertext);
        Ok(keystore)
    }

    /// Reads and decrypts a keystore file.
    pub fn read(path: &Path, unlock: &Unlock) -> Result<Keystore, Error> {
        EncryptedKeystore::read(path)?.decrypt(unlock)
    }

    /// Encrypts and writes the keystore atomically (mode 0600). Without `overwrite`, an
    /// existing file is an error, checked before the (slow) encryption and again atomically
    /// when the file takes its name.
    pub fn write(&self, path: &Path, lock: &Lock, overwrite: bool) -> Result<(), Error> {
        check_can_create(path, overwrite)?;
        let ciphertext = self.encrypt(lock)?;
        // Replacing a keystore takes its write lock, as every change does: a change another
        // process is making (a label, a passphrase, the book) then lands before the
        // replacement, or finds the new file and leaves it alone, instead of writing the old
        // keystore back over it.
        let _guard = if overwrite && path.exists() {
            Some(WriteLock::acquire(path, || {})?)
        } else {
            None
        };
        file::write_atomic(path, &ciphertext, overwrite)
    }
}

// By hand: nothing secret may reach a log through `{:?}`.
impl fmt::Debug for Keystore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.secret {
            Secret::Mnemonic { .. } => "mnemonic",
            Secret::PrivateKey(_) => "private key",
        };
        f.debug_struct("Keystore")
            .field("kind", &kind)
            .field("labels", &self.labels)
            .field(
                "journal",
                &self.journal.map(|id| crate::protocol::encode_hex(&id)),
            )
            .field("book", &self.book)
            .field("policy", &self.policy)
            .field("work_factor", &self.work_factor)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Secret::Mnemonic { .. } => f.write_str("Secret::Mnemonic(<redacted>)"),
            Secret::PrivateKey(key) => write!(f, "Secret::{key:?}"),
        }
    }
}

/// A keystore file read but not yet decrypted: enough to tell whether it wants a passphrase
/// or an identity before asking the operator for either.
pub struct EncryptedKeystore {
    bytes: Vec<u8>,
}

impl EncryptedKeystore {
    pub fn read(path: &Path) -> Result<EncryptedKeystore, Error> {
        Ok(EncryptedKeystore {
            bytes: file::read(path)?,
        })
    }

    pub fn from_bytes(bytes: Vec<u8>) -> EncryptedKeystore {
        EncryptedKeystore { bytes }
    }

    /// Whether the file is passphrase-encrypted (scrypt), as opposed to encrypted to an age
    /// recipient; an error if it is not an age file at all.
    pub fn is_passphrase(&self) -> Result<bool, Error> {
        crypt::is_scrypt(&self.bytes)
    }

    /// The file's scrypt work factor, if passphrase-encrypted.
    pub fn work_factor(&self) -> Option<u8> {
        crypt::scrypt_work_factor(&self.bytes)
    }

    pub fn decrypt(&self, unlock: &Unlock) -> Result<Keystore, Error> {
        Keystore::decrypt(&self.bytes, unlock)
    }
}

/// A change to an existing keystore file: take its write lock, read and decrypt it, apply the
/// change, write it back atomically (0600), release the lock.
///
/// The lock is held from the read to the rename, so a change made by another process in
/// between is never lost: it is either read here or made after this write. Commands show
/// their review and ask for confirmation before they start an update (the lock is never held
/// while a prompt waits), and hand in what they read then with [`Update::seen`]: if the file
/// is still byte for byte the same, it is not decrypted a second time (scrypt takes about a
/// second); if it changed, it is decrypted again and the change applied to what is there now.
pub struct Update<'a> {
    path: &'a Path,
    unlock: &'a Unlock,
    work_factor: Option<u8>,
    lock: Option<Lock>,
    seen: Option<(EncryptedKeystore, Keystore)>,
}

impl<'a> Update<'a> {
    /// An update of the keystore at `path`, opened with `unlock` and encrypted again with the
    /// same credentials and the file's scrypt work factor.
    pub fn new(path: &'a Path, unlock: &'a Unlock) -> Update<'a> {
        Update {
            path,
            unlock,
            work_factor: None,
            lock: None,
            seen: None,
        }
    }

    /// Re-encrypt with this scrypt work factor instead of the file's (None keeps the file's).
    pub fn work_factor(mut self, work_factor: Option<u8>) -> Update<'a> {
        self.work_factor = work_factor;
        self
    }

    /// Encrypt with other credentials (`keys passwd`).
    pub fn lock(mut self, lock: Lock) -> Update<'a> {
        self.lock = Some(lock);
        self
    }

    /// The file and keystore as read before the lock was taken.
    pub fn seen(mut self, encrypted: EncryptedKeystore, keystore: Keystore) -> Update<'a> {
        self.seen = Some((encrypted, keystore));
        self
    }

    /// Runs the update. `on_wait` is called once if another process holds the lock (this one
    /// then waits for it); `change` may refuse, in which case nothing is written.
    pub fn run<T, E: From<Error>>(
        self,
        on_wait: impl FnOnce(),
        change: impl FnOnce(&mut Keystore) -> Result<T, E>,
    ) -> Result<T, E> {
        let guard = WriteLock::acquire(self.path, on_wait)?;
        let encrypted = EncryptedKeystore::read(self.path)?;
        let mut keystore = match self.seen {
            Some((before, keystore)) if before.bytes == encrypted.bytes => keystore,
            _ => encrypted.decrypt(self.unlock)?,
        };
        let value = change(&mut keystore)?;
        let lock = match self.lock {
            Some(lock) => lock,
            None => self
                .unlock
                .relock(self.work_factor.or(keystore.work_factor())),
        };
        let ciphertext = keystore.encrypt(&lock)?;
        file::write_atomic(self.path, &ciphertext, true)?;
        drop(guard);
        Ok(value)
    }
}

/// Fails with [`Error::AlreadyExists`] if the path exists and `overwrite` is false; lets a
/// command refuse before it prompts for anything.
/// With `overwrite`, a path that is not a regular file (a directory, a FIFO, a device) is
/// refused all the same.
pub fn check_can_create(path: &Path, overwrite: bool) -> Result<(), Error> {
    if overwrite {
        file::ensure_replaceable(path)
    } else {
        file::ensure_absent(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABANDON: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon \
        abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \
        abandon abandon abandon art";

    fn abandon() -> Keystore {
        Keystore::from_mnemonic(Mnemonic::parse(ABANDON).unwrap(), SecretString::from(""))
    }

    #[test]
    fn derives_the_reference_keys() {
        // vectors/keys.json, "entropy all-zero", index 0.
        let ks = abandon();
        assert_eq!(
            ks.public_key(0).unwrap().to_hex(),
            "EF2253ED278FB3F4155C58078162F42DA1CB060D1A62C840517D12738F89E854"
        );
        assert!(matches!(
            ks.key(MAX_INDEX + 1),
            Err(Error::IndexOutOfRange(_))
        ));
    }

    #[test]
    fn finds_the_index_of_a_public_key() {
        let ks = abandon();
        let target = ks.public_key(7).unwrap();
        let (index, key) = ks.find(&target, 1000).unwrap();
        assert_eq!((index, key.public_key()), (7, target));
        assert!(ks.find(&target, 7).is_none());
    }

    #[test]
    fn raw_keys_are_index_zero_only() {
        let mut ks = Keystore::from_private_key(PrivateKey::from_bytes(&[7; 32]));
        assert!(ks.key(0).is_ok());
        assert!(matches!(ks.key(1), Err(Error::RawKeyIndex(1))));
        assert_eq!(ks.public_entries(10).len(), 1);
        let pk = ks.public_key(0).unwrap();
        assert_eq!(ks.find(&pk, 1000).map(|(i, _)| i), Some(0));
        assert!(ks.set_label(1, "x").is_err());
        ks.set_label(0, "only").unwrap();
        assert_eq!(ks.public_entries(3)[0].label.as_deref(), Some("only"));
    }

    #[test]
    fn labels_are_set_checked_and_removed() {
        let mut ks = abandon();
        ks.set_label(3, "savings").unwrap();
        assert_eq!(ks.label(3), Some("savings"));
        assert!(matches!(
            ks.set_label(3, "a\nb"),
            Err(Error::InvalidLabel(_))
        ));
        assert!(ks.set_label(3, &"x".repeat(LABEL_MAX_CHARS + 1)).is_err());
        assert!(ks.set_label(MAX_INDEX + 1, "x").is_err());
        ks.set_label(3, "").unwrap();
        assert_eq!(ks.label(3), None);
    }

    #[test]
    fn entries_stop_at_the_last_index() {
        let ks = abandon();
        assert_eq!(ks.index_limit(u32::MAX), MAX_INDEX + 1);
        assert_eq!(ks.index_limit(5), 5);
        assert_eq!(ks.public_entries(3).len(), 3);
    }

    #[test]
    fn debug_output_is_redacted() {
        let ks = abandon();
        let debug = format!("{ks:?} {:?}", ks.secret());
        assert!(!debug.contains("abandon"), "{debug}");
        let raw = Keystore::from_private_key(PrivateKey::from_bytes(&[0xAB; 32]));
        let debug = format!("{raw:?} {:?}", raw.secret());
        assert!(!debug.to_uppercase().contains(&"AB".repeat(32)), "{debug}");
        let unlock = Unlock::Passphrase(SecretString::from("hunter2"));
        let lock = unlock.relock(Some(3));
        assert!(!format!("{unlock:?} {lock:?}").contains("hunter2"));
    }

    #[test]
    fn file_round_trip_keeps_work_factor_and_refuses_clobbering() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keystore.age");
        let mut ks = abandon();
        ks.set_label(1, "one").unwrap();
        let unlock = Unlock::Passphrase(SecretString::from("pw"));
        ks.write(&path, &unlock.relock(Some(3)), false).unwrap();
        let back = Keystore::read(&path, &unlock).unwrap();
        assert_eq!(back.work_factor(), Some(3));
        assert_eq!(back.label(1), Some("one"));
        let encrypted = EncryptedKeystore::read(&path).unwrap();
        assert!(encrypted.is_passphrase().unwrap());
        assert!(
            EncryptedKeystore::from_bytes(b"junk".to_vec())
                .is_passphrase()
                .is_err()
        );
        assert_eq!(encrypted.work_factor(), Some(3));
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(
            ks.write(&path, &unlock.relock(Some(3)), false),
            Err(Error::AlreadyExists { .. })
        ));
        assert!(matches!(
            Keystore::read(&path, &Unlock::Passphrase(SecretString::from("nope"))),
            Err(Error::WrongPassphrase)
        ));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // No plaintext on disk.
        assert!(!before.windows(7).any(|w| w == b"abandon"));
    }
}
