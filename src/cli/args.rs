//! The command line, as clap types and nothing else. Names and flags are a contract that
//! users' scripts rely on (DESIGN.md §3); the man pages and completions are generated from here.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The scrypt cost attosign writes and reads at most, as clap's range bound.
const MAX_WORK_FACTOR: i64 = attosign::keystore::MAX_WORK_FACTOR as i64;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "attosign",
    version,
    about = "Offline, air-gapped transaction signer for the Atto network",
    long_about = "Offline, air-gapped transaction signer for the Atto network.\n\n\
        attosign takes account state fetched by an online machine, builds the next blocks, \
        shows what will be signed, signs with a key from an encrypted local keystore, grinds \
        the proof of work on every core, and writes transaction JSON for the online machine to \
        publish. It contains no network code.\n\n\
        stdout carries only data (JSON/NDJSON); prompts, summaries, progress and errors go to \
        stderr. Exit status: 0 ok, 1 error, 2 usage, 3 invalid transaction, 4 wrong passphrase \
        or no key for the account, 5 refused by the journal, 6 refused by the signing policy, 130 \
        interrupted (Ctrl-C).",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age,
    /// else ~/.local/share/attosign/keystore.age]
    #[arg(long, global = true, value_name = "PATH")]
    pub keystore: Option<PathBuf>,
    /// Read the keystore passphrase from this file ("-" = stdin) instead of prompting
    #[arg(long, global = true, value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,
    /// Use this age identity file instead of a passphrase
    #[arg(long, global = true, value_name = "PATH")]
    pub identity: Option<PathBuf>,
    /// Answer yes to confirmations (needed when stdin is not a terminal)
    #[arg(long, global = true)]
    pub yes: bool,
    /// Worker threads for proof of work [default: all cores]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub threads: Option<u32>,
    /// Print nothing on stderr but errors
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Machine-readable output, and errors as {"error":{"code","message"}}
    #[arg(long, global = true)]
    pub json: bool,
    /// Signing journal [default: the keystore's path with ".journal" appended]
    #[arg(long, global = true, value_name = "PATH")]
    pub journal: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage the encrypted keystore
    #[command(subcommand)]
    Keys(KeysCommand),
    /// The address book kept in the keystore: known destinations and their labels
    #[command(subcommand)]
    Book(BookCommand),
    /// The signing policy kept in the keystore: allowed destinations and amount limits
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Validate an address or public key, and convert between them
    Address(AddressArgs),
    /// Show a block or transaction (JSON or hex bytes) for people
    Inspect(InspectArgs),
    /// Check hash, signature, proof of work and block rules; exit 3 if any fails
    Verify(VerifyArgs),
    /// Build, review, sign and work a SEND in one step
    Send(SendCommand),
    /// Build, review, sign and work a RECEIVE in one step
    Receive(ReceiveCommand),
    /// Build, review, sign and work an OPEN (an account's first block) in one step
    Open(OpenCommand),
    /// Build, review, sign and work a CHANGE of representative in one step
    Change(ChangeCommand),
    /// Build the next block from state files, unsigned (needs no keystore)
    #[command(subcommand)]
    Build(BuildCommand),
    /// Sign a block after review and confirmation: prints {"block","signature"}
    Sign(SignArgs),
    /// Add proof of work to a block, or find a nonce for a target
    Work(WorkArgs),
    /// Print the work server's POST /works bodies for the blocks in a file
    WorkRequest(WorkRequestArgs),
    /// Measure the proof-of-work hash rate
    Bench(BenchArgs),
    /// What was signed: account, height, hash, intent and state
    #[command(subcommand)]
    Journal(JournalCommand),
    /// Show transactions as QR codes: terminal by default, or PNG/SVG files
    Qr(QrArgs),
    /// Turn scanned QR texts (ATTO:TX:…) back into transaction JSON, for the online side
    Decode(DecodeArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the man page, or write all man pages to a directory
    Man(ManArgs),
}

#[derive(Debug, Subcommand)]
pub enum BuildCommand {
    /// A SEND from the account's state
    Send(SendArgs),
    /// A RECEIVE of a receivable into an opened account
    Receive(ReceiveArgs),
    /// The OPEN block of a new account, receiving its first receivable
    Open(OpenArgs),
    /// A CHANGE of the account's representative
    Change(ChangeArgs),
}

/// When the block is made, and the node's clock to check this machine's against.
#[derive(Debug, Args)]
pub struct TimeArgs {
    /// The (first) block's timestamp (epoch milliseconds or RFC 3339) [default: now]; a
    /// chain's later blocks follow 1 ms apart
    #[arg(long, value_name = "MS|RFC3339")]
    pub timestamp: Option<String>,
    /// The node's GET /instants answer saved with the state: refuses a clock that is behind
    #[arg(long, value_name = "FILE")]
    pub node_time: Option<PathBuf>,
    /// Write the account's state after the chain (the node's account JSON), to continue
    /// offline without fetching it again
    #[arg(long, value_name = "FILE")]
    pub state_out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The account's state: the node's GET /accounts/{publicKey} JSON ("-" = stdin)
    #[arg(long, value_name = "FILE")]
    pub account: PathBuf,
    /// Receiver: an atto:// address or a payment request (atto://…?amount=RAW)
    #[arg(long, value_name = "ADDRESS", required_unless_present = "batch")]
    pub to: Option<String>,
    /// Amount in atto (12.5, at most 9 decimals), raw units with --raw, or "all"
    #[arg(long, value_name = "AMOUNT", conflicts_with = "batch")]
    pub amount: Option<String>,
    /// A payout file: CSV address,amount[,intent] or NDJSON {"to","amount","intent"}; one
    /// chain, paid in the file's order
    #[arg(long, value_name = "FILE", conflicts_with = "to")]
    pub batch: Option<PathBuf>,
    /// --amount is in raw units (1 atto = 10^9 raw)
    #[arg(long)]
    pub raw: bool,
    #[command(flatten)]
    pub time: TimeArgs,
}

#[derive(Debug, Args)]
pub struct ReceiveArgs {
    /// The account's state: the node's GET /accounts/{publicKey} JSON ("-" = stdin)
    #[arg(long, value_name = "FILE")]
    pub account: PathBuf,
    /// The receivable(s): the node's JSON, one per line for several ("-" = stdin)
    #[arg(long, value_name = "FILE")]
    pub receivable: PathBuf,
    #[command(flatten)]
    pub time: TimeArgs,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The receivable(s): the first opens the account, the rest are received in the same
    /// chain; the node's JSON, one per line ("-" = stdin)
    #[arg(long, value_name = "FILE")]
    pub receivable: PathBuf,
    /// The representative the new account delegates its weight to
    #[arg(long, value_name = "ADDRESS")]
    pub representative: String,
    /// Network, for receivables without a "network" field: live, beta, dev or local
    #[arg(long, value_name = "NET")]
    pub network: Option<String>,
    #[command(flatten)]
    pub time: TimeArgs,
}

#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// The account's state: the node's GET /accounts/{publicKey} JSON ("-" = stdin)
    #[arg(long, value_name = "FILE")]
    pub account: PathBuf,
    /// The new representative
    #[arg(long, value_name = "ADDRESS")]
    pub representative: String,
    #[command(flatten)]
    pub time: TimeArgs,
}

/// How a one-step command signs and works.
#[derive(Debug, Args)]
pub struct SignOptions {
    /// Keystore index of the account's key [default: searched among 0-999]
    #[arg(long, value_name = "I", value_parser = clap::value_parser!(u32).range(0..=2_147_483_647))]
    pub index: Option<u32>,
    /// An id for this payment: the same intent with the same request prints the saved
    /// transaction again; with a different request it is refused (status 5)
    #[arg(long, value_name = "ID")]
    pub intent: Option<String>,
    /// Also show the transactions as QR codes on stderr
    #[arg(long)]
    pub qr: bool,
    /// Also write the transactions as QR code PNGs: PATH for one when it has an extension
    /// (out.png); for several, or a PATH without one, PATH-1.png, PATH-2.png, …
    #[arg(long, value_name = "PATH")]
    pub qr_png: Option<PathBuf>,
    /// Proof-of-work kernel
    #[arg(long, value_enum, default_value_t = KernelChoice::Auto)]
    pub kernel: KernelChoice,
}

#[derive(Debug, Args)]
pub struct SendCommand {
    #[command(flatten)]
    pub request: SendArgs,
    /// Sign a payout file that was already signed on an earlier account state (with --batch)
    #[arg(long)]
    pub allow_repeat: bool,
    #[command(flatten)]
    pub sign: SignOptions,
}

#[derive(Debug, Args)]
pub struct ReceiveCommand {
    #[command(flatten)]
    pub request: ReceiveArgs,
    #[command(flatten)]
    pub sign: SignOptions,
}

#[derive(Debug, Args)]
pub struct OpenCommand {
    #[command(flatten)]
    pub request: OpenArgs,
    #[command(flatten)]
    pub sign: SignOptions,
}

#[derive(Debug, Args)]
pub struct ChangeCommand {
    #[command(flatten)]
    pub request: ChangeArgs,
    #[command(flatten)]
    pub sign: SignOptions,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// A block or {"block","work"}, or NDJSON of a chain of them as build --batch prints it
    /// ("-" = stdin)
    pub file: PathBuf,
    /// The account's state before the (first) block: check the ledger rules and show the full
    /// review
    #[arg(long, value_name = "FILE")]
    pub account: Option<PathBuf>,
    /// The receivable a RECEIVE or OPEN claims (NDJSON, one per RECEIVE/OPEN in chain order):
    /// check it and show the amount
    #[arg(long, value_name = "FILE")]
    pub receivable: Option<PathBuf>,
    /// Keystore index of the account's key [default: searched among 0-999]
    #[arg(long, value_name = "I", value_parser = clap::value_parser!(u32).range(0..=2_147_483_647))]
    pub index: Option<u32>,
}

#[derive(Debug, Args)]
pub struct WorkRequestArgs {
    /// Block, signed block or transaction file, or NDJSON of several ("-" = stdin)
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create a keystore from a fresh 24-word mnemonic, shown once for a paper backup
    New(KeysNewArgs),
    /// Create a keystore from an existing mnemonic or raw private key
    Import(KeysImportArgs),
    /// List addresses and public keys
    List(KeysListArgs),
    /// Show one account
    Show(KeysShowArgs),
    /// Public keys and addresses only, for the online machine
    ExportWatch(KeysListArgs),
    /// Set or clear the label of an index
    Label(KeysLabelArgs),
    /// Re-encrypt the keystore with a new passphrase or identity
    Passwd(KeysPasswdArgs),
    /// Check the paper backup (recovery words, BIP39 passphrase) against the keystore; writes nothing
    CheckBackup(KeysCheckBackupArgs),
}

#[derive(Debug, Args)]
pub struct WriteOptions {
    /// Overwrite an existing keystore
    #[arg(long)]
    pub force: bool,
    /// scrypt cost (log2) when encrypting with a passphrase [default: age's ~1 s calibration]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=MAX_WORK_FACTOR))]
    pub work_factor: Option<u8>,
}

#[derive(Debug, Args)]
pub struct KeysNewArgs {
    /// Print the 24 words on stdout (one line) for scripted setups
    #[arg(long)]
    pub show_mnemonic: bool,
    /// Read an optional BIP39 passphrase from this file ("-" = stdin)
    #[arg(long, value_name = "PATH")]
    pub bip39_passphrase_file: Option<PathBuf>,
    #[command(flatten)]
    pub write: WriteOptions,
}

#[derive(Debug, Args)]
pub struct KeysImportArgs {
    /// Read the 24-word mnemonic from this file ("-" = stdin) instead of prompting
    #[arg(long, value_name = "PATH", conflicts_with = "private_key_file")]
    pub mnemonic_file: Option<PathBuf>,
    /// Read an optional BIP39 passphrase from this file ("-" = stdin)
    #[arg(long, value_name = "PATH", conflicts_with = "private_key_file")]
    pub bip39_passphrase_file: Option<PathBuf>,
    /// Import a raw Ed25519 private key (hex, 32 bytes or 33 with a leading 00)
    #[arg(long, value_name = "PATH")]
    pub private_key_file: Option<PathBuf>,
    #[command(flatten)]
    pub write: WriteOptions,
}

#[derive(Debug, Args)]
pub struct KeysListArgs {
    /// How many indexes, starting at 0
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub count: u32,
}

#[derive(Debug, Args)]
pub struct KeysShowArgs {
    /// Key index (0 to 2147483647)
    #[arg(long, value_name = "I", value_parser = clap::value_parser!(u32).range(0..=2_147_483_647))]
    pub index: u32,
    /// Show the address as a QR payment request (atto://ADDRESS?amount=RAW) for a phone wallet
    #[arg(long)]
    pub qr: bool,
    /// Amount the payment request asks for, in atto (with --qr)
    #[arg(long, value_name = "AMOUNT", requires = "qr")]
    pub amount: Option<String>,
    #[command(flatten)]
    pub image: QrImageArgs,
}

#[derive(Debug, Args)]
pub struct KeysLabelArgs {
    /// Key index (0 to 2147483647)
    #[arg(long, value_name = "I", value_parser = clap::value_parser!(u32).range(0..=2_147_483_647))]
    pub index: u32,
    /// The label; an empty string removes it
    pub text: String,
    /// scrypt cost (log2) when re-encrypting [default: the keystore's own work factor]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=MAX_WORK_FACTOR))]
    pub work_factor: Option<u8>,
}

#[derive(Debug, Args)]
pub struct KeysPasswdArgs {
    /// Read the new passphrase from this file ("-" = stdin) instead of prompting
    #[arg(long, value_name = "PATH", conflicts_with = "new_identity")]
    pub new_passphrase_file: Option<PathBuf>,
    /// Encrypt to this age identity file's recipient instead of a passphrase
    #[arg(long, value_name = "PATH")]
    pub new_identity: Option<PathBuf>,
    /// scrypt cost (log2) for the new passphrase [default: age's ~1 s calibration]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=MAX_WORK_FACTOR))]
    pub work_factor: Option<u8>,
}

#[derive(Debug, Subcommand)]
pub enum BookCommand {
    /// Add an address to the book, or give one already there a new label
    Add(BookAddArgs),
    /// Remove an address from the book
    Remove(BookRemoveArgs),
    /// List the book (--json: an array of {"address","label"})
    List,
    /// Add or relabel every address of a CSV file (address,label), reviewed and confirmed once
    Import(BookImportArgs),
}

#[derive(Debug, Args)]
pub struct BookAddArgs {
    /// The atto:// address
    pub address: String,
    /// What operators call it, shown beside it in every review
    pub label: String,
}

#[derive(Debug, Args)]
pub struct BookRemoveArgs {
    /// The atto:// address
    pub address: String,
}

#[derive(Debug, Args)]
pub struct BookImportArgs {
    /// CSV file of address,label lines, optionally under a header line address,label ("-" = stdin)
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Show the policy (--json: {"default":{…},"indexes":{"3":{…}}}, amounts in atto)
    Show,
    /// Change the rules of one index, or the default for every index without its own
    Set(PolicySetArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DestinationsChoice {
    /// Any address
    Any,
    /// Only addresses in the address book
    Book,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true)
    .args(["destinations", "max_per_transaction", "max_per_day", "reset"])))]
pub struct PolicySetArgs {
    /// The index whose own rules change [default: the default, for every index without its own]
    #[arg(long, value_name = "I", value_parser = clap::value_parser!(u32).range(0..=2_147_483_647))]
    pub index: Option<u32>,
    /// Which receivers a send may pay
    #[arg(long, value_enum, value_name = "WHICH")]
    pub destinations: Option<DestinationsChoice>,
    /// The most one send may move, in atto, or "none"
    #[arg(long, value_name = "AMOUNT")]
    pub max_per_transaction: Option<String>,
    /// The most the account may send in any 24 hours, in atto, or "none"
    #[arg(long, value_name = "AMOUNT")]
    pub max_per_day: Option<String>,
    /// Remove the index's own rules, so the default governs it again
    #[arg(long, requires = "index", conflicts_with_all = ["destinations", "max_per_transaction", "max_per_day"])]
    pub reset: bool,
}

#[derive(Debug, Args)]
pub struct KeysCheckBackupArgs {
    /// Read the recovery words from this file ("-" = stdin) instead of prompting (hidden)
    #[arg(long, value_name = "PATH")]
    pub mnemonic_file: Option<PathBuf>,
    /// Read the BIP39 passphrase of the backup from this file ("-" = stdin)
    #[arg(long, value_name = "PATH")]
    pub bip39_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AddressArgs {
    /// An atto:// address, or a public key as 64 hex digits
    pub value: String,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Block or transaction file: JSON or hex bytes ("-" = stdin)
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Transaction file: JSON or hex bytes ("-" = stdin)
    pub file: PathBuf,
    /// The account's state before the transaction: check the ledger rules too
    #[arg(long, value_name = "FILE")]
    pub account: Option<PathBuf>,
    /// The receivable a RECEIVE or OPEN claims: check it too
    #[arg(long, value_name = "FILE")]
    pub receivable: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KernelChoice {
    Auto,
    Portable,
    Avx2,
    Avx512,
    Neon,
}

/// A file or `--target`, one of them (regression: with neither, the error asked for both).
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["file", "target"])))]
pub struct WorkArgs {
    /// Block, {"block","signature"} or transaction file, or NDJSON of several ("-" = stdin)
    #[arg(conflicts_with_all = ["target", "network", "timestamp"])]
    pub file: Option<PathBuf>,
    /// Find a nonce for this 32-byte target (hex) instead of a file
    #[arg(long, value_name = "HEX", requires_all = ["network", "timestamp"])]
    pub target: Option<String>,
    /// Network of the target: live, beta, dev or local
    #[arg(long, value_name = "NET", requires = "target")]
    pub network: Option<String>,
    /// Timestamp of the block (epoch milliseconds or RFC 3339); sets the threshold
    #[arg(long, value_name = "MS|RFC3339", requires = "target")]
    pub timestamp: Option<String>,
    /// Attach this nonce (16 hex digits, found elsewhere) after checking it; with --target,
    /// check it and print it
    #[arg(long, value_name = "HEX", conflicts_with = "work_response")]
    pub nonce: Option<String>,
    /// Attach the work server's {"work"} answer (POST /works) after checking it
    #[arg(long, value_name = "FILE", requires = "file")]
    pub work_response: Option<PathBuf>,
    /// Proof-of-work kernel
    #[arg(long, value_enum, default_value_t = KernelChoice::Auto)]
    pub kernel: KernelChoice,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Seconds to measure
    #[arg(long, default_value_t = 3.0, value_name = "S")]
    pub seconds: f64,
    /// Proof-of-work kernel
    #[arg(long, value_enum, default_value_t = KernelChoice::Auto)]
    pub kernel: KernelChoice,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write attosign.1 and one page per subcommand into this directory
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// List journal entries (needs no keystore or passphrase; --json for scripts)
    List(JournalListArgs),
    /// Free a height whose block will never be published (its intent stays used)
    Void(JournalVoidArgs),
    /// Start a new journal deliberately, when the old one is lost (needs the passphrase)
    New,
}

#[derive(Debug, Args)]
pub struct JournalVoidArgs {
    /// The account (an atto:// address)
    #[arg(long, value_name = "ADDR")]
    pub account: String,
    /// The height whose journaled block is voided
    #[arg(long, value_name = "H")]
    pub height: u64,
}

#[derive(Debug, Args)]
pub struct JournalListArgs {
    /// Only this account's entries (an atto:// address)
    #[arg(long, value_name = "ADDR")]
    pub account: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EcChoice {
    /// About 7% of the code may be damaged
    L,
    /// About 15%
    M,
    /// About 25%
    Q,
    /// About 30%
    H,
}

/// Where and how QR codes are drawn as images.
#[derive(Debug, Args)]
pub struct QrImageArgs {
    /// Write PNG images instead of terminal text: out.png for one code, several (or any number
    /// for a PATH without an extension, such as outbox) go to PATH-1.png, PATH-2.png, …
    #[arg(long, value_name = "PATH")]
    pub png: Option<PathBuf>,
    /// Write SVG images instead of terminal text: out.svg for one code, several (or any number
    /// for a PATH without an extension) go to PATH-1.svg, PATH-2.svg, …
    #[arg(long, value_name = "PATH")]
    pub svg: Option<PathBuf>,
    /// Pixels per module in PNG and SVG images, 2 to 64 (zbar read no code drawn at 1)
    #[arg(long, value_name = "PX", default_value_t = 6, value_parser = clap::value_parser!(u32).range(2..=64))]
    pub module_size: u32,
    /// Error-correction level
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = EcChoice::M)]
    pub error_correction: EcChoice,
}

#[derive(Debug, Args)]
pub struct QrArgs {
    /// Transaction file: JSON, or NDJSON of several ("-" = stdin)
    pub file: PathBuf,
    #[command(flatten)]
    pub image: QrImageArgs,
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// Scanned texts (ATTO:TX:…); without any, one per line from stdin
    pub texts: Vec<String>,
}
