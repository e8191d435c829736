#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::print_stdout
)]
use integration_outcomes::outcomes::{
    Claim, ClaimWindow, Detail, OutcomeIndex, Participants, RateCard, RateCardOutcome,
    RateCardRule, RateCardTerms,
};
use integration_outcomes::{Currency, Date, Money};
struct SplitMix64(u64);
impl SplitMix64 {
    fn new(s: u64) -> Self {
        Self(s)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}
include!("/tmp/prof/body.rs");
fn main() {
    let rule = rule();
    let claims = claims(&rule);
    let people = Participants::none();
    let prices: Vec<f64> = rule.card().outcomes().iter().map(|o| f64::try_from(o.maximum_price().amount()).unwrap()).collect();
    let mut best = std::time::Duration::MAX;
    let mut bestb = std::time::Duration::MAX;
    let mut total = 0;
    for _ in 0..60 {
        let t = std::time::Instant::now();
        total += rule.settle(std::hint::black_box(&claims), &people, Detail::TotalsOnly).unwrap().total_minor_units();
        best = best.min(t.elapsed());
        let t = std::time::Instant::now();
        let b = base(std::hint::black_box(&claims), &prices, 8200.0);
        bestb = bestb.min(t.elapsed());
        std::hint::black_box(b);
    }
    println!("{total} min {:?} base {:?} ratio {:.2}", best, bestb, best.as_secs_f64()/bestb.as_secs_f64());
}
fn base(claims: &[Claim], prices: &[f64], cap: f64) -> f64 {
    let mut total = 0.0_f64;
    let mut current = u64::MAX;
    let mut earned = 0.0_f64;
    for claim in claims {
        if claim.participant() != current {
            total += earned.min(cap);
            current = claim.participant();
            earned = 0.0;
        }
        earned += prices[claim.outcome().get()];
    }
    total + earned.min(cap)
}
