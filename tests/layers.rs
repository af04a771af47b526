//! The layers of SPEC §11 as a test: front ends (cli, tui, report) -> ops and views ->
//! analysis, repo -> domain. It reads every file under `src/` and fails naming the file and
//! the rule it breaks: the app importing the CLI, the CLI reaching into the app beyond
//! starting it and drawing one screen, domain or analysis importing layers above them, ops or
//! views importing a front end, or SQL (rusqlite) outside `src/repo/`.

use std::path::{Path, PathBuf};

/// What the CLI may take from the app: start it, and draw one screen for `show`.
const CLI_MAY_USE_FROM_TUI: &[&str] = &["run", "render_once", "Screen"];
/// What the CLI and the app may take from the report: writing it (the `report` command and
/// the app's key on Trends), never its insides.
const MAY_USE_FROM_REPORT: &[&str] = &[
    "ReportOptions",
    "Paper",
    "build",
    "load",
    "output_path",
    "pdf",
    "write_private",
    "write_report",
    "default_name",
];

/// The top-level module a file belongs to: `src/tui/app.rs` -> `tui`, `src/lib.rs` -> `lib`.
fn layer(rel: &str) -> &str {
    let rest = rel.strip_prefix("src/").unwrap_or(rel);
    let first = rest.split('/').next().unwrap_or(rest);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// The source without comments, so a doc line naming a module is not an import.
fn code(source: &str) -> String {
    source
        .lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string ("https://…") keeps the line: count the quotes before it.
            Some(i) if l[..i].matches('"').count() % 2 == 0 => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules of the crate a file names (`crate::repo::…` -> `repo`).
fn crate_modules(code: &str) -> Vec<String> {
    code.match_indices("crate::")
        .filter(|(i, _)| {
            // `backtrack_crate::` or `mycrate::` are not this crate.
            !code[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .map(|(i, m)| ident(&code[i + m.len()..]))
        .collect()
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The names a file takes from `crate::tui`: `crate::tui::run` -> `run`,
/// `crate::tui::{Screen, render_once}` -> both, `crate::tui::screens::x` -> `screens`.
fn names_from_tui(code: &str) -> Vec<String> {
    names_from(code, "crate::tui")
}

/// The names a file takes from `module` (`crate::report::{a, b}` -> a, b).
fn names_from(code: &str, module: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, m) in code.match_indices(module) {
        let rest = &code[i + m.len()..];
        let Some(rest) = rest.strip_prefix("::") else {
            out.push("(the whole module)".to_string());
            continue;
        };
        match rest.strip_prefix('{') {
            Some(group) => {
                let inner = group.split('}').next().unwrap_or("");
                out.extend(
                    inner
                        .split(',')
                        .map(|p| ident(p.trim()))
                        .filter(|p| !p.is_empty()),
                );
            }
            None => out.push(ident(rest)),
        }
    }
    out
}

fn uses_crate(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && after.is_some_and(|c| c == ':' || c == ';')
    })
}

/// Every rule `source` (the file at `rel`, relative to the crate root) breaks.
fn check(rel: &str, source: &str) -> Vec<String> {
    let code = code(source);
    let layer = layer(rel);
    let mods = crate_modules(&code);
    let mut broken = Vec::new();
    let mut forbid = |targets: &[&str], rule: &str| {
        for m in &mods {
            if targets.contains(&m.as_str()) {
                let msg = format!("{rel}: imports crate::{m}; {rule}");
                if !broken.contains(&msg) {
                    broken.push(msg);
                }
            }
        }
    };
    match layer {
        "tui" => forbid(&["cli"], "a front end never imports another"),
        "report" => forbid(&["cli", "tui"], "a front end never imports another"),
        "ops" | "views" => forbid(
            &["cli", "tui", "report"],
            "ops and views sit below the front ends",
        ),
        "analysis" => forbid(
            &[
                "repo", "cli", "tui", "report", "ops", "views", "import", "demo",
            ],
            "analysis is pure functions over plain data",
        ),
        _ => {}
    }
    if layer == "domain" {
        for m in &mods {
            if m != "domain" {
                broken.push(format!(
                    "{rel}: imports crate::{m}; domain uses only std, its crates and itself"
                ));
            }
        }
        for dep in ["rusqlite", "ratatui", "crossterm", "clap", "tui_input"] {
            if uses_crate(&code, dep) {
                broken.push(format!(
                    "{rel}: uses {dep}; domain uses only std, its crates and itself"
                ));
            }
        }
    }
    if layer == "cli" || layer == "tui" {
        for name in names_from(&code, "crate::report") {
            if !MAY_USE_FROM_REPORT.contains(&name.as_str()) {
                broken.push(format!(
                    "{rel}: takes crate::report::{name}; a front end may only write the report (write_report and its options), never use its insides"
                ));
            }
        }
    }
    if layer == "cli" {
        for name in names_from_tui(&code) {
            if !CLI_MAY_USE_FROM_TUI.contains(&name.as_str()) {
                broken.push(format!(
                    "{rel}: takes crate::tui::{name}; the CLI may only start the app (run) and draw one screen (render_once, Screen)"
                ));
            }
        }
    }
    if layer != "repo" && uses_crate(&code, "rusqlite") {
        broken.push(format!("{rel}: uses rusqlite; only src/repo/ runs SQL"));
    }
    broken
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_file_under_src_keeps_to_its_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 50, "found only {} files", files.len());
    let mut broken = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(path).expect("readable source");
        broken.extend(check(&rel, &source));
    }
    assert!(
        broken.is_empty(),
        "layer rules broken (SPEC §11):\n  {}",
        broken.join("\n  ")
    );
}

#[test]
fn the_checker_catches_each_rule() {
    let cases = [
        (
            "src/tui/forms/meds.rs",
            "use crate::cli::{MedAddArgs, build_medication};",
            "src/tui/forms/meds.rs: imports crate::cli; a front end never imports another",
        ),
        (
            "src/cli/show.rs",
            "use crate::tui::insights::Range;",
            "src/cli/show.rs: takes crate::tui::insights;",
        ),
        (
            "src/cli/show.rs",
            "use crate::tui::{Screen, app::App, render_once};",
            "src/cli/show.rs: takes crate::tui::app;",
        ),
        (
            "src/domain/records.rs",
            "use crate::analysis::tss::estimate_tss;",
            "src/domain/records.rs: imports crate::analysis; domain uses only std",
        ),
        (
            "src/domain/vocab.rs",
            "fn f(c: &rusqlite::Connection) {}",
            "src/domain/vocab.rs: uses rusqlite; domain uses only std",
        ),
        (
            "src/analysis/stats.rs",
            "fn f(r: &crate::repo::Repo) {}",
            "src/analysis/stats.rs: imports crate::repo; analysis is pure",
        ),
        (
            "src/ops/meds.rs",
            "use crate::tui::app::App;",
            "src/ops/meds.rs: imports crate::tui; ops and views sit below the front ends",
        ),
        (
            "src/views/insights.rs",
            "use crate::cli::Ctx;",
            "src/views/insights.rs: imports crate::cli; ops and views sit below",
        ),
        (
            "src/report/html.rs",
            "use crate::tui::theme::Theme;",
            "src/report/html.rs: imports crate::tui; a front end never imports another",
        ),
        (
            "src/tui/app.rs",
            "use crate::report::html::page;",
            "src/tui/app.rs: takes crate::report::html; a front end may only write the report",
        ),
        (
            "src/tui/app.rs",
            "use rusqlite::params;",
            "src/tui/app.rs: uses rusqlite; only src/repo/ runs SQL",
        ),
    ];
    for (rel, source, expected) in cases {
        let broken = check(rel, source);
        assert!(
            broken.iter().any(|b| b.starts_with(expected)),
            "{rel} with `{source}` should break \"{expected}\"; got {broken:?}"
        );
    }
    // What the rules allow: the CLI starting the app and drawing one screen, comments and
    // strings that name a module, the repo's SQL, ops using the repo and analysis.
    let allowed = [
        ("src/cli/system.rs", "crate::tui::run(ctx.repo, ctx.today)"),
        ("src/cli/show.rs", "use crate::tui::{Screen, render_once};"),
        (
            "src/tui/app.rs",
            "crate::report::write_report(&repo, from, to, today, &opts)",
        ),
        ("src/tui/app.rs", "// not crate::cli::anything, a comment"),
        (
            "src/repo/meds.rs",
            "use rusqlite::{OptionalExtension, params};",
        ),
        (
            "src/ops/meds.rs",
            "use crate::repo::Repo;\nuse crate::analysis::tss;",
        ),
        ("src/domain/records.rs", "use crate::domain::vocab::Source;"),
    ];
    for (rel, source) in allowed {
        assert_eq!(check(rel, source), Vec::<String>::new(), "{rel}: {source}");
    }
}
