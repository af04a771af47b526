//! A file's figures out of range (issue 25 item 2): each is left empty, named in a line for
//! the import's summary, and the rest of the activity kept. The ranges are the one table's
//! (`domain::limits`), as the command line and the JSON import check them.

use super::limits::{self, Limit};
use super::plausible::{in_stored_range, max_tss, short};
use super::records::Activity;

/// What a file gave out of range (issue 25 item 2): each such figure is left empty, so the
/// rest of the activity is stored, and named in a line for the import's summary. The day
/// and duration are not dropped: without them there is no activity, and
/// [`check_activity`] refuses it whole.
pub fn drop_out_of_range(a: &mut Activity) -> Vec<String> {
    let mut lines = Vec::new();
    let mut drop = |limit: Limit, x: f64| {
        lines.push(format!(
            "{} {} {} is out of range (allowed: 0 to {} {}); left empty",
            limit.field,
            short(x),
            limit.unit,
            limit.hi,
            limit.unit
        ));
    };
    for slot in [
        (limits::DISTANCE, &mut a.distance_m),
        (limits::ASCENT, &mut a.ascent_m),
        (limits::POWER, &mut a.avg_power_w),
        (limits::NP, &mut a.normalized_power_w),
        (limits::HR, &mut a.avg_hr),
        (limits::MAX_HR, &mut a.max_hr),
    ] {
        let (limit, v) = slot;
        if let Some(x) = *v
            && !in_stored_range(&limit, x)
        {
            drop(limit, x);
            *v = None;
        }
    }
    if let Some(m) = a.moving_s
        && !(1..=a.elapsed_s).contains(&m)
    {
        lines.push(format!(
            "moving {m} s is out of range (allowed: 1 s up to the duration, {} s); left empty",
            a.elapsed_s
        ));
        a.moving_s = None;
    }
    let mut scale_drop = |field: &str, limit: Limit, v: &mut Option<u8>| {
        if let Some(x) = *v
            && !limit.contains(x as f64)
        {
            lines.push(format!(
                "{field} {x} is out of range (allowed: whole numbers {}–{}); left empty",
                limit.lo, limit.hi
            ));
            *v = None;
        }
    };
    scale_drop("rpe", limits::RPE, &mut a.rpe);
    scale_drop("pain_before", limits::PAIN, &mut a.pain_before);
    scale_drop("pain_during", limits::PAIN, &mut a.pain_during);
    scale_drop("pain_after", limits::PAIN, &mut a.pain_after);
    if let Some(t) = a.tss
        && !(t.is_finite() && (0.0..=max_tss(a) + 0.05).contains(&t))
    {
        lines.push(format!(
            "tss {} is out of range (allowed: 0 to {:.0}); left empty",
            short(t),
            max_tss(a)
        ));
        a.tss = None;
        a.load_source = None;
    }
    lines
}
