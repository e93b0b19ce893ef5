//! The review: what the operator reads on stderr before anything is signed. It is the last
//! line of defence against a tampered state file or payout list, so it shows every value
//! that matters in full (addresses are never shortened), and the LIVE network loudly.

use super::io;
use attosign::builder::Review;
use attosign::protocol::{Amount, BlockBody, Network, PublicKey, format_rfc3339};

/// Who holds the key, for the "account" line, and the keystore's address book for the
/// receivers.
pub struct Signer<'a> {
    pub index: u32,
    pub label: Option<&'a str>,
    pub book: &'a [attosign::policy::BookEntry],
}

/// A receiver with its address-book label, or marked UNKNOWN when the book lacks it (the
/// book is only known once the keystore is open). The address comes first and the label
/// after it, quoted, as on the account line: a label that is itself an address (a book
/// imported from the online side) must not read as the receiver.
fn receiver_text(key: &PublicKey, book: Option<&[attosign::policy::BookEntry]>) -> String {
    match book {
        None => address(key),
        Some(book) => match book.iter().find(|e| e.address == *key) {
            Some(entry) => format!("{} ({})", address(key), io::quoted(&entry.label)),
            None => format!("UNKNOWN {}", address(key)),
        },
    }
}

fn atto(amount: Amount) -> String {
    format!("{} atto ({} raw)", amount.to_atto_string(), amount.0)
}

fn address(key: &PublicKey) -> String {
    key.address().to_string()
}

/// "in 3 s", "2 min ago": how far a timestamp is from now.
pub fn relative(timestamp: i64, now: i64) -> String {
    let delta = timestamp - now;
    let span = super::grind::human_duration(delta.unsigned_abs() as f64 / 1e3);
    match delta {
        d if d.abs() < 1_000 => "now".into(),
        d if d > 0 => format!("in {span}"),
        _ => format!("{span} ago"),
    }
}

/// The review text, one line per fact. Untrusted text (labels, the payment request) is
/// sanitized.
pub fn render(
    review: &Review,
    signer: Option<Signer>,
    payment_request: Option<&str>,
    now: i64,
) -> Vec<String> {
    let block = &review.block;
    let book = signer.as_ref().map(|s| s.book);
    let mut lines = Vec::new();
    let mut line = |key: &str, value: String| lines.push(format!("  {key:<15}{value}"));
    let heading = match block.network {
        Network::Live => format!(
            "{} on LIVE — the real network: real funds move",
            block.block_type()
        ),
        other => format!("{} on {other}", block.block_type()),
    };
    line("", heading);
    let who = match signer {
        Some(Signer {
            index,
            label: Some(label),
            ..
        }) => format!(
            "{} (key {index}, {})",
            address(&block.public_key),
            io::quoted(label)
        ),
        Some(Signer {
            index, label: None, ..
        }) => {
            format!("{} (key {index})", address(&block.public_key))
        }
        None => address(&block.public_key),
    };
    line("account", who);
    match &block.body {
        BlockBody::Send {
            receiver, amount, ..
        } => {
            line("to", receiver_text(receiver, book));
            if let Some(request) = payment_request {
                line(
                    "",
                    format!("from payment request {}", io::one_line(request)),
                );
            }
            line("amount", atto(*amount));
        }
        BlockBody::Receive { send_hash, .. } | BlockBody::Open { send_hash, .. } => {
            line("receives", format!("SEND {send_hash}"));
            if let Some(sender) = &review.sender {
                line("from", address(sender));
            }
            match review.amount {
                Some(amount) => line("amount", atto(amount)),
                None => line("amount", "unknown (no receivable given)".into()),
            }
        }
        BlockBody::Change { .. } => {}
    }
    if let BlockBody::Open { representative, .. } | BlockBody::Change { representative, .. } =
        &block.body
    {
        // Labelled from the book like a receiver (regression: shown bare).
        line("representative", receiver_text(representative, book));
        if let Some(old) = &review.old_representative {
            line("", format!("replacing {}", receiver_text(old, book)));
        }
    }
    match review.balance_before {
        Some(before) => line(
            "balance",
            format!(
                "{} atto → {} atto",
                before.to_atto_string(),
                block.balance.to_atto_string()
            ),
        ),
        None => line(
            "balance",
            format!(
                "→ {} atto (before: unknown)",
                block.balance.to_atto_string()
            ),
        ),
    }
    line("height", block.height().to_string());
    line(
        "timestamp",
        format!(
            "{} ({}, {} ms)",
            format_rfc3339(block.timestamp),
            relative(block.timestamp, now),
            block.timestamp
        ),
    );
    line("network", block.network.name().to_string());
    line("block hash", review.hash.to_hex());
    for what in &review.unchecked {
        line("NOT CHECKED", (*what).to_string());
    }
    lines
}

/// The confirmation question.
pub fn question(review: &Review) -> String {
    let block = &review.block;
    let on = block.network.name();
    match &block.body {
        BlockBody::Send {
            receiver, amount, ..
        } => format!(
            "Sign this SEND of {} atto to {} on {on}?",
            amount.to_atto_string(),
            address(receiver)
        ),
        BlockBody::Receive { .. } => format!("Sign this RECEIVE on {on}?"),
        BlockBody::Open { .. } => format!("Sign this OPEN on {on}?"),
        BlockBody::Change { representative, .. } => format!(
            "Sign this CHANGE of representative to {} on {on}?",
            address(representative)
        ),
    }
}

/// The review of a run (a payout file, or several receivables): one line per block, then the
/// totals, the file's SHA-256 and one question.
pub fn render_run(prepared: &super::request::Prepared, signer: Option<Signer>) -> Vec<String> {
    let first = &prepared.blocks[0];
    let book = signer.as_ref().map(|s| s.book);
    let last = prepared.blocks.last().expect("a run has blocks");
    let mut lines = vec![match first.network {
        Network::Live => format!(
            "  a run of {} blocks on LIVE — the real network: real funds move",
            prepared.blocks.len()
        ),
        other => format!("  a run of {} blocks on {other}", prepared.blocks.len()),
    }];
    let who = match signer {
        Some(Signer {
            index,
            label: Some(label),
            ..
        }) => format!(" (key {index}, {})", io::quoted(label)),
        Some(Signer {
            index, label: None, ..
        }) => format!(" (key {index})"),
        None => String::new(),
    };
    lines.push(format!(
        "  {:<15}{}{who}",
        "account",
        address(&first.public_key)
    ));
    lines.push(format!(
        "  {:>5} {:>6}  {:<8} {:<68} {}",
        "#", "line", "type", "receiver / sender", "amount"
    ));
    // Regression: one "total" added what RECEIVEs bring in to what SENDs pay out, so a
    // chain of receives could hide a send behind a total that read like income.
    let (mut sent, mut received): (u128, u128) = (0, 0);
    let (mut receives, mut unknown) = (0, 0);
    // Payments to addresses outside the address book, counted where the question is read:
    // one UNKNOWN row among thousands would otherwise show only in its row.
    let (mut sends, mut outside_book) = (0, 0);
    let mut receivables = prepared.receivables.iter();
    // The balance before the run, when known: from the state, or zero before an OPEN.
    let before = match (&prepared.account, first.block_type()) {
        (Some(account), _) => Some(account.balance),
        (None, attosign::protocol::BlockType::Open) => Some(Amount::ZERO),
        (None, _) => None,
    };
    // Then before each block: the balance the block before it left.
    let mut balance = before;
    for (i, block) in prepared.blocks.iter().enumerate() {
        let line = prepared
            .payments
            .get(i)
            .map_or(String::new(), |p| p.line.to_string());
        let (who, amount) = match &block.body {
            BlockBody::Send {
                receiver, amount, ..
            } => (receiver_text(receiver, book), Some(*amount)),
            BlockBody::Receive { .. } | BlockBody::Open { .. } => match receivables.next() {
                Some(r) => (address(&r.sender), Some(r.amount)),
                // sign without --receivable: the sender is not in the block; the amount is
                // what the balance grew by, when the balance before is known.
                None => (
                    "sender unknown (no --receivable)".to_string(),
                    balance.and_then(|b| block.balance.0.checked_sub(b.0).map(Amount)),
                ),
            },
            BlockBody::Change { representative, .. } => {
                (receiver_text(representative, book), Some(Amount::ZERO))
            }
        };
        // Money out is marked "-", money in "+"; a CHANGE moves nothing.
        let sign = match &block.body {
            BlockBody::Send { receiver, .. } => {
                sent += amount.map_or(0, |a| u128::from(a.0));
                sends += 1;
                if book.is_some_and(|book| !book.iter().any(|e| e.address == *receiver)) {
                    outside_book += 1;
                }
                "-"
            }
            BlockBody::Receive { .. } | BlockBody::Open { .. } => {
                receives += 1;
                match amount {
                    Some(a) => received += u128::from(a.0),
                    None => unknown += 1,
                }
                "+"
            }
            BlockBody::Change { .. } => "",
        };
        lines.push(format!(
            "  {:>5} {:>6}  {:<8} {:<68} {}",
            i + 1,
            line,
            block.block_type().name(),
            who,
            amount.map_or("unknown".to_string(), |a| format!(
                "{sign}{} atto",
                a.to_atto_string()
            ))
        ));
        // What an OPEN signs besides the amount: the account's representative.
        if let BlockBody::Open { representative, .. } = &block.body {
            lines.push(format!(
                "  {:>5} {:>6}  {:<8} representative {}",
                "",
                "",
                "",
                receiver_text(representative, book)
            ));
        }
        balance = Some(block.balance);
    }
    let mut line = |key: &str, value: String| lines.push(format!("  {key:<15}{value}"));
    line("count", prepared.blocks.len().to_string());
    let sum = |raw: u128| {
        format!(
            "{} atto ({raw} raw)",
            Amount(u64::try_from(raw).unwrap_or(u64::MAX)).to_atto_string()
        )
    };
    line("total sent", sum(sent));
    if outside_book > 0 {
        line(
            "UNKNOWN",
            format!(
                "{outside_book} of the {sends} payment(s) go to addresses outside the address book"
            ),
        );
    }
    if receives > 0 {
        line(
            "total received",
            format!(
                "{}{}",
                sum(received),
                if unknown > 0 {
                    format!(", and {unknown} amount(s) unknown")
                } else {
                    String::new()
                }
            ),
        );
    }
    line(
        "balance",
        format!(
            "{} → {} atto",
            before.map_or("unknown (no --account)".to_string(), |b| format!(
                "{} atto",
                b.to_atto_string()
            )),
            last.balance.to_atto_string()
        ),
    );
    line("heights", format!("{} → {}", first.height(), last.height()));
    line(
        "timestamps",
        format!(
            "{} → {}",
            format_rfc3339(first.timestamp),
            format_rfc3339(last.timestamp)
        ),
    );
    line("network", first.network.name().to_string());
    if let Some(sha) = &prepared.file_sha256 {
        line(
            "file sha256",
            attosign::protocol::encode_hex(sha).to_lowercase(),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use attosign::policy::BookEntry;

    /// Regression: the label came first, unquoted, so a label that is itself an address read
    /// as the receiver ("to atto://A… (atto://B…)").
    #[test]
    fn a_receiver_shows_its_address_first_and_its_label_quoted() {
        let (receiver, other) = (PublicKey([1; 32]), PublicKey([2; 32]));
        let book = [BookEntry {
            address: receiver,
            label: other.address().to_string(),
        }];
        assert_eq!(
            receiver_text(&receiver, Some(&book)),
            format!("{} (\"{}\")", receiver.address(), other.address())
        );
        assert_eq!(
            receiver_text(&other, Some(&book)),
            format!("UNKNOWN {}", other.address())
        );
        assert_eq!(receiver_text(&other, None), other.address().to_string());
    }
}
