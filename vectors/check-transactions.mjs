// Checks transactions with the reference library, as an online machine would before
// publishing: each line of the input (a file, or stdin) is parsed with
// AttoTransaction.fromJson and checked with tx.validate() (signature, work, block rules,
// clock); a chain's links (height + 1, previous = the hash before) are checked across lines.
//
//   node check-transactions.mjs [FILE]      → one line per transaction; exit 1 if any fails
//
// Balances above 2^53 stay exact: the text goes to the reference's fromJson, never JSON.parse.
import fs from 'node:fs';
import * as A from '@attocash/commons-core';

const { AttoTransaction } = A;
const text = fs.readFileSync(process.argv[2] ?? 0, 'utf8');
const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
if (lines.length === 0) {
  console.error('no transactions in the input');
  process.exit(1);
}
let failed = 0;
let prev = null;
for (const [i, line] of lines.entries()) {
  let tx;
  try {
    tx = AttoTransaction.fromJson(line);
  } catch (e) {
    console.log(`${i + 1}: not a transaction the reference can read: ${e?.message ?? e}`);
    failed++;
    continue;
  }
  if (tx.toJson() !== line) {
    console.log(`${i + 1}: the reference writes this transaction differently`);
    failed++;
  }
  const error = (await tx.validate()).getError();
  const block = tx.block;
  let link = '';
  if (prev && prev.publicKey.toString() === block.publicKey.toString()) {
    const height = BigInt(block.height.toString());
    const linked = height === BigInt(prev.height.toString()) + 1n
      && block.previous?.toString() === prev.hash.toString();
    if (!linked) {
      link = ', but it does not follow the transaction before';
      failed++;
    }
  }
  if (error != null) failed++;
  console.log(`${i + 1}: ${block.type.name} ${block.hash} ${error == null ? 'valid' : `INVALID: ${error}`}${link}`);
  prev = block;
}
console.log(`${lines.length - failed} of ${lines.length} accepted by ${'@attocash/commons-core'}`);
process.exit(failed ? 1 : 0);
