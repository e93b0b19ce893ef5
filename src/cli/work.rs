//! `attosign work`: add proof of work to block documents, or print a nonce for a target.
//!
//! FILE holds one document, or several as NDJSON (a batch chain, in publish order). Every
//! target is known before any work starts, so all are ground at once on the same threads.

use super::args::{WorkArgs, WorkRequestArgs};
use super::{Ctx, Failure, describe, grind, io};
use attosign::builder;
use attosign::protocol::{Document, Network, Work, decode_hex, encode_hex, threshold};
use attosign::work::Job;
use std::path::Path;

pub fn run(ctx: &mut Ctx, args: &WorkArgs) -> Result<(), Failure> {
    let kernel = grind::kernel(args.kernel)?;
    if let Some(target) = &args.target {
        return for_target(ctx, args, target, kernel);
    }
    let path = args.file.as_ref().expect("clap requires FILE or --target");
    let docs = read_documents(path)?;
    let nonce = match (&args.nonce, &args.work_response) {
        (Some(nonce), _) => Some((nonce.clone(), NonceSource::Flag)),
        (None, Some(response)) => Some((work_response(response)?, NonceSource::File)),
        (None, None) => None,
    };
    if nonce.is_some() && docs.len() > 1 {
        return Err(Failure::usage(format!(
            "--nonce and --work-response attach one nonce, but {} holds {} documents",
            io::sanitize(&path.display().to_string()),
            docs.len()
        )));
    }
    let now = describe::now_ms();
    let mut works: Vec<Option<Work>> = Vec::with_capacity(docs.len());
    let mut jobs = Vec::new();
    for (line, doc) in docs.iter().enumerate() {
        let block = doc.block();
        let where_ = if docs.len() > 1 {
            format!("document {}: ", line + 1)
        } else {
            String::new()
        };
        if let Some(signature) = doc.signature()
            && !signature.verifies(&block.public_key, &block.hash())
        {
            return Err(Failure::input(format!(
                "{where_}the signature is not the account's signature of this block, so nodes \
                 would reject the transaction; sign the block again"
            )));
        }
        let job =
            builder::work_job(block, now).map_err(|e| Failure::input(format!("{where_}{e}")))?;
        let (target, limit) = (job.target, job.threshold);
        let work = if let Some((nonce, source)) = &nonce {
            Some(checked_nonce(
                (nonce, *source),
                &target,
                limit,
                block.network,
            )?)
        } else if let Some(existing) = doc.work().filter(|w| w.is_valid_for(block)) {
            ctx.note(&format!("{where_}already has valid proof of work; kept it"));
            Some(existing)
        } else {
            if doc.work().is_some() {
                ctx.note(&format!(
                    "{where_}its proof of work is not valid for this block; finding new work"
                ));
            }
            jobs.push(job);
            None
        };
        works.push(work);
    }
    let mut found = grind::solve(ctx, &jobs, kernel)?.into_iter();
    for (doc, work) in docs.into_iter().zip(works) {
        let work =
            work.unwrap_or_else(|| Work::from_nonce(found.next().expect("one nonce per job")));
        let signature = doc.signature();
        let block = doc.block().clone();
        ctx.data(&Document::assemble(block, signature, Some(work)).to_json());
    }
    Ok(())
}

/// `attosign work-request FILE`: the work server's `POST /works` body for each block, so the
/// proof of work can be computed online (the target never depends on the signature).
pub fn request(ctx: &mut Ctx, args: &WorkRequestArgs) -> Result<(), Failure> {
    let docs = read_documents(&args.file)?;
    let now = describe::now_ms();
    let many = docs.len() > 1;
    for (i, doc) in docs.iter().enumerate() {
        let block = doc.block();
        let job = builder::work_job(block, now).map_err(|e| {
            let where_ = if many {
                format!("document {}: ", i + 1)
            } else {
                String::new()
            };
            Failure::input(format!("{where_}{e}"))
        })?;
        let body = serde_json::json!({
            "network": block.network.name(),
            "timestamp": block.timestamp,
            "target": encode_hex(&job.target),
        });
        ctx.data(&body.to_string());
    }
    Ok(())
}

/// The nonce in the work server's answer, `{"work":"HEX"}`.
fn work_response(path: &Path) -> Result<String, Failure> {
    let text = io::read_text(path)?;
    let name = io::sanitize(&path.display().to_string());
    Work::server_answer(&text).map_err(|e| {
        Failure::input(format!(
            "--work-response {name}: {}",
            io::sanitize(&e.to_string())
        ))
    })
}

/// One document (JSON, possibly spread over lines, or hex), or NDJSON with one per line.
pub(super) fn read_documents(path: &std::path::Path) -> Result<Vec<Document>, Failure> {
    let text = io::read_text(path)?;
    let name = io::sanitize(&path.display().to_string());
    let single = match Document::parse(&text) {
        Ok(doc) => return Ok(vec![doc]),
        Err(e) => e,
    };
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    // One document over several lines is reported by its own error, not its first line's;
    // NDJSON's first line is JSON, or a document (hex) by itself.
    if lines.len() < 2
        || !(attosign::protocol::first_line_is_json(&text) || Document::parse(lines[0].1).is_ok())
    {
        return Err(super::inspect::not_a_document(
            path,
            &text,
            &single.to_string(),
        ));
    }
    // Another file of the workflow (a payout file, receivables) is named as such.
    if super::inspect::misplaced(&text).is_some()
        && let Err(e) = Document::parse(lines[0].1)
    {
        return Err(super::inspect::not_a_document(path, &text, &e.to_string()));
    }
    // A long chain (a 10,000-payout run) is parsed on every core; the first bad line in file
    // order is the one reported, as on one thread.
    attosign::par::map(&lines, 1024, |(i, line)| {
        Document::parse(line).map_err(|e| {
            Failure::input(format!(
                "{name} line {}: {}",
                i + 1,
                io::sanitize(&e.to_string())
            ))
        })
    })
    .into_iter()
    .collect()
}

#[derive(Clone, Copy)]
enum NonceSource {
    Flag,
    File,
}

fn checked_nonce(
    (nonce, source): (&str, NonceSource),
    target: &[u8; 32],
    limit: u64,
    network: Network,
) -> Result<Work, Failure> {
    // A malformed --nonce is a usage error; a malformed work-server answer is bad input.
    let work = Work::from_hex(nonce.trim()).map_err(|e| match source {
        NonceSource::Flag => Failure::usage(format!("--nonce: {e}")),
        NonceSource::File => Failure::input(format!("--work-response: {e}")),
    })?;
    let value = work.value(target);
    if value > limit {
        return Err(Failure::input(format!(
            "nonce {} is not valid work for this block: its value {value} is above the \
             {network} threshold {limit}. Check that it was computed for target {} and this \
             timestamp",
            work.to_hex(),
            encode_hex(target)
        )));
    }
    Ok(work)
}

fn for_target(
    ctx: &mut Ctx,
    args: &WorkArgs,
    target: &str,
    kernel: attosign::work::Kernel,
) -> Result<(), Failure> {
    let target: [u8; 32] = decode_hex(target.trim(), "--target")
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Failure::usage("--target must be 32 bytes as 64 hex digits"))?;
    let network: Network = args
        .network
        .as_deref()
        .expect("clap requires --network with --target")
        .parse()
        .map_err(|e| Failure::usage(format!("--network: {e}")))?;
    let timestamp = super::values::timestamp(args.timestamp.as_deref().expect("required"))?;
    let limit =
        threshold(network, timestamp).map_err(|e| Failure::usage(format!("--timestamp: {e}")))?;
    // Never ignore a flag: a nonce given with --target, or a work server's answer, is
    // checked, not replaced (regression: --work-response was ignored and a nonce ground).
    let given = match (&args.nonce, &args.work_response) {
        (Some(nonce), _) => Some((nonce.clone(), NonceSource::Flag)),
        (None, Some(response)) => Some((work_response(response)?, NonceSource::File)),
        (None, None) => None,
    };
    if let Some((nonce, source)) = given {
        let work = checked_nonce((&nonce, source), &target, limit, network)?;
        ctx.note("the nonce is valid work for this target");
        ctx.data(&work.to_hex());
        return Ok(());
    }
    let job = Job {
        target,
        threshold: limit,
    };
    let nonce = grind::solve(ctx, &[job], kernel)?[0];
    ctx.data(&Work::from_nonce(nonce).to_hex());
    Ok(())
}
