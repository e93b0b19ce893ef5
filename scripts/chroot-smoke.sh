#!/bin/sh
# Runs a release binary in an empty chroot: no shared libraries, no /dev, /proc or /etc, only
# the binary and the demo files. Shows that it is self-contained: it signs and works the demo
# RECEIVE, verifies it, creates a keystore (randomness from the getrandom syscall) and opens
# the demo keystore.
#
#   sudo scripts/chroot-smoke.sh dist/attosign-VERSION-TARGET
set -eu
bin=${1:?usage: chroot-smoke.sh BINARY}
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cp "$bin" "$root/attosign"
mkdir "$root/demo"
cp "$here"/examples/demo/* "$root/demo/"
printf 'chroot passphrase\n' >"$root/pw"
echo "in $root: $(ls "$root" | tr '\n' ' ')"
run() { chroot "$root" /attosign "$@"; }
run --version
run --keystore /demo/keystore.age --passphrase-file /demo/passphrase.txt --yes --quiet \
  receive --account /demo/account.json --receivable /demo/receivable.json >"$root/tx.json"
cat "$root/tx.json"
run verify /tx.json
run --keystore /new.age --passphrase-file /pw --quiet keys new --show-mnemonic \
  --work-factor 10 >/dev/null
run --keystore /new.age --passphrase-file /pw keys list --json
echo "the binary ran in an empty root: ok"
