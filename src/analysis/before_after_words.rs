//! The words of a before/after (see `before_after.rs`): the sentence of each event, with its
//! windows, what the other days foretold and whether it could be chance, and the few words a
//! Timeline row shows.

use super::before_after::{EventChange, Judged, NEAR, WINDOWS, Window};
use super::chance::{Verdict, p_text};
use super::words::{days, one, signed};

/// The facts of one event: its windows and, when judged, what other days foretold or why it
/// is not tested.
pub(super) fn fact(head: &str, windows: &[Window], judged: Option<Judged>, since: i64) -> String {
    match (windows.is_empty(), judged) {
        (true, _) if since < WINDOWS[0] as i64 => format!(
            "{head}: too soon to compare ({} since; needs {})",
            days(since as usize),
            days(WINDOWS[0])
        ),
        (true, _) => format!(
            "{head}: too few check-ins around it to compare (needs half the days of {} \
             before and after)",
            days(WINDOWS[0])
        ),
        (false, j) => {
            let w = windows.last().map_or(0, |w| w.days);
            let shown: Vec<String> = windows
                .iter()
                .map(|x| format!("{} over {}", signed(x.change), days(x.days)))
                .collect();
            let main = windows.last().map_or(String::new(), |x| {
                format!(
                    "pain over the {} after was {} against {} before",
                    days(x.days),
                    one(x.after),
                    one(x.before)
                )
            });
            match j {
                Some(Judged::Beyond { alike, .. }) => format!(
                    "{head}: {main} ({}); where the pain stood before it (the last 4 days, \
                     the last week, the days before and their trend) was unlike all but {} \
                     of the other days within {NEAR} days, too few to say what change to \
                     expect (events often come at a peak), so it is not tested",
                    shown.join(", "),
                    alike,
                ),
                Some(Judged::Tested {
                    expected: exp,
                    reference,
                    ..
                }) => format!(
                    "{head}: {main} ({}); after other days that started from the same pain \
                     ({reference} within {NEAR} days) it changed {} over {}",
                    shown.join(", "),
                    signed(exp),
                    days(w)
                ),
                None => format!("{head}: {main} ({})", shown.join(", ")),
            }
        }
    }
}

/// The before/after in a few words for a list row, the verdict last: "28 d -2.2 (others
/// -0.3), unlikely to be chance", "too soon to compare".
pub fn short(e: &EventChange) -> String {
    let Some(w) = e.windows.last() else {
        return if e.verdict.fact.contains("too soon") {
            "too soon to compare".to_string()
        } else {
            "too few check-ins to compare".to_string()
        };
    };
    let mut s = format!("{} d {}", w.days, signed(w.change));
    if let Some(x) = e.expected {
        s.push_str(&format!(" (others {})", signed(x)));
    }
    match (e.verdict.p, e.verdict.unlikely()) {
        (Some(_), true) => s.push_str(", unlikely to be chance"),
        (Some(_), false) => s.push_str(", could well be chance"),
        (None, _) if e.alike.is_some() => s.push_str(", too few days alike to test"),
        _ => {}
    }
    s
}

/// The facts and, when tested, whether the change could be chance (events only count events).
pub(super) fn sentence(v: &Verdict, tested: usize) -> String {
    match (v.p, v.p_holm) {
        (Some(_), Some(adj)) => {
            let shown = if tested > 1 {
                format!("adjusted {}", p_text(adj))
            } else {
                p_text(adj)
            };
            let words = if v.unlikely() {
                "unlikely to be chance"
            } else {
                "could well be chance"
            };
            format!("{}; {words} ({shown}).", v.fact)
        }
        _ => format!("{}.", v.fact),
    }
}
