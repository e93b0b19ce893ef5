//! The steps every signing command shares, in DESIGN.md §3's order: the key for the block's
//! account (status 4), the review and the confirmation ("no" is status 1), then the signature.

use super::review::{self, Signer};
use super::{Ctx, Failure, Status, io, keys, prompt};
use attosign::builder::{Review, batch};
use attosign::journal::Journal;
use attosign::keystore::Keystore;
use attosign::policy::{self, BookEntry};
use attosign::protocol::keys::PrivateKey;
use attosign::protocol::{Block, BlockBody, PublicKey, Signature};

/// Indexes searched for the block's account when `--index` is not given.
pub const SEARCHED_INDEXES: u32 = 1000;

/// Fails at once, before any passphrase prompt, when a confirmation will be needed and
/// cannot be asked.
pub fn check_can_confirm(ctx: &Ctx) -> Result<(), Failure> {
    prompt::require_confirmable(
        ctx.global.yes,
        "signing needs",
        "sign",
        "the review is still written to stderr",
    )
}

/// A private key, where in the keystore it was found, and the keystore's address book for
/// the review.
pub struct Key {
    pub index: u32,
    pub label: Option<String>,
    pub book: Vec<BookEntry>,
    key: PrivateKey,
}

impl Key {
    /// Signs block hashes, spread over the cores for a long chain (Ed25519 signing is most of
    /// a run's time when there is no proof of work to grind), a piece at a time, each with one
    /// AWS-LC key object ([`PrivateKey::sign_many`]).
    pub fn sign_hashes(&self, hashes: &[attosign::protocol::Hash]) -> Vec<Signature> {
        attosign::par::map_slices(hashes, 512, |part| self.key.sign_many(part))
    }

    /// Signs every block, as [`Key::sign_hashes`].
    pub fn sign_blocks(&self, blocks: &[Block]) -> Vec<Signature> {
        self.sign_hashes(&attosign::par::map(blocks, 512, Block::hash))
    }

    fn signer(&self) -> Signer<'_> {
        Signer {
            index: self.index,
            label: self.label.as_deref(),
            book: &self.book,
        }
    }
}

/// Finds the key whose public key is `account`: at `index`, or among the first
/// [`SEARCHED_INDEXES`] of the keystore.
pub fn key_in(
    keystore: &Keystore,
    account: &PublicKey,
    index: Option<u32>,
) -> Result<Key, Failure> {
    let no_key = |message: String| Failure::new(Status::Auth, "no-key", message);
    let (index, key) = match index {
        Some(i) => {
            let key = keystore.key(i).map_err(keys::failure)?;
            if key.public_key() != *account {
                return Err(no_key(format!(
                    "key {i} of this keystore is {}, not the block's account {}. Leave out \
                     --index to search, or check the keystore",
                    key.public_key().address(),
                    account.address()
                )));
            }
            (i, key)
        }
        None => keystore.find(account, SEARCHED_INDEXES).ok_or_else(|| {
            no_key(format!(
                "no key for the account {} in this keystore (indexes 0 to {}). Pass --index I \
                 for a higher index, or check the keystore and its BIP39 passphrase",
                account.address(),
                SEARCHED_INDEXES - 1
            ))
        })?,
    };
    Ok(Key {
        index,
        label: keystore.label(index).map(str::to_string),
        book: keystore.book().to_vec(),
        key,
    })
}

/// The signing policy (status 6) for the SENDs whose signatures this run releases: every
/// block but those `released` (a finished transaction of the block is in the journal, so
/// its signature left a process before). A resumed block journaled by a run killed before
/// its signatures left is checked like a new one, against the policy as it is now (it may
/// have been tightened since); the daily limit counts it once, as the journal's sum leaves
/// out the blocks checked here.
///
/// Run before the passphrase's review and again under the journal's lock: the daily limit
/// counts what the journal holds, and another attosign may have signed in between.
pub fn check_policy(
    rules: &Rules,
    index: u32,
    blocks: &[Block],
    released: &[bool],
    payments: &[batch::Payment],
    journal: Option<&Journal>,
    now: i64,
) -> Result<(), Failure> {
    if let Some(journal) = journal {
        super::journaled::check_rules(rules.digest, journal)?;
    }
    let new: Vec<policy::Payment> = blocks
        .iter()
        .zip(released)
        .enumerate()
        .filter(|(_, (_, released))| !**released)
        .filter_map(|(i, (block, _))| match &block.body {
            BlockBody::Send {
                receiver, amount, ..
            } => Some(policy::Payment {
                // A batch file's line; for a chain given to `sign`, its block's place (named
                // as such below).
                line: payments
                    .get(i)
                    .map(|p| p.line as u64)
                    .or((blocks.len() > 1).then_some(i as u64 + 1)),
                index,
                receiver: *receiver,
                amount: *amount,
            }),
            _ => None,
        })
        .collect();
    let account = blocks[0].public_key;
    // The window by this machine's clock, and by the blocks' timestamps: the first new
    // block's (a chain's timestamps increase), or now when nothing new is sent.
    const DAY_MS: i64 = 86_400_000;
    let first_new = blocks
        .iter()
        .zip(released)
        .filter(|(_, released)| !**released)
        .map(|(block, _)| block.timestamp)
        .min()
        .unwrap_or(now);
    // What the journal holds in the window, but for the blocks checked here (a resumed
    // run's, already journaled), which `new` counts. (By height, then the block itself: no
    // hashing, as a long run is checked twice.)
    let signed = journal.map_or(0, |j| {
        let checked: std::collections::HashMap<u64, &Block> = blocks
            .iter()
            .zip(released)
            .filter(|(_, released)| !**released)
            .map(|(block, _)| (block.height(), block))
            .collect();
        // The chain below the first block: a voided block in it was published after all
        // (a block built on it was), and its payment counts again.
        let tip = blocks[0]
            .previous()
            .map(|previous| (blocks[0].height() - 1, previous));
        j.sent_since_except(
            &account,
            now.saturating_sub(DAY_MS),
            first_new.min(now).saturating_sub(DAY_MS),
            tip,
            |block| checked.get(&block.height()).is_some_and(|b| *b == block),
        )
    });
    policy::check(&rules.policy, &rules.book, &new, signed).map_err(|violation| {
        let mut failure = Failure::from(violation.clone());
        // A chain given to `sign` has no file lines: its refused payment is named by its
        // place in the chain and its height (the policy wrote "line N" for place N).
        if payments.is_empty()
            && let Some(n) = violation.line()
            && let Some(block) = blocks.get(n as usize - 1)
        {
            failure.message = failure.message.replacen(
                &format!("line {n}: "),
                &format!("block {n} of the chain (height {}): ", block.height()),
                1,
            );
        }
        failure
    })?;
    Ok(())
}

/// The keystore's policy and address book, kept for the check under the journal's lock
/// after the keystore itself has been handed to the journal.
pub struct Rules {
    policy: policy::Policy,
    book: Vec<BookEntry>,
    /// [`Keystore::rules_digest`], compared with the one the journal last recorded.
    digest: [u8; 32],
}

impl Rules {
    pub fn of(keystore: &Keystore) -> Rules {
        Rules {
            policy: keystore.policy().clone(),
            book: keystore.book().to_vec(),
            digest: keystore.rules_digest(),
        }
    }
}

/// Shows a run's review table and asks one question for the whole run.
pub fn review_run_and_confirm(
    ctx: &Ctx,
    prepared: &super::request::Prepared,
    key: &Key,
) -> Result<(), Failure> {
    let question = format!(
        "Sign all {} blocks of this run on {}?",
        prepared.blocks.len(),
        prepared.blocks[0].network
    );
    // A run's table is long: not made at all when it would not be shown.
    let lines = if ctx.global.quiet && ctx.global.yes {
        Vec::new()
    } else {
        review::render_run(prepared, Some(key.signer()))
    };
    show_and_ask(ctx, &lines, &question)
}

/// Shows the review on stderr (unless `--quiet` together with `--yes`) and asks for
/// confirmation unless `--yes`.
pub fn review_and_confirm(
    ctx: &Ctx,
    review: &Review,
    key: Option<&Key>,
    payment_request: Option<&str>,
) -> Result<(), Failure> {
    let now = super::describe::now_ms();
    let lines = review::render(review, key.map(Key::signer), payment_request, now);
    show_and_ask(ctx, &lines, &review::question(review))
}

/// A review longer than this many lines repeats its warnings before the question: a
/// terminal shows ~24-50 lines, and the warnings come before the review.
const LONG_REVIEW: usize = 20;

/// The review lines on stderr (hidden only by `--quiet` together with `--yes`), then the
/// question unless `--yes`; "no" is status 1 and nothing is signed.
fn show_and_ask(ctx: &Ctx, lines: &[String], question: &str) -> Result<(), Failure> {
    let cautions = ctx.take_cautions();
    let asking = !ctx.global.yes;
    // Warnings `--quiet` held back, shown before the review that a question follows.
    if asking {
        for (caution, _) in cautions.iter().filter(|(_, shown)| !shown) {
            io::to_stderr(&io::sanitize(caution));
        }
    }
    if !(ctx.global.quiet && ctx.global.yes) {
        io::to_stderr("Review before signing:");
        for line in lines {
            io::to_stderr(&io::sanitize(line));
        }
    }
    // The warnings above a long review again, where the question is read.
    if asking && lines.len() > LONG_REVIEW && !cautions.is_empty() {
        io::to_stderr("Before you answer, the warnings above the review, again:");
        for (caution, _) in &cautions {
            io::to_stderr(&io::sanitize(caution));
        }
    }
    if ctx.global.yes || prompt::confirm(question)? {
        return Ok(());
    }
    Err(Failure::new(
        Status::Error,
        "declined",
        "not signed: the answer was no, and nothing was written",
    ))
}
