//! Process hardening, done first thing in `main`, before any secret exists in memory.
//!
//! - No core dumps: `RLIMIT_CORE` 0, and the process is marked not dumpable
//!   (`PR_SET_DUMPABLE` 0), which also keeps other processes of the same user from reading its
//!   memory through `ptrace` or `/proc/PID/mem`, and makes the kernel show `/proc/PID/*` as
//!   owned by root.
//! - umask 077: every file and directory attosign creates (keystores, journals, QR images, man
//!   pages) is private to its owner, whatever umask the shell had.
//! - Memory locked (`mlockall`), so passphrases, seeds and keys are never written to swap —
//!   where the OS allows it for every allocation the process may make, which is when the
//!   process may lock without limit (`RLIMIT_MEMLOCK` unlimited, or the `CAP_IPC_LOCK`
//!   capability, as root usually has). With a finite limit (8 MiB for ordinary users on most
//!   distributions), locking all future memory would make scrypt's allocation (up to 4 GiB at
//!   work factor 22) fail, so attosign does not lock, runs normally, and secrets could reach
//!   swap: run it without swap or with encrypted swap (the README says so), or raise the limit.
//!
//! Each step is best effort: a kernel that refuses one does not stop attosign.

/// `CAP_IPC_LOCK`'s bit in `/proc/self/status`'s `CapEff` mask (linux/capability.h).
const CAP_IPC_LOCK: u32 = 14;

/// Applies every hardening step this OS allows.
pub fn process() {
    // SAFETY (all below): plain system calls on this process, with valid arguments and
    // pointers to initialized locals; none touches memory Rust owns.
    let no_core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &no_core);
        libc::umask(0o077);
    }
    #[cfg(target_os = "linux")]
    {
        // prctl's further arguments are unsigned longs; unused ones must be 0.
        let zero: libc::c_ulong = 0;
        unsafe {
            libc::prctl(libc::PR_SET_DUMPABLE, zero, zero, zero, zero);
        }
    }
    if may_lock_everything() {
        lock_memory();
    }
}

/// Whether every future allocation can be locked: an unlimited `RLIMIT_MEMLOCK`, or the
/// capability that ignores it.
fn may_lock_everything() -> bool {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: writes the limit into a local.
    let unlimited = unsafe { libc::getrlimit(libc::RLIMIT_MEMLOCK, &mut limit) } == 0
        && limit.rlim_cur == libc::RLIM_INFINITY;
    unlimited || has_ipc_lock()
}

fn has_ipc_lock() -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|line| line.strip_prefix("CapEff:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << CAP_IPC_LOCK) != 0)
}

#[cfg(target_os = "linux")]
fn lock_memory() {
    // MCL_ONFAULT locks pages as they are first touched, so the 2 MiB stacks of many
    // proof-of-work threads are not made resident all at once. Kernels before 4.4 lack it;
    // then lock without it.
    // SAFETY: mlockall only changes how this process's pages are kept.
    unsafe {
        if libc::mlockall(libc::MCL_CURRENT | libc::MCL_FUTURE | libc::MCL_ONFAULT) != 0 {
            libc::mlockall(libc::MCL_CURRENT | libc::MCL_FUTURE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn lock_memory() {
    // SAFETY: as above.
    unsafe {
        libc::mlockall(libc::MCL_CURRENT | libc::MCL_FUTURE);
    }
}
