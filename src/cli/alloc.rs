//! How glibc's allocator is set up, first thing in `main`, before any other thread exists.
//!
//! On the VMs attosign is measured on, the first touch of a page costs 1.5–2.6 µs (it faults
//! in the guest and, for memory the host took back, in the host), and a 10,000-payout `sign`
//! touched ~40 MB. By default glibc hands every allocation above a threshold (128 KiB, rising
//! with what is freed) to its own `mmap`, returns it to the kernel when freed, and gives every
//! thread its own arena: a run's parse, review, journal and output each took fresh pages. Here
//! allocations up to 32 MiB come from one heap that keeps what is freed for the next
//! allocation: measured on AMD Zen 5 (2026-12-07), 8,100–8,400 page faults → ~5,700 for that
//! `sign`, and ~5% less time (25 runs each, alternating). Memory a secret used is zeroized
//! before it is freed whatever the allocator keeps, and stays locked (see `harden`).

/// Applies the settings; whether glibc took every one (other C libraries have no such settings).
pub fn tune() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // The largest threshold glibc accepts (half its 64 MiB heap size on 64-bit).
        const MMAP_THRESHOLD: libc::c_int = 32 << 20;
        const TRIM_THRESHOLD: libc::c_int = 256 << 20;
        // SAFETY: mallopt only changes the allocator's parameters, under its lock. `main`
        // calls this before any other thread exists, so M_ARENA_MAX holds for all of them.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                && libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                && libc::mallopt(libc::M_ARENA_MAX, 1) == 1
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    /// Minor page faults of the calling thread so far.
    fn faults() -> i64 {
        // SAFETY: getrusage writes into the zeroed struct it is given.
        unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            assert_eq!(libc::getrusage(libc::RUSAGE_THREAD, &mut usage), 0);
            usage.ru_minflt
        }
    }

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn freed_memory_is_reused_instead_of_faulted_in_again() {
        assert!(super::tune(), "glibc refused a setting");
        // 16 MiB written, freed, and written again: glibc's defaults return it to the kernel
        // (or take fresh pages for it), so the second write faults every page (~4,096) again.
        let write = || drop(std::hint::black_box(vec![1u8; 16 << 20]));
        write();
        let before = faults();
        write();
        let again = faults() - before;
        assert!(again < 256, "{again} page faults for memory just freed");
    }
}
