//! Flares (SPEC §7.1): runs of flare days allowing one-day gaps, each with its start, length,
//! peak and "what came before" (activities, tags and events of the 3 days before it).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::data::{DayIndex, DaySeries, JournalData};
use super::pain::is_flare_day;
use super::words::{count, days};
use crate::domain::text;

/// Days before a flare searched for possible triggers.
pub const BEFORE_DAYS: i64 = 3;

/// One flare. JSON keys (SPEC §7.4): start, days, peak, before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flare {
    pub start: NaiveDate,
    #[serde(skip)]
    pub end: NaiveDate,
    /// Calendar days from start to end, gaps included.
    pub days: u32,
    pub peak: u8,
    pub before: Before,
}

/// What came before a flare: facts from the 3 days before its start, not causes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Before {
    pub activities: Vec<BeforeActivity>,
    pub tags: Vec<String>,
    pub events: Vec<BeforeEvent>,
    /// Check-ins, doses and rehab sessions logged in those days: when there are some, the
    /// sentence says so rather than "nothing logged".
    #[serde(skip)]
    pub checkins: usize,
    #[serde(skip)]
    pub doses: usize,
    #[serde(skip)]
    pub rehab: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BeforeActivity {
    pub date: NaiveDate,
    pub kind: String,
    pub minutes: u32,
    pub tss: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BeforeEvent {
    pub date: NaiveDate,
    pub kind: String,
    pub title: String,
}

/// Finds the flares in `pain` (with its `baseline`, same start). A run goes on across one
/// missing day if a flare day follows; a logged non-flare day or two missing days end it.
pub fn flares(
    data: &JournalData,
    ix: &DayIndex,
    pain: &DaySeries<Option<f64>>,
    baseline: &DaySeries<Option<f64>>,
) -> Vec<Flare> {
    let flag = |i: usize| -> Option<bool> {
        let p = pain.values[i]?;
        Some(is_flare_day(p, baseline.values.get(i).copied().flatten()))
    };
    let mut out = Vec::new();
    let n = pain.len();
    let mut i = 0;
    while i < n {
        if flag(i) != Some(true) {
            i += 1;
            continue;
        }
        let (start, mut end) = (i, i);
        let mut peak = pain.values[i].unwrap_or(0.0);
        let mut j = i + 1;
        while j < n {
            match flag(j) {
                Some(true) => {}
                None if j + 1 < n && flag(j + 1) == Some(true) => j += 1,
                _ => break,
            }
            end = j;
            peak = peak.max(pain.values[j].unwrap_or(0.0));
            j += 1;
        }
        let start_date = pain.date(start);
        out.push(Flare {
            start: start_date,
            end: pain.date(end),
            days: (end - start + 1) as u32,
            peak: peak as u8,
            before: before(data, ix, start_date),
        });
        i = end + 1;
    }
    out
}

/// Activities, tags and events of the 3 days before `start`, oldest first.
pub fn before(data: &JournalData, ix: &DayIndex, start: NaiveDate) -> Before {
    let mut b = Before::default();
    for k in (1..=BEFORE_DAYS).rev() {
        let Some(p) = ix.pos(start - Duration::days(k)) else {
            continue;
        };
        for &a in &ix.activities[p] {
            let a = &data.activities[a];
            b.activities.push(BeforeActivity {
                date: a.date(),
                kind: a.kind.as_str().to_string(),
                minutes: a.moving_s.unwrap_or(a.elapsed_s) / 60,
                tss: a.tss,
            });
        }
        b.doses += ix.doses[p].len();
        if let Some(c) = ix.checkin[p] {
            b.checkins += 1;
            for t in &data.checkins[c].tags {
                if !b.tags.contains(t) {
                    b.tags.push(t.clone());
                }
            }
        }
        for &e in &ix.events[p] {
            let e = &data.events[e];
            b.events.push(BeforeEvent {
                date: e.date,
                kind: e.kind.as_str().to_string(),
                title: e.title.clone(),
            });
        }
    }
    let from = start - Duration::days(BEFORE_DAYS);
    b.rehab = data
        .rehab_sessions
        .iter()
        .filter(|r| r.date >= from && r.date < start)
        .count();
    b
}

/// One line per flare: "Flare from 2024-03-04, 5 days, peak 8. In the 3 days before: ride
/// 120 min (150 TSS) on 03-02; tags: shoveling; event: MRI on 03-03."
pub fn flare_sentence(f: &Flare, today: NaiveDate) -> String {
    let mut s = format!(
        "Flare from {}, {}, peak {}.",
        crate::domain::text::date(f.start, today),
        days(f.days as usize),
        f.peak
    );
    let b = &f.before;
    if b.activities.is_empty() && b.tags.is_empty() && b.events.is_empty() {
        let logged: Vec<String> = [
            (b.checkins, "check-in"),
            (b.doses, "dose"),
            (b.rehab, "rehab session"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| count(n, unit))
        .collect();
        if logged.is_empty() {
            s.push_str(" Nothing logged in the 3 days before.");
        } else {
            s.push_str(&format!(
                " In the 3 days before: no activities, tags or events ({} logged).",
                logged.join(", ")
            ));
        }
        return s;
    }
    let mut parts = Vec::new();
    for a in &b.activities {
        let tss = a.tss.map(|t| format!(" ({t:.0} TSS)")).unwrap_or_default();
        parts.push(format!(
            "{} {}{tss} on {}",
            a.kind,
            text::minutes(a.minutes as i64),
            text::date(a.date, today)
        ));
    }
    if !b.tags.is_empty() {
        parts.push(format!("tags: {}", b.tags.join(", ")));
    }
    for e in &b.events {
        parts.push(format!(
            "{}: {} on {}",
            e.kind,
            e.title,
            text::date(e.date, today)
        ));
    }
    s.push_str(&format!(" In the 3 days before: {}.", parts.join("; ")));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pain::{baseline, pain_series};
    use crate::domain::records::{Activity, Checkin, Event};
    use crate::domain::vocab::{ActivityKind, EventKind};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn checkin(date: NaiveDate, pain: u8, tags: &[&str]) -> Checkin {
        Checkin {
            date,
            pain,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        }
    }

    /// Pain 1 for 20 days (baseline 1 → flare threshold 4), then 5, 6, (missing), 4, 2, and
    /// later an isolated 7 after two gaps.
    fn fixture() -> JournalData {
        let start = d("2024-01-01");
        let mut data = JournalData::default();
        for k in 0..20 {
            data.checkins
                .push(checkin(start + Duration::days(k), 1, &[]));
        }
        data.checkins[18].tags = vec!["shoveling".into()];
        let p = [(20, 5), (21, 6), (23, 4), (24, 2), (30, 7)];
        for (k, pain) in p {
            data.checkins
                .push(checkin(start + Duration::days(k), pain, &[]));
        }
        let mut ride = Activity::new(
            ActivityKind::Ride,
            d("2024-01-19").and_hms_opt(9, 0, 0).unwrap(),
            7200,
        );
        ride.tss = Some(150.0);
        data.activities.push(ride);
        data.events.push(Event {
            id: 0,
            uuid: String::new(),
            date: d("2024-01-20"),
            kind: EventKind::Life,
            title: "shoveled snow".into(),
            note: None,
        });
        data
    }

    #[test]
    fn flare_with_one_day_gap_and_what_came_before() {
        let data = fixture();
        let today = d("2024-02-05");
        let ix = DayIndex::new(&data, today);
        let pain = pain_series(&data.checkins, ix.start, today);
        let base = baseline(&pain);
        let f = flares(&data, &ix, &pain, &base);
        assert_eq!(f.len(), 2, "{f:?}");
        // Jan 21 (5), Jan 22 (6), Jan 23 missing, Jan 24 (4 ≥ max(1+2, 4)): one flare of 4 days.
        assert_eq!(f[0].start, d("2024-01-21"));
        assert_eq!(f[0].end, d("2024-01-24"));
        assert_eq!(f[0].days, 4);
        assert_eq!(f[0].peak, 6);
        assert_eq!(f[0].before.activities[0].minutes, 120);
        assert_eq!(f[0].before.activities[0].tss, Some(150.0));
        assert_eq!(f[0].before.tags, vec!["shoveling"]);
        assert_eq!(f[0].before.events[0].title, "shoveled snow");
        // Jan 31 (7), one day, after two missing days: a separate flare.
        assert_eq!((f[1].start, f[1].days, f[1].peak), (d("2024-01-31"), 1, 7));
        assert_eq!(
            flare_sentence(&f[0], d("2024-03-01")),
            "Flare from 21 Jan, 4 days, peak 6. In the 3 days before: ride 2h \
             (150 TSS) on 19 Jan; tags: shoveling; life: shoveled snow on 20 Jan."
        );
    }

    #[test]
    fn two_missing_days_split_a_flare() {
        let s = d("2024-01-01");
        let mut data = JournalData::default();
        for (k, p) in [(0, 8), (3, 8)] {
            data.checkins.push(checkin(s + Duration::days(k), p, &[]));
        }
        let ix = DayIndex::new(&data, d("2024-01-04"));
        let pain = pain_series(&data.checkins, ix.start, ix.end);
        let f = flares(&data, &ix, &pain, &baseline(&pain));
        assert_eq!(f.len(), 2);
        assert_eq!(
            flare_sentence(&f[0], d("2024-03-01")),
            "Flare from 1 Jan, 1 day, peak 8. Nothing logged in the 3 days before."
        );
        // Before the second, only the first day's check-in: logged, but nothing to name.
        assert_eq!(
            flare_sentence(&f[1], d("2024-03-01")),
            "Flare from 4 Jan, 1 day, peak 8. In the 3 days before: no activities, tags or \
             events (1 check-in logged)."
        );
    }
}
