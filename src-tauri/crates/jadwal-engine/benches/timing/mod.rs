//! How the engine's benchmarks time a step: a warm-up, then the median and
//! the 95th percentile of many runs, printed in milliseconds.

use std::time::{Duration, Instant};

/// Runs `f` a tenth of `runs` times to warm caches, then `runs` times;
/// gives the median and the 95th percentile.
pub fn measure(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..runs / 10 + 1 {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[runs * 95 / 100])
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}
