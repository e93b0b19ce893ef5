//! The AVX-512 kernel: eight nonces per `__m512i`, two registers interleaved, with the native
//! 64-bit rotate (`vprorq`) that AVX2 lacks.
//!
//! A hash is ~1130 single-µop vector operations, and Intel cores run 512-bit ones on two
//! ports (0 and 5), so ~71 cycles per hash is the floor; this loop is within a few percent of
//! it. `vprorq` runs on port 0 only, so the rotation by 32 is a `vpshufd` (port 5) to keep the
//! two ports evenly loaded (73-75 → 71 cycles per hash). Tried and dropped: one register of
//! nonces instead of two (no faster), and a scalar nonce alongside in LLVM's code (its
//! rotates take port 0 too: 25% slower).
//!
//! `build.rs` also generates two loops from the same [`value`] (`avx2_gen.rs`): eight nonces
//! in one `zmm` group over all 32 registers, and the same with a ninth nonce computed on the
//! integer ALUs between the vector instructions (the AVX2 hybrid loop's scalar lane). The
//! hybrid one measured 1.04-1.06x LLVM's loop side by side on Intel (family 6 model 207,
//! 2026-12-06) but 0.96x on another (model 167, 2026-12-07). It also generates the same with
//! two groups (16 nonces, and 17 with the scalar lane): on AMD Zen 5 (family 26 model 2),
//! whose vector operations have two cycles of latency, the two-group hybrid measured 1.36x
//! LLVM's loop and 1.51x the one-group hybrid, and on Intel model 167 1.07x LLVM's loop and
//! 1.11x the one-group hybrid, at the operation mix's floor; so Zen 5 and Intel cores from
//! Ice Lake on run it ([`Loop::best`], [`avx2::hybrid_is_faster`]). Other CPUs (Zen 4,
//! Skylake-X: not measured) keep LLVM's loop.

use core::arch::x86_64::{
    __m512i, _mm512_add_epi64, _mm512_cmple_epu64_mask, _mm512_ror_epi64, _mm512_set1_epi64,
    _mm512_setr_epi64, _mm512_shuffle_epi32, _mm512_xor_si512,
};

use super::avx2::{self, Found, FrameSlot, Layout};
use super::blake2b::{Midstate, Word, X2, value};

/// Nonces per loop iteration.
pub(crate) const LANES: u64 = 16;

/// Eight u64 lanes. Private to this module and only ever created inside [`scan`], which runs
/// with AVX-512F enabled: that is what makes the intrinsic calls below sound.
#[derive(Clone, Copy)]
struct Z(__m512i);

impl Word for Z {
    #[inline(always)]
    fn splat(x: u64) -> Self {
        // SAFETY: AVX-512F is enabled wherever a `Z` is used (see the type's comment).
        Z(unsafe { _mm512_set1_epi64(x as i64) })
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        // SAFETY: as in `splat`.
        Z(unsafe { _mm512_add_epi64(self.0, o.0) })
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        // SAFETY: as in `splat`.
        Z(unsafe { _mm512_xor_si512(self.0, o.0) })
    }
    #[inline(always)]
    fn ror32(self) -> Self {
        // SAFETY: as in `splat`.
        Z(unsafe { _mm512_shuffle_epi32::<0b10_11_00_01>(self.0) })
    }
    #[inline(always)]
    fn ror24(self) -> Self {
        // SAFETY: as in `splat`.
        Z(unsafe { _mm512_ror_epi64::<24>(self.0) })
    }
    #[inline(always)]
    fn ror16(self) -> Self {
        // SAFETY: as in `splat`.
        Z(unsafe { _mm512_ror_epi64::<16>(self.0) })
    }
    #[inline(always)]
    fn ror63(self) -> Self {
        // SAFETY: as in `splat`.
        Z(unsafe { _mm512_ror_epi64::<63>(self.0) })
    }
}

/// Scans `count` nonces from `start` (wrapping), whole batches only, with the loop this CPU
/// runs fastest; returns how many nonces it covered and the first whose value is <=
/// `threshold`. Callers must have detected AVX-512F, which is why calling it from code
/// without that feature takes `unsafe`.
#[target_feature(enable = "avx512f")]
pub(crate) fn scan(mid: &Midstate, threshold: u64, start: u64, count: u64) -> (u64, Option<u64>) {
    let which = Loop::best();
    let batches = count / which.lanes();
    (
        batches * which.lanes(),
        scan_loop(which, mid, threshold, start, batches),
    )
}

/// The AVX-512 loops.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Loop {
    /// LLVM's, two `zmm` groups: 16 nonces per batch.
    Compiled,
    /// Generated, one group: 8 nonces.
    Generated,
    /// Generated, one group and a scalar lane: 9 nonces (needs BMI2).
    Hybrid,
    /// Generated, two groups: 16 nonces.
    Generated2,
    /// Generated, two groups and a scalar lane: 17 nonces (needs BMI2).
    Hybrid2,
}

impl Loop {
    /// The loop this CPU runs fastest, as measured (README, "Measured"): the generated
    /// two-group hybrid on AMD Zen 5 (CPUID family 0x1A on), whose eight independent G
    /// functions per half-round cover Zen 5's two-cycle vector latency, and on Intel cores
    /// from Ice Lake on (BMI2 and GFNI), where it reaches the operation mix's floor and the
    /// one-group hybrid ran slower than LLVM's loop (family 6 model 167, 2026-12-07);
    /// elsewhere (Zen 4, Skylake-X: not measured) LLVM's.
    pub(crate) fn best() -> Loop {
        static BEST: std::sync::OnceLock<Loop> = std::sync::OnceLock::new();
        *BEST.get_or_init(|| {
            if avx2::hybrid_is_faster() {
                Loop::Hybrid2
            } else {
                Loop::Compiled
            }
        })
    }

    /// A generated loop's frame and code; `None` for LLVM's loop.
    fn generated(self) -> Option<(&'static Layout, GeneratedLoop)> {
        match self {
            Loop::Compiled => None,
            Loop::Generated => Some((&generated_frame::LAYOUT, generated_loop)),
            Loop::Hybrid => Some((&hybrid_frame::LAYOUT, hybrid_loop)),
            Loop::Generated2 => Some((&generated2_frame::LAYOUT, generated2_loop)),
            Loop::Hybrid2 => Some((&hybrid2_frame::LAYOUT, hybrid2_loop)),
        }
    }

    /// Nonces per batch.
    pub(crate) fn lanes(self) -> u64 {
        self.generated().map_or(LANES, |(layout, _)| layout.lanes)
    }

    /// Whether the loop needs BMI2: those with a scalar lane, which rotates with `rorx`.
    pub(crate) fn needs_bmi2(self) -> bool {
        self.generated()
            .is_some_and(|(layout, _)| layout.scalar_nonce_slot.is_some())
    }
}

/// A generated loop: the frame's base slot and the batch count in, [`Found`] out.
type GeneratedLoop = unsafe extern "sysv64" fn(*mut Slot, u64) -> Found;

/// [`scan`] with one loop, `batches` batches of [`Loop::lanes`] nonces. Callers must have
/// detected AVX-512F, and BMI2 where [`Loop::needs_bmi2`] (checked here: without it, this
/// panics).
#[target_feature(enable = "avx512f")]
pub(crate) fn scan_loop(
    which: Loop,
    mid: &Midstate,
    threshold: u64,
    start: u64,
    batches: u64,
) -> Option<u64> {
    let Some((layout, run)) = which.generated() else {
        return scan_compiled(mid, threshold, start, batches);
    };
    assert!(
        !which.needs_bmi2() || std::arch::is_x86_feature_detected!("bmi2"),
        "the hybrid AVX-512 loops need BMI2"
    );
    let slots = avx2::frame::<Slot>(layout, mid, threshold, start);
    // SAFETY: `run` is the loop `layout` describes and `slots` its frame; the caller detected
    // AVX-512F, and BMI2 was checked for the hybrid loop.
    unsafe { avx2::run_frame(layout, slots, run, start, batches) }
}

/// The generated one-group loop's frame.
mod generated_frame {
    include!(concat!(env!("OUT_DIR"), "/avx512_layout.rs"));
}

/// The generated hybrid loop's frame.
mod hybrid_frame {
    include!(concat!(env!("OUT_DIR"), "/avx512_hybrid_layout.rs"));
}

/// Vector operations per batch of the two-group loop, and its nonces per batch (for the floor).
pub(crate) const TWO_GROUP_OPERATIONS: u64 = generated2_frame::LAYOUT.operations;
pub(crate) const TWO_GROUP_LANES: u64 = generated2_frame::LAYOUT.lanes;

/// The generated two-group loop's frame.
mod generated2_frame {
    include!(concat!(env!("OUT_DIR"), "/avx512x2_layout.rs"));
}

/// The generated two-group hybrid loop's frame.
mod hybrid2_frame {
    include!(concat!(env!("OUT_DIR"), "/avx512x2_hybrid_layout.rs"));
}

/// One 64-byte slot of a generated AVX-512 loop's frame: eight u64 lanes.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot([u64; 8]);

impl FrameSlot for Slot {
    const LANES: u64 = 8;
    fn from_fn(f: impl FnMut(usize) -> u64) -> Slot {
        Slot(core::array::from_fn(f))
    }
}

/// The generated one-group loop (`src/work/avx2_gen.rs`).
///
/// # Safety
/// AVX-512F must be available, and `base` must point at slot `base_slot` of a writable,
/// 64-byte aligned frame of `slots` slots laid out as [`generated_frame`] says.
#[unsafe(naked)]
unsafe extern "sysv64" fn generated_loop(base: *mut Slot, batches: u64) -> Found {
    core::arch::naked_asm!(include_str!(concat!(env!("OUT_DIR"), "/avx512_kernel.s")))
}

/// [`generated_loop`] with a ninth nonce on the integer ALUs.
///
/// # Safety
/// As [`generated_loop`] (frame: [`hybrid_frame`]), and BMI2 must be available.
#[unsafe(naked)]
unsafe extern "sysv64" fn hybrid_loop(base: *mut Slot, batches: u64) -> Found {
    core::arch::naked_asm!(include_str!(concat!(
        env!("OUT_DIR"),
        "/avx512_hybrid_kernel.s"
    )))
}

/// The generated two-group loop.
///
/// # Safety
/// As [`generated_loop`] (frame: [`generated2_frame`]).
#[unsafe(naked)]
unsafe extern "sysv64" fn generated2_loop(base: *mut Slot, batches: u64) -> Found {
    core::arch::naked_asm!(include_str!(concat!(env!("OUT_DIR"), "/avx512x2_kernel.s")))
}

/// [`generated2_loop`] with a seventeenth nonce on the integer ALUs.
///
/// # Safety
/// As [`generated_loop`] (frame: [`hybrid2_frame`]), and BMI2 must be available.
#[unsafe(naked)]
unsafe extern "sysv64" fn hybrid2_loop(base: *mut Slot, batches: u64) -> Found {
    core::arch::naked_asm!(include_str!(concat!(
        env!("OUT_DIR"),
        "/avx512x2_hybrid_kernel.s"
    )))
}

/// LLVM's loop: scans `batches * LANES` nonces from `start` (wrapping) and returns the first
/// whose value is <= `threshold`. Callers must have detected AVX-512F.
#[target_feature(enable = "avx512f")]
pub(crate) fn scan_compiled(
    mid: &Midstate,
    threshold: u64,
    start: u64,
    batches: u64,
) -> Option<u64> {
    let k = mid.splat::<X2<Z>>();
    let threshold = _mm512_set1_epi64(threshold as i64);
    let step = _mm512_set1_epi64(LANES as i64);
    let mut lo = _mm512_add_epi64(
        _mm512_set1_epi64(start as i64),
        _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7),
    );
    let mut hi = _mm512_add_epi64(lo, _mm512_set1_epi64(8));
    let mut base = start;
    for _ in 0..batches {
        let X2(a, b) = value(&k, X2(Z(lo), Z(hi)));
        let found_lo = _mm512_cmple_epu64_mask(a.0, threshold);
        let found_hi = _mm512_cmple_epu64_mask(b.0, threshold);
        if found_lo | found_hi != 0 {
            let lane = if found_lo != 0 {
                found_lo.trailing_zeros()
            } else {
                8 + found_hi.trailing_zeros()
            };
            return Some(base.wrapping_add(u64::from(lane)));
        }
        lo = _mm512_add_epi64(lo, step);
        hi = _mm512_add_epi64(hi, step);
        base = base.wrapping_add(LANES);
    }
    None
}

/// Operations per iteration of [`floor_mix`].
pub(crate) const FLOOR_MIX_OPERATIONS: u64 = 56;

/// The throughput floor of the generated AVX-512 loops' operation mix: 56 operations in the
/// two-group loop's proportion (per 2,264 it ran 830 `vpaddq`, 720 `vpxorq`, 536 `vprorq`
/// and 180 `vpshufd` when this was written: here 21, 18, 13 and 4) over 24 registers, each
/// depending only on itself, so that nothing but the pipes limits it. `iterations` times.
#[target_feature(enable = "avx512f")]
pub(crate) fn floor_mix(iterations: u64) {
    // SAFETY: AVX-512F is enabled here; the loop touches only the registers it names.
    unsafe {
        core::arch::asm!(
            "2:",
            "vpaddq zmm0, zmm0, zmm30", "vpxorq zmm1, zmm1, zmm31", "vprorq zmm2, zmm2, 24", "vpaddq zmm3, zmm3, zmm30",
            "vpxorq zmm4, zmm4, zmm31", "vpshufd zmm5, zmm5, 0xb1", "vpaddq zmm6, zmm6, zmm30", "vprorq zmm7, zmm7, 24",
            "vpxorq zmm8, zmm8, zmm31", "vpaddq zmm9, zmm9, zmm30", "vprorq zmm10, zmm10, 24", "vpxorq zmm11, zmm11, zmm31",
            "vpaddq zmm12, zmm12, zmm30", "vpxorq zmm13, zmm13, zmm31", "vpaddq zmm14, zmm14, zmm30", "vprorq zmm15, zmm15, 24",
            "vpxorq zmm16, zmm16, zmm31", "vpaddq zmm17, zmm17, zmm30", "vprorq zmm18, zmm18, 24", "vpaddq zmm19, zmm19, zmm30",
            "vpxorq zmm20, zmm20, zmm31", "vpshufd zmm21, zmm21, 0xb1", "vpaddq zmm22, zmm22, zmm30", "vpxorq zmm23, zmm23, zmm31",
            "vprorq zmm0, zmm0, 24", "vpaddq zmm1, zmm1, zmm30", "vpxorq zmm2, zmm2, zmm31", "vprorq zmm3, zmm3, 24",
            "vpaddq zmm4, zmm4, zmm30", "vpxorq zmm5, zmm5, zmm31", "vpaddq zmm6, zmm6, zmm30", "vprorq zmm7, zmm7, 24",
            "vpxorq zmm8, zmm8, zmm31", "vpaddq zmm9, zmm9, zmm30", "vpshufd zmm10, zmm10, 0xb1", "vpxorq zmm11, zmm11, zmm31",
            "vpaddq zmm12, zmm12, zmm30", "vprorq zmm13, zmm13, 24", "vpaddq zmm14, zmm14, zmm30", "vpxorq zmm15, zmm15, zmm31",
            "vprorq zmm16, zmm16, 24", "vpaddq zmm17, zmm17, zmm30", "vpxorq zmm18, zmm18, zmm31", "vpaddq zmm19, zmm19, zmm30",
            "vpxorq zmm20, zmm20, zmm31", "vprorq zmm21, zmm21, 24", "vpaddq zmm22, zmm22, zmm30", "vpxorq zmm23, zmm23, zmm31",
            "vpshufd zmm0, zmm0, 0xb1", "vpaddq zmm1, zmm1, zmm30", "vprorq zmm2, zmm2, 24", "vpxorq zmm3, zmm3, zmm31",
            "vpaddq zmm4, zmm4, zmm30", "vprorq zmm5, zmm5, 24", "vpxorq zmm6, zmm6, zmm31", "vpaddq zmm7, zmm7, zmm30",
            "sub {n}, 1",
            "jnz 2b",
            n = inout(reg) iterations => _,
            out("zmm0") _, out("zmm1") _, out("zmm2") _, out("zmm3") _,
            out("zmm4") _, out("zmm5") _, out("zmm6") _, out("zmm7") _,
            out("zmm8") _, out("zmm9") _, out("zmm10") _, out("zmm11") _,
            out("zmm12") _, out("zmm13") _, out("zmm14") _, out("zmm15") _,
            out("zmm16") _, out("zmm17") _, out("zmm18") _, out("zmm19") _,
            out("zmm20") _, out("zmm21") _, out("zmm22") _, out("zmm23") _,
            options(nomem, nostack),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::work_value;
    use proptest::prelude::*;

    /// Every lane of every AVX-512 loop reports its own nonce: for each lane, a start where
    /// that lane's value is the lowest of the first batch, with that value as the threshold
    /// (the lane is the first match), and one under it (no match in the batch).
    #[test]
    fn every_lane_reports_its_nonce() {
        if !std::arch::is_x86_feature_detected!("avx512f")
            || !std::arch::is_x86_feature_detected!("bmi2")
        {
            eprintln!(
                "SKIPPED avx512::every_lane_reports_its_nonce: this CPU lacks AVX-512F or BMI2"
            );
            return;
        }
        let target = *b"every lane reports its own nonce";
        let mid = Midstate::new(&target);
        for which in ALL {
            let lanes = which.lanes();
            let mut seen = vec![false; lanes as usize];
            let mut start = u64::MAX - 3 * lanes;
            while seen.contains(&false) {
                let values: Vec<u64> = (0..lanes)
                    .map(|i| work_value(start.wrapping_add(i), &target))
                    .collect();
                let min = *values.iter().min().expect("lanes");
                let lane = values.iter().position(|&v| v == min).expect("the minimum");
                if !seen[lane] && min > 0 {
                    seen[lane] = true;
                    // SAFETY: AVX-512F and BMI2 were detected above.
                    let got = unsafe { scan_loop(which, &mid, min, start, 1) };
                    assert_eq!(
                        got,
                        Some(start.wrapping_add(lane as u64)),
                        "{which:?} lane {lane}"
                    );
                    // SAFETY: as above.
                    let got = unsafe { scan_loop(which, &mid, min - 1, start, 1) };
                    assert_eq!(
                        got, None,
                        "{which:?} lane {lane}, threshold under every value"
                    );
                }
                start = start.wrapping_add(1);
            }
        }
    }

    #[test]
    fn the_loops_with_a_scalar_lane_need_bmi2() {
        let need: Vec<Loop> = ALL.into_iter().filter(|l| l.needs_bmi2()).collect();
        assert_eq!(need, [Loop::Hybrid, Loop::Hybrid2]);
    }

    const ALL: [Loop; 5] = [
        Loop::Compiled,
        Loop::Generated,
        Loop::Hybrid,
        Loop::Generated2,
        Loop::Hybrid2,
    ];

    proptest! {
        /// Every AVX-512 loop against plain BLAKE2b (the `blake2` crate): the first nonce at or
        /// under the threshold, or none, over random targets, starts (wrapping included) and
        /// thresholds loose enough that most runs find one.
        #[test]
        fn finds_what_plain_blake2b_finds(
            target in any::<[u8; 32]>(),
            start in any::<u64>(),
            shift in 1u32..7,
        ) {
            if !std::arch::is_x86_feature_detected!("avx512f") {
                eprintln!("SKIPPED avx512::finds_what_plain_blake2b_finds: this CPU lacks AVX-512F");
                return Ok(());
            }
            let threshold = u64::MAX >> shift;
            let mid = Midstate::new(&target);
            for which in ALL {
                if which.needs_bmi2() && !std::arch::is_x86_feature_detected!("bmi2") {
                    eprintln!("SKIPPED the hybrid loop in avx512::finds_what_plain_blake2b_finds: this CPU lacks BMI2");
                    continue;
                }
                let batches = 6;
                let want = (0..batches * which.lanes())
                    .map(|i| start.wrapping_add(i))
                    .find(|&n| work_value(n, &target) <= threshold);
                // SAFETY: AVX-512F (and for the hybrid loop BMI2) was detected above.
                let got = unsafe { scan_loop(which, &mid, threshold, start, batches) };
                prop_assert_eq!(got, want, "{:?}", which);
            }
        }
    }
}
