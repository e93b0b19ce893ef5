//! QR handoff (DESIGN.md §5): the `ATTO:TX:` payload of a transaction, the QR code that
//! carries it, and that code drawn for a terminal (half blocks), as PNG and as SVG.
//!
//! The payload is `ATTO:TX:` followed by RFC 4648 base32 (upper case, no padding) of the
//! serialized transaction. Every character of that text is in the QR alphanumeric set, which
//! packs 5.5 bits per character instead of byte mode's 8, so a SEND (206 bytes) fits version
//! 11 at error correction M (61×61 modules) where byte mode would need version 13.

use crate::protocol::{Address, Amount, BlockBody, PublicKey, Transaction};
use data_encoding::BASE32_NOPAD;
use qrcode::QrCode;
use qrcode::bits::Bits;
use qrcode::types::{Color, Version};
use std::fmt;

/// What every transaction payload starts with.
pub const PREFIX: &str = "ATTO:TX:";

/// Light modules around the code. The QR standard asks for 4; scanners that find the finder
/// patterns against a busy background (a terminal's prompt, a window border) need them.
pub const QUIET_ZONE: usize = 4;

/// The longest scanner label accepted before the payload (`QR-Code:` is 8).
const MAX_LABEL: usize = 32;

/// Error-correction level: the share of the code that may be damaged and still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EcLevel {
    /// About 7%.
    L,
    /// About 15%.
    M,
    /// About 25%.
    Q,
    /// About 30%.
    H,
}

impl EcLevel {
    fn to_qrcode(self) -> qrcode::EcLevel {
        match self {
            EcLevel::L => qrcode::EcLevel::L,
            EcLevel::M => qrcode::EcLevel::M,
            EcLevel::Q => qrcode::EcLevel::Q,
            EcLevel::H => qrcode::EcLevel::H,
        }
    }
}

impl fmt::Display for EcLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EcLevel::L => "L",
            EcLevel::M => "M",
            EcLevel::Q => "Q",
            EcLevel::H => "H",
        })
    }
}

/// Why a text is not a transaction payload, or a code cannot be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("it does not contain {PREFIX}, so it is not an attosign transaction code")]
    NoPrefix,
    #[error(
        "unexpected text before {PREFIX}; only a scanner label such as QR-Code: may precede it"
    )]
    TextBeforePrefix,
    #[error("nothing follows {PREFIX}")]
    Empty,
    #[error(
        "the text after {PREFIX} is not base32 (upper case, no padding) at character {}; the \
         scan is damaged or incomplete",
        .0.position + 1
    )]
    Base32(#[source] data_encoding::DecodeError),
    #[error("the scanned bytes are not a transaction: {0}")]
    Transaction(#[source] crate::protocol::Error),
    #[error("{len} characters do not fit in one QR code at error correction {ec}")]
    TooLong { len: usize, ec: EcLevel },
    #[error("a character of the text cannot be encoded in QR alphanumeric mode")]
    NotAlphanumeric,
    #[error("cannot encode the PNG image: {0}")]
    Png(#[source] png::EncodingError),
}

/// The payload text of a transaction: `ATTO:TX:` + base32 of its bytes.
pub fn payload(tx: &Transaction) -> String {
    format!("{PREFIX}{}", BASE32_NOPAD.encode(&tx.to_bytes()))
}

/// Reads exactly a payload (no surrounding text) back into its transaction. Only the one
/// canonical spelling is accepted: base32 whose unused trailing bits are not zero is refused,
/// so two different texts never decode to the same transaction.
pub fn parse_payload(text: &str) -> Result<Transaction, Error> {
    let body = text.strip_prefix(PREFIX).ok_or(Error::NoPrefix)?;
    if body.is_empty() {
        return Err(Error::Empty);
    }
    let bytes = BASE32_NOPAD
        .decode(body.as_bytes())
        .map_err(Error::Base32)?;
    Transaction::from_bytes(&bytes).map_err(Error::Transaction)
}

/// Reads one line as a scanner prints it: surrounding whitespace, and a label such as
/// `QR-Code:` (zbarimg) before the payload, are allowed.
pub fn parse_scanned(line: &str) -> Result<Transaction, Error> {
    let line = line.trim();
    let at = line.find(PREFIX).ok_or(Error::NoPrefix)?;
    let label = line[..at].trim_end();
    if !label.is_empty() && !is_scanner_label(label) {
        return Err(Error::TextBeforePrefix);
    }
    parse_payload(&line[at..])
}

/// `QR-Code:`, `QRCODE:`, `qr code:`: a short name of letters, digits, spaces, `-` or `_`
/// ending in a colon.
fn is_scanner_label(label: &str) -> bool {
    let Some(name) = label.strip_suffix(':') else {
        return false;
    };
    !name.is_empty()
        && label.len() <= MAX_LABEL
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'_'))
}

/// The order codes are shown and `decode` prints: by account, then height (then hash, so two
/// blocks at one height, which the node would never both take, still come out the same way
/// whatever order they were scanned in). Exact duplicates collapse to one.
pub fn sort(txs: &mut Vec<Transaction>) {
    txs.sort_by_cached_key(|t| (t.block.public_key.0, t.block.height(), t.hash().0));
    txs.dedup();
}

/// Why a set of transactions, in [`sort`]'s order, cannot all be published one after another:
/// what `qr` refuses to draw and `decode` refuses to print (indexes into the set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetProblem {
    /// Two different blocks at one height of an account: a node takes at most one.
    Fork { first: usize, second: usize },
    /// A block that does not follow the block before it of its account in the set: a height
    /// skipped, or its `previous` another block's hash. A code is missing, or the codes of two
    /// runs are mixed: the node would take the blocks up to here and refuse the rest.
    Gap { before: usize, after: usize },
}

/// Checks that each account's blocks in the set (sorted by [`sort`]) follow one another:
/// consecutive heights, each `previous` the hash of the block before. The first block of
/// each account builds on whatever the ledger has, which the set cannot tell.
pub fn check_set(txs: &[Transaction]) -> Result<(), SetProblem> {
    for (i, pair) in txs.windows(2).enumerate() {
        let (a, b) = (&pair[0].block, &pair[1].block);
        // Another account, or the same block again (with other work: `decode` prints it
        // once, and either copy is the block).
        if a.public_key != b.public_key || a == b {
            continue;
        }
        if a.height() == b.height() {
            return Err(SetProblem::Fork {
                first: i,
                second: i + 1,
            });
        }
        if b.height() != a.height() + 1 || b.previous() != Some(a.hash()) {
            return Err(SetProblem::Gap {
                before: i,
                after: i + 1,
            });
        }
    }
    Ok(())
}

/// The official wallet's payment request for an account: `atto://ADDRESS?amount=RAW`, or the
/// bare address when no amount is asked for.
pub fn payment_request(key: &PublicKey, amount: Option<Amount>) -> String {
    let address = key.address();
    match amount {
        Some(amount) => format!("{address}?amount={}", amount.raw()),
        None => address.to_string(),
    }
}

/// `atto://abcde…vwxyz`: enough of an address to tell codes apart on screen; the review and
/// the file hold the whole one.
pub fn short_address(address: &Address) -> String {
    let text = address.to_string();
    let body = &text["atto://".len()..];
    format!("atto://{}…{}", &body[..5], &body[body.len() - 5..])
}

/// A caption for code `number` of `total`: "2 of 5 · SEND 12.5 atto to atto://abcde…vwxyz".
pub fn caption(tx: &Transaction, number: usize, total: usize) -> String {
    let block = &tx.block;
    let what = match &block.body {
        BlockBody::Send {
            receiver, amount, ..
        } => format!(
            "SEND {} atto to {}",
            amount.to_atto_string(),
            short_address(&receiver.address())
        ),
        BlockBody::Receive { send_hash, .. } => format!(
            "RECEIVE {}…, balance {} atto",
            &send_hash.to_hex()[..12],
            block.balance.to_atto_string()
        ),
        BlockBody::Open { send_hash, .. } => format!(
            "OPEN with {}…, balance {} atto",
            &send_hash.to_hex()[..12],
            block.balance.to_atto_string()
        ),
        BlockBody::Change { representative, .. } => format!(
            "CHANGE representative to {}",
            short_address(&representative.address())
        ),
    };
    format!(
        "{number} of {total} · {what} · {} height {} · {}",
        short_address(&block.public_key.address()),
        block.height(),
        block.network
    )
}

/// A QR code, ready to draw.
#[derive(Clone)]
pub struct Code {
    qr: QrCode,
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code(version {}, {})", self.version(), self.ec())
    }
}

impl Code {
    /// The code of a transaction: its payload, all in alphanumeric mode, in the smallest
    /// version that holds it at `ec`.
    pub fn transaction(tx: &Transaction, ec: EcLevel) -> Result<Code, Error> {
        Code::alphanumeric(&payload(tx), ec)
    }

    /// `text` as one alphanumeric segment (0-9, A-Z, space, `$%*+-./:`), in the smallest
    /// version that holds it. The crate's own optimizer would cut runs of digits into numeric
    /// segments; one segment keeps the promise that the code is alphanumeric mode.
    pub fn alphanumeric(text: &str, ec: EcLevel) -> Result<Code, Error> {
        const SET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        if !text.bytes().all(|b| SET.contains(&b)) {
            return Err(Error::NotAlphanumeric);
        }
        for version in 1..=40 {
            let mut bits = Bits::new(Version::Normal(version));
            let fits = bits.push_alphanumeric_data(text.as_bytes()).is_ok()
                && bits.push_terminator(ec.to_qrcode()).is_ok();
            if fits {
                let qr = QrCode::with_bits(bits, ec.to_qrcode()).map_err(|_| Error::TooLong {
                    len: text.len(),
                    ec,
                })?;
                return Ok(Code { qr });
            }
        }
        Err(Error::TooLong {
            len: text.len(),
            ec,
        })
    }

    /// Any text, in whatever modes encode it smallest (a payment request has lower-case
    /// letters, so it is byte mode).
    pub fn text(text: &str, ec: EcLevel) -> Result<Code, Error> {
        QrCode::with_error_correction_level(text, ec.to_qrcode())
            .map(|qr| Code { qr })
            .map_err(|_| Error::TooLong {
                len: text.len(),
                ec,
            })
    }

    /// The QR version, 1 to 40; the code is `17 + 4 × version` modules wide.
    pub fn version(&self) -> i16 {
        match self.qr.version() {
            Version::Normal(v) | Version::Micro(v) => v,
        }
    }

    pub fn ec(&self) -> EcLevel {
        match self.qr.error_correction_level() {
            qrcode::EcLevel::L => EcLevel::L,
            qrcode::EcLevel::M => EcLevel::M,
            qrcode::EcLevel::Q => EcLevel::Q,
            qrcode::EcLevel::H => EcLevel::H,
        }
    }

    /// Modules on a side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.qr.width()
    }

    /// The module grid with its quiet zone, row by row: `true` is dark.
    pub fn matrix(&self) -> Vec<Vec<bool>> {
        let width = self.width();
        let colors = self.qr.to_colors();
        let side = width + 2 * QUIET_ZONE;
        (0..side)
            .map(|y| {
                (0..side)
                    .map(|x| {
                        let (cx, cy) = (x.wrapping_sub(QUIET_ZONE), y.wrapping_sub(QUIET_ZONE));
                        cx < width && cy < width && colors[cy * width + cx] == Color::Dark
                    })
                    .collect()
            })
            .collect()
    }

    /// The code as terminal text: each character is one module wide and two tall, drawn with
    /// `█▀▄` and spaces, each line in explicit black on white (ANSI `30;47`) and reset at its
    /// end. Explicit colors make the code read the same on dark and light themes; without
    /// them it would come out inverted on one of the two, and many phone scanners do not read
    /// inverted codes.
    pub fn to_terminal(&self) -> String {
        let matrix = self.matrix();
        let side = matrix.len();
        let mut out = String::with_capacity((side + 12) * side.div_ceil(2) * 3);
        for pair in matrix.chunks(2) {
            out.push_str(TERMINAL_START);
            for x in 0..side {
                let top = pair[0][x];
                let bottom = pair.get(1).is_some_and(|row| row[x]);
                out.push(match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
            out.push_str(TERMINAL_END);
            out.push('\n');
        }
        out
    }

    /// A 1-bit grayscale PNG, `module_px` pixels per module, quiet zone included.
    pub fn to_png(&self, module_px: u32) -> Result<Vec<u8>, Error> {
        let matrix = self.matrix();
        let scale = module_px.max(1) as usize;
        let side = matrix.len() * scale;
        let row_bytes = side.div_ceil(8);
        let mut pixels = vec![0u8; row_bytes * side];
        for (y, row) in pixels.chunks_mut(row_bytes).enumerate() {
            for x in 0..side {
                // 1 is white in grayscale.
                if !matrix[y / scale][x / scale] {
                    row[x / 8] |= 0x80 >> (x % 8);
                }
            }
        }
        let mut out = Vec::new();
        let side = u32::try_from(side).expect("a QR code is at most a few thousand pixels");
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        let mut writer = encoder.write_header().map_err(Error::Png)?;
        writer.write_image_data(&pixels).map_err(Error::Png)?;
        writer.finish().map_err(Error::Png)?;
        Ok(out)
    }

    /// An SVG image, `module_px` user units per module, quiet zone included: a white square
    /// and one black path of unit squares, with `crispEdges` so viewers do not blur them.
    pub fn to_svg(&self, module_px: u32) -> String {
        let matrix = self.matrix();
        let side = matrix.len();
        let size = side * module_px.max(1) as usize;
        let mut path = String::new();
        for (y, row) in matrix.iter().enumerate() {
            for (x, _) in row.iter().enumerate().filter(|(_, dark)| **dark) {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{size}\" \
             height=\"{size}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/>\
             <path fill=\"#000000\" d=\"{path}\"/></svg>\n"
        )
    }
}

/// Starts each terminal line: black foreground, white background.
pub const TERMINAL_START: &str = "\u{1b}[30;47m";
/// Ends each terminal line: back to the terminal's own colors.
pub const TERMINAL_END: &str = "\u{1b}[0m";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::arb_block;
    use crate::protocol::{Signature, Work};
    use proptest::prelude::*;

    fn arb_transaction() -> impl Strategy<Value = Transaction> {
        (
            arb_block(),
            any::<[u8; 32]>(),
            any::<[u8; 32]>(),
            any::<u64>(),
        )
            .prop_map(|(block, a, b, nonce)| {
                let mut signature = [0u8; 64];
                signature[..32].copy_from_slice(&a);
                signature[32..].copy_from_slice(&b);
                Transaction {
                    block,
                    signature: Signature(signature),
                    work: Work::from_nonce(nonce),
                }
            })
    }

    /// A linked chain of SENDs of account `key`, heights `first..first + n`.
    fn chain(key: u8, first: u64, n: u64, salt: u8) -> Vec<Transaction> {
        use crate::protocol::{Algorithm, Amount, Block, BlockBody, Hash, Network, PublicKey};
        let mut previous = Hash([salt; 32]);
        (first..first + n)
            .map(|height| {
                let block = Block {
                    network: Network::Local,
                    version: 0,
                    algorithm: Algorithm::V1,
                    public_key: PublicKey([key; 32]),
                    balance: Amount(1_000_000 - height),
                    timestamp: 1_750_000_000_000 + height as i64,
                    body: BlockBody::Send {
                        height,
                        previous,
                        receiver_algorithm: Algorithm::V1,
                        receiver: PublicKey([salt; 32]),
                        amount: Amount(1),
                    },
                };
                previous = block.hash();
                Transaction {
                    block,
                    signature: Signature([0; 64]),
                    work: Work::from_nonce(0),
                }
            })
            .collect()
    }

    #[test]
    fn a_set_must_be_each_account_s_blocks_one_after_another() {
        let sorted = |mut txs: Vec<Transaction>| {
            sort(&mut txs);
            txs
        };
        let run = chain(1, 8, 4, 0);
        // Whole, in any order, with another account's chain among it: fine.
        let mut mixed = chain(2, 1, 3, 9);
        mixed.extend(run.iter().rev().cloned());
        assert_eq!(check_set(&sorted(mixed)), Ok(()));
        // A code missing (height 10 of 8..11).
        let mut gap = run.clone();
        gap.remove(2);
        assert_eq!(
            check_set(&sorted(gap)),
            Err(SetProblem::Gap {
                before: 1,
                after: 2
            })
        );
        // Codes of two runs mixed: heights 8, 9 of one and 10, 11 of another follow in
        // height, but 10's previous is not this 9's hash.
        let other = chain(1, 8, 4, 7);
        let mut two_runs = run[..2].to_vec();
        two_runs.extend_from_slice(&other[2..]);
        assert!(matches!(
            check_set(&sorted(two_runs)),
            Err(SetProblem::Gap {
                before: 1,
                after: 2
            })
        ));
        // The same block twice, with other work: not a fork.
        let mut reworked = run.clone();
        reworked.insert(
            2,
            Transaction {
                work: Work::from_nonce(1),
                ..run[2].clone()
            },
        );
        assert_eq!(check_set(&sorted(reworked)), Ok(()));
        // The same height twice.
        let mut fork = run.clone();
        fork.push(other[1].clone());
        assert!(matches!(
            check_set(&sorted(fork)),
            Err(SetProblem::Fork { .. })
        ));
    }

    proptest! {
        #[test]
        fn payload_round_trips(tx in arb_transaction()) {
            let text = payload(&tx);
            prop_assert!(text.starts_with(PREFIX));
            prop_assert_eq!(parse_payload(&text).unwrap(), tx.clone());
            prop_assert_eq!(parse_scanned(&format!("QR-Code:{text}\r\n")).unwrap(), tx);
        }

        #[test]
        fn every_transaction_fits_one_alphanumeric_code(tx in arb_transaction()) {
            let code = Code::transaction(&tx, EcLevel::M).unwrap();
            prop_assert_eq!(code.version(), 11);
            prop_assert_eq!(code.width(), 61);
        }

        #[test]
        fn scanned_text_never_panics(text in ".{0,400}") {
            let _ = parse_scanned(&text);
        }

        #[test]
        fn accepted_text_is_canonical(tx in arb_transaction(), at in 8usize..300, c in "[A-Z2-7]") {
            // Changing one base32 character either fails or yields another transaction whose
            // payload is exactly the changed text: no two spellings of one transaction.
            let mut text = payload(&tx);
            let at = at.min(text.len() - 1);
            text.replace_range(at..=at, &c);
            if let Ok(other) = parse_payload(&text) {
                prop_assert_eq!(payload(&other), text);
            }
        }
    }

    /// The versions the README states, per block type and level: OPEN 191 bytes (314
    /// characters), RECEIVE and CHANGE 198 (325), SEND 206 (338).
    #[test]
    fn versions_per_block_type_and_level() {
        for (bytes, versions) in [
            (191, [9, 11, 13, 15]),
            (198, [9, 11, 13, 16]),
            (206, [10, 11, 13, 16]),
        ] {
            let text = format!("{PREFIX}{}", BASE32_NOPAD.encode(&vec![0xA5u8; bytes]));
            for (ec, version) in [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H]
                .into_iter()
                .zip(versions)
            {
                let code = Code::alphanumeric(&text, ec).unwrap();
                assert_eq!(code.version(), version, "{bytes} bytes at {ec}");
            }
        }
    }

    #[test]
    fn labels_and_other_text_before_the_payload() {
        let text = "ATTO:TX:AAAA";
        assert!(matches!(parse_scanned(text), Err(Error::Transaction(_))));
        for ok in ["QR-Code:", "QRCODE: ", "  qr code:"] {
            let line = format!("{ok}{text}");
            assert!(
                matches!(parse_scanned(&line), Err(Error::Transaction(_))),
                "{line}"
            );
        }
        for bad in ["x", "QR-Code", "rm -rf /;", "\u{1b}[2J:"] {
            let line = format!("{bad}{text}");
            assert!(
                matches!(parse_scanned(&line), Err(Error::TextBeforePrefix)),
                "{line}"
            );
        }
        assert!(matches!(parse_scanned("hello"), Err(Error::NoPrefix)));
        assert!(matches!(parse_scanned("ATTO:TX:"), Err(Error::Empty)));
        assert!(matches!(
            parse_scanned("ATTO:TX:aaaa"),
            Err(Error::Base32(_))
        ));
        assert!(matches!(
            parse_scanned("ATTO:TX:AAAA===="),
            Err(Error::Base32(_))
        ));
    }

    #[test]
    fn lower_case_text_is_not_alphanumeric() {
        assert!(matches!(
            Code::alphanumeric("atto://x", EcLevel::M),
            Err(Error::NotAlphanumeric)
        ));
        assert!(Code::text("atto://x?amount=1", EcLevel::M).is_ok());
    }

    #[test]
    fn terminal_lines_are_colored_half_blocks_with_a_quiet_zone() {
        let code = Code::alphanumeric("ATTO:TX:HELLO", EcLevel::M).unwrap();
        let text = code.to_terminal();
        let side = code.width() + 2 * QUIET_ZONE;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), side.div_ceil(2));
        for line in &lines {
            let cells = line
                .strip_prefix(TERMINAL_START)
                .and_then(|l| l.strip_suffix(TERMINAL_END))
                .unwrap();
            assert_eq!(cells.chars().count(), side);
            assert!(cells.chars().all(|c| " ▀▄█".contains(c)));
        }
        // The quiet zone: two blank lines on top, four blank columns either side.
        let blank = " ".repeat(side);
        assert!(lines[0].contains(&blank) && lines[1].contains(&blank));
        assert!(lines[2].contains(&format!("{TERMINAL_START}    █")));
    }

    #[test]
    fn png_has_the_requested_size() {
        let code = Code::alphanumeric("ATTO:TX:HELLO", EcLevel::M).unwrap();
        let png = code.to_png(3).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        let side = ((code.width() + 2 * QUIET_ZONE) * 3) as u32;
        assert_eq!((reader.info().width, reader.info().height), (side, side));
    }
}
