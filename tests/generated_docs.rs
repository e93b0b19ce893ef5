//! The man pages and completions checked in under man/ and completions/ must be exactly what
//! the current command line generates: an air-gapped host gets them from the repository, so a
//! stale page would document flags that do not exist. Regenerate with:
//! `attosign man --out-dir man` and `attosign completions SHELL > completions/FILE`.

mod common;

use common::*;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "attosign.bash"),
    ("zsh", "_attosign"),
    ("fish", "attosign.fish"),
    ("elvish", "attosign.elv"),
    ("powershell", "_attosign.ps1"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn completions_are_up_to_date() {
    for (shell, file) in SHELLS {
        let out = attosign().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let checked_in = std::fs::read(root().join("completions").join(file))
            .unwrap_or_else(|e| panic!("completions/{file}: {e}"));
        assert!(
            out.stdout == checked_in,
            "completions/{file} is stale: run `attosign completions {shell} > completions/{file}`"
        );
    }
}

#[test]
fn man_pages_are_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    attosign()
        .args(["man", "--out-dir"])
        .arg(dir.path())
        .assert()
        .success();
    let mut generated: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    generated.sort();
    let mut checked_in: Vec<_> = std::fs::read_dir(root().join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    checked_in.sort();
    assert_eq!(
        generated, checked_in,
        "man/ has other pages than `attosign man` generates"
    );
    assert!(generated.len() > 10);
    for name in generated {
        let new = std::fs::read(dir.path().join(&name)).unwrap();
        let old = std::fs::read(root().join("man").join(&name)).unwrap();
        assert!(
            new == old,
            "man/{name:?} is stale: run `attosign man --out-dir man`"
        );
    }
    let main = attosign().arg("man").output().unwrap();
    assert_eq!(
        main.stdout,
        std::fs::read(root().join("man/attosign.1")).unwrap()
    );
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(attosign().args(["completions", shell]));
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stdout.contains("attosign"), "{shell}: {}", out.stdout);
        assert!(
            out.stdout.contains("verify"),
            "{shell}: completes subcommands"
        );
        assert_eq!(out.stderr, "", "{shell}");
    }
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    attosign()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("tcsh"));
}

#[test]
fn man_prints_roff() {
    attosign()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^\.TH attosign 1").unwrap())
        .stdout(contains(".SH EXAMPLES"))
        .stderr("");
}

#[test]
fn man_out_dir_writes_a_page_per_command() {
    let dir = Dir::new();
    let out_dir = dir.path().join("man1");
    attosign()
        .args(["man", "--quiet", "--out-dir"])
        .arg(&out_dir)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    for page in [
        "attosign.1",
        "attosign-address.1",
        "attosign-work.1",
        "attosign-keys-new.1",
    ] {
        let text =
            std::fs::read_to_string(out_dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
}

/// Runs `script` in `shell` (with no user configuration) and returns its stdout, failing with
/// the package to install when the shell is missing: these tests never skip.
fn shell(shell: &str, args: &[&str], script: &str) -> String {
    let out = std::process::Command::new(shell)
        .args(args)
        .arg(script)
        .current_dir(root())
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {shell} ({e}): the completion tests need it; install Debian's \
                 package (apt-get install {shell}); .ci/run does"
            )
        });
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{shell}: {:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// bash (as bash-completion loads completions/attosign.bash): it registers `_attosign` for
/// `attosign`, and completing `attosign ke` offers `keys`.
#[test]
fn bash_loads_the_completions() {
    let out = shell(
        "bash",
        &["--norc", "--noprofile", "-c"],
        r#"source completions/attosign.bash
complete -p attosign
COMP_WORDS=(attosign ke); COMP_CWORD=1
_attosign attosign ke attosign
printf 'reply %s\n' "${COMPREPLY[@]}""#,
    );
    assert!(
        out.lines().any(|l| l.starts_with("complete ")
            && l.contains("-F _attosign")
            && l.ends_with(" attosign")),
        "{out}"
    );
    assert!(out.lines().any(|l| l == "reply keys"), "{out}");
}

/// zsh (as Debian installs completions: a `_attosign` file in `$fpath`, found by compinit):
/// compinit maps `attosign` to `_attosign`, which then loads as a function.
#[test]
fn zsh_loads_the_completions() {
    let out = shell(
        "zsh",
        &["-f", "-c"],
        r#"fpath=($PWD/completions $fpath)
autoload -Uz compinit && compinit -u -D
print -r -- "comps $_comps[attosign]"
autoload +X _attosign && whence -w _attosign"#,
    );
    assert!(out.contains("comps _attosign\n"), "{out}");
    assert!(out.contains("_attosign: function"), "{out}");
}

/// fish: after loading completions/attosign.fish, completing `attosign ke` offers `keys`.
#[test]
fn fish_loads_the_completions() {
    let out = shell(
        "fish",
        &["--no-config", "-c"],
        "source completions/attosign.fish; complete --do-complete 'attosign ke'",
    );
    assert!(
        out.lines().any(|l| l.split('\t').next() == Some("keys")),
        "{out}"
    );
}
