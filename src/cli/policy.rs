//! `attosign policy show|set`: the signing policy in the keystore (allowed destinations and
//! amount limits, per index or as the default for every index without rules of its own).

use super::args::{DestinationsChoice, PolicyCommand, PolicySetArgs};
use super::keys::{self, open_for_update};
use super::{Ctx, Failure, change};
use attosign::policy::{self, Destinations, Policy, Rules};
use attosign::protocol::Amount;
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

pub fn run(ctx: &mut Ctx, cmd: &PolicyCommand) -> Result<(), Failure> {
    match cmd {
        PolicyCommand::Show => show(ctx),
        PolicyCommand::Set(args) => set(ctx, args),
    }
}

/// `policy show --json`: `{"destinations":"any"|"book","maxPerTransaction":"12.5"|null,
/// "maxPerDay":"100"|null}`, limits in atto as decimal strings.
fn rules_json(rules: &Rules) -> Value {
    let limit = |a: Option<Amount>| a.map_or(Value::Null, |a| Value::from(a.to_atto_string()));
    json!({
        "destinations": rules.destinations.name(),
        "maxPerTransaction": limit(rules.max_per_transaction),
        "maxPerDay": limit(rules.max_per_day),
    })
}

/// `policy show --json`: `{"default":{…},"indexes":{"3":{…}}}`.
fn policy_json(policy: &Policy) -> Value {
    let indexes: Map<String, Value> = policy
        .indexes
        .iter()
        .map(|(index, rules)| (index.to_string(), rules_json(rules)))
        .collect();
    json!({ "default": rules_json(&policy.default), "indexes": indexes })
}

fn limit_text(limit: Option<Amount>) -> String {
    limit.map_or_else(|| "none".to_string(), |a| a.to_string())
}

fn show(ctx: &mut Ctx) -> Result<(), Failure> {
    let (_, keystore, _) = keys::open(ctx.global)?;
    let policy = keystore.policy();
    if ctx.global.json {
        ctx.data(&policy_json(policy).to_string());
        return Ok(());
    }
    let row = |who: &str, rules: &Rules| {
        format!(
            "{who:<14} {:<13} {:<40} {}",
            rules.destinations.name(),
            limit_text(rules.max_per_transaction),
            limit_text(rules.max_per_day)
        )
    };
    ctx.data(&format!(
        "{:<14} {:<13} {:<40} MAX PER DAY",
        "RULES", "DESTINATIONS", "MAX PER TRANSACTION"
    ));
    ctx.data(&row("default", &policy.default));
    for (index, rules) in &policy.indexes {
        ctx.data(&row(&format!("index {index}"), rules));
    }
    ctx.note(
        "The default governs every index without rules of its own, each index on its own (it \
         is not a cap shared between them). Daily limits count a rolling 24 hours of signing.",
    );
    Ok(())
}

/// What `policy set` was asked to change.
struct Changes {
    destinations: Option<Destinations>,
    max_per_transaction: Option<Option<Amount>>,
    max_per_day: Option<Option<Amount>>,
}

impl Changes {
    fn parse(args: &PolicySetArgs) -> Result<Changes, Failure> {
        let limit = |flag: &str, text: &Option<String>| {
            text.as_deref()
                .map(|t| {
                    policy::parse_limit(t.trim()).map_err(|e| {
                        Failure::usage(format!(
                            "--{flag}: {e}. Give an amount in atto like 12.5, or none"
                        ))
                    })
                })
                .transpose()
        };
        Ok(Changes {
            destinations: args.destinations.map(|d| match d {
                DestinationsChoice::Any => Destinations::Any,
                DestinationsChoice::Book => Destinations::Book,
            }),
            max_per_transaction: limit("max-per-transaction", &args.max_per_transaction)?,
            max_per_day: limit("max-per-day", &args.max_per_day)?,
        })
    }

    fn apply(&self, rules: &Rules) -> Rules {
        Rules {
            destinations: self.destinations.unwrap_or(rules.destinations),
            max_per_transaction: self
                .max_per_transaction
                .unwrap_or(rules.max_per_transaction),
            max_per_day: self.max_per_day.unwrap_or(rules.max_per_day),
        }
    }
}

/// The new policy, and the lines of the review that explain it.
fn plan(policy: &Policy, index: Option<u32>, reset: bool, changes: &Changes) -> (Policy, String) {
    let mut new = policy.clone();
    let mut review = String::new();
    match index {
        None => {
            review.push_str(
                "Change the default signing policy. It governs every index without rules of \
                 its own, each index on its own (not a cap shared between them).\n",
            );
            if !policy.indexes.is_empty() {
                let own: Vec<String> = policy.indexes.keys().map(u32::to_string).collect();
                let _ = writeln!(
                    review,
                    "Not affected: indexes {} (they have rules of their own).",
                    own.join(", ")
                );
            }
            new.default = changes.apply(&policy.default);
            diff(&mut review, &policy.default, &new.default);
        }
        Some(index) if reset => {
            if let Some(own) = policy.indexes.get(&index) {
                let _ = writeln!(
                    review,
                    "Remove the rules of index {index}; the default governs it again."
                );
                diff(&mut review, own, &policy.default);
            }
            new.indexes.remove(&index);
        }
        Some(index) => {
            let before = policy.rules_for(index);
            if policy.indexes.contains_key(&index) {
                let _ = writeln!(review, "Change the rules of index {index}.");
            } else {
                let _ = writeln!(
                    review,
                    "Give index {index} rules of its own, starting from the default that \
                     governs it now; later changes to the default will not affect it."
                );
            }
            let after = changes.apply(before);
            diff(&mut review, before, &after);
            new.indexes.insert(index, after);
        }
    }
    (new, review)
}

fn diff(review: &mut String, before: &Rules, after: &Rules) {
    let mut line = |name: &str, old: String, new: String| {
        if old == new {
            let _ = writeln!(review, "  {name:<20} {old} (unchanged)");
        } else {
            let _ = writeln!(review, "  {name:<20} {old} → {new}");
        }
    };
    line(
        "destinations",
        before.destinations.name().into(),
        after.destinations.name().into(),
    );
    line(
        "max per transaction",
        limit_text(before.max_per_transaction),
        limit_text(after.max_per_transaction),
    );
    line(
        "max per day",
        limit_text(before.max_per_day),
        limit_text(after.max_per_day),
    );
}

fn set(ctx: &mut Ctx, args: &PolicySetArgs) -> Result<(), Failure> {
    let changes = Changes::parse(args)?;
    change::require_answer(ctx)?;
    let opened = open_for_update(ctx.global)?;
    if let Some(index) = args.index {
        // Out of range, or not index 0 of a raw-key keystore: refused before any review.
        opened.keystore.entry(index).map_err(keys::failure)?;
    }
    let before = opened.keystore.policy().clone();
    let (after, mut review) = plan(&before, args.index, args.reset, &changes);
    let journal = change::journal(ctx, &opened)?;
    let unchanged = after == before;
    if unchanged {
        // Unless the journal recorded other rules (the keystore was put back from an older
        // copy): then this records the keystore's own as the ones to sign with.
        if !journal.rules_disagree(&opened) {
            ctx.note("The policy already says that; nothing to change.");
            return Ok(());
        }
        review.insert_str(
            0,
            "Record this keystore's address book and policy, unchanged, as the ones to sign \
             with:\n",
        );
    }
    change::review_and_confirm(ctx, &review)?;
    let detail = json!({
        "action": if args.reset { "reset" } else { "set" },
        "index": args.index,
        "before": policy_json(&before),
        "after": policy_json(&after),
    });
    change::write(ctx, opened, journal, "policy", detail, |keystore| {
        keystore.set_policy(after)?;
        Ok(())
    })?;
    ctx.note(if unchanged {
        "The book and policy are recorded as the ones to sign with."
    } else {
        "The policy is changed."
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn changes(
        destinations: Option<Destinations>,
        per_tx: Option<Option<u64>>,
        per_day: Option<Option<u64>>,
    ) -> Changes {
        Changes {
            destinations,
            max_per_transaction: per_tx.map(|l| l.map(Amount)),
            max_per_day: per_day.map(|l| l.map(Amount)),
        }
    }

    fn restricted() -> Policy {
        Policy {
            default: Rules {
                destinations: Destinations::Book,
                max_per_transaction: Some(Amount(10)),
                max_per_day: None,
            },
            indexes: BTreeMap::new(),
        }
    }

    #[test]
    fn an_index_starts_from_the_default_it_had() {
        // Setting one limit on an index must not loosen the others it inherited.
        let (new, review) = plan(
            &restricted(),
            Some(3),
            false,
            &changes(None, None, Some(Some(100))),
        );
        assert_eq!(
            new.indexes[&3],
            Rules {
                destinations: Destinations::Book,
                max_per_transaction: Some(Amount(10)),
                max_per_day: Some(Amount(100)),
            }
        );
        assert_eq!(new.default, restricted().default);
        assert!(
            review.contains("destinations         book (unchanged)"),
            "{review}"
        );
        assert!(
            review.contains("max per day          none → 0.0000001 atto"),
            "{review}"
        );
    }

    #[test]
    fn the_default_leaves_indexes_with_their_own_rules_alone() {
        let mut policy = restricted();
        policy.indexes.insert(5, Rules::default());
        let (new, review) = plan(&policy, None, false, &changes(None, Some(None), None));
        assert_eq!(new.default.max_per_transaction, None);
        assert_eq!(new.indexes[&5], Rules::default());
        assert!(review.contains("Not affected: indexes 5"), "{review}");
    }

    #[test]
    fn reset_removes_an_index_rules() {
        let mut policy = restricted();
        policy.indexes.insert(5, Rules::default());
        let (new, review) = plan(&policy, Some(5), true, &changes(None, None, None));
        assert!(new.indexes.is_empty());
        assert!(
            review.contains("destinations         any → book"),
            "{review}"
        );
        // Resetting an index without rules changes nothing.
        let (same, _) = plan(&restricted(), Some(5), true, &changes(None, None, None));
        assert_eq!(same, restricted());
    }

    #[test]
    fn show_json_has_the_documented_shape() {
        let mut policy = restricted();
        policy.default.max_per_transaction = Some(Amount(12_500_000_000));
        policy.indexes.insert(
            3,
            Rules {
                destinations: Destinations::Any,
                max_per_transaction: None,
                max_per_day: Some(Amount(1_000_000_000_000)),
            },
        );
        assert_eq!(
            policy_json(&policy).to_string(),
            r#"{"default":{"destinations":"book","maxPerTransaction":"12.5","maxPerDay":null},"indexes":{"3":{"destinations":"any","maxPerTransaction":null,"maxPerDay":"1000"}}}"#
        );
    }
}
