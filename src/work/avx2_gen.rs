//! Generates the scheduled AVX2 kernels' loops as assembly, at build time (`build.rs`).
//!
//! On AMD Zen 3, the loop LLVM makes of [`value`] over `__m256i` runs at 71% of the measured
//! throughput floor of its operation mix, and the loop generated here at 79% (README,
//! "Measured"): the 16 state words fill all 16 `ymm` registers, and one G function is a
//! 13-cycle chain, so the order of the operations and the choice of what to spill matter.
//! This generator takes the same [`value`] (the one definition of the folded compression),
//! traces it into a graph of vector operations, and then:
//!
//! 1. orders the operations with a list scheduler for four vector pipes of which two shuffle
//!    and shift, every operation one cycle, longest remaining path first, so that independent
//!    G functions interleave in program order;
//! 2. assigns the 16 `ymm` registers in that order, spilling the value whose next use is
//!    furthest away and reading spilled values and constants straight from memory wherever the
//!    instruction takes a memory operand;
//! 3. lays the constants and spill slots out in one frame, the most used first so that they
//!    get one-byte displacements, and prints the loop (Intel syntax, for `naked_asm!`) and a
//!    Rust file saying where each constant goes.
//!
//! The hybrid loop adds a fifth nonce beside the four in `ymm` registers, computed on the
//! integer ALUs, which the vector loop leaves idle: the same [`value`] traced for one u64
//! (rotations by 63 as one `rorx`), scheduled for four ALUs, its registers assigned among 14
//! general-purpose ones (two-operand instructions: an operation writes over a source that
//! dies there; spills go to the frame), and its instructions spread evenly between the vector
//! ones. On Intel Sapphire Rapids it measured 1.15-1.18x the vector loop (README).
//!
//! For AVX-512 (`kernel_512`) the same trace runs with native rotations (`vprorq`; the
//! rotation by 32 stays a `vpshufd`, on the other port), scheduled for two pipes, over all 32
//! `zmm` registers (one group of eight nonces needs no spill) and 64-byte frame slots, with or
//! without the same scalar lane (a ninth nonce). With two groups (16 nonces; every AVX-512
//! operation can write over its dying source, so the 32 state words of both fit the 32
//! registers with a few spills) the scheduler interleaves two independent compressions: AMD
//! Zen 5's vector operations take two cycles, and one group leaves its pipes waiting.
//!
//! Everything here is deterministic: the same source gives the same bytes.

use std::cell::{Cell, RefCell};
use std::fmt::Write;

use super::blake2b::{Midstate, WORDS, Word, value};

/// One operation of the traced compression, or one of its inputs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    /// A constant of the job: the index of a [`Midstate::words`] word.
    Word(usize),
    /// A group's nonces (one per vector lane).
    Nonce(usize),
    Add,
    Xor,
    Or,
    Ror32,
    Ror24,
    Ror16,
    /// A logical right shift by 63 (half of a rotation by 63).
    Srl63,
    /// A rotation right by 63 in one instruction: the scalar trace's `ror63`.
    Ror63,
}

#[derive(Clone, Debug)]
struct Node {
    op: Op,
    args: Vec<usize>,
}

impl Node {
    fn is_input(&self) -> bool {
        matches!(self.op, Op::Word(_) | Op::Nonce(_))
    }

    /// Whether the operation runs on the two pipes that shuffle and shift.
    fn shuffles(&self) -> bool {
        matches!(
            self.op,
            Op::Ror32 | Op::Ror24 | Op::Ror16 | Op::Srl63 | Op::Ror63
        )
    }
}

thread_local! {
    static GRAPH: RefCell<Vec<Node>> = const { RefCell::new(Vec::new()) };
    /// Whether the trace is for the scalar lane, which rotates by 63 in one instruction.
    static SCALAR: Cell<bool> = const { Cell::new(false) };
}

/// A value in the traced graph: `value` over this type records its operations.
#[derive(Clone, Copy)]
struct Traced(usize);

fn push(op: Op, args: &[usize]) -> Traced {
    GRAPH.with_borrow_mut(|g| {
        g.push(Node {
            op,
            args: args.to_vec(),
        });
        Traced(g.len() - 1)
    })
}

impl Word for Traced {
    fn splat(x: u64) -> Self {
        // Broadcast from `Midstate::indices()`: the word's value is its index.
        push(Op::Word(x as usize), &[])
    }
    fn add(self, o: Self) -> Self {
        push(Op::Add, &[self.0, o.0])
    }
    fn xor(self, o: Self) -> Self {
        push(Op::Xor, &[self.0, o.0])
    }
    fn ror32(self) -> Self {
        push(Op::Ror32, &[self.0])
    }
    fn ror24(self) -> Self {
        push(Op::Ror24, &[self.0])
    }
    fn ror16(self) -> Self {
        push(Op::Ror16, &[self.0])
    }
    fn ror63(self) -> Self {
        if SCALAR.get() {
            return push(Op::Ror63, &[self.0]);
        }
        // AVX2 has no 64-bit rotate: (x >> 63) | (x + x).
        let s = push(Op::Srl63, &[self.0]);
        let d = push(Op::Add, &[self.0, self.0]);
        push(Op::Or, &[d.0, s.0])
    }
}

/// `groups` compressions as one graph, and for each the node holding the value compared with
/// the threshold.
///
/// The AVX2 loops take one group (four nonces) per iteration. Two would give the scheduler a
/// second chain to fill the first one's latency with, but 32 state words in 16 registers
/// spill: two generated 969 moves per 2,612 operations and ran at 0.68x one on Zen 3, 0.83x
/// on Zen 5. The AVX-512 loops take one or two (32 registers).
fn trace(scalar: bool, groups: usize) -> (Vec<Node>, Vec<usize>) {
    GRAPH.with_borrow_mut(|g| g.clear());
    SCALAR.set(scalar);
    let k = Midstate::indices().splat::<Traced>();
    let outs = (0..groups)
        .map(|group| value(&k, push(Op::Nonce(group), &[])).0)
        .collect();
    SCALAR.set(false);
    (GRAPH.with_borrow_mut(std::mem::take), outs)
}

/// The operations that feed `outs`, in an order where every operation runs as early as
/// `pipes` pipes (of which `shuffle_pipes` shuffle, shift and rotate) allow, the longest
/// remaining path first.
fn schedule(g: &[Node], outs: &[usize], pipes: usize, shuffle_pipes: usize) -> Vec<usize> {
    let n = g.len();
    let mut live = vec![false; n];
    let mut prio = vec![0usize; n];
    for &out in outs {
        live[out] = true;
        prio[out] = 1;
    }
    for i in (0..n).rev() {
        if live[i] {
            for &a in &g[i].args {
                live[a] = true;
                prio[a] = prio[a].max(prio[i] + 1);
            }
        }
    }
    let mut remaining: Vec<usize> = (0..n).filter(|&i| live[i] && !g[i].is_input()).collect();
    let mut done_at = vec![usize::MAX; n];
    for (i, node) in g.iter().enumerate() {
        if node.is_input() {
            done_at[i] = 0;
        }
    }
    let mut order = Vec::with_capacity(remaining.len());
    let mut cycle = 0;
    while !remaining.is_empty() {
        let mut ready: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&i| g[i].args.iter().all(|&a| done_at[a] <= cycle))
            .collect();
        ready.sort_by_key(|&i| (std::cmp::Reverse(prio[i]), i));
        let (mut issued, mut shuffles) = (0, 0);
        for i in ready {
            if issued == pipes {
                break;
            }
            if g[i].shuffles() {
                if shuffles == shuffle_pipes {
                    continue;
                }
                shuffles += 1;
            }
            issued += 1;
            done_at[i] = cycle + 1;
            order.push(i);
        }
        remaining.retain(|&i| done_at[i] == usize::MAX);
        cycle += 1;
    }
    order
}

/// Vector ALU pipes, and how many of them shuffle and shift (AMD Zen 3).
const PIPES: usize = 4;
const SHUFFLE_PIPES: usize = 2;
const REGISTERS: usize = 16;

/// A place in the kernel's frame (32 bytes each).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Slot {
    Word(usize),
    Nonce(usize),
    Ror24Mask,
    Ror16Mask,
    Threshold,
    Step,
    Spill(usize),
    /// The scalar lane's nonce (in the slot's first u64).
    ScalarNonce,
    /// Four spilled scalar values.
    ScalarSpill(usize),
}

#[derive(Clone, Copy, Debug)]
enum Operand {
    Reg(usize),
    Mem(Slot),
    /// A general-purpose register of [`GPRS`].
    Gpr(usize),
    /// The u64 at index `.1` of a slot.
    Qword(Slot, usize),
}

/// The general-purpose registers the scalar lane computes in: all but rdi (the frame) and
/// rsp. The batch counter and count wait on the stack; rdx gets the match mask only after
/// the loop body.
const GPRS: [&str; 14] = [
    "rax", "rbx", "rcx", "rdx", "rbp", "rsi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
];

/// The callee-saved registers among [`GPRS`], pushed and popped around the loop.
const SAVED: [&str; 6] = ["rbx", "rbp", "r12", "r13", "r14", "r15"];

/// One instruction: a mnemonic, a destination and its sources, and an immediate.
#[derive(Clone, Debug)]
struct Instr {
    mnemonic: &'static str,
    dst: Operand,
    srcs: Vec<Operand>,
    imm: Option<u8>,
}

/// Register assignment over the scheduled order.
struct Alloc<'a> {
    g: &'a [Node],
    /// For each node, the positions in the order where it is read.
    uses: Vec<Vec<usize>>,
    reg_of: Vec<Option<usize>>,
    mem_of: Vec<Option<Slot>>,
    holder: Vec<Option<usize>>,
    free_spills: Vec<usize>,
    spills: usize,
    code: Vec<Instr>,
    now: usize,
    zmm: bool,
}

impl Alloc<'_> {
    fn mov(&self) -> &'static str {
        if self.zmm { "vmovdqa64" } else { "vmovdqa" }
    }

    fn next_use(&self, v: usize) -> usize {
        self.uses[v]
            .iter()
            .copied()
            .find(|&u| u >= self.now)
            .unwrap_or(usize::MAX)
    }

    fn next_use_after(&self, v: usize) -> usize {
        self.uses[v]
            .iter()
            .copied()
            .find(|&u| u > self.now)
            .unwrap_or(usize::MAX)
    }

    /// A free register, spilling the value needed furthest ahead if there is none.
    fn take_reg(&mut self, keep: &[usize]) -> usize {
        if let Some(r) = self.holder.iter().position(Option::is_none) {
            return r;
        }
        let r = (0..self.holder.len())
            .filter(|&r| !keep.contains(&self.holder[r].expect("all registers hold values")))
            .max_by_key(|&r| (self.next_use(self.holder[r].expect("held")), r))
            .expect("a register to spill");
        let v = self.holder[r].take().expect("held");
        self.reg_of[v] = None;
        if self.mem_of[v].is_none() {
            let slot = Slot::Spill(self.free_spills.pop().unwrap_or_else(|| {
                self.spills += 1;
                self.spills - 1
            }));
            self.mem_of[v] = Some(slot);
            let mnemonic = self.mov();
            self.code.push(Instr {
                mnemonic,
                dst: Operand::Mem(slot),
                srcs: vec![Operand::Reg(r)],
                imm: None,
            });
        }
        r
    }

    fn load(&mut self, v: usize, keep: &[usize]) -> usize {
        let r = self.take_reg(keep);
        let slot = self.mem_of[v].expect("a value not in a register is in memory");
        let mnemonic = self.mov();
        self.code.push(Instr {
            mnemonic,
            dst: Operand::Reg(r),
            srcs: vec![Operand::Mem(slot)],
            imm: None,
        });
        self.reg_of[v] = Some(r);
        self.holder[r] = Some(v);
        r
    }

    fn operand(&self, v: usize) -> Operand {
        match self.reg_of[v] {
            Some(r) => Operand::Reg(r),
            None => Operand::Mem(self.mem_of[v].expect("in memory")),
        }
    }

    fn dies_here(&self, v: usize) -> bool {
        !self.g[v].is_input() && self.uses[v].iter().all(|&u| u <= self.now)
    }

    fn release(&mut self, v: usize) {
        if let Some(r) = self.reg_of[v].take() {
            self.holder[r] = None;
        }
        if let Some(Slot::Spill(s)) = self.mem_of[v].take() {
            self.free_spills.push(s);
        }
    }

    fn emit(&mut self, i: usize) {
        let g = self.g;
        let node = &g[i];
        let args = node.args.clone();
        let (mnemonic, srcs, imm) = match node.op {
            Op::Add | Op::Xor | Op::Or => {
                let (x, y) = (args[0], args[1]);
                if x == y {
                    if self.reg_of[x].is_none() {
                        self.load(x, &args);
                    }
                } else if self.reg_of[x].is_none() && self.reg_of[y].is_none() {
                    let sooner = if self.next_use_after(x) <= self.next_use_after(y) {
                        x
                    } else {
                        y
                    };
                    self.load(sooner, &args);
                }
                // The register source first: only the second may be in memory.
                let (a, b) = if self.reg_of[x].is_some() {
                    (x, y)
                } else {
                    (y, x)
                };
                let mnemonic = match node.op {
                    Op::Add => "vpaddq",
                    Op::Xor if self.zmm => "vpxorq",
                    Op::Xor => "vpxor",
                    _ => "vpor",
                };
                (mnemonic, vec![self.operand(a), self.operand(b)], None)
            }
            // vpshufd takes its source from memory too.
            Op::Ror32 => ("vpshufd", vec![self.operand(args[0])], Some(0xb1)),
            Op::Ror24 | Op::Ror16 | Op::Ror63 if self.zmm => {
                let imm = match node.op {
                    Op::Ror24 => 24,
                    Op::Ror16 => 16,
                    _ => 63,
                };
                ("vprorq", vec![self.operand(args[0])], Some(imm))
            }
            Op::Ror24 | Op::Ror16 | Op::Srl63 => {
                if self.reg_of[args[0]].is_none() {
                    self.load(args[0], &args);
                }
                let src = self.operand(args[0]);
                match node.op {
                    Op::Ror24 => ("vpshufb", vec![src, Operand::Mem(Slot::Ror24Mask)], None),
                    Op::Ror16 => ("vpshufb", vec![src, Operand::Mem(Slot::Ror16Mask)], None),
                    _ => ("vpsrlq", vec![src], Some(63)),
                }
            }
            Op::Word(_) | Op::Nonce(_) => unreachable!("inputs are not scheduled"),
            Op::Ror63 => unreachable!("the AVX2 trace rotates by 63 in three operations"),
        };
        for &a in &args {
            if self.dies_here(a) {
                self.release(a);
            }
        }
        let r = self.take_reg(&args);
        self.reg_of[i] = Some(r);
        self.holder[r] = Some(i);
        self.code.push(Instr {
            mnemonic,
            dst: Operand::Reg(r),
            srcs,
            imm,
        });
    }
}

/// Register assignment for the scalar lane: two-operand x86 instructions, so an operation
/// writes over a source that dies here if it can, `lea` adds two live registers, `rorx`
/// (BMI2) rotates into any register from a register or memory, and otherwise a `mov` copies
/// first. Spills go to 8-byte places, the value needed furthest ahead first.
struct ScalarAlloc<'a> {
    g: &'a [Node],
    uses: Vec<Vec<usize>>,
    reg_of: Vec<Option<usize>>,
    mem_of: Vec<Option<(Slot, usize)>>,
    holder: [Option<usize>; GPRS.len()],
    free_spills: Vec<usize>,
    spills: usize,
    code: Vec<Instr>,
    now: usize,
}

impl ScalarAlloc<'_> {
    fn next_use(&self, v: usize) -> usize {
        self.uses[v]
            .iter()
            .copied()
            .find(|&u| u >= self.now)
            .unwrap_or(usize::MAX)
    }

    fn dies_here(&self, v: usize) -> bool {
        !self.g[v].is_input() && self.uses[v].iter().all(|&u| u <= self.now)
    }

    fn release(&mut self, v: usize) {
        if let Some(r) = self.reg_of[v].take() {
            self.holder[r] = None;
        }
        if let Some((Slot::ScalarSpill(s), lane)) = self.mem_of[v].take() {
            self.free_spills.push(4 * s + lane);
        }
    }

    fn op(&mut self, mnemonic: &'static str, dst: Operand, srcs: Vec<Operand>, imm: Option<u8>) {
        self.code.push(Instr {
            mnemonic,
            dst,
            srcs,
            imm,
        });
    }

    /// A free register, spilling the value needed furthest ahead (not one of `keep`).
    fn take_reg(&mut self, keep: &[usize]) -> usize {
        if let Some(r) = self.holder.iter().position(Option::is_none) {
            return r;
        }
        let r = (0..GPRS.len())
            .filter(|&r| !keep.contains(&self.holder[r].expect("all registers hold values")))
            .max_by_key(|&r| (self.next_use(self.holder[r].expect("held")), r))
            .expect("a register to spill");
        let v = self.holder[r].take().expect("held");
        self.reg_of[v] = None;
        if self.mem_of[v].is_none() {
            let k = self.free_spills.pop().unwrap_or_else(|| {
                self.spills += 1;
                self.spills - 1
            });
            let place = (Slot::ScalarSpill(k / 4), k % 4);
            self.mem_of[v] = Some(place);
            self.op(
                "mov",
                Operand::Qword(place.0, place.1),
                vec![Operand::Gpr(r)],
                None,
            );
        }
        r
    }

    fn operand(&self, v: usize) -> Operand {
        match self.reg_of[v] {
            Some(r) => Operand::Gpr(r),
            None => {
                let (slot, lane) = self.mem_of[v].expect("in memory");
                Operand::Qword(slot, lane)
            }
        }
    }

    fn emit(&mut self, i: usize) {
        let node = &self.g[i];
        let args = node.args.clone();
        let reusable = |a: &Self, v: usize| a.reg_of[v].is_some() && a.dies_here(v);
        let r = match node.op {
            Op::Add | Op::Xor => {
                let (x, y) = (args[0], args[1]);
                assert_ne!(x, y, "the scalar trace adds no value to itself");
                let mnemonic = if node.op == Op::Add { "add" } else { "xor" };
                if let Some((d, s)) = [(x, y), (y, x)]
                    .into_iter()
                    .find(|&(d, _)| reusable(self, d))
                {
                    let r = self.reg_of[d].expect("in a register");
                    let src = self.operand(s);
                    self.op(mnemonic, Operand::Gpr(r), vec![src], None);
                    self.release(d);
                    r
                } else if node.op == Op::Add && self.reg_of[x].is_some() && self.reg_of[y].is_some()
                {
                    let r = self.take_reg(&args);
                    let srcs = vec![self.operand(x), self.operand(y)];
                    self.op("lea", Operand::Gpr(r), srcs, None);
                    r
                } else {
                    let r = self.take_reg(&args);
                    let (sx, sy) = (self.operand(x), self.operand(y));
                    self.op("mov", Operand::Gpr(r), vec![sx], None);
                    self.op(mnemonic, Operand::Gpr(r), vec![sy], None);
                    r
                }
            }
            Op::Ror32 | Op::Ror24 | Op::Ror16 | Op::Ror63 => {
                let x = args[0];
                let imm = match node.op {
                    Op::Ror32 => 32,
                    Op::Ror24 => 24,
                    Op::Ror16 => 16,
                    _ => 63,
                };
                let src = self.operand(x);
                let r = if reusable(self, x) {
                    let r = self.reg_of[x].expect("in a register");
                    self.release(x);
                    r
                } else {
                    self.take_reg(&args)
                };
                self.op("rorx", Operand::Gpr(r), vec![src], Some(imm));
                r
            }
            op => unreachable!("{op:?} is not in the scalar trace"),
        };
        for &a in &args {
            if self.dies_here(a) {
                self.release(a);
            }
        }
        self.reg_of[i] = Some(r);
        self.holder[r] = Some(i);
    }
}

/// For each node, the positions in `order` where it is read; each of `outs` is read once more,
/// by the comparison after the loop body.
fn uses_in(g: &[Node], order: &[usize], outs: &[usize]) -> Vec<Vec<usize>> {
    let mut uses = vec![Vec::new(); g.len()];
    for (pos, &i) in order.iter().enumerate() {
        for &a in &g[i].args {
            uses[a].push(pos);
        }
    }
    for &out in outs {
        uses[out].push(order.len());
    }
    uses
}

/// The scalar lane's code: the compression of one nonce on the integer ALUs, and the register
/// holding its value at the end.
fn scalar_code() -> (Vec<Instr>, usize) {
    let (g, outs) = trace(true, 1);
    let out = outs[0];
    // Four ALUs, two of which rotate (Intel's ports 0 and 6; Zen 3 rotates on all four).
    let order = schedule(&g, &outs, 4, 2);
    let uses = uses_in(&g, &order, &outs);
    let mut alloc = ScalarAlloc {
        g: &g,
        uses,
        reg_of: vec![None; g.len()],
        mem_of: g
            .iter()
            .map(|n| match n.op {
                Op::Word(w) => Some((Slot::Word(w), 0)),
                Op::Nonce(_) => Some((Slot::ScalarNonce, 0)),
                _ => None,
            })
            .collect(),
        holder: [None; GPRS.len()],
        free_spills: Vec::new(),
        spills: 0,
        code: Vec::new(),
        now: 0,
    };
    for (pos, &i) in order.iter().enumerate() {
        alloc.now = pos;
        alloc.emit(i);
    }
    alloc.now = order.len();
    let out_reg = match alloc.reg_of[out] {
        Some(r) => r,
        None => {
            let r = alloc.take_reg(&[]);
            let src = alloc.operand(out);
            alloc.op("mov", Operand::Gpr(r), vec![src], None);
            r
        }
    };
    (alloc.code, out_reg)
}

/// The generated kernel: the assembly of `naked_asm!` and the Rust layout of its frame.
pub struct Kernel {
    pub asm: String,
    pub layout: String,
}

/// Frame slots below the base register: with 32-byte slots, slots 0..8 are reached with
/// one-byte displacements (-128..=96).
const BASE_SLOT: usize = 4;

/// The vector loop alone (`hybrid` false), or with a fifth nonce computed on the integer
/// ALUs beside the four in `ymm` registers (`hybrid` true; needs BMI2 for `rorx`).
pub fn kernel(hybrid: bool) -> Kernel {
    kernel_for(hybrid, false, 1)
}

/// The AVX-512 loops: eight nonces per `zmm` group, one or two groups, 32 registers, native
/// rotations.
pub fn kernel_512(hybrid: bool, groups: usize) -> Kernel {
    kernel_for(hybrid, true, groups)
}

fn kernel_for(hybrid: bool, zmm: bool, groups: usize) -> Kernel {
    assert!(
        groups == 1 || (zmm && groups == 2),
        "one group, or two of eight nonces"
    );
    let (g, outs) = trace(zmm, groups);
    // Intel's two 512-bit ports for AVX-512 (on AMD Zen 5, a model of its four pipes with
    // two-cycle latency gave the same speed: the out-of-order window hides the order).
    let order = if zmm {
        schedule(&g, &outs, 2, 2)
    } else {
        schedule(&g, &outs, PIPES, SHUFFLE_PIPES)
    };
    let regs = if zmm { 32 } else { REGISTERS };
    let vname = if zmm { "zmm" } else { "ymm" };
    let slot_bytes: isize = if zmm { 64 } else { 32 };
    let uses = uses_in(&g, &order, &outs);
    let mut alloc = Alloc {
        g: &g,
        uses,
        reg_of: vec![None; g.len()],
        mem_of: g
            .iter()
            .map(|n| match n.op {
                Op::Word(w) => Some(Slot::Word(w)),
                Op::Nonce(group) => Some(Slot::Nonce(group)),
                _ => None,
            })
            .collect(),
        holder: vec![None; regs],
        free_spills: Vec::new(),
        spills: 0,
        code: Vec::new(),
        now: 0,
        zmm,
    };
    for (pos, &i) in order.iter().enumerate() {
        alloc.now = pos;
        alloc.emit(i);
    }
    alloc.now = order.len();
    let out_regs: Vec<usize> = outs
        .iter()
        .map(|&out| match alloc.reg_of[out] {
            Some(r) => r,
            None => alloc.load(out, &outs),
        })
        .collect();
    let vector = alloc.code;
    let operations = vector
        .iter()
        .filter(|i| !i.mnemonic.starts_with("vmovdqa"))
        .count();
    let moves = vector.len() - operations;
    let (scalar, scalar_out) = if hybrid {
        let (code, out) = scalar_code();
        (code, Some(out))
    } else {
        (Vec::new(), None)
    };
    let vlanes = if zmm { 8 } else { 4 } * groups as u64;
    let lanes = vlanes + u64::from(hybrid);

    // The loop body: the scalar instructions spread evenly through the vector ones, so that
    // both kinds of pipe have work all along.
    let (nv, ns) = (vector.len(), scalar.len());
    let mut body = Vec::with_capacity(nv + ns);
    let mut scalar_ops = scalar.into_iter();
    for (k, ins) in vector.into_iter().enumerate() {
        body.push(ins);
        while body.len() - (k + 1) < (k + 1) * ns / nv {
            body.push(scalar_ops.next().expect("scalar instructions left"));
        }
    }
    body.extend(scalar_ops);

    // The frame: the most used slots first (ties in a fixed order), the loop's own slots
    // included.
    let mut count: Vec<(Slot, usize)> = Vec::new();
    let mut note = |s: Slot| match count.iter_mut().find(|(t, _)| *t == s) {
        Some((_, c)) => *c += 1,
        None => count.push((s, 1)),
    };
    for ins in &body {
        for op in std::iter::once(&ins.dst).chain(&ins.srcs) {
            if let Operand::Mem(s) | Operand::Qword(s, _) = op {
                note(*s);
            }
        }
    }
    note(Slot::Threshold);
    note(Slot::Step);
    for group in 0..groups {
        note(Slot::Nonce(group));
        note(Slot::Nonce(group));
    }
    if zmm {
        note(Slot::Ror24Mask);
        note(Slot::Ror16Mask);
    }
    if hybrid {
        note(Slot::ScalarNonce);
        note(Slot::Threshold);
    }
    count.sort_by_key(|&(s, c)| (std::cmp::Reverse(c), s));
    let index = |s: Slot| {
        count
            .iter()
            .position(|&(t, _)| t == s)
            .expect("every slot used is counted")
    };
    let addr_at = |s: Slot, offset: usize| {
        let disp =
            slot_bytes * index(s) as isize + offset as isize - slot_bytes * BASE_SLOT as isize;
        if disp < 0 {
            format!("[rdi - {}]", -disp)
        } else {
            format!("[rdi + {disp}]")
        }
    };
    let addr = |s: Slot| addr_at(s, 0);
    let text = |o: &Operand| match o {
        Operand::Reg(r) => format!("{vname}{r}"),
        Operand::Mem(s) => addr(*s),
        Operand::Gpr(r) => GPRS[*r].to_string(),
        Operand::Qword(s, lane) => format!("qword ptr {}", addr_at(*s, 8 * lane)),
    };

    let mut asm = String::new();
    let mut line = |s: String| {
        asm.push_str(&s);
        asm.push('\n');
    };
    if hybrid {
        for r in SAVED {
            line(format!("push {r}"));
        }
        // [rsp + 8]: the batch count; [rsp]: the batch counter.
        line("push rsi".into());
        line("push 0".into());
    }
    line("xor eax, eax".into());
    line("xor edx, edx".into());
    line("test rsi, rsi".into());
    line("jz 3f".into());
    line(".p2align 6".into());
    line("2:".into());
    for ins in &body {
        if ins.mnemonic == "lea" {
            line(format!(
                "lea {}, [{} + {}]",
                text(&ins.dst),
                text(&ins.srcs[0]),
                text(&ins.srcs[1])
            ));
            continue;
        }
        let mut s = format!("{} {}", ins.mnemonic, text(&ins.dst));
        for src in &ins.srcs {
            write!(s, ", {}", text(src)).expect("write to String");
        }
        if let Some(imm) = ins.imm {
            write!(s, ", {imm:#x}").expect("write to String");
        }
        line(s);
    }
    // Lanes above the threshold set their bits; flipped, the mask holds the matches.
    let scalar_out = scalar_out.map(|r| {
        if GPRS[r] == "rdx" {
            // The mask goes to rdx; every other scalar register is free by now.
            line("mov rbx, rdx".into());
            "rbx"
        } else {
            GPRS[r]
        }
    });
    if zmm {
        // Signed "less or equal" (h0 comes sign-flipped, as does the threshold).
        for (group, r) in out_regs.iter().enumerate() {
            line(format!(
                "vpcmpq k{}, zmm{r}, {}, 2",
                group + 1,
                addr(Slot::Threshold)
            ));
        }
        match groups {
            1 => {}
            // k1 = k2's eight bits over k1's.
            2 => line("kunpckbw k1, k2, k1".into()),
            _ => unreachable!("one or two groups"),
        }
        line("kmovw edx, k1".into());
        line("test edx, edx".into());
    } else {
        let r = out_regs[0];
        line(format!(
            "vpcmpgtq ymm{r}, ymm{r}, {}",
            addr(Slot::Threshold)
        ));
        line(format!("vmovmskpd edx, ymm{r}"));
        line("xor edx, 15".into());
    }
    if let Some(r) = scalar_out {
        // The scalar value, sign-flipped like the vector ones, at or under the threshold:
        // the bit after the vector lanes'.
        line(format!("cmp {r}, qword ptr {}", addr(Slot::Threshold)));
        line("jg 4f".into());
        line(format!("or edx, {}", 1u64 << vlanes));
        line("4:".into());
        line("test edx, edx".into());
    }
    line("jnz 3f".into());
    let mv = if zmm { "vmovdqa64" } else { "vmovdqa" };
    for group in 0..groups {
        line(format!("{mv} {vname}0, {}", addr(Slot::Nonce(group))));
        line(format!("vpaddq {vname}0, {vname}0, {}", addr(Slot::Step)));
        line(format!("{mv} {}, {vname}0", addr(Slot::Nonce(group))));
    }
    if hybrid {
        line(format!(
            "add qword ptr {}, {lanes}",
            addr(Slot::ScalarNonce)
        ));
    }
    if hybrid {
        line("mov rax, qword ptr [rsp]".into());
        line("inc rax".into());
        line("mov qword ptr [rsp], rax".into());
        line("cmp rax, qword ptr [rsp + 8]".into());
    } else {
        line("inc rax".into());
        line("cmp rax, rsi".into());
    }
    line("jne 2b".into());
    line("3:".into());
    line("vzeroupper".into());
    if hybrid {
        // rsi is not callee-saved: the count is dropped, not restored.
        line("mov rax, qword ptr [rsp]".into());
        line("add rsp, 16".into());
        for r in SAVED.iter().rev() {
            line(format!("pop {r}"));
        }
    }
    line("ret".into());

    let slot_of_word: Vec<String> = (0..WORDS)
        .map(|w| {
            count
                .iter()
                .position(|&(t, _)| t == Slot::Word(w))
                .map_or("None".into(), |i| format!("Some({i})"))
        })
        .collect();
    let scalar_nonce = if hybrid {
        format!("Some({})", index(Slot::ScalarNonce))
    } else {
        "None".into()
    };
    let mut layout = String::new();
    writeln!(
        layout,
        "// Generated by src/work/avx2_gen.rs (build.rs): a generated kernel's frame.\n\
         // Its loop: {operations} vector operations and {moves} register moves per {vlanes}\n\
         // nonces, and {} scalar instructions for one more.\n\
         pub(crate) const LAYOUT: super::Layout = super::Layout {{\n\
         slots: {},\n\
         base_slot: {BASE_SLOT},\n\
         word_slots: [{}],\n\
         operations: {operations},\n\
         lanes: {lanes},\n\
         nonce_slots: &[{}],\n\
         scalar_nonce_slot: {scalar_nonce},\n\
         ror24_slot: {},\n\
         ror16_slot: {},\n\
         threshold_slot: {},\n\
         step_slot: {},\n\
         }};",
        ns,
        count.len().max(BASE_SLOT),
        slot_of_word.join(", "),
        (0..groups)
            .map(|group| index(Slot::Nonce(group)).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        index(Slot::Ror24Mask),
        index(Slot::Ror16Mask),
        index(Slot::Threshold),
        index(Slot::Step),
    )
    .expect("write to String");
    Kernel { asm, layout }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vector instructions of a generated loop's assembly, `vzeroupper` aside.
    fn vector_lines(asm: &str) -> Vec<&str> {
        asm.lines()
            .filter(|l| l.starts_with('v') && !l.starts_with("vzeroupper"))
            .collect()
    }

    /// The instructions without their memory operands and sources: what stays the same when
    /// only the frame's offsets move.
    fn mnemonics(lines: Vec<&str>) -> Vec<&str> {
        lines
            .into_iter()
            .map(|l| l.split(['[', ',']).next().unwrap_or_default())
            .collect()
    }

    /// How many of the lines start with `prefix`.
    fn count_starting<'a>(lines: impl IntoIterator<Item = &'a str>, prefix: &str) -> usize {
        lines.into_iter().filter(|l| l.starts_with(prefix)).count()
    }

    #[test]
    fn the_same_source_gives_the_same_kernel() {
        let (a, b) = (kernel(true), kernel(true));
        assert_eq!(a.asm, b.asm);
        assert_eq!(a.layout, b.layout);
        let (a, b) = (kernel_512(true, 2), kernel_512(true, 2));
        assert_eq!(a.asm, b.asm);
        assert_eq!(a.layout, b.layout);
    }

    /// The AVX-512 loops: `zmm` registers only, native rotations, one group of eight nonces in
    /// the 32 registers without a spill, and the hybrid one is the same vector instructions
    /// with a scalar lane between them.
    #[test]
    fn the_avx512_loops_rotate_natively_in_32_registers() {
        let (vector, hybrid) = (kernel_512(false, 1), kernel_512(true, 1));
        let vector_ops = vector_lines(&vector.asm);
        assert!(
            vector_ops.iter().all(|l| !l.contains("ymm")),
            "AVX2 code in the AVX-512 loop"
        );
        assert!(
            vector_ops
                .iter()
                .all(|l| !l.starts_with("vpshufb") && !l.starts_with("vpsrlq"))
        );
        assert!(count_starting(vector_ops.iter().copied(), "vprorq") > 0);
        // The only store: the next nonces', after the body.
        let stores = count_starting(vector_ops.iter().copied(), "vmovdqa64 [");
        assert_eq!(stores, 1, "the AVX-512 loop spills");
        assert!(
            vector.asm.contains("zmm16"),
            "the loop uses the upper 16 registers"
        );
        assert!(vector.layout.contains("lanes: 8,"));
        assert!(hybrid.layout.contains("lanes: 9,"));
        assert_eq!(
            mnemonics(vector_lines(&vector.asm)),
            mnemonics(vector_lines(&hybrid.asm))
        );
        assert_eq!(count_starting(hybrid.asm.lines(), "rorx "), 358);
    }

    /// The two-group AVX-512 loops: twice the one-group loop's operations over the same 32
    /// registers with at most a few spills, both groups compared, and a scalar lane beside
    /// them in the hybrid one.
    #[test]
    fn the_two_group_loops_run_sixteen_nonces_in_32_registers() {
        let (one, two, hybrid) = (
            kernel_512(false, 1),
            kernel_512(false, 2),
            kernel_512(true, 2),
        );
        let operations = |k: &Kernel| -> usize {
            k.layout
                .lines()
                .find_map(|l| l.strip_prefix("operations: "))
                .and_then(|n| n.trim_end_matches(',').parse().ok())
                .expect("the layout counts the operations")
        };
        assert_eq!(operations(&two), 2 * operations(&one));
        assert!(two.layout.contains("lanes: 16,"));
        assert!(hybrid.layout.contains("lanes: 17,"));
        assert!(two.layout.contains("nonce_slots: &["));
        // Stores: the two groups' next nonces, and spills.
        let stores = count_starting(two.asm.lines(), "vmovdqa64 [");
        assert!(
            (2..=8).contains(&stores),
            "{stores} vector stores in the two-group loop"
        );
        for k in [&two, &hybrid] {
            assert!(k.asm.contains("vpcmpq k1, zmm"));
            assert!(k.asm.contains("vpcmpq k2, zmm"));
            assert!(k.asm.contains("kunpckbw k1, k2, k1"));
            assert!(!k.asm.contains("ymm"));
        }
        assert_eq!(count_starting(hybrid.asm.lines(), "rorx "), 358);
    }

    #[test]
    fn every_operation_is_scheduled_once_after_its_inputs() {
        let (g, outs) = trace(false, 1);
        let out = outs[0];
        let order = schedule(&g, &outs, PIPES, SHUFFLE_PIPES);
        let mut at = vec![None; g.len()];
        for (pos, &i) in order.iter().enumerate() {
            assert!(at[i].is_none(), "node {i} scheduled twice");
            at[i] = Some(pos);
        }
        for &i in &order {
            for &a in &g[i].args {
                if !g[a].is_input() {
                    assert!(at[a] < at[i], "node {i} runs before its input {a}");
                }
            }
        }
        assert_eq!(*order.last().expect("operations"), out);
        // The folded compression: 1,306 vector operations per four nonces, the comparison
        // aside (the README counts them by hand; the layout file's `OPERATIONS`).
        assert_eq!(order.len(), 1306);
    }

    #[test]
    fn the_vector_loop_is_vector_code_over_its_frame() {
        let k = kernel(false);
        let body: Vec<&str> = k.asm.lines().collect();
        assert!(
            body.iter().all(|l| !l.contains("rsp")),
            "the loop touches the stack"
        );
        let memory = body.iter().filter(|l| l.contains("[rdi")).count();
        assert!(memory > 0);
        assert!(k.layout.contains("lanes: 4,"));
        assert!(k.layout.contains("scalar_nonce_slot: None,"));
    }

    /// The hybrid loop is the vector loop's instructions in the same order with the scalar
    /// lane's between them, the scalar lane computes in the registers it may use, and the
    /// callee-saved ones come back.
    #[test]
    fn the_hybrid_loop_adds_a_scalar_lane_to_the_vector_loop() {
        let (vector, hybrid) = (kernel(false), kernel(true));
        // Same instructions; only the frame offsets may differ (the frame has more slots).
        let (v, h) = (vector_lines(&vector.asm), vector_lines(&hybrid.asm));
        assert_eq!(v.len(), h.len());
        assert_eq!(mnemonics(v), mnemonics(h));

        let (body, tail) = hybrid
            .asm
            .split_once("\nvpcmpgtq")
            .expect("the comparison after the body");
        let body = body.split_once("\n2:\n").expect("the loop label").1;
        let scalar: Vec<&str> = body.lines().filter(|l| !l.starts_with('v')).collect();
        assert!(scalar.len() > 1000, "{} scalar instructions", scalar.len());
        let rotations = count_starting(scalar.iter().copied(), "rorx ");
        // Four rotations per G function; the folded compression has 89.5 of them.
        assert_eq!(rotations, 358);
        for l in &scalar {
            assert!(!l.contains("rsp") && !l.contains("rdi,") && !l.starts_with("mov rdi"));
            assert!(
                ["add ", "xor ", "rorx ", "mov ", "lea "]
                    .iter()
                    .any(|m| l.starts_with(m)),
                "{l}"
            );
        }
        let pushes: Vec<&str> = hybrid
            .asm
            .lines()
            .filter(|l| l.starts_with("push r"))
            .collect();
        let pops: Vec<&str> = tail.lines().filter(|l| l.starts_with("pop ")).collect();
        assert_eq!(pushes.len(), SAVED.len() + 1);
        assert_eq!(pops.len(), SAVED.len());
        for r in SAVED {
            assert!(pushes.contains(&format!("push {r}").as_str()));
            assert!(pops.contains(&format!("pop {r}").as_str()));
        }
        assert!(hybrid.layout.contains("lanes: 5,"));
        assert!(hybrid.layout.contains("scalar_nonce_slot: Some("));
    }
}
