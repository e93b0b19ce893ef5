//! The journal's head, kept beside it (`<journal>.head`): its id, how many lines it had and
//! the SHA-256 of the last one, rewritten after every append. A journal that holds fewer
//! lines than its head says, or another line at that count, is an older copy put back over
//! the newer one (a backup restored, a file copied back): what was signed since would be
//! open again, so it is refused. Restoring the head with it is not caught; the head is a
//! guard against mistakes, not against someone who edits both files.
//!
//! The head is written after the journal's `fdatasync`, by an atomic rename and without a
//! sync of its own: after a crash it may be older than the journal (fewer lines: harmless),
//! never newer. A head that cannot be read or parsed is ignored; one that cannot be written
//! is reported ([`unwritten`]), for the operator to hear that the check is off.

use super::JournalId;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the head says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub id: JournalId,
    pub lines: u64,
    pub last: [u8; 32],
}

/// Beside the journal's file itself: a journal reached through a symlink has the same head
/// as under its own name.
pub fn path(journal: &Path) -> PathBuf {
    let file = std::fs::canonicalize(journal).unwrap_or_else(|_| journal.to_path_buf());
    let mut name = file.into_os_string();
    name.push(".head");
    PathBuf::from(name)
}

/// The head beside `journal`, if there is a readable one.
pub fn read(journal: &Path) -> Option<Head> {
    read_at(&path(journal))
}

/// The head in the file `head`, if it is a readable one.
pub fn read_at(head: &Path) -> Option<Head> {
    let text = std::fs::read_to_string(head).ok()?;
    let value: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    let id: [u8; 16] = hex(value.get("id")?.as_str()?)?;
    let lines = value.get("lines")?.as_u64()?;
    let last: [u8; 32] = hex(value.get("last")?.as_str()?)?;
    Some(Head {
        id: JournalId(id),
        lines,
        last,
    })
}

fn hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let bytes = data_encoding::HEXUPPER.decode(text.as_bytes()).ok()?;
    bytes.try_into().ok()
}

/// The last head this process could not write, and why, until one is written there again:
/// the journal is durable without it, but until then an older copy put back over the
/// journal is not caught, which the operator should hear about ([`unwritten`]).
static UNWRITTEN: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

/// The head this process last failed to write (its path and the error), if it has not
/// written it since.
pub fn unwritten() -> Option<(PathBuf, String)> {
    UNWRITTEN.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Writes the head beside `journal`, atomically. A failure does not fail the append (the
/// journal itself is already durable, and a missing head only turns the check off); it is
/// kept for [`unwritten`].
pub fn write(journal: &Path, head: &Head) {
    write_at(path(journal), head);
}

/// [`write`] to the file `target`.
pub fn write_at(target: PathBuf, head: &Head) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let temp = target.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let text = format!(
        "{{\"id\":\"{}\",\"lines\":{},\"last\":\"{}\"}}\n",
        head.id,
        head.lines,
        data_encoding::HEXUPPER.encode(&head.last)
    );
    let written = std::fs::write(&temp, text).and_then(|()| std::fs::rename(&temp, &target));
    let mut unwritten = UNWRITTEN.lock().unwrap_or_else(|e| e.into_inner());
    match written {
        Ok(()) => {
            if unwritten.as_ref().is_some_and(|(p, _)| *p == target) {
                *unwritten = None;
            }
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            *unwritten = Some((target, e.to_string()));
        }
    }
}
