//! The proof-of-work engine: kernels per instruction set, and a scheduler that keeps every
//! core busy until any thread finds a nonce.
//!
//! A nonce is a `u64` whose little-endian bytes are the 8 serialized work bytes, so the
//! kernels use it directly as BLAKE2b message word m0. Each kernel computes one BLAKE2b
//! compression per nonce with the constant message words folded in ([`blake2b`]); the
//! scheduler ([`engine`]) spreads jobs over threads. Every nonce handed out is checked
//! again with [`work_value`], the plain reference implementation.

use std::fmt;
use std::str::FromStr;

use blake2::digest::consts::U8;
use blake2::{Blake2b, Digest};

#[cfg(target_arch = "x86_64")]
mod avx2;
// Run by build.rs to generate the scheduled AVX2 loop; compiled here for its tests.
#[cfg(test)]
mod avx2_gen;
// The AVX-512 intrinsics are stable since Rust 1.89: the crate needs at least that.
#[cfg(target_arch = "x86_64")]
#[clippy::msrv = "1.89"]
mod avx512;
mod blake2b;
mod engine;

use blake2b::Midstate;
pub use engine::{BenchReport, Job, Options, Progress, bench, solve, solve_one};

/// The value the protocol compares with the threshold: BLAKE2b with an 8-byte digest over
/// `nonce (8, little-endian) || target (32)`, read as a little-endian u64.
pub fn work_value(nonce: u64, target: &[u8; 32]) -> u64 {
    let digest = Blake2b::<U8>::new()
        .chain_update(nonce.to_le_bytes())
        .chain_update(target)
        .finalize();
    u64::from_le_bytes(digest.into())
}

/// How many hashes finding one nonce takes on average: 2^64 / (threshold + 1).
pub fn expected_hashes(threshold: u64) -> f64 {
    // 2^64 is exact in f64, and so is (u64::MAX as f64) + 1.
    18_446_744_073_709_551_616.0 / (threshold as f64 + 1.0)
}

/// An implementation of the hash loop for one instruction set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kernel {
    /// Plain u64 arithmetic; runs on every CPU.
    Portable,
    /// x86-64 AVX2: four nonces per register.
    Avx2,
    /// x86-64 AVX-512F: eight nonces per register, two registers at a time.
    Avx512,
}

impl Kernel {
    /// Every kernel this build knows, fastest first.
    pub const ALL: &'static [Kernel] = &[Kernel::Avx512, Kernel::Avx2, Kernel::Portable];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Kernel::Portable => "portable",
            Kernel::Avx2 => "avx2",
            Kernel::Avx512 => "avx512",
        }
    }

    /// Whether this CPU can run the kernel.
    pub fn is_available(self) -> bool {
        match self {
            Kernel::Portable => true,
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2 => std::arch::is_x86_feature_detected!("avx2"),
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512 => std::arch::is_x86_feature_detected!("avx512f"),
            #[cfg(not(target_arch = "x86_64"))]
            Kernel::Avx2 | Kernel::Avx512 => false,
        }
    }

    /// The kernels this CPU runs, fastest first (never empty: portable runs everywhere).
    pub fn available() -> Vec<Kernel> {
        Kernel::ALL
            .iter()
            .copied()
            .filter(|k| k.is_available())
            .collect()
    }

    /// The fastest kernel this CPU runs.
    pub fn best() -> Kernel {
        Kernel::ALL
            .iter()
            .copied()
            .find(|k| k.is_available())
            .unwrap_or(Kernel::Portable)
    }

    /// `Ok(self)` if this CPU runs the kernel, else the error naming the ones it does run.
    fn check(self) -> Result<Kernel, WorkError> {
        self.check_against(Kernel::available())
    }

    fn check_against(self, available: Vec<Kernel>) -> Result<Kernel, WorkError> {
        if available.contains(&self) {
            Ok(self)
        } else {
            Err(WorkError::KernelUnavailable {
                kernel: self,
                available,
            })
        }
    }

    /// The first nonce of `count` from `start` (wrapping) whose value is <= `threshold`, as
    /// the kernel computes it. Full SIMD batches go through the kernel, the rest through the
    /// portable code.
    fn scan_unverified(
        self,
        mid: &Midstate,
        threshold: u64,
        start: u64,
        count: u64,
    ) -> Option<u64> {
        #[cfg(target_arch = "x86_64")]
        {
            // `done`: how many nonces from `start` the SIMD loop covered.
            let (done, found) = match self {
                Kernel::Avx512 if std::arch::is_x86_feature_detected!("avx512f") => {
                    // SAFETY: AVX-512F was detected on this CPU just above.
                    unsafe { avx512::scan(mid, threshold, start, count) }
                }
                Kernel::Avx2 if std::arch::is_x86_feature_detected!("avx2") => {
                    // SAFETY: AVX2 was detected on this CPU just above.
                    unsafe { avx2::scan(mid, threshold, start, count) }
                }
                _ => (0, None),
            };
            if found.is_some() {
                return found;
            }
            blake2b::scan_portable(mid, threshold, start.wrapping_add(done), count - done)
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = self;
            blake2b::scan_portable(mid, threshold, start, count)
        }
    }

    /// Like [`Kernel::scan_unverified`], but every nonce returned has passed [`work_value`].
    /// Also returns how many nonces were hashed.
    fn scan(
        self,
        mid: &Midstate,
        target: &[u8; 32],
        threshold: u64,
        start: u64,
        count: u64,
    ) -> (Option<u64>, u64) {
        let (mut from, mut left) = (start, count);
        while let Some(nonce) = self.scan_unverified(mid, threshold, from, left) {
            let hashed = nonce.wrapping_sub(start).wrapping_add(1);
            if work_value(nonce, target) <= threshold {
                return (Some(nonce), hashed);
            }
            // A kernel disagreeing with the reference is a bug; never hand its answer out.
            debug_assert!(
                false,
                "{self} kernel found nonce {nonce:#x}, which fails work_value"
            );
            from = nonce.wrapping_add(1);
            left = count - hashed;
        }
        (None, count)
    }
}

impl fmt::Display for Kernel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kernel {
    type Err = String;

    /// Parses a kernel name, in any case.
    fn from_str(s: &str) -> Result<Kernel, String> {
        Kernel::ALL
            .iter()
            .copied()
            .find(|k| k.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown kernel {s:?}; valid kernels are: {}",
                    names(Kernel::ALL)
                )
            })
    }
}

fn names(kernels: &[Kernel]) -> String {
    kernels
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why proof of work stopped without a nonce.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WorkError {
    /// The caller's cancel flag was set.
    #[error("proof of work was cancelled before every nonce was found")]
    Cancelled,
    /// The requested kernel needs CPU features this machine lacks.
    #[error(
        "this CPU cannot run the {kernel} proof-of-work kernel; choose one it has ({}) or let \
         attosign pick",
        names(available)
    )]
    KernelUnavailable {
        kernel: Kernel,
        available: Vec<Kernel>,
    },
    /// The OS refused to start a worker thread (a memory or process-count limit); the
    /// threads already started were stopped.
    #[error(
        "the system refused to start proof-of-work thread {} of {requested} ({reason}); \
         ask for fewer threads, or raise the process's memory or thread limit",
        started + 1
    )]
    ThreadsUnavailable {
        requested: usize,
        started: usize,
        reason: std::io::ErrorKind,
    },
}

/// Single-threaded search for tests and tools: the FIRST nonce, in the order `start`,
/// `start + 1`, … (wrapping past `u64::MAX`), among `count` nonces whose value is <=
/// `threshold`. The nonce returned has been checked with [`work_value`].
pub fn search_range(
    kernel: Kernel,
    target: &[u8; 32],
    threshold: u64,
    start: u64,
    count: u64,
) -> Result<Option<u64>, WorkError> {
    let kernel = kernel.check()?;
    let mid = Midstate::new(target);
    Ok(kernel.scan(&mid, target, threshold, start, count).0)
}

/// Which of the AVX2 loops: the scheduled one, the hybrid one (a fifth nonce on the integer
/// ALUs) or LLVM's (see `avx2.rs`).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Avx2Loop {
    Scheduled,
    Hybrid,
    Compiled,
}

impl Avx2Loop {
    /// Nonces per batch.
    pub fn lanes(self) -> u64 {
        if self == Avx2Loop::Hybrid { 5 } else { 4 }
    }
}

/// For `benches/pow.rs`: `batches` of [`Avx2Loop::lanes`] nonces from `start` through one
/// AVX2 loop, the first match or none (unverified). `None` without AVX2 (or, for the hybrid
/// loop, BMI2).
#[doc(hidden)]
pub fn scan_avx2_loop(
    which: Avx2Loop,
    target: &[u8; 32],
    threshold: u64,
    start: u64,
    batches: u64,
) -> Option<Option<u64>> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        let mid = Midstate::new(target);
        // SAFETY: AVX2 was detected just above.
        return Some(unsafe {
            match which {
                Avx2Loop::Scheduled => {
                    avx2::scan_generated(avx2::Loop::Scheduled, &mid, threshold, start, batches)
                }
                Avx2Loop::Hybrid if std::arch::is_x86_feature_detected!("bmi2") => {
                    avx2::scan_generated(avx2::Loop::Hybrid, &mid, threshold, start, batches)
                }
                Avx2Loop::Hybrid => return None,
                Avx2Loop::Compiled => avx2::scan_compiled(&mid, threshold, start, batches),
            }
        });
    }
    let _ = (which, target, threshold, start, batches);
    None
}

/// For `examples/pow_side_by_side.rs`: `count` nonces from `start`, in the engine's chunks,
/// through the AVX2 kernel with the loop for each chunk picked by the calling thread's
/// measurements (`avx2::Chooser`), as CPUs without a measured choice run it: the first match
/// (unverified), and how many chunks this thread has run so far and how many of them with the
/// hybrid loop. `None` without AVX2 and BMI2.
#[doc(hidden)]
pub fn scan_avx2_measured(
    target: &[u8; 32],
    threshold: u64,
    start: u64,
    count: u64,
) -> Option<(Option<u64>, (u64, u64))> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("bmi2") {
        let mid = Midstate::new(target);
        let mut from = start;
        let mut left = count;
        while left > 0 {
            let chunk = left.min(engine::CHUNK);
            // SAFETY: AVX2 and BMI2 were detected just above.
            let (done, found) = unsafe { avx2::scan_chosen(&mid, threshold, from, chunk) };
            let found = found.or_else(|| {
                blake2b::scan_portable(&mid, threshold, from.wrapping_add(done), chunk - done)
            });
            if found.is_some() {
                return Some((found, avx2::chooser_picked()));
            }
            from = from.wrapping_add(chunk);
            left -= chunk;
        }
        return Some((None, avx2::chooser_picked()));
    }
    let _ = (target, threshold, start, count);
    None
}

/// Which of the AVX-512 loops: LLVM's (two `zmm` groups), the generated one-group loop, or
/// the generated hybrid one (a ninth nonce on the integer ALUs; see `avx512.rs`).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Avx512Loop {
    Compiled,
    Generated,
    Hybrid,
    Generated2,
    Hybrid2,
}

/// For `benches/pow.rs` and `examples/pow_side_by_side.rs`: whole batches of one AVX-512 loop
/// over at most `count` nonces from `start`; how many nonces it scanned and the first match
/// or none (unverified). `None` without AVX-512F (or, for the hybrid loop, BMI2).
#[doc(hidden)]
pub fn scan_avx512_loop(
    which: Avx512Loop,
    target: &[u8; 32],
    threshold: u64,
    start: u64,
    count: u64,
) -> Option<(u64, Option<u64>)> {
    #[cfg(target_arch = "x86_64")]
    {
        let which = match which {
            Avx512Loop::Compiled => avx512::Loop::Compiled,
            Avx512Loop::Generated => avx512::Loop::Generated,
            Avx512Loop::Hybrid => avx512::Loop::Hybrid,
            Avx512Loop::Generated2 => avx512::Loop::Generated2,
            Avx512Loop::Hybrid2 => avx512::Loop::Hybrid2,
        };
        if std::arch::is_x86_feature_detected!("avx512f")
            && (!which.needs_bmi2() || std::arch::is_x86_feature_detected!("bmi2"))
        {
            let mid = Midstate::new(target);
            let batches = count / which.lanes();
            // SAFETY: AVX-512F (and where the loop needs it BMI2) was detected just above.
            let found = unsafe { avx512::scan_loop(which, &mid, threshold, start, batches) };
            return Some((batches * which.lanes(), found));
        }
    }
    let _ = (which, target, threshold, start, count);
    None
}

/// Runs a floor's operation mix (`mix(iterations)`, `per_iteration` operations each) for at
/// least `hashes` hashes' worth of operations, at `batch` operations per batch of `lanes`
/// nonces, and returns how many hashes' worth it ran.
#[cfg(target_arch = "x86_64")]
fn run_floor(
    hashes: u64,
    batch: u64,
    lanes: u64,
    per_iteration: u64,
    mix: impl FnOnce(u64),
) -> u64 {
    let iterations = (hashes * batch / lanes).div_ceil(per_iteration);
    mix(iterations);
    iterations * per_iteration * lanes / batch
}

/// For `benches/pow.rs` and `examples/pow_side_by_side.rs`: the AVX2 throughput floor.
/// Runs the kernels' operation mix with no dependencies for at least `hashes` hashes' worth of
/// operations and returns how many hashes' worth it ran; `None` without AVX2.
#[doc(hidden)]
pub fn avx2_floor(hashes: u64) -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        let ops = avx2::FLOOR_MIX_OPERATIONS;
        // SAFETY: AVX2 was detected just above.
        let mix = |iterations| unsafe { avx2::floor_mix(iterations) };
        return Some(run_floor(
            hashes,
            avx2::OPERATIONS_PER_BATCH,
            avx2::LANES,
            ops,
            mix,
        ));
    }
    let _ = hashes;
    None
}

/// For `benches/pow.rs` and `examples/pow_side_by_side.rs`: the throughput floor of the
/// hybrid AVX2 loop's instruction mix (vector and scalar), like [`avx2_floor`]; `None`
/// without AVX2 and BMI2.
#[doc(hidden)]
pub fn avx2_hybrid_floor(hashes: u64) -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("bmi2") {
        // Per iteration: the vector operations of FLOOR_MIX_OPERATIONS / OPERATIONS_PER_BATCH
        // batches of five nonces, and the scalar instructions that go with them.
        let lanes = avx2::Loop::Hybrid.lanes();
        let ops = avx2::FLOOR_MIX_OPERATIONS;
        // SAFETY: AVX2 and BMI2 were detected just above.
        let mix = |iterations| unsafe { avx2::floor_mix_hybrid(iterations) };
        return Some(run_floor(
            hashes,
            avx2::OPERATIONS_PER_BATCH,
            lanes,
            ops,
            mix,
        ));
    }
    let _ = hashes;
    None
}

/// For `benches/pow.rs` and `examples/pow_side_by_side.rs`: the throughput floor of the
/// generated AVX-512 loops' operation mix, like [`avx2_floor`] (hashes at the two-group loop's
/// operations per hash); `None` without AVX-512F.
#[doc(hidden)]
pub fn avx512_floor(hashes: u64) -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        let (batch, lanes) = (avx512::TWO_GROUP_OPERATIONS, avx512::TWO_GROUP_LANES);
        let ops = avx512::FLOOR_MIX_OPERATIONS;
        // SAFETY: AVX-512F was detected just above.
        let mix = |iterations| unsafe { avx512::floor_mix(iterations) };
        return Some(run_floor(hashes, batch, lanes, ops, mix));
    }
    let _ = hashes;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_bench_loops_batch_as_the_generated_ones_do() {
        assert_eq!(Avx2Loop::Scheduled.lanes(), avx2::Loop::Scheduled.lanes());
        assert_eq!(Avx2Loop::Hybrid.lanes(), avx2::Loop::Hybrid.lanes());
        assert_eq!(Avx2Loop::Compiled.lanes(), avx2::LANES);
    }

    #[test]
    fn names_round_trip() {
        for &k in Kernel::ALL {
            assert_eq!(k.name().parse::<Kernel>(), Ok(k));
            assert_eq!(k.name().to_uppercase().parse::<Kernel>(), Ok(k));
        }
        let err = "neon".parse::<Kernel>().unwrap_err();
        assert!(err.contains("\"neon\""), "{err}");
        for &k in Kernel::ALL {
            assert!(err.contains(k.name()), "{err}");
        }
    }

    #[test]
    fn availability() {
        assert!(Kernel::Portable.is_available());
        let available = Kernel::available();
        assert_eq!(available.last(), Some(&Kernel::Portable));
        assert_eq!(available[0], Kernel::best());
    }

    #[test]
    fn a_kernel_the_cpu_lacks_is_refused_with_the_ones_it_has() {
        // Every CPU this runs on may have every kernel, so pretend one lacks AVX-512.
        let has = vec![Kernel::Avx2, Kernel::Portable];
        assert_eq!(Kernel::Avx2.check_against(has.clone()), Ok(Kernel::Avx2));
        let err = Kernel::Avx512.check_against(has.clone()).unwrap_err();
        assert_eq!(
            err,
            WorkError::KernelUnavailable {
                kernel: Kernel::Avx512,
                available: has
            }
        );
        assert_eq!(
            err.to_string(),
            "this CPU cannot run the avx512 proof-of-work kernel; choose one it has (avx2, \
             portable) or let attosign pick"
        );
    }

    #[test]
    fn expected_hashes_is_two_to_the_64_over_threshold_plus_one() {
        assert_eq!(expected_hashes(u64::MAX), 1.0);
        assert_eq!(expected_hashes(0), 2f64.powi(64));
        assert_eq!(expected_hashes(u64::MAX >> 12), 4096.0);
    }

    #[test]
    fn every_kernel_finds_the_first_nonce_including_the_tail() {
        let target = [7u8; 32];
        let threshold = u64::MAX >> 6;
        let start = u64::MAX - 300; // wraps past u64::MAX
        let expected: Vec<u64> = (0..1000u64)
            .map(|i| start.wrapping_add(i))
            .filter(|&n| work_value(n, &target) <= threshold)
            .collect();
        assert!(expected.len() > 3);
        for &kernel in Kernel::ALL {
            if !kernel.is_available() {
                eprintln!("SKIPPED the {kernel} kernel: this CPU lacks it");
            }
        }
        for kernel in Kernel::available() {
            let mid = Midstate::new(&target);
            let mut from = start;
            for &want in &expected {
                let count = want.wrapping_sub(from) + 1 + 5; // ends mid-batch
                assert_eq!(
                    kernel.scan(&mid, &target, threshold, from, count).0,
                    Some(want),
                    "{kernel}"
                );
                from = want.wrapping_add(1);
            }
            // A range that ends just before a match does not see it.
            let want = expected[1];
            let from = expected[0].wrapping_add(1);
            let count = want.wrapping_sub(from);
            assert_eq!(
                search_range(kernel, &target, threshold, from, count),
                Ok(None),
                "{kernel}"
            );
        }
    }
}
