//! What can go wrong with a keystore. Each variant names a fact; the command line decides the
//! exit status and the advice (a wrong passphrase is status 4, an existing file wants --force).

use super::MAX_WORK_FACTOR;
use crate::protocol::PublicKey;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    #[error("the passphrase does not decrypt the keystore")]
    WrongPassphrase,
    #[error("the age identity does not decrypt the keystore: it is encrypted to another recipient")]
    WrongIdentity,
    #[error("the keystore is encrypted to an age identity, not with a passphrase")]
    NeedsIdentity,
    #[error("the keystore is encrypted with a passphrase, not to an age identity")]
    NeedsPassphrase,
    #[error("the keystore asks for scrypt work factor {required}, above the limit of {max}")]
    ExcessiveWorkFactor { required: u8, max: u8 },
    #[error("scrypt work factor {0} is out of range (1 to {MAX_WORK_FACTOR})")]
    WorkFactorOutOfRange(u8),
    #[error("there is no keystore at {}", path.display())]
    NotFound { path: PathBuf },
    #[error("a keystore already exists at {}", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("the keystore is damaged or not a keystore: {reason}")]
    Corrupt { reason: String },
    #[error("the keystore document has version {0}, and this attosign reads only versions 1 and 2")]
    UnsupportedVersion(u64),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("key index {0} is out of range (0 to 2147483647)")]
    IndexOutOfRange(u32),
    #[error("the keystore holds one raw private key, which is index 0; there is no index {0}")]
    RawKeyIndex(u32),
    #[error("invalid label: {0}")]
    InvalidLabel(&'static str),
    #[error("age identity file {}: {reason}", path.display())]
    InvalidIdentity { path: PathBuf, reason: String },
    #[error("encryption failed: {0}")]
    Encrypt(String),
    #[error("{} is not in the address book", address.address())]
    NotInBook { address: PublicKey },
    #[error("the address book is full: it holds at most {max} entries")]
    BookFull { max: usize },
    #[error(
        "the address book already gives {} the label \"{existing}\", which \"{label}\" looks like \
         (the same letters in another case, script or form); a label names one address, so \
         choose another",
        other.address()
    )]
    LabelTaken {
        label: String,
        other: PublicKey,
        /// The label `other` has.
        existing: String,
    },
}

impl Error {
    pub(crate) fn corrupt(reason: impl Into<String>) -> Error {
        Error::Corrupt {
            reason: reason.into(),
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
