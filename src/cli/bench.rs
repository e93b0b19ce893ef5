//! `attosign bench`: the proof-of-work hash rate of one configuration.

use super::args::BenchArgs;
use super::{Ctx, Failure, grind};
use attosign::protocol::{Network, threshold};
use attosign::work::{self, expected_hashes};
use std::time::Duration;

/// The shortest measurement: several chunks of nonces on the slowest kernel.
const MIN_SECONDS: f64 = 0.1;

pub fn run(ctx: &mut Ctx, args: &BenchArgs) -> Result<(), Failure> {
    // Regression: `--seconds 0.000001` ended before any thread finished a chunk of nonces
    // and printed "~forever". A tenth of a second measures every kernel.
    if !(args.seconds.is_finite() && (MIN_SECONDS..=3600.0).contains(&args.seconds)) {
        return Err(Failure::usage(format!(
            "--seconds must be from {MIN_SECONDS} to 3600"
        )));
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
    let cancel = grind::cancel_flag();
    let report = work::bench(
        kernel,
        threads,
        Duration::from_secs_f64(args.seconds),
        Some(&cancel),
    )
    .map_err(|e| match e {
        work::WorkError::Cancelled => Failure::new(
            super::Status::Interrupted,
            "interrupted",
            "interrupted: the measurement was stopped before its time was up, so there is no \
             rate to report",
        ),
        other => grind::failure(other),
    })?;
    if report.hashes == 0 {
        return Err(Failure::new(
            super::Status::Error,
            "no-measurement",
            "no hashes were counted in that time, so there is no rate to report; pass a longer \
             --seconds",
        ));
    }
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
