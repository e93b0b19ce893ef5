//! The signing policy: an address book and per-account limits, kept inside the encrypted
//! keystore so that only the passphrase (or identity) on the air-gapped machine can change them.
//!
//! This module holds the types, the parsers for their command-line and document forms, and
//! [`check`], a pure function over one run's payments. The pipeline calls it after the key is
//! found and before the operator is asked to confirm; it knows nothing of files or terminals.

use crate::protocol::{Amount, PublicKey};
use std::collections::BTreeMap;
use std::fmt;
use thiserror::Error;

/// One address-book entry: a destination the operators know, and what they call it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookEntry {
    pub address: PublicKey,
    pub label: String,
}

/// Which receivers a SEND may pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Destinations {
    /// Any address (attosign's behaviour without a policy).
    #[default]
    Any,
    /// Only addresses in the address book.
    Book,
}

impl Destinations {
    /// The name used on the command line and in documents: `any` or `book`.
    pub fn name(self) -> &'static str {
        match self {
            Destinations::Any => "any",
            Destinations::Book => "book",
        }
    }

    /// Parses `any` or `book` (exactly, lower case: these are also document values).
    pub fn parse(text: &str) -> Result<Destinations, ParseError> {
        match text {
            "any" => Ok(Destinations::Any),
            "book" => Ok(Destinations::Book),
            _ => Err(ParseError::Destinations(text.to_string())),
        }
    }
}

impl fmt::Display for Destinations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The rules for one account index (or the default for every index without its own).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rules {
    pub destinations: Destinations,
    /// The most one SEND may move; None for no limit.
    pub max_per_transaction: Option<Amount>,
    /// The most the account may send in any rolling 24 hours of signing time; None for no limit.
    pub max_per_day: Option<Amount>,
}

impl Rules {
    /// Whether these rules restrict nothing (attosign's behaviour without a policy).
    pub fn is_unrestricted(&self) -> bool {
        *self == Rules::default()
    }
}

/// The whole policy: a default, and rules of their own for some indexes.
///
/// An index with its own rules is governed by them alone; the default does not add to them.
/// The default is a rule each index obeys on its own, not a cap shared between indexes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Policy {
    pub default: Rules,
    pub indexes: BTreeMap<u32, Rules>,
}

impl Policy {
    /// The rules that govern an index: its own, else the default.
    pub fn rules_for(&self, index: u32) -> &Rules {
        self.indexes.get(&index).unwrap_or(&self.default)
    }

    /// Whether this policy restricts nothing anywhere.
    pub fn is_unrestricted(&self) -> bool {
        self.default.is_unrestricted() && self.indexes.values().all(Rules::is_unrestricted)
    }
}

/// A label as labels are compared: what it looks like, whatever its case. Unicode's full case
/// folding, so that `Straße` and `STRASSE`, or `ΟΔΟΣ` and `οδοσ`, are one label (lower case
/// alone keeps `ß` and a final `ς` apart from `ss` and `σ`: regression, each pair was two
/// labels); and the confusable skeleton of Unicode's UTS #39 (both orders, below), so that
/// letters of other scripts or forms that look like these (a Greek `Ρ` or a full-width `Ｐ`
/// for `P`, a Cyrillic `а` for `a`, `rn` for `m`, `1` for `l`, the Turkish `ı` for `i`) are
/// the same label too (regression: `Payroll`, `Ρayroll` and `Pаyroll` named three addresses).
fn comparable(label: &str) -> [String; 3] {
    use unicode_security::confusable_detection::skeleton;
    let fold = |text: &str| unicase::UniCase::new(text).to_folded_case();
    let look = |text: &str| skeleton(text).collect::<String>();
    // Three forms, as no one order of folding and skeleton finds every pair: folded first,
    // `ΟΔΟΣ` is `οδοσ` and `SILA` is `Sıla` (a capital's skeleton need not be its small
    // letter's); the skeleton first, `PayroII` (capital I's) is `Payroll` (folded, `I` would
    // be an `i`); upper case first, `BlNANCE` is `Binance` (it reads as `BINANCE`; the price:
    // `Bill` and `Bili` are one label too). Each again after the other, which can map to
    // capitals (`0` to `O`).
    [
        look(&fold(&look(&fold(label)))),
        fold(&look(&fold(&look(label)))),
        fold(&look(&fold(&look(&label.to_uppercase())))),
    ]
}

/// Another address of `book` whose label looks like `label` (see [`comparable`]): a label
/// names one address, so that a review's "(\"Alice\")" says who is paid.
pub fn label_taken_by(book: &[BookEntry], address: &PublicKey, label: &str) -> Option<PublicKey> {
    let wanted = comparable(label);
    book.iter()
        .find(|entry| {
            entry.address != *address
                && comparable(&entry.label)
                    .iter()
                    .zip(&wanted)
                    .any(|(form, wanted)| form == wanted)
        })
        .map(|entry| entry.address)
}

/// `book` with `changes` applied (a new label for an address in it, or a new entry), and each
/// change's label before (None for a new entry).
pub fn with_labels(
    book: &[BookEntry],
    changes: &[(PublicKey, &str)],
) -> (Vec<BookEntry>, Vec<Option<String>>) {
    let mut after = book.to_vec();
    let previous = changes
        .iter()
        .map(
            |&(address, label)| match after.iter_mut().find(|e| e.address == address) {
                Some(entry) => Some(std::mem::replace(&mut entry.label, label.to_string())),
                None => {
                    after.push(BookEntry {
                        address,
                        label: label.to_string(),
                    });
                    None
                }
            },
        )
        .collect();
    (after, previous)
}

/// The changes (by position) whose new label another address of `after` (the book with them
/// applied, [`with_labels`]) has too: a label names one address. Unchanged labels are not
/// checked, so a book kept from before this rule stays usable.
pub fn label_clashes(
    after: &[BookEntry],
    changes: &[(PublicKey, &str)],
    previous: &[Option<String>],
) -> Vec<(usize, PublicKey)> {
    // Each label's comparable form once (a whole book imported into a full one is 5,000
    // changes against 5,000 entries): the addresses under each, in the book's order.
    let mut by_look: [std::collections::HashMap<String, Vec<PublicKey>>; 3] = Default::default();
    for entry in after {
        for (map, key) in by_look.iter_mut().zip(comparable(&entry.label)) {
            map.entry(key).or_default().push(entry.address);
        }
    }
    changes
        .iter()
        .zip(previous)
        .enumerate()
        .filter(|(_, ((_, label), before))| before.as_deref() != Some(*label))
        .filter_map(|(i, ((address, label), _))| {
            by_look
                .iter()
                .zip(comparable(label))
                .filter_map(|(map, key)| map.get(&key))
                .flatten()
                .find(|other| *other != address)
                .map(|other| (i, *other))
        })
        .collect()
}

/// The label of an address in the book, if it has one.
pub fn book_label<'a>(book: &'a [BookEntry], address: &PublicKey) -> Option<&'a str> {
    book.iter()
        .find(|entry| entry.address == *address)
        .map(|entry| entry.label.as_str())
}

/// A limit as the command line gives it: an amount in atto (as `--amount` takes it), or
/// `none` for no limit.
pub fn parse_limit(text: &str) -> Result<Option<Amount>, ParseError> {
    if text == "none" {
        return Ok(None);
    }
    Amount::parse_atto(text)
        .map(Some)
        .map_err(|e| ParseError::Limit {
            text: text.to_string(),
            reason: e.to_string(),
        })
}

/// A limit as the keystore document stores it: raw units as a decimal string.
pub fn parse_raw_limit(text: &str) -> Result<Amount, ParseError> {
    Amount::parse_raw(text).map_err(|e| ParseError::Limit {
        text: text.to_string(),
        reason: e.to_string(),
    })
}

/// A value of the policy that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseError {
    #[error("destinations {0:?} is neither \"any\" nor \"book\"")]
    Destinations(String),
    #[error("limit {text:?} is neither an amount nor \"none\": {reason}")]
    Limit { text: String, reason: String },
}

/// One SEND about to be signed, as the pipeline sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// The line of the batch file it comes from (None for a one-step command or `sign`).
    pub line: Option<u64>,
    /// The keystore index of the paying account.
    pub index: u32,
    pub receiver: PublicKey,
    pub amount: Amount,
}

/// Why the policy refuses a run. Each variant names the payment, the rule and the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PolicyViolation {
    #[error(
        "{}: the receiver {} is not in the address book, and the policy of index {index} \
         allows only address-book destinations",
        Which(*line),
        receiver.address()
    )]
    NotInBook {
        line: Option<u64>,
        index: u32,
        receiver: PublicKey,
    },
    #[error(
        "{}: {amount} is above index {index}'s limit of {limit} per transaction",
        Which(*line)
    )]
    OverPerTransaction {
        line: Option<u64>,
        index: u32,
        amount: Amount,
        limit: Amount,
    },
    #[error(
        "{}: it brings what index {index} signed in the last 24 hours to {}, above its limit \
         of {limit} per day ({} signed before this run)",
        Which(*line),
        Raw(*total),
        Raw(*signed_before)
    )]
    OverPerDay {
        line: Option<u64>,
        index: u32,
        /// Signed before this run, plus this run's payments up to and including this one.
        total: u128,
        limit: Amount,
        signed_before: u128,
    },
}

impl PolicyViolation {
    /// The batch line of the refused payment (None for a one-step command or `sign`).
    pub fn line(&self) -> Option<u64> {
        match self {
            PolicyViolation::NotInBook { line, .. }
            | PolicyViolation::OverPerTransaction { line, .. }
            | PolicyViolation::OverPerDay { line, .. } => *line,
        }
    }
}

/// "line 7" or "the payment", for messages.
struct Which(Option<u64>);

impl fmt::Display for Which {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, "line {line}"),
            None => f.write_str("the payment"),
        }
    }
}

/// A raw total that may exceed one amount (sums of many), shown like [`Amount`]'s Display.
struct Raw(u128);

impl fmt::Display for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const RAW_PER_ATTO: u128 = 1_000_000_000;
        let (whole, frac) = (self.0 / RAW_PER_ATTO, self.0 % RAW_PER_ATTO);
        if frac == 0 {
            write!(f, "{whole} atto ({} raw)", self.0)
        } else {
            let frac = format!("{frac:09}");
            write!(
                f,
                "{whole}.{} atto ({} raw)",
                frac.trim_end_matches('0'),
                self.0
            )
        }
    }
}

/// Checks a whole run and returns the first violation, in payment order.
///
/// `signed_last_24h` is the raw total the paying account already signed in the rolling 24
/// hours before this run (the pipeline computes it from the journal, replays excluded). A run
/// signs for one account; each index's daily total starts from `signed_last_24h` and grows
/// with the run's earlier payments, so a run that crosses the limit part-way is refused.
pub fn check(
    policy: &Policy,
    book: &[BookEntry],
    payments: &[Payment],
    signed_last_24h: u128,
) -> Result<(), PolicyViolation> {
    match violations(policy, book, payments, signed_last_24h)
        .into_iter()
        .next()
    {
        Some(first) => Err(first),
        None => Ok(()),
    }
}

/// Every violation of a run, in payment order, so a batch file can be fixed in one pass.
/// Each payment is named at most once (by the first rule it breaks: book, then per
/// transaction, then per day), and each index's daily limit only at the first payment that
/// crosses it (every later one crosses it too).
pub fn violations(
    policy: &Policy,
    book: &[BookEntry],
    payments: &[Payment],
    signed_last_24h: u128,
) -> Vec<PolicyViolation> {
    let mut found = Vec::new();
    let mut totals: BTreeMap<u32, u128> = BTreeMap::new();
    let mut over_day: Vec<u32> = Vec::new();
    for payment in payments {
        let rules = policy.rules_for(payment.index);
        let total = totals.entry(payment.index).or_insert(signed_last_24h);
        *total += u128::from(payment.amount.raw());
        if rules.destinations == Destinations::Book && book_label(book, &payment.receiver).is_none()
        {
            found.push(PolicyViolation::NotInBook {
                line: payment.line,
                index: payment.index,
                receiver: payment.receiver,
            });
            continue;
        }
        if let Some(limit) = rules.max_per_transaction
            && payment.amount > limit
        {
            found.push(PolicyViolation::OverPerTransaction {
                line: payment.line,
                index: payment.index,
                amount: payment.amount,
                limit,
            });
            continue;
        }
        if let Some(limit) = rules.max_per_day
            && *total > u128::from(limit.raw())
            && !over_day.contains(&payment.index)
        {
            over_day.push(payment.index);
            found.push(PolicyViolation::OverPerDay {
                line: payment.line,
                index: payment.index,
                total: *total,
                limit,
                signed_before: signed_last_24h,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(n: u8) -> PublicKey {
        PublicKey([n; 32])
    }

    fn pay(line: u64, receiver: u8, raw: u64) -> Payment {
        Payment {
            line: Some(line),
            index: 0,
            receiver: key(receiver),
            amount: Amount(raw),
        }
    }

    fn book(keys: &[u8]) -> Vec<BookEntry> {
        keys.iter()
            .map(|&n| BookEntry {
                address: key(n),
                label: format!("entry {n}"),
            })
            .collect()
    }

    /// Regression: `Straße` and `STRASSE`, `ΟΔΟΣ` and `οδοσ` (each pair the same label in
    /// another case) were taken for two labels; so were `Payroll`, `Ρayroll` (a Greek capital
    /// Rho) and `Pаyroll` (a Cyrillic `а`), which a review showed alike for three addresses.
    #[test]
    fn labels_are_compared_by_what_they_look_like_whatever_their_case() {
        for (taken, wanted) in [
            ("Straße", "STRASSE"),
            ("ΟΔΟΣ", "οδοσ"),
            ("Cold Vault", "cold vault"),
            ("İstanbul", "i̇stanbul"),
            ("Payroll", "Ρayroll"),
            ("Payroll", "Pаyroll"),
            ("Payroll", "Ｐayroll"),
            ("payroll", "ΡAYROLL"),
            ("Burn wallet", "Bum wallet"),
            ("Wallet l", "Wallet 1"),
            ("Sıla", "Sila"),
            ("Sıla", "SILA"),
            ("Payroll", "PayroII"),
            ("Ivan", "lvan"),
            ("Hot", "H0t"),
            ("Binance", "BlNANCE"),
            ("Gemini", "GEMlNl"),
            ("Bitfinex Wallet", "BITFINEX WaIIet"),
            ("Bill", "Bili"),
        ] {
            let book = [BookEntry {
                address: key(1),
                label: taken.into(),
            }];
            assert_eq!(
                label_taken_by(&book, &key(2), wanted),
                Some(key(1)),
                "{taken} / {wanted}"
            );
            assert_eq!(
                label_taken_by(&book, &key(1), wanted),
                None,
                "its own label"
            );
        }
        for (taken, other) in [
            ("Strasse 1", "Strasse 2"),
            ("Alice", "Alicia"),
            ("Bob", "Rob"),
            ("Νίκος", "Νίκας"),
            ("Саша", "Маша"),
            ("Wallet 1", "Wallet 10"),
            ("Ivan", "Iva"),
            ("Lisa", "Liza"),
            ("Mill", "Will"),
            ("Lila", "Lili"),
        ] {
            let book = [BookEntry {
                address: key(1),
                label: taken.into(),
            }];
            assert_eq!(
                label_taken_by(&book, &key(2), other),
                None,
                "{taken} / {other}"
            );
        }
    }

    fn rules(destinations: Destinations, per_tx: Option<u64>, per_day: Option<u64>) -> Rules {
        Rules {
            destinations,
            max_per_transaction: per_tx.map(Amount),
            max_per_day: per_day.map(Amount),
        }
    }

    fn only_default(rules: Rules) -> Policy {
        Policy {
            default: rules,
            indexes: BTreeMap::new(),
        }
    }

    #[test]
    fn no_policy_allows_everything() {
        let payments = [pay(1, 1, u64::MAX), pay(2, 2, u64::MAX)];
        assert_eq!(
            check(&Policy::default(), &[], &payments, u128::MAX / 2),
            Ok(())
        );
        assert!(Policy::default().is_unrestricted());
    }

    #[test]
    fn book_destinations_refuse_an_unknown_receiver() {
        // Must show: a payment to an address outside the book under `destinations: book`.
        let policy = only_default(rules(Destinations::Book, None, None));
        let err = check(&policy, &book(&[1, 2]), &[pay(1, 1, 5), pay(2, 3, 5)], 0).unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::NotInBook {
                line: Some(2),
                index: 0,
                receiver: key(3)
            }
        );
        let message = err.to_string();
        assert!(
            message.starts_with("line 2: the receiver atto://"),
            "{message}"
        );
        assert!(message.contains("not in the address book"), "{message}");
        // Under `any`, the same run passes.
        let any = only_default(rules(Destinations::Any, None, None));
        assert_eq!(
            check(&any, &book(&[1, 2]), &[pay(1, 1, 5), pay(2, 3, 5)], 0),
            Ok(())
        );
    }

    #[test]
    fn a_fifty_line_batch_names_its_one_bad_line() {
        // Must show: a 50-line batch with one bad line; the refusal names that line.
        let policy = only_default(rules(Destinations::Book, Some(1_000), None));
        let payments: Vec<Payment> = (1..=50)
            .map(|line| pay(line, if line == 37 { 9 } else { 1 }, 10))
            .collect();
        let err = check(&policy, &book(&[1]), &payments, 0).unwrap_err();
        assert_eq!(err.line(), Some(37));
        assert_eq!(violations(&policy, &book(&[1]), &payments, 0).len(), 1);
    }

    #[test]
    fn per_transaction_limit_is_inclusive() {
        let policy = only_default(rules(Destinations::Any, Some(100), None));
        assert_eq!(check(&policy, &[], &[pay(1, 1, 100)], 0), Ok(()));
        let err = check(&policy, &[], &[pay(1, 1, 100), pay(2, 1, 101)], 0).unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::OverPerTransaction {
                line: Some(2),
                index: 0,
                amount: Amount(101),
                limit: Amount(100)
            }
        );
        assert_eq!(
            err.to_string(),
            "line 2: 0.000000101 atto (101 raw) is above index 0's limit of 0.0000001 atto \
             (100 raw) per transaction"
        );
    }

    #[test]
    fn daily_limit_across_three_runs() {
        // Must show: the daily limit reached across three separate runs. Each run passes the
        // journal's total of earlier runs in; the third crosses 10 atto.
        let atto = 1_000_000_000u64;
        let policy = only_default(rules(Destinations::Any, None, Some(10 * atto)));
        let mut signed = 0u128;
        for run in 1..=2 {
            let payments = [pay(1, 1, 4 * atto)];
            assert_eq!(check(&policy, &[], &payments, signed), Ok(()), "run {run}");
            signed += u128::from(4 * atto);
        }
        let err = check(&policy, &[], &[pay(1, 1, 4 * atto)], signed).unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::OverPerDay {
                line: Some(1),
                index: 0,
                total: u128::from(12 * atto),
                limit: Amount(10 * atto),
                signed_before: u128::from(8 * atto)
            }
        );
        assert_eq!(
            err.to_string(),
            "line 1: it brings what index 0 signed in the last 24 hours to 12 atto \
             (12000000000 raw), above its limit of 10 atto (10000000000 raw) per day \
             (8 atto (8000000000 raw) signed before this run)"
        );
        // Exactly reaching the limit is allowed.
        assert_eq!(check(&policy, &[], &[pay(1, 1, 2 * atto)], signed), Ok(()));
    }

    #[test]
    fn daily_limit_counts_earlier_payments_of_the_run() {
        let policy = only_default(rules(Destinations::Any, None, Some(100)));
        let payments = [pay(1, 1, 40), pay(2, 1, 40), pay(3, 1, 40), pay(4, 1, 40)];
        let all = violations(&policy, &[], &payments, 0);
        // Named once, at the payment that crosses it.
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].line(), Some(3));
    }

    #[test]
    fn index_rules_replace_the_default() {
        let mut policy = only_default(rules(Destinations::Book, Some(10), None));
        policy
            .indexes
            .insert(3, rules(Destinations::Any, Some(1_000), None));
        let at = |index: u32, raw: u64| Payment {
            line: None,
            index,
            receiver: key(7),
            amount: Amount(raw),
        };
        assert_eq!(check(&policy, &[], &[at(3, 500)], 0), Ok(()));
        assert!(matches!(
            check(&policy, &[], &[at(0, 5)], 0),
            Err(PolicyViolation::NotInBook { index: 0, .. })
        ));
        let err = check(&policy, &[], &[at(3, 1_001)], 0).unwrap_err();
        assert!(err.to_string().starts_with("the payment: "), "{err}");
        assert_eq!(policy.rules_for(3).max_per_transaction, Some(Amount(1_000)));
        assert_eq!(policy.rules_for(4), &policy.default);
    }

    #[test]
    fn parses_command_line_values() {
        assert_eq!(parse_limit("none"), Ok(None));
        assert_eq!(parse_limit("12.5"), Ok(Some(Amount(12_500_000_000))));
        assert_eq!(parse_limit("0"), Ok(Some(Amount(0))));
        for bad in ["", "None", "-1", "1.0000000001", "1e3", "18000000001"] {
            assert!(parse_limit(bad).is_err(), "accepted {bad:?}");
        }
        assert_eq!(Destinations::parse("book"), Ok(Destinations::Book));
        assert_eq!(Destinations::parse("any"), Ok(Destinations::Any));
        assert!(Destinations::parse("Book").is_err());
        assert_eq!(parse_raw_limit("12500000000"), Ok(Amount(12_500_000_000)));
        assert!(parse_raw_limit("12.5").is_err());
    }

    fn arb_rules() -> impl Strategy<Value = Rules> {
        (
            any::<bool>(),
            proptest::option::of(0u64..2_000),
            proptest::option::of(0u64..20_000),
        )
            .prop_map(|(book, per_tx, per_day)| {
                rules(
                    if book {
                        Destinations::Book
                    } else {
                        Destinations::Any
                    },
                    per_tx,
                    per_day,
                )
            })
    }

    /// The rule, restated as simply as possible: what `check` must agree with.
    fn allowed_by_model(
        policy: &Policy,
        book: &[BookEntry],
        payments: &[Payment],
        before: u128,
    ) -> bool {
        payments.iter().enumerate().all(|(i, p)| {
            let rules = policy.rules_for(p.index);
            let so_far: u128 = payments[..=i]
                .iter()
                .filter(|q| q.index == p.index)
                .map(|q| u128::from(q.amount.raw()))
                .sum();
            (rules.destinations == Destinations::Any
                || book.iter().any(|e| e.address == p.receiver))
                && rules.max_per_transaction.is_none_or(|l| p.amount <= l)
                && rules
                    .max_per_day
                    .is_none_or(|l| before + so_far <= u128::from(l.raw()))
        })
    }

    proptest! {
        #[test]
        fn check_agrees_with_the_model(
            default in arb_rules(),
            own in proptest::collection::btree_map(0u32..3, arb_rules(), 0..3),
            in_book in proptest::collection::vec(0u8..6, 0..4),
            payments in proptest::collection::vec((0u32..3, 0u8..6, 0u64..2_500), 0..12),
            before in 0u128..20_000,
        ) {
            let policy = Policy { default, indexes: own };
            let book = book(&in_book);
            let payments: Vec<Payment> = payments
                .into_iter()
                .enumerate()
                .map(|(i, (index, receiver, raw))| Payment {
                    line: Some(i as u64 + 1),
                    index,
                    receiver: key(receiver),
                    amount: Amount(raw),
                })
                .collect();
            let result = check(&policy, &book, &payments, before);
            prop_assert_eq!(result.is_ok(), allowed_by_model(&policy, &book, &payments, before));
            // The first violation is the first payment the model refuses.
            if let Err(violation) = result {
                let first_bad = (0..payments.len())
                    .find(|&n| !allowed_by_model(&policy, &book, &payments[..=n], before))
                    .expect("some payment is refused");
                prop_assert_eq!(violation.line(), payments[first_bad].line);
            }
        }

        #[test]
        fn daily_boundary_is_exact(limit in 0u64..=Amount::MAX.raw(), before in 0u64..=Amount::MAX.raw()) {
            let policy = only_default(rules(Destinations::Any, None, Some(limit)));
            let before = u128::from(before.min(limit));
            let room = u64::try_from(u128::from(limit) - before).unwrap();
            prop_assert_eq!(check(&policy, &[], &[pay(1, 1, room)], before), Ok(()));
            if room < u64::MAX {
                let over = check(&policy, &[], &[pay(1, 1, room + 1)], before);
                prop_assert!(
                    matches!(
                        over,
                        Err(PolicyViolation::OverPerDay { total, .. })
                            if total == u128::from(limit) + 1
                    ),
                    "{:?}",
                    over
                );
            }
        }

        #[test]
        fn per_transaction_boundary_is_exact(limit in 0u64..=Amount::MAX.raw()) {
            let policy = only_default(rules(Destinations::Any, Some(limit), None));
            prop_assert_eq!(check(&policy, &[], &[pay(1, 1, limit)], 0), Ok(()));
            prop_assert!(check(&policy, &[], &[pay(1, 1, limit + 1)], 0).is_err());
        }

        #[test]
        fn limits_round_trip_through_atto_text(raw in 0u64..=Amount::MAX.raw()) {
            let amount = Amount(raw);
            prop_assert_eq!(parse_limit(&amount.to_atto_string()), Ok(Some(amount)));
            prop_assert_eq!(parse_raw_limit(&raw.to_string()), Ok(amount));
        }

        #[test]
        fn totals_never_overflow(n in 1usize..200, before in any::<u64>()) {
            // u128 totals: even 200 payments of the whole supply on top of a huge history fit.
            let policy = only_default(rules(Destinations::Any, None, Some(Amount::MAX.raw())));
            let payments: Vec<Payment> = (0..n).map(|i| pay(i as u64 + 1, 1, Amount::MAX.raw())).collect();
            let result = check(&policy, &[], &payments, u128::from(before));
            prop_assert_eq!(result.is_ok(), n == 1 && before == 0);
        }
    }
}
