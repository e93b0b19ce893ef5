#!/bin/bash
# Payout-run benchmark (issue 8): a chain of N payouts built and signed without proof of
# work, by the reference library in Node and by attosign, in one run on one machine.
#
#   scripts/bench-payouts.sh [N]        (default 10000; needs node and vectors/node_modules)
#
# The reference side (vectors/bench-payouts.mjs) reads and parses the CSV, builds each SEND
# with attoAccountSend, signs it with signer.signBlock and writes {"block","signature"} per
# line to a file; its loop alone (build + sign + JSON, addresses already parsed) is timed
# too, as the stricter comparison. attosign does the same work the way an operator would:
# `build send --batch` of the same CSV, then `sign` of the NDJSON it printed (two processes;
# keystore with --work-factor 1, chain rules, journal appended and fsynced, review rendered).
# Both outputs must be byte-identical, or the run fails.
set -eu
N=${1:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${ATTOSIGN:-$here/target/release/attosign}
# Built (or found up to date) every time, so a stale binary is never measured.
[ -n "${ATTOSIGN:-}" ] || (cd "$here" && cargo build --release --locked --quiet)
[ -d "$here/vectors/node_modules" ] || (cd "$here/vectors" && npm ci --silent)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

rate() { echo "$N $1 $2" | awk '{ printf "%.0f", $1 / ($3 - $2) }'; }
secs() { echo "$1 $2" | awk '{ printf "%.3f", $2 - $1 }'; }

# The reference runs three times, before attosign's rounds 1, 3 and 5, so that a shared
# host's changing speed (both sides vary by a quarter from minute to minute on the VMs this
# was measured on) hits both alike; each side's median is reported. Each reference run
# writes the files the following rounds read (a fresh account state and timestamp) and the
# output they must match.
reference() {
  (cd "$here/vectors" && node bench-payouts.mjs "$dir" "$N") >>"$dir/references"
}
: >"$dir/references"
reference
printf 'bench passphrase\n' >"$dir/pw"
ks="$dir/keystore.age"
"$bin" --keystore "$ks" --passphrase-file "$dir/pw" keys import \
  --mnemonic-file "$dir/words" --work-factor 1 2>/dev/null
# First use records the journal in the keystore; do it outside the timed part, as an
# operator's keystore would already have its journal.
"$bin" --keystore "$ks" --passphrase-file "$dir/pw" --yes journal new 2>/dev/null

cp "$ks" "$dir/keystore.copy"
cp "$ks.journal" "$dir/journal.copy"
cp "$ks.journal.head" "$dir/journal-head.copy"
# Five rounds, each on the journal as it was before the first; the median round is reported.
: >"$dir/rounds"
for round in 1 2 3 4 5; do
  case $round in 3 | 5) reference ;; esac
  cp "$dir/keystore.copy" "$ks"
  cp "$dir/journal.copy" "$ks.journal"
  cp "$dir/journal-head.copy" "$ks.journal.head"
  timestamp=$(cat "$dir/timestamp")
  # bash's clock, read without starting a process inside the timed interval (a `date` and a
  # `cat` there added a few milliseconds to it).
  t0=${EPOCHREALTIME/,/.}
  "$bin" --keystore "$ks" --quiet build send --account "$dir/account.json" \
    --batch "$dir/payouts.csv" --raw --timestamp "$timestamp" >"$dir/chain.ndjson"
  t1=${EPOCHREALTIME/,/.}
  "$bin" --keystore "$ks" --passphrase-file "$dir/pw" --yes --quiet sign "$dir/chain.ndjson" \
    --account "$dir/account.json" --index 900 >"$dir/signed.ndjson"
  t2=${EPOCHREALTIME/,/.}
  cmp -s "$dir/signed.ndjson" "$dir/reference.ndjson" || {
    echo "attosign's signed chain differs from the reference's" >&2
    exit 1
  }
  echo "$(secs "$t0" "$t2") $t0 $t1 $t2" >>"$dir/rounds"
done
set -- $(sort -n "$dir/rounds" | sed -n 3p)
t0=$2 t1=$3 t2=$4
# The median of the reference's three runs, of each figure.
field() { sed "s/.*\"$1\":\([0-9.]*\).*/\1/" "$dir/references" | sort -n | sed -n 2p; }
all() { sed "s/.*\"$1\":\([0-9.]*\).*/\1/" "$dir/references" | awk '{ printf "%.3f ", $1 }'; }
ref_rate=$(field rate)
ref_secs=$(field seconds)
loop_rate=$(field loopRate)
loop_secs=$(field loopSeconds)
ours=$(rate "$t0" "$t2")
echo "payouts:            $N (LOCAL, no proof of work; outputs byte-identical)"
echo "reference (Node):   $(printf '%.3f' "$ref_secs") s, $(printf '%.0f' "$ref_rate") tx/s (CSV read and parsed, build + sign + JSON, file written; median of 3: $(all seconds))"
echo "reference loop:     $(printf '%.3f' "$loop_secs") s, $(printf '%.0f' "$loop_rate") tx/s (build + sign + JSON only, addresses parsed before; median of 3: $(all loopSeconds))"
echo "attosign build:     $(secs "$t0" "$t1") s"
echo "attosign sign:      $(secs "$t1" "$t2") s (keystore, chain rules, journal fsync, review)"
echo "attosign total:     $(secs "$t0" "$t2") s, $ours tx/s (two processes, files in and out; median of 5: $(sort -n "$dir/rounds" | cut -d' ' -f1 | tr '\n' ' '))"
echo "ratio:              $(echo "$ours $ref_rate" | awk '{ printf "%.1f", $1 / $2 }')x the reference's run, $(echo "$ours $loop_rate" | awk '{ printf "%.1f", $1 / $2 }')x its loop alone"
echo "journal:            $(wc -c <"$ks.journal") bytes, $(wc -l <"$ks.journal") lines"
