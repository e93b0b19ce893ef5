//! What the CSV files attosign reads (payout files, address-book imports) share beyond the csv
//! crate: line numbers as an editor counts them, the first line with something in it (where a
//! header may be), and a quote that is never closed.
//!
//! The csv crate ends a record at `\n`, `\r\n` or a lone `\r`, skips blank lines in its own
//! line numbers, and takes the rest of the file into a field whose quote is never closed,
//! without a word. An operator fixing a file needs the line their editor shows, and a quote
//! left open must be an error, not one field that swallowed the lines after it.

use std::ops::ControlFlow;

/// Line numbers of the records of one text, from the byte offsets the csv crate gives.
/// Records come in order, so it counts on from the last one (counting from the start each
/// time made a 10,000-line file take seconds); an earlier offset starts again from the top.
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record at byte `offset`. A record's offset can point at the
    /// line break before it (or the blank lines skipped before it): those are passed over.
    pub fn line_of(&mut self, offset: u64) -> usize {
        let bytes = self.bytes;
        let mut end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while matches!(bytes.get(end), Some(b'\n' | b'\r')) {
            end += 1;
        }
        if end < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += (self.at..end).filter(|&at| ends_line(bytes, at)).count();
        self.at = end;
        self.line
    }
}

/// Whether the byte at `at` ends a line: a `\n`, or a `\r` that no `\n` follows.
fn ends_line(bytes: &[u8], at: usize) -> bool {
    bytes[at] == b'\n' || (bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
}

/// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r`, as the csv reader ends records.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            Some(end) => {
                let next = if text[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&text[next..]).filter(|r| !r.is_empty());
                Some(&text[..end])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Whether a record is empty: every field blank once trimmed (a blank line, a line of spaces,
/// a spreadsheet's empty `,,` row). Such lines are skipped, and do not take a header's place.
pub fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|field| field.trim().is_empty())
}

/// What [`walk_quotes`] meets.
enum Quote {
    /// A quote that opens a field: the field's 1-based number in its record.
    Opens { field: usize },
    /// A line break outside quotes: the end of a record.
    RecordEnds,
}

/// Walks `bytes` as the csv reader reads quotes (only at a field's start, doubled inside, a
/// quoted field running over line ends), telling `meet` each quote that opens a field and each
/// record's end; a `Break` stops the walk with its answer. Otherwise, at the end of the text:
/// where a quote is still open, if one is.
fn walk_quotes<B>(
    bytes: &[u8],
    mut meet: impl FnMut(Quote) -> ControlFlow<B>,
) -> Result<Option<(usize, usize)>, B> {
    let (mut line, mut field, mut at_start) = (1, 1, true);
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let met = if open.is_some() {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    open = None;
                }
            }
            None
        } else if at_start && b == b'"' {
            open = Some((line, field));
            at_start = false;
            Some(Quote::Opens { field })
        } else if b == b',' {
            field += 1;
            at_start = true;
            None
        } else if b == b'\n' || b == b'\r' {
            (field, at_start) = (1, true);
            Some(Quote::RecordEnds)
        } else {
            at_start = false;
            None
        };
        if let Some(ControlFlow::Break(answer)) = met.map(&mut meet) {
            return Err(answer);
        }
        if ends_line(bytes, i) {
            line += 1;
        }
        i += 1;
    }
    Ok(open)
}

/// Where a quote opens that is never closed: its 1-based line and field, or `None` when every
/// quote is closed.
pub fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    walk_quotes::<()>(text.as_bytes(), |_| ControlFlow::Continue(())).unwrap_or(None)
}

/// Whether field `field` (1-based) of the record that starts at byte `start` of `text` is
/// quoted. A record's position can be at the line end before it (the `\n` of a `\r\n`).
pub fn field_quoted(text: &str, start: usize, field: usize) -> bool {
    let Some(bytes) = text.as_bytes().get(start..) else {
        return false;
    };
    let first = bytes
        .iter()
        .position(|b| !matches!(b, b'\n' | b'\r'))
        .unwrap_or(bytes.len());
    let quoted = walk_quotes(&bytes[first..], |met| match met {
        Quote::Opens { field: f, .. } if f == field => ControlFlow::Break(true),
        Quote::Opens { .. } => ControlFlow::Continue(()),
        Quote::RecordEnds => ControlFlow::Break(false),
    });
    quoted.err().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lines_end_as_an_editor_ends_them() {
        for (text, want) in [
            ("a\nb\r\nc\rd", vec!["a", "b", "c", "d"]),
            ("a\n\n", vec!["a", ""]),
            ("a\r\r\n", vec!["a", ""]),
            ("", vec![""]),
        ] {
            assert_eq!(lines(text).collect::<Vec<_>>(), want, "{text:?}");
        }
        let text = "a\rb\r\nc\n\n\rd";
        let mut counter = LineCounter::new(text);
        assert_eq!(counter.line_of(2), 2);
        assert_eq!(counter.line_of(5), 3);
        // At a line break before the record: its line is the record's.
        assert_eq!(counter.line_of(7), 6);
        // Earlier again: counted from the top.
        assert_eq!(counter.line_of(0), 1);
    }

    #[test]
    fn a_field_is_quoted_only_by_a_quote_at_its_start() {
        let text = "a,\"b\",c\r\nd,e,\"f\"\n\"g\nh\",i,\"j\"";
        assert!(field_quoted(text, 0, 2) && !field_quoted(text, 0, 3));
        // From the line break before the record, as the csv reader's positions can be.
        assert!(field_quoted(text, 8, 3) && !field_quoted(text, 8, 2));
        assert!(field_quoted(text, 17, 1) && field_quoted(text, 17, 3));
        // Not past the record's end, nor past the text.
        assert!(!field_quoted("a\n\"c\",\"d\"", 0, 2));
        assert!(!field_quoted("a", 5, 1));
    }

    #[test]
    fn a_quote_never_closed_is_found_where_it_opens() {
        assert_eq!(unclosed_quote("a,b\nc,\"d\n"), Some((2, 2)));
        assert_eq!(unclosed_quote("a\r\"b,c\rd\r"), Some((2, 1)));
        assert_eq!(unclosed_quote("\"a\"\"b\",c\n"), None);
        assert_eq!(unclosed_quote("\"a\nb\",\"\"\n"), None);
        // A quote inside a field is a character, not a quote.
        assert_eq!(unclosed_quote("a,b\"c\n x,\"y\n"), Some((2, 2)));
        assert_eq!(unclosed_quote("a, \"b\n"), None);
    }

    fn csv_records(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut counter = LineCounter::new(text);
        reader
            .records()
            .filter_map(Result::ok)
            .map(|r| {
                let line = counter.line_of(r.position().unwrap().byte());
                (line, r.iter().map(str::to_string).collect())
            })
            .collect()
    }

    proptest! {
        /// Fields without line breaks, each record on the line `lines` puts it: the counter
        /// agrees with `lines` whatever the line ends and blank lines.
        #[test]
        fn records_are_on_the_lines_an_editor_shows(
            rows in proptest::collection::vec(("[a-z]{1,5}", 0usize..3), 1..12),
            end in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        ) {
            let text: String = rows
                .iter()
                .map(|(field, blanks)| format!("{field}{}", end.repeat(1 + blanks)))
                .collect();
            let want: Vec<(usize, Vec<String>)> = lines(&text)
                .enumerate()
                .filter(|(_, l)| !l.is_empty())
                .map(|(i, l)| (i + 1, vec![l.to_string()]))
                .collect();
            prop_assert_eq!(csv_records(&text), want, "{:?}", text);
        }

        /// A quote is open at the end exactly when the csv reader says so: after `\n"\nSENT\n`
        /// an open quote is closed by the `"` and `SENT` is a record of its own, while with
        /// every quote closed the `"` opens one that takes `SENT` into its field.
        #[test]
        fn an_open_quote_is_one_the_reader_finds_open(text in "[a\",\r\n ]{0,40}") {
            let extended = format!("{text}\n\"\nSENT\n");
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(extended.as_bytes());
            let last = reader.records().filter_map(Result::ok).last().unwrap();
            let reader_open = last.iter().collect::<Vec<_>>() == ["SENT"];
            prop_assert_eq!(unclosed_quote(&text).is_some(), reader_open, "{:?}", text);
        }
    }
}
