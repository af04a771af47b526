//! The README's shell one-liners, run in order on a fresh journal: a new user who copies them
//! gets exit 0 from every line.

use super::common::Journal;

/// Splits a README line like a shell would for these simple cases: double quotes group words,
/// `#` outside quotes starts a comment.
fn words(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            '#' if !quoted => break,
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

fn readme_one_liners() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let mut in_sh = false;
    let mut lines = Vec::new();
    for l in readme.lines() {
        if l.starts_with("```") {
            in_sh = l == "```sh";
            continue;
        }
        if in_sh && l.starts_with("backtrack ") {
            lines.push(words(l)[1..].to_vec());
        }
    }
    lines
}

#[test]
fn words_split_like_a_shell() {
    assert_eq!(
        words(r#"backtrack rehab log "bird dog:3x10" --x 1   # a comment"#),
        vec!["backtrack", "rehab", "log", "bird dog:3x10", "--x", "1"]
    );
}

#[test]
fn every_readme_one_liner_works_on_a_fresh_journal() {
    let lines = readme_one_liners();
    assert!(
        lines.len() >= 8,
        "the Quick start lists its one-liners: {lines:?}"
    );
    let must = ["med add", "med take", "rehab log", "ride"];
    for m in must {
        assert!(
            lines.iter().any(|l| l.join(" ").starts_with(m)),
            "README shows `backtrack {m}`"
        );
    }
    let j = Journal::new();
    // As a user would run them: in their own folder, `~` their home (here both the temp dir,
    // so a report or a reminder file never lands in the repo or the real home).
    let home = j.dir.path().to_string_lossy().into_owned();
    for l in &lines {
        let args: Vec<String> = l.iter().map(|a| a.replace('~', &home)).collect();
        let out = j
            .cmd()
            .current_dir(j.dir.path())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", j.dir.path().join(".config"))
            .env("PATH", "/usr/bin:/bin")
            .args(&args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "backtrack {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let rides = j.json(&["list", "activities"]);
    assert!(
        rides[0]["tss"].as_f64().is_some(),
        "the ride got a TSS: {rides}"
    );
    assert_eq!(j.json(&["list", "rehab"]).as_array().map(Vec::len), Some(1));
}
