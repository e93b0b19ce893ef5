//! What a block or transaction says, as ordered (field, value) pairs shared by `inspect`'s
//! human and JSON output, so the two can never disagree.

use attosign::protocol::{Block, BlockBody, Document, PublicKey, threshold};

/// One line of a description.
pub struct Field {
    pub key: &'static str,
    pub value: Value,
}

pub enum Value {
    Text(String),
    /// Shown as a number to people and as a decimal string in JSON (u64s must not be rounded).
    Number(String),
    Bool(bool),
    List(Vec<String>),
}

fn text(key: &'static str, value: impl Into<String>) -> Field {
    Field {
        key,
        value: Value::Text(value.into()),
    }
}

fn number(key: &'static str, value: impl ToString) -> Field {
    Field {
        key,
        value: Value::Number(value.to_string()),
    }
}

pub fn rfc3339(ms: i64) -> String {
    let nanos = i128::from(ms) * 1_000_000;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| "out of range".into())
}

fn address(key: &PublicKey) -> String {
    key.address().to_string()
}

pub fn describe(doc: &Document, now_ms: i64) -> Vec<Field> {
    let block: &Block = doc.block();
    let mut f = vec![
        text("hash", block.hash().to_hex()),
        text("type", block.block_type().name()),
        text("network", block.network.name()),
        number("version", block.version),
        text("algorithm", block.algorithm.name()),
        text("publicKey", block.public_key.to_hex()),
        text("address", address(&block.public_key)),
        number("height", block.height()),
        number("balance", block.balance.raw()),
        text("balanceAtto", block.balance.to_atto_string()),
        number("timestamp", block.timestamp),
        text("time", rfc3339(block.timestamp)),
    ];
    if let Some(previous) = block.previous() {
        f.push(text("previous", previous.to_hex()));
    }
    match &block.body {
        BlockBody::Send {
            receiver_algorithm,
            receiver,
            amount,
            ..
        } => {
            f.push(text("receiverAlgorithm", receiver_algorithm.name()));
            f.push(text("receiverPublicKey", receiver.to_hex()));
            f.push(text("receiverAddress", address(receiver)));
            f.push(number("amount", amount.raw()));
            f.push(text("amountAtto", amount.to_atto_string()));
        }
        BlockBody::Receive {
            send_hash_algorithm,
            send_hash,
            ..
        } => {
            f.push(text("sendHashAlgorithm", send_hash_algorithm.name()));
            f.push(text("sendHash", send_hash.to_hex()));
        }
        BlockBody::Open {
            send_hash_algorithm,
            send_hash,
            representative_algorithm,
            representative,
        } => {
            f.push(text("sendHashAlgorithm", send_hash_algorithm.name()));
            f.push(text("sendHash", send_hash.to_hex()));
            f.push(text(
                "representativeAlgorithm",
                representative_algorithm.name(),
            ));
            f.push(text("representativePublicKey", representative.to_hex()));
            f.push(text("representativeAddress", address(representative)));
        }
        BlockBody::Change {
            representative_algorithm,
            representative,
            ..
        } => {
            f.push(text(
                "representativeAlgorithm",
                representative_algorithm.name(),
            ));
            f.push(text("representativePublicKey", representative.to_hex()));
            f.push(text("representativeAddress", address(representative)));
        }
    }
    f.push(text(
        "workTarget",
        attosign::protocol::encode_hex(&block.work_target()),
    ));
    if let Ok(limit) = threshold(block.network, block.timestamp) {
        f.push(number("threshold", limit));
    }
    if let Some(signature) = doc.signature() {
        f.push(text("signature", signature.to_hex()));
        f.push(Field {
            key: "signatureValid",
            value: Value::Bool(signature.verifies(&block.public_key, &block.hash())),
        });
    }
    if let Some(work) = doc.work() {
        f.push(text("work", work.to_hex()));
        f.push(number("workValue", work.value(&block.work_target())));
        f.push(Field {
            key: "workValid",
            value: Value::Bool(work.is_valid_for(block)),
        });
    }
    f.push(Field {
        key: "ruleViolations",
        value: Value::List(
            block
                .rule_violations(now_ms)
                .iter()
                .map(ToString::to_string)
                .collect(),
        ),
    });
    f
}

pub fn to_json(fields: &[Field]) -> String {
    let mut map = serde_json::Map::new();
    for field in fields {
        let value = match &field.value {
            Value::Text(s) | Value::Number(s) => serde_json::Value::String(s.clone()),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::List(items) => items
                .iter()
                .cloned()
                .map(serde_json::Value::String)
                .collect(),
        };
        map.insert(field.key.to_string(), value);
    }
    serde_json::Value::Object(map).to_string()
}

pub fn now_ms() -> i64 {
    let elapsed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
}
