//! Snapshots of page 1 (header, red flags, current state, symptoms, medication safety and
//! function) for a journal with a red flag two weeks ago, one in a flare today, and an empty
//! one; and the period of a new journal starting on its first day.

use super::common::Journal;
use super::doc::parse;

/// Page 1's markup (from the header to the start of the charts, a tag a line) and the text
/// of the whole document.
fn page1(j: &Journal, since: &str) -> (String, String) {
    let out = j.dir.path().join("p1.html");
    j.ok(&["report", "--since", since, "-o", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(&out).unwrap();
    let a = html.find("<body>").unwrap();
    let b = html.find("<section class=\"flow\" id=\"pain\">").unwrap();
    let text = parse(&html).unwrap().text;
    (html[a..b].replace("><", ">\n<"), text)
}

fn daily(j: &Journal, pains: &[u8], extra: impl Fn(usize) -> Vec<&'static str>) {
    for (i, p) in pains.iter().enumerate() {
        let day = format!("-{}", pains.len() - 1 - i);
        let mut a = vec!["checkin".to_string(), p.to_string(), "--date".into(), day];
        a.extend(extra(i).into_iter().map(String::from));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        j.ok(&a);
    }
}

#[test]
fn page_one_of_a_red_flag_journal() {
    let j = Journal::new();
    j.ok(&["set", "name", "Alex Doe"]);
    daily(&j, &[3; 28], |i| match i {
        13 => vec![
            "--red-flag",
            "saddle-numbness",
            "--red-flag",
            "bladder-change",
            "--note",
            "numb when sitting on the saddle",
        ],
        _ => vec![],
    });
    let (p, _) = page1(&j, "4w");
    // Clinical words and the date; no raw key and no instruction to the reader.
    assert!(p.contains("saddle numbness (perineal sensory change); change in bladder function"));
    assert!(!p.contains("saddle-numbness") && !p.contains("seek urgent"));
    insta::assert_snapshot!("page1_red_flag", p);
}

#[test]
fn page_one_of_a_journal_in_a_flare_today() {
    let j = Journal::new();
    let mut pains = vec![2u8; 40];
    pains.extend([7, 8, 8]);
    daily(&j, &pains, |i| {
        if i >= 40 {
            vec![
                "--worst",
                "9",
                "--where",
                "low-back,below-knee-right",
                "--feels",
                "shooting,tingling",
            ]
        } else {
            vec![]
        }
    });
    let (p, text) = page1(&j, "4w");
    assert!(text.contains("Pain that day: 8 /10, worst 9 /10"), "{text}");
    assert!(text.contains("In a flare: day 3"), "{text}");
    assert!(text.contains("Red flags: none logged in the period."));
    insta::assert_snapshot!("page1_flare_today", p);
}

#[test]
fn page_one_of_an_empty_journal() {
    let j = Journal::new();
    j.ok(&["init"]);
    let (p, text) = page1(&j, "12w");
    // No days before the journal began are counted, and nothing is drawn.
    assert!(text.contains("0 of 0 days logged"), "{text}");
    assert!(text.contains("Nothing logged yet"), "{text}");
    insta::assert_snapshot!("page1_empty", p);
}

#[test]
fn a_new_journal_counts_only_its_own_days() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "-1"]);
    j.ok(&["checkin", "2"]);
    let out = j.dir.path().join("n.html");
    let v = j.json(&["report", "-o", out.to_str().unwrap()]);
    let p = &v["figures"]["period"];
    assert_eq!(
        (p["days"].as_u64(), p["days_logged"].as_u64()),
        (Some(2), Some(2))
    );
    let text = parse(&std::fs::read_to_string(&out).unwrap()).unwrap().text;
    assert!(text.contains("2 of 2 days logged"), "{text}");
}

#[test]
fn paper_comes_from_the_flag_or_the_locale() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let out = j.dir.path().join("p.html");
    let run = |locale: &[(&str, &str)], extra: &[&str]| {
        let mut c = j.cmd();
        for k in ["LC_ALL", "LC_PAPER", "LANG"] {
            c.env_remove(k);
        }
        c.envs(locale.iter().copied());
        c.args(["report", "--json", "-o", out.to_str().unwrap()])
            .args(extra);
        let o = c.output().unwrap();
        assert!(o.status.success(), "{o:?}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let html = std::fs::read_to_string(&out).unwrap();
        (v["paper"].as_str().unwrap().to_string(), html)
    };
    let (p, html) = run(&[("LANG", "en_US.UTF-8")], &[]);
    assert_eq!(p, "letter");
    assert!(html.contains("@page { size: letter;"));
    assert_eq!(run(&[("LANG", "de_DE.UTF-8")], &[]).0, "a4");
    assert_eq!(run(&[], &[]).0, "a4");
    let (p, html) = run(&[("LANG", "en_US.UTF-8")], &["--paper", "a4"]);
    assert_eq!(p, "a4");
    assert!(html.contains("@page { size: A4;"));
    // Anything else is refused, naming the flag and the allowed values.
    std::fs::remove_file(&out).unwrap();
    let err = j.fails(&["report", "--paper", "a5", "-o", out.to_str().unwrap()], 2);
    assert!(
        err.contains("--paper") && err.contains("a4") && err.contains("letter"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn date_of_birth_is_a_checked_setting_printed_when_set() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    for bad in ["1990-02-30", "02/04/1990", "1850-01-01", "soon"] {
        let err = j.fails(&["set", "dob", bad], 2);
        assert!(
            err.contains("dob") && err.contains("YYYY-MM-DD"),
            "{bad}: {err}"
        );
    }
    j.fails(&["set", "dob", "1990-04-02", "--from", "-3"], 2);
    assert_eq!(j.json(&["settings"])["dob"], serde_json::Value::Null);
    let out = j.dir.path().join("d.html");
    j.ok(&["report", "-o", out.to_str().unwrap()]);
    let text = parse(&std::fs::read_to_string(&out).unwrap()).unwrap().text;
    assert!(!text.contains("Date of birth"), "{text}");
    j.ok(&["set", "dob", " 1990-04-02 "]);
    assert_eq!(j.json(&["settings"])["dob"], "1990-04-02");
    j.ok(&["report", "-o", out.to_str().unwrap()]);
    let text = parse(&std::fs::read_to_string(&out).unwrap()).unwrap().text;
    assert!(text.contains("Date of birth: 1990-04-02"), "{text}");
    j.ok(&["set", "dob", ""]);
    assert_eq!(j.json(&["settings"])["dob"], serde_json::Value::Null);
}

#[test]
fn counts_of_one_read_in_the_singular() {
    let j = Journal::new();
    daily(&j, &[2, 2, 2, 8, 2, 2], |_| vec![]);
    j.ok(&["ride", "1h", "--rpe", "5", "--date", "-1"]);
    let out = j.dir.path().join("s.html");
    j.ok(&["report", "-o", out.to_str().unwrap()]);
    let text = parse(&std::fs::read_to_string(&out).unwrap()).unwrap().text;
    assert!(text.contains("longest 1 day;"), "{text}");
    assert!(text.contains("1 session,"), "{text}");
    assert!(text.contains("Rides in the period: 1 ride."), "{text}");
    for wrong in [
        "1 days",
        "1 sessions",
        "1 rides",
        "1 check-ins",
        " 1 flares",
    ] {
        assert!(!text.contains(wrong), "{wrong:?} in {text}");
    }
}
