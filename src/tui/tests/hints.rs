//! The ranges the forms show are the ones they take (issue 25: limits typed by hand in the
//! hints could drift from the checks). Each hint's range is read off the field as the user
//! sees it; both ends are stored and one past either end is refused, naming the field.

use super::day;
use crate::domain::scores::{Instrument, check};
use crate::tui::forms::fields::Entry;
use crate::tui::forms::{programme_draft, programme_form, psfs_form, psfs_scores, score_form};

/// The whole range a form's hint shows ("sessions, 0–21" → (0, 21)).
fn hint_range(e: &Entry, key: &str) -> (i64, i64) {
    let field = e.fields.iter().find(|f| f.key == key).expect("field");
    let range = field
        .hint
        .split([' ', ','])
        .find(|w| w.contains('–'))
        .unwrap_or_else(|| panic!("{key}: no range in {:?}", field.hint));
    let (lo, hi) = range.split_once('–').unwrap();
    (lo.parse().unwrap(), hi.parse().unwrap())
}

#[test]
fn the_programme_forms_sessions_hint_is_what_it_stores() {
    let mut form = programme_form(&[]).entry;
    assert_eq!(hint_range(&form, "target"), (0, 21));
    form.set_text("name", "core");
    form.set_text("exercises", "bird dog:3x10");
    let target = |form: &mut Entry, n: i64| {
        form.set_text("target", &n.to_string());
        programme_draft(form).and_then(|d| crate::ops::rehab::programme_draft(&d, day()))
    };
    for n in [0, 21] {
        let got = target(&mut form, n);
        assert!(got.is_ok(), "target {n}: {got:?}");
    }
    let e = target(&mut form, 22).unwrap_err();
    assert_eq!(e.field, "target", "{e}");
}

#[test]
fn the_psfs_forms_score_hint_is_what_it_stores() {
    let mut form = psfs_form(Vec::new(), day()).entry;
    let (lo, hi) = hint_range(&form, "new_score");
    assert_eq!((lo, hi), (0, 10));
    form.set_text("new", "ride 3h with climbing");
    for (score, ok) in [(lo, true), (hi, true), (lo - 1, false), (hi + 1, false)] {
        form.set_text("new_score", &score.to_string());
        let got = psfs_scores(&form, &[]);
        assert_eq!(got.is_ok(), ok, "score {score}: {got:?}");
        if let Err(e) = got {
            assert!(e.message.contains(&format!("{lo}–{hi}")), "{e}");
        }
    }
}

/// The score form shows the psychosocial subscore's range and every instrument's totals; a
/// STarT Back total of 9 takes the subscore's top, and each total one past its top is refused.
#[test]
fn the_score_forms_ranges_are_what_score_add_takes() {
    let form = score_form(Vec::new());
    let (lo, hi) = hint_range(&form.entry, "psych");
    assert_eq!((lo, hi), (0, 5));
    for (psych, ok) in [(lo, true), (hi, true), (hi + 1, false)] {
        let got = check(Instrument::Startback, "9", Some(&psych.to_string()));
        assert_eq!(got.is_ok(), ok, "psych {psych}: {got:?}");
    }
    let info = form.info(day());
    assert_eq!(
        info[0],
        "Totals: odi 0–100 · rmdq 0–24 · peg 0–10 · promis-pi 20–90 · startback 0–9"
    );
    for (name, top) in [("odi", 100), ("rmdq", 24), ("peg", 10), ("startback", 9)] {
        let i = Instrument::parse(name).unwrap();
        let psych = (i == Instrument::Startback).then_some("0");
        assert!(check(i, &top.to_string(), psych).is_ok(), "{name} {top}");
        let e = check(i, &(top + 1).to_string(), psych).unwrap_err();
        assert!(e.message.contains("out of range"), "{name}: {e}");
    }
}

/// The check-in's hours: a typed word names the range, its top is stored, past it refused;
/// `+` stops at the top. Its scales step within pain's 0–10 and mood's 1–5.
#[test]
fn the_check_ins_hours_and_scales_keep_to_their_ranges() {
    use crate::tui::forms::checkin::{CheckinForm, Field};
    let mut form = CheckinForm::new(day(), None, Vec::new());
    form.pain = Some(3);
    form.sleep.set("lots");
    let e = form.to_checkin().unwrap_err();
    assert!(e.message.contains("hours 0–24"), "{e}");
    form.sleep.set("24");
    assert_eq!(form.to_checkin().unwrap().sleep_hours, Some(24.0));
    form.sleep.set("24.1");
    assert_eq!(form.to_checkin().unwrap_err().field, "sleep_hours");
    form.focus = Field::Sleep;
    form.sleep.set("23.5");
    form.adjust(1);
    form.adjust(1);
    assert_eq!(form.sleep.value(), "24");
    assert_eq!(
        (Field::Pain.range(), Field::Mood.range()),
        ((0, 10), (1, 5))
    );
}
