//! `attosign completions` and `attosign man`: generated from the clap definition, and
//! byte-identical to what is checked in under completions/ and man/.

use super::args::{Cli, CompletionsArgs, ManArgs};
use super::{Ctx, Failure, io};
use clap::CommandFactory;
use std::path::Path;

/// The EXAMPLES section of attosign.1, written by hand: one paragraph per example, its first
/// line saying what it does, its second the command.
const EXAMPLES: &str = "\
Create a keystore at the terminal; the words are shown once for the paper backup:
    attosign keys new

Create a keystore for a scripted setup, keeping the words for the paper backup:
    attosign keys new --show-mnemonic --passphrase-file pass.txt > words.txt

Restore a keystore from the paper backup (words typed at a hidden prompt):
    attosign keys import

Check that the paper backup matches the keystore (exit 0 if it does, 1 if not):
    attosign keys check-backup

List the first 20 addresses for the online machine:
    attosign keys export-watch --count 20 --json --passphrase-file pass.txt > watch.json

Receive a payment: build, review, confirm, sign and work in one step:
    attosign receive --account account.json --receivable receivable.json > tx.json

Pay one address, with an intent so a retried script cannot pay twice:
    attosign send --account account.json --to atto://... --amount 12.5 --intent inv-1042 > tx.json

Pay a whole payout file as one chain, keeping the state for the next run:
    attosign send --account account.json --batch payouts.csv --state-out next.json > txs.ndjson

Build a payout chain unsigned, then sign it as one run after review:
    attosign build send --account account.json --batch payouts.csv > chain.ndjson && attosign sign chain.ndjson --account account.json

Show what was signed, for an auditor's script:
    attosign journal list --json

Hand a transaction over as QR codes, and read them back on the online machine:
    attosign qr tx.json --png tx.png && zbarimg --raw -q tx.png | attosign decode

Show an address's public key:
    attosign address atto://aabaeaqcaibaeaqcaibaeaqcaibaeaqcaibaeaqcaibaeaqcaibaevjhdj47s

Read a block or transaction the way a reviewer should see it:
    attosign inspect block.json

Check a transaction before publishing it (exit 3 if invalid):
    attosign verify tx.json

Add proof of work to a signed block:
    attosign work signed.json > tx.json

Find a nonce for a target, as the work server would:
    attosign work --target HEX --network live --timestamp 2026-11-21T12:00:00Z

Measure the proof-of-work hash rate:
    attosign bench --seconds 5

Check the binary carried across the air gap against the hash written down at the build:
    sha256sum attosign";

pub fn completions(ctx: &mut Ctx, args: &CompletionsArgs) -> Result<(), Failure> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "attosign", &mut buf);
    ctx.data_text(&String::from_utf8_lossy(&buf));
    Ok(())
}

pub fn man(ctx: &mut Ctx, args: &ManArgs) -> Result<(), Failure> {
    let pages = pages();
    match &args.out_dir {
        None => ctx.data_text(&pages[0].1),
        Some(dir) => write_pages(ctx, dir, &pages)?,
    }
    Ok(())
}

/// Every man page as (file name, roff): attosign.1, then one per subcommand.
fn pages() -> Vec<(String, String)> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let mut main = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut main).expect("writing to a Vec");
    man.render_name_section(&mut main)
        .expect("writing to a Vec");
    man.render_synopsis_section(&mut main)
        .expect("writing to a Vec");
    man.render_description_section(&mut main)
        .expect("writing to a Vec");
    man.render_options_section(&mut main)
        .expect("writing to a Vec");
    man.render_subcommands_section(&mut main)
        .expect("writing to a Vec");
    main.extend_from_slice(b".SH EXAMPLES\n");
    for example in EXAMPLES.split("\n\n") {
        let (what, command) = example.split_once('\n').unwrap_or((example, ""));
        main.extend_from_slice(format!(".TP\n{}\n.B {}\n", what, command.trim()).as_bytes());
    }
    man.render_version_section(&mut main)
        .expect("writing to a Vec");
    out.push((
        "attosign.1".to_string(),
        String::from_utf8_lossy(&main).into_owned(),
    ));
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<(String, String)>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("{prefix}-{}", sub.get_name());
            let page = sub.clone().name(name.clone());
            let mut buf = Vec::new();
            clap_mangen::Man::new(page)
                .render(&mut buf)
                .expect("writing to a Vec");
            out.push((
                format!("{name}.1"),
                String::from_utf8_lossy(&buf).into_owned(),
            ));
            walk(sub, &name, out);
        }
    }
    walk(&cmd, "attosign", &mut out);
    out
}

fn write_pages(ctx: &Ctx, dir: &Path, pages: &[(String, String)]) -> Result<(), Failure> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::input(format!("cannot create {}: {e}", dir.display())))?;
    // Every page's name first: a directory, FIFO or device there refuses before any page is
    // written (regression: a FIFO hung the command, a link to /dev/null took a page).
    for (name, _) in pages {
        let path = dir.join(name);
        if path.is_dir() || io::not_a_file(&path) {
            return Err(Failure::usage(format!(
                "cannot write {}: it is not a regular file (a directory, a FIFO, a device or a \
                 socket); no man page was written",
                io::sanitize(&path.display().to_string())
            )));
        }
    }
    for (name, roff) in pages {
        io::write_atomic(&dir.join(name), roff.as_bytes())?;
    }
    ctx.note(&format!(
        "wrote {} man pages to {}",
        pages.len(),
        dir.display()
    ));
    Ok(())
}
