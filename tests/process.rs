//! The process as the operating system sees it: hardening checked from outside through
//! `/proc/PID` while attosign waits on a passphrase FIFO, the terminal given back after Ctrl-C
//! at a hidden prompt (under a pseudo-terminal), and worker threads the OS refuses.

mod common;

use common::*;
use std::ffi::CString;
use std::fs;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::Child;
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "correct horse battery staple";

/// A keystore locked by `PASSPHRASE`, in a fresh directory.
fn keystore() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let keystore = dir.path().join("keystore.age");
    let pw = dir.path().join("pw");
    fs::write(&pw, PASSPHRASE).unwrap();
    let words = dir.path().join("words");
    fs::write(&words, "abandon ".repeat(23) + "art").unwrap();
    attosign()
        .arg("--keystore")
        .arg(&keystore)
        .arg("--passphrase-file")
        .arg(&pw)
        .args(["keys", "import", "--work-factor", "1", "--mnemonic-file"])
        .arg(&words)
        .assert()
        .success();
    (dir, keystore)
}

/// Waits for `child` at most `limit`, killing it (and failing) if it is still running: a
/// hang detector, not a performance check.
fn wait_or_kill(child: &mut Child, limit: Duration, what: &str) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}; it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The value of `key:` in `/proc/PID/status`.
fn status_field(pid: u32, key: &str) -> String {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("/proc/{pid}/status has no {key}: {status}"))
        .trim()
        .to_string()
}

/// Starts `attosign --keystore K --passphrase-file FIFO keys list` as `uid` and returns it
/// while it blocks opening the FIFO (open(2) on a FIFO waits for a writer), with the FIFO.
fn waiting_on_a_fifo(dir: &Path, keystore: &Path, uid: Option<u32>) -> (Child, PathBuf) {
    let fifo = dir.join(format!("fifo-{}", uid.unwrap_or(0)));
    let c = CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o666) }, 0);
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"));
    cmd.arg("--keystore")
        .arg(keystore)
        .arg("--passphrase-file")
        .arg(&fifo)
        .args(["keys", "list", "--count", "1"])
        .env_remove("ATTOSIGN_KEYSTORE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(uid) = uid {
        cmd.uid(uid).gid(uid);
    }
    let child = cmd.spawn().unwrap();
    // Wait until it is blocked on the FIFO: its open(2) shows in /proc/PID/wchan (or, where
    // wchan is hidden, give it the time a start-up takes).
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        let wchan = fs::read_to_string(format!("/proc/{}/wchan", child.id())).unwrap_or_default();
        if ["fifo", "pipe", "partner"]
            .iter()
            .any(|w| wchan.contains(w))
        {
            break;
        }
        if wchan.is_empty() || wchan == "0" {
            std::thread::sleep(Duration::from_millis(500));
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, fifo)
}

/// Feeds the passphrase into the FIFO and checks that the command then lists the keystore.
fn finish(mut child: Child, fifo: &Path) {
    if let Some(status) = child.try_wait().unwrap() {
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        panic!("attosign did not wait for the passphrase: {status:?} {stderr}");
    }
    fs::write(fifo, format!("{PASSPHRASE}\n")).unwrap();
    let status = wait_or_kill(&mut child, Duration::from_secs(60), "keys list");
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(stdout.starts_with("INDEX"), "{stdout}");
}

/// Whether a process with these limits and capabilities may lock all of its memory, by the
/// rule attosign follows (src/cli/harden.rs): unlimited RLIMIT_MEMLOCK, or CAP_IPC_LOCK.
fn may_lock(pid: u32) -> bool {
    let limits = fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let memlock = limits
        .lines()
        .find(|l| l.starts_with("Max locked memory"))
        .unwrap();
    let unlimited = memlock.split_whitespace().nth(3) == Some("unlimited");
    let caps = u64::from_str_radix(&status_field(pid, "CapEff"), 16).unwrap();
    unlimited || caps & (1 << 14) != 0
}

/// Hardening (src/cli/harden.rs), each step checked from outside the process while it waits
/// for its passphrase:
/// - no core dumps: `/proc/PID/limits` shows a core file size of 0;
/// - not dumpable: the kernel shows `/proc/PID/status` of a non-dumpable process as owned by root
///   instead of the process's user. A root test runner cannot tell the two apart, so the
///   command runs as `nobody` there; and, so the check can fail, `sleep` run the same way is
///   seen owned by that user;
/// - umask 077: the `Umask:` line of `/proc/PID/status`;
/// - memory locked: `VmLck:` above 0 kB when the process may lock (unlimited
///   RLIMIT_MEMLOCK or CAP_IPC_LOCK), and 0 kB when it may not (attosign then does not try).
#[test]
fn hardening_is_visible_from_outside() {
    let (dir, keystore) = keystore();
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let nobody = root.then_some(65534);
    if root {
        // `nobody` must be able to read the keystore and reach the FIFO.
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(&keystore, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let runs = if root { vec![None, nobody] } else { vec![None] };
    for uid in runs {
        let (child, fifo) = waiting_on_a_fifo(dir.path(), &keystore, uid);
        let pid = child.id();
        let limits = fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
        let core = limits
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap();
        assert_eq!(
            core.split_whitespace().collect::<Vec<_>>()[4..6],
            ["0", "0"],
            "{core}"
        );
        assert_eq!(status_field(pid, "Umask"), "0077");
        let locked_kb: u64 = status_field(pid, "VmLck")
            .trim_end_matches("kB")
            .trim()
            .parse()
            .unwrap();
        if may_lock(pid) {
            assert!(locked_kb > 0, "uid {uid:?}: VmLck {locked_kb} kB");
        } else {
            assert_eq!(locked_kb, 0, "uid {uid:?}: locked without being allowed to");
        }
        let process_uid = uid.unwrap_or_else(|| unsafe { libc::geteuid() });
        if process_uid != 0 {
            let owner = fs::metadata(format!("/proc/{pid}/status")).unwrap().uid();
            assert_eq!(
                owner, 0,
                "/proc/{pid}/status of a non-dumpable process is root's"
            );
            // The control: a dumpable process of the same user shows as its own.
            let mut sleep = std::process::Command::new("sleep");
            sleep.arg("30");
            if let Some(uid) = uid {
                sleep.uid(uid).gid(uid);
            }
            let mut sleep = sleep.spawn().unwrap();
            let owner = fs::metadata(format!("/proc/{}/status", sleep.id()))
                .unwrap()
                .uid();
            sleep.kill().unwrap();
            sleep.wait().unwrap();
            assert_eq!(owner, process_uid, "a dumpable process shows its own user");
        }
        finish(child, &fifo);
    }
}

/// A pseudo-terminal: the master end for the test, the slave end's path for the child.
fn pty() -> (OwnedFd, PathBuf) {
    // SAFETY: posix_openpt family with checked results; ptsname_r writes into a local buffer.
    unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(master >= 0);
        assert_eq!(libc::grantpt(master), 0);
        assert_eq!(libc::unlockpt(master), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), 0);
        let name = std::ffi::CStr::from_ptr(name.as_ptr());
        (
            OwnedFd::from_raw_fd(master),
            PathBuf::from(name.to_str().unwrap()),
        )
    }
}

fn echo_is_on(fd: &impl AsRawFd) -> bool {
    // SAFETY: tcgetattr into a zeroed local.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(fd.as_raw_fd(), &mut t), 0);
        t.c_lflag & libc::ECHO != 0
    }
}

/// Reads what the child writes to the terminal until `needle` appears (or 30 s pass).
fn read_until(master: &mut fs::File, needle: &str) -> String {
    let mut seen = Vec::new();
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains(needle) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no {needle:?} on the terminal: {:?}",
            String::from_utf8_lossy(&seen)
        );
        let mut poll = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll on one valid pollfd.
        if unsafe { libc::poll(&mut poll, 1, 100) } > 0 {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

/// Regression: Ctrl-C at a hidden passphrase prompt ended attosign with the terminal's echo
/// still off, so the operator's next commands were typed blind. Run under a pseudo-terminal
/// that is the child's controlling terminal; Ctrl-C typed at the prompt, and SIGTERM sent
/// from outside, must both leave echo on, and end the process by that signal.
#[test]
fn a_signal_at_a_hidden_prompt_gives_the_terminal_back() {
    let (_dir, keystore) = keystore();
    for (how, signal) in [("ctrl-c", libc::SIGINT), ("kill", libc::SIGTERM)] {
        let (master, slave_path) = pty();
        let slave = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&slave_path)
            .unwrap();
        assert!(echo_is_on(&slave), "a new terminal echoes");
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"));
        cmd.arg("--keystore")
            .arg(&keystore)
            .args(["keys", "list"])
            .env_remove("ATTOSIGN_KEYSTORE")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave.try_clone().unwrap());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                // An operator's shell starts attosign with SIGINT and SIGTERM at their
                // defaults; a test run from a background job inherits them ignored (and
                // attosign rightly leaves an ignored signal ignored).
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                libc::signal(libc::SIGTERM, libc::SIG_DFL);
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        let mut master = fs::File::from(master);
        read_until(&mut master, "Keystore passphrase: ");
        // The prompt turns echo off just after writing itself.
        let started = Instant::now();
        while echo_is_on(&slave) {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "echo never went off"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        if how == "ctrl-c" {
            master.write_all(b"\x03").unwrap();
        } else {
            // SAFETY: kill with a valid pid and signal.
            assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        }
        let status = wait_or_kill(&mut child, Duration::from_secs(30), how);
        assert_eq!(status.signal(), Some(signal), "{how}: {status:?}");
        assert!(
            echo_is_on(&slave),
            "{how}: the terminal was left with echo off"
        );
    }
}

/// Regression: when the OS refused a worker thread (`--threads 4096` under a memory limit),
/// `work` and `bench` panicked (exit 101 with a backtrace) and the threads already started
/// kept the process alive. Under a 1 GiB address-space limit, 4096 threads' 2 MiB stacks
/// cannot all exist; attosign must stop the ones it started and fail with status 1.
/// Regression too: a thread that got its stack but then found no room for the signal stack
/// the standard library maps when a thread starts aborted the whole process (SIGABRT, "failed
/// to allocate an alternative stack"), in about 1 run in 12 here (`par::spawn` now checks for
/// room and waits for each thread to start before the next).
#[test]
fn threads_the_os_refuses_are_an_error_not_a_panic_or_a_hang() {
    let target = "AB".repeat(32);
    let runs: [&[&str]; 2] = [
        &[
            "work",
            "--target",
            &target,
            "--network",
            "live",
            "--timestamp",
            "2040-06-01T00:00:00Z",
        ],
        &["bench", "--seconds", "30"],
    ];
    for args in runs {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("attosign"));
        cmd.args(["--threads", "4096"])
            .args(args)
            .env_remove("RUST_MIN_STACK")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // SAFETY: setrlimit between fork and exec is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 1 << 30,
                    rlim_max: 1 << 30,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        let status = wait_or_kill(&mut child, Duration::from_secs(120), args[0]);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(status.code(), Some(1), "{}: {status:?} {stderr}", args[0]);
        assert!(out.stdout.is_empty(), "{}", args[0]);
        assert!(
            stderr.contains("refused to start proof-of-work thread") && !stderr.contains("panic"),
            "{}: {stderr}",
            args[0]
        );
    }
}
