//! The journal's vocabulary in a clinician's words: red flags as the clinical features they
//! record, medication classes, event kinds and pain locations without their hyphenated keys,
//! and plurals, so the report never prints a raw key or "1 sessions".

/// A red-flag key as the clinical feature the patient logged.
pub fn red_flag(key: &str) -> String {
    match key {
        "saddle-numbness" => "saddle numbness (perineal sensory change)",
        "bladder-change" => "change in bladder function",
        "bowel-change" => "change in bowel function",
        "both-legs" => "symptoms in both legs",
        "worsening-weakness" => "worsening leg weakness",
        "sexual-dysfunction" => "new sexual dysfunction",
        "fever-or-weight-loss" => "fever or unexplained weight loss",
        other => return other.replace('-', " "),
    }
    .to_string()
}

/// A medication class as it is written in prose.
pub fn med_class(key: &str) -> String {
    match key {
        "nsaid" => "NSAID",
        "opioid" => "opioid",
        "acetaminophen" => "acetaminophen (paracetamol)",
        "muscle-relaxant" => "muscle relaxant",
        "neuropathic" => "neuropathic agent",
        "oral-steroid" => "oral steroid",
        "steroid-injection" => "steroid injection",
        other => return other.replace('-', " "),
    }
    .to_string()
}

/// An event kind, a location or an activity kind without its hyphens ("bike fit",
/// "below knee left").
pub fn plain(key: &str) -> String {
    key.replace('-', " ")
}

/// "1 day", "2 days"; `one` and `many` are the singular and plural.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    crate::domain::text::plural(n.into(), one, many)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::RedFlag;

    #[test]
    fn every_red_flag_has_words_and_no_key_is_printed() {
        for f in RedFlag::ALL {
            let w = red_flag(f.as_str());
            assert!(!w.contains(f.as_str()), "{w}");
        }
        assert_eq!(med_class("nsaid"), "NSAID");
        assert_eq!(plain("bike-fit"), "bike fit");
        assert_eq!(count(1u32, "session", "sessions"), "1 session");
        assert_eq!(count(0u32, "session", "sessions"), "0 sessions");
    }
}
