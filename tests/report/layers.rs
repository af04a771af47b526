//! The report is a front end of its own (SPEC §11): it never imports the app, the CLI or SQL.

#[test]
fn the_report_imports_neither_the_cli_nor_the_app_nor_sql() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/report");
    let mut files = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "rs") {
            let src = std::fs::read_to_string(&path).unwrap();
            for bad in ["crate::cli", "crate::tui", "rusqlite", "super::super"] {
                assert!(!src.contains(bad), "{} uses {bad}", path.display());
            }
            files += 1;
        }
    }
    assert!(files >= 5, "src/report has {files} files");
}
