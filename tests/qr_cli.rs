//! QR handoff end to end (DESIGN.md §5): `attosign qr` draws codes, a real decoder (zbarimg,
//! Debian's zbar-tools) reads them, and `attosign decode` must give back exactly the original
//! transaction JSON. The terminal rendering is read the same way, after drawing its text as
//! an image (one character = one module wide, two tall, as a terminal cell shows it).
//!
//! These tests need `zbarimg`; `.ci/run` installs zbar-tools. Without it they fail, saying so.

use assert_cmd::Command;
use attosign::protocol::keys::PrivateKey;
use attosign::protocol::{
    Algorithm, Amount, Block, BlockBody, Hash, Network, PublicKey, Transaction, Work, threshold,
};
use attosign::qr::{PREFIX, TERMINAL_END, TERMINAL_START};
use predicates::prelude::*;
use predicates::str::contains;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Fixtures

fn attosign() -> Command {
    let mut cmd = Command::cargo_bin("attosign").expect("the attosign binary is built");
    cmd.env_remove("ATTOSIGN_KEYSTORE");
    cmd
}

/// splitmix64: a small seeded generator, so a failure can be replayed from its printed seed.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = getrandom::u64().expect("OS random");
        eprintln!("random seed {seed:#x}");
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn bytes32(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes());
        }
        out
    }
}

fn now_ms() -> i64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    i64::try_from(since.as_millis()).unwrap()
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Open,
    Receive,
    Send,
    Change,
}

const KINDS: [Kind; 4] = [Kind::Open, Kind::Receive, Kind::Send, Kind::Change];

/// A block of `kind` with random fields that the block rules allow, for `key`'s account.
fn random_block(rng: &mut Rng, kind: Kind, key: &PrivateKey) -> Block {
    let height = 2 + rng.below(1 << 40);
    let body = match kind {
        Kind::Open => BlockBody::Open {
            send_hash_algorithm: Algorithm::V1,
            send_hash: Hash(rng.bytes32()),
            representative_algorithm: Algorithm::V1,
            representative: PublicKey(rng.bytes32()),
        },
        Kind::Receive => BlockBody::Receive {
            height,
            previous: Hash(rng.bytes32()),
            send_hash_algorithm: Algorithm::V1,
            send_hash: Hash(rng.bytes32()),
        },
        Kind::Send => BlockBody::Send {
            height,
            previous: Hash(rng.bytes32()),
            receiver_algorithm: Algorithm::V1,
            receiver: PublicKey(rng.bytes32()),
            amount: Amount(1 + rng.below(Amount::MAX.raw())),
        },
        Kind::Change => BlockBody::Change {
            height,
            previous: Hash(rng.bytes32()),
            representative_algorithm: Algorithm::V1,
            representative: PublicKey(rng.bytes32()),
        },
    };
    Block {
        network: Network::Local,
        version: 0,
        algorithm: Algorithm::V1,
        public_key: key.public_key(),
        balance: Amount(1 + rng.below(Amount::MAX.raw())),
        timestamp: now_ms() - 1 - i64::try_from(rng.below(86_400_000)).unwrap(),
        body,
    }
}

/// The smallest valid nonce (LOCAL needs ~43 000 hashes).
fn grind(block: &Block) -> Work {
    let limit = threshold(block.network, block.timestamp).unwrap();
    let target = block.work_target();
    (0u64..)
        .map(Work::from_nonce)
        .find(|w| w.value(&target) <= limit)
        .unwrap()
}

fn sign(block: Block, key: &PrivateKey) -> Transaction {
    let signature = key.sign(&block.hash());
    let work = grind(&block);
    Transaction {
        block,
        signature,
        work,
    }
}

fn random_tx(rng: &mut Rng, kind: Kind) -> Transaction {
    let key = PrivateKey::from_bytes(&rng.bytes32());
    let block = random_block(rng, kind, &key);
    sign(block, &key)
}

/// The order `qr` and `decode` use: account, then height.
fn sorted(mut txs: Vec<Transaction>) -> Vec<Transaction> {
    txs.sort_by_key(|t| (t.block.public_key.0, t.block.height(), t.hash().0));
    txs
}

fn ndjson(txs: &[Transaction]) -> String {
    txs.iter().map(|t| t.to_json() + "\n").collect()
}

struct Dir(TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.0.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// What zbarimg reads from image files, one text per line (`--raw`: no `QR-Code:` label).
fn zbarimg(paths: &[PathBuf]) -> Vec<String> {
    let out = std::process::Command::new("zbarimg")
        // QR codes only: with every symbology on, zbar now and then also "finds" a linear
        // barcode in a QR code's modules.
        .args(["--raw", "-q", "-Sdisable", "-Sqrcode.enable"])
        .args(paths)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run zbarimg ({e}). These tests read the codes with a real decoder: \
                 install zbar-tools (apt-get install zbar-tools); .ci/run installs it"
            )
        });
    assert!(
        out.status.success(),
        "zbarimg could not read {paths:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn decode(lines: &str) -> std::process::Output {
    attosign()
        .arg("decode")
        .write_stdin(lines.to_string())
        .output()
        .unwrap()
}

fn decode_ok(lines: &str) -> String {
    let out = decode(lines);
    assert!(
        out.status.success(),
        "decode failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The terminal codes in `text` (separated by an empty line), each as a module matrix read
/// back from its half blocks: a character is one module wide and two tall, as in a
/// terminal cell about twice as tall as it is wide.
fn terminal_codes(text: &str) -> Vec<Vec<Vec<bool>>> {
    let mut codes = Vec::new();
    let mut rows: Vec<Vec<bool>> = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            if !rows.is_empty() {
                codes.push(std::mem::take(&mut rows));
            }
            continue;
        }
        let cells = line
            .strip_prefix(TERMINAL_START)
            .and_then(|l| l.strip_suffix(TERMINAL_END))
            .unwrap_or_else(|| panic!("not a colored code line: {line:?}"));
        let (top, bottom): (Vec<bool>, Vec<bool>) = cells
            .chars()
            .map(|c| match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                ' ' => (false, false),
                other => panic!("unexpected character {other:?} in a code"),
            })
            .unzip();
        rows.push(top);
        rows.push(bottom);
    }
    if !rows.is_empty() {
        codes.push(rows);
    }
    codes
}

/// Writes a module matrix as a grayscale PNG, `scale` pixels per module (dark = 0).
fn matrix_png(path: &Path, matrix: &[Vec<bool>], scale: usize) {
    let (w, h) = (matrix[0].len() * scale, matrix.len() * scale);
    let mut pixels = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            pixels.push(if matrix[y / scale][x / scale] { 0 } else { 255 });
        }
    }
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(file, w as u32, h as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&pixels).unwrap();
}

/// Reads the terminal rendering in `stdout` with zbarimg, via images of it.
fn read_terminal(dir: &Dir, stdout: &str) -> Vec<String> {
    let paths: Vec<PathBuf> = terminal_codes(stdout)
        .iter()
        .enumerate()
        .map(|(i, matrix)| {
            let path = dir.path(&format!("screen-{i}.png"));
            matrix_png(&path, matrix, 4);
            path
        })
        .collect();
    zbarimg(&paths)
}

// ---------------------------------------------------------------------------------------------
// qr → zbarimg → decode

#[test]
fn png_of_every_block_type_decodes_to_the_original_json() {
    let mut rng = Rng::new();
    for kind in KINDS {
        let dir = Dir::new();
        let tx = random_tx(&mut rng, kind);
        let file = dir.file("tx.json", &tx.to_json());
        let png = dir.path("code.png");
        attosign()
            .arg("qr")
            .arg(&file)
            .arg("--png")
            .arg(&png)
            .assert()
            .success()
            .stdout("")
            .stderr(contains("wrote 1 QR code to"));
        let scanned = zbarimg(std::slice::from_ref(&png));
        assert_eq!(scanned.len(), 1, "{kind:?}");
        assert!(scanned[0].starts_with(PREFIX), "{kind:?}: {}", scanned[0]);
        assert_eq!(decode_ok(&scanned[0]), tx.to_json() + "\n", "{kind:?}");
        // zbarimg without --raw labels each text "QR-Code:"; decode takes that too.
        let labelled = format!("QR-Code:{}\n", scanned[0]);
        assert_eq!(decode_ok(&labelled), tx.to_json() + "\n", "{kind:?}");
    }
}

#[test]
fn svg_decodes_to_the_original_json() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let tx = random_tx(&mut rng, Kind::Send);
    let file = dir.file("tx.json", &tx.to_json());
    let svg = dir.path("code.svg");
    attosign()
        .arg("qr")
        .arg(&file)
        .arg("--svg")
        .arg(&svg)
        .assert()
        .success()
        .stdout("");
    // Rasterize the SVG's unit squares ("M{x} {y}h1v1h-1z") ourselves: zbarimg's image
    // loader may have no SVG support.
    let text = std::fs::read_to_string(&svg).unwrap();
    let side: usize = text
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    let d = text
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut matrix = vec![vec![false; side]; side];
    for square in d.split('M').filter(|s| !s.is_empty()) {
        let square = square.strip_suffix("h1v1h-1z").unwrap();
        let (x, y) = square.split_once(' ').unwrap();
        matrix[y.parse::<usize>().unwrap()][x.parse::<usize>().unwrap()] = true;
    }
    let png = dir.path("from-svg.png");
    matrix_png(&png, &matrix, 4);
    let scanned = zbarimg(&[png]);
    assert_eq!(decode_ok(&scanned.join("\n")), tx.to_json() + "\n");
}

#[test]
fn terminal_codes_read_back_with_captions_on_stderr() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let txs: Vec<Transaction> = KINDS.iter().map(|k| random_tx(&mut rng, *k)).collect();
    let file = dir.file("txs.ndjson", &ndjson(&txs));
    let out = attosign().arg("qr").arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let scanned = read_terminal(&dir, &stdout);
    assert_eq!(scanned.len(), 4);
    let expected = sorted(txs);
    // The codes come in (account, height) order, each its transaction's payload.
    for (text, tx) in scanned.iter().zip(&expected) {
        assert_eq!(decode_ok(text), tx.to_json() + "\n");
    }
    for n in 1..=4 {
        assert!(stderr.contains(&format!("{n} of 4 · ")), "{stderr}");
    }
    let send = expected
        .iter()
        .position(|t| matches!(t.block.body, BlockBody::Send { .. }))
        .unwrap();
    assert!(
        stderr.contains(&format!("{} of 4 · SEND ", send + 1)),
        "{stderr}"
    );
}

#[test]
fn a_batch_of_20_round_trips_in_account_and_height_order() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    // Two accounts, ten consecutive blocks each (one opened by the first), given out of order.
    let mut txs = Vec::new();
    for start in [1, 2 + rng.below(1000)] {
        let key = PrivateKey::from_bytes(&rng.bytes32());
        let mut before: Option<Hash> = None;
        for h in 0..10 {
            let kind = match (start + h, rng.below(3)) {
                (1, _) => Kind::Open,
                (_, 0) => Kind::Receive,
                (_, 1) => Kind::Send,
                _ => Kind::Change,
            };
            let mut block = random_block(&mut rng, kind, &key);
            if let BlockBody::Receive { height, .. }
            | BlockBody::Send { height, .. }
            | BlockBody::Change { height, .. } = &mut block.body
            {
                *height = start + h;
            }
            // Each block after the account's first builds on the one before.
            if let (Some(hash), BlockBody::Receive { previous, .. })
            | (Some(hash), BlockBody::Send { previous, .. })
            | (Some(hash), BlockBody::Change { previous, .. }) = (before, &mut block.body)
            {
                *previous = hash;
            }
            before = Some(block.hash());
            txs.push(sign(block, &key));
        }
    }
    txs.reverse();
    let file = dir.file("batch.ndjson", &ndjson(&txs));
    let out = dir.path("out.png");
    attosign()
        .arg("qr")
        .arg(&file)
        .arg("--png")
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(contains("wrote 20 QR codes"));
    let paths: Vec<PathBuf> = (1..=20)
        .map(|n| dir.path(&format!("out-{n}.png")))
        .collect();
    assert!(!out.exists(), "several codes never write out.png itself");
    let mut scanned = zbarimg(&paths);
    assert_eq!(scanned.len(), 20);
    // The scans reach decode in any order, some twice, with blank lines between.
    let expected = ndjson(&sorted(txs));
    let first_code = scanned[0].clone();
    let first_tx = expected.lines().next().unwrap().to_string() + "\n";
    assert!(
        decode_ok(&(first_code + "\n")) == first_tx,
        "out-1.png is the first in order"
    );
    scanned.reverse();
    scanned.push(scanned[3].clone());
    let input = scanned.join("\n\n") + "\n";
    assert!(
        decode_ok(&input) == expected,
        "decode gives the batch back in order"
    );
}

// ---------------------------------------------------------------------------------------------
// Refusals

#[test]
fn a_corrupted_scan_is_refused_and_named() {
    let mut rng = Rng::new();
    let tx = random_tx(&mut rng, Kind::Send);
    let good = attosign::qr::payload(&tx);
    // One base32 character changed: still base32, but a different (unsigned) transaction, or
    // bytes that are not a transaction at all.
    let mut bad = good.clone().into_bytes();
    let at = PREFIX.len() + 40;
    bad[at] = if bad[at] == b'A' { b'B' } else { b'A' };
    let bad = String::from_utf8(bad).unwrap();
    let truncated = &good[..good.len() - 10];
    let input = format!("{good}\n{bad}\n\n{truncated}\nhello\n");
    let out = decode(&input);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        out.stdout.is_empty(),
        "nothing is printed when a line is bad"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("3 of 4 scanned texts are not valid"),
        "{stderr}"
    );
    assert!(stderr.contains("line 2: transaction"), "{stderr}");
    assert!(stderr.contains("signature: not a signature"), "{stderr}");
    assert!(stderr.contains("line 4 (\"ATTO:TX:"), "{stderr}");
    assert!(stderr.contains("line 5 (\"hello\")"), "{stderr}");
    assert!(!stderr.contains("line 1"), "{stderr}");
}

#[test]
fn decode_json_error_names_the_bad_lines() {
    let out = attosign()
        .args(["--json", "decode", "ATTO:TX:AAAA"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["code"], "invalid-transaction");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.contains("argument 1"), "{message}");
}

#[test]
fn decode_refuses_empty_input() {
    let out = decode("\n\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn decode_takes_arguments_and_needs_no_keystore() {
    let mut rng = Rng::new();
    let a = random_tx(&mut rng, Kind::Open);
    let b = random_tx(&mut rng, Kind::Change);
    attosign()
        .args(["--keystore", "/nonexistent/keystore.age", "decode"])
        .arg(attosign::qr::payload(&b))
        .arg(format!("QR-Code: {}", attosign::qr::payload(&a)))
        .assert()
        .success()
        .stdout(ndjson(&sorted(vec![a, b])));
}

/// Writes `tx` and asserts that `qr` refuses it with status 3, writing nothing.
fn assert_qr_refuses(tx_json: &str, reason: &str) {
    let dir = Dir::new();
    let file = dir.file("tx.json", tx_json);
    let png = dir.path("code.png");
    attosign()
        .arg("qr")
        .arg(&file)
        .arg("--png")
        .arg(&png)
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("no QR code was made"))
        .stderr(contains(reason));
    assert_eq!(dir.names(), ["tx.json"], "no image, no temporary file");
    attosign().arg("qr").arg(&file).assert().code(3).stdout("");
}

#[test]
fn qr_refuses_a_bad_signature() {
    let mut rng = Rng::new();
    let mut tx = random_tx(&mut rng, Kind::Send);
    tx.signature.0[0] ^= 1;
    assert_qr_refuses(&tx.to_json(), "signature: not a signature");
}

#[test]
fn qr_refuses_bad_work() {
    let mut rng = Rng::new();
    let key = PrivateKey::from_bytes(&rng.bytes32());
    let mut block = random_block(&mut rng, Kind::Receive, &key);
    block.network = Network::Live;
    let target = block.work_target();
    let limit = threshold(Network::Live, block.timestamp).unwrap();
    let work = (0u64..)
        .map(Work::from_nonce)
        .find(|w| w.value(&target) > limit)
        .unwrap();
    let tx = Transaction {
        signature: key.sign(&block.hash()),
        block,
        work,
    };
    assert_qr_refuses(&tx.to_json(), "work: work");
}

#[test]
fn qr_refuses_a_block_that_breaks_the_rules() {
    let mut rng = Rng::new();
    let key = PrivateKey::from_bytes(&rng.bytes32());
    let mut block = random_block(&mut rng, Kind::Send, &key);
    block.body = BlockBody::Send {
        height: 5,
        previous: Hash(rng.bytes32()),
        receiver_algorithm: Algorithm::V1,
        receiver: key.public_key(),
        amount: Amount(1),
    };
    assert_qr_refuses(
        &sign(block, &key).to_json(),
        "cannot pay the sending account",
    );
}

#[test]
fn qr_refuses_a_block_without_signature_and_work() {
    let mut rng = Rng::new();
    let tx = random_tx(&mut rng, Kind::Change);
    assert_qr_refuses(&tx.block.to_json(), "there is no signature");
}

#[test]
fn qr_refuses_a_whole_batch_for_one_bad_transaction() {
    let mut rng = Rng::new();
    let good = random_tx(&mut rng, Kind::Open);
    let mut bad = random_tx(&mut rng, Kind::Send);
    bad.work = Work::from_nonce(bad.work.nonce().wrapping_add(1 << 40));
    bad.signature.0[5] ^= 0x10;
    let json = ndjson(&[good, bad]);
    assert_qr_refuses(&json, "document 2: signature");
}

#[test]
fn qr_malformed_file_is_status_1() {
    let dir = Dir::new();
    let file = dir.file("tx.json", "{\"block\":");
    attosign().arg("qr").arg(&file).assert().code(1).stdout("");
}

#[test]
fn dash_is_refused_for_image_paths() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let file = dir.file("tx.json", &random_tx(&mut rng, Kind::Open).to_json());
    for flag in ["--png", "--svg"] {
        attosign()
            .arg("qr")
            .arg(&file)
            .args([flag, "-"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!("{flag} needs a file name")));
    }
    let out = attosign()
        .arg("--json")
        .arg("qr")
        .arg(&file)
        .args(["--png", "-"])
        .output()
        .unwrap();
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["code"], "usage");
}

#[test]
fn a_missing_directory_is_refused_before_anything_is_written() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let file = dir.file(
        "txs.ndjson",
        &ndjson(&[
            random_tx(&mut rng, Kind::Open),
            random_tx(&mut rng, Kind::Send),
        ]),
    );
    attosign()
        .arg("qr")
        .arg(&file)
        .arg("--png")
        .arg(dir.path("missing/out.png"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("does not exist"));
    assert_eq!(dir.names(), ["txs.ndjson"]);
}

#[test]
fn qr_reads_stdin_and_takes_options() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let tx = random_tx(&mut rng, Kind::Receive);
    let png = dir.path("h.png");
    attosign()
        .args([
            "qr",
            "-",
            "--error-correction",
            "h",
            "--module-size",
            "3",
            "--png",
        ])
        .arg(&png)
        .write_stdin(tx.to_json())
        .assert()
        .success();
    let bytes = std::fs::read(&png).unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    // RECEIVE at H is version 16: 81 modules + 2 × 4 quiet, 3 px each.
    assert_eq!(info.info().width, (81 + 8) * 3);
    assert_eq!(zbarimg(&[png]), [attosign::qr::payload(&tx)]);
    // Regression: one pixel per module was accepted, and zbarimg read no code drawn so.
    let small = dir.path("small.png");
    attosign()
        .args(["qr", "-", "--module-size", "1", "--png"])
        .arg(&small)
        .write_stdin(tx.to_json())
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--module-size").and(contains("2..=64")));
    assert!(!small.exists());
}

// ---------------------------------------------------------------------------------------------
// keys show --qr

#[test]
fn keys_show_qr_is_a_payment_request_a_wallet_reads() {
    let dir = Dir::new();
    let key = "0000000000000000000000000000000000000000000000000000000000000001";
    let key_file = dir.file("key", key);
    let pw = dir.file("pw", "pw");
    let keystore = dir.path("keystore.age");
    let keys = |args: &[&str]| {
        let mut cmd = attosign();
        cmd.arg("--keystore")
            .arg(&keystore)
            .arg("--passphrase-file")
            .arg(&pw)
            .arg("keys")
            .args(args);
        cmd
    };
    keys(&["import", "--work-factor", "1", "--private-key-file"])
        .arg(&key_file)
        .assert()
        .success();
    let address = PrivateKey::from_hex(key)
        .unwrap()
        .public_key()
        .address()
        .to_string();

    let out = keys(&["show", "--index", "0", "--qr", "--amount", "12.5"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&address) && stderr.contains("asks for 12.5 atto"),
        "{stderr}"
    );
    let scanned = read_terminal(&dir, &String::from_utf8(out.stdout).unwrap());
    assert_eq!(scanned, [format!("{address}?amount=12500000000")]);

    let png = dir.path("fund.png");
    keys(&["show", "--index", "0", "--qr", "--png"])
        .arg(&png)
        .assert()
        .success()
        .stdout("");
    assert_eq!(zbarimg(&[png]), [address]);

    keys(&["show", "--index", "0", "--qr", "--amount", "1.0000000001"])
        .assert()
        .code(2)
        .stdout("");
    keys(&["show", "--index", "0", "--qr", "--amount", "0"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn decode_refuses_two_blocks_at_one_height_and_prints_one_block_once() {
    let mut rng = Rng::new();
    let key = PrivateKey::from_bytes(&rng.bytes32());
    let block = random_block(&mut rng, Kind::Send, &key);
    let tx = sign(block.clone(), &key);
    // The same height and previous, another amount: a fork a node takes at most one of.
    let mut other = block.clone();
    if let BlockBody::Send { amount, .. } = &mut other.body {
        *amount = Amount(if amount.raw() > 1 {
            amount.raw() - 1
        } else {
            2
        });
    }
    let fork = sign(other, &key);
    let out = decode(&format!(
        "{}\n{}\n",
        attosign::qr::payload(&tx),
        attosign::qr::payload(&fork)
    ));
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 1 and line 2"), "{stderr}");
    assert!(
        stderr.contains("two different blocks at height"),
        "{stderr}"
    );
    // The same block with other valid work: one transaction, the first scanned.
    let limit = threshold(block.network, block.timestamp).unwrap();
    let target = block.work_target();
    let first = tx.work.nonce();
    let again = (first + 1..)
        .map(Work::from_nonce)
        .find(|w| w.value(&target) <= limit)
        .unwrap();
    let reworked = Transaction {
        work: again,
        ..tx.clone()
    };
    assert_ne!(reworked, tx);
    assert_eq!(
        decode_ok(&format!(
            "{}\n{}\n",
            attosign::qr::payload(&tx),
            attosign::qr::payload(&reworked)
        )),
        ndjson(&[tx])
    );
}

/// `n` SENDs of one account, each building on the one before, from a random height.
fn linked_sends(rng: &mut Rng, key: &PrivateKey, n: usize) -> Vec<Transaction> {
    let mut before: Option<Block> = None;
    (0..n)
        .map(|_| {
            let mut block = random_block(rng, Kind::Send, key);
            if let (
                Some(prior),
                BlockBody::Send {
                    height, previous, ..
                },
            ) = (&before, &mut block.body)
            {
                *height = prior.height() + 1;
                *previous = prior.hash();
            }
            before = Some(block.clone());
            sign(block, key)
        })
        .collect()
}

/// Regression: decode printed a chain with a code missing, or the codes of two runs mixed,
/// exit 0; a script piping it to the node published the blocks before the gap.
#[test]
fn decode_refuses_a_chain_with_a_code_missing_or_two_runs_mixed() {
    let mut rng = Rng::new();
    let key = PrivateKey::from_bytes(&rng.bytes32());
    let run = linked_sends(&mut rng, &key, 4);
    let scans = |txs: &[&Transaction]| -> String {
        txs.iter()
            .map(|t| attosign::qr::payload(t) + "\n")
            .collect()
    };
    assert_eq!(
        decode_ok(&scans(&[&run[3], &run[0], &run[2], &run[1]])),
        ndjson(&run)
    );
    let out = decode(&scans(&[&run[0], &run[1], &run[3]]));
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("line 3 (height") && stderr.contains("does not follow line 2"),
        "{stderr}"
    );
    assert!(stderr.contains("is missing between them"), "{stderr}");
    // Another run at the same heights: its third and fourth codes follow the first run's
    // first two in height, but build on another block.
    let mut other = run[1].block.clone();
    if let BlockBody::Send { amount, .. } = &mut other.body {
        *amount = Amount(if amount.raw() > 1 {
            amount.raw() - 1
        } else {
            2
        });
    }
    let mut tail = random_block(&mut rng, Kind::Send, &key);
    if let BlockBody::Send {
        height, previous, ..
    } = &mut tail.body
    {
        *height = other.height() + 1;
        *previous = other.hash();
    }
    let tail = sign(tail, &key);
    let out = decode(&scans(&[&run[0], &run[1], &tail]));
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("does not follow") && stderr.contains("it builds on"),
        "{stderr}"
    );
    // qr refuses to draw such a set in the first place, writing nothing.
    let dir = Dir::new();
    let gap = dir.file("gap.ndjson", &ndjson(&[run[0].clone(), run[2].clone()]));
    attosign()
        .arg("qr")
        .arg(&gap)
        .arg("--png")
        .arg(dir.path("out.png"))
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("do not follow one another"));
    let fork = sign(other, &key);
    let forked = dir.file("fork.ndjson", &ndjson(&[run[1].clone(), fork]));
    attosign()
        .arg("qr")
        .arg(&forked)
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("two different blocks at one height"));
    assert_eq!(dir.names(), ["fork.ndjson", "gap.ndjson"]);
}

/// Regression: a scanned line that is not UTF-8 failed the whole input as unreadable (status
/// 1, "cannot read -") instead of being named as a bad scan.
#[test]
fn a_scan_that_is_not_utf8_is_a_bad_line() {
    let mut rng = Rng::new();
    let tx = random_tx(&mut rng, Kind::Send);
    let mut input = (attosign::qr::payload(&tx) + "\n").into_bytes();
    input.extend_from_slice(b"QR-Code:\xff garbage\n");
    let out = attosign()
        .arg("decode")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2: it is not text"), "{stderr}");
}

#[test]
fn image_sets_are_written_whole_and_replace_an_earlier_runs() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let three: Vec<Transaction> = (0..3).map(|_| random_tx(&mut rng, Kind::Send)).collect();
    let file = dir.file("three.ndjson", &ndjson(&three));
    let qr = |input: &PathBuf, args: &[&str]| {
        let mut cmd = attosign();
        cmd.arg("qr").arg(input).args(args);
        cmd
    };
    let out = dir.path("out.png");
    let out = out.to_str().unwrap();
    // A target that is a directory: refused before any image is written or replaced.
    std::fs::write(dir.path("out-1.png"), "OLD1").unwrap();
    std::fs::create_dir(dir.path("out-2.png")).unwrap();
    qr(&file, &["--png", out])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("is a directory"));
    assert_eq!(std::fs::read(dir.path("out-1.png")).unwrap(), b"OLD1");
    std::fs::remove_dir(dir.path("out-2.png")).unwrap();
    // An SVG that cannot be written: no PNG either.
    let missing = dir.path("missing/out.svg");
    qr(&file, &["--png", out, "--svg", missing.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("");
    assert_eq!(std::fs::read(dir.path("out-1.png")).unwrap(), b"OLD1");
    // Three codes, then two: the third image of the first run is removed, so a scan of
    // out-*.png reads this run's codes only.
    qr(&file, &["--png", out]).assert().success();
    let two = dir.file("two.ndjson", &ndjson(&three[..2]));
    qr(&two, &["--png", out])
        .assert()
        .success()
        .stderr(contains("removed 1 image"));
    assert!(!dir.path("out-3.png").exists());
    let scanned = zbarimg(&[dir.path("out-1.png"), dir.path("out-2.png")]).join("\n");
    assert_eq!(decode_ok(&scanned), ndjson(&sorted(three[..2].to_vec())));
    // Then one (out.png): the numbered images go; a file that is not an image stays.
    std::fs::write(dir.path("out-3.png"), "notes").unwrap();
    let one = dir.file("one.ndjson", &ndjson(&three[..1]));
    qr(&one, &["--png", out]).assert().success();
    assert!(dir.path("out.png").exists());
    assert!(!dir.path("out-1.png").exists() && !dir.path("out-2.png").exists());
    assert_eq!(std::fs::read(dir.path("out-3.png")).unwrap(), b"notes");
    // A name without an extension is numbered even for one code (regression: `--png outbox`
    // wrote a file named `outbox`, which `outbox-*.png` did not find), and an earlier run's
    // numbered images past it go.
    let stem = dir.path("outbox");
    let stem = stem.to_str().unwrap();
    qr(&two, &["--png", stem]).assert().success();
    qr(&one, &["--png", stem])
        .assert()
        .success()
        .stderr(contains("removed 1 image"));
    assert!(!dir.path("outbox").exists() && !dir.path("outbox-2.png").exists());
    let scanned = zbarimg(&[dir.path("outbox-1.png")]).join("\n");
    assert_eq!(decode_ok(&scanned), ndjson(&three[..1]));
    // An image past a gap in the numbers (regression: with outbox-2.png gone, outbox-3.png
    // stayed and a scan published it) refuses, before anything is written: attosign cannot
    // tell an earlier run's from a file of the operator's, such as outbox-2026.png.
    qr(&file, &["--png", stem]).assert().success();
    std::fs::remove_file(dir.path("outbox-2.png")).unwrap();
    let before = std::fs::read(dir.path("outbox-1.png")).unwrap();
    qr(&one, &["--png", stem])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "outbox-3.png is an image numbered like this run's, past a gap",
        ));
    assert_eq!(std::fs::read(dir.path("outbox-1.png")).unwrap(), before);
    assert!(dir.path("outbox-3.png").exists());
    // Moved away, the run goes on; an unbroken run of numbers is removed as before.
    std::fs::rename(dir.path("outbox-3.png"), dir.path("kept-3.png")).unwrap();
    qr(&file, &["--png", stem]).assert().success();
    qr(&one, &["--png", stem])
        .assert()
        .success()
        .stderr(contains("removed 2 image"));
    assert!(!dir.path("outbox-2.png").exists() && !dir.path("outbox-3.png").exists());
    // A directory in the run, or a non-image past a gap, ends it too: the images after it
    // refuse (regression: they were kept silently).
    qr(&file, &["--png", stem]).assert().success();
    std::fs::remove_file(dir.path("outbox-2.png")).unwrap();
    std::fs::create_dir(dir.path("outbox-2.png")).unwrap();
    qr(&one, &["--png", stem]).assert().code(2).stderr(contains(
        "outbox-3.png is an image numbered like this run's",
    ));
    std::fs::remove_dir(dir.path("outbox-2.png")).unwrap();
    std::fs::write(dir.path("outbox-2.png"), "").unwrap();
    std::fs::rename(dir.path("outbox-3.png"), dir.path("outbox-4.png")).unwrap();
    qr(&one, &["--png", stem]).assert().code(2).stderr(contains(
        "outbox-4.png is an image numbered like this run's",
    ));
    assert!(dir.path("outbox-4.png").exists());
    std::fs::remove_file(dir.path("outbox-2.png")).unwrap();
    std::fs::remove_file(dir.path("outbox-4.png")).unwrap();
    // One name for both sets: outbox-1.png and outbox-1.svg (regression: refused as if they
    // clashed); one file for both is refused.
    qr(&two, &["--png", stem, "--svg", stem]).assert().success();
    assert!(dir.path("outbox-2.png").is_file() && dir.path("outbox-2.svg").is_file());
    let same = dir.path("same.png");
    let same = same.to_str().unwrap();
    qr(&one, &["--png", same, "--svg", same])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("would both write"));
    assert!(!dir.path("same.png").exists());
}

#[test]
fn images_never_replace_their_input_or_the_keystore() {
    let mut rng = Rng::new();
    let dir = Dir::new();
    let txs: Vec<Transaction> = (0..2).map(|_| random_tx(&mut rng, Kind::Send)).collect();
    let file = dir.file("b-1.ndjson", &ndjson(&txs));
    let keystore = dir.file("ks.age", "not really a keystore");
    for (target, says) in [
        (file.clone(), "would write over"),
        (dir.path("b.ndjson"), "for several codes it writes"),
        (keystore.clone(), "would write over"),
    ] {
        attosign()
            .arg("--keystore")
            .arg(&keystore)
            .arg("qr")
            .arg(&file)
            .arg("--png")
            .arg(&target)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(says));
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ndjson(&txs));
    assert_eq!(
        std::fs::read_to_string(&keystore).unwrap(),
        "not really a keystore"
    );
}
