//! `attosign address VALUE`: validate an address or public key and convert between them.

use super::args::AddressArgs;
use super::{Ctx, Failure, Status};
use attosign::protocol::{Address, PublicKey};

pub fn run(ctx: &mut Ctx, args: &AddressArgs) -> Result<(), Failure> {
    let value = args.value.as_str();
    let invalid = |e: attosign::protocol::Error| {
        Failure::new(
            Status::Error,
            "invalid-address",
            format!("{e}. Give an atto:// address or a public key of 64 hex digits"),
        )
    };
    let from_address = value.starts_with("atto") || value.contains("://");
    let address = if from_address {
        Address::parse(value).map_err(invalid)?
    } else {
        let key = match value.len() {
            // The reference's algorithm-prefixed form: 00 (V1) then the key.
            66 if value.starts_with("00") => PublicKey::from_hex(&value[2..]),
            _ => PublicKey::from_hex(value),
        };
        key.map_err(invalid)?.address()
    };
    if ctx.global.json {
        let json = serde_json::json!({
            "address": address.to_string(),
            "publicKey": address.public_key.to_hex(),
            "algorithm": address.algorithm.name(),
        });
        ctx.data(&json.to_string());
    } else if from_address {
        ctx.data(&address.public_key.to_hex());
    } else {
        ctx.data(&address.to_string());
    }
    Ok(())
}
