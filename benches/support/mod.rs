//! Shared benchmark support: every benchmark times a plain baseline loop over
//! the same data in the same run and reports the ratio, because these
//! machines are noisy and only ratios are stable.
//!
//! Criterion measures each side on its own (with its usual statistics and
//! reports); in addition [`Ratio::measure`] runs the two sides *interleaved*
//! (baseline, exact, baseline, exact, ...) so that both see the same machine
//! state, and reports the ratio of their medians.

#![allow(dead_code)] // Each bench binary uses a different subset.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Whether the bench binary was started by `cargo bench -- --test` (a smoke
/// run: every benchmark once, no timing).
pub(crate) fn smoke_test() -> bool {
    std::env::args().any(|a| a == "--test")
}

/// One exact-versus-baseline comparison.
#[derive(Debug, Clone)]
pub(crate) struct Ratio {
    /// The benchmark's name.
    pub(crate) name: String,
    /// Elements processed per run (claims, records, responses × domains).
    pub(crate) elements: u64,
    /// Median time of the baseline loop.
    pub(crate) baseline: Duration,
    /// Median time of the crate's exact computation.
    pub(crate) exact: Duration,
    /// The target ratio (exact / baseline), if the benchmark sets one.
    pub(crate) max_ratio: Option<f64>,
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

impl Ratio {
    /// Times `baseline` and `exact` interleaved, `rounds` times each, after
    /// one warm-up call of each, and keeps the medians.
    pub(crate) fn measure<B, E, RB, RE>(
        name: &str,
        elements: u64,
        rounds: usize,
        mut baseline: B,
        mut exact: E,
    ) -> Ratio
    where
        B: FnMut() -> RB,
        E: FnMut() -> RE,
    {
        black_box(baseline());
        black_box(exact());
        let mut base_times = Vec::with_capacity(rounds);
        let mut exact_times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let start = Instant::now();
            black_box(baseline());
            base_times.push(start.elapsed());
            let start = Instant::now();
            black_box(exact());
            exact_times.push(start.elapsed());
        }
        Ratio {
            name: name.to_owned(),
            elements,
            baseline: median(base_times),
            exact: median(exact_times),
            max_ratio: None,
        }
    }

    /// Times `one_thread` against `parallel` (the parallel run as "exact",
    /// so a ratio below 1 is a speed-up) and prints the speed-up with the
    /// number of threads.
    #[cfg(feature = "rayon")]
    pub(crate) fn speed_up<S, P, RS, RP>(
        elements: u64,
        rounds: usize,
        one_thread: S,
        parallel: P,
    ) -> Ratio
    where
        S: FnMut() -> RS,
        P: FnMut() -> RP,
    {
        let name = "rayon vs one thread (ratio < 1 is a speed-up)";
        let r = Ratio::measure(name, elements, rounds, one_thread, parallel);
        println!(
            "rayon threads: {}; speed-up {:.2}x",
            rayon::current_num_threads(),
            1.0 / r.ratio()
        );
        r
    }

    /// Sets the target ratio (exact / baseline).
    pub(crate) fn target_ratio(mut self, max: f64) -> Ratio {
        self.max_ratio = Some(max);
        self
    }

    /// exact / baseline.
    pub(crate) fn ratio(&self) -> f64 {
        self.exact.as_secs_f64() / self.baseline.as_secs_f64().max(f64::MIN_POSITIVE)
    }

    /// Elements per second of the exact computation.
    pub(crate) fn throughput(&self) -> f64 {
        self.elements as f64 / self.exact.as_secs_f64().max(f64::MIN_POSITIVE)
    }

    fn meets_targets(&self) -> bool {
        self.max_ratio.is_none_or(|m| self.ratio() <= m)
    }
}

/// Prints the comparison table (a Markdown table, so it can be pasted into
/// the README) and whether every target was met.
pub(crate) fn report(title: &str, rows: &[Ratio]) {
    println!();
    println!("## {title}");
    println!();
    println!(
        "| benchmark | elements | exact (median) | baseline (median) | exact throughput | ratio exact/baseline | target | met |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---|");
    let mut all_met = true;
    for r in rows {
        let target = r.max_ratio.map_or_else(|| "—".to_owned(), |m| format!("≤ {m}×"));
        let met = r.meets_targets();
        all_met &= met;
        let verdict = match (r.max_ratio, met) {
            (None, _) => "—",
            (_, true) => "yes",
            (_, false) => "NO",
        };
        println!(
            "| {} | {} | {:.2} ms | {:.2} ms | {:.1} M/s | {:.2} | {} | {} |",
            r.name,
            r.elements,
            r.exact.as_secs_f64() * 1e3,
            r.baseline.as_secs_f64() * 1e3,
            r.throughput() / 1e6,
            r.ratio(),
            target,
            verdict,
        );
    }
    println!();
    println!("targets met: {}", if all_met { "yes" } else { "NO" });
}

/// A small deterministic generator (SplitMix64) so that benchmark data is the
/// same on every run without a dependency.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    /// Seeds the generator.
    pub(crate) fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..bound` (bound > 0).
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        // Lemire's multiply-shift; bias is irrelevant for benchmark data.
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }
}
