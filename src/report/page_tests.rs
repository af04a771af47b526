//! The printed page: the paper size from the locale, and the running head that carries the
//! patient's name safely inside the style element.

use chrono::NaiveDate;

use super::Paper;
use super::html::page_css;
use crate::analysis::JournalData;
use crate::views::report::ReportData;

fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    }
}

#[test]
fn paper_is_letter_only_in_the_us_and_canada() {
    assert_eq!(
        Paper::from_locale(env(&[("LANG", "en_US.UTF-8")])),
        Paper::Letter
    );
    assert_eq!(
        Paper::from_locale(env(&[("LANG", "fr_CA.UTF-8")])),
        Paper::Letter
    );
    assert_eq!(
        Paper::from_locale(env(&[("LANG", "en_GB.UTF-8")])),
        Paper::A4
    );
    assert_eq!(Paper::from_locale(env(&[("LANG", "C.UTF-8")])), Paper::A4);
    assert_eq!(Paper::from_locale(env(&[])), Paper::A4);
    // LC_PAPER wins over LANG, LC_ALL over both; an empty one is skipped.
    let e = [("LANG", "en_US.UTF-8"), ("LC_PAPER", "de_DE.UTF-8")];
    assert_eq!(Paper::from_locale(env(&e)), Paper::A4);
    let e = [("LC_ALL", "en_US"), ("LC_PAPER", "de_DE.UTF-8")];
    assert_eq!(Paper::from_locale(env(&e)), Paper::Letter);
    let e = [("LC_ALL", ""), ("LANG", "en_CA.UTF-8@euro")];
    assert_eq!(Paper::from_locale(env(&e)), Paper::Letter);
}

#[test]
fn the_running_head_escapes_the_name() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let r = ReportData::new(
        JournalData::default(),
        d("2025-03-03"),
        d("2025-03-23"),
        d("2025-03-23"),
        Some("Al \"x\"; } </style><script>\\".into()),
    );
    let css = page_css(&r, Paper::Letter);
    assert!(css.starts_with("@page { size: letter;"), "{css}");
    // Nothing in the name can end the CSS string or the style element.
    let inside = &css[css.find("content: \"").unwrap() + 10..];
    let string = &inside[..inside.find('"').unwrap()];
    assert_eq!(
        string,
        "Al \\22 x\\22 ; } \\3c /style\\3e \\3c script\\3e \\5c  · 2025-03-03 to 2025-03-23"
    );
    assert!(!css.contains("</style") && !css.contains('<'));
    let none = ReportData::new(
        JournalData::default(),
        d("2025-03-03"),
        d("2025-03-23"),
        d("2025-03-23"),
        None,
    );
    assert!(page_css(&none, Paper::A4).contains("content: \"2025-03-03 to 2025-03-23\""));
}
