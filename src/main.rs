//! The `attosign` binary: wiring only. Parsing is in `cli::args`, behaviour in `cli::*` and
//! the library; this maps the outcome to stdout, stderr and the exit status.

mod cli;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
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
                let message = err.kind().as_str().map_or_else(
                    || err.to_string().lines().next().unwrap_or("").to_string(),
                    |k| format!("{k}: {}", err.to_string().lines().next().unwrap_or("")),
                );
                report_json("usage", &message);
            } else {
                let _ = err.print();
            }
            return ExitCode::from(cli::Status::Usage as u8);
        }
    };
    match cli::run(&cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`attosign … | head`) means the reader has what it wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    cli::io::to_stderr(&format!("error: cannot write to stdout: {e}"));
                    ExitCode::from(cli::Status::Error as u8)
                }
            }
        }
        Err(failure) => {
            if cli.global.json {
                report_json(failure.code, &failure.message);
            } else {
                cli::io::to_stderr(&format!("error: {}", cli::io::sanitize(&failure.message)));
            }
            ExitCode::from(failure.status as u8)
        }
    }
}

fn report_json(code: &str, message: &str) {
    let error = serde_json::json!({ "error": { "code": code, "message": message } });
    cli::io::to_stderr(&error.to_string());
}
