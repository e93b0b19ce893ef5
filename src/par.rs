//! Work spread over the cores for long runs (a 10,000-payout chain): parsing, journal lines,
//! signatures and output JSON depend only on their own item.

/// `f` applied to every item, in order, on every core when there are at least `min` items
/// (below that, threads cost more than they save). A thread that cannot be created (a
/// process limit) leaves its share to the calling thread, so this never fails.
pub fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if items.len() < min.max(2) || threads < 2 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    let all = move |part: &[T]| part.iter().map(f).collect::<Vec<R>>();
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let handle = std::thread::Builder::new()
                    .spawn_scoped(scope, move || all(part))
                    .ok();
                (part, handle)
            })
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for (part, handle) in parts {
            match handle {
                Some(h) => out.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
                None => out.extend(all(part)),
            }
        }
        out
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
    }
}
