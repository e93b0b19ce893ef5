//! The keystore on disk: read whole, written atomically.
//!
//! A write goes to a fresh 0600 temporary file in the same directory, is fsynced, and only
//! then takes the keystore's name (a rename, or a hard link when the name must not already
//! exist), after which the directory is fsynced. A crash or `kill -9` at any moment leaves
//! either the old keystore or the new one under the name, never a mix; at worst a stray
//! `.<name>.tmp-…` file (encrypted, 0600) remains beside it.

use super::Error;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Keystores are a few hundred bytes; refuse to read something huge by mistake.
const MAX_FILE: u64 = 4 << 20;

/// What is at a keystore's path when it is not a file (regression: a FIFO there made `keys
/// list` wait forever on its open, and a directory was "a keystore already exists").
fn not_a_file(path: &Path) -> Error {
    Error::io(
        path,
        io::Error::other(
            "it is not a regular file (a directory, FIFO or device), so not a keystore; give \
             the keystore file's path",
        ),
    )
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, Error> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(not_a_file(path));
    }
    let file = File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Error::NotFound {
            path: path.to_path_buf(),
        },
        _ => Error::io(path, e),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(Error::corrupt("the file is far too large to be a keystore"));
    }
    Ok(bytes)
}

/// Fails with [`Error::AlreadyExists`] if something has this name. A symlink counts by what
/// it points to: one that points nowhere yet is where the operator wants the keystore.
pub(crate) fn ensure_absent(path: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(destination(path)?) {
        Ok(meta) if !meta.is_file() => Err(not_a_file(path)),
        Ok(_) => Err(Error::AlreadyExists {
            path: path.to_path_buf(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// What `--force` may replace: nothing, or a regular file (through symlinks). Not even
/// `--force` replaces a directory, a FIFO or a device with a keystore.
/// Regression: `keys new --force` on a directory showed new recovery words and `keys import
/// --force` left a lock file beside it before the write refused the path.
/// A path that cannot be looked up (a parent that is a file) is refused here too, as
/// without `--force`.
pub(crate) fn ensure_replaceable(path: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(destination(path)?) {
        Ok(meta) if !meta.is_file() => Err(not_a_file(path)),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Where a write to `path` lands: `path` itself, or, through symlinks (followed one link at
/// a time, so the last one may point to a file that does not exist yet), the file they name.
/// Regression: a dangling symlink was reported as "a keystore already exists", and `--force`
/// could not create the keystore behind it either.
fn destination(path: &Path) -> Result<PathBuf, Error> {
    let mut current = path.to_path_buf();
    // Linux's own limit on symlinks in one lookup (MAXSYMLINKS).
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current).map_err(|e| Error::io(&current, e))?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::io(
        path,
        io::Error::other("too many levels of symbolic links"),
    ))
}

/// Writes `bytes` to `path` atomically with mode 0600; without `overwrite`, fails if the
/// path exists (checked by the final, atomic step itself, not only beforehand).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), Error> {
    // Replace what a symlink points to, not the symlink: the operator chose where it lives.
    let target = destination(path)?;
    if !overwrite {
        ensure_absent(&target)?;
    } else {
        ensure_replaceable(path)?;
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| Error::io(&dir, e))?;

    let mut temp = TempFile::create(&dir, &target)?;
    fault_point("temp-created");
    temp.file
        .write_all(bytes)
        .map_err(|e| Error::io(&temp.path, e))?;
    fault_point("temp-written");
    temp.file.sync_all().map_err(|e| Error::io(&temp.path, e))?;
    fault_point("temp-synced");

    if overwrite {
        fault_error("rename")
            .and_then(|()| fs::rename(&temp.path, &target))
            .map_err(|e| Error::io(&target, e))?;
        temp.armed = false;
    } else {
        // link(2) fails if the name exists: no window in which another writer's keystore
        // could be replaced. The temporary name is removed afterwards (by the guard).
        match fs::hard_link(&temp.path, &target) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(Error::AlreadyExists {
                    path: path.to_path_buf(),
                });
            }
            // File systems without hard links (some FUSE, vfat): check, then rename.
            Err(_) => {
                ensure_absent(&target)?;
                fs::rename(&temp.path, &target).map_err(|e| Error::io(&target, e))?;
                temp.armed = false;
            }
        }
    }
    fault_point("renamed");
    drop(temp);
    File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(&dir, e))?;
    Ok(())
}

/// The keystore's write lock: an exclusive lock on `<keystore>.lock` (mode 0600) beside it,
/// held until dropped. Every change to an existing keystore takes it from read to write.
///
/// A separate file, because the keystore itself is replaced by a rename on every write, and
/// a lock on the old file would not stop a writer who opened the new one. A symlinked
/// keystore is locked beside the file it points to, where every writer meets.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// The lock file of the keystore at `path`: beside it, or for a symlink beside the file
    /// it points to.
    pub fn path(path: &Path) -> Result<PathBuf, Error> {
        let target = match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                fs::canonicalize(path).map_err(|e| Error::io(path, e))?
            }
            _ => path.to_path_buf(),
        };
        let mut name = target.as_os_str().to_owned();
        name.push(".lock");
        Ok(PathBuf::from(name))
    }

    /// Takes the lock of the keystore at `path`, waiting for it if another process holds it
    /// (`on_wait` is called once before waiting, so the operator can be told).
    pub fn acquire(path: &Path, on_wait: impl FnOnce()) -> Result<WriteLock, Error> {
        let lock_path = WriteLock::path(path)?;
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&lock_path)
            .map_err(|e| Error::io(&lock_path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                on_wait();
                file.lock().map_err(|e| Error::io(&lock_path, e))?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
        }
        Ok(WriteLock { _file: file })
    }
}

/// A temporary file that removes itself unless it was renamed into place.
struct TempFile {
    path: PathBuf,
    file: File,
    armed: bool,
}

impl TempFile {
    fn create(dir: &Path, target: &Path) -> Result<TempFile, Error> {
        let name = target
            .file_name()
            .map_or_else(|| "keystore".into(), |n| n.to_string_lossy().into_owned());
        let mut random = [0u8; 8];
        getrandom::fill(&mut random)
            .map_err(|e| Error::io(dir, io::Error::other(e.to_string())))?;
        let path = dir.join(format!(
            ".{name}.tmp-{}-{}",
            std::process::id(),
            crate::protocol::encode_hex(&random)
        ));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        Ok(TempFile {
            path,
            file,
            armed: true,
        })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Test builds only: with the `fault-injection` feature, `ATTOSIGN_TEST_FAULT=<point>` makes
/// the process die at that point of a write, at once and without cleanup (no destructors
/// run), as a crash or `kill -9` would. Only `cargo test` turns the feature on (through the
/// package's dev-dependency on itself, see Cargo.toml), so no other build, debug or release,
/// contains this code or reads the variable.
#[cfg(feature = "fault-injection")]
fn fault_point(point: &str) {
    if std::env::var_os("ATTOSIGN_TEST_FAULT").is_some_and(|v| v == point) {
        eprintln!("attosign: test fault point {point} reached, exiting");
        std::process::exit(FAULT_EXIT);
    }
}

#[cfg(not(feature = "fault-injection"))]
fn fault_point(_point: &str) {}

/// Test builds only, as [`fault_point`]: `ATTOSIGN_TEST_FAULT=fail:<point>` makes that step
/// of a write fail with an error, as a full disk or a read-only directory would, so that the
/// error paths after it can be tested (as root, permissions cannot make a write fail).
#[cfg(feature = "fault-injection")]
fn fault_error(point: &str) -> io::Result<()> {
    match std::env::var_os("ATTOSIGN_TEST_FAULT") {
        Some(v) if v.to_str().and_then(|v| v.strip_prefix("fail:")) == Some(point) => {
            Err(io::Error::other(format!("test fault: {point} failed")))
        }
        _ => Ok(()),
    }
}

#[cfg(not(feature = "fault-injection"))]
fn fault_error(_point: &str) -> io::Result<()> {
    Ok(())
}

/// The exit status of a test fault (unused by anything else).
#[cfg(feature = "fault-injection")]
const FAULT_EXIT: i32 = 86;

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn writes_0600_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/dir/keystore.age");
        write_atomic(&path, b"one", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode & 0o077, 0, "{dir_mode:o}");
        assert!(matches!(
            write_atomic(&path, b"two", false),
            Err(Error::AlreadyExists { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn overwriting_through_a_symlink_keeps_the_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.age");
        let link = dir.path().join("link.age");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", true).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    /// Regression: a symlink pointing to a file that does not exist yet was "a keystore
    /// that already exists", with or without --force.
    #[test]
    fn a_dangling_symlink_is_created_through() {
        for overwrite in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let link = dir.path().join("link.age");
            std::os::unix::fs::symlink("sub/real.age", &link).unwrap();
            ensure_absent(&link).unwrap();
            write_atomic(&link, b"new", overwrite).unwrap();
            assert_eq!(fs::read(dir.path().join("sub/real.age")).unwrap(), b"new");
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            // Now it points to a keystore, which is kept without overwrite.
            assert!(matches!(
                write_atomic(&link, b"two", false),
                Err(Error::AlreadyExists { .. })
            ));
        }
    }

    #[test]
    fn the_write_lock_excludes_a_second_holder_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keystore.age");
        let first = WriteLock::acquire(&path, || panic!("nobody holds it yet")).unwrap();
        let lock_path = dir.path().join("keystore.age.lock");
        let mode = fs::metadata(&lock_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // flock locks belong to the open file description, so a second open in this process
        // contends like another process would.
        let other = File::open(&lock_path).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(fs::TryLockError::WouldBlock)
        ));
        let (waiting_tx, waiting_rx) = std::sync::mpsc::channel();
        let (locked_tx, locked_rx) = std::sync::mpsc::channel();
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || {
                let lock = WriteLock::acquire(&path, || waiting_tx.send(()).unwrap()).unwrap();
                locked_tx.send(()).unwrap();
                drop(lock);
            })
        };
        // The second taker is told to wait, and does not get the lock while it is held.
        waiting_rx.recv().unwrap();
        assert!(locked_rx.try_recv().is_err());
        drop(first);
        locked_rx.recv().unwrap();
        waiter.join().unwrap();
        drop(other);
    }

    #[test]
    fn reads_report_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read(&dir.path().join("none")),
            Err(Error::NotFound { .. })
        ));
    }
}
