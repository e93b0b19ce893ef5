//! age encryption of the inner document: with a passphrase (scrypt) or to an X25519 recipient.

use super::Error;
use crate::secret::{ExposeSecret, SecretString, Zeroizing};
use age::x25519;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// The highest scrypt work factor (log2 N) attosign writes or is willing to compute when
/// opening a file. 2^22 is 4 GiB of memory and several seconds; age's own calibration lands
/// near 18 on today's machines, so a keystore written anywhere opens everywhere, and a hostile
/// file cannot make attosign allocate terabytes.
pub const MAX_WORK_FACTOR: u8 = 22;

/// Decrypted documents are small; a bigger one is not a keystore.
pub(crate) const MAX_DOCUMENT: usize = 1 << 20;

/// How a keystore is encrypted when written.
pub enum Lock {
    /// scrypt with this passphrase; `work_factor` None means age's calibration (~1 s here).
    Passphrase {
        passphrase: SecretString,
        work_factor: Option<u8>,
    },
    /// To an age X25519 recipient (the public half of an identity).
    Recipient(x25519::Recipient),
}

/// How a keystore is decrypted when read.
pub enum Unlock {
    Passphrase(SecretString),
    Identity(x25519::Identity),
}

impl Unlock {
    /// The lock that the same credentials open again, for rewriting a keystore in place.
    pub fn relock(&self, work_factor: Option<u8>) -> Lock {
        match self {
            Unlock::Passphrase(passphrase) => Lock::Passphrase {
                passphrase: passphrase.clone(),
                work_factor,
            },
            Unlock::Identity(identity) => Lock::Recipient(identity.to_public()),
        }
    }
}

// By hand, so that no passphrase or identity can reach a log through `{:?}`.
impl fmt::Debug for Lock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lock::Passphrase { work_factor, .. } => f
                .debug_struct("Lock::Passphrase")
                .field("work_factor", work_factor)
                .finish_non_exhaustive(),
            Lock::Recipient(recipient) => write!(f, "Lock::Recipient({recipient})"),
        }
    }
}

impl fmt::Debug for Unlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unlock::Passphrase(_) => f.write_str("Unlock::Passphrase(<redacted>)"),
            Unlock::Identity(identity) => {
                write!(f, "Unlock::Identity(recipient {})", identity.to_public())
            }
        }
    }
}

/// Refuses work factors that [`MAX_WORK_FACTOR`] would keep from opening again.
pub fn check_work_factor(work_factor: u8) -> Result<(), Error> {
    if (1..=MAX_WORK_FACTOR).contains(&work_factor) {
        Ok(())
    } else {
        Err(Error::WorkFactorOutOfRange(work_factor))
    }
}

pub(crate) fn encrypt(plaintext: &[u8], lock: &Lock) -> Result<Vec<u8>, Error> {
    let result = match lock {
        Lock::Passphrase {
            passphrase,
            work_factor,
        } => {
            if passphrase.expose_secret().is_empty() {
                // age would accept it; a keystore "protected" by nothing is a mistake.
                return Err(Error::Encrypt("the passphrase is empty".into()));
            }
            let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
            if let Some(work_factor) = *work_factor {
                check_work_factor(work_factor)?;
                recipient.set_work_factor(work_factor);
            }
            age::encrypt(&recipient, plaintext)
        }
        Lock::Recipient(recipient) => age::encrypt(recipient, plaintext),
    };
    result.map_err(|e| Error::Encrypt(e.to_string()))
}

fn decryptor(
    ciphertext: &[u8],
) -> Result<age::Decryptor<age::armor::ArmoredReader<std::io::BufReader<&[u8]>>>, Error> {
    age::Decryptor::new_buffered(age::armor::ArmoredReader::new(ciphertext)).map_err(|e| match e {
        age::DecryptError::UnknownFormat => {
            Error::corrupt("an age file of a format this attosign does not know")
        }
        other => Error::corrupt(format!("not an age file ({other})")),
    })
}

/// Whether an age file is passphrase-encrypted.
pub(crate) fn is_scrypt(ciphertext: &[u8]) -> Result<bool, Error> {
    decryptor(ciphertext).map(|d| d.is_scrypt())
}

/// Decrypts an age file, refusing scrypt work factors above `max_work_factor` before doing
/// any of that work.
pub(crate) fn decrypt(
    ciphertext: &[u8],
    unlock: &Unlock,
    max_work_factor: u8,
) -> Result<Zeroizing<Vec<u8>>, Error> {
    use age::DecryptError as E;
    let decryptor = decryptor(ciphertext)?;
    let reader = match unlock {
        Unlock::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                return Err(Error::NeedsIdentity);
            }
            let mut identity = age::scrypt::Identity::new(passphrase.clone());
            identity.set_max_work_factor(max_work_factor);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
        }
        Unlock::Identity(identity) => {
            if decryptor.is_scrypt() {
                return Err(Error::NeedsPassphrase);
            }
            decryptor.decrypt(std::iter::once(identity as &dyn age::Identity))
        }
    };
    let reader = reader.map_err(|e| match (e, unlock) {
        (E::ExcessiveWork { required, .. }, _) => Error::ExcessiveWorkFactor {
            required,
            max: max_work_factor,
        },
        (
            E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys,
            Unlock::Passphrase(_),
        ) => Error::WrongPassphrase,
        (E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys, Unlock::Identity(_)) => {
            Error::WrongIdentity
        }
        (other, _) => Error::corrupt(format!("the age header is invalid ({other})")),
    })?;
    // Allocated once at full size so it never reallocates (and never leaves a copy behind).
    let mut plaintext = Zeroizing::new(Vec::with_capacity(MAX_DOCUMENT + 1));
    reader
        .take(MAX_DOCUMENT as u64 + 1)
        .read_to_end(&mut plaintext)
        .map_err(|_| Error::corrupt("the encrypted content is damaged (authentication failed)"))?;
    if plaintext.len() > MAX_DOCUMENT {
        return Err(Error::corrupt("the decrypted document is too large"));
    }
    Ok(plaintext)
}

/// The scrypt work factor recorded in a passphrase-encrypted age file's header, if any.
pub(crate) fn scrypt_work_factor(ciphertext: &[u8]) -> Option<u8> {
    let header = ciphertext.split(|&b| b == b'\n').take(16);
    for line in header {
        if line.starts_with(b"---") {
            break;
        }
        if let Some(args) = line.strip_prefix(b"-> scrypt ") {
            let text = std::str::from_utf8(args).ok()?;
            return text.split(' ').nth(1)?.parse().ok();
        }
    }
    None
}

/// Reads an age identity file as `age-keygen` writes it: `#` comments and one
/// `AGE-SECRET-KEY-1…` line.
pub fn read_identity(path: &Path) -> Result<x25519::Identity, Error> {
    let invalid = |reason: &str| Error::InvalidIdentity {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let text = crate::secret::read_secret_file(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => invalid(&e.to_string()),
        _ => Error::io(path, e),
    })?;
    parse_identity(&text).map_err(|reason| invalid(&reason))
}

/// Parses the text of an identity file; the error never quotes the file.
pub fn parse_identity(text: &str) -> Result<x25519::Identity, String> {
    let trimmed = text.trim_start();
    if trimmed.starts_with("age-encryption.org/") || trimmed.starts_with("-----BEGIN AGE") {
        return Err(
            "it is an encrypted (passphrase-protected) identity file, which attosign \
                    cannot use; give it a plain identity file"
                .into(),
        );
    }
    let mut found = None;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("AGE-PLUGIN-") {
            return Err(format!(
                "line {} is a plugin identity; attosign supports only X25519 identities (age-keygen)",
                number + 1
            ));
        }
        let identity: x25519::Identity = line
            .parse()
            .map_err(|_| format!("line {} is not an AGE-SECRET-KEY-1… identity", number + 1))?;
        if found.replace(identity).is_some() {
            return Err(
                "it holds more than one identity; give attosign a file with exactly one".into(),
            );
        }
    }
    found.ok_or_else(|| "it holds no AGE-SECRET-KEY-1… identity".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(p: &str) -> SecretString {
        SecretString::from(p)
    }

    #[test]
    fn passphrase_round_trip_and_wrong_passphrase() {
        let lock = Lock::Passphrase {
            passphrase: pass("correct horse"),
            work_factor: Some(2),
        };
        let ct = encrypt(b"{}", &lock).unwrap();
        assert_eq!(scrypt_work_factor(&ct), Some(2));
        let pt = decrypt(
            &ct,
            &Unlock::Passphrase(pass("correct horse")),
            MAX_WORK_FACTOR,
        )
        .unwrap();
        assert_eq!(&pt[..], b"{}");
        assert!(matches!(
            decrypt(&ct, &Unlock::Passphrase(pass("wrong")), MAX_WORK_FACTOR),
            Err(Error::WrongPassphrase)
        ));
        let identity = x25519::Identity::generate();
        assert!(matches!(
            decrypt(&ct, &Unlock::Identity(identity), MAX_WORK_FACTOR),
            Err(Error::NeedsPassphrase)
        ));
    }

    #[test]
    fn refuses_excessive_work_before_doing_it() {
        let lock = Lock::Passphrase {
            passphrase: pass("p"),
            work_factor: Some(12),
        };
        let ct = encrypt(b"{}", &lock).unwrap();
        let err = decrypt(&ct, &Unlock::Passphrase(pass("p")), 11).unwrap_err();
        assert!(
            matches!(
                err,
                Error::ExcessiveWorkFactor {
                    required: 12,
                    max: 11
                }
            ),
            "{err:?}"
        );
        // A header claiming an absurd cost is refused instantly, not computed.
        let forged = String::from_utf8_lossy(&ct).replacen(" 12\n", " 40\n", 1);
        let start = std::time::Instant::now();
        assert!(
            decrypt(
                forged.as_bytes(),
                &Unlock::Passphrase(pass("p")),
                MAX_WORK_FACTOR
            )
            .is_err()
        );
        assert!(start.elapsed().as_secs() < 5);
        assert!(check_work_factor(MAX_WORK_FACTOR + 1).is_err());
        assert!(check_work_factor(0).is_err());
    }

    #[test]
    fn identity_round_trip_and_wrong_identity() {
        let identity = x25519::Identity::generate();
        let ct = encrypt(b"{}", &Lock::Recipient(identity.to_public())).unwrap();
        assert_eq!(scrypt_work_factor(&ct), None);
        let pt = decrypt(&ct, &Unlock::Identity(identity), MAX_WORK_FACTOR).unwrap();
        assert_eq!(&pt[..], b"{}");
        let other = x25519::Identity::generate();
        assert!(matches!(
            decrypt(&ct, &Unlock::Identity(other), MAX_WORK_FACTOR),
            Err(Error::WrongIdentity)
        ));
        assert!(matches!(
            decrypt(&ct, &Unlock::Passphrase(pass("p")), MAX_WORK_FACTOR),
            Err(Error::NeedsIdentity)
        ));
    }

    #[test]
    fn refuses_empty_passphrase_and_garbage() {
        let lock = Lock::Passphrase {
            passphrase: pass(""),
            work_factor: Some(1),
        };
        assert!(encrypt(b"{}", &lock).is_err());
        assert!(matches!(
            decrypt(b"not age", &Unlock::Passphrase(pass("p")), MAX_WORK_FACTOR),
            Err(Error::Corrupt { .. })
        ));
    }

    #[test]
    fn damaged_payload_is_corrupt_not_wrong_passphrase() {
        let lock = Lock::Passphrase {
            passphrase: pass("p"),
            work_factor: Some(1),
        };
        let mut ct = encrypt(b"{\"some\":\"document\"}", &lock).unwrap();
        let last = ct.len() - 1;
        ct[last] ^= 1;
        assert!(matches!(
            decrypt(&ct, &Unlock::Passphrase(pass("p")), MAX_WORK_FACTOR),
            Err(Error::Corrupt { .. })
        ));
    }

    #[test]
    fn identity_files() {
        let identity = x25519::Identity::generate();
        let line = identity.to_string();
        let file = format!(
            "# created: 2026-01-01T00:00:00Z\n# public key: {}\n{}\n",
            identity.to_public(),
            line.expose_secret()
        );
        let parsed = parse_identity(&file).unwrap();
        assert_eq!(
            parsed.to_public().to_string(),
            identity.to_public().to_string()
        );
        assert!(parse_identity("# nothing\n").is_err());
        assert!(parse_identity(&format!("{f}{f}", f = file)).is_err());
        let Err(err) = parse_identity("AGE-SECRET-KEY-1NOTAKEY\n") else {
            panic!("accepted a broken identity");
        };
        assert!(!err.contains("NOTAKEY"), "{err}");
        assert!(parse_identity("age-encryption.org/v1\n-> scrypt x 1\n").is_err());
        assert!(parse_identity("AGE-PLUGIN-YUBIKEY-1XYZ\n").is_err());
    }
}
