//! `demo`, `stats`, `chart` and `criteria`: the demo's planted effects come back out of
//! `stats --json` with the stable keys of SPEC §7.4.

use super::common::Journal;

#[test]
fn demo_planted_load_effect_is_recovered_by_stats() {
    let j = Journal::new();
    let d = j.json(&["demo", "--years", "2", "--seed", "7"]);
    assert!(d["checkins"].as_u64().unwrap() > 600, "{d}");
    let s = j.json(&["stats"]);
    for key in [
        "pain",
        "flares",
        "load",
        "load_pain",
        "hard_vs_rest",
        "push_through",
        "tags",
        "meds",
        "rehab",
        "psfs",
        "criteria",
        "red_flags_today",
    ] {
        assert!(s.get(key).is_some(), "stats --json lacks {key}");
    }
    // The generator adds 1.5 points of next-day pain per 100 TSS above the usual: after the
    // hardest quarter of days, among days that started from the same pain, next-day pain must
    // be 0.5–2.5 points above that after rest days.
    let hvr = &s["hard_vs_rest"];
    let effect = hvr["adjusted"].as_f64().unwrap();
    assert!(
        (0.5..2.5).contains(&effect),
        "planted load effect not recovered: {hvr}"
    );
    assert!(
        hvr["n_hard"].as_u64().unwrap() >= 14 && hvr["n_rest"].as_u64().unwrap() >= 14,
        "{hvr}"
    );
    let lag1 = s["load_pain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lag"] == 1)
        .unwrap();
    assert!(lag1["spearman"].as_f64().unwrap() > 0.0, "{lag1}");
    // Shovelling was planted at +2 the next day.
    let shovel = s["tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tag"] == "shoveling" && t["lag"] == 1)
        .expect("shoveling lag 1");
    assert!(
        shovel["with_mean"].as_f64().unwrap() - shovel["without_mean"].as_f64().unwrap() > 1.0,
        "{shovel}"
    );
    assert_eq!(s["meds"]["injections_12m"], 1);
}

#[test]
fn demo_is_deterministic_and_refuses_a_journal_with_data() {
    let a = Journal::new();
    let b = Journal::new();
    a.ok(&["demo", "--seed", "3"]);
    b.ok(&["demo", "--seed", "3"]);
    let strip = |j: &Journal| {
        let v = j.json(&["list", "activities", "--all"]);
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| (x["start"].clone(), x["tss"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&a), strip(&b));
    let err = a.fails(&["demo"], 2);
    assert!(err.contains("already has data"), "{err}");
}

#[test]
fn chart_draws_plain_text_of_the_requested_size() {
    let j = Journal::new();
    j.ok(&["demo"]);
    let out = j.ok(&["chart", "pain", "--width", "60", "--height", "8"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Pain"), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 60), "{out}");
    assert!(out.contains('o'), "no pain points drawn: {out}");
    j.fails(&["chart", "mood"], 2);
    j.fails(&["chart", "pain", "--width", "5"], 2);
}

#[test]
fn criteria_can_be_listed_added_and_changed() {
    let j = Journal::new();
    for (days_ago, pain) in [
        ("-4", "2"),
        ("-3", "3"),
        ("-2", "2"),
        ("-1", "1"),
        ("today", "2"),
    ] {
        j.ok(&["checkin", pain, "--date", days_ago]);
    }
    let list = j.json(&["criteria"]);
    assert_eq!(list.as_array().unwrap().len(), 3, "{list}");
    assert_eq!(list[0]["rule"], "mean7 <= 3");
    let k = j.json(&["criteria", "add", "pain <= 2"]);
    assert_eq!(k["rule"], "pain <= 2");
    let err = j.fails(&["criteria", "add", "feel better"], 2);
    assert!(err.contains("rule:") && err.contains("mean7 <= N"), "{err}");
    j.ok(&["criteria", "set", "k2", "no-flare 21"]);
    let list = j.json(&["criteria"]);
    assert_eq!(list[1]["rule"], "no-flare 21");
    assert_eq!(
        list[3]["met"], true,
        "today's pain 2 meets pain <= 2: {list}"
    );
}

#[test]
fn show_trends_draws_the_range_asked_for_and_refuses_it_elsewhere() {
    let j = Journal::new();
    j.ok(&["demo", "--years", "2", "--seed", "7"]);
    let default = j.ok(&["show", "trends"]);
    assert!(default.contains("Last 12 weeks"), "{default}");
    let year = j.ok(&["show", "trends", "--range", "1y"]);
    assert!(year.contains("Last 1 year"), "{year}");
    let all = j.ok(&[
        "show", "trends", "--range", "all", "--width", "120", "--height", "40",
    ]);
    assert!(all.contains("All history"), "{all}");
    let err = j.fails(&["show", "today", "--range", "1y"], 2);
    assert!(err.contains("range") && err.contains("trends"), "{err}");
    j.fails(&["show", "trends", "--range", "2y"], 2);
}

/// The text of the dashboard's "Most notable" panel in a `show today` frame, unwrapped.
fn notable_panel(frame: &str) -> String {
    let lines: Vec<Vec<char>> = frame.lines().map(|l| l.chars().collect()).collect();
    let (top, col) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| {
            let s: String = l.iter().collect();
            s.find("┌ Most notable")
                .map(|b| (i, s[..b].chars().count()))
        })
        .expect("a Most notable panel");
    let mut words = Vec::new();
    for l in &lines[top + 1..] {
        if l.get(col) == Some(&'└') {
            break;
        }
        let inner: String = l[col + 1..l.len() - 1].iter().collect();
        words.extend(inner.split_whitespace().map(str::to_string));
    }
    words.join(" ")
}

#[test]
fn the_dashboard_headlines_what_stats_since_365d_does() {
    let j = Journal::new();
    j.ok(&["demo", "--years", "2", "--seed", "7"]);
    let s = j.json(&["stats", "--since", "365d"]);
    let sentence = s["notable"]["sentence"]
        .as_str()
        .expect("a notable association");
    assert!(
        sentence.contains("unlikely to be chance (adjusted p "),
        "{sentence}"
    );
    let frame = j.ok(&["show", "today", "--width", "160", "--height", "40"]);
    assert_eq!(notable_panel(&frame), sentence, "{frame}");
    // Its p survives Holm's correction, and every association has a p beside its n.
    assert!(s["notable"]["p_holm"].as_f64().unwrap() <= 0.05, "{s}");
    // Lags 1–3 have a p beside their n; the same day (which pain steers) is never tested.
    for l in &s["load_pain"].as_array().unwrap()[1..] {
        assert!(l["p"].is_number() && l["n"].is_number(), "{l}");
    }
    assert!(s["load_pain"][0]["p"].is_null());
    assert!(s["sleep"]["p"].is_number() && s["sitting"][1]["p"].is_number());
}

#[test]
fn a_demo_without_effects_has_nothing_that_stands_out() {
    let j = Journal::new();
    let d = j.json(&["demo", "--years", "2", "--seed", "4", "--effects", "none"]);
    assert_eq!(d["effects"], "none");
    assert!(d["checkins"].as_u64().unwrap() > 600, "{d}");
    let s = j.json(&["stats"]);
    assert!(s["notable"].is_null(), "{}", s["notable"]);
    let text = j.ok(&["stats"]);
    assert!(text.contains("Nothing stands out yet ("), "{text}");
    assert!(
        text.contains("could well be chance (adjusted p = "),
        "{text}"
    );
    let frame = j.ok(&["show", "today", "--width", "160", "--height", "40"]);
    assert!(
        notable_panel(&frame).starts_with("Nothing stands out yet ("),
        "{frame}"
    );
    let err = j.fails(&["demo", "--effects", "some"], 2);
    assert!(err.contains("planted") && err.contains("none"), "{err}");
}

#[test]
fn the_chance_words_of_the_notable_line_are_never_cut_at_80x24() {
    let j = Journal::new();
    j.ok(&["demo", "--years", "2", "--seed", "7"]);
    let s = j.json(&["stats", "--since", "365d"]);
    let sentence = s["notable"]["sentence"]
        .as_str()
        .expect("a notable association");
    let words = &sentence[sentence.rfind("; ").unwrap() + 2..];
    assert!(
        words.starts_with("unlikely to be chance (adjusted p"),
        "{sentence}"
    );
    let frame = j.ok(&["show", "today", "--width", "80", "--height", "24"]);
    let panel = notable_panel(&frame);
    // The facts may be shortened with "…"; the verdict is whole, at the end.
    assert!(panel.ends_with(words), "{panel}\n{frame}");
    assert!(panel.contains('…'), "{panel}");
    assert!(
        panel.len() < sentence.len(),
        "at 80x24 the whole sentence does not fit: {panel}"
    );
}
