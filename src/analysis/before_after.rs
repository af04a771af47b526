//! Before and after an event (SPEC §7.5, issue 19): did the bike fit, the injection or the new
//! programme go with less pain? For each such event, the mean pain over the 14 and 28 days
//! after it against the same number of days before. Events tend to come at a peak (the
//! injection is booked in the worst week), and after a peak pain usually falls anyway, so the
//! change is compared with the change after every other day that started from the same pain:
//! a least-squares fit of the change on the pain of the last 4 days, of the last week and of
//! the days before, and on the drift (how the days before changed on the window before them:
//! a healing journal goes on falling), over all other days. The p is a permutation of the event's date: how many other days
//! (further than the window from the event) show a change at least as far from that line.
//! Events are judged among themselves with Holm's correction and are never the headline.

use chrono::NaiveDate;
use serde::Serialize;

use super::before_after_fit::{distances, predict, robust_line};
use super::before_after_words as words;
pub use super::before_after_words::short;
use super::chance::Verdict;
use super::data::JournalData;
use super::permute::holm;
use crate::domain::vocab::EventKind;

/// The windows compared, in days; the verdict rests on the longest one that has passed.
pub const WINDOWS: [usize; 2] = [14, 28];
/// Share of a window's days that must be logged for its mean.
const MIN_SHARE: f64 = 0.5;
/// Other days are taken from this many days either side of the event: the same stretch of the
/// journal (the same phase of healing, the same kind of flares), not years away.
pub(super) const NEAR: usize = 120;
/// Other days needed to judge an event against.
pub(super) const MIN_REFERENCE: usize = 30;
/// Other days that must have started at least as far out as the event (the distance of where
/// a day started, in the spread of all of them: `before_after_fit::distances`). With fewer,
/// what follows it is the fit's extrapolation, not something the journal has seen: an
/// injection on the worst day of the year is followed by a fall no fit of milder days foretells.
pub(super) const MIN_ALIKE: usize = 5;

/// The event kinds whose before/after is shown: interventions and changes, not visits.
pub fn compared(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Injection
            | EventKind::Procedure
            | EventKind::BikeFit
            | EventKind::Equipment
            | EventKind::Other
    )
}

/// One window's figures. JSON keys: days, before, after, change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Window {
    pub days: usize,
    pub before: f64,
    pub after: f64,
    pub change: f64,
}

/// One event's before and after. JSON keys: date, kind, title, windows, expected (the change
/// after other days that started from the same pain, over the tested window), alike (other
/// days of the stretch that started at least as far out as the event did), reference (the
/// other days it is compared with), p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventChange {
    pub date: NaiveDate,
    pub kind: String,
    pub title: String,
    pub windows: Vec<Window>,
    pub expected: Option<f64>,
    pub alike: Option<usize>,
    pub reference: Option<usize>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Running sums of the logged pain, so any window's mean is O(1).
struct Sums {
    sum: Vec<f64>,
    n: Vec<usize>,
}

impl Sums {
    fn new(pain: &[Option<f64>]) -> Sums {
        let (mut sum, mut n) = (vec![0.0], vec![0]);
        for p in pain {
            sum.push(sum[sum.len() - 1] + p.unwrap_or(0.0));
            n.push(n[n.len() - 1] + usize::from(p.is_some()));
        }
        Sums { sum, n }
    }

    /// Mean over series days [a, b) when at least `need` are logged.
    fn mean(&self, a: isize, b: isize, need: usize) -> Option<f64> {
        if a < 0 || b as usize >= self.sum.len() || a >= b {
            return None;
        }
        let (a, b) = (a as usize, b as usize);
        let n = self.n[b] - self.n[a];
        (n >= need.max(1)).then(|| (self.sum[b] - self.sum[a]) / n as f64)
    }
}

/// Change, "where it started" (the pain of the last 4 days and of the last week, the
/// days-before mean) and the after mean of day t for window w.
fn figures(s: &Sums, t: isize, w: usize) -> Option<(f64, [f64; 4], f64)> {
    let need = (w as f64 * MIN_SHARE).ceil() as usize;
    let w = w as isize;
    let before = s.mean(t - w, t, need)?;
    let after = s.mean(t + 1, t + 1 + w, need)?;
    let start = s.mean(t - 3, t + 1, 1)?;
    let week = s.mean(t - 7, t, 3)?;
    // The drift: how the days before changed on the window before them (healing goes on).
    let drift = s.mean(t - 2 * w, t - w, need).map_or(0.0, |b| before - b);
    Some((after - before, [start, week, before, drift], after))
}

/// Every day's (change, where it started) for window w, computed once.
type Table = Vec<Option<(f64, [f64; 4])>>;

fn table(s: &Sums, len: usize, w: usize) -> Table {
    (0..len as isize)
        .map(|t| figures(s, t, w).map(|(c, z, _)| (c, z)))
        .collect()
}

/// How one event could be judged over its window.
#[derive(Clone, Copy)]
pub(super) enum Judged {
    /// The change expected after days that started from the same pain, and the p.
    Tested {
        expected: f64,
        p: f64,
        alike: usize,
        reference: usize,
    },
    /// Too few other days started as far out as it did.
    Beyond { alike: usize, reference: usize },
}

/// The test of one event at series day `e` over window `w`.
fn judge_one(tab: &Table, e: isize, w: usize) -> Option<Judged> {
    let (change, z) = (*tab.get(usize::try_from(e).ok()?)?)?;
    let rows: Vec<(f64, [f64; 4])> = tab
        .iter()
        .enumerate()
        .filter(|(t, _)| {
            let gap = (*t as isize - e).unsigned_abs();
            gap > w && gap <= NEAR
        })
        .filter_map(|(_, r)| *r)
        .collect();
    if rows.len() < MIN_REFERENCE {
        return None;
    }
    // Days at least as far out as the event, in the spread of where days started.
    let far = distances(&rows, &z);
    let alike = far[..rows.len()]
        .iter()
        .filter(|d| **d >= far[rows.len()] * (1.0 - 1e-9))
        .count();
    if alike < MIN_ALIKE {
        return Some(Judged::Beyond {
            alike,
            reference: rows.len(),
        });
    }
    let k = robust_line(&rows)?;
    let expected = predict(&k, &z);
    let gap = change - expected;
    let tie = gap.abs().max(1.0) * 1e-9;
    let (mut below, mut above) = (0usize, 0usize);
    for (c, z) in &rows {
        let g = c - predict(&k, z);
        below += usize::from(g <= gap + tie);
        above += usize::from(g >= gap - tie);
    }
    // Equal-tailed: a fall is judged against the other days' falls, a rise against their rises
    // (an injury's onset, a steep rise, says nothing about how unusual a fall is).
    let n = (rows.len() + 1) as f64;
    let tail = (below.min(above) + 1) as f64 / n;
    Some(Judged::Tested {
        expected,
        p: (2.0 * tail).min(1.0),
        alike,
        reference: rows.len(),
    })
}

/// The events compared (see `compared`) and every programme start, in date order: date,
/// kind and title.
fn compared_items(data: &JournalData) -> Vec<(NaiveDate, String, String)> {
    let mut items: Vec<(NaiveDate, String, String)> = data
        .events
        .iter()
        .filter(|e| compared(e.kind))
        .map(|e| (e.date, e.kind.as_str().to_string(), e.title.clone()))
        .collect();
    items.extend(
        data.programmes
            .iter()
            .map(|p| (p.active_from, "programme".to_string(), p.name.clone())),
    );
    items.sort();
    items
}

/// The before/after of the event on series day `e` over each window with enough check-ins.
fn event_windows(s: &Sums, e: isize) -> Vec<Window> {
    WINDOWS
        .iter()
        .filter_map(|&w| {
            let (change, z, after) = figures(s, e, w)?;
            Some(Window {
                days: w,
                before: z[2],
                after,
                change,
            })
        })
        .collect()
}

/// Every compared event and programme start from `from` (series day index) on, in date
/// order, with `pain` the whole series starting on `start`. Judged among themselves.
pub fn before_after(
    data: &JournalData,
    pain: &[Option<f64>],
    start: NaiveDate,
    from: usize,
    today: NaiveDate,
) -> Vec<EventChange> {
    let s = Sums::new(pain);
    let mut tables: Vec<Option<Table>> = vec![None; WINDOWS.len()];
    let mut out: Vec<EventChange> = Vec::new();
    let mut tested: Vec<(usize, f64)> = Vec::new();
    for (date, kind, title) in compared_items(data) {
        let e = (date - start).num_days() as isize;
        if e < from as isize || date > today {
            continue;
        }
        let windows = event_windows(&s, e);
        let what = format!("event {date} {kind}");
        let head = format!(
            "{title} ({}, {})",
            super::words::key_words(&kind),
            crate::domain::text::date(date, today)
        );
        let since = (today - date).num_days();
        let judged = windows.last().and_then(|w| {
            let slot = WINDOWS.iter().position(|&x| x == w.days)?;
            let tab = tables[slot].get_or_insert_with(|| table(&s, pain.len(), w.days));
            Some((w.days, judge_one(tab, e, w.days)?))
        });
        let fact = words::fact(&head, &windows, judged.map(|j| j.1), since);
        let mut verdict = Verdict::untested(what, fact);
        let (mut expected, mut alike, mut reference) = (None, None, None);
        match judged {
            Some((
                _,
                Judged::Tested {
                    expected: exp,
                    p,
                    alike: a,
                    reference: r,
                },
            )) => {
                tested.push((out.len(), p));
                verdict.p = Some(p);
                expected = Some((exp * 10.0).round() / 10.0);
                alike = Some(a);
                reference = Some(r);
            }
            Some((
                _,
                Judged::Beyond {
                    alike: a,
                    reference: r,
                },
            )) => {
                alike = Some(a);
                reference = Some(r);
            }
            None => {}
        }
        out.push(EventChange {
            date,
            kind,
            title,
            windows,
            expected,
            alike,
            reference,
            verdict,
        });
    }
    let adj = holm(&tested.iter().map(|t| t.1).collect::<Vec<_>>());
    for (k, &(i, _)) in tested.iter().enumerate() {
        out[i].verdict.p_holm = Some(adj[k]);
    }
    for e in &mut out {
        e.verdict.sentence = words::sentence(&e.verdict, tested.len());
    }
    out
}

#[cfg(test)]
#[path = "before_after_tests.rs"]
mod tests;
