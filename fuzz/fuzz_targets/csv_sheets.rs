//! Spreadsheets of claims and of assessment responses, read against
//! built-in cards and frameworks: an error naming a row, or values.
#![no_main]

use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
use integration_outcomes::{Assessment, Date, Framework};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, sheet)) = data.split_first() else { return };
    if which % 2 == 0 {
        let card = RateCard::fair_chance_fund().expect("built in");
        let window = ClaimWindow::new(Date::constant(2015, 1, 1), Date::constant(2017, 12, 31))
            .expect("a valid window");
        let rule =
            RateCardRule::new("fcf", card, RateCardTerms::new(window)).expect("a valid rule");
        let _ = rule.claims_from_csv(sheet);
    } else {
        let framework = Framework::builtin("aqua-sif-2014").expect("built in");
        let _ = Assessment::from_csv(&framework, "p", Date::constant(2026, 1, 1), "r", sheet);
    }
});
