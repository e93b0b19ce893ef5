//! The man pages and completions checked in under man/ and completions/ must be exactly what
//! the current command line generates: an air-gapped host gets them from the repository, so a
//! stale page would document flags that do not exist. Regenerate with:
//! `attosign man --out-dir man` and `attosign completions SHELL > completions/FILE`.

use assert_cmd::Command;
use std::path::Path;

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
        let out = Command::cargo_bin("attosign")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
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
    Command::cargo_bin("attosign")
        .unwrap()
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
    let main = Command::cargo_bin("attosign")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    assert_eq!(
        main.stdout,
        std::fs::read(root().join("man/attosign.1")).unwrap()
    );
}
