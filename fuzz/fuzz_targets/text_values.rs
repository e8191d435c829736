//! Values read from text: money, rates, currencies and ids. Each either
//! fails with an error or reads into a value whose text reads back to it.
#![no_main]

use integration_outcomes::outcomes::{OutcomeId, PayerId, RuleId};
use integration_outcomes::{Currency, Money, Rate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(m) = text.parse::<Money>() {
        assert_eq!(m.to_string().parse::<Money>().ok(), Some(m), "{text:?}");
    }
    if let Ok(c) = text.parse::<Currency>() {
        assert_eq!(c.to_string().parse::<Currency>().ok(), Some(c), "{text:?}");
    }
    if let Ok(r) = text.parse::<Rate>() {
        let _ = r.to_string();
    }
    let _ = text.parse::<PayerId>();
    let _ = text.parse::<RuleId>();
    let _ = text.parse::<OutcomeId>();
});
