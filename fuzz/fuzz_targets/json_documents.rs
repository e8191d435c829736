//! Every JSON document the crate reads: the first byte picks the type, the
//! rest is the document. A document either fails with an error or reads
//! into a value that writes back and reads again to the same value; a
//! contract that reads is settled with no evidence (an error, never a
//! panic).
#![no_main]

use integration_outcomes::outcomes::{
    Claim, Cohort, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule, Rule,
};
use integration_outcomes::{Framework, RoundingPolicy};
use libfuzzer_sys::fuzz_target;

fn round_trip<T>(text: &str)
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(value) = serde_json::from_str::<T>(text) {
        let written = serde_json::to_string(&value).expect("a value read writes back");
        let again: T = serde_json::from_str(&written).expect("what was written reads again");
        assert_eq!(again, value);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match which % 9 {
        0 => {
            if let Ok(contract) = serde_json::from_str::<Contract>(text) {
                let _ = contract.settle(&Evidence::new());
            }
            round_trip::<Contract>(text);
        }
        1 => round_trip::<Rule>(text),
        2 => round_trip::<RateCard>(text),
        3 => round_trip::<RateCardRule>(text),
        4 => round_trip::<Claim>(text),
        5 => {
            let _ = serde_json::from_str::<Participants>(text);
        }
        6 => round_trip::<Cohort>(text),
        7 => round_trip::<PayerShares>(text),
        _ => {
            round_trip::<RoundingPolicy>(text);
            let _ = Framework::from_json(text);
        }
    }
});
