//! Work spread over the cores for long runs (a 10,000-payout chain): parsing, journal lines,
//! signatures and output JSON depend only on their own item.

/// `f` applied to every item, in order, on every core when there are at least `min` items
/// (below that, threads cost more than they save). A thread that cannot be created (a
/// process limit) leaves its share to the calling thread, so this never fails.
pub fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_slices(items, min, |part| part.iter().map(&f).collect())
}

/// How many of `len` items each core takes, or `None` when they stay on the calling thread
/// (fewer than `min`, or one core).
fn share(len: usize, min: usize) -> Option<usize> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    (len >= min.max(2) && threads >= 2).then(|| len.div_ceil(threads))
}

/// Like [`map`], for work that is cheaper done a slice at a time (signing, with one key object
/// per slice): `f` takes one contiguous piece of the items at a time and returns one result
/// per item, in order.
///
/// The items are cut into [`PIECES`] pieces per core, which the calling thread and one
/// helper per other core take one after another: a core slowed by other work (the journal's
/// append beside the signatures, or another process) takes fewer pieces, instead of leaving
/// the others idle while it finishes a fixed share.
pub fn map_slices<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let Some(share) = share(items.len(), min) else {
        let results = f(items);
        assert_eq!(results.len(), items.len(), "one result per item");
        return results;
    };
    let threads = items.len().div_ceil(share);
    let pieces: Vec<&[T]> = items.chunks(share.div_ceil(PIECES)).collect();
    let done: Vec<std::sync::Mutex<Option<Vec<R>>>> =
        pieces.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(piece) = pieces.get(i) else { break };
            let results = f(piece);
            assert_eq!(results.len(), piece.len(), "one result per item");
            *done[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(results);
        }
    };
    std::thread::scope(|scope| {
        // A helper that cannot be created (a process limit) leaves its pieces to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| spawn(scope, None, work).ok())
            .collect();
        work();
        for helper in helpers {
            helper
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
        }
    });
    let mut out = Vec::with_capacity(items.len());
    for piece in done {
        let results = piece.into_inner().unwrap_or_else(|e| e.into_inner());
        out.extend(results.expect("every piece is taken until none is left"));
    }
    out
}

/// A thread's stack: the standard library's default, set here so that [`spawn`]'s check and
/// the thread agree whatever `RUST_MIN_STACK` says.
const THREAD_STACK: usize = 2 << 20;

/// Address space a new thread must find free beyond its stack: the signal stack the standard
/// library maps when the thread starts, and the per-thread memory its allocator may reserve at
/// the thread's first allocation (glibc: a 64 MiB arena, reserved, not committed, cut from a
/// larger mapping so that it is aligned; the binary limits glibc to one arena shared by all
/// threads, `cli::alloc`, but the library does not count on it).
const THREAD_HEADROOM: usize = 96 << 20;

/// Starts `f` on a new thread of `scope` (named `name`), or fails as the OS would
/// (`OutOfMemory`) when the address space (`ulimit -v`) has no room for the thread's stack
/// and [`THREAD_HEADROOM`] beyond it. Returns once the thread runs and has made its first
/// allocation, so that the next thread's check sees what this one took.
///
/// Without the check and the wait, a thread could map its stack and then find no room for
/// its signal stack or its allocator's memory, while the threads before it were still
/// taking theirs; the standard library cannot report that as an error and aborts the whole
/// process ("failed to allocate an alternative stack"). Every thread attosign starts is
/// started here.
pub fn spawn<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    name: Option<String>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    if !room(THREAD_STACK + THREAD_HEADROOM) {
        return Err(std::io::ErrorKind::OutOfMemory.into());
    }
    let mut builder = std::thread::Builder::new().stack_size(THREAD_STACK);
    if let Some(name) = name {
        builder = builder.name(name);
    }
    let (ready, started) = std::sync::mpsc::sync_channel::<()>(1);
    let handle = builder.spawn_scoped(scope, move || {
        drop(std::hint::black_box(Box::new(0u64)));
        // The spawner may have stopped waiting only if it is unwinding; nothing to do then.
        let _ = ready.send(());
        f()
    })?;
    // Err only when the thread ended without sending: it panicked, and joining says so.
    let _ = started.recv();
    Ok(handle)
}

/// Whether `len` bytes of address space can be mapped now: checked by mapping them,
/// inaccessible and never touched, and unmapping them at once.
fn room(len: usize) -> bool {
    // SAFETY: an anonymous PROT_NONE mapping at an address the kernel picks overlaps nothing
    // that exists; it is unmapped at once and never read or written.
    unsafe {
        let p = libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        );
        if p == libc::MAP_FAILED {
            return false;
        }
        libc::munmap(p, len);
    }
    true
}

/// How many pieces [`map_slices`] cuts each core's share of the items into.
const PIECES: usize = 8;

/// Every item's lines, each item's written by `write` (which ends its own lines), in texts
/// to be written one after another: one per core when there are at least `min` items, each
/// core writing its share into its own text, so nothing is copied into a joined text
/// afterwards. `room` is about how many bytes an item takes.
pub fn write_lines<T: Sync>(
    items: &[T],
    min: usize,
    room: usize,
    write: impl Fn(&T, &mut String) + Sync,
) -> Vec<String> {
    let size = share(items.len(), min).unwrap_or(items.len()).max(1);
    let shares: Vec<&[T]> = items.chunks(size).collect();
    map(&shares, 2, |share| {
        let mut text = String::with_capacity(room * share.len());
        for item in *share {
            write(item, &mut text);
        }
        text
    })
}

/// Every item written by `write` into one of a few texts, one per core when there are at
/// least `min` items, kept apart rather than joined (the journal fills in each line's digest
/// after its lines are written, then writes the texts one after another): each text, with,
/// for each of its items in order, where the item's text starts and what `write` returned.
/// `room` is about how many bytes an item takes.
pub fn write_parts<T: Sync, X: Send>(
    items: &[T],
    min: usize,
    room: usize,
    write: impl Fn(&T, &mut String) -> X + Sync,
) -> Vec<(String, Vec<(usize, X)>)> {
    let size = share(items.len(), min).unwrap_or(items.len()).max(1);
    let shares: Vec<&[T]> = items.chunks(size).collect();
    map(&shares, 2, |share| {
        let mut text = String::with_capacity(room * share.len());
        let mut marks = Vec::with_capacity(share.len());
        for item in *share {
            let start = text.len();
            marks.push((start, write(item, &mut text)));
        }
        (text, marks)
    })
}

/// `make` on another thread while `first` runs on this one; `make`'s result only when `first`
/// succeeded. Signing uses it to compute a long run's signatures while the journal's append
/// and fsync are under way: nothing signed leaves the process before the journal durably
/// holds its block (DESIGN.md §4), and when the append fails the signatures are dropped
/// unused. Without a thread to spare (a process limit), `make` runs after `first`, and not
/// at all when `first` failed.
pub fn beside<R: Send, E>(
    make: impl FnOnce() -> R + Send,
    first: impl FnOnce() -> Result<(), E>,
) -> Result<R, E> {
    let make = std::sync::Mutex::new(Some(make));
    let take = || make.lock().unwrap_or_else(|e| e.into_inner()).take();
    std::thread::scope(|scope| {
        let handle = spawn(scope, None, || take().map(|f| f())).ok();
        let done = first();
        let joined = handle.map(|h| h.join());
        // `first`'s failure is the one to report, even when `make` panicked meanwhile.
        done?;
        Ok(match joined {
            Some(Ok(Some(made))) => made,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            Some(Ok(None)) | None => take().expect("make runs once, here when no thread ran it")(),
        })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_and_every_item() {
        let items: Vec<u32> = (0..10_007).collect();
        assert_eq!(
            super::map(&items, 16, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&items[..3], 16, |x| x + 1), vec![1, 2, 3]);
        assert!(super::map(&[] as &[u32], 0, |x| *x).is_empty());
        let sums = super::map_slices(&items, 16, |part| {
            // Each share sees its own first item: results depend on the slice, as batch
            // signing's do, and still come back one per item in order.
            part.iter().map(|x| (*x, part[0])).collect::<Vec<_>>()
        });
        assert_eq!(sums.len(), items.len());
        assert!(sums.iter().zip(&items).all(|((x, _), y)| x == y));
        assert_eq!(sums[0].1, 0);
    }

    #[test]
    fn write_lines_keeps_the_order_and_every_line() {
        let items: Vec<u32> = (0..10_007).collect();
        let expected: String = items.iter().map(|x| format!("{x}\n")).collect();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for (min, texts) in [(1, cores), (16, cores), (100_000, 1)] {
            let parts = super::write_lines(&items, min, 6, |x, s| {
                s.push_str(&x.to_string());
                s.push('\n');
            });
            // One text per core that wrote, each whole lines, together every line in order.
            assert_eq!(parts.len(), texts);
            assert!(parts.iter().all(|p| p.ends_with('\n')));
            assert_eq!(parts.concat(), expected);
        }
        assert!(super::write_lines(&[] as &[u32], 1, 6, |_, _| {}).is_empty());
    }

    #[test]
    fn map_slices_cuts_shares_into_pieces_and_passes_on_a_panic() {
        let items: Vec<u32> = (0..10_007).collect();
        let pieces = std::sync::Mutex::new(Vec::new());
        let out = super::map_slices(&items, 16, |part| {
            pieces.lock().unwrap().push((part[0], part.len()));
            part.to_vec()
        });
        assert_eq!(out, items);
        let mut pieces = pieces.into_inner().unwrap();
        pieces.sort();
        // The pieces tile the items exactly, in order, whichever thread took which.
        let mut next = 0;
        for (first, len) in &pieces {
            assert_eq!(*first, next);
            next += *len as u32;
        }
        assert_eq!(next, items.len() as u32);
        if std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2 {
            assert!(pieces.len() > 2, "more pieces than cores: {}", pieces.len());
        } else {
            eprintln!("one core: map_slices took the items whole, no pieces to check");
        }
        let panicked = std::panic::catch_unwind(|| {
            super::map_slices(&items, 16, |part| {
                assert!(!part.contains(&5_000), "a piece failed");
                part.to_vec()
            })
        });
        assert!(panicked.is_err());
    }

    #[test]
    fn write_parts_says_where_each_item_starts() {
        let items: Vec<u32> = (0..10_007).collect();
        for min in [1, 16, 100_000] {
            let parts = super::write_parts(&items, min, 6, |x, s| {
                s.push_str(&x.to_string());
                s.push('\n');
                x * 3
            });
            let mut seen = Vec::new();
            for (text, marks) in &parts {
                for (k, (start, made)) in marks.iter().enumerate() {
                    let end = marks.get(k + 1).map_or(text.len(), |m| m.0);
                    let item: u32 = text[*start..end].trim_end().parse().unwrap();
                    assert_eq!(*made, item * 3);
                    seen.push(item);
                }
            }
            assert_eq!(seen, items);
        }
        assert!(
            super::write_parts(&[] as &[u32], 1, 6, |_, _| ())
                .iter()
                .all(|(t, m)| t.is_empty() && m.is_empty())
        );
    }

    #[test]
    fn beside_returns_what_was_made_only_when_the_first_task_succeeded() {
        let made = std::sync::atomic::AtomicUsize::new(0);
        let count = || made.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 41;
        assert_eq!(super::beside(count, || Ok::<(), &str>(())), Ok(41));
        assert_eq!(
            super::beside(count, || Err::<(), &str>("disk full")),
            Err("disk full")
        );
        // Whether the failed run's `make` ran (it may have, on its thread) or not, it ran at
        // most once per call.
        assert!(made.load(std::sync::atomic::Ordering::SeqCst) <= 2);
        // The first task's failure is reported even when `make` panicked meanwhile.
        let failed = super::beside(|| -> u32 { panic!("make failed") }, || Err::<(), _>("io"));
        assert_eq!(failed, Err("io"));
    }
}
