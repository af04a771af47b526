//! Medication classes (SPEC §7.3): mean pain on days with a dose of a class against days
//! without, as logged and among days that started from the same pain. Doses follow the day's
//! pain, so these are shown with that caveat and never tested for chance or headlined.

use std::collections::BTreeSet;

use serde::Serialize;

use super::adjust::{Frames, allows};
use super::chance::Verdict;
use super::data::{DayIndex, JournalData, round1};
use super::factors::{group_mean, points};
use super::words::{key_words, one};
use crate::domain::vocab::MedClass;

/// Mean pain on logged days with a dose of a class against logged days without. JSON keys:
/// class, with_mean, without_mean, n_with, n_without, adjusted, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedAssoc {
    pub class: String,
    pub with_mean: f64,
    pub without_mean: f64,
    pub n_with: usize,
    pub n_without: usize,
    /// The difference among days that started from the same pain.
    pub adjusted: Option<f64>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Why a medication comparison is no measure of the medicine (confounding by indication).
pub const MED_CAVEAT: &str =
    "Doses tend to be taken on worse days, so a difference here is not the medicine's effect.";

pub fn med_assocs(
    fr: &mut Frames,
    data: &JournalData,
    ix: &DayIndex,
    from: usize,
    min_group: usize,
) -> Vec<MedAssoc> {
    let len = fr.len();
    let doses = |i: usize| ix.doses.get(from + i).map_or(&[][..], |v| v.as_slice());
    let classes: BTreeSet<MedClass> = (0..len)
        .flat_map(|i| doses(i).iter().map(|&k| data.doses[k].class))
        .collect();
    let y = fr.outcome(0).raw.clone();
    let mut out = Vec::new();
    for class in classes {
        let x: Vec<Option<f64>> = (0..len)
            .map(|i| {
                Some(f64::from(u8::from(
                    doses(i).iter().any(|&k| data.doses[k].class == class),
                )))
            })
            .collect();
        let (Some(wm), n_a) = group_mean(&x, &y, 1.0) else {
            continue;
        };
        let (Some(wom), n_b) = group_mean(&x, &y, 0.0) else {
            continue;
        };
        if n_a < min_group || n_b < min_group {
            continue;
        }
        let seen = format!(
            "On days with any {} dose, pain was {} against {} on days without",
            key_words(class.as_str()),
            one(wm),
            one(wom)
        );
        let adj = fr.adjust(0, &x);
        let what = format!("medication {class}");
        // Doses follow the day's pain: a difference is expected with nothing behind it, so
        // it is shown (as logged and allowed for), never tested for chance.
        let fact = match adj.slope {
            Some(diff) => format!(
                "{seen}; {} among days that started from the same pain ({}; {n_a} vs {n_b} days)",
                points(diff),
                allows(0)
            ),
            None => format!("{seen} ({n_a} vs {n_b} days)"),
        };
        let adjusted = adj.slope.map(round1);
        let mut verdict = Verdict::untested(what, fact);
        verdict.caveat = Some(MED_CAVEAT.to_string());
        out.push(MedAssoc {
            class: class.as_str().to_string(),
            with_mean: round1(wm),
            without_mean: round1(wom),
            n_with: n_a,
            n_without: n_b,
            adjusted,
            verdict,
        });
    }
    out
}
