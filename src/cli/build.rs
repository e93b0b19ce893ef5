//! `attosign build send|receive|open|change`: the unsigned block, from state files. Needs no
//! keystore and no passphrase; a summary goes to stderr, the block JSON to stdout.

use super::args::BuildCommand;
use super::{Ctx, Failure, describe, io, request, review};

pub fn run(ctx: &mut Ctx, cmd: &BuildCommand) -> Result<(), Failure> {
    let prepared = match cmd {
        BuildCommand::Send(args) => request::send(ctx, args)?,
        BuildCommand::Receive(args) => {
            super::prompt::stdin_once(&[
                ("--account", Some(&args.account)),
                ("--receivable", Some(&args.receivable)),
            ])?;
            request::receive(ctx, args)?
        }
        BuildCommand::Open(args) => request::open(ctx, args)?,
        BuildCommand::Change(args) => request::change(ctx, args)?,
    };
    if !ctx.global.quiet {
        io::to_stderr("Built (unsigned; sign it with attosign sign):");
        let lines = if prepared.is_run() {
            review::render_run(&prepared, None)
        } else {
            review::render(
                &prepared.review(),
                None,
                prepared.payment_request.as_deref(),
                describe::now_ms(),
            )
        };
        for line in lines {
            io::to_stderr(&io::sanitize(&line));
        }
    }
    ctx.data_lines(attosign::par::write_lines(
        &prepared.blocks,
        512,
        640,
        |block, s| {
            block.write_json(s);
            s.push('\n');
        },
    ));
    prepared.write_state(ctx)
}
