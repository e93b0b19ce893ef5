//! `attosign qr FILE`: transactions as QR codes (DESIGN.md §5), on the terminal or as PNG/SVG
//! files; and [`show`], which the one-step commands call for `--qr` and `--qr-png`.
//!
//! Nothing is drawn before every transaction verifies: a code the node would reject must
//! never reach a camera.

use super::args::{EcChoice, QrArgs, QrImageArgs};
use super::describe::now_ms;
use super::{Ctx, Failure, Status, io};
use attosign::keystore::Entry;
use attosign::protocol::{Amount, Checks, Document, Transaction};
use attosign::qr::{self, Code, EcLevel};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The defaults of `--module-size` and `--error-correction` (args.rs), for [`show`]'s PNGs.
#[allow(dead_code)] // used by `show`
pub const DEFAULT_MODULE_PX: u32 = 6;
#[allow(dead_code)] // used by `show`
pub const DEFAULT_EC: EcLevel = EcLevel::M;

pub fn run(ctx: &mut Ctx, args: &QrArgs) -> Result<(), Failure> {
    refuse_dash(&args.image)?;
    let txs = read_transactions(&args.file)?;
    let ec = level(args.image.error_correction);
    let codes = codes(&txs, ec)?;
    let wrote_files = args.image.png.is_some() || args.image.svg.is_some();
    let kept = super::request::kept_files(ctx.global);
    let mut protected: Vec<&Path> = kept.iter().map(|p| p.as_path()).collect();
    protected.push(&args.file);
    write_images(ctx, &args.image, &codes, &protected)?;
    if !wrote_files {
        // Caption and code alternate, so each caption sits above its code on a screen that
        // shows both streams; so they are written as they go, after everything verified.
        print_codes(ctx, &txs, &codes, false)?;
    }
    Ok(())
}

/// For `send`/`receive`/`open`/`change` (and batch runs): shows `txs` as QR codes after
/// verifying each (status 3 if one does not). `to_stderr` (`--qr`) draws them on stderr with
/// their captions, so stdout keeps exactly the transaction JSON; `png` (`--qr-png PATH`)
/// writes PATH itself for one transaction, PATH-1.png, PATH-2.png, … for several, at the
/// default module size and error correction. Codes are in (account, height) order.
pub fn show(
    ctx: &Ctx,
    txs: &[Transaction],
    to_stderr: bool,
    png: Option<&Path>,
) -> Result<(), Failure> {
    // Checked before signing (`check_image_path`); again here, as the images are written
    // after the work, with the same refusals ("-", a missing directory).
    if let Some(path) = png {
        io::check_output("--qr-png", path, &[])?;
    }
    let mut txs = txs.to_vec();
    qr::sort(&mut txs);
    verify_all(&txs, |i| format!("transaction {}", i + 1))?;
    check_set(&txs)?;
    let codes = codes(&txs, DEFAULT_EC)?;
    if let Some(path) = png {
        prepare_images(path, "png", &codes, |c| {
            c.to_png(DEFAULT_MODULE_PX).map_err(qr_failure)
        })?
        .commit(ctx)?;
    }
    if to_stderr {
        print_codes(ctx, &txs, &codes, true)?;
    }
    Ok(())
}

pub fn level(choice: EcChoice) -> EcLevel {
    match choice {
        EcChoice::L => EcLevel::L,
        EcChoice::M => EcLevel::M,
        EcChoice::Q => EcLevel::Q,
        EcChoice::H => EcLevel::H,
    }
}

/// `keys show --qr`: the account as the official wallet's payment request
/// (`atto://ADDRESS?amount=RAW`), so a phone wallet can fund the cold account by scanning the
/// air-gapped screen. The code goes to stdout (or the image files), the caption to stderr.
pub fn payment_request(
    ctx: &mut Ctx,
    entry: &Entry,
    amount: Option<&str>,
    image: &QrImageArgs,
) -> Result<(), Failure> {
    refuse_dash(image)?;
    let amount = amount
        .map(|text| match Amount::parse_atto(text.trim()) {
            Ok(amount) if amount.raw() > 0 => Ok(amount),
            Ok(_) => Err(Failure::usage("--amount must be more than 0")),
            Err(e) => Err(Failure::usage(format!(
                "--amount {}: {}",
                io::one_line(text),
                io::sanitize(&e.to_string())
            ))),
        })
        .transpose()?;
    let text = qr::payment_request(&entry.public_key, amount);
    let code = Code::text(&text, level(image.error_correction)).map_err(qr_failure)?;
    let mut caption = format!("index {} · {}", entry.index, entry.public_key.address());
    if let Some(label) = &entry.label {
        caption.push_str(&format!(" ({label})"));
    }
    if let Some(amount) = amount {
        caption.push_str(&format!(" · asks for {} atto", amount.to_atto_string()));
    }
    let codes = [code];
    let kept = super::request::kept_files(ctx.global);
    let protected: Vec<&Path> = kept.iter().map(|p| p.as_path()).collect();
    write_images(ctx, image, &codes, &protected)?;
    if image.png.is_none() && image.svg.is_none() {
        ctx.note(&caption);
        ctx.data(codes[0].to_terminal().trim_end_matches('\n'));
    }
    Ok(())
}

/// `-` cannot be an image file (DESIGN.md §3): the codes would mix with nothing a terminal
/// can show, and stdout already has a meaning.
pub fn refuse_dash(image: &QrImageArgs) -> Result<(), Failure> {
    for (flag, path) in [("--png", &image.png), ("--svg", &image.svg)] {
        if path.as_deref() == Some(Path::new("-")) {
            return Err(Failure::usage(format!(
                "{flag} needs a file name; \"-\" is refused there (the terminal rendering is \
                 what goes to stdout: drop {flag})"
            )));
        }
    }
    Ok(())
}

/// Every transaction of FILE (JSON, or NDJSON), verified, in (account, height) order.
fn read_transactions(path: &Path) -> Result<Vec<Transaction>, Failure> {
    let docs = super::work::read_documents(path)?;
    let several = docs.len() > 1;
    let name = io::sanitize(&path.display().to_string());
    let where_ = |i: usize| {
        if several {
            format!("{name} document {}", i + 1)
        } else {
            name.clone()
        }
    };
    let now = now_ms();
    let mut bad = Vec::new();
    let mut txs = Vec::with_capacity(docs.len());
    for (i, doc) in docs.into_iter().enumerate() {
        let checks = Checks::of_document(&doc, now);
        match doc {
            Document::Transaction(tx) if checks.is_valid() => txs.push(tx),
            _ => bad.push(invalid_line(&where_(i), &checks)),
        }
    }
    refuse(bad, txs.len())?;
    qr::sort(&mut txs);
    check_set(&txs)?;
    Ok(txs)
}

/// Verifies transactions that are already parsed (those [`show`] is given).
#[allow(dead_code)] // used by `show`
fn verify_all(txs: &[Transaction], where_: impl Fn(usize) -> String) -> Result<(), Failure> {
    let now = now_ms();
    let bad: Vec<String> = txs
        .iter()
        .enumerate()
        .filter_map(|(i, tx)| {
            let checks = Checks::of_transaction(tx, now);
            (!checks.is_valid()).then(|| invalid_line(&where_(i), &checks))
        })
        .collect();
    refuse(bad, txs.len())
}

fn invalid_line(what: &str, checks: &Checks) -> String {
    let reasons: Vec<String> = checks
        .named()
        .iter()
        .filter_map(|(name, p)| p.map(|p| format!("{name}: {p}")))
        .collect();
    format!("{what}: {}", reasons.join("; "))
}

fn refuse(bad: Vec<String>, good: usize) -> Result<(), Failure> {
    if bad.is_empty() {
        return Ok(());
    }
    Err(Failure::new(
        Status::Invalid,
        "invalid-transaction",
        format!(
            "{} of {} transactions do not verify, so no QR code was made (a code the node would \
             reject must never reach a camera):\n  {}\nCheck each with attosign verify, and \
             sign or work it again.",
            bad.len(),
            bad.len() + good,
            bad.join("\n  ")
        ),
    ))
}

/// Refuses a set `decode` would refuse on the online side ([`qr::check_set`]: two blocks at
/// one height, or an account's blocks that do not follow one another), before any code is
/// carried across. `txs` in [`qr::sort`]'s order.
fn check_set(txs: &[Transaction]) -> Result<(), Failure> {
    let (a, b, what) = match qr::check_set(txs) {
        Ok(()) => return Ok(()),
        Err(qr::SetProblem::Fork { first, second }) => (
            &txs[first].block,
            &txs[second].block,
            "are two different blocks at one height; a node takes at most one",
        ),
        Err(qr::SetProblem::Gap { before, after }) => (
            &txs[before].block,
            &txs[after].block,
            "do not follow one another (a height between them is missing, or the later one \
             builds on another block); a node would refuse the later one",
        ),
    };
    Err(Failure::new(
        Status::Invalid,
        "invalid-transaction",
        format!(
            "blocks {} (height {}) and {} (height {}) of {} {what}, so no QR code was made \
             (decode would refuse the set on the online side). Give qr the transactions of one \
             run, all of them",
            a.hash(),
            a.height(),
            b.hash(),
            b.height(),
            a.public_key.address()
        ),
    ))
}

fn codes(txs: &[Transaction], ec: EcLevel) -> Result<Vec<Code>, Failure> {
    txs.iter()
        .map(|tx| Code::transaction(tx, ec).map_err(qr_failure))
        .collect()
}

fn qr_failure(e: qr::Error) -> Failure {
    Failure::new(Status::Error, "qr", e.to_string())
}

/// Each caption on stderr, then its code on stdout (or stderr).
fn print_codes(
    ctx: &Ctx,
    txs: &[Transaction],
    codes: &[Code],
    to_stderr: bool,
) -> Result<(), Failure> {
    for (i, (tx, code)) in txs.iter().zip(codes).enumerate() {
        ctx.note(&qr::caption(tx, i + 1, txs.len()));
        // An empty line after each code keeps codes apart for people and for scripts.
        let text = code.to_terminal() + "\n";
        let written = if to_stderr {
            write_flushed(std::io::stderr().lock(), &text)
        } else {
            write_flushed(std::io::stdout().lock(), &text)
        };
        match written {
            Ok(()) => {}
            // `attosign qr … | head`: the reader has what it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => {
                return Err(Failure::new(
                    Status::Error,
                    "stdout",
                    format!("cannot write the QR code: {e}"),
                ));
            }
        }
    }
    Ok(())
}

fn write_flushed(mut out: impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// `out.png` for one code; `out-1.png`, `out-2.png`, … for several. A name without an
/// extension is a stem: `outbox` gives `outbox-1.png` even for one code, so that a script's
/// `outbox-*.png` finds every run's codes, however many there were.
pub fn image_paths(path: &Path, count: usize, extension: &str) -> Vec<PathBuf> {
    if !numbered(path, count) {
        return vec![path.to_path_buf()];
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path.extension().map_or_else(
        || extension.to_string(),
        |e| e.to_string_lossy().into_owned(),
    );
    (1..=count)
        .map(|n| path.with_file_name(format!("{stem}-{n}.{ext}")))
        .collect()
}

/// The images an earlier run left numbered past this set's (`out-3.png` after a run of two;
/// `out-1.png`, … when this one writes `out.png`): the unbroken run of numbers after the set,
/// which are removed once the set is written. A numbered image past a gap in those numbers
/// (`out-5.png` with no `out-4.png`) refuses the command before anything is written or
/// signed (status 2): a scan of `out-*.png` would read it with this run's codes, and whether
/// it is an earlier run's or a file of the operator's (`invoice-2026.png`) cannot be told
/// (regression: it stayed, and the README's scan published an old transaction).
pub fn stale_images(path: &Path, count: usize, extension: &str) -> Result<Vec<PathBuf>, Failure> {
    let first = if numbered(path, count) { count + 1 } else { 1 };
    let (mut next, mut broken) = (first, false);
    let mut stale = Vec::new();
    for (n, file) in numbered_images(path, extension) {
        if n < first {
            continue;
        }
        if !broken && n == next && file.is_file() {
            if is_image(&file) {
                stale.push(file);
            }
            next += 1;
            continue;
        }
        // A missing number, a directory or a dangling link ends the run; every image past
        // it refuses (regression: after a directory or a non-image there, they were kept).
        broken = true;
        if file.is_file() && is_image(&file) {
            return Err(Failure::usage(format!(
                "{} is an image numbered like this run's, past a gap in the numbers, so \
                 attosign does not remove it, and a scan of the set would read it with this \
                 run's codes: move it away, or give another name; nothing was written",
                io::sanitize(&file.display().to_string())
            )));
        }
    }
    Ok(stale)
}

/// The files beside `path` named as its numbered images (`out-1.png`, `out-17.png`, …; the
/// numbers as [`image_paths`] writes them), with their numbers, in number order.
fn numbered_images(path: &Path, extension: &str) -> Vec<(usize, PathBuf)> {
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let ext = path.extension().map_or_else(
        || extension.to_string(),
        |e| e.to_string_lossy().into_owned(),
    );
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let number = name
                .strip_prefix(stem.as_str())?
                .strip_prefix('-')?
                .strip_suffix(ext.as_str())?
                .strip_suffix('.')?;
            // As written: no sign, no leading zero.
            if number.is_empty()
                || !number.bytes().all(|b| b.is_ascii_digit())
                || number.starts_with('0')
            {
                return None;
            }
            Some((number.parse().ok()?, path.with_file_name(&name)))
        })
        .collect();
    found.sort();
    found
}

/// Refuses (status 2) image targets that are directories, FIFOs or devices: before anything is
/// written, or, for `--qr-png` of a signing command, before anything is signed (regression:
/// its numbered names were checked only once the run was signed and worked, status 2 after
/// the fact; a FIFO was replaced by the image).
pub fn check_targets(paths: &[PathBuf], consequence: &str) -> Result<(), Failure> {
    for path in paths {
        let what = if path.is_dir() {
            "a directory"
        } else if io::not_a_file(path) {
            "not a regular file (a FIFO, a device or a socket)"
        } else {
            continue;
        };
        return Err(Failure::usage(format!(
            "cannot write {}: it is {what}; {consequence}",
            io::sanitize(&path.display().to_string())
        )));
    }
    Ok(())
}

/// Whether `count` images of `path` get numbers: several, or a name without an extension.
fn numbered(path: &Path, count: usize) -> bool {
    count > 1 || path.extension().is_none()
}

/// Refuses an image path (`--png`, `--svg`, `--qr-png`) that `check_output` refuses, or whose
/// numbered names for several codes (`out-1.png`, `out-2.png`, …: any number, as the count may
/// not be known yet) would be one of the `protected` files.
pub fn check_image_path(flag: &str, path: &Path, protected: &[&Path]) -> Result<(), Failure> {
    io::check_output(flag, path, protected)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
    for kept in protected {
        let numbered = kept
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .and_then(|name| {
                let rest = name.strip_prefix(stem.as_deref()?)?.strip_prefix('-')?;
                let number = match ext.as_deref() {
                    Some(ext) => rest.strip_suffix(ext)?.strip_suffix('.')?,
                    None => rest.rsplit_once('.').map_or(rest, |(n, _)| n),
                };
                (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(())
            })
            .is_some();
        if numbered && io::same_dir(path, kept) {
            return Err(Failure::usage(format!(
                "{flag} {}: for several codes it writes {}, which attosign reads or keeps for \
                 this command; give another file name",
                io::sanitize(&path.display().to_string()),
                io::sanitize(&kept.display().to_string())
            )));
        }
    }
    Ok(())
}

/// `--png` and `--svg`: both paths checked, then both sets written under temporary names
/// and only then renamed into place, so a failure in either leaves every image as it was.
fn write_images(
    ctx: &Ctx,
    image: &QrImageArgs,
    codes: &[Code],
    protected: &[&Path],
) -> Result<(), Failure> {
    for (flag, path) in [("--png", &image.png), ("--svg", &image.svg)] {
        if let Some(path) = path {
            check_image_path(flag, path, protected)?;
        }
    }
    // The two sets may not share a file (regression: `--png out --svg out` was refused,
    // though they write out-1.png… and out-1.svg…).
    if let (Some(png), Some(svg)) = (&image.png, &image.svg) {
        let pngs = image_paths(png, codes.len(), "png");
        if let Some(both) = image_paths(svg, codes.len(), "svg")
            .iter()
            .find(|p| pngs.iter().any(|q| io::same_file(p, q)))
        {
            return Err(Failure::usage(format!(
                "--png and --svg would both write {}; give them different names",
                io::sanitize(&both.display().to_string())
            )));
        }
    }
    let mut sets = Vec::new();
    if let Some(path) = &image.png {
        sets.push(prepare_images(path, "png", codes, |c| {
            c.to_png(image.module_size).map_err(qr_failure)
        })?);
    }
    if let Some(path) = &image.svg {
        sets.push(prepare_images(path, "svg", codes, |c| {
            Ok(c.to_svg(image.module_size).into_bytes())
        })?);
    }
    for set in sets {
        set.commit(ctx)?;
    }
    Ok(())
}

/// A set of images written under temporary names, to be renamed into place together.
struct ImageSet {
    temps: Vec<TempImage>,
    paths: Vec<PathBuf>,
    /// Numbered images beyond this set's, left from an earlier run under the same name.
    stale: Vec<PathBuf>,
}

/// Renders every image first, then writes each to a temporary file beside its target; nothing
/// takes a target's name until [`ImageSet::commit`]. A target that is a directory is refused
/// before anything is written.
fn prepare_images(
    path: &Path,
    extension: &str,
    codes: &[Code],
    render: impl Fn(&Code) -> Result<Vec<u8>, Failure>,
) -> Result<ImageSet, Failure> {
    let images = codes.iter().map(render).collect::<Result<Vec<_>, _>>()?;
    let paths = image_paths(path, codes.len(), extension);
    check_targets(&paths, "nothing was written")?;
    let mut temps: Vec<TempImage> = Vec::with_capacity(paths.len());
    for (target, bytes) in paths.iter().zip(&images) {
        temps.push(TempImage::write(target, bytes)?);
    }
    // Images numbered past this set (an earlier run's out-3.png when this one has two
    // codes, or its out-1.png… when this one has one): a scan of out-*.png would read them
    // with this run's, and publish an old transaction again. Only images are removed.
    let stale = stale_images(path, codes.len(), extension)?;
    Ok(ImageSet {
        temps,
        paths,
        stale,
    })
}

/// Whether the file starts as a PNG or an SVG image does.
fn is_image(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(b"<svg")
        || head.starts_with(b"<?xml")
}

impl ImageSet {
    /// Renames every image into place, removes the stale numbered images, and says so.
    fn commit(mut self, ctx: &Ctx) -> Result<(), Failure> {
        for temp in &mut self.temps {
            temp.commit()?;
        }
        for stale in &self.stale {
            let _ = std::fs::remove_file(stale);
        }
        let shown = |p: &PathBuf| io::sanitize(&p.display().to_string());
        let message = match self.paths.as_slice() {
            [one] => format!("wrote 1 QR code to {}", shown(one)),
            [first, .., last] => format!(
                "wrote {} QR codes: {} … {}",
                self.paths.len(),
                shown(first),
                shown(last)
            ),
            [] => "wrote no QR code: there was no transaction".into(),
        };
        ctx.note(&message);
        if !self.stale.is_empty() {
            ctx.note(&format!(
                "removed {} image(s) left from an earlier run under the same name ({} …)",
                self.stale.len(),
                shown(&self.stale[0])
            ));
        }
        Ok(())
    }
}

/// An image written and synced under a temporary name in its target's directory, removed on
/// drop unless renamed into place.
struct TempImage {
    temp: PathBuf,
    target: PathBuf,
    done: bool,
}

impl TempImage {
    fn write(target: &Path, bytes: &[u8]) -> Result<TempImage, Failure> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown = || io::sanitize(&target.display().to_string());
        if name.is_empty() {
            return Err(Failure::usage(format!("{} is not a file name", shown())));
        }
        let io_failure = |e: std::io::Error| {
            Failure::new(
                Status::Error,
                "io",
                format!(
                    "cannot write {}: {e}. Check that its directory exists and is writable",
                    shown()
                ),
            )
        };
        for attempt in 0u32.. {
            let temp =
                target.with_file_name(format!(".{name}.tmp-{}-{attempt}", std::process::id()));
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp);
            let mut file = match file {
                Ok(file) => file,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    continue;
                }
                Err(e) => return Err(io_failure(e)),
            };
            // From here on, drop removes the temporary file whatever happens.
            let image = TempImage {
                temp,
                target: target.to_path_buf(),
                done: false,
            };
            file.write_all(bytes)
                .and_then(|()| file.sync_all())
                .map_err(io_failure)?;
            return Ok(image);
        }
        unreachable!("the loop returns")
    }

    fn commit(&mut self) -> Result<(), Failure> {
        std::fs::rename(&self.temp, &self.target).map_err(|e| {
            Failure::new(
                Status::Error,
                "io",
                format!(
                    "cannot write {}: {e}",
                    io::sanitize(&self.target.display().to_string())
                ),
            )
        })?;
        self.done = true;
        Ok(())
    }
}

impl Drop for TempImage {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_images_are_numbered_before_the_extension() {
        let names = |p: &str, n| {
            image_paths(Path::new(p), n, "png")
                .into_iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("out.png", 1), ["out.png"]);
        assert_eq!(names("outbox", 1), ["outbox-1.png"]);
        assert_eq!(names("dir/out.png", 2), ["dir/out-1.png", "dir/out-2.png"]);
        assert_eq!(names("codes", 2), ["codes-1.png", "codes-2.png"]);
        assert_eq!(names("a.b.svg", 2), ["a.b-1.svg", "a.b-2.svg"]);
    }
}
