//! The AVX-512 kernel: eight nonces per `__m512i`, two registers interleaved, with the native
//! 64-bit rotate (`vprorq`) that AVX2 lacks.
//!
//! A hash is ~1130 single-µop vector operations, and Intel cores run 512-bit ones on two
//! ports (0 and 5), so ~71 cycles per hash is the floor; this loop is within a few percent of
//! it. `vprorq` runs on port 0 only, so the rotation by 32 is a `vpshufd` (port 5) to keep the
//! two ports evenly loaded (73-75 → 71 cycles per hash). Tried and dropped: one register of
//! nonces instead of two (no faster), and a scalar nonce alongside (its rotates take port 0
//! too: 25% slower).

use core::arch::x86_64::{
    __m512i, _mm512_add_epi64, _mm512_cmple_epu64_mask, _mm512_ror_epi64, _mm512_set1_epi64,
    _mm512_setr_epi64, _mm512_shuffle_epi32, _mm512_xor_si512,
};

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

/// Scans `batches * LANES` nonces from `start` (wrapping) and returns the first whose value
/// is <= `threshold`. Callers must have detected AVX-512F, which is why calling it from code
/// without that feature takes `unsafe`.
#[target_feature(enable = "avx512f")]
pub(crate) fn scan(mid: &Midstate, threshold: u64, start: u64, batches: u64) -> Option<u64> {
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
