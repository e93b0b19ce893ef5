//! The AVX2 kernel: four nonces per `__m256i`. AVX2 has no 64-bit rotate, so rotations by
//! 32, 24 and 16 are byte shuffles and the rotation by 63 is a shift, an add and an or.

use core::arch::x86_64::{
    __m256i, _mm256_add_epi64, _mm256_castsi256_pd, _mm256_cmpgt_epi64, _mm256_movemask_pd,
    _mm256_or_si256, _mm256_set1_epi64x, _mm256_setr_epi64x, _mm256_shuffle_epi8,
    _mm256_srli_epi64, _mm256_xor_si256,
};

use super::blake2b::{Midstate, WORDS, Word, value};

/// Nonces per loop iteration.
pub(crate) const LANES: u64 = 4;

/// Byte shuffles that rotate each u64 right by 32, 24 and 16 bits. They are read with volatile
/// loads so that LLVM cannot see the constants and "improve" the shuffles: it split the
/// 16-bit one into `vpshuflw` + `vpshufhw` and pushed the 32-bit one through the XOR before it
/// (one shuffle became two), which cost 15% (164 → 140 cycles per hash on Sapphire Rapids).
/// The load itself uses no ALU port.
struct Mask(__m256i);

static ROR32: Mask = Mask(bytes([4, 5, 6, 7, 0, 1, 2, 3]));
static ROR24: Mask = Mask(bytes([3, 4, 5, 6, 7, 0, 1, 2]));
static ROR16: Mask = Mask(bytes([2, 3, 4, 5, 6, 7, 0, 1]));

/// A `vpshufb` mask applying the 8-byte `pattern` to every u64 lane.
const fn bytes(pattern: [u8; 8]) -> __m256i {
    let mut b = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        b[i] = pattern[i % 8] + (i as u8 / 8 % 2) * 8;
        i += 1;
    }
    // SAFETY: __m256i is 32 plain bytes; every bit pattern is a valid value.
    unsafe { core::mem::transmute::<[u8; 32], __m256i>(b) }
}

/// Four u64 lanes. Private to this module and only ever created inside [`scan`], which runs
/// with AVX2 enabled: that is what makes the intrinsic calls below sound.
#[derive(Clone, Copy)]
struct Y(__m256i);

impl Word for Y {
    #[inline(always)]
    fn splat(x: u64) -> Self {
        // SAFETY: AVX2 is enabled wherever a `Y` is used (see the type's comment).
        Y(unsafe { _mm256_set1_epi64x(x as i64) })
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        // SAFETY: as in `splat`.
        Y(unsafe { _mm256_add_epi64(self.0, o.0) })
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        // SAFETY: as in `splat`.
        Y(unsafe { _mm256_xor_si256(self.0, o.0) })
    }
    #[inline(always)]
    fn ror32(self) -> Self {
        // SAFETY: as in `splat`.
        Y(unsafe { _mm256_shuffle_epi8(self.0, core::ptr::read_volatile(&ROR32.0)) })
    }
    #[inline(always)]
    fn ror24(self) -> Self {
        // SAFETY: as in `splat`; the mask is read from a valid, aligned static.
        Y(unsafe { _mm256_shuffle_epi8(self.0, core::ptr::read_volatile(&ROR24.0)) })
    }
    #[inline(always)]
    fn ror16(self) -> Self {
        // SAFETY: as in `ror24`.
        Y(unsafe { _mm256_shuffle_epi8(self.0, core::ptr::read_volatile(&ROR16.0)) })
    }
    #[inline(always)]
    fn ror63(self) -> Self {
        // SAFETY: as in `splat`.
        Y(unsafe {
            _mm256_or_si256(
                _mm256_srli_epi64::<63>(self.0),
                _mm256_add_epi64(self.0, self.0),
            )
        })
    }
}

/// Scans `batches * LANES` nonces from `start` (wrapping) and returns the first whose value
/// is <= `threshold`, with the loop this CPU runs faster: the scheduled one on AMD, where it
/// was measured faster (Zen 3), LLVM's elsewhere (Intel keeps what it was measured with).
/// Callers must have detected AVX2, which is why calling it from code without that feature
/// takes `unsafe`.
#[target_feature(enable = "avx2")]
pub(crate) fn scan(mid: &Midstate, threshold: u64, start: u64, batches: u64) -> Option<u64> {
    if scheduled_is_faster() {
        scan_scheduled(mid, threshold, start, batches)
    } else {
        scan_compiled(mid, threshold, start, batches)
    }
}

/// Whether this CPU runs [`scan_scheduled`] (AMD) or [`scan_compiled`] (the others).
pub(crate) fn scheduled_is_faster() -> bool {
    static AMD: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *AMD.get_or_init(|| {
        // SAFETY: CPUID leaf 0 exists on every x86-64 CPU. (Safe to call since Rust 1.94;
        // the crate builds with 1.89.)
        #[allow(unused_unsafe)]
        let id = unsafe { core::arch::x86_64::__cpuid(0) };
        [id.ebx, id.edx, id.ecx]
            .iter()
            .flat_map(|r| r.to_le_bytes())
            .eq(*b"AuthenticAMD")
    })
}

/// LLVM's loop over [`value`]. Callers must have detected AVX2.
#[target_feature(enable = "avx2")]
pub(crate) fn scan_compiled(
    mid: &Midstate,
    threshold: u64,
    start: u64,
    batches: u64,
) -> Option<u64> {
    let k = mid.splat::<Y>();
    // AVX2 compares signed 64-bit integers only; flipping the sign bit of both sides turns
    // the unsigned comparison into a signed one.
    let sign = _mm256_set1_epi64x(i64::MIN);
    let threshold = _mm256_set1_epi64x((threshold ^ (1 << 63)) as i64);
    let step = _mm256_set1_epi64x(LANES as i64);
    let mut nonces = _mm256_add_epi64(
        _mm256_set1_epi64x(start as i64),
        _mm256_setr_epi64x(0, 1, 2, 3),
    );
    let mut base = start;
    for _ in 0..batches {
        let v = value(&k, Y(nonces)).0;
        let above = _mm256_cmpgt_epi64(_mm256_xor_si256(v, sign), threshold);
        let found = !_mm256_movemask_pd(_mm256_castsi256_pd(above)) & 0xf;
        if found != 0 {
            return Some(base.wrapping_add(u64::from(found.trailing_zeros())));
        }
        nonces = _mm256_add_epi64(nonces, step);
        base = base.wrapping_add(LANES);
    }
    None
}

/// Where the scheduled kernel keeps each constant: generated with it by `build.rs`.
mod frame {
    include!(concat!(env!("OUT_DIR"), "/avx2_layout.rs"));
}

/// One 32-byte slot of the scheduled kernel's frame: four u64 lanes.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot([u64; 4]);

impl Slot {
    fn splat(x: u64) -> Slot {
        Slot([x; 4])
    }

    fn mask(m: &Mask) -> Slot {
        // SAFETY: __m256i and [u64; 4] are both 32 plain bytes.
        Slot(unsafe { core::mem::transmute::<__m256i, [u64; 4]>(m.0) })
    }
}

/// What the scheduled loop returns (in rax and rdx).
#[repr(C)]
struct Found {
    /// The batch with a match, or the batch count if none matched.
    batch: u64,
    /// Bit i: lane i matched.
    mask: u64,
}

/// The loop `build.rs` generates (`src/work/avx2_gen.rs`): [`value`] scheduled for four
/// vector pipes, with its registers assigned by hand. `base` points into a frame laid out as
/// [`frame`] says.
///
/// # Safety
/// AVX2 must be available, and `base` must point at slot `frame::BASE_SLOT` of a writable,
/// 32-byte aligned frame of `frame::SLOTS` slots.
#[unsafe(naked)]
unsafe extern "sysv64" fn scheduled_loop(base: *mut Slot, batches: u64) -> Found {
    core::arch::naked_asm!(include_str!(concat!(env!("OUT_DIR"), "/avx2_kernel.s")))
}

/// [`scan`] with the generated loop, which takes `frame::GROUPS` batches per iteration;
/// LLVM's loop scans what is left over. Callers must have detected AVX2.
#[target_feature(enable = "avx2")]
pub(crate) fn scan_scheduled(
    mid: &Midstate,
    threshold: u64,
    start: u64,
    batches: u64,
) -> Option<u64> {
    let per_iteration = LANES * frame::GROUPS as u64;
    let iterations = batches / frame::GROUPS as u64;
    let words = mid.words();
    let mut slots = [Slot::splat(0); frame::SLOTS];
    for (w, slot) in frame::WORD_SLOTS.iter().enumerate() {
        if let Some(s) = *slot {
            slots[s] = Slot::splat(words[w]);
        }
    }
    // The loop compares signed, like `scan_compiled`: instead of flipping the value's sign bit
    // in the loop, h0 (the last word xored into it) comes flipped.
    let h0 = frame::WORD_SLOTS[WORDS - 1].expect("the kernel reads h0");
    slots[h0] = Slot::splat(words[WORDS - 1] ^ (1 << 63));
    slots[frame::ROR24_SLOT] = Slot::mask(&ROR24);
    slots[frame::ROR16_SLOT] = Slot::mask(&ROR16);
    slots[frame::THRESHOLD_SLOT] = Slot::splat(threshold ^ (1 << 63));
    slots[frame::STEP_SLOT] = Slot::splat(per_iteration);
    for (group, &s) in frame::NONCE_SLOTS.iter().enumerate() {
        let first = start.wrapping_add(LANES * group as u64);
        slots[s] = Slot(core::array::from_fn(|i| first.wrapping_add(i as u64)));
    }
    // SAFETY: the caller detected AVX2; the frame has SLOTS slots, is aligned (Slot's
    // alignment) and lives across the call; BASE_SLOT < SLOTS.
    let found = unsafe { scheduled_loop(slots.as_mut_ptr().add(frame::BASE_SLOT), iterations) };
    if found.batch < iterations {
        let lane = u64::from(found.mask.trailing_zeros());
        return Some(start.wrapping_add(found.batch * per_iteration + lane));
    }
    let done = iterations * frame::GROUPS as u64;
    scan_compiled(
        mid,
        threshold,
        start.wrapping_add(done * LANES),
        batches - done,
    )
}

/// Vector operations per batch of four nonces in the folded compression (the generator's
/// tests check the count).
pub(crate) const OPERATIONS_PER_BATCH: u64 = 1306;

/// The operations [`floor_mix`] runs per iteration.
pub(crate) const FLOOR_MIX_OPERATIONS: u64 = 56;

/// The throughput floor of the kernels' operation mix: one G function's mix (5 `vpaddq`,
/// 4 `vpxor`, 3 `vpshufb`, 1 `vpsrlq`, 1 `vpor`) four times over twelve registers, each
/// depending only on itself, so that nothing but the pipes limits it. `iterations` times.
#[target_feature(enable = "avx2")]
pub(crate) fn floor_mix(iterations: u64) {
    // SAFETY: AVX2 is enabled here; the loop touches only the registers it names.
    unsafe {
        core::arch::asm!(
            "2:",
            "vpaddq ymm0, ymm0, ymm14", "vpxor ymm1, ymm1, ymm14", "vpshufb ymm2, ymm2, ymm15", "vpaddq ymm3, ymm3, ymm14",
            "vpxor ymm4, ymm4, ymm14", "vpshufb ymm5, ymm5, ymm15", "vpaddq ymm6, ymm6, ymm14", "vpxor ymm7, ymm7, ymm14",
            "vpshufb ymm8, ymm8, ymm15", "vpaddq ymm9, ymm9, ymm14", "vpxor ymm10, ymm10, ymm14", "vpsrlq ymm11, ymm11, 1",
            "vpaddq ymm0, ymm0, ymm14", "vpor ymm1, ymm1, ymm14", "vpaddq ymm2, ymm2, ymm14", "vpxor ymm3, ymm3, ymm14",
            "vpshufb ymm4, ymm4, ymm15", "vpaddq ymm5, ymm5, ymm14", "vpxor ymm6, ymm6, ymm14", "vpshufb ymm7, ymm7, ymm15",
            "vpaddq ymm8, ymm8, ymm14", "vpxor ymm9, ymm9, ymm14", "vpshufb ymm10, ymm10, ymm15", "vpaddq ymm11, ymm11, ymm14",
            "vpxor ymm0, ymm0, ymm14", "vpsrlq ymm1, ymm1, 1", "vpaddq ymm2, ymm2, ymm14", "vpor ymm3, ymm3, ymm14",
            "vpaddq ymm4, ymm4, ymm14", "vpxor ymm5, ymm5, ymm14", "vpshufb ymm6, ymm6, ymm15", "vpaddq ymm7, ymm7, ymm14",
            "vpxor ymm8, ymm8, ymm14", "vpshufb ymm9, ymm9, ymm15", "vpaddq ymm10, ymm10, ymm14", "vpxor ymm11, ymm11, ymm14",
            "vpshufb ymm0, ymm0, ymm15", "vpaddq ymm1, ymm1, ymm14", "vpxor ymm2, ymm2, ymm14", "vpsrlq ymm3, ymm3, 1",
            "vpaddq ymm4, ymm4, ymm14", "vpor ymm5, ymm5, ymm14", "vpaddq ymm6, ymm6, ymm14", "vpxor ymm7, ymm7, ymm14",
            "vpshufb ymm8, ymm8, ymm15", "vpaddq ymm9, ymm9, ymm14", "vpxor ymm10, ymm10, ymm14", "vpshufb ymm11, ymm11, ymm15",
            "vpaddq ymm0, ymm0, ymm14", "vpxor ymm1, ymm1, ymm14", "vpshufb ymm2, ymm2, ymm15", "vpaddq ymm3, ymm3, ymm14",
            "vpxor ymm4, ymm4, ymm14", "vpsrlq ymm5, ymm5, 1", "vpaddq ymm6, ymm6, ymm14", "vpor ymm7, ymm7, ymm14",
            "sub {n}, 1",
            "jnz 2b",
            n = inout(reg) iterations => _,
            out("ymm0") _, out("ymm1") _, out("ymm2") _, out("ymm3") _,
            out("ymm4") _, out("ymm5") _, out("ymm6") _, out("ymm7") _,
            out("ymm8") _, out("ymm9") _, out("ymm10") _, out("ymm11") _,
            options(nomem, nostack),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::work_value;
    use proptest::prelude::*;

    proptest! {
        /// The kernel against plain BLAKE2b (the `blake2` crate): the first nonce at or under
        /// the threshold, or none, over random targets, starts (wrapping included) and
        /// thresholds loose enough that most runs find one.
        #[test]
        fn finds_what_plain_blake2b_finds(
            target in any::<[u8; 32]>(),
            start in any::<u64>(),
            shift in 1u32..7,
        ) {
            if !std::arch::is_x86_feature_detected!("avx2") {
                eprintln!("SKIPPED avx2::finds_what_plain_blake2b_finds: this CPU lacks AVX2");
                return Ok(());
            }
            let threshold = u64::MAX >> shift;
            let batches = 16;
            let want = (0..batches * LANES)
                .map(|i| start.wrapping_add(i))
                .find(|&n| work_value(n, &target) <= threshold);
            let mid = Midstate::new(&target);
            // SAFETY: AVX2 was detected just above.
            let compiled = unsafe { scan_compiled(&mid, threshold, start, batches) };
            prop_assert_eq!(compiled, want, "LLVM's loop");
            // SAFETY: as above.
            let scheduled = unsafe { scan_scheduled(&mid, threshold, start, batches) };
            prop_assert_eq!(scheduled, want, "the scheduled loop");
        }
    }
}
