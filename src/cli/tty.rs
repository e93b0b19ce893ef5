//! Giving the terminal back when a signal ends the process at a hidden prompt.
//!
//! The hidden prompt turns echo off (and reads Ctrl-C as a character, then raises SIGINT
//! itself). A signal's default action ends the process at once, before the prompt's own
//! cleanup runs, so the operator's shell was left with echo off. While a prompt waits, a
//! handler puts back the terminal settings saved before it, then lets the signal end the
//! process as it would have (the shell still sees "killed by SIGINT"). While the recovery
//! words of `keys new` are on the screen, the handler clears the screen and its scrollback
//! first.

use std::os::fd::{IntoRawFd, RawFd};
use std::sync::OnceLock;

/// The terminal and its settings before any prompt changed them. Read by the signal handler,
/// so it is set once and never changed (the descriptor stays open for the process's life).
struct Saved {
    fd: RawFd,
    termios: libc::termios,
}

static SAVED: OnceLock<Option<Saved>> = OnceLock::new();

/// Whether a signal must also clear the screen and its scrollback: set while secrets (the
/// recovery words) are on the screen. Read by the signal handler.
static CLEAR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Clears the screen and its scrollback (home, erase screen, erase scrollback).
pub const CLEAR_SCREEN: &str = "\x1b[H\x1b[2J\x1b[3J";

const SIGNALS: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

/// While alive, a fatal signal restores the terminal first. Dropping it puts the previous
/// signal handlers back.
pub struct RestoreOnSignal {
    previous: Vec<(libc::c_int, libc::sigaction)>,
}

impl RestoreOnSignal {
    pub fn install() -> RestoreOnSignal {
        let mut guard = RestoreOnSignal {
            previous: Vec::new(),
        };
        if SAVED.get_or_init(save).is_none() {
            return guard;
        }
        for signal in SIGNALS {
            // SAFETY: sigaction with zero-initialized (valid) structs; the handler only
            // makes async-signal-safe calls.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = restore_and_reraise as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, &action, &mut old) != 0 {
                    continue;
                }
                if old.sa_sigaction == libc::SIG_IGN {
                    // Ignored on purpose (nohup): keep it that way.
                    libc::sigaction(signal, &old, std::ptr::null_mut());
                    continue;
                }
                guard.previous.push((signal, old));
            }
        }
        guard
    }
}

/// While alive, secrets are on the screen: a fatal signal clears the screen and its
/// scrollback too (as well as restoring the terminal), before the process ends.
pub struct ClearOnSignal {
    _restore: RestoreOnSignal,
}

impl ClearOnSignal {
    pub fn install() -> ClearOnSignal {
        CLEAR.store(true, std::sync::atomic::Ordering::SeqCst);
        ClearOnSignal {
            _restore: RestoreOnSignal::install(),
        }
    }
}

impl Drop for ClearOnSignal {
    fn drop(&mut self) {
        CLEAR.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Drop for RestoreOnSignal {
    fn drop(&mut self) {
        for (signal, old) in &self.previous {
            // SAFETY: puts back the action sigaction returned.
            unsafe {
                libc::sigaction(*signal, old, std::ptr::null_mut());
            }
        }
    }
}

fn save() -> Option<Saved> {
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    let fd = tty.into_raw_fd();
    // SAFETY: tcgetattr writes a termios into a zeroed local.
    unsafe {
        let mut termios: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut termios) != 0 {
            libc::close(fd);
            return None;
        }
        Some(Saved { fd, termios })
    }
}

extern "C" fn restore_and_reraise(signal: libc::c_int) {
    // SAFETY: tcsetattr, write, signal and raise are async-signal-safe; SAVED was set before
    // this handler was installed and is never changed.
    unsafe {
        if let Some(Some(saved)) = SAVED.get() {
            libc::tcsetattr(saved.fd, libc::TCSANOW, &saved.termios);
            // The prompt's line is unfinished; end it so the shell's prompt starts clean.
            libc::write(saved.fd, b"\n".as_ptr().cast(), 1);
            if CLEAR.load(std::sync::atomic::Ordering::SeqCst) {
                libc::write(saved.fd, CLEAR_SCREEN.as_ptr().cast(), CLEAR_SCREEN.len());
            }
        }
        libc::signal(signal, libc::SIG_DFL);
        // Blocked while this handler runs; delivered, with its default action, on return.
        libc::raise(signal);
    }
}
