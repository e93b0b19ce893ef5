//! The scheduler: spreads one or more jobs over threads, stops them all within a chunk of a
//! find or of a cancel, and reports progress on the calling thread.
//!
//! Each job's nonces are handed out in chunks from one counter, so threads never hash the
//! same nonce twice, and the job's start is random, so two machines grinding the same target
//! do not either. A thread works on one job until it is solved, then moves to the next
//! unsolved one; when the last job is solved, every thread stops.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use super::blake2b::Midstate;
use super::{Kernel, WorkError, expected_hashes};

/// Nonces a thread takes at a time: ~2 ms for AVX-512, ~10 ms for the portable kernel on a
/// slow core, so a find or a cancel stops every thread within milliseconds, while the shared
/// counter is touched rarely enough to cost nothing.
pub(crate) const CHUNK: u64 = 1 << 16;

/// How often the progress callback runs.
const TICK: Duration = Duration::from_millis(100);

/// One proof of work to find: a nonce whose [`work_value`](super::work_value) with `target`
/// is <= `threshold`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job {
    pub target: [u8; 32],
    pub threshold: u64,
}

/// How to search.
#[derive(Clone, Debug)]
pub struct Options {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Which kernel to run; [`WorkError::KernelUnavailable`] if this CPU lacks it.
    pub kernel: Kernel,
    /// Set it (from any thread, e.g. a Ctrl-C handler) to stop with [`WorkError::Cancelled`].
    pub cancel: Option<Arc<AtomicBool>>,
    /// The first nonce of every job; `None` draws a random one per job.
    pub start: Option<u64>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threads: 0,
            kernel: Kernel::best(),
            cancel: None,
            start: None,
        }
    }
}

/// A snapshot for progress displays.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Hashes computed so far, over all jobs.
    pub hashes: u64,
    pub elapsed: Duration,
    /// Jobs solved so far, of `jobs`.
    pub solved: usize,
    pub jobs: usize,
    /// Hashes the unsolved jobs still need on average (the search has no memory, so this is
    /// the sum of their [`expected_hashes`] however long they have run).
    pub expected_hashes: f64,
}

/// What [`bench`] measured.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchReport {
    pub kernel: Kernel,
    pub threads: usize,
    pub seconds: f64,
    pub hashes: u64,
}

impl BenchReport {
    /// Millions of hashes per second.
    pub fn mhs(&self) -> f64 {
        self.hashes as f64 / self.seconds / 1e6
    }
}

/// Finds a nonce for every job, with all `opts.threads` threads sharing the jobs. Returns the
/// nonces in job order, each checked with [`work_value`](super::work_value). `progress` runs
/// on the calling thread about every 100 ms, and once more at the end.
pub fn solve(
    jobs: &[Job],
    opts: &Options,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Vec<u64>, WorkError> {
    let kernel = opts.kernel.check()?;
    let search = Search::new(jobs, kernel, opts.start, opts.cancel.as_deref());
    search.run(threads_or_cores(opts.threads), None, progress)?;
    let nonces: Option<Vec<u64>> = search.jobs.iter().map(|j| j.nonce.get().copied()).collect();
    nonces.ok_or(WorkError::Cancelled)
}

/// [`solve`] for one job, without progress reports.
pub fn solve_one(job: &Job, opts: &Options) -> Result<u64, WorkError> {
    let nonces = solve(std::slice::from_ref(job), opts, &mut |_| {})?;
    Ok(nonces[0])
}

/// Runs `kernel` on `threads` threads (0 = one per core) for about `duration`, on a job whose
/// threshold is 0, so practically never solved. Setting `cancel` stops it early with
/// [`WorkError::Cancelled`].
pub fn bench(
    kernel: Kernel,
    threads: usize,
    duration: Duration,
    cancel: Option<&AtomicBool>,
) -> Result<BenchReport, WorkError> {
    let kernel = kernel.check()?;
    let job = Job {
        target: *b"attosign proof-of-work benchmark",
        threshold: 0,
    };
    let search = Search::new(&[job], kernel, None, cancel);
    let threads = threads_or_cores(threads);
    let started = search.run(threads, Some(duration), &mut |_| {})?;
    if search.cancelled() {
        return Err(WorkError::Cancelled);
    }
    Ok(BenchReport {
        kernel,
        threads,
        seconds: started.elapsed().as_secs_f64(),
        hashes: search.hashes.load(Ordering::Relaxed),
    })
}

fn threads_or_cores(requested: usize) -> usize {
    if requested > 0 {
        requested
    } else {
        thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// A random first nonce. The randomness only keeps two machines (or two runs) from
/// repeating each other's nonces, so if the OS cannot supply it, the clock will do.
fn random_start() -> u64 {
    getrandom::u64().unwrap_or_else(|_| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        // splitmix64's finaliser, so nearby times give unrelated starts.
        let mut z = nanos.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    })
}

/// Sets the flag when dropped, on unwinding too.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// One job while it is being searched.
struct JobState {
    job: Job,
    mid: Midstate,
    start: u64,
    /// The next chunk to hand out: chunk `c` is nonces `start + c * CHUNK ..`, wrapping.
    next_chunk: AtomicU64,
    /// Set once, by the thread that found it; a verified nonce.
    nonce: OnceLock<u64>,
}

struct Search<'a> {
    jobs: Vec<JobState>,
    kernel: Kernel,
    cancel: Option<&'a AtomicBool>,
    /// Tells every thread to return: all solved, cancelled, or the benchmark's time is up.
    stop: AtomicBool,
    /// Set once every thread has been started: until then the started ones wait, idle, so
    /// that starting the rest is not slowed by busy ones (regression: with many more threads
    /// than cores, `bench --seconds 1` ran for 25–38 s, starting threads), and a benchmark
    /// times all its threads together.
    go: (Mutex<bool>, Condvar),
    unsolved: AtomicUsize,
    hashes: AtomicU64,
}

impl<'a> Search<'a> {
    fn new(
        jobs: &[Job],
        kernel: Kernel,
        start: Option<u64>,
        cancel: Option<&'a AtomicBool>,
    ) -> Self {
        Search {
            jobs: jobs
                .iter()
                .map(|job| JobState {
                    job: *job,
                    mid: Midstate::new(&job.target),
                    start: start.unwrap_or_else(random_start),
                    next_chunk: AtomicU64::new(0),
                    nonce: OnceLock::new(),
                })
                .collect(),
            kernel,
            cancel,
            stop: AtomicBool::new(false),
            go: (Mutex::new(false), Condvar::new()),
            unsolved: AtomicUsize::new(jobs.len()),
            hashes: AtomicU64::new(0),
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    fn should_stop(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || self.cancelled()
    }

    fn progress(&self, started: Instant) -> Progress {
        let unsolved = self.jobs.iter().filter(|j| j.nonce.get().is_none());
        Progress {
            hashes: self.hashes.load(Ordering::Relaxed),
            elapsed: started.elapsed(),
            solved: self.jobs.len() - self.unsolved.load(Ordering::Relaxed),
            jobs: self.jobs.len(),
            expected_hashes: unsolved.map(|j| expected_hashes(j.job.threshold)).sum(),
        }
    }

    /// Runs `threads` workers until every job is solved, the cancel flag is set, or
    /// `duration` has passed, reporting progress from this thread meanwhile. The clock starts
    /// once every thread is started (the returned instant).
    ///
    /// If the OS refuses a thread (a memory or process limit), the ones already running are
    /// stopped and joined and the search fails with [`WorkError::ThreadsUnavailable`]: not a
    /// panic, and not a search that quietly runs on fewer threads than asked for.
    fn run(
        &self,
        threads: usize,
        duration: Option<Duration>,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<Instant, WorkError> {
        if self.jobs.is_empty() {
            let started = Instant::now();
            progress(&self.progress(started));
            return Ok(started);
        }
        let started = thread::scope(|scope| {
            // Workers send nothing; the channel disconnects when the last one returns (or
            // panics, which the scope then re-raises).
            let (alive, all_done) = mpsc::channel::<()>();
            // Set before the first spawn, so the workers already running stop within a chunk
            // if a later spawn fails (the scope joins them before returning).
            let _stop = StopOnDrop(&self.stop);
            for t in 0..threads {
                let alive = alive.clone();
                let spawned = crate::par::spawn(scope, Some(format!("pow-{t}")), move || {
                    let _alive = alive;
                    self.work(t % self.jobs.len());
                });
                if let Err(e) = spawned {
                    return Err(WorkError::ThreadsUnavailable {
                        requested: threads,
                        started: t,
                        reason: e.kind(),
                    });
                }
            }
            drop(alive);
            let started = Instant::now();
            let deadline = duration.map(|d| started + d);
            *self.go.0.lock().unwrap_or_else(|e| e.into_inner()) = true;
            self.go.1.notify_all();
            // If `progress` panics, `_stop` still stops the workers before the scope joins them.
            let mut next_tick = started + TICK;
            loop {
                // Once the workers are told to stop, only their exit (within a chunk) or the
                // next tick is worth waking for.
                let wake = match deadline {
                    Some(d) if !self.stop.load(Ordering::Relaxed) => d.min(next_tick),
                    _ => next_tick,
                };
                match all_done.recv_timeout(wake.saturating_duration_since(Instant::now())) {
                    Err(RecvTimeoutError::Timeout) => {}
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                }
                let now = Instant::now();
                if self.cancelled() || deadline.is_some_and(|d| now >= d) {
                    self.stop.store(true, Ordering::Relaxed);
                }
                if now >= next_tick {
                    progress(&self.progress(started));
                    next_tick = now + TICK;
                }
            }
            Ok(started)
        })?;
        progress(&self.progress(started));
        Ok(started)
    }

    /// One worker thread: chunks of the current job until it is solved, then the next
    /// unsolved job, starting from `first`.
    fn work(&self, first: usize) {
        // Asleep until every thread is started (or the search stops: a thread the OS
        // refused), looking at the stop flag every 10 ms.
        let mut go = self.go.0.lock().unwrap_or_else(|e| e.into_inner());
        while !*go {
            if self.should_stop() {
                return;
            }
            go = self
                .go
                .1
                .wait_timeout(go, Duration::from_millis(10))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        drop(go);
        let n = self.jobs.len();
        let mut current = first;
        while !self.should_stop() {
            let Some(j) = (0..n)
                .map(|i| (current + i) % n)
                .find(|&j| self.jobs[j].nonce.get().is_none())
            else {
                return;
            };
            current = j;
            let job = &self.jobs[j];
            let chunk = job.next_chunk.fetch_add(1, Ordering::Relaxed);
            let from = job.start.wrapping_add(chunk.wrapping_mul(CHUNK));
            let (found, hashed) =
                self.kernel
                    .scan(&job.mid, &job.job.target, job.job.threshold, from, CHUNK);
            self.hashes.fetch_add(hashed, Ordering::Relaxed);
            // Another thread may have solved this job meanwhile; the first answer stands.
            if let Some(nonce) = found
                && job.nonce.set(nonce).is_ok()
                && self.unsolved.fetch_sub(1, Ordering::AcqRel) == 1
            {
                self.stop.store(true, Ordering::Relaxed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::work_value;

    fn opts(kernel: Kernel) -> Options {
        Options {
            threads: 2,
            kernel,
            cancel: None,
            start: Some(0),
        }
    }

    #[test]
    fn solves_several_jobs_in_order() {
        let jobs: Vec<Job> = (0..5u8)
            .map(|i| Job {
                target: [i; 32],
                threshold: u64::MAX >> (10 + i),
            })
            .collect();
        let mut calls = 0;
        let nonces = solve(&jobs, &opts(Kernel::best()), &mut |_| calls += 1).unwrap();
        assert_eq!(nonces.len(), jobs.len());
        for (job, nonce) in jobs.iter().zip(nonces) {
            assert!(work_value(nonce, &job.target) <= job.threshold);
        }
        assert!(calls >= 1);
    }

    #[test]
    fn no_jobs_is_no_work() {
        let mut last = None;
        let nonces = solve(&[], &Options::default(), &mut |p| last = Some(p.clone())).unwrap();
        assert!(nonces.is_empty());
        let last = last.expect("progress runs once at the end");
        assert_eq!((last.jobs, last.solved, last.hashes), (0, 0, 0));
    }

    #[test]
    fn final_progress_counts_everything() {
        let job = Job {
            target: [1; 32],
            threshold: u64::MAX >> 14,
        };
        let mut last = None;
        solve(&[job], &opts(Kernel::Portable), &mut |p| {
            last = Some(p.clone())
        })
        .unwrap();
        let last = last.unwrap();
        assert_eq!((last.jobs, last.solved, last.expected_hashes), (1, 1, 0.0));
        assert!(last.hashes > 0);
    }

    #[test]
    fn a_trivial_threshold_takes_the_first_nonce_hashed() {
        let job = Job {
            target: [2; 32],
            threshold: u64::MAX,
        };
        let o = Options {
            threads: 1,
            ..opts(Kernel::Portable)
        };
        assert_eq!(solve_one(&job, &o), Ok(0));
    }

    #[test]
    fn a_panicking_progress_callback_does_not_leave_workers_running() {
        let job = Job {
            target: [4; 32],
            threshold: 0,
        };
        let result = std::panic::catch_unwind(|| {
            solve(&[job], &opts(Kernel::Portable), &mut |_| {
                panic!("display broke")
            })
        });
        assert!(result.is_err());
    }

    #[test]
    fn bench_reports_what_it_ran() {
        let r = bench(Kernel::Portable, 1, Duration::from_millis(50), None).unwrap();
        assert_eq!((r.kernel, r.threads), (Kernel::Portable, 1));
        assert!(r.hashes > 0 && r.seconds >= 0.05 && r.mhs() > 0.0);
    }

    /// Regression: Ctrl-C during `attosign bench` killed the process (no handler, no
    /// `--json` error); a cancel now stops the measurement early and says so.
    #[test]
    fn a_cancelled_bench_stops_early_and_reports_no_rate() {
        let cancel = AtomicBool::new(false);
        let started = Instant::now();
        let result = thread::scope(|s| {
            let bench =
                s.spawn(|| bench(Kernel::Portable, 2, Duration::from_secs(60), Some(&cancel)));
            thread::sleep(Duration::from_millis(100));
            cancel.store(true, Ordering::SeqCst);
            bench.join().unwrap()
        });
        assert!(matches!(result, Err(WorkError::Cancelled)), "{result:?}");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the cancel was not seen"
        );
    }
}
