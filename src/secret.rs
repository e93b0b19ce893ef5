//! Secrets in memory: wrappers that zeroize on drop and never print their contents, and the
//! one way secret text is read from a file, so no stray copy of it is left on the heap.

pub use age::secrecy::{ExposeSecret, SecretString};
pub use zeroize::{Zeroize, Zeroizing};

use std::io::{self, Read};
use std::path::Path;

/// Secret files (passphrases, mnemonics, private keys) are small; anything larger is a mistake,
/// and a fixed capacity means the buffer never grows, so no unzeroized copy is ever freed.
pub const SECRET_FILE_LIMIT: usize = 64 * 1024;

/// Reads a secret from a file, or from stdin for "-", and drops one trailing line ending
/// (`\n` or `\r\n`), which is how editors and `echo` end a file, and a leading UTF-8
/// byte-order mark, which some editors write first (regression: it became part of the
/// mnemonic or passphrase, and no keyboard can type it back). Nothing else is trimmed:
/// spaces may be part of a passphrase.
pub fn read_secret_file(path: &Path) -> io::Result<Zeroizing<String>> {
    let mut buf = Zeroizing::new(Vec::with_capacity(SECRET_FILE_LIMIT + 1));
    let limit = (SECRET_FILE_LIMIT + 1) as u64;
    if path == Path::new("-") {
        // Through a duplicate of the descriptor, not `io::stdin()`, whose internal buffer
        // would keep an unzeroized copy of the secret for the life of the process.
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned()?;
        std::fs::File::from(fd).take(limit).read_to_end(&mut buf)?;
    } else {
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut buf)?;
    }
    if buf.len() > SECRET_FILE_LIMIT {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {SECRET_FILE_LIMIT} bytes; this is not a secret file"),
        ));
    }
    if std::str::from_utf8(&buf).is_err() {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"));
    }
    // Checked above; moving the Vec into the String keeps the same (zeroizing) allocation.
    let text = String::from_utf8(std::mem::take(&mut *buf)).expect("checked UTF-8");
    let mut text = Zeroizing::new(text);
    if text.starts_with('\u{feff}') {
        // In place: the bytes move down within the same (zeroizing) allocation.
        text.drain(..'\u{feff}'.len_utf8());
    }
    trim_line_ending(&mut text);
    Ok(text)
}

/// Removes one trailing `\n` or `\r\n` in place (no reallocation, so no copy is left behind).
pub fn trim_line_ending(text: &mut String) {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
}

/// Moves secret text into a [`SecretString`]. The copy is exact-size and the original is
/// zeroized, so no stale heap copy survives (a plain `String` → `Box<str>` may reallocate).
pub fn into_secret_string(text: Zeroizing<String>) -> SecretString {
    SecretString::from(text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_exactly_one_line_ending() {
        for (input, expected) in [
            ("pass", "pass"),
            ("pass\n", "pass"),
            ("pass\r\n", "pass"),
            ("pass\n\n", "pass\n"),
            (" pass \n", " pass "),
            ("pass\r", "pass\r"),
            ("", ""),
        ] {
            let mut text = input.to_string();
            trim_line_ending(&mut text);
            assert_eq!(text, expected, "{input:?}");
        }
    }

    #[test]
    fn reads_files_and_refuses_huge_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p");
        std::fs::write(&path, "caf\u{e9} au lait\r\n").unwrap();
        assert_eq!(
            read_secret_file(&path).unwrap().as_str(),
            "caf\u{e9} au lait"
        );
        std::fs::write(&path, "\u{feff}pass phrase\n").unwrap();
        assert_eq!(read_secret_file(&path).unwrap().as_str(), "pass phrase");
        std::fs::write(&path, vec![b'a'; SECRET_FILE_LIMIT + 1]).unwrap();
        assert!(read_secret_file(&path).is_err());
        std::fs::write(&path, [0xff, 0xfe]).unwrap();
        assert!(read_secret_file(&path).is_err());
    }
}
