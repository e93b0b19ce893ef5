//! Reading inputs ("-" is stdin), writing files atomically, and keeping untrusted text from
//! reaching the terminal raw.

use super::Failure;
use std::io::Read;
use std::path::Path;

/// Reads a whole input file, or stdin for "-".
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    result.map_err(|e| {
        Failure::input(format!(
            "cannot read {}: {e}",
            sanitize(&path.display().to_string())
        ))
    })?;
    Ok(text)
}

/// Replaces control characters (escape sequences included) so that text from a file cannot
/// rewrite the operator's terminal.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

pub fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_escapes() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(sanitize("line\nnext"), "line\nnext");
    }
}
