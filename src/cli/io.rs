//! Reading inputs ("-" is stdin), writing files atomically, and keeping untrusted text from
//! reaching the terminal raw.

use super::{Failure, Status};
use std::io::Read;
use std::path::Path;

/// Inputs are blocks, transactions and batches of them; anything larger is a mistake (or
/// `/dev/zero`), refused before it fills memory.
pub const INPUT_LIMIT: u64 = 64 * 1024 * 1024;

/// Reads a whole input file, or stdin for "-", without a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut text = read_as_is(path)?;
    strip_bom(&mut text);
    Ok(text)
}

/// [`read_text`]'s text, and the SHA-256 of the input as it is, byte-order mark included: what
/// `sha256sum` says of the file, to match against the list someone approved.
pub fn read_text_digested(path: &Path) -> Result<(String, [u8; 32]), Failure> {
    use sha2::Digest;
    let mut text = read_as_is(path)?;
    let digest = sha2::Sha256::digest(text.as_bytes()).into();
    strip_bom(&mut text);
    Ok((text, digest))
}

/// Editors on some systems start UTF-8 files with a byte-order mark.
fn strip_bom(text: &mut String) {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
}

fn read_as_is(path: &Path) -> Result<String, Failure> {
    let name = || sanitize(&path.display().to_string());
    let mut text = String::new();
    let result = if path == Path::new("-") {
        std::io::stdin()
            .take(INPUT_LIMIT + 1)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| {
            // Sized once from the file's length (a 10,000-block chain is 6 MB), so the text is
            // not copied as it grows; the limit still holds if the file grows meanwhile.
            let size = f.metadata().map_or(0, |m| m.len()).min(INPUT_LIMIT + 1);
            text.reserve(usize::try_from(size).unwrap_or(0));
            f.take(INPUT_LIMIT + 1).read_to_string(&mut text)
        })
    };
    result.map_err(|e| Failure::input(format!("cannot read {}: {e}", name())))?;
    if text.len() as u64 > INPUT_LIMIT {
        return Err(Failure::input(format!(
            "{} is larger than {} MiB; that is not a block or transaction file",
            name(),
            INPUT_LIMIT >> 20
        )));
    }
    Ok(text)
}

/// Refuses an output path that is "-", in a directory that does not exist, or one of the
/// files this command keeps or reads (`protected`: the keystore, its lock, the journal, the
/// passphrase or identity file, an input). Checked before anything is signed, so that a run
/// never ends with its blocks signed and its output unwritable, or written over the keystore.
pub fn check_output(flag: &str, path: &Path, protected: &[&Path]) -> Result<(), Failure> {
    let name = || sanitize(&path.display().to_string());
    if path == Path::new("-") {
        return Err(Failure::usage(format!(
            "{flag} takes a file, not stdout (\"-\")"
        )));
    }
    let text = path.as_os_str().as_encoded_bytes();
    if path.file_name().is_none() || text.ends_with(b"/") || path.is_dir() {
        return Err(Failure::usage(format!(
            "{flag} {} is a directory, not a file name",
            name()
        )));
    }
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        return Err(Failure::usage(format!(
            "{flag} {}: the directory {} does not exist",
            name(),
            sanitize(&dir.display().to_string())
        )));
    }
    if not_a_file(path) {
        return Err(Failure::usage(format!(
            "{flag} {} is not a regular file (a FIFO, a device or a socket): attosign writes \
             a whole new file in its place, so give the name of a file",
            name()
        )));
    }
    if let Some(kept) = protected.iter().find(|kept| same_file(path, kept)) {
        return Err(Failure::usage(format!(
            "{flag} {} would write over {}, which attosign reads, keeps or writes for this \
             command; give another file",
            name(),
            sanitize(&kept.display().to_string())
        )));
    }
    Ok(())
}

/// Whether two paths are in one directory (compared canonically).
pub fn same_dir(a: &Path, b: &Path) -> bool {
    let dir = |p: &Path| {
        let d = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::canonicalize(d).ok()
    };
    matches!((dir(a), dir(b)), (Some(x), Some(y)) if x == y)
}

/// Whether two paths name one file: the same inode if both exist, else the same name in the
/// same (canonical) directory.
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        return x.dev() == y.dev() && x.ino() == y.ino();
    }
    let full = |p: &Path| {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    match (full(a), full(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Whether `path` (followed if a symlink) is there and is neither a regular file nor a
/// directory: a FIFO, a device or a socket, which an atomic write would replace.
pub fn not_a_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes a file atomically: a temporary file beside it, fsynced, renamed over the name, and
/// the directory fsynced, so a crash leaves the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let name = || sanitize(&path.display().to_string());
    let fail = |e: std::io::Error| {
        Failure::new(Status::Error, "io", format!("cannot write {}: {e}", name()))
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| Failure::usage(format!("{} is not a file name", name())))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    // A FIFO or a device (/dev/full, run as root) would be replaced by the renamed file.
    if not_a_file(path) {
        return Err(fail(std::io::Error::other(
            "it is not a regular file (a FIFO, a device or a socket)",
        )));
    }
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// Writes a line to stderr; a closed stderr is not worth a panic.
pub fn to_stderr(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Replaces control characters (escape sequences included), bidirectional overrides and
/// invisible characters ([`attosign::text::hidden`]) so that text from a file can neither
/// rewrite the operator's terminal nor read differently from what it is.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c != '\n' && c != '\t' && attosign::text::hidden(c).is_some() {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// [`sanitize`] for one value quoted inside a message (a field of an input file, a flag's
/// text): line breaks and tabs are replaced too, so a value cannot start a line of its own
/// that reads like attosign's ("ok      hash").
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if attosign::text::hidden(c).is_some() {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// A label in double quotes, as reviews show it: [`one_line`], with a quote or backslash in
/// it escaped and a run of spaces shown as one, so that a label kept from before the label
/// rules refused them cannot end its quotes early or push text into another column.
pub fn quoted(label: &str) -> String {
    let mut out = String::with_capacity(label.len() + 2);
    out.push('"');
    let mut last_space = false;
    for c in one_line(label).chars() {
        match c {
            ' ' if last_space => continue,
            '"' | '\\' => out.push('\\'),
            _ => {}
        }
        last_space = c == ' ';
        out.push(c);
    }
    out.push('"');
    out
}

pub fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// Whether stdout is `/dev/null`: redirected there, or closed when attosign started (the Rust
/// runtime then opens `/dev/null` in its place, so a closed stdout looks like this too).
pub fn stdout_is_dev_null() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    let (Ok(out), Ok(null)) = (
        std::fs::File::from(fd).metadata(),
        std::fs::metadata("/dev/null"),
    ) else {
        return false;
    };
    out.file_type().is_char_device() && out.rdev() == null.rdev()
}

pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a label with a quote and a run of spaces, kept from before the label rules
    /// refused them, could end its quotes early and put a fake amount in a review's row.
    #[test]
    fn a_quoted_label_cannot_end_its_quotes_or_push_columns() {
        assert_eq!(quoted("Hot wallet"), "\"Hot wallet\"");
        let fake = format!("Payroll\") 5 atto{}#", " ".repeat(82));
        assert_eq!(quoted(&fake), "\"Payroll\\\") 5 atto #\"");
        assert_eq!(quoted("a\\b"), "\"a\\\\b\"");
        assert_eq!(quoted("a\u{1b}[2Jb"), "\"a\u{FFFD}[2Jb\"");
    }

    #[test]
    fn sanitize_removes_escapes() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(sanitize("line\nnext"), "line\nnext");
        assert_eq!(
            one_line("X\nok      hash\tz\r"),
            "X\u{FFFD}ok      hash\u{FFFD}z\u{FFFD}"
        );
        assert_eq!(one_line("pay\u{202E}gnp.exe"), "pay\u{FFFD}gnp.exe");
        assert_eq!(sanitize("pay\u{202E}gnp.exe"), "pay\u{FFFD}gnp.exe");
    }
}
