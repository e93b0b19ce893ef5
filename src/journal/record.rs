//! One journal line: the records attosign appends, how they are written as JSON, and how a
//! line is read back.
//!
//! Reading is on the path of every signing run, and a journal grows by a line or two per
//! transaction for years, so lines are decoded into borrowed, typed structs (no `Value`
//! trees) and the block into its fields directly; the block's BLAKE2b hash, recomputed from
//! those fields, must equal the line's `hash`, which catches any disagreement between this
//! reader and the reference JSON that `Block::to_json` wrote.

use crate::protocol::present;
use crate::protocol::{
    Address, Algorithm, Amount, Block, BlockBody, BlockType, Document, Hash, Network, PublicKey,
    Signature, Transaction, Work, append_hex, encode_hex,
};
use serde::Deserialize;
use serde_json::value::RawValue;

/// What can be appended to a journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A block about to be signed. Account, height and hash are the block's own.
    Block {
        block: Block,
        intent: Option<String>,
        /// Digest of the request that produced the block (computed by the caller).
        request: [u8; 32],
        /// Digest of the payout file it came from, for batches.
        file: Option<[u8; 32]>,
        /// Signing time, epoch milliseconds.
        time_ms: i64,
    },
    /// The finished transaction of a journaled block.
    Done {
        transaction: Transaction,
        time_ms: i64,
    },
    /// Frees a height whose block will never be published; its intent stays used.
    Void {
        account: PublicKey,
        height: u64,
        hash: Hash,
        time_ms: i64,
    },
    /// A later account state contained this block.
    Published {
        account: PublicKey,
        height: u64,
        hash: Hash,
        time_ms: i64,
    },
    /// An address-book, policy or journal change; `detail` is a JSON object.
    Change {
        what: String,
        detail: serde_json::Value,
        time_ms: i64,
    },
}

impl Record {
    pub fn time_ms(&self) -> i64 {
        match self {
            Record::Block { time_ms, .. }
            | Record::Done { time_ms, .. }
            | Record::Void { time_ms, .. }
            | Record::Published { time_ms, .. }
            | Record::Change { time_ms, .. } => *time_ms,
        }
    }
}

/// A line as read, before it is checked against the journal's state. Each lives only until
/// it is indexed, so the size difference between the variants costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Line {
    Header { id: [u8; 16], created_ms: i64 },
    Record(Record),
}

/// Writes a record as one line (without the newline). `prev` is the hex digest of the line
/// before, `seq` this line's number (1-based).
#[cfg(test)]
pub(crate) fn write_line(record: &Record, seq: u64, prev: &str) -> String {
    let mut line = String::new();
    let at = write_line_into(&mut line, record, seq, block_hash(record).as_ref());
    line.replace_range(at..at + PREV_LEN, prev);
    line
}

/// Hex digits of the previous line's SHA-256 in a line's `prev`.
pub(crate) const PREV_LEN: usize = 64;

/// The hash of the record's block, for the records that carry a block (computed once, for
/// the line and the indexes).
pub(crate) fn block_hash(record: &Record) -> Option<Hash> {
    match record {
        Record::Block { block, .. } => Some(block.hash()),
        Record::Done { transaction, .. } => Some(transaction.block.hash()),
        Record::Void { .. } | Record::Published { .. } | Record::Change { .. } => None,
    }
}

/// Appends a record's whole line (without the newline) numbered `seq`, with [`PREV_LEN`]
/// zeros where the previous line's digest goes, and returns where in the line they are: the
/// lines of an append are written on every core, and the digests, which chain them one after
/// another, filled in afterwards. `hash` is [`block_hash`]'s.
pub(crate) fn write_line_into(
    s: &mut String,
    record: &Record,
    seq: u64,
    hash: Option<&Hash>,
) -> usize {
    let line_start = s.len();
    let kind = match record {
        Record::Block { .. } => "block",
        Record::Done { .. } => "done",
        Record::Void { .. } => "void",
        Record::Published { .. } => "published",
        Record::Change { .. } => "change",
    };
    s.push_str("{\"kind\":\"");
    s.push_str(kind);
    s.push_str("\",\"seq\":");
    s.push_str(itoa::Buffer::new().format(seq));
    s.push_str(",\"prev\":\"");
    let prev_at = s.len() - line_start;
    s.push_str(&"0".repeat(PREV_LEN));
    s.push('"');
    write_body(s, record, hash);
    s.push('}');
    prev_at
}

/// Everything of a record's line after its kind, number and previous digest, without the
/// closing brace.
fn write_body(s: &mut String, record: &Record, hash: Option<&Hash>) {
    let block_hash = || hash.expect("a block's record comes with its block's hash");
    use std::fmt::Write;
    let mark = |s: &mut String, account: &PublicKey, height: u64, hash: &Hash| {
        write!(
            s,
            ",\"account\":\"{}\",\"height\":\"{height}\",\"hash\":\"",
            account.address()
        )
        .expect("writing to a String");
        append_hex(&hash.0, s);
        s.push('"');
    };
    let time = |s: &mut String, ms: i64| {
        s.push_str(",\"time\":\"");
        write_time(s, ms);
        s.push('"');
    };
    match record {
        Record::Block {
            block,
            intent,
            request,
            file,
            time_ms,
        } => {
            mark(s, &block.public_key, block.height(), block_hash());
            s.push_str(",\"intent\":");
            match intent {
                Some(intent) => s.push_str(&json_string(intent)),
                None => s.push_str("null"),
            }
            s.push_str(",\"request\":\"");
            s.push_str(&encode_hex(request));
            s.push_str("\",\"file\":");
            match file {
                Some(file) => {
                    s.push('"');
                    s.push_str(&encode_hex(file));
                    s.push('"');
                }
                None => s.push_str("null"),
            }
            time(s, *time_ms);
            s.push_str(",\"block\":");
            block.write_json(s);
        }
        Record::Done {
            transaction,
            time_ms,
        } => {
            let block = &transaction.block;
            mark(s, &block.public_key, block.height(), block_hash());
            time(s, *time_ms);
            s.push_str(",\"transaction\":");
            Document::write_parts(
                s,
                &transaction.block,
                Some(transaction.signature),
                Some(transaction.work),
            );
        }
        Record::Void {
            account,
            height,
            hash,
            time_ms,
        } => {
            mark(s, account, *height, hash);
            time(s, *time_ms);
        }
        Record::Published {
            account,
            height,
            hash,
            time_ms,
        } => {
            mark(s, account, *height, hash);
            time(s, *time_ms);
        }
        Record::Change {
            what,
            detail,
            time_ms,
        } => {
            s.push_str(",\"what\":");
            s.push_str(&json_string(what));
            s.push_str(",\"detail\":");
            s.push_str(&detail.to_string());
            time(s, *time_ms);
        }
    }
}

/// The first line of every journal.
pub(crate) fn write_header(id: &[u8; 16], created_ms: i64) -> String {
    format!(
        "{{\"kind\":\"journal\",\"version\":1,\"seq\":1,\"id\":\"{}\",\"created\":\"{}\",\"prev\":null}}",
        encode_hex(id),
        format_time(created_ms)
    )
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// Every key any line may carry. Unknown keys are refused: attosign wrote this file, so a key
/// it does not know means a newer version or a hand edit, and either way it cannot tell what
/// the line means. serde refuses duplicate keys in a struct, which matters for the same
/// reason as in `protocol::json`: `jq` keeps the last, a reader might keep the first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine<'a> {
    kind: &'a str,
    seq: u64,
    prev: Option<&'a str>,
    version: Option<u32>,
    id: Option<&'a str>,
    created: Option<&'a str>,
    account: Option<&'a str>,
    height: Option<&'a str>,
    hash: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    intent: Option<Option<String>>,
    request: Option<&'a str>,
    #[serde(default, deserialize_with = "present")]
    file: Option<Option<&'a str>>,
    time: Option<&'a str>,
    #[serde(borrow)]
    block: Option<&'a RawValue>,
    #[serde(borrow)]
    transaction: Option<&'a RawValue>,
    what: Option<String>,
    detail: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTransaction<'a> {
    #[serde(borrow)]
    block: &'a RawValue,
    signature: &'a str,
    work: &'a str,
}

/// A block's reference JSON, field by field. The derived addresses are not read: the hash
/// check covers every field that is signed, and the addresses are not.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawBlock<'a> {
    #[serde(rename = "type")]
    block_type: &'a str,
    network: &'a str,
    version: u16,
    algorithm: &'a str,
    public_key: &'a str,
    height: Option<u64>,
    balance: u64,
    timestamp: i64,
    previous: Option<&'a str>,
    send_hash_algorithm: Option<&'a str>,
    send_hash: Option<&'a str>,
    representative_algorithm: Option<&'a str>,
    representative_public_key: Option<&'a str>,
    receiver_algorithm: Option<&'a str>,
    receiver_public_key: Option<&'a str>,
    amount: Option<u64>,
    #[allow(dead_code)] // derived from publicKey; present in the reference form
    address: Option<&'a str>,
    #[allow(dead_code)]
    receiver_address: Option<&'a str>,
    #[allow(dead_code)]
    representative_address: Option<&'a str>,
}

/// What a line carries besides its record: its number and the digest of the line before.
pub(crate) struct Parsed {
    pub seq: u64,
    pub prev: Option<[u8; 32]>,
    pub line: Line,
    /// The hash of the line's block (block and done lines), computed once when the line was
    /// checked, for the indexes.
    pub hash: Option<Hash>,
}

/// Reads one line (without its newline). The error says what is wrong, for `Damaged`.
pub(crate) fn parse_line(bytes: &[u8]) -> Result<Parsed, String> {
    let raw: RawLine =
        serde_json::from_slice(bytes).map_err(|e| format!("not a journal line: {e}"))?;
    let prev = raw.prev.map(|p| hex_array::<32>(p, "prev")).transpose()?;
    let mut hash = None;
    let line = match raw.kind {
        "journal" => {
            if raw.version != Some(1) {
                return Err(match raw.version {
                    Some(v) => format!(
                        "journal version {v} is not one this attosign reads (1); use the attosign \
                         that wrote it"
                    ),
                    None => "the header has no version".into(),
                });
            }
            let id = hex_array::<16>(field(raw.id, "id")?, "id")?;
            let created_ms = parse_time(field(raw.created, "created")?)
                .ok_or("\"created\" is not an RFC 3339 UTC time with milliseconds")?;
            Line::Header { id, created_ms }
        }
        "block" => {
            let block = parse_block(field(raw.block, "block")?.get())?;
            let block_hash = *hash.insert(block.hash());
            check_mark(&raw, &block.public_key, block.height(), &block_hash)?;
            let intent = match raw.intent {
                Some(intent) => intent,
                None => return Err("\"intent\" is missing".into()),
            };
            let request = hex_array::<32>(field(raw.request, "request")?, "request")?;
            let file = match raw.file {
                Some(Some(file)) => Some(hex_array::<32>(file, "file")?),
                Some(None) => None,
                None => return Err("\"file\" is missing".into()),
            };
            Line::Record(Record::Block {
                block,
                intent,
                request,
                file,
                time_ms: time_field(raw.time)?,
            })
        }
        "done" => {
            let tx: RawTransaction =
                serde_json::from_str(field(raw.transaction, "transaction")?.get())
                    .map_err(|e| format!("\"transaction\": {e}"))?;
            let block = parse_block(tx.block.get())?;
            let block_hash = *hash.insert(block.hash());
            check_mark(&raw, &block.public_key, block.height(), &block_hash)?;
            let transaction = Transaction {
                block,
                signature: Signature(hex_array::<64>(tx.signature, "signature")?),
                work: Work(hex_array::<8>(tx.work, "work")?),
            };
            Line::Record(Record::Done {
                transaction,
                time_ms: time_field(raw.time)?,
            })
        }
        "void" | "published" => {
            let account = parse_account(field(raw.account, "account")?)?;
            let height = parse_height(field(raw.height, "height")?)?;
            let hash = Hash(hex_array::<32>(field(raw.hash, "hash")?, "hash")?);
            let time_ms = time_field(raw.time)?;
            Line::Record(if raw.kind == "void" {
                Record::Void {
                    account,
                    height,
                    hash,
                    time_ms,
                }
            } else {
                Record::Published {
                    account,
                    height,
                    hash,
                    time_ms,
                }
            })
        }
        "change" => {
            let detail = field(raw.detail, "detail")?;
            if !detail.is_object() {
                return Err("\"detail\" must be a JSON object".into());
            }
            Line::Record(Record::Change {
                what: field(raw.what, "what")?,
                detail,
                time_ms: time_field(raw.time)?,
            })
        }
        other => {
            return Err(format!(
                "unknown record kind {:?}",
                other.chars().take(40).collect::<String>()
            ));
        }
    };
    Ok(Parsed {
        seq: raw.seq,
        prev,
        line,
        hash,
    })
}

fn field<T>(value: Option<T>, name: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("\"{name}\" is missing"))
}

fn time_field(value: Option<&str>) -> Result<i64, String> {
    parse_time(field(value, "time")?)
        .ok_or_else(|| "\"time\" is not an RFC 3339 UTC time with milliseconds".into())
}

/// The `account`, `height` and `hash` a line shows people must be the block's own.
fn check_mark(raw: &RawLine, account: &PublicKey, height: u64, hash: &Hash) -> Result<(), String> {
    if parse_account(field(raw.account, "account")?)? != *account {
        return Err("\"account\" is not the block's account".into());
    }
    if parse_height(field(raw.height, "height")?)? != height {
        return Err("\"height\" is not the block's height".into());
    }
    if hex_array::<32>(field(raw.hash, "hash")?, "hash")? != hash.0 {
        return Err("\"hash\" is not the hash of the block on the line".into());
    }
    Ok(())
}

fn parse_account(text: &str) -> Result<PublicKey, String> {
    Address::parse(text)
        .map(|a| a.public_key)
        .map_err(|e| format!("\"account\": {e}"))
}

/// Heights are decimal strings, as everywhere attosign prints JSON for scripts.
fn parse_height(text: &str) -> Result<u64, String> {
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err("\"height\" must be a decimal string".into());
    }
    text.parse()
        .map_err(|_| "\"height\" does not fit in 64 bits".into())
}

fn parse_block(json: &str) -> Result<Block, String> {
    let raw: RawBlock = serde_json::from_str(json).map_err(|e| format!("\"block\": {e}"))?;
    let err = |e: crate::protocol::Error| format!("\"block\": {e}");
    let alg = |text: Option<&str>, name: &str| -> Result<Algorithm, String> {
        Algorithm::parse(field(text, name)?).map_err(err)
    };
    let key = |text: Option<&str>, name: &str| -> Result<PublicKey, String> {
        hex_array::<32>(field(text, name)?, name).map(PublicKey)
    };
    let hash = |text: Option<&str>, name: &str| -> Result<Hash, String> {
        hex_array::<32>(field(text, name)?, name).map(Hash)
    };
    let amount = |raw: u64, name: &str| -> Result<Amount, String> {
        Amount::checked(raw).ok_or_else(|| format!("\"{name}\" {raw} is above the supply"))
    };
    let block_type = BlockType::parse(raw.block_type).map_err(err)?;
    let height = || field(raw.height, "height");
    let body = match block_type {
        BlockType::Open => {
            if raw.height.is_some_and(|h| h != 1) {
                return Err("\"block\": an OPEN block is height 1".into());
            }
            BlockBody::Open {
                send_hash_algorithm: alg(raw.send_hash_algorithm, "sendHashAlgorithm")?,
                send_hash: hash(raw.send_hash, "sendHash")?,
                representative_algorithm: alg(
                    raw.representative_algorithm,
                    "representativeAlgorithm",
                )?,
                representative: key(raw.representative_public_key, "representativePublicKey")?,
            }
        }
        BlockType::Receive => BlockBody::Receive {
            height: height()?,
            previous: hash(raw.previous, "previous")?,
            send_hash_algorithm: alg(raw.send_hash_algorithm, "sendHashAlgorithm")?,
            send_hash: hash(raw.send_hash, "sendHash")?,
        },
        BlockType::Send => BlockBody::Send {
            height: height()?,
            previous: hash(raw.previous, "previous")?,
            receiver_algorithm: alg(raw.receiver_algorithm, "receiverAlgorithm")?,
            receiver: key(raw.receiver_public_key, "receiverPublicKey")?,
            amount: amount(field(raw.amount, "amount")?, "amount")?,
        },
        BlockType::Change => BlockBody::Change {
            height: height()?,
            previous: hash(raw.previous, "previous")?,
            representative_algorithm: alg(raw.representative_algorithm, "representativeAlgorithm")?,
            representative: key(raw.representative_public_key, "representativePublicKey")?,
        },
    };
    Ok(Block {
        network: raw.network.parse::<Network>().map_err(err)?,
        version: raw.version,
        algorithm: Algorithm::parse(raw.algorithm).map_err(err)?,
        public_key: PublicKey(hex_array::<32>(raw.public_key, "publicKey")?),
        balance: amount(raw.balance, "balance")?,
        timestamp: raw.timestamp,
        body,
    })
}

/// Fixed-length hex of either case, without allocating.
pub(crate) fn hex_array<const N: usize>(text: &str, name: &str) -> Result<[u8; N], String> {
    let bytes = text.as_bytes();
    if bytes.len() != 2 * N {
        return Err(format!("\"{name}\" must be {} hex digits", 2 * N));
    }
    let digit = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    let mut out = [0u8; N];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out[i] = hi << 4 | lo,
            _ => return Err(format!("\"{name}\" is not hex")),
        }
    }
    Ok(out)
}

/// RFC 3339 in UTC with milliseconds, `2026-11-30T16:32:04.123Z`: the one form the journal
/// writes. Years outside 0000–9999 are clamped (no block timestamp reaches them).
pub fn format_time(ms: i64) -> String {
    let mut s = String::with_capacity(24);
    write_time(&mut s, ms);
    s
}

/// Appends [`format_time`]'s text to `s`.
fn write_time(s: &mut String, ms: i64) {
    use std::fmt::Write;
    const MAX: i64 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
    const MIN: i64 = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
    let ms = ms.clamp(MIN, MAX);
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    write!(
        s,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
    .expect("writing to a String");
}

/// Reads exactly the form [`format_time`] writes.
pub fn parse_time(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 24
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[23] != b'Z'
    {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        b[range].iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss, ms) = (num(11..13)?, num(14..16)?, num(17..19)?, num(20..23)?);
    let month_days = [
        31,
        if is_leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m)
        || d < 1
        || d > month_days[(m - 1) as usize]
        || hh > 23
        || mm > 59
        || ss > 59
    {
        return None;
    }
    let days = days_from_civil(y, m, d);
    Some(days * 86_400_000 + hh * 3_600_000 + mm * 60_000 + ss * 1000 + ms)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

// Howard Hinnant's algorithms (public domain): days since 1970-01-01 <-> proleptic Gregorian.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
