//! Hand-computed summaries of outcome scores: the change from first and previous, the MIC's
//! boundary (9 vs 10 for the Oswestry, 4 vs 5 for Roland-Morris), STarT Back risk, the schedule.

use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn score(id: i64, inst: Instrument, date: &str, value: f64, psych: Option<u8>) -> Score {
    Score {
        id,
        uuid: String::new(),
        instrument: inst,
        date: d(date),
        value,
        psych,
        note: None,
    }
}

#[test]
fn the_oswestry_change_is_meaningful_at_10_points_not_9() {
    let today = d("2026-11-23");
    let s = [
        score(1, Instrument::Odi, "2026-10-01", 44.0, None),
        score(2, Instrument::Odi, "2026-10-15", 35.0, None),
        score(3, Instrument::Odi, "2026-11-01", 34.0, None),
    ];
    let v = score_summaries(&s, &[], today, None);
    assert_eq!(v.len(), 1);
    let o = &v[0];
    assert_eq!(
        (o.n, o.change_from_first, o.change_from_previous),
        (3, Some(-10.0), Some(-1.0))
    );
    assert_eq!(o.meaningful_from_first, Some(true));
    assert_eq!(o.meaningful_from_previous, Some(false));
    assert_eq!(
        score_sentence(o),
        "Oswestry Disability Index (odi): 34 on 2026-11-01; from the first (44 on 2026-10-01) \
         down 10: a meaningful change (≥ 10 points); from the one before (35) down 1: below \
         the minimal important change of 10."
    );
    // Nine points is not.
    let nine = [
        s[0].clone(),
        score(4, Instrument::Odi, "2026-11-01", 35.0, None),
    ];
    let v = score_summaries(&nine, &[], today, None);
    assert_eq!(v[0].change_from_first, Some(-9.0));
    assert_eq!(v[0].meaningful_from_first, Some(false));
    // An increase of 10 is as meaningful as a decrease (stated, not judged better or worse).
    assert!(meaningful(10.0, 10.0) && meaningful(-10.0, 10.0) && !meaningful(9.9, 10.0));
}

#[test]
fn roland_morris_at_5_and_no_verdict_where_no_mic_is_cited() {
    let today = d("2026-11-23");
    let s = [
        score(1, Instrument::Rmdq, "2026-10-01", 14.0, None),
        score(2, Instrument::Rmdq, "2026-11-01", 9.0, None),
        score(3, Instrument::Peg, "2026-10-01", 7.0, None),
        score(4, Instrument::Peg, "2026-11-01", 2.3, None),
    ];
    let v = score_summaries(&s, &[], today, None);
    assert_eq!(v[0].instrument, Instrument::Rmdq);
    assert_eq!(v[0].meaningful_from_first, Some(true));
    assert_eq!(v[1].instrument, Instrument::Peg);
    assert_eq!(v[1].change_from_first, Some(-4.7));
    assert_eq!((v[1].mic, v[1].meaningful_from_first), (None, None));
    assert!(
        !score_sentence(&v[1]).contains("meaningful"),
        "{}",
        score_sentence(&v[1])
    );
    let v = score_summaries(&s[..1], &[], today, None);
    assert_eq!(
        (v[0].change_from_first, v[0].meaningful_from_first),
        (None, None)
    );
}

#[test]
fn startback_shows_its_risk_group() {
    let s = [score(1, Instrument::Startback, "2026-11-01", 5.0, Some(4))];
    let v = score_summaries(&s, &[], d("2026-11-23"), None);
    assert_eq!(v[0].latest.as_ref().unwrap().risk, Some(Risk::High));
    assert!(
        score_sentence(&v[0]).contains("(psychosocial 4; high risk by the published rule)"),
        "{}",
        score_sentence(&v[0])
    );
}

#[test]
fn a_schedule_is_due_from_the_last_score_or_at_once() {
    let sched = |inst, every_days| Schedule {
        id: 1,
        uuid: String::new(),
        instrument: inst,
        every_days,
    };
    let s = [score(1, Instrument::Odi, "2026-11-09", 30.0, None)];
    let v = score_summaries(&s, &[sched(Instrument::Odi, 14)], d("2026-11-22"), None);
    assert_eq!((v[0].due_on, v[0].due), (Some(d("2026-11-23")), false));
    let v = score_summaries(&s, &[sched(Instrument::Odi, 14)], d("2026-11-23"), None);
    assert!(v[0].due);
    assert!(score_sentence(&v[0]).ends_with("Due now: 2026-11-23 (every 2 weeks)."));
    // Never taken: due today.
    let v = score_summaries(&[], &[sched(Instrument::Rmdq, 10)], d("2026-11-23"), None);
    assert_eq!((v[0].n, v[0].due), (0, true));
    assert_eq!(
        score_sentence(&v[0]),
        "Roland-Morris (rmdq): no score yet. Due now: 2026-11-23 (every 10 days)."
    );
    // A period after the last score still counts the schedule from it.
    let v = score_summaries(
        &s,
        &[sched(Instrument::Odi, 14)],
        d("2026-11-23"),
        Some(d("2026-11-20")),
    );
    assert_eq!((v[0].n, v[0].due_on), (0, Some(d("2026-11-23"))));
}
