//! Payout files: CSV `address,amount[,intent]` (RFC 4180 quoting, a header line only when the
//! first field is literally `address`) or NDJSON `{"to","amount","intent"}`, one payment per
//! line, in the order they will be paid. Every bad line is reported (line and column), so a
//! file is fixed in one round trip, and nothing of a file with a bad line is ever signed.

use super::payment::Destination;
use crate::protocol::{Address, Amount};
use serde_json::Value;
use std::collections::HashMap;

/// One payment of a payout file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// 1-based line in the file.
    pub line: usize,
    pub to: Address,
    pub amount: Amount,
    pub intent: Option<String>,
    /// Whether the address came as a payment request.
    pub is_request: bool,
}

/// What a payout file pays, whatever its bytes: a digest of its payments (receiver, amount in
/// raw and intent), in sorted order. A copy of the same file saved again (line endings, a
/// byte-order mark, a header, quoting, the lines in another order) has the same digest, so
/// it is recognised as that file when it is run on another account state.
pub fn payouts_digest(payments: &[Payment]) -> [u8; 32] {
    use sha2::Digest;
    let mut lines: Vec<String> = payments
        .iter()
        .map(|p| {
            let intent = p
                .intent
                .as_ref()
                .map_or(String::new(), |i| format!(" i:{i}"));
            format!("{} {}{intent}\n", p.to.public_key.to_hex(), p.amount.0)
        })
        .collect();
    lines.sort_unstable();
    let mut h = sha2::Sha256::new();
    h.update(b"attosign payouts v1\n");
    for line in &lines {
        h.update(line.as_bytes());
    }
    h.finalize().into()
}

/// A bad line: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {reason}")]
pub struct BadLine {
    pub line: usize,
    /// 1-based column: the CSV field, or the character in an NDJSON line.
    pub column: usize,
    pub reason: String,
}

/// Intents are labels scripts choose; keep them printable and short.
pub const INTENT_MAX: usize = 128;

/// Parses a payout file; `raw` reads amounts as raw units instead of atto. Returns every
/// bad line, in order, when there is any.
pub fn parse(text: &str, raw: bool) -> Result<Vec<Payment>, Vec<BadLine>> {
    let first = crate::csvtext::lines(text)
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut bad = Vec::new();
    // Every line's intent, the bad lines' too: an intent used twice is named even when the
    // line that used it first is wrong in another way.
    let mut intents = Vec::new();
    if first
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('[')
    {
        return Err(vec![BadLine {
            line: 1,
            column: 1,
            reason: "a JSON array: NDJSON payouts are one {\"to\",\"amount\",\"intent\"} \
                     object per line, not an array"
                .into(),
        }]);
    }
    let payments = if first.trim_start().starts_with('{') {
        parse_ndjson(text, raw, &mut bad, &mut intents)
    } else {
        parse_csv(text, raw, &mut bad, &mut intents)
    };
    check_intents(&intents, &mut bad);
    check_repeats(&payments, &mut bad);
    if payments.is_empty() && bad.is_empty() {
        bad.push(BadLine {
            line: 1,
            column: 1,
            reason: "the file has no payments".into(),
        });
    }
    if bad.is_empty() {
        Ok(payments)
    } else {
        bad.sort_by_key(|b| (b.line, b.column));
        Err(bad)
    }
}

fn amount(
    text: &str,
    raw: bool,
    amount_given_by_request: Option<Amount>,
) -> Result<Amount, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("no amount".into());
    }
    let parsed = if raw {
        Amount::parse_raw(text)
    } else {
        Amount::parse_atto(text)
    }
    .map_err(|e| e.to_string())?;
    if parsed.0 == 0 {
        return Err("the amount is 0; a SEND must move a positive amount".into());
    }
    match amount_given_by_request {
        Some(requested) if requested != parsed => Err(format!(
            "the amount disagrees with the payment request, which asks for {} atto ({} raw)",
            requested.to_atto_string(),
            requested.0
        )),
        _ => Ok(parsed),
    }
}

/// A payment's intent as a payout line or `--intent` gives it: trimmed, `None` when empty, at
/// most [`INTENT_MAX`] characters, and nothing that is not seen ([`crate::text::hidden`]:
/// control, zero-width, bidirectional and other invisible characters). An intent is what
/// stops a payment being made twice, and it is shown in reviews and journal listings: two
/// intents that look the same must be the same. (Regression: `inv-1` and `inv-1` with a
/// zero-width space were two intents, and `addr,12,5` with one passed as 12 atto.)
pub fn intent(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > INTENT_MAX {
        return Err(format!("the intent is longer than {INTENT_MAX} characters"));
    }
    if let Some(why) = crate::text::first_hidden(text) {
        return Err(format!("the intent is refused: {why}"));
    }
    // As labels: no space but U+0020, not two in a row, accents composed. Regression: `café`
    // typed with a combining accent, or `inv 8` with a no-break space, was another intent
    // than the one it looks like, so a file saved again in another normal form paid everyone
    // again, and one file paid the "same" intent twice.
    if text.chars().any(crate::text::lookalike_space) {
        return Err(
            "the intent is refused: it contains a space other than the ordinary one (no-break, \
             em, ideographic, …), which would make it another intent than the one it looks like"
                .into(),
        );
    }
    if text.contains("  ") {
        return Err("the intent is refused: it contains two spaces in a row".into());
    }
    if !unicode_normalization::is_nfc(text) {
        return Err(
            "the intent is refused: it is not in Unicode NFC (an accent typed as a separate mark, \
             as some editors save it, or a character with a plain twin such as the Kelvin sign): \
             save the file in NFC or type the accented letter itself, so that it is the same \
             intent as the one it looks like"
                .into(),
        );
    }
    Ok(Some(text.to_string()))
}

/// All ASCII digits, and at least one.
fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether an amount field and the unquoted field after it are one number split at a comma:
/// a whole number and digits (`12,5`, `1,000`), or digits with a decimal point or an exponent
/// (`1,000.5`, `12,5e0`, `12,.5`); or a number grouped in thousands with points and digits
/// (`1.000,50`; no such number starts with 0). `12.0,6` and `0.500,7` (an amount with a
/// point, then an intent) are not one.
fn split_number(whole: &str, rest: &str) -> bool {
    let grouped = whole.split('.').count() > 1
        && whole.split('.').enumerate().all(|(i, group)| {
            is_digits(group)
                && if i == 0 {
                    group.len() <= 3 && !group.starts_with('0')
                } else {
                    group.len() == 3
                }
        });
    (is_digits(whole) && number_shaped(rest)) || (grouped && is_digits(rest))
}

/// Digits with at most one decimal point (`5`, `000.5`, `.5`), optionally with an exponent
/// (`5e0`, `5E-3`).
fn number_shaped(s: &str) -> bool {
    let mantissa = match s.find(['e', 'E']) {
        Some(at) => {
            let exponent = &s[at + 1..];
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if !is_digits(exponent) {
                return false;
            }
            &s[..at]
        }
        None => s,
    };
    let mut parts = mantissa.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    (int.is_empty() || is_digits(int))
        && frac.is_none_or(|f| f.is_empty() || is_digits(f))
        && !(int.is_empty() && frac.is_none_or(str::is_empty))
}

fn parse_csv(
    text: &str,
    raw: bool,
    bad: &mut Vec<BadLine>,
    intents: &mut Vec<(usize, String)>,
) -> Vec<Payment> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut payments = Vec::new();
    if let Some((line, column)) = crate::csvtext::unclosed_quote(text) {
        bad.push(BadLine {
            line,
            column,
            reason: "a quote opens here and is never closed, so the rest of the file would be \
                     read as this one field: close it, or remove it"
                .into(),
        });
        return Vec::new();
    }
    let mut lines = crate::csvtext::LineCounter::new(text);
    let mut line_at = |byte: u64| lines.line_of(byte);
    // One record read into again and again (the iterator clones each one), exactly as
    // `records()` reads them: an error is reported and reading goes on.
    let mut record = csv::StringRecord::new();
    let mut seen_a_line = false;
    for i in 0.. {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                bad.push(BadLine {
                    line,
                    column: 1,
                    reason: format!("not CSV: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(i + 1, |p| line_at(p.byte()));
        if crate::csvtext::is_blank(&record) {
            continue;
        }
        // The header, if any, is the first line with something in it. (Regression: a line of
        // spaces or a spreadsheet's empty `,,` row before it made the header a bad line.)
        let first = !seen_a_line;
        seen_a_line = true;
        if first
            && record
                .get(0)
                .is_some_and(|f| f.eq_ignore_ascii_case("address"))
        {
            continue;
        }
        if !(2..=3).contains(&record.len()) {
            bad.push(BadLine {
                line,
                column: 1,
                reason: format!(
                    "{} field{}; expected address,amount or address,amount,intent{}",
                    record.len(),
                    if record.len() == 1 { "" } else { "s" },
                    if record.iter().any(|f| f.contains(';')) {
                        " (separated by commas; this line has semicolons)"
                    } else {
                        ""
                    }
                ),
            });
            continue;
        }
        let intent = intent(record.get(2).unwrap_or(""));
        if let Ok(Some(intent)) = &intent {
            intents.push((line, intent.clone()));
        }
        // `addr,12,5` is 12 with the intent "5" to CSV, but 12.5 written with a decimal comma
        // (or 1,000 with a thousands separator) to whoever typed it: refused unless the intent
        // is quoted. (Regression: signed as 12 atto, the fraction kept as the intent.) So are
        // `1,000.5` and `2,500.000000001` (a separator before a decimal point: signed as 1 and
        // 2 atto) and `1.000,50` (grouped with points, the decimals after a comma).
        // Only after a number: an empty or misspelt amount is reported as such below.
        if let (3, Some(whole), Some(rest)) = (record.len(), record.get(1), record.get(2))
            && split_number(whole, rest)
            && !record
                .position()
                .and_then(|p| usize::try_from(p.byte()).ok())
                .is_some_and(|start| crate::csvtext::field_quoted(text, start, 3))
        {
            let unquote = if raw || !is_digits(whole) {
                format!("quote it (\"{rest}\")")
            } else {
                format!("quote it (\"{rest}\") or write the amount as {whole}.0")
            };
            bad.push(BadLine {
                line,
                column: 3,
                reason: format!(
                    "{whole},{rest} reads as the amount {whole} and the intent \"{rest}\": if \
                     {rest} belongs to the amount, write it with a point for decimals and no \
                     thousands separators; if it is the intent, {unquote}"
                ),
            });
            continue;
        }
        let destination = match Destination::parse(&record[0]) {
            Ok(d) => d,
            Err(e) => {
                bad.push(BadLine {
                    line,
                    column: 1,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let amount = match amount(&record[1], raw, destination.amount) {
            Ok(a) => a,
            Err(reason) => {
                bad.push(BadLine {
                    line,
                    column: 2,
                    reason,
                });
                continue;
            }
        };
        let intent = match intent {
            Ok(i) => i,
            Err(reason) => {
                bad.push(BadLine {
                    line,
                    column: 3,
                    reason,
                });
                continue;
            }
        };
        payments.push(Payment {
            line,
            to: destination.address,
            amount,
            intent,
            is_request: destination.is_request,
        });
    }
    payments
}

/// A misspelt key (`"intnet"`) is refused, not dropped with what it held.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonLine<'a> {
    to: Option<String>,
    #[serde(borrow)]
    amount: Option<&'a serde_json::value::RawValue>,
    intent: Option<Value>,
}

fn parse_ndjson(
    text: &str,
    raw: bool,
    bad: &mut Vec<BadLine>,
    intents: &mut Vec<(usize, String)>,
) -> Vec<Payment> {
    let mut payments = Vec::new();
    for (i, line_text) in crate::csvtext::lines(text).enumerate() {
        let line = i + 1;
        if line_text.trim().is_empty() {
            continue;
        }
        let column_of = |key: &str| line_text.find(&format!("\"{key}\"")).map_or(1, |c| c + 1);
        let mut fail = |column: usize, reason: String| {
            bad.push(BadLine {
                line,
                column,
                reason,
            })
        };
        let parsed: JsonLine = match serde_json::from_str(line_text) {
            Ok(p) => p,
            Err(e) => {
                fail(e.column(), format!("not a JSON payment: {e}"));
                continue;
            }
        };
        let intent = match parsed.intent {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => intent(&s),
            Some(_) => Err("\"intent\" must be a string".to_string()),
        };
        if let Ok(Some(intent)) = &intent {
            intents.push((line, intent.clone()));
        }
        let Some(to) = parsed.to else {
            fail(1, "no \"to\"".into());
            continue;
        };
        let destination = match Destination::parse(&to) {
            Ok(d) => d,
            Err(e) => {
                fail(column_of("to"), e.to_string());
                continue;
            }
        };
        // Numbers are read from their literal text, so 12.5 is exactly 12.5.
        let literal: Result<(String, bool), String> = match parsed.amount.map(|r| r.get()) {
            None => match destination.amount {
                Some(a) => Ok(a.0.to_string()),
                None => Err("no \"amount\"".to_string()),
            }
            .map(|t| (t, true)),
            Some(t) if t.starts_with('"') => serde_json::from_str::<String>(t)
                .map(|s| (s, raw))
                .map_err(|e| e.to_string()),
            Some(t) => Ok((t.to_string(), raw)),
        };
        let amount = match literal.and_then(|(t, raw)| amount(&t, raw, destination.amount)) {
            Ok(a) => a,
            Err(reason) => {
                fail(column_of("amount"), reason);
                continue;
            }
        };
        let intent = match intent {
            Ok(i) => i,
            Err(reason) => {
                fail(column_of("intent"), reason);
                continue;
            }
        };
        payments.push(Payment {
            line,
            to: destination.address,
            amount,
            intent,
            is_request: destination.is_request,
        });
    }
    payments
}

/// Two lines without intents that pay the same amount to the same address are a bad line,
/// naming both: a line copied twice by mistake, or two payments that need intents to be told
/// apart (in the review, in the journal, when the file is resumed).
fn check_repeats(payments: &[Payment], bad: &mut Vec<BadLine>) {
    let mut seen: HashMap<(Address, Amount), usize> = HashMap::new();
    for payment in payments.iter().filter(|p| p.intent.is_none()) {
        match seen.get(&(payment.to, payment.amount)) {
            Some(first) => bad.push(BadLine {
                line: payment.line,
                column: 1,
                reason: format!(
                    "pays the same amount to the same address as line {first}, and neither \
                     line has an intent: if both payments are meant, give each its own intent \
                     (the third column); if not, remove one"
                ),
            }),
            None => {
                seen.insert((payment.to, payment.amount), payment.line);
            }
        }
    }
}

/// An intent used twice in one file is a bad line, naming both. `intents`: (line, intent) of
/// every line whose intent could be read, in order.
fn check_intents(intents: &[(usize, String)], bad: &mut Vec<BadLine>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, intent) in intents {
        if let Some(first) = seen.get(intent.as_str()) {
            bad.push(BadLine {
                line: *line,
                column: 3,
                reason: format!(
                    "intent {:?} is also used on line {first}; each payment needs its own",
                    intent
                ),
            });
        } else {
            seen.insert(intent, *line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::PublicKey;
    use proptest::prelude::*;

    fn addr(n: u8) -> String {
        PublicKey([n; 32]).address().to_string()
    }

    #[test]
    fn csv_with_header_quotes_and_intents() {
        let text = format!(
            "address,amount,intent\n{},12.5,pay-1\n\"{}\",\"0.000000001\"\n\n{}?amount=7,0.000000007,\"a,b\"\n",
            addr(1),
            addr(2),
            addr(3)
        );
        let p = parse(&text, false).unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!(
            (p[0].line, p[0].amount, p[0].intent.as_deref()),
            (2, Amount(12_500_000_000), Some("pay-1"))
        );
        assert_eq!(
            (p[1].line, p[1].amount, p[1].intent.as_deref()),
            (3, Amount(1), None)
        );
        assert_eq!(
            (p[2].line, p[2].intent.as_deref(), p[2].is_request),
            (5, Some("a,b"), true)
        );
    }

    #[test]
    fn every_bad_line_is_named() {
        let mut good = addr(1);
        good.replace_range(20..21, if &good[20..21] == "a" { "b" } else { "a" });
        let text = format!(
            "{},1\n{good},1\n{},1.0000000001\n{},1,x\n{},2,x\n",
            addr(1),
            addr(2),
            addr(3),
            addr(4)
        );
        let bad = parse(&text, false).unwrap_err();
        let at: Vec<(usize, usize)> = bad.iter().map(|b| (b.line, b.column)).collect();
        assert_eq!(at, vec![(2, 1), (3, 2), (5, 3)], "{bad:?}");
        assert!(bad[1].reason.contains("more than 9 decimals"));
        assert!(bad[2].reason.contains("line 4"));
    }

    /// Regression: an intent reused on a later line was not named when the line that used it
    /// first was bad in another way.
    #[test]
    fn an_intent_reused_after_a_bad_line_is_named_too() {
        let csv = format!("{},1.0000000001,a\n{},1,a\n", addr(1), addr(2));
        let ndjson = format!(
            "{{\"to\":\"{}\",\"amount\":\"1.0000000001\",\"intent\":\"a\"}}\n\
             {{\"to\":\"{}\",\"amount\":\"1\",\"intent\":\"a\"}}\n",
            addr(1),
            addr(2)
        );
        for text in [csv, ndjson] {
            let bad = parse(&text, false).unwrap_err();
            assert_eq!(bad.len(), 2, "{bad:?}");
            assert_eq!(bad[0].line, 1);
            assert_eq!(bad[1].line, 2);
            assert!(bad[1].reason.contains("also used on line 1"), "{bad:?}");
        }
    }

    #[test]
    fn ndjson_amounts_from_their_literal_text() {
        let text = format!(
            "{{\"to\":\"{}\",\"amount\":12.5,\"intent\":\"a\"}}\n{{\"to\":\"{}\",\"amount\":\"0.1\"}}\n{{\"to\":\"{}?amount=5\"}}\n",
            addr(1),
            addr(2),
            addr(3)
        );
        let p = parse(&text, false).unwrap();
        assert_eq!(p[0].amount, Amount(12_500_000_000));
        assert_eq!(p[1].amount, Amount(100_000_000));
        assert_eq!(p[2].amount, Amount(5));
        let bad = parse(
            &format!("{{\"to\":\"{}\",\"amount\":1e3}}\n", addr(1)),
            false,
        )
        .unwrap_err();
        assert_eq!(bad[0].line, 1);
        assert!(bad[0].column > 1);
    }

    #[test]
    fn raw_amounts_and_empty_files() {
        let p = parse(&format!("{},18000000000000000000\n", addr(1)), true).unwrap();
        assert_eq!(p[0].amount, Amount::MAX);
        assert!(parse("", false).is_err());
        assert!(parse("address,amount\n", false).is_err());
    }

    #[test]
    fn a_file_saved_again_pays_the_same_but_other_payments_do_not() {
        let plain = format!("{},1\n{},2,inv-2\n", addr(1), addr(2));
        let digest = payouts_digest(&parse(&plain, false).unwrap());
        let resaved = format!(
            "\u{feff}address,amount,intent\r\n\"{}\",\"2\",inv-2\r\n{},1.0\r\n\r\n",
            addr(2),
            addr(1)
        );
        assert_eq!(payouts_digest(&parse(&resaved, false).unwrap()), digest);
        let ndjson = format!(
            "{{\"to\":\"{}\",\"amount\":\"1\"}}\n{{\"to\":\"{}\",\"amount\":\"2\",\"intent\":\"inv-2\"}}\n",
            addr(1),
            addr(2)
        );
        assert_eq!(payouts_digest(&parse(&ndjson, false).unwrap()), digest);
        for other in [
            format!("{},1\n{},2,inv-3\n", addr(1), addr(2)),
            format!("{},1\n{},2\n", addr(1), addr(2)),
            format!("{},1\n{},3,inv-2\n", addr(1), addr(2)),
            format!("{},1\n{},2,inv-2\n", addr(3), addr(2)),
            format!("{},1\n{},2,inv-2\n{},1,again\n", addr(1), addr(2), addr(1)),
        ] {
            assert_ne!(
                payouts_digest(&parse(&other, false).unwrap()),
                digest,
                "{other}"
            );
        }
    }

    /// Regression: `addr,12,5` (12.5 with a decimal comma) was signed as 12 atto with the
    /// intent "5", and `addr,1,000` as 1 atto.
    #[test]
    fn a_decimal_comma_or_thousands_separator_is_refused() {
        for (line, intent) in [
            ("12,5", "5"),
            ("1,000", "000"),
            ("0,000000001", "000000001"),
        ] {
            let bad = parse(&format!("{},{line}\n", addr(1)), false).unwrap_err();
            assert_eq!((bad[0].line, bad[0].column), (1, 3), "{bad:?}");
            assert!(
                bad[0].reason.contains(&format!("the intent \"{intent}\"")),
                "{bad:?}"
            );
            assert!(bad[0].reason.contains(".0"), "{bad:?}");
        }
        // Whatever the line ends, and with a quoted field running over a line end.
        for text in [
            format!("{},12,5\r{},3,\"inv-7\"\r", addr(1), addr(2)),
            format!("\"\n{}\",12,5\n", addr(1)),
            format!("{},\"\n12\",5\n{},3,\"x\"\n", addr(1), addr(2)),
            format!("\"{}\",\"12\",5\r\n", addr(1)),
        ] {
            let bad = parse(&text, false).unwrap_err();
            assert_eq!((bad[0].line, bad[0].column), (1, 3), "{text:?}: {bad:?}");
        }
        let bad = parse(&format!("{},1,000\n", addr(1)), true).unwrap_err();
        assert!(
            !bad[0].reason.contains(".0"),
            "raw amounts take no point: {bad:?}"
        );
        // A thousands separator before a decimal point, decimals after a comma in a number
        // grouped with points, an exponent. (Regression: `1,000.5` was signed as 1 atto with
        // the intent "000.5".)
        for (line, intent, dot_zero) in [
            ("1,000.5", "000.5", true),
            ("1,234.56", "234.56", true),
            ("2,500.000000001", "500.000000001", true),
            ("12,.5", ".5", true),
            ("12,5.", "5.", true),
            ("12,5e0", "5e0", true),
            ("12,5E-3", "5E-3", true),
            ("1.000,50", "50", false),
            ("12.345.678,9", "9", false),
        ] {
            let bad = parse(&format!("{},{line}\n", addr(1)), false).unwrap_err();
            assert_eq!((bad[0].line, bad[0].column), (1, 3), "{line}: {bad:?}");
            assert!(
                bad[0].reason.contains(&format!("the intent \"{intent}\"")),
                "{bad:?}"
            );
            assert_eq!(
                bad[0].reason.contains("or write the amount as"),
                dot_zero,
                "{line}: {bad:?}"
            );
        }
        // Not numbers split at a comma: an amount with a point that is not grouped in
        // thousands, intents with letters or dashes, a lone point or exponent.
        for (line, intent) in [
            ("12.0,6", "6"),
            ("1.50,7", "7"),
            ("0.500,7", "7"),
            ("000.500,7", "7"),
            ("0.125,1001", "1001"),
            ("12,2024-11-30", "2024-11-30"),
            ("12,e5", "e5"),
            ("12,.", "."),
            ("12,5e", "5e"),
            ("12,1.2.3", "1.2.3"),
        ] {
            let p = parse(&format!("{},{line}\n", addr(1)), false)
                .unwrap_or_else(|bad| panic!("{line}: {bad:?}"));
            assert_eq!(p[0].intent.as_deref(), Some(intent), "{line}");
        }
        // A quoted intent, an amount with a point, or an intent with a letter is what it says.
        let text = format!(
            "{},12,\"5\"\n{},12.0,6\n{},12,inv-5\n{},\"12,5\"\n{},12,\"77\" \n",
            addr(1),
            addr(2),
            addr(3),
            addr(4),
            addr(5)
        );
        let bad = parse(&text, false).unwrap_err();
        // "12,5" quoted is one field: an amount with a comma, refused as an amount.
        assert_eq!(
            bad.iter().map(|b| (b.line, b.column)).collect::<Vec<_>>(),
            [(4, 2)],
            "{bad:?}"
        );
        let good: String = text
            .lines()
            .filter(|l| !l.contains("\"12,5\""))
            .map(|l| format!("{l}\n"))
            .collect();
        let p = parse(&good, false).unwrap();
        let got: Vec<(u64, Option<&str>)> = p
            .iter()
            .map(|p| (p.amount.0, p.intent.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (12_000_000_000, Some("5")),
                (12_000_000_000, Some("6")),
                (12_000_000_000, Some("inv-5")),
                (12_000_000_000, Some("77"))
            ]
        );
    }

    /// Regression: a payout line copied twice was paid twice without a word.
    #[test]
    fn the_same_payment_twice_without_intents_is_refused() {
        let twice = format!("{},12.5\n{},1\n{},12.5\n", addr(1), addr(2), addr(1));
        let bad = parse(&twice, false).unwrap_err();
        assert_eq!((bad[0].line, bad[0].column), (3, 1), "{bad:?}");
        assert!(bad[0].reason.contains("as line 1"), "{bad:?}");
        let ndjson = format!(
            "{{\"to\":\"{}\",\"amount\":\"1\"}}\n{{\"to\":\"{}\",\"amount\":1}}\n",
            addr(1),
            addr(1)
        );
        assert_eq!(parse(&ndjson, false).unwrap_err()[0].line, 2);
        // With intents, or with another amount, they are two payments.
        for text in [
            format!("{},12.5,a\n{},12.5,b\n", addr(1), addr(1)),
            format!("{},12.5\n{},12.5,b\n", addr(1), addr(1)),
            format!("{},12.5\n{},12.6\n", addr(1), addr(1)),
        ] {
            assert_eq!(parse(&text, false).unwrap().len(), 2, "{text}");
        }
    }

    /// Regression: a misspelt key was dropped, and with it the intent that protects the
    /// payment against being made twice.
    /// Regression (a review's findings): with `\r` line ends every line was "line 1" (a repeat
    /// named itself) and NDJSON was one line; a header after a line of spaces or an empty
    /// `,,` row was a bad line; an empty or misspelt amount before an all-digit intent was
    /// reported as a decimal comma, with advice to write `.0` after it.
    #[test]
    fn line_ends_headers_and_amounts_are_read_as_written() {
        let cr = format!("{},12.5,x\r{},3,7\r", addr(1), addr(2));
        let bad = parse(&cr, false).unwrap_err();
        assert_eq!((bad[0].line, bad[0].column), (2, 3), "{bad:?}");
        let repeat = format!("{},12.5\r{},3\r{},12.5\r", addr(1), addr(2), addr(1));
        let bad = parse(&repeat, false).unwrap_err();
        assert_eq!((bad[0].line, bad[0].column), (3, 1), "{bad:?}");
        assert!(bad[0].reason.contains("as line 1"), "{bad:?}");
        for end in ["\n", "\r\n", "\r"] {
            let header = format!(
                "address,amount,intent{end}{},1,a{end}{},2,\"7\"{end}",
                addr(1),
                addr(2)
            );
            let lines: Vec<usize> = parse(&header, false)
                .unwrap()
                .iter()
                .map(|p| p.line)
                .collect();
            assert_eq!(lines, [2, 3], "{end:?}");
            let ndjson = format!(
                "{{\"to\":\"{}\",\"amount\":\"1\"}}{end}{end}{{\"to\":\"{}\",\"amount\":\"x\"}}{end}",
                addr(1),
                addr(2)
            );
            let bad = parse(&ndjson, false).unwrap_err();
            assert_eq!((bad.len(), bad[0].line), (1, 3), "{end:?}: {bad:?}");
        }
        for before in ["  \n", ",,\n", "\u{feff} \r\n", "\t\n\n"] {
            let text = format!("{before}Address,Amount,Intent\n{},12.5,x\n", addr(1));
            let p = parse(&text, false).unwrap_or_else(|bad| panic!("{before:?}: {bad:?}"));
            assert_eq!(p.len(), 1);
        }
        // A quote never closed would take the lines after it into one field.
        let open = format!("{},1,\"a\n{},2,b\n{},3,c\n", addr(1), addr(2), addr(3));
        let bad = parse(&open, false).unwrap_err();
        assert_eq!(
            (bad.len(), bad[0].line, bad[0].column),
            (1, 1, 3),
            "{bad:?}"
        );
        assert!(bad[0].reason.contains("never closed"), "{bad:?}");
        // A header is only the first line with something in it.
        let late = format!("{},1\naddress,amount\n", addr(1));
        assert_eq!(parse(&late, false).unwrap_err()[0].line, 2);
        for (amount, says) in [
            ("", "no amount"),
            ("\"\"", "no amount"),
            ("ten", "not"),
            ("1 000", "not"),
        ] {
            let bad = parse(&format!("{},{amount},5\n", addr(1)), false).unwrap_err();
            assert_eq!((bad[0].column, bad.len()), (2, 1), "{amount}: {bad:?}");
            assert!(bad[0].reason.contains(says), "{amount}: {bad:?}");
        }
    }

    /// Regression: an intent with a zero-width or other invisible character looked like
    /// another (two payments, one intent to the eye), and `addr,12,5` with one was paid as 12.
    #[test]
    fn intents_with_invisible_characters_are_refused() {
        for third in [
            "5\u{200B}",
            "\u{FEFF}5",
            "5\u{FEFF}",
            "\u{2060}000",
            "inv-1\u{200D}",
            "inv\u{202E}1",
            "inv-1\u{FE0F}",
        ] {
            let bad = parse(&format!("{},12,{third}\n", addr(1)), false).unwrap_err();
            assert_eq!((bad[0].line, bad[0].column), (1, 3), "{third:?}: {bad:?}");
            assert!(
                bad[0].reason.contains("invisible") || bad[0].reason.contains("bidirectional"),
                "{bad:?}"
            );
            assert!(intent(third).is_err(), "{third:?}");
        }
        assert_eq!(intent(" inv-1 ").unwrap().as_deref(), Some("inv-1"));
        assert_eq!(intent("payé-1").unwrap().as_deref(), Some("payé-1"));
        assert_eq!(intent("inv 8").unwrap().as_deref(), Some("inv 8"));
        // Look-alikes of an intent are refused rather than taken for other intents.
        for twin in [
            "paye\u{301}-1",
            "inv\u{a0}8",
            "inv\u{2003}8",
            "inv  8",
            "\u{212a}-1",
        ] {
            let why = intent(twin).expect_err(twin);
            assert!(why.starts_with("the intent is refused"), "{twin:?}: {why}");
        }
    }

    #[test]
    fn an_unknown_ndjson_key_is_refused() {
        let text = format!(
            "{{\"to\":\"{}\",\"amount\":\"12.5\",\"intnet\":\"pay-1\"}}\n",
            addr(1)
        );
        let bad = parse(&text, false).unwrap_err();
        assert!(bad[0].reason.contains("unknown field `intnet`"), "{bad:?}");
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,400}", raw in any::<bool>()) {
            let _ = parse(&text, raw);
        }

        /// A whole amount with an all-digit intent is refused unless the intent is quoted,
        /// whatever the line ends and quoting around it.
        #[test]
        fn a_bare_all_digit_intent_after_a_whole_amount_is_refused(
            rows in proptest::collection::vec(
                (any::<u8>(), 1u64..1_000_000, "[0-9]{1,9}", any::<bool>(), any::<bool>()),
                1..8,
            ),
            end in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        ) {
            let text: String = rows
                .iter()
                .enumerate()
                .map(|(i, (k, whole, digits, quoted, quote_address))| {
                    let address = if *quote_address {
                        format!("\"{}\"", addr(*k))
                    } else {
                        addr(*k)
                    };
                    // Each line's intent its own: the digits and the line's number.
                    let intent = format!("{digits}{i}");
                    let intent = if *quoted { format!("\"{intent}\"") } else { intent };
                    format!("{address},{whole},{intent}{end}")
                })
                .collect();
            let refused: Vec<usize> = match parse(&text, false) {
                Ok(_) => Vec::new(),
                Err(bad) => bad.iter().filter(|b| b.column == 3).map(|b| b.line).collect(),
            };
            let expected: Vec<usize> = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| !r.3)
                .map(|(i, _)| i + 1)
                .collect();
            prop_assert_eq!(refused, expected, "{:?}", text);
        }

        #[test]
        fn csv_round_trips(rows in proptest::collection::vec((any::<u8>(), 1..=Amount::MAX.0), 1..20)) {
            let text: String = rows
                .iter()
                .enumerate()
                .map(|(i, (k, a))| format!("{},{},i{i}\n", addr(*k), a))
                .collect();
            let p = parse(&text, true).unwrap();
            prop_assert_eq!(p.len(), rows.len());
            for (payment, (k, a)) in p.iter().zip(&rows) {
                prop_assert_eq!(payment.amount, Amount(*a));
                prop_assert_eq!(payment.to.to_string(), addr(*k));
            }
        }
    }
}
