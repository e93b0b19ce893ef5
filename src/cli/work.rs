//! `attosign work`: add proof of work to a block document, or print a nonce for a target.

use super::args::WorkArgs;
use super::inspect::read_document;
use super::{Ctx, Failure, grind};
use attosign::protocol::{Document, Network, Work, decode_hex, threshold};
use attosign::work::Job;

pub fn run(ctx: &mut Ctx, args: &WorkArgs) -> Result<(), Failure> {
    let kernel = grind::kernel(args.kernel)?;
    if let Some(target) = &args.target {
        return for_target(ctx, args, target, kernel);
    }
    let path = args.file.as_ref().expect("clap requires FILE or --target");
    let (doc, _) = read_document(path)?;
    let block = doc.block().clone();
    let limit = threshold(block.network, block.timestamp).map_err(|e| {
        Failure::input(format!("{e}; no proof of work can be valid for this block"))
    })?;
    let target = block.work_target();
    let work = if let Some(nonce) = &args.nonce {
        let work =
            Work::from_hex(nonce.trim()).map_err(|e| Failure::usage(format!("--nonce: {e}")))?;
        let value = work.value(&target);
        if value > limit {
            return Err(Failure::input(format!(
                "nonce {} is not valid work for this block: its value {value} is above the {} \
                 threshold {limit}. Check that it was computed for target {} and this timestamp",
                work.to_hex(),
                block.network,
                attosign::protocol::encode_hex(&target)
            )));
        }
        work
    } else if let Some(existing) = doc.work().filter(|w| w.is_valid_for(&block)) {
        ctx.note("the document already has valid proof of work; kept it");
        existing
    } else {
        if doc.work().is_some() {
            ctx.note("the document's proof of work is not valid for this block; finding new work");
        }
        let job = Job {
            target,
            threshold: limit,
        };
        Work::from_nonce(grind::solve(ctx, &[job], kernel)?[0])
    };
    let out = Document::assemble(block, doc.signature(), Some(work));
    ctx.data(&out.to_json());
    Ok(())
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
    let nonce = grind::solve(
        ctx,
        &[Job {
            target,
            threshold: limit,
        }],
        kernel,
    )?[0];
    ctx.data(&Work::from_nonce(nonce).to_hex());
    Ok(())
}
