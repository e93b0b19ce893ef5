//! Generates the scheduled AVX2 proof-of-work kernel from the folded compression
//! (`src/work/blake2b.rs`) with `src/work/avx2_gen.rs`: its loop as assembly and its frame
//! layout, in `OUT_DIR`.

use std::path::PathBuf;
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/work/blake2b.rs"]
mod blake2b;

#[path = "src/work/avx2_gen.rs"]
mod avx2_gen;

fn main() {
    println!("cargo::rerun-if-changed=src/work/blake2b.rs");
    println!("cargo::rerun-if-changed=src/work/avx2_gen.rs");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, hybrid, zmm, groups) in [
        ("avx2", false, false, 1),
        ("avx2_hybrid", true, false, 1),
        ("avx512", false, true, 1),
        ("avx512_hybrid", true, true, 1),
        ("avx512x2", false, true, 2),
        ("avx512x2_hybrid", true, true, 2),
    ] {
        let kernel = if zmm {
            avx2_gen::kernel_512(hybrid, groups)
        } else {
            avx2_gen::kernel(hybrid)
        };
        fs::write(out.join(format!("{name}_kernel.s")), &kernel.asm).expect("write the kernel");
        fs::write(out.join(format!("{name}_layout.rs")), &kernel.layout).expect("write the layout");
    }
}
