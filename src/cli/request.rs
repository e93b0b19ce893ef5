//! From command-line arguments and state files to a checked block: what `build` prints and
//! the one-step commands sign. Parsing happens here; building and the ledger rules are the
//! library's ([`attosign::builder`]).

use super::args::{ChangeArgs, OpenArgs, ReceiveArgs, SendArgs, TimeArgs};
use super::describe::now_ms;
use super::{Ctx, Failure, Status, errors, io};
use attosign::builder::batch::{self, Payment};
use attosign::builder::{self, Destination, LedgerError, Request, Review, Spend, State};
use attosign::protocol::{Account, Address, Amount, Block, Network, NodeTime, Receivable};
use std::path::Path;

/// Built blocks (one, or a chain) with the state they were built from, ready for review.
pub struct Prepared {
    pub blocks: Vec<Block>,
    /// The state before the first block (none for an OPEN).
    pub account: Option<Account>,
    /// The receivables, one per RECEIVE/OPEN block, in chain order.
    pub receivables: Vec<Receivable>,
    /// The account after the last block.
    pub end: Account,
    /// The payment request `--to` was given as, for the review.
    pub payment_request: Option<String>,
    /// A payout file's payments, one per block.
    pub payments: Vec<Payment>,
    /// The payout file's SHA-256, to match against the list someone approved.
    pub file_sha256: Option<[u8; 32]>,
    /// Where `--state-out` writes the account after the chain.
    pub state_out: Option<std::path::PathBuf>,
    /// What was asked, for the journal's "same request" digest.
    pub requests: Vec<Request>,
    /// `--timestamp` when given (a defaulted "now" is not part of the request).
    pub explicit_timestamp: Option<i64>,
}

impl Prepared {
    /// The review of a single block.
    pub fn review(&self) -> Review {
        Review::new(&self.blocks[0], self.state())
    }

    pub fn state(&self) -> State<'_> {
        State {
            account: self.account.as_ref(),
            receivable: self.receivables.first(),
        }
    }

    /// "The same request" for the journal (DESIGN.md §4).
    pub fn digest(&self) -> [u8; 32] {
        builder::request_digest(
            self.account.as_ref(),
            &self.requests,
            self.explicit_timestamp,
            self.file_sha256.as_ref(),
        )
    }

    /// What the journal records as the payout file a run came from: the digest of its
    /// payments, which a copy of the file saved again shares (`batch::payouts_digest`).
    pub fn payouts_digest(&self) -> Option<[u8; 32]> {
        self.file_sha256
            .map(|_| attosign::builder::batch::payouts_digest(&self.payments))
    }

    pub fn is_run(&self) -> bool {
        self.blocks.len() > 1 || !self.payments.is_empty()
    }

    /// Writes `--state-out`, the account after the chain, atomically, once the blocks or
    /// transactions are written to stdout (never a state whose blocks were not printed).
    pub fn write_state(&self, ctx: &mut Ctx) -> Result<(), Failure> {
        if let Some(path) = &self.state_out {
            ctx.file_after_output(
                path,
                format!("{}\n", self.end.to_json()).into_bytes(),
                format!(
                    "wrote the account's state after height {} to {}",
                    self.end.height,
                    io::sanitize(&path.display().to_string())
                ),
            );
        }
        Ok(())
    }
}

pub fn send(ctx: &Ctx, args: &SendArgs) -> Result<Prepared, Failure> {
    if let Some(batch) = &args.batch {
        return send_batch(ctx, args, batch);
    }
    let to = args
        .to
        .as_deref()
        .expect("clap requires --to without --batch");
    let destination = Destination::parse(to).map_err(|e| errors::destination("--to", e))?;
    let amount = spend(args, &destination)?;
    let account = read_account(&args.account)?;
    let request = Request::Send {
        receiver: destination.address,
        amount,
    };
    let mut prepared = make(ctx, account, vec![], vec![request], &args.time, &[])?;
    prepared.payment_request = destination.is_request.then(|| to.trim().to_string());
    Ok(prepared)
}

/// A payout file: every line checked (all bad lines named), the total against the balance,
/// then one chain.
fn send_batch(ctx: &Ctx, args: &SendArgs, path: &Path) -> Result<Prepared, Failure> {
    let (text, file_sha256) = io::read_text_digested(path)?;
    let name = io::sanitize(&path.display().to_string());
    let bad_lines = |bad: Vec<batch::BadLine>| {
        let lines: Vec<String> = bad
            .iter()
            .map(|b| format!("  {name} {}", io::sanitize(&b.to_string())))
            .collect();
        Failure::input(format!(
            "{} bad line(s) in the payout file; nothing was signed:\n{}",
            bad.len(),
            lines.join("\n")
        ))
    };
    let payments = batch::parse(&text, args.raw).map_err(bad_lines)?;
    let account = read_account(&args.account)?;
    if let Some(account) = &account {
        // The one ledger rule a single line can break, named by its line like the others.
        let own: Vec<batch::BadLine> = payments
            .iter()
            .filter(|p| p.to.public_key == account.public_key)
            .map(|p| batch::BadLine {
                line: p.line,
                column: 1,
                reason: attosign::protocol::RuleViolation::SendToSelf.to_string(),
            })
            .collect();
        if !own.is_empty() {
            return Err(bad_lines(own));
        }
        let total: u128 = payments.iter().map(|p| u128::from(p.amount.0)).sum();
        if total > u128::from(account.balance.0) {
            let over = total - u128::from(account.balance.0);
            return Err(Failure::new(
                Status::Error,
                "ledger-rule",
                format!(
                    "ledger rule \"balance\": the {} payments total {} atto, the account holds {} atto: {} atto more than there is. Nothing was signed; remove payments or receive first",
                    payments.len(),
                    atto(total),
                    account.balance.to_atto_string(),
                    atto(over)
                ),
            ));
        }
    }
    let requests: Vec<Request> = payments
        .iter()
        .map(|p| Request::Send {
            receiver: p.to,
            amount: Spend::Exact(p.amount),
        })
        .collect();
    let mut prepared = make(ctx, account, vec![], requests, &args.time, &[path])?;
    prepared.file_sha256 = Some(file_sha256);
    prepared.payments = payments;
    Ok(prepared)
}

fn atto(raw: u128) -> String {
    // Totals of many payments can pass u64; print them exactly.
    let whole = raw / 1_000_000_000;
    let frac = raw % 1_000_000_000;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{frac:09}").trim_end_matches('0'))
    }
}

pub fn receive(ctx: &Ctx, args: &ReceiveArgs) -> Result<Prepared, Failure> {
    super::prompt::stdin_once(&[
        ("--account", Some(&args.account)),
        ("--receivable", Some(&args.receivable)),
    ])?;
    let account = read_account(&args.account)?;
    let receivables = read_receivables(&args.receivable)?;
    let requests: Vec<Request> = receivables
        .iter()
        .map(|r| Request::Receive {
            receivable: r.clone(),
        })
        .collect();
    make(
        ctx,
        account,
        receivables,
        requests,
        &args.time,
        &[&args.receivable],
    )
}

pub fn open(ctx: &Ctx, args: &OpenArgs) -> Result<Prepared, Failure> {
    let representative = address("--representative", &args.representative)?;
    let network = args.network.as_deref().map(network).transpose()?;
    let receivables = read_receivables(&args.receivable)?;
    let mut requests = vec![Request::Open {
        receivable: receivables[0].clone(),
        representative,
        network,
    }];
    requests.extend(receivables[1..].iter().map(|r| Request::Receive {
        receivable: r.clone(),
    }));
    make(
        ctx,
        None,
        receivables,
        requests,
        &args.time,
        &[&args.receivable],
    )
}

pub fn change(ctx: &Ctx, args: &ChangeArgs) -> Result<Prepared, Failure> {
    let representative = address("--representative", &args.representative)?;
    let account = read_account(&args.account)?;
    let request = Request::Change { representative };
    make(ctx, account, vec![], vec![request], &args.time, &[])
}

/// The files a command keeps or reads besides its inputs, which no output may replace: the
/// keystore and its lock, the journal, the passphrase or identity file.
pub fn kept_files(global: &super::args::Global) -> Vec<std::path::PathBuf> {
    let mut kept = Vec::new();
    if let Ok(keystore) = super::keys::keystore_path(global) {
        if let Ok(lock) = attosign::keystore::WriteLock::path(&keystore) {
            kept.push(lock);
        }
        kept.push(keystore);
    }
    if let Ok(journal) = super::journal::journal_path(global) {
        kept.push(attosign::journal::Journal::head_path(&journal));
        kept.push(journal);
    }
    kept.extend(global.passphrase_file.iter().cloned());
    kept.extend(global.identity.iter().cloned());
    kept.retain(|p| p != Path::new("-"));
    kept
}

/// `inputs`: the command's input files that `--state-out` must not replace (the account's
/// state may be: continuing offline from one file is what it is for).
fn make(
    ctx: &Ctx,
    account: Option<Account>,
    receivables: Vec<Receivable>,
    requests: Vec<Request>,
    time: &TimeArgs,
    inputs: &[&Path],
) -> Result<Prepared, Failure> {
    if let Some(path) = &time.state_out {
        let kept = kept_files(ctx.global);
        let mut protected: Vec<&Path> = kept.iter().map(|p| p.as_path()).collect();
        protected.extend(inputs);
        protected.extend(time.node_time.as_deref());
        io::check_output("--state-out", path, &protected)?;
    }
    let now = now_ms();
    let explicit_timestamp = time
        .timestamp
        .as_deref()
        .map(super::values::timestamp)
        .transpose()?;
    let timestamp =
        explicit_timestamp.unwrap_or_else(|| builder::default_timestamp(account.as_ref(), now));
    if timestamp > now && explicit_timestamp.is_none() {
        let ahead = timestamp - 1 - now;
        // The chain's blocks run a millisecond apart from there; past a minute ahead of the
        // clock no node takes them. That is not the clock's fault: say what is.
        let last = timestamp.saturating_add(requests.len() as i64 - 1);
        let limit = now.saturating_add(builder::rules::MAX_AHEAD_MS);
        if last > limit {
            return Err(Failure::new(
                Status::Error,
                "ledger-rule",
                format!(
                    "ledger rule \"timestamp\": the account's last block is {:.1} s ahead of \
                     this machine's clock (a chain built just before, continued from its \
                     state), and this chain's {} blocks, a millisecond apart after it, would \
                     end {:.1} s ahead, past the minute a node allows. Wait {:.0} s and run \
                     again, or split the file; nothing was signed",
                    ahead as f64 / 1e3,
                    requests.len(),
                    (last - now) as f64 / 1e3,
                    ((last - limit) as f64 / 1e3).ceil()
                ),
            ));
        }
        ctx.note(&format!(
            "the account's last block is {ahead} ms ahead of this machine's clock (a chain \
             built just before, continued from its state); this chain starts just after it"
        ));
    }
    if let Some(path) = &time.node_time {
        check_clock(ctx, path, now, time.timestamp.is_some())?;
    }
    let (blocks, end) =
        builder::build_chain(account.as_ref(), &requests, timestamp, now).map_err(|(i, e)| {
            let mut failure = Failure::from(e);
            if requests.len() > 1 {
                failure.message = format!("block {} of the chain: {}", i + 1, failure.message);
            }
            failure
        })?;
    Ok(Prepared {
        blocks,
        account,
        receivables,
        end,
        payment_request: None,
        payments: vec![],
        file_sha256: None,
        state_out: time.state_out.clone(),
        requests,
        explicit_timestamp,
    })
}

/// The node's clock when the state was fetched is a lower bound for "now" here.
/// A receivable file's error: at its line, or (line 0) of the whole document.
fn receivable_error(name: &str, line: usize, e: &attosign::protocol::Error) -> Failure {
    let at = if line == 0 {
        String::new()
    } else {
        format!(" line {line}")
    };
    Failure::input(format!(
        "--receivable {name}{at}: {}",
        io::sanitize(&e.to_string())
    ))
}

fn check_clock(ctx: &Ctx, path: &Path, now: i64, explicit: bool) -> Result<(), Failure> {
    let text = io::read_text(path)?;
    let node = NodeTime::from_json(&text).map_err(|e| {
        Failure::input(format!(
            "--node-time {}: {}",
            io::sanitize(&path.display().to_string()),
            io::sanitize(&e.to_string())
        ))
    })?;
    // In i128: a node time near i64's ends wrapped, and a time long past read as "behind".
    let behind = i128::from(node.server_instant) - i128::from(now);
    if behind > 0 && !explicit {
        return Err(Failure::new(
            Status::Error,
            "clock-behind",
            format!(
                "this machine's clock is behind: the node's clock read {} when the state was \
                 fetched, and this machine says {} now ({} behind). Nodes would reject a block \
                 timestamped now. Set the clock, or pass --timestamp",
                attosign::protocol::format_rfc3339(node.server_instant),
                attosign::protocol::format_rfc3339(now),
                super::grind::human_duration(behind as f64 / 1e3)
            ),
        ));
    }
    let age = -behind;
    if age > 86_400_000 {
        ctx.caution(&format!(
            "warning: the state was fetched {} ago (node time {}); if the account has moved \
             since, nodes will reject this block",
            super::grind::human_duration(age as f64 / 1e3),
            attosign::protocol::format_rfc3339(node.server_instant)
        ));
    }
    Ok(())
}

/// The amount of a SEND: `--amount` (atto, raw with `--raw`, or "all"), or the payment
/// request's, which must agree with `--amount` when both are given.
fn spend(args: &SendArgs, destination: &Destination) -> Result<Spend, Failure> {
    let given = match args.amount.as_deref().map(str::trim) {
        None => None,
        Some("all") => Some(Spend::All),
        Some(text) => {
            let parsed = if args.raw {
                Amount::parse_raw(text)
            } else {
                Amount::parse_atto(text)
            };
            let amount = parsed.map_err(|e| {
                Failure::usage(format!("--amount: {}", io::sanitize(&e.to_string())))
            })?;
            Some(Spend::Exact(amount))
        }
    };
    match (given, destination.amount) {
        (None, None) => Err(Failure::usage(
            "--amount is required (atto, raw with --raw, or all) unless --to is a payment \
             request that names the amount",
        )),
        (None, Some(amount)) => Ok(Spend::Exact(amount)),
        (Some(spend), None) => Ok(spend),
        (Some(Spend::Exact(a)), Some(b)) if a == b => Ok(Spend::Exact(a)),
        (Some(_), Some(b)) => Err(Failure::usage(format!(
            "--amount disagrees with the payment request in --to, which asks for {} atto \
             ({} raw); leave out --amount, or fix one of them",
            b.to_atto_string(),
            b.0
        ))),
    }
}

pub fn address(flag: &str, text: &str) -> Result<Address, Failure> {
    Address::parse(text.trim()).map_err(|e| {
        Failure::usage(format!(
            "{flag} {}: {e}",
            io::one_line(&text.chars().take(80).collect::<String>())
        ))
    })
}

fn network(text: &str) -> Result<Network, Failure> {
    text.parse()
        .map_err(|e| Failure::usage(format!("--network: {e}")))
}

/// The account file; `None` for an account the node does not know yet (an empty answer or
/// `null`, as a 404 saves it).
pub fn read_account(path: &Path) -> Result<Option<Account>, Failure> {
    let text = io::read_text(path)?;
    if text.trim().is_empty() || text.trim() == "null" {
        return Ok(None);
    }
    Account::from_json(&text).map(Some).map_err(|e| {
        Failure::input(format!(
            "--account {}: {}. It must be the node's GET /accounts/{{publicKey}} answer",
            io::sanitize(&path.display().to_string()),
            io::sanitize(&e.to_string())
        ))
    })
}

/// The state `block` (the first of a chain) builds on, for `sign` and `verify`: a state at
/// height 0 is an account with no blocks, so not opened (`None`), as `build` treats it, and
/// it must still be `block`'s account on its network. Regression: `build receive` called it
/// not opened while `sign` and `verify` refused an OPEN against it.
pub fn state_for(account: Option<Account>, block: &Block) -> Result<Option<Account>, LedgerError> {
    match account {
        Some(a) if a.height == 0 => {
            if a.public_key != block.public_key {
                Err(LedgerError::WrongAccount {
                    block: block.public_key,
                    account: a.public_key,
                })
            } else if a.network != block.network {
                Err(LedgerError::Network {
                    block: block.network,
                    account: a.network,
                })
            } else {
                Ok(None)
            }
        }
        other => Ok(other),
    }
}

/// One or more receivables (NDJSON as the node streams them); the same one twice refuses the
/// whole run, since it can be received only once.
pub fn read_receivables(path: &Path) -> Result<Vec<Receivable>, Failure> {
    let text = io::read_text(path)?;
    let name = io::sanitize(&path.display().to_string());
    let all =
        Receivable::parse_many(&text).map_err(|(line, e)| receivable_error(&name, line, &e))?;
    if all.is_empty() {
        return Err(Failure::input(format!("--receivable {name} is empty")));
    }
    for (i, r) in all.iter().enumerate() {
        if let Some(j) = all[..i].iter().position(|o| o.hash == r.hash) {
            return Err(Failure::input(format!(
                "--receivable {name}: receivables {} and {} are the same SEND {}; a receivable \
                 is received once. Nothing was signed",
                j + 1,
                i + 1,
                r.hash
            )));
        }
    }
    Ok(all)
}

/// Exactly one receivable.
pub fn read_receivable(path: &Path) -> Result<Receivable, Failure> {
    let text = io::read_text(path)?;
    let name = io::sanitize(&path.display().to_string());
    let mut all =
        Receivable::parse_many(&text).map_err(|(line, e)| receivable_error(&name, line, &e))?;
    match all.len() {
        1 => Ok(all.remove(0)),
        0 => Err(Failure::input(format!("--receivable {name} is empty"))),
        n => Err(Failure::input(format!(
            "--receivable {name} holds {n} receivables; give one per block"
        ))),
    }
}
