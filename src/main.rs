//! The `attosign` binary: wiring only. Parsing is in `cli::args`, behaviour in `cli::*` and
//! the library; this maps the outcome to stdout, stderr and the exit status.

mod cli;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Before any other thread exists (the allocator's settings hold for every thread).
    cli::alloc::tune();
    // Then, before anything else, so no secret is ever in a core dump, swap or a
    // world-readable file.
    cli::harden::process();
    let cli = match cli::args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            if !err.use_stderr() {
                // --help, --version
                let _ = err.print();
                return ExitCode::SUCCESS;
            }
            let json = std::env::args_os()
                .take_while(|a| a != "--")
                .any(|a| a == "--json");
            if json {
                report_json("usage", &usage_message(&err));
            } else {
                let _ = err.print();
            }
            return ExitCode::from(cli::Status::Usage as u8);
        }
    };
    let result = cli::run(&cli);
    if let Some((head, error)) = attosign::journal::Journal::head_unwritten() {
        // Even with --quiet: the journal is whole, but a guard is off until this is fixed.
        cli::io::to_stderr(&cli::io::sanitize(&format!(
            "WARNING: could not write the journal's head {} ({error}); the journal holds \
             everything signed, but until the head is written (by the next run that appends, \
             once the cause is fixed) an older copy of the journal put back over it would not \
             be refused",
            head.display()
        )));
    }
    match result {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match output
                .out
                .iter()
                .try_for_each(|text| stdout.write_all(text.as_bytes()))
                .and_then(|()| stdout.flush())
            {
                Ok(()) => files_then_exit(&cli, &output),
                // A closed pipe (`attosign … | head`) means the reader has what it wanted,
                // unless a file waits for the whole output: `--state-out` is the state after
                // blocks the reader may not have had (and `build` cannot print them again).
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && output.files.is_empty() => {
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    use cli::args::Command;
                    // Only the signing commands journal what they print.
                    let journaled = matches!(
                        cli.command,
                        Command::Send(_)
                            | Command::Receive(_)
                            | Command::Open(_)
                            | Command::Change(_)
                            | Command::Sign(_)
                    );
                    let unwritten: Vec<String> = output
                        .files
                        .iter()
                        .map(|f| cli::io::sanitize(&f.path.display().to_string()))
                        .collect();
                    let message = format!(
                        "cannot write to stdout: {e}{}{}",
                        if unwritten.is_empty() {
                            String::new()
                        } else {
                            format!("; {} not written", unwritten.join(", "))
                        },
                        if journaled {
                            "; what this command signed is in the journal, and running the \
                             same command again prints it"
                        } else {
                            ""
                        }
                    );
                    if cli.global.json {
                        report_json("stdout", &message);
                    } else {
                        cli::io::to_stderr(&format!("error: {message}"));
                    }
                    ExitCode::from(cli::Status::Error as u8)
                }
            }
        }
        Err(failure) => report(&cli, &failure),
    }
}

/// Writes the files a command writes after its stdout (`--state-out`), and exits.
fn files_then_exit(cli: &cli::args::Cli, output: &cli::Output) -> ExitCode {
    match output.write_files() {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(cli, &failure),
    }
}

/// Reports a failure on stderr (as JSON with `--json`) and gives its exit status.
fn report(cli: &cli::args::Cli, failure: &cli::Failure) -> ExitCode {
    if cli.global.json {
        report_json(failure.code, &failure.message);
    } else {
        cli::io::to_stderr(&format!("error: {}", cli::io::sanitize(&failure.message)));
    }
    ExitCode::from(failure.status as u8)
}

/// clap's error as one line for `--json`: what is wrong, with every line of it (the missing
/// arguments are on the lines after the first), and the usage line.
///
/// Regression: the message was the kind and the first line ("unexpected argument: error:
/// unexpected argument …"), which repeated "error:" and, for a missing argument, named none.
fn usage_message(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let text = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    let mut sections = text.split("\n\n");
    let what = sections
        .next()
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match sections.find_map(|s| s.trim().strip_prefix("Usage: ")) {
        Some(usage) => format!("{what} (usage: {})", usage.trim()),
        None => what,
    }
}

fn report_json(code: &str, message: &str) {
    let error = serde_json::json!({ "error": { "code": code, "message": message } });
    cli::io::to_stderr(&error.to_string());
}
