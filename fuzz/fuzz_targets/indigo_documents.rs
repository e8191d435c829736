//! INDIGO project documents: read and imported in part (never failing
//! once read), and strictly.
#![no_main]

use integration_outcomes::indigo::IndigoProject;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(project) = IndigoProject::from_json(text) {
        let _ = project.import();
    }
});
