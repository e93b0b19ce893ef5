//! Characters that change how text looks without being seen: what labels refuse and what the
//! terminal never shows raw.
//!
//! An operator compares labels and addresses by eye. A zero-width space, a soft hyphen or an
//! Arabic letter mark makes two labels that look the same differ (or one that looks
//! harmless read otherwise), and a line separator breaks a table row in some terminals.

/// Why `c` must not be in text an operator reads ("it contains …", for a message), or `None`
/// if it may be.
///
/// The classes are Unicode's general categories Cf (format: zero-width characters, soft
/// hyphen, byte-order mark, bidirectional marks and overrides, tags), Zl and Zp (line and
/// paragraph separators), Cc (control characters), the variation selectors, and the few
/// letters Unicode draws as nothing (Hangul fillers). The Cf list is Unicode 16's, written out because std has no
/// category lookup; a character added to Cf later is merely not refused here.
pub fn hidden(c: char) -> Option<&'static str> {
    if c.is_control() {
        return Some("it contains control characters (newlines, escapes)");
    }
    match c {
        '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}' => Some("it contains bidirectional-override characters"),
        '\u{2028}' | '\u{2029}' => Some("it contains line or paragraph separators"),
        '\u{00AD}'
        | '\u{0600}'..='\u{0605}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206A}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{034F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180B}'..='\u{180D}'
        | '\u{3164}'
        | '\u{FFA0}' => {
            Some("it contains invisible characters (zero-width, soft hyphen, byte-order mark)")
        }
        // Variation selectors (category Mn, not Cf): "Exchange" and "Exchange\u{FE0F}" look
        // the same.
        c if is_variation_selector(c) => {
            Some("it contains invisible characters (variation selectors)")
        }
        _ => None,
    }
}

/// A variation selector: it picks how the character before it is drawn (an emoji's U+FE0F)
/// and is not seen itself.
pub fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Text from the input as an error message shows it: as it is when every character is seen
/// (letters, digits, punctuation, plain spaces), else quoted with escapes (`"1\n  ok"`), so
/// a line break or a control character in a value cannot start a line of its own in the
/// message (regression: `--amount "$(printf '1\n  ok')"` printed a second line).
/// Shortened as [`shorten`] does, counting the value's own characters.
pub fn literal(text: &str) -> String {
    let plain = !text.is_empty()
        && first_hidden(text).is_none()
        && !text
            .chars()
            .any(|c| c.is_control() || (c.is_whitespace() && c != ' '));
    if plain {
        return shorten(text);
    }
    const KEEP: usize = 64;
    let count = text.chars().count();
    if count <= KEEP + 16 {
        format!("{text:?}")
    } else {
        let start: String = text.chars().take(KEEP).collect();
        format!("{start:?}… ({count} characters)")
    }
}

/// Text from the input as an error message quotes it: whole when short, else its start and
/// its length, so a 10 KB argument or field does not fill the screen (regression: it was
/// echoed whole).
pub fn shorten(text: &str) -> String {
    const KEEP: usize = 64;
    let count = text.chars().count();
    if count <= KEEP + 16 {
        text.to_string()
    } else {
        // Values arrive quoted as `{:?}` prints them; the length is the value's, not the quotes'.
        let quoted = text.len() >= 2 && text.starts_with('"') && text.ends_with('"');
        let length = if quoted { count - 2 } else { count };
        let start: String = text.chars().take(KEEP).collect();
        format!("{start}… ({length} characters)")
    }
}

/// The first reason any character of `text` is [`hidden`].
pub fn first_hidden(text: &str) -> Option<&'static str> {
    text.chars().find_map(hidden)
}

/// Spaces that look like U+0020 (or like nothing), U+0020 itself excepted: no-break, en/em
/// and thin spaces, the ideographic space, a blank braille cell, the Hangul fillers.
pub fn lookalike_space(c: char) -> bool {
    c.is_whitespace() && c != ' '
        || matches!(
            c,
            '\u{2800}' | '\u{3164}' | '\u{115F}' | '\u{1160}' | '\u{FFA0}'
        )
}

/// What an intent looks like, for matching it against intents journaled before look-alikes
/// were refused: Unicode NFC, every look-alike space as U+0020, runs of spaces as one, no
/// invisible characters. Two intents with the same key look the same.
pub fn intent_key(intent: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = intent
        .nfc()
        .map(|c| if lookalike_space(c) { ' ' } else { c })
        .filter(|&c| c == ' ' || hidden(c).is_none())
        .collect();
    plain
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: labels accepted U+061C, U+200B, U+FEFF, U+2028 and U+00AD while refusing
    /// the others of their family.
    #[test]
    fn the_characters_labels_used_to_accept_are_hidden() {
        for c in ['\u{061C}', '\u{200B}', '\u{FEFF}', '\u{2028}', '\u{00AD}'] {
            assert!(hidden(c).is_some(), "U+{:04X}", c as u32);
        }
    }

    /// Regression: variation selectors made "Exchange" and "Exchange\u{FE0F}" two labels
    /// that look the same.
    #[test]
    fn variation_selectors_are_hidden() {
        for c in ['\u{FE00}', '\u{FE0F}', '\u{E0100}', '\u{E01EF}', '\u{180F}'] {
            assert!(hidden(c).is_some(), "U+{:04X}", c as u32);
        }
        assert!(first_hidden("Exchange\u{FE0F}").is_some());
    }

    /// Regression: an amount with a line break printed a line of its own in the error.
    #[test]
    fn literals_with_unseen_characters_are_quoted_with_escapes() {
        assert_eq!(literal("12.5x"), "12.5x");
        assert_eq!(literal("1 000"), "1 000");
        assert_eq!(literal(""), "\"\"");
        assert_eq!(literal("1\n  ok"), "\"1\\n  ok\"");
        assert_eq!(literal("1\u{1b}[2J"), "\"1\\u{1b}[2J\"");
        assert_eq!(literal("1\u{00A0}000"), "\"1\\u{a0}000\"");
        assert_eq!(literal("1\u{200B}"), "\"1\\u{200b}\"");
        let message = crate::protocol::Amount::parse_atto("1\n  to  fake")
            .unwrap_err()
            .to_string();
        assert!(!message.contains('\n'), "{message}");
        // Long: shortened, with the value's own length (not its escaped one).
        let long = format!("{}\nx", "1".repeat(300));
        let shown = literal(&long);
        assert!(shown.ends_with("… (302 characters)"), "{shown}");
        assert!(
            shown.starts_with(&format!("\"{}", "1".repeat(64))),
            "{shown}"
        );
        assert_eq!(literal(&"1".repeat(300)), shorten(&"1".repeat(300)));
    }

    #[test]
    fn long_text_is_shortened_with_its_length() {
        assert_eq!(shorten("short"), "short");
        let long = "x".repeat(10_000);
        let short = shorten(&long);
        assert!(short.starts_with(&"x".repeat(64)), "{short}");
        assert!(short.ends_with("… (10000 characters)"), "{short}");
        assert!(short.chars().count() < 100);
    }

    #[test]
    fn ordinary_text_is_not() {
        for text in [
            "cold wallet 1",
            "Kälte",
            "冷钱包",
            "холодный",
            "محفظة",
            "🧊",
        ] {
            assert_eq!(first_hidden(text), None, "{text}");
        }
        assert!(first_hidden("a\u{1b}[2J").is_some());
        assert!(first_hidden("pay\u{202E}gnp").is_some());
    }
}
