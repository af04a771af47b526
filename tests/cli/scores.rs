//! Outcome scores (issue 23, SPEC §14): `score add|list|every`, each instrument's range refused
//! with exit 2 and nothing written, STarT Back's risk rule on its boundaries, the meaningful
//! change at the cited MIC (9 vs 10 for the Oswestry), and scores in stats, export/import and
//! the trash.

use serde_json::Value;

use super::common::Journal;

fn summary<'a>(v: &'a Value, inst: &str) -> &'a Value {
    v["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["instrument"] == inst)
        .unwrap_or_else(|| panic!("{inst} in {v}"))
}

#[test]
fn each_instrument_is_stored_and_confirmed() {
    let j = Journal::new();
    let out = j.ok(&["score", "add", "odi", "32", "--date", "2026-11-20"]);
    assert_eq!(
        out.trim(),
        "Saved outcome score s1 for 2026-11-20: odi 32 (Oswestry Disability Index)"
    );
    j.ok(&["score", "add", "rmdq", "9"]);
    j.ok(&["score", "add", "peg", "6.3", "--note", "after the clinic"]);
    j.ok(&["score", "add", "promis-pi", "61.2"]);
    let out = j.ok(&["score", "add", "startback", "5", "--psych", "4"]);
    assert!(
        out.contains("startback 5 (STarT Back), psychosocial 4: high risk by the published rule"),
        "{out}"
    );
    let v = j.json(&["score", "list"]);
    assert_eq!(j.json(&["score"]), v, "`score` alone is `score list`");
    let rows = v["scores"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["ref"], "s1");
    assert_eq!(rows[0]["instrument"], "odi");
    assert_eq!(rows[0]["value"], 32.0);
    assert_eq!(rows[4]["psych"], 4);
    assert_eq!(summary(&v, "startback")["latest"]["risk"], "high");
    let info = j.ok(&["info", "s3"]);
    assert!(info.contains("after the clinic"), "{info}");
    // A note's line break cannot forge a row of the list.
    j.ok(&[
        "score",
        "add",
        "rmdq",
        "8",
        "--note",
        "ok\ns9    2026-01-01  odi 0",
    ]);
    let list = j.ok(&["score", "list"]);
    assert!(!list.lines().any(|l| l.starts_with("s9")), "{list}");
    assert!(list.contains("ok\\u000as9"), "{list}");
}

#[test]
fn out_of_range_scores_are_refused_naming_the_field_and_nothing_is_written() {
    let j = Journal::new();
    j.ok(&["score", "add", "odi", "40"]);
    let before = j.export();
    for (args, field, allowed) in [
        (&["odi", "101"][..], "odi value", "0–100"),
        (&["odi", "-1"], "odi value", "0–100"),
        (&["odi", "20.25"], "odi value", "one decimal"),
        (&["rmdq", "25"], "rmdq value", "whole numbers 0–24"),
        (&["rmdq", "4.5"], "rmdq value", "whole numbers 0–24"),
        (&["peg", "10.5"], "peg value", "0–10"),
        (&["promis-pi", "19"], "promis-pi value", "20–90"),
        (&["promis-pi", "95"], "promis-pi value", "20–90"),
        (
            &["startback", "10", "--psych", "2"],
            "startback value",
            "0–9",
        ),
        (&["startback", "5"], "psych", "0–5"),
        (&["startback", "5", "--psych", "6"], "psych", "0–5"),
        (
            &["startback", "2", "--psych", "3"],
            "psych",
            "above the total",
        ),
        (
            &["odi", "30", "--psych", "2"],
            "psych",
            "only with startback",
        ),
        (
            &["sf36", "30"],
            "instrument",
            "odi, rmdq, peg, promis-pi, startback",
        ),
        (&["odi", "30", "--date", "2030-01-01"], "date", ""),
    ] {
        let mut a = vec!["score", "add"];
        a.extend(args);
        let err = j.fails(&a, 2);
        assert!(
            err.contains(field) && err.contains(allowed),
            "{args:?}: {err}"
        );
    }
    let err = j.fails(&["score", "every", "odi", "3m"], 2);
    assert!(err.contains("every") && err.contains("Nd or Nw"), "{err}");
    assert_eq!(j.export(), before, "nothing written");
}

#[test]
fn startback_risk_groups_on_the_rules_boundaries() {
    let j = Journal::new();
    for (total, psych, risk) in [
        ("3", "3", "low"),
        ("4", "3", "medium"),
        ("4", "4", "high"),
        ("9", "3", "medium"),
    ] {
        let out = j.ok(&["score", "add", "startback", total, "--psych", psych]);
        assert!(
            out.contains(&format!("{risk} risk")),
            "{total}/{psych}: {out}"
        );
        let v = j.json(&["score", "list"]);
        assert_eq!(summary(&v, "startback")["latest"]["risk"], risk);
    }
}

#[test]
fn a_meaningful_change_only_at_the_cited_mic() {
    let j = Journal::new();
    j.ok(&["score", "add", "odi", "44", "--date", "2026-10-01"]);
    j.ok(&["score", "add", "odi", "35", "--date", "2026-10-15"]);
    let v = j.json(&["score", "list"]);
    let o = summary(&v, "odi");
    assert_eq!(o["change_from_first"], -9.0);
    assert_eq!(o["meaningful_from_first"], false, "9 points is below 10");
    j.ok(&["score", "add", "odi", "34", "--date", "2026-11-01"]);
    let v = j.json(&["score", "list"]);
    let o = summary(&v, "odi");
    assert_eq!(o["change_from_first"], -10.0);
    assert_eq!(o["meaningful_from_first"], true, "10 points is the MIC");
    assert_eq!(o["change_from_previous"], -1.0);
    assert_eq!(o["mic"], 10.0);
    let text = j.ok(&["score", "list"]);
    assert!(
        text.contains(
            "from the first (44 on 2026-10-01) down 10: a meaningful change (≥ 10 points)"
        ),
        "{text}"
    );
    // Roland-Morris at 5; PEG has no MIC cited, so no verdict.
    j.ok(&["score", "add", "rmdq", "14", "--date", "2026-10-01"]);
    j.ok(&["score", "add", "rmdq", "10", "--date", "2026-11-01"]);
    j.ok(&["score", "add", "peg", "8", "--date", "2026-10-01"]);
    j.ok(&["score", "add", "peg", "2", "--date", "2026-11-01"]);
    let st = j.json(&["stats"]);
    let find = |inst: &str| {
        st["scores"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["instrument"] == inst)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("rmdq")["meaningful_from_first"], false, "4 of 5");
    assert_eq!(find("peg")["meaningful_from_first"], Value::Null);
    assert_eq!(find("odi")["meaningful_from_first"], true);
    let text = j.ok(&["stats"]);
    assert!(
        text.contains("PEG (peg): 2 on 2026-11-01; from the first (8 on 2026-10-01) down 6."),
        "{text}"
    );
    // `stats --since` starts the comparison in the period.
    let st = j.json(&["stats", "--since", "2026-10-10"]);
    let odi = st["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["instrument"] == "odi")
        .cloned()
        .unwrap();
    assert_eq!(
        (odi["n"].as_u64(), odi["change_from_first"].as_f64()),
        (Some(2), Some(-1.0))
    );
}

#[test]
fn a_schedule_says_when_a_score_is_due() {
    let j = Journal::new();
    j.ok(&["score", "add", "odi", "30", "--date", "2026-11-09"]);
    let out = j.ok(&["score", "every", "odi", "2w"]);
    assert!(out.contains("odi every 14 days"), "{out}");
    let text = j.ok(&["score", "list"]);
    assert!(
        text.contains("Due now: 2026-11-23 (every 2 weeks)."),
        "{text}"
    );
    j.ok(&["score", "every", "rmdq", "10d"]);
    let v = j.json(&["score", "list"]);
    assert_eq!(summary(&v, "rmdq")["due"], true, "never taken: due");
    j.ok(&["score", "add", "odi", "28"]);
    let v = j.json(&["score", "list"]);
    assert_eq!(summary(&v, "odi")["due_on"], "2026-12-07");
    assert_eq!(summary(&v, "odi")["due"], false);
    let out = j.ok(&["score", "every", "rmdq", "off"]);
    assert!(out.contains("Ended the schedule for rmdq"), "{out}");
    let v = j.json(&["score", "list"]);
    assert!(
        v["summaries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["instrument"] != "rmdq")
    );
}

#[test]
fn scores_survive_export_import_and_the_trash() {
    let j = Journal::new();
    j.ok(&[
        "score",
        "add",
        "odi",
        "42.5",
        "--date",
        "2026-11-01",
        "--note",
        "clinic",
    ]);
    j.ok(&["score", "add", "startback", "6", "--psych", "2"]);
    j.ok(&["score", "every", "odi", "2w"]);
    let first = j.export();
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format_version"], 4);
    assert_eq!(doc["tables"]["scores"].as_array().unwrap().len(), 2);
    assert_eq!(doc["tables"]["score_schedules"][0]["every_days"], 14);
    let path = j.dir.path().join("e.json");
    std::fs::write(&path, &first).unwrap();
    let k = Journal::new();
    k.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(k.export(), first, "export → import → export is identical");
    // Delete, see it in the trash, restore.
    let out = j.ok(&["delete", "s1"]);
    assert!(out.contains("odi 42.5"), "{out}");
    assert_eq!(
        j.json(&["score", "list"])["scores"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let trash = j.ok(&["trash"]);
    assert!(
        trash.contains("s1") && trash.contains("odi 42.5"),
        "{trash}"
    );
    j.ok(&["restore", "s1"]);
    assert_eq!(
        j.json(&["score", "list"])["scores"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // A tampered score is refused by name, for its own instrument's range.
    let bad = first.replacen("\"value\": 42.5", "\"value\": 142.5", 1);
    std::fs::write(&path, bad).unwrap();
    let m = Journal::new();
    let err = m.fails(&["import", path.to_str().unwrap()], 2);
    assert!(err.contains("scores.value"), "{err}");
    let bad = first.replacen("\"psych\": 2", "\"psych\": 7", 1);
    std::fs::write(&path, bad).unwrap();
    let err = m.fails(&["import", path.to_str().unwrap()], 2);
    assert!(err.contains("scores.psych"), "{err}");
}
