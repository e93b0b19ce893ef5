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
    // Each text, or `None` for a line of stdin that is not UTF-8 (a damaged scan): named as a
    // bad line like any other, not a failure to read the whole input.
    let lines: Vec<(String, Option<&str>)> = if args.texts.is_empty() || args.texts == ["-"] {
        stdin = read_stdin()?;
        let mut text: &[u8] = &stdin;
        if let Some(rest) = text.strip_prefix("\u{feff}".as_bytes()) {
            text = rest;
        }
        text.split(|&b| b == b'\n')
            .enumerate()
            .map(|(i, l)| (format!("line {}", i + 1), std::str::from_utf8(l).ok()))
            .collect()
    } else {
        args.texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("argument {}", i + 1), Some(t.as_str())))
            .collect()
    };
    let now = now_ms();
    let mut txs: Vec<(String, Transaction)> = Vec::new();
    let mut bad = Vec::new();
    let mut texts = 0;
    for (where_, line) in lines {
        let Some(line) = line else {
            texts += 1;
            bad.push(format!(
                "{where_}: it is not text (bytes that are not UTF-8), so the scan is damaged"
            ));
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        texts += 1;
        match qr::parse_scanned(line) {
            Err(e) => bad.push(format!("{where_} ({}): {e}", quote(line))),
            Ok(tx) => {
                let checks = Checks::of_transaction(&tx, now);
                if checks.is_valid() {
                    txs.push((where_, tx));
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
    // In the order `qr` shows them (account, height, block hash; then as scanned), one per
    // block: a scan repeated, or the same block with other valid work, is printed once.
    txs.sort_by_cached_key(|(_, t)| (t.block.public_key.0, t.block.height(), t.hash().0));
    txs.dedup_by(|later, first| later.1.hash() == first.1.hash());
    if txs.len() < scanned {
        ctx.note(&format!(
            "{} duplicate scans collapsed; {} transactions",
            scanned - txs.len(),
            txs.len()
        ));
    }
    // Each account's blocks must follow one another: two different blocks at one height (a
    // node takes at most one, and which one is meant cannot be told here), or a height
    // missing, or blocks of two runs mixed, would publish part of a chain.
    let set: Vec<Transaction> = txs.iter().map(|(_, t)| t.clone()).collect();
    match qr::check_set(&set) {
        Ok(()) => {}
        Err(qr::SetProblem::Fork { first, second }) => {
            // Named in the order they were scanned.
            let (mut a, mut b) = (&txs[first], &txs[second]);
            if scanned_at(&b.0) < scanned_at(&a.0) {
                (a, b) = (b, a);
            }
            let ((a_at, a), (b_at, b)) = (a, b);
            return Err(Failure::new(
                Status::Invalid,
                "invalid-transaction",
                format!(
                    "{a_at} and {b_at} are two different blocks at height {} of {} ({} and {}); \
                     a node takes at most one, so nothing was printed. Scan only the codes of \
                     one run (images left from an earlier run under the same name are a common \
                     cause)",
                    a.block.height(),
                    a.block.public_key.address(),
                    a.hash(),
                    b.hash()
                ),
            ));
        }
        Err(qr::SetProblem::Gap { before, after }) => {
            let ((a_at, a), (b_at, b)) = (&txs[before], &txs[after]);
            let why = if b.block.height() != a.block.height() + 1 {
                match (a.block.height() + 1, b.block.height() - 1) {
                    (only, last) if only == last => {
                        format!("height {only} is missing between them")
                    }
                    (from, to) => format!("heights {from} to {to} are missing between them"),
                }
            } else {
                format!(
                    "it builds on {}, not on {a_at}'s block",
                    b.block
                        .previous()
                        .map_or_else(String::new, |h| h.to_string())
                )
            };
            return Err(Failure::new(
                Status::Invalid,
                "invalid-transaction",
                format!(
                    "{b_at} (height {}) does not follow {a_at} (height {}) of {}: {why}. A code \
                     is missing, or codes of two runs are mixed; a node would take the blocks \
                     before it and refuse the rest, so nothing was printed. Scan every code of \
                     one run (qr numbers them \"1 of N\"), and only those",
                    b.block.height(),
                    a.block.height(),
                    a.block.public_key.address()
                ),
            ));
        }
    }
    for (_, tx) in &txs {
        ctx.data(&tx.to_json());
    }
    Ok(())
}

/// Stdin's bytes, up to the same limit as every input.
fn read_stdin() -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(io::INPUT_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::input(format!("cannot read stdin: {e}")))?;
    if bytes.len() as u64 > io::INPUT_LIMIT {
        return Err(Failure::input(format!(
            "stdin is larger than {} MiB; that is not a set of scanned codes",
            io::INPUT_LIMIT >> 20
        )));
    }
    Ok(bytes)
}

/// The number in "line N" or "argument N".
fn scanned_at(where_: &str) -> usize {
    where_
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
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
