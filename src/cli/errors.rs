//! The one table from library errors to what the operator reads, the exit status and the
//! `--json` code (DESIGN.md §3; the codes are listed in the README).

use super::{Failure, Status, io};
use attosign::builder::{BuildError, LedgerError, PaymentError, WorkJobError};

impl From<LedgerError> for Failure {
    fn from(e: LedgerError) -> Failure {
        Failure::new(
            Status::Error,
            "ledger-rule",
            format!(
                "ledger rule \"{}\": {}",
                e.rule(),
                io::sanitize(&e.to_string())
            ),
        )
    }
}

impl From<BuildError> for Failure {
    fn from(e: BuildError) -> Failure {
        match e {
            BuildError::Ledger(l) => l.into(),
            BuildError::NoNetwork | BuildError::NetworkDisagrees { .. } => {
                Failure::usage(e.to_string())
            }
            other => Failure::new(Status::Error, "ledger-rule", other.to_string()),
        }
    }
}

impl From<WorkJobError> for Failure {
    fn from(e: WorkJobError) -> Failure {
        Failure::input(e.to_string())
    }
}

/// A `--to` value that is not an address or payment request is a malformed argument.
pub fn destination(flag: &str, e: PaymentError) -> Failure {
    Failure::usage(format!("{flag}: {e}"))
}
