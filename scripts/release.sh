#!/usr/bin/env bash
# Builds the release binary of attosign: static (no shared library but the kernel's, so it runs
# on a host with no Rust and no libc of its own) and reproducible (two clean builds of the same
# commit with the same toolchain give byte-identical files, whatever directory they ran in).
#
#   scripts/release.sh            → dist/attosign-VERSION-TARGET and dist/SHA256SUMS
#
# The README ("Release builds and verifying the binary") says how to check the sha256 on both
# sides of the air gap.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)

target=${ATTOSIGN_TARGET:-x86_64-unknown-linux-gnu}
cargo_home=$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd -P)
rustup_home=$(cd "${RUSTUP_HOME:-$HOME/.rustup}" 2>/dev/null && pwd -P || echo /nonexistent)

# Nothing in the binary may depend on where or when it was built:
# - paths of the source, the crate registry and the toolchain are rewritten to fixed names
#   (they appear in panic messages and debug info);
# - no incremental state, one codegen unit (Cargo.toml's release profile), so the compiler's
#   output does not depend on a previous build;
# - SOURCE_DATE_EPOCH is the commit's time, for any tool that would stamp a date (attosign
#   embeds none; the version comes from Cargo.toml).
# crt-static links glibc statically (static-pie). --target is explicit so that these flags reach
# only attosign and its dependencies, not build scripts and proc-macros, which run on the
# build host and cannot be static.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export CARGO_INCREMENTAL=0
# getrandom's default Linux backend looks the getrandom(2) wrapper up with dlsym, which a static
# binary cannot do, and then falls back to /dev/urandom: a host (or chroot) without /dev
# would have no randomness. This backend calls getrandom(2) directly (Linux 3.17 and later).
export RUSTFLAGS="-C target-feature=+crt-static \
--cfg getrandom_backend=\"linux_getrandom\" \
--remap-path-prefix=$root=/attosign \
--remap-path-prefix=$cargo_home=/cargo \
--remap-path-prefix=$rustup_home=/rustup"
# The C of AWS-LC (aws-lc-sys, the Ed25519 signer) names its source files in the binary
# (__FILE__): the same remapping for them.
export CFLAGS="-ffile-prefix-map=$root=/attosign -ffile-prefix-map=$cargo_home=/cargo"
unset CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS RUSTC_WRAPPER CC CXX CXXFLAGS \
    CFLAGS_x86_64_unknown_linux_gnu TARGET_CFLAGS

cargo build --locked --release --target "$target" --bin attosign

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
built="target/$target/release/attosign"
mkdir -p dist
out="dist/attosign-$version-$target"
cp "$built" "$out"

# A static binary has no program interpreter and needs no shared library.
if command -v readelf >/dev/null; then
    if readelf --program-headers "$out" | grep -q INTERP || readelf --dynamic "$out" | grep -q NEEDED; then
        echo "error: $out is not static" >&2
        exit 1
    fi
fi

(cd dist && sha256sum "$(basename "$out")" > SHA256SUMS)
echo "toolchain: $(rustc --version)" >&2
cat dist/SHA256SUMS
