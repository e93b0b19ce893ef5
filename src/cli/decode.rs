//! `attosign decode`: scanned `ATTO:TX:` texts back to the transaction JSON that
//! `POST /transactions` takes, for the online side. Needs no keystore.
//!
//! All or nothing: one damaged or invalid scan and nothing is printed, so a script that pipes
//! the output to the node never publishes part of a chain.

use super::args::DecodeArgs;
use super::describe::now_ms;
use super::{Ctx, Failure, Status, io};
use attosign::protocol::{Checks, Transaction};
use attosign::qr;

/// How much of a bad line is quoted back, so the operator can tell which scan it was.
const QUOTE_CHARS: usize = 24;

pub fn run(ctx: &mut Ctx, args: &DecodeArgs) -> Result<(), Failure> {
    let stdin;
    let lines: Vec<(String, &str)> = if args.texts.is_empty() || args.texts == ["-"] {
        stdin = io::read_text(std::path::Path::new("-"))?;
        stdin
            .lines()
            .enumerate()
            .map(|(i, l)| (format!("line {}", i + 1), l))
            .collect()
    } else {
        args.texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("argument {}", i + 1), t.as_str()))
            .collect()
    };
    let now = now_ms();
    let mut txs: Vec<Transaction> = Vec::new();
    let mut bad = Vec::new();
    let mut texts = 0;
    for (where_, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        texts += 1;
        match qr::parse_scanned(line) {
            Err(e) => bad.push(format!("{where_} ({}): {e}", quote(line))),
            Ok(tx) => {
                let checks = Checks::of_transaction(&tx, now);
                if checks.is_valid() {
                    txs.push(tx);
                } else {
                    let reasons: Vec<String> = checks
                        .named()
                        .iter()
                        .filter_map(|(name, p)| p.map(|p| format!("{name}: {p}")))
                        .collect();
                    bad.push(format!(
                        "{where_}: transaction {} does not verify ({})",
                        tx.hash(),
                        reasons.join("; ")
                    ));
                }
            }
        }
    }
    if !bad.is_empty() {
        return Err(Failure::new(
            Status::Invalid,
            "invalid-transaction",
            format!(
                "{} of {texts} scanned texts are not valid transactions, so nothing was \
                 printed:\n  {}\nScan those codes again; if they still fail, make them again on \
                 the signing machine.",
                bad.len(),
                bad.join("\n  ")
            ),
        ));
    }
    if txs.is_empty() {
        return Err(Failure::input(
            "no scanned text was given: pass ATTO:TX:… texts as arguments, or one per line on \
             stdin",
        ));
    }
    let scanned = txs.len();
    qr::sort(&mut txs);
    if txs.len() < scanned {
        ctx.note(&format!(
            "{} duplicate scans collapsed; {} transactions",
            scanned - txs.len(),
            txs.len()
        ));
    }
    for tx in &txs {
        ctx.data(&tx.to_json());
    }
    Ok(())
}

/// The start of a bad line, sanitized, so a long garbled scan stays one readable line.
fn quote(line: &str) -> String {
    let line = line.trim();
    let mut quoted: String = line.chars().take(QUOTE_CHARS).collect();
    if line.chars().count() > QUOTE_CHARS {
        quoted.push('…');
    }
    format!("\"{}\"", io::sanitize(&quoted))
}
