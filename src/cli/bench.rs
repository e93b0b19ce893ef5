//! `attosign bench`: the proof-of-work hash rate of one configuration.

use super::args::BenchArgs;
use super::{Ctx, Failure, grind};
use attosign::protocol::{Network, threshold};
use attosign::work::{self, expected_hashes};
use std::time::Duration;

pub fn run(ctx: &mut Ctx, args: &BenchArgs) -> Result<(), Failure> {
    if !(args.seconds.is_finite() && args.seconds > 0.0 && args.seconds <= 3600.0) {
        return Err(Failure::usage(
            "--seconds must be more than 0 and at most 3600",
        ));
    }
    let kernel = grind::kernel(args.kernel)?;
    let threads = match ctx.threads() {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    ctx.note(&format!(
        "measuring the {kernel} kernel on {threads} thread(s) for {} s…",
        args.seconds
    ));
    let report = work::bench(kernel, threads, Duration::from_secs_f64(args.seconds))
        .map_err(|e| Failure::usage(e.to_string()))?;
    if ctx.global.json {
        let json = serde_json::json!({
            "kernel": report.kernel.name(),
            "threads": report.threads,
            "seconds": report.seconds,
            "hashes": report.hashes,
            "mhs": report.mhs(),
        });
        ctx.data(&json.to_string());
        return Ok(());
    }
    ctx.data(&format!(
        "{}: {} thread(s), {:.2} MH/s ({} hashes in {:.2} s)",
        report.kernel,
        report.threads,
        report.mhs(),
        report.hashes,
        report.seconds
    ));
    let now = super::describe::now_ms();
    for network in [Network::Live, Network::Beta] {
        if let Ok(limit) = threshold(network, now) {
            let seconds = expected_hashes(limit) / (report.mhs() * 1e6);
            ctx.data(&format!(
                "expected time per {network} transaction this year: ~{} (63% of searches finish by then)",
                grind::human_duration(seconds)
            ));
        }
    }
    Ok(())
}
