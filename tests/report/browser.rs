//! The 12-week demo report printed by a real headless Chromium: 2–4 pages, the period, the
//! planted red-flag day and mean7 in its text, and a first page that is not blank (and shows
//! the red of the red-flag box). Says SKIPPED where no Chromium is installed, and fails instead
//! in CI (`../support/skip.rs`).

use std::path::Path;
use std::process::Command;

use super::common::Journal;

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

pub fn browser() -> Option<String> {
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
        "chrome",
    ]
    .iter()
    .find(|b| std::env::split_paths(&path).any(|d| d.join(b).is_file()))
    .map(|b| b.to_string())
}

pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(out.status.success(), "{cmd} {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// (pixels darker than mid-grey, clearly red pixels, all pixels) of an RGB(A) PNG.
fn ink(png_path: &Path) -> (usize, usize, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let ch = info.color_type.samples();
    assert!(ch >= 3, "expected an RGB image, got {:?}", info.color_type);
    let px = &buf[..info.buffer_size()];
    let (mut dark, mut red) = (0, 0);
    for p in px.chunks(ch) {
        let (r, g, b) = (p[0] as u32, p[1] as u32, p[2] as u32);
        if r + g + b < 3 * 128 {
            dark += 1;
        }
        if r > 120 && g < 80 && b < 80 {
            red += 1;
        }
    }
    (dark, red, px.len() / ch)
}

/// Whether Chromium or poppler is missing (SKIPPED on stderr); in CI that fails.
pub fn missing_tools() -> bool {
    let missing: Vec<&str> = [
        browser().is_none().then_some("chromium"),
        (!tool("pdfinfo")).then_some("pdfinfo"),
        (!tool("pdftotext")).then_some("pdftotext"),
        (!tool("pdftoppm")).then_some("pdftoppm"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return false;
    }
    super::skip::skip(
        &missing.join(", "),
        "apt-get install chromium poppler-utils; .ci/run installs them",
    );
    true
}

#[test]
fn demo_report_prints_to_two_to_four_pages_in_chromium() {
    if missing_tools() {
        return;
    }
    let j = Journal::new();
    j.ok(&["demo"]);
    j.ok(&[
        "checkin",
        "7",
        "--date",
        "-9",
        "--red-flag",
        "saddle-numbness",
        "--note",
        "numb on the saddle",
    ]);
    let dir = j.dir.path();
    let html = dir.join("demo.html");
    let v = j.json(&[
        "report",
        "--since",
        "12w",
        "--pdf",
        "-o",
        html.to_str().unwrap(),
    ]);
    let pdf = dir.join("demo.pdf");
    assert_eq!(v["pdf"].as_str(), pdf.to_str(), "{v}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "PDF mode {mode:o}");
    }
    let p = pdf.to_str().unwrap();
    let info = run("pdfinfo", &[p]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{info}"));
    assert!((2..=4).contains(&pages), "{pages} pages");
    let text = run("pdftotext", &["-layout", p, "-"]);
    let (from, to) = (v["from"].as_str().unwrap(), v["to"].as_str().unwrap());
    assert!(
        text.contains(&format!("{from} to {to}")),
        "period missing:\n{text}"
    );
    assert!(
        text.contains("Red flags logged by the patient on 1 day"),
        "red flags missing:\n{text}"
    );
    // In clinical words, never the key.
    assert!(text.contains("saddle numbness (perineal sensory change)"));
    assert!(!text.contains("saddle-numbness"));
    let stats = j.json(&["stats", "--since", from]);
    let mean7 = format!("{:.1}", stats["pain"]["mean7"].as_f64().unwrap());
    let first_page = run("pdftotext", &["-f", "1", "-l", "1", "-layout", p, "-"]);
    assert!(
        first_page.contains(&mean7),
        "mean7 {mean7} not on page 1:\n{first_page}"
    );
    run(
        "pdftoppm",
        &[
            "-f",
            "1",
            "-l",
            "1",
            "-r",
            "50",
            "-png",
            "-singlefile",
            p,
            dir.join("page1").to_str().unwrap(),
        ],
    );
    let (dark, red, all) = ink(&dir.join("page1.png"));
    assert!(all > 100_000, "{all} pixels");
    assert!(
        dark * 200 > all,
        "page 1 is blank: {dark} dark pixels of {all}"
    );
    assert!(dark * 3 < all, "page 1 is mostly dark: {dark} of {all}");
    assert!(red > 50, "the red-flag box is not red: {red} red pixels");

    // The same document on A4 (the default above is the browser's, Letter here).
    let a4 = dir.join("a4.html");
    std::fs::write(
        &a4,
        std::fs::read_to_string(&html).unwrap().replacen(
            "<style>",
            "<style>@page { size: A4; }",
            1,
        ),
    )
    .unwrap();
    let a4_pdf = dir.join("a4.pdf");
    let b = browser().unwrap();
    let profile = tempfile::tempdir().unwrap();
    run(
        &b,
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--print-to-pdf={}", a4_pdf.display()),
            &format!("file://{}", a4.display()),
        ],
    );
    let info = run("pdfinfo", &[a4_pdf.to_str().unwrap()]);
    assert!(info.contains("(A4)"), "{info}");
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!((2..=4).contains(&pages), "{pages} A4 pages");
}
