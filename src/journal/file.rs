//! The journal on disk: created atomically, read line by line, appended under an exclusive
//! advisory lock.
//!
//! A new journal is written like the keystore (a fresh 0600 temporary file in the same
//! directory, fsynced, then hard-linked to its name, which fails if the name exists, then the
//! directory fsynced), so a crash never leaves a journal without its header line.
//! The keystore's helper is not shared: its errors are the keystore's, and another change to
//! that module is under way; the dozen lines are repeated here instead.

use super::JournalError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Writes `bytes` as a new 0600 file at `path`; fails with `Exists` if the name is taken
/// (decided by link(2) itself, so two processes cannot both create it).
pub(crate) fn create_new(path: &Path, bytes: &[u8]) -> Result<(), JournalError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let exists = || JournalError::Exists {
        path: path.to_path_buf(),
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| JournalError::io(&dir, e))?;
    let mut random = [0u8; 8];
    getrandom::fill(&mut random)
        .map_err(|e| JournalError::io(&dir, io::Error::other(e.to_string())))?;
    let name = path
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        crate::protocol::encode_hex(&random)
    ));
    let result = (|| -> Result<(), JournalError> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
            .map_err(|e| JournalError::io(&temp, e))?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| JournalError::io(&temp, e))?;
        match fs::hard_link(&temp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
            // File systems without hard links: check, then rename (a small race, as for
            // the keystore on such file systems).
            Err(_) => {
                if fs::symlink_metadata(path).is_ok() {
                    return Err(exists());
                }
                fs::rename(&temp, path).map_err(|e| JournalError::io(path, e))
            }
        }
    })();
    let _ = fs::remove_file(&temp);
    result?;
    File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| JournalError::io(&dir, e))
}

/// Opens the journal for reading (and, for the lock, writing); a missing file is `Missing`.
pub(crate) fn open(path: &Path, write: bool) -> Result<File, JournalError> {
    OpenOptions::new()
        .read(true)
        .write(write)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => JournalError::Missing {
                path: path.to_path_buf(),
            },
            _ => JournalError::io(path, e),
        })
}

/// (device, inode): which file a path named when it was read.
pub(crate) fn identity(file: &File, path: &Path) -> Result<(u64, u64), JournalError> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata().map_err(|e| JournalError::io(path, e))?;
    Ok((meta.dev(), meta.ino()))
}

/// What a scan found after its last complete line.
pub(crate) enum End {
    Clean,
    /// A last line without its newline, or one with zeroed bytes (blocks a crash left
    /// unwritten): never fsynced whole, so never signed for. Its length in bytes.
    Torn(u64),
}

/// Reads the lines of `file` from `offset`, calling `each(bytes, offset, is_last)` for every
/// complete line (without its newline). `each` returns `Ok(false)` when a last line is torn
/// (does not parse); the scan then reports it as such.
pub(crate) fn scan(
    file: &File,
    path: &Path,
    offset: u64,
    mut each: impl FnMut(&[u8], u64, bool) -> Result<bool, JournalError>,
) -> Result<End, JournalError> {
    let io_err = |e| JournalError::io(path, e);
    let mut reader = file;
    reader.seek(SeekFrom::Start(offset)).map_err(io_err)?;
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut pending: Vec<u8> = Vec::with_capacity(4096);
    let mut pending_at = offset;
    let mut have_pending = false;
    let mut current: Vec<u8> = Vec::with_capacity(4096);
    let mut at = offset;
    loop {
        current.clear();
        let n = reader.read_until(b'\n', &mut current).map_err(io_err)?;
        if n == 0 {
            break;
        }
        if current.last() != Some(&b'\n') {
            // No newline: the end of the file, torn.
            if have_pending {
                each(&pending, pending_at, false)?;
            }
            return Ok(End::Torn(n as u64));
        }
        if have_pending {
            each(&pending, pending_at, false)?;
        }
        current.pop();
        std::mem::swap(&mut pending, &mut current);
        pending_at = at;
        have_pending = true;
        at += n as u64;
    }
    if have_pending && !each(&pending, pending_at, true)? {
        return Ok(End::Torn(at - pending_at));
    }
    Ok(End::Clean)
}
