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
        or no key for the account, 5 refused by the journal.",
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
    /// Keystore file [default: $ATTOSIGN_KEYSTORE, else $XDG_DATA_HOME/attosign/keystore.age]
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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage the encrypted keystore
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Validate an address or public key, and convert between them
    Address(AddressArgs),
    /// Show a block or transaction (JSON or hex bytes) for people
    Inspect(InspectArgs),
    /// Check hash, signature, proof of work and block rules; exit 3 if any fails
    Verify(VerifyArgs),
    /// Add proof of work to a block, or find a nonce for a target
    Work(WorkArgs),
    /// Measure the proof-of-work hash rate
    Bench(BenchArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the man page, or write all man pages to a directory
    Man(ManArgs),
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
}

#[derive(Debug, Args)]
pub struct KeysLabelArgs {
    /// Key index (0 to 2147483647)
    #[arg(long, value_name = "I", value_parser = clap::value_parser!(u32).range(0..=2_147_483_647))]
    pub index: u32,
    /// The label; an empty string removes it
    pub text: String,
    /// scrypt cost (log2) when re-encrypting [default: age's ~1 s calibration]
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KernelChoice {
    Auto,
    Portable,
    Avx2,
    Avx512,
    Neon,
}

#[derive(Debug, Args)]
pub struct WorkArgs {
    /// Block, {"block","signature"} or transaction file, or NDJSON of several ("-" = stdin)
    #[arg(required_unless_present = "target", conflicts_with_all = ["target", "network", "timestamp"])]
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
    /// Attach this nonce (16 hex digits, found elsewhere) after checking it
    #[arg(long, value_name = "HEX", requires = "file")]
    pub nonce: Option<String>,
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
