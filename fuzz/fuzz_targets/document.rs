//! Fuzz the document parser (JSON or hex of a block or transaction): it must never panic,
//! anything it accepts must survive a round trip through its own JSON and bytes, and its
//! fast path must never accept what the full reader refuses or read it differently.
#![no_main]

use attosign::protocol::{Block, Document, Transaction};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        let _ = Block::from_bytes(data);
        let _ = Transaction::from_bytes(data);
        return;
    };
    if let Some(doc) = Document::parse_fast(text) {
        assert_eq!(Document::parse_full(text).as_ref(), Ok(&doc));
    }
    if let Ok(doc) = Document::parse(text) {
        assert_eq!(Document::parse(&doc.to_json()).as_ref(), Ok(&doc));
        let block = doc.block();
        assert_eq!(Block::from_bytes(&block.to_bytes()).as_ref(), Ok(block));
    }
});
