//! The one BLAKE2b compression a nonce costs, specialised for the proof-of-work check and
//! written once for every kernel over a [`Word`] ("a u64 in each lane").
//!
//! The message is `nonce || target` (40 bytes, one block), so m0 is the nonce, m1..m4 are the
//! target (constant per job) and m5..m15 are zero: their additions vanish. Round 0's columns
//! 1..3 never touch m0, so [`Midstate::new`] runs them once per target, with the parts of
//! round 0's diagonal that depend on them alone. Only h0' = h0 ^ v0 ^ v8 is compared with the
//! threshold, so the last round computes just what feeds v0 and v8.

/// BLAKE2b's initialisation vector (the SHA-512 one).
const IV: [u64; 8] = [
    0x6a09_e667_f3bc_c908,
    0xbb67_ae85_84ca_a73b,
    0x3c6e_f372_fe94_f82b,
    0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1,
    0x9b05_688c_2b3e_6c1f,
    0x1f83_d9ab_fb41_bd6b,
    0x5be0_cd19_137e_2179,
];

/// Message schedule. Rounds 10 and 11 reuse rows 0 and 1.
const SIGMA: [[usize; 16]; 12] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
];

/// h0 after the parameter block: digest length 8, key length 0, fanout 1, depth 1.
const H0: u64 = IV[0] ^ 0x0101_0008;

/// The message length, the only block's byte counter t0.
const MESSAGE_LEN: u64 = 40;

/// One u64 per lane: the operations a BLAKE2b round needs. Implemented by `u64` (the
/// portable kernel) and by the SIMD kernels' register types.
pub(crate) trait Word: Copy {
    fn splat(x: u64) -> Self;
    fn add(self, other: Self) -> Self;
    fn xor(self, other: Self) -> Self;
    fn ror32(self) -> Self;
    fn ror24(self) -> Self;
    fn ror16(self) -> Self;
    fn ror63(self) -> Self;
}

impl Word for u64 {
    #[inline(always)]
    fn splat(x: u64) -> Self {
        x
    }
    #[inline(always)]
    fn add(self, other: Self) -> Self {
        self.wrapping_add(other)
    }
    #[inline(always)]
    fn xor(self, other: Self) -> Self {
        self ^ other
    }
    #[inline(always)]
    fn ror32(self) -> Self {
        self.rotate_right(32)
    }
    #[inline(always)]
    fn ror24(self) -> Self {
        self.rotate_right(24)
    }
    #[inline(always)]
    fn ror16(self) -> Self {
        self.rotate_right(16)
    }
    #[inline(always)]
    fn ror63(self) -> Self {
        self.rotate_right(63)
    }
}

/// Two registers' worth of nonces computed side by side, so one's latency hides behind the
/// other's work.
#[derive(Clone, Copy)]
pub(crate) struct X2<W>(pub W, pub W);

impl<W: Word> Word for X2<W> {
    #[inline(always)]
    fn splat(x: u64) -> Self {
        X2(W::splat(x), W::splat(x))
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        X2(self.0.add(o.0), self.1.add(o.1))
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        X2(self.0.xor(o.0), self.1.xor(o.1))
    }
    #[inline(always)]
    fn ror32(self) -> Self {
        X2(self.0.ror32(), self.1.ror32())
    }
    #[inline(always)]
    fn ror24(self) -> Self {
        X2(self.0.ror24(), self.1.ror24())
    }
    #[inline(always)]
    fn ror16(self) -> Self {
        X2(self.0.ror16(), self.1.ror16())
    }
    #[inline(always)]
    fn ror63(self) -> Self {
        X2(self.0.ror63(), self.1.ror63())
    }
}

/// Everything about one target that does not depend on the nonce, computed once per job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Midstate {
    /// m1..m4: the target as little-endian words (index 0 unused).
    m: [u64; 5],
    /// The working vector after round 0's column step, for the columns that don't see m0,
    /// and the untouched column-0 inputs.
    v: [u64; 16],
    /// Round 0, column 0: v0 + v4, to which the nonce is added.
    a0: u64,
    /// Round 0, diagonal 1: v1 + v6.
    d1_a: u64,
    /// Round 0, diagonal 2: v2 + v7 and ror32(v13 ^ (v2 + v7)).
    d2_a: u64,
    d2_d: u64,
    /// h0 after the parameter block, a constant: a field so that [`Midstate::words`] lists it.
    h0: u64,
}

/// How many words [`Midstate::words`] returns.
pub(crate) const WORDS: usize = 26;

impl Midstate {
    pub(crate) fn new(target: &[u8; 32]) -> Midstate {
        let mut m = [0u64; 5];
        for (i, chunk) in target.chunks_exact(8).enumerate() {
            m[i + 1] = u64::from_le_bytes(chunk.try_into().expect("8-byte chunk"));
        }
        let mut v = [
            H0,
            IV[1],
            IV[2],
            IV[3],
            IV[4],
            IV[5],
            IV[6],
            IV[7],
            IV[0],
            IV[1],
            IV[2],
            IV[3],
            IV[4] ^ MESSAGE_LEN,
            IV[5],
            !IV[6], // f0 = all ones: the last (and only) block
            IV[7],
        ];
        let msg = Msg::<u64> {
            m: [0, m[1], m[2], m[3], m[4]],
        };
        // Round 0 columns 1..3 read m2..m7: the target and zeros.
        for (col, [a, b, c, d]) in [[1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15]]
            .into_iter()
            .enumerate()
        {
            let (x, y) = (2 * (col + 1), 2 * (col + 1) + 1);
            (v[a], v[b], v[c], v[d]) = g(v[a], v[b], v[c], v[d], msg.get(x), msg.get(y));
        }
        let d1_a = v[1].wrapping_add(v[6]);
        let d2_a = v[2].wrapping_add(v[7]);
        let d2_d = (v[13] ^ d2_a).rotate_right(32);
        Midstate {
            m,
            a0: v[0].wrapping_add(v[4]),
            v,
            d1_a,
            d2_a,
            d2_d,
            h0: H0,
        }
    }

    /// Every word a kernel reads, in a fixed order: 0 (unused), m1..m4, v0..v15, a0, d1_a,
    /// d2_a, d2_d, h0. The generated AVX2 kernel addresses its constants by these indices.
    pub(crate) fn words(&self) -> [u64; WORDS] {
        let mut w = [0u64; WORDS];
        w[1..5].copy_from_slice(&self.m[1..]);
        w[5..21].copy_from_slice(&self.v);
        w[21] = self.a0;
        w[22] = self.d1_a;
        w[23] = self.d2_a;
        w[24] = self.d2_d;
        w[25] = self.h0;
        w
    }

    /// A midstate whose every word is its own index in [`Midstate::words`]: broadcast into a
    /// tracing [`Word`], [`value`] then records which constant each operation reads. The
    /// build script's kernel generator uses it.
    #[allow(dead_code)]
    pub(crate) fn indices() -> Midstate {
        let i: [u64; WORDS] = core::array::from_fn(|i| i as u64);
        Midstate {
            m: [0, i[1], i[2], i[3], i[4]],
            v: core::array::from_fn(|j| i[5 + j]),
            a0: i[21],
            d1_a: i[22],
            d2_a: i[23],
            d2_d: i[24],
            h0: i[25],
        }
    }

    /// Broadcasts the constants once, outside a kernel's loop.
    #[inline(always)]
    pub(crate) fn splat<W: Word>(&self) -> Consts<W> {
        Consts {
            m: Msg {
                m: [
                    W::splat(0),
                    W::splat(self.m[1]),
                    W::splat(self.m[2]),
                    W::splat(self.m[3]),
                    W::splat(self.m[4]),
                ],
            },
            v: self.v.map(W::splat),
            a0: W::splat(self.a0),
            d1_a: W::splat(self.d1_a),
            d2_a: W::splat(self.d2_a),
            d2_d: W::splat(self.d2_d),
            h0: W::splat(self.h0),
        }
    }
}

/// A [`Midstate`] broadcast to every lane.
#[derive(Clone, Copy)]
pub(crate) struct Consts<W> {
    m: Msg<W>,
    v: [W; 16],
    a0: W,
    d1_a: W,
    d2_a: W,
    d2_d: W,
    h0: W,
}

/// The message words that are not zero: m0 (the nonce) and m1..m4 (the target).
#[derive(Clone, Copy)]
struct Msg<W> {
    m: [W; 5],
}

impl<W: Word> Msg<W> {
    /// m`i` for the scalar precomputation (zero past m4).
    fn get(&self, i: usize) -> Option<W> {
        self.m.get(i).copied()
    }

    /// `x + m[i]`; nothing at all for the zero words. `i` is a constant once inlined.
    #[inline(always)]
    fn add_to(&self, x: W, i: usize, nonce: W) -> W {
        match i {
            0 => x.add(nonce),
            1..=4 => x.add(self.m[i]),
            _ => x,
        }
    }
}

/// The G mixing function with optional message words (None = zero).
#[inline(always)]
fn g<W: Word>(a: W, b: W, c: W, d: W, x: Option<W>, y: Option<W>) -> (W, W, W, W) {
    let mut a = a.add(b);
    if let Some(x) = x {
        a = a.add(x);
    }
    let d = d.xor(a).ror32();
    let c = c.add(d);
    let b = b.xor(c).ror24();
    let mut a = a.add(b);
    if let Some(y) = y {
        a = a.add(y);
    }
    let d = d.xor(a).ror16();
    let c = c.add(d);
    let b = b.xor(c).ror63();
    (a, b, c, d)
}

/// G with message words taken from the schedule: `a + m` first, so that add does not wait for
/// `b`, the last value the previous step produced.
#[inline(always)]
fn gm<W: Word>(v: &mut [W; 16], idx: [usize; 4], s: [usize; 2], m: &Msg<W>, nonce: W) {
    let [ia, ib, ic, id] = idx;
    let a = m.add_to(v[ia], s[0], nonce).add(v[ib]);
    let d = v[id].xor(a).ror32();
    let c = v[ic].add(d);
    let b = v[ib].xor(c).ror24();
    let a = m.add_to(a, s[1], nonce).add(b);
    let d = d.xor(a).ror16();
    let c = c.add(d);
    let b = b.xor(c).ror63();
    (v[ia], v[ib], v[ic], v[id]) = (a, b, c, d);
}

#[inline(always)]
fn round<W: Word>(v: &mut [W; 16], s: &[usize; 16], m: &Msg<W>, nonce: W) {
    gm(v, [0, 4, 8, 12], [s[0], s[1]], m, nonce);
    gm(v, [1, 5, 9, 13], [s[2], s[3]], m, nonce);
    gm(v, [2, 6, 10, 14], [s[4], s[5]], m, nonce);
    gm(v, [3, 7, 11, 15], [s[6], s[7]], m, nonce);
    gm(v, [0, 5, 10, 15], [s[8], s[9]], m, nonce);
    gm(v, [1, 6, 11, 12], [s[10], s[11]], m, nonce);
    gm(v, [2, 7, 8, 13], [s[12], s[13]], m, nonce);
    gm(v, [3, 4, 9, 14], [s[14], s[15]], m, nonce);
}

/// The proof-of-work value of `nonce` in every lane: the full compression minus what the
/// check cannot see.
#[inline(always)]
pub(crate) fn value<W: Word>(k: &Consts<W>, nonce: W) -> W {
    let m = &k.m;
    let mut v = k.v;

    // Round 0, column 0: G(v0, v4, v8, v12, m0, m1).
    let a = k.a0.add(nonce);
    let d = v[12].xor(a).ror32();
    let c = v[8].add(d);
    let b = v[4].xor(c).ror24();
    let a = a.add(m.m[1]).add(b);
    let d = d.xor(a).ror16();
    let c = c.add(d);
    let b = b.xor(c).ror63();
    (v[0], v[4], v[8], v[12]) = (a, b, c, d);

    // Round 0, diagonals (m8..m15 are zero), with the constant prefixes from the midstate.
    (v[0], v[5], v[10], v[15]) = g(v[0], v[5], v[10], v[15], None, None);
    {
        let a = k.d1_a;
        let d = v[12].xor(a).ror32();
        let c = v[11].add(d);
        let b = v[6].xor(c).ror24();
        let a = a.add(b);
        let d = d.xor(a).ror16();
        let c = c.add(d);
        let b = b.xor(c).ror63();
        (v[1], v[6], v[11], v[12]) = (a, b, c, d);
    }
    {
        let (a, d) = (k.d2_a, k.d2_d);
        let c = v[8].add(d);
        let b = v[7].xor(c).ror24();
        let a = a.add(b);
        let d = d.xor(a).ror16();
        let c = c.add(d);
        let b = b.xor(c).ror63();
        (v[2], v[7], v[8], v[13]) = (a, b, c, d);
    }
    (v[3], v[4], v[9], v[14]) = g(v[3], v[4], v[9], v[14], None, None);

    round(&mut v, &SIGMA[1], m, nonce);
    round(&mut v, &SIGMA[2], m, nonce);
    round(&mut v, &SIGMA[3], m, nonce);
    round(&mut v, &SIGMA[4], m, nonce);
    round(&mut v, &SIGMA[5], m, nonce);
    round(&mut v, &SIGMA[6], m, nonce);
    round(&mut v, &SIGMA[7], m, nonce);
    round(&mut v, &SIGMA[8], m, nonce);
    round(&mut v, &SIGMA[9], m, nonce);
    round(&mut v, &SIGMA[10], m, nonce);

    // Round 11 (schedule row 1; its columns use m14, m10, m4, m8, m9, m15, m13, m6, so only
    // m4 is not zero). The diagonal step needs v0 (from G(0,5,10,15)) and v8 (from
    // G(2,7,8,13)); G(1,6,11,12) and G(3,4,9,14) are dropped, and so is every final step
    // whose result nobody reads.
    let s = &SIGMA[11];
    // Column 0: a and c are read (v0, v8); b is not.
    let (a0, c0) = {
        let a = v[0].add(v[4]);
        let d = v[12].xor(a).ror32();
        let c = v[8].add(d);
        let b = v[4].xor(c).ror24();
        let a = a.add(b);
        let d = d.xor(a).ror16();
        (a, c.add(d))
    };
    gm(&mut v, [1, 5, 9, 13], [s[2], s[3]], m, nonce);
    // Column 2: a and c are read (v2, v10); b is not.
    let (a2, c2) = {
        let a = v[2].add(v[6]);
        let d = v[14].xor(a).ror32();
        let c = v[10].add(d);
        let b = v[6].xor(c).ror24();
        let a = a.add(b);
        let d = d.xor(a).ror16();
        (a, c.add(d))
    };
    gm(&mut v, [3, 7, 11, 15], [s[6], s[7]], m, nonce);
    // Diagonal 0, G(v0, v5, v10, v15, m1, m12): only its final a.
    let v0 = {
        let a = m.add_to(a0, s[8], nonce).add(v[5]);
        let d = v[15].xor(a).ror32();
        let c = c2.add(d);
        let b = v[5].xor(c).ror24();
        m.add_to(a, s[9], nonce).add(b)
    };
    // Diagonal 2, G(v2, v7, v8, v13, m0, m2): only its final c.
    let v8 = {
        let a = m.add_to(a2, s[12], nonce).add(v[7]);
        let d = v[13].xor(a).ror32();
        let c = c0.add(d);
        let b = v[7].xor(c).ror24();
        let a = m.add_to(a, s[13], nonce).add(b);
        let d = d.xor(a).ror16();
        c.add(d)
    };
    k.h0.xor(v0).xor(v8)
}

/// The portable kernel: [`value`] on plain u64s; the first match in `count` nonces from
/// `start`.
pub(crate) fn scan_portable(mid: &Midstate, threshold: u64, start: u64, count: u64) -> Option<u64> {
    let k = mid.splat::<u64>();
    let mut nonce = start;
    for _ in 0..count {
        // Left to itself, LLVM turns this loop into two-lane SSE2 code with rotates made of
        // shifts, twice as slow as plain 64-bit registers; an opaque nonce keeps it scalar.
        if value(&k, core::hint::black_box(nonce)) <= threshold {
            return Some(nonce);
        }
        nonce = nonce.wrapping_add(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::work_value;

    fn target(seed: u8) -> [u8; 32] {
        std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(seed))
    }

    #[test]
    fn folded_compression_matches_reference() {
        for seed in 0..8u8 {
            let t = target(seed);
            let k = Midstate::new(&t).splat::<u64>();
            for nonce in [0, 1, 2, 0xdead_beef, u64::MAX, u64::MAX - 1, 1 << 63] {
                assert_eq!(
                    value(&k, nonce),
                    work_value(nonce, &t),
                    "seed {seed} nonce {nonce}"
                );
            }
        }
    }

    #[test]
    fn words_follow_the_indices_layout() {
        let mid = Midstate::new(&target(1));
        let (w, i) = (mid.words(), Midstate::indices().words());
        assert_eq!(i, core::array::from_fn(|k| k as u64));
        assert_eq!(w[1..5], mid.m[1..]);
        assert_eq!(w[5..21], mid.v);
        assert_eq!(w[21..], [mid.a0, mid.d1_a, mid.d2_a, mid.d2_d, H0]);
    }

    #[test]
    fn two_lanes_match_one() {
        let t = target(9);
        let k = Midstate::new(&t).splat::<X2<u64>>();
        let X2(a, b) = value(&k, X2(5, 6));
        assert_eq!((a, b), (work_value(5, &t), work_value(6, &t)));
    }

    #[test]
    fn portable_scan_finds_the_first_match() {
        let t = target(3);
        let threshold = u64::MAX >> 4;
        let first = (100u64..)
            .find(|&n| work_value(n, &t) <= threshold)
            .unwrap();
        let mid = Midstate::new(&t);
        assert_eq!(scan_portable(&mid, threshold, 100, 1000), Some(first));
        assert_eq!(scan_portable(&mid, threshold, 100, first - 100), None);
    }
}
