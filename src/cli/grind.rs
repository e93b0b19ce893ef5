//! Proof of work from the command line: kernel choice, Ctrl-C, and an honest progress line.
//!
//! PoW is a geometric search with no memory, so a percentage would be fake. The line shows
//! hashes, rate, and the expected time with the share of searches that finish by then.

use super::args::KernelChoice;
use super::{Ctx, Failure, Status, io};
use attosign::work::{self, Job, Kernel, Options, Progress, WorkError};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The kernel to run, refusing (status 2) one this CPU lacks.
pub fn kernel(choice: KernelChoice) -> Result<Kernel, Failure> {
    let forced = match choice {
        KernelChoice::Auto => return Ok(Kernel::best()),
        KernelChoice::Portable => Kernel::Portable,
        KernelChoice::Avx2 => Kernel::Avx2,
        KernelChoice::Avx512 => Kernel::Avx512,
        KernelChoice::Neon => {
            return Err(unavailable("neon"));
        }
    };
    if forced.is_available() {
        Ok(forced)
    } else {
        Err(unavailable(forced.name()))
    }
}

fn unavailable(name: &str) -> Failure {
    let have: Vec<&str> = Kernel::available().iter().map(|k| k.name()).collect();
    Failure::new(
        Status::Usage,
        "kernel-unavailable",
        format!(
            "this CPU cannot run the {name} kernel; it has: {} (or use --kernel auto)",
            have.join(", ")
        ),
    )
}

/// The cancel flag, set by Ctrl-C. Installed once per process.
pub fn cancel_flag() -> Arc<AtomicBool> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let handler_flag = Arc::clone(&flag);
        // Without a handler Ctrl-C still ends the process, and nothing has been written yet.
        let _ = ctrlc::set_handler(move || handler_flag.store(true, Ordering::SeqCst));
        flag
    })
    .clone()
}

/// Finds a nonce for every job, showing progress on a terminal.
pub fn solve(ctx: &Ctx, jobs: &[Job], kernel: Kernel) -> Result<Vec<u64>, Failure> {
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    if jobs.iter().any(|j| j.threshold == 0) {
        // Far-future years drive the threshold to 0: a search that would never end.
        return Err(Failure::input(
            "the proof-of-work threshold for this timestamp is 0, so no work can be found; \
             check the timestamp",
        ));
    }
    // Or close to 0: a search of centuries, silent when stderr is not a terminal
    // (regression: a LIVE timestamp in 2089 ground on). 2^56 hashes is over ten years at
    // 200 MH/s; LIVE work today needs about 2^33.
    const ABSURD: f64 = 72_057_594_037_927_936.0; // 2^56
    if let Some(job) = jobs
        .iter()
        .find(|j| attosign::work::expected_hashes(j.threshold) > ABSURD)
    {
        return Err(Failure::input(format!(
            "the proof-of-work threshold for this timestamp needs about {:.1e} hashes per \
             transaction (~{} at 200 MH/s); check the timestamp",
            attosign::work::expected_hashes(job.threshold),
            human_duration(attosign::work::expected_hashes(job.threshold) / 200e6)
        )));
    }
    let options = Options {
        threads: ctx.threads(),
        kernel,
        cancel: Some(cancel_flag()),
        start: None,
    };
    let bar = (!ctx.global.quiet && io::stderr_is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let mut on_progress = |p: &Progress| {
        if let Some(bar) = &bar {
            bar.set_message(progress_line(p, kernel));
        }
    };
    let result = work::solve(jobs, &options, &mut on_progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result.map_err(failure)
}

/// The exit status and code of each way proof of work can fail.
pub fn failure(error: WorkError) -> Failure {
    match error {
        WorkError::Cancelled => Failure::new(
            Status::Interrupted,
            "interrupted",
            "interrupted: no proof of work was found and nothing was written",
        ),
        e @ WorkError::ThreadsUnavailable { .. } => Failure::new(
            Status::Error,
            "threads-unavailable",
            format!("{e} (--threads); nothing was written"),
        ),
        other => Failure::new(Status::Usage, "kernel-unavailable", other.to_string()),
    }
}

fn progress_line(p: &Progress, kernel: Kernel) -> String {
    let secs = p.elapsed.as_secs_f64().max(1e-3);
    let rate = p.hashes as f64 / secs;
    // The search has no memory: what is left is the unsolved jobs' expected hashes at the
    // rate measured so far, however long they have already run.
    // Regression: the last redraw, every job solved, read "expected time left ~-0 ms" (an
    // empty sum of f64 is -0.0).
    let left = if p.solved >= p.jobs {
        "all found".into()
    } else if rate > 0.0 {
        let left = p.jobs.saturating_sub(p.solved) as f64;
        format!(
            "expected time left ~{} (95% of runs finish within {})",
            human_duration(p.expected_hashes / rate),
            human_duration(p95_factor(left) * p.expected_hashes / rate)
        )
    } else {
        "measuring the rate".into()
    };
    format!(
        "proof of work ({kernel}): {} of {} transaction(s) done, {:.1} MH/s, {left}",
        p.solved,
        p.jobs,
        rate / 1e6
    )
}

/// The 95th percentile of the time `n` proofs of work take, as a multiple of its mean: each
/// one's search is memoryless (an exponential time), so `n` of them take a Gamma(n) time,
/// whose 95th percentile is 3.0 times the mean for one, 1.56 for ten, 1.22 for 63 (regression:
/// 3 for any number, two and a half times too long for a payout run). Wilson and Hilferty's
/// cube-root approximation, within 1% of the exact quantile from one transaction up.
fn p95_factor(n: f64) -> f64 {
    if n < 1.0 {
        return 3.0;
    }
    const Z95: f64 = 1.644_853_6;
    let v = 1.0 / (9.0 * n);
    (1.0 - v + Z95 * v.sqrt()).powi(3)
}

pub fn human_duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        "forever".into()
    } else if seconds < 1.0 {
        format!("{:.0} ms", seconds * 1e3)
    } else if seconds < 120.0 {
        format!("{seconds:.0} s")
    } else if seconds < 7200.0 {
        format!("{:.0} min", seconds / 60.0)
    } else if seconds < 172_800.0 {
        format!("{:.1} h", seconds / 3600.0)
    } else if seconds < 63_115_200.0 {
        format!("{:.0} days", seconds / 86_400.0)
    } else {
        format!("{:.0} years", seconds / 31_557_600.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{Duration, Kernel, Progress, p95_factor, progress_line};

    #[test]
    fn the_progress_line_says_when_all_are_found_and_never_a_negative_time() {
        let mut p = Progress {
            hashes: 48_000_000,
            elapsed: Duration::from_secs(1),
            solved: 6,
            jobs: 6,
            expected_hashes: [0.0f64; 0].iter().sum(),
        };
        let done = progress_line(&p, Kernel::Portable);
        assert!(
            done.contains("6 of 6 transaction(s) done") && done.ends_with("all found"),
            "{done}"
        );
        assert!(!done.contains('-'), "{done}");
        (p.solved, p.expected_hashes) = (5, 4.3e8);
        let left = progress_line(&p, Kernel::Portable);
        assert!(
            left.contains("expected time left ~9 s (95% of runs finish within 27 s)"),
            "{left}"
        );
    }

    /// Against the exact 95th percentiles of Gamma(n, 1) / n (chi-squared with 2n degrees of
    /// freedom, halved): 2.996 for one, 2.372 for two, 1.571 for ten, 1.216 for 63.
    #[test]
    fn the_95th_percentile_of_n_proofs_of_work() {
        for (n, exact) in [(1.0, 2.9957), (2.0, 2.3720), (10.0, 1.5705), (63.0, 1.2159)] {
            let got = p95_factor(n);
            assert!(
                (got - exact).abs() / exact < 0.01,
                "n={n}: {got} against {exact}"
            );
        }
    }
}
