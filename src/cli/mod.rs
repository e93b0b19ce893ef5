//! The command-line layer: parse, call the library, print. Every failure becomes a
//! [`Failure`] with the exit status DESIGN.md §3 assigns, mapped in one place.

mod address;
pub mod args;
mod bench;
mod describe;
mod docs;
mod grind;
pub mod harden;
mod inspect;
pub mod io;
mod keys;
pub mod prompt;
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
    #[allow(dead_code)] // the journal arrives with `sign`
    Journal = 5,
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

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a command needs besides its own arguments: global flags, where data goes, and how to
/// talk to the operator.
pub struct Ctx<'a> {
    pub global: &'a Global,
    /// Data for stdout, written only when the command succeeds, so stdout stays empty on failure.
    pub out: String,
}

impl Ctx<'_> {
    /// A line of data for stdout.
    pub fn data(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// A message for the operator on stderr, unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.global.quiet {
            io::to_stderr(&io::sanitize(message));
        }
    }

    pub fn threads(&self) -> usize {
        self.global.threads.map_or(0, |t| t as usize)
    }
}

pub fn run(cli: &Cli) -> Result<String, Failure> {
    let mut ctx = Ctx {
        global: &cli.global,
        out: String::new(),
    };
    match &cli.command {
        Command::Keys(cmd) => keys::run(&mut ctx, cmd)?,
        Command::Address(args) => address::run(&mut ctx, args)?,
        Command::Inspect(args) => inspect::run(&mut ctx, args)?,
        Command::Verify(args) => verify::run(&mut ctx, args)?,
        Command::Work(args) => work::run(&mut ctx, args)?,
        Command::Bench(args) => bench::run(&mut ctx, args)?,
        Command::Completions(args) => docs::completions(&mut ctx, args)?,
        Command::Man(args) => docs::man(&mut ctx, args)?,
    }
    Ok(ctx.out)
}
