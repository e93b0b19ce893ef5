//! The command-line layer: parse, call the library, print. Every failure becomes a
//! [`Failure`] with the exit status DESIGN.md §3 assigns, mapped in one place.

mod address;
pub mod alloc;
pub mod args;
mod bench;
mod book;
mod build;
mod change;
mod decode;
mod describe;
mod docs;
mod errors;
mod grind;
pub mod harden;
mod inspect;
pub mod io;
pub mod journal;
mod journaled;
mod keys;
mod onestep;
mod policy;
pub mod prompt;
pub mod qr;
mod request;
mod review;
mod sign;
mod signer;
mod tty;
mod values;
mod verify;
mod work;

use args::{Cli, Command, Global};
use std::fmt;

/// Exit statuses (DESIGN.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Unreadable or malformed file content, refused by a rule, invalid `address` value.
    Error = 1,
    /// Unknown flag, malformed argument value, missing terminal for a prompt.
    Usage = 2,
    /// `verify`/`decode` parsed a transaction and found it invalid.
    Invalid = 3,
    /// Wrong passphrase, or no key for this account.
    Auth = 4,
    /// Refused by the journal.
    Journal = 5,
    /// Refused by the signing policy.
    Policy = 6,
    /// Interrupted (Ctrl-C); nothing was written.
    Interrupted = 130,
}

/// Why a command failed: what to tell the user, and the exit status and JSON code for scripts.
#[derive(Debug)]
pub struct Failure {
    pub status: Status,
    /// Stable, machine-readable: listed in the README.
    pub code: &'static str,
    pub message: String,
}

impl Failure {
    /// Adds a sentence to the message, ending the one before it with a full stop.
    pub fn add_sentence(&mut self, sentence: &str) {
        if !self.message.ends_with('.') {
            self.message.push('.');
        }
        self.message.push(' ');
        self.message.push_str(sentence);
    }

    pub fn new(status: Status, code: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::new(Status::Usage, "usage", message)
    }

    /// Malformed input content (a file, stdin, or an argument naming data).
    pub fn input(message: impl Into<String>) -> Failure {
        Failure::new(Status::Error, "invalid-input", message)
    }
}

/// A run the signing policy refuses: status 6, code `policy`, nothing of the run signed.
impl From<attosign::policy::PolicyViolation> for Failure {
    fn from(violation: attosign::policy::PolicyViolation) -> Failure {
        Failure::new(
            Status::Policy,
            "policy",
            format!(
                "refused by the signing policy: {violation}. Nothing of this run was signed. \
                 The policy lives in the keystore: `attosign policy show` shows it, and only \
                 `attosign policy set` or `attosign book add` with the keystore's passphrase \
                 changes it."
            ),
        )
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a command needs besides its own arguments: global flags, where data goes, and how to
/// talk to the operator.
pub struct Ctx<'a> {
    pub global: &'a Global,
    /// Data for stdout, written only when the command succeeds, so stdout stays empty on
    /// failure: texts written one after another (a long run's lines as each core wrote them,
    /// not joined into one copy first).
    out: Vec<String>,
    /// Files written only after stdout (`--state-out`).
    files: Vec<FileAfter>,
    /// Warnings about what is about to be signed, and whether each was shown yet (see
    /// [`Ctx::caution`]).
    cautions: std::cell::RefCell<Vec<(String, bool)>>,
}

/// A file the command writes only once its stdout has been written: `--state-out`, the state
/// after blocks that stdout carries. Written first (regression), a stdout that failed left a
/// state whose last block was never printed, and `build` keeps no journal to print it again.
pub struct FileAfter {
    pub path: std::path::PathBuf,
    pub bytes: Vec<u8>,
    /// Said on stderr once it is written (none with `--quiet`).
    pub note: Option<String>,
}

/// What a command leaves for `main` to write: its stdout, and then its files.
pub struct Output {
    pub out: Vec<String>,
    pub files: Vec<FileAfter>,
}

impl Output {
    /// Writes the files, atomically, in order; the first failure stops (status 1, `io`).
    pub fn write_files(&self) -> Result<(), Failure> {
        for file in &self.files {
            io::write_atomic(&file.path, &file.bytes)?;
            if let Some(note) = &file.note {
                io::to_stderr(&io::sanitize(note));
            }
        }
        Ok(())
    }
}

impl Ctx<'_> {
    /// A file to write once stdout is written (see [`FileAfter`]), saying `note` then.
    pub fn file_after_output(&mut self, path: &std::path::Path, bytes: Vec<u8>, note: String) {
        self.files.push(FileAfter {
            path: path.to_path_buf(),
            bytes,
            note: (!self.global.quiet).then_some(note),
        });
    }

    /// A line of data for stdout.
    pub fn data(&mut self, line: &str) {
        self.data_text(line);
        self.data_text("\n");
    }

    /// Data for stdout, as it is.
    pub fn data_text(&mut self, text: &str) {
        match self.out.last_mut() {
            Some(last) => last.push_str(text),
            None => self.out.push(text.to_owned()),
        }
    }

    /// Whole lines of data for stdout, in texts each ending in a newline (as
    /// [`attosign::par::write_lines`] writes them), taken as they are.
    pub fn data_lines(&mut self, texts: Vec<String>) {
        debug_assert!(texts.iter().all(|t| t.is_empty() || t.ends_with('\n')));
        self.out.extend(texts);
        // What comes next starts a text of its own instead of growing the last one.
        self.out.push(String::new());
    }

    /// A message for the operator on stderr, unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.global.quiet {
            io::to_stderr(&io::sanitize(message));
        }
    }

    /// A warning about what is about to be signed: on stderr now unless `--quiet`, and, when
    /// a question about it follows, before the review (if `--quiet` held it back: never
    /// hidden in front of a question) and again just before the question of a long review,
    /// where it would have scrolled away (regression: a 3,000-line run's table pushed a "its
    /// payment WAS made" warning out of view, and `--quiet` hid a NOT CHECKED note in front of
    /// the question). See [`Ctx::take_cautions`].
    pub fn caution(&self, message: &str) {
        let shown = !self.global.quiet;
        if shown {
            io::to_stderr(&io::sanitize(message));
        }
        self.cautions
            .borrow_mut()
            .push((message.to_string(), shown));
    }

    /// [`Ctx::caution`] shown even with `--quiet`, like an error.
    pub fn caution_always(&self, message: &str) {
        io::to_stderr(&io::sanitize(message));
        self.cautions.borrow_mut().push((message.to_string(), true));
    }

    /// The cautions given so far, each with whether it was shown; all count as shown from
    /// now on.
    pub fn take_cautions(&self) -> Vec<(String, bool)> {
        let mut cautions = self.cautions.borrow_mut();
        let taken = cautions.clone();
        for (_, shown) in cautions.iter_mut() {
            *shown = true;
        }
        taken
    }

    pub fn threads(&self) -> usize {
        self.global.threads.map_or(0, |t| t as usize)
    }
}

/// The command's data for stdout (texts to write one after another) and the files to write
/// after it.
pub fn run(cli: &Cli) -> Result<Output, Failure> {
    let mut ctx = Ctx {
        global: &cli.global,
        out: Vec::new(),
        files: Vec::new(),
        cautions: std::cell::RefCell::new(Vec::new()),
    };
    match &cli.command {
        Command::Keys(cmd) => keys::run(&mut ctx, cmd)?,
        Command::Book(cmd) => book::run(&mut ctx, cmd)?,
        Command::Policy(cmd) => policy::run(&mut ctx, cmd)?,
        Command::Address(args) => address::run(&mut ctx, args)?,
        Command::Inspect(args) => inspect::run(&mut ctx, args)?,
        Command::Verify(args) => verify::run(&mut ctx, args)?,
        Command::Send(cmd) => onestep::send(&mut ctx, cmd)?,
        Command::Receive(cmd) => onestep::receive(&mut ctx, cmd)?,
        Command::Open(cmd) => onestep::open(&mut ctx, cmd)?,
        Command::Change(cmd) => onestep::change(&mut ctx, cmd)?,
        Command::Build(cmd) => build::run(&mut ctx, cmd)?,
        Command::Sign(args) => sign::run(&mut ctx, args)?,
        Command::Work(args) => work::run(&mut ctx, args)?,
        Command::WorkRequest(args) => work::request(&mut ctx, args)?,
        Command::Bench(args) => bench::run(&mut ctx, args)?,
        Command::Journal(cmd) => journal::run(&mut ctx, cmd)?,
        Command::Qr(args) => qr::run(&mut ctx, args)?,
        Command::Decode(args) => decode::run(&mut ctx, args)?,
        Command::Completions(args) => docs::completions(&mut ctx, args)?,
        Command::Man(args) => docs::man(&mut ctx, args)?,
    }
    Ok(Output {
        out: ctx.out,
        files: ctx.files,
    })
}
