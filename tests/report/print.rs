//! The 2-year demo printed by a real headless Chromium on A4 and on Letter, with `--notes`:
//! no page but the last is more than half blank, the last holds more than a line, every page
//! carries the patient's name and the period; the event numbers never overlap; the flare days
//! survive a 1-bit photocopy. Skipped where Chromium or poppler is missing, except in CI.

use std::path::Path;
use std::process::Command;

use super::browser::{browser, missing_tools, run};
use super::common::Journal;

/// (width, height, gray levels) of a PNG, RGB or gray.
fn gray(png_path: &Path) -> (usize, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let ch = info.color_type.samples();
    let px = &buf[..info.buffer_size()];
    let g = px
        .chunks(ch)
        .map(|p| {
            if ch >= 3 {
                ((p[0] as u32 + p[1] as u32 + p[2] as u32) / 3) as u8
            } else {
                p[0]
            }
        })
        .collect();
    (info.width as usize, info.height as usize, g)
}

/// The share of a page's text area (inside the printed margins) below its last ink.
fn blank_share(png: &Path, top_mm: f64, bottom_mm: f64, page_mm: f64) -> f64 {
    let (w, h, g) = gray(png);
    let top = (top_mm / page_mm * h as f64) as usize;
    let bottom = h - (bottom_mm / page_mm * h as f64) as usize;
    let last_ink = (top..bottom)
        .rev()
        .find(|y| g[y * w..(y + 1) * w].iter().any(|v| *v < 160))
        .unwrap_or(top);
    (bottom - last_ink) as f64 / (bottom - top) as f64
}

fn demo_2y() -> Journal {
    let j = Journal::new();
    j.ok(&["demo", "--years", "2"]);
    j.ok(&["set", "name", "Alex Doe"]);
    j
}

#[test]
fn two_year_report_prints_on_a4_and_letter_without_blank_pages() {
    if missing_tools() {
        return;
    }
    let j = demo_2y();
    let dir = j.dir.path();
    for (paper, size, height_mm) in [("a4", "(A4)", 297.0), ("letter", "(letter)", 279.4)] {
        let html = dir.join(format!("{paper}.html"));
        let v = j.json(&[
            "report",
            "--since",
            "2y",
            "--notes",
            "--pdf",
            "--paper",
            paper,
            "-o",
            html.to_str().unwrap(),
        ]);
        assert_eq!(v["paper"], paper);
        let pdf = dir.join(format!("{paper}.pdf"));
        let p = pdf.to_str().unwrap();
        let info = run("pdfinfo", &[p]);
        assert!(info.contains(size), "{paper}: {info}");
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        assert!(pages >= 3, "{paper}: {pages} pages");
        let period = format!(
            "{} to {}",
            v["from"].as_str().unwrap(),
            v["to"].as_str().unwrap()
        );
        for i in 1..=pages {
            let n = i.to_string();
            let text = run("pdftotext", &["-f", &n, "-l", &n, "-layout", p, "-"]);
            assert!(
                text.contains("Alex Doe") && text.contains(&period),
                "{paper} page {i} lacks the name or the period:\n{text}"
            );
            // Pain and training print on one page.
            if text.contains("Pain and training") {
                assert!(
                    text.contains("TSS per week") && text.contains("pain (0–10)"),
                    "{paper} page {i}: the charts are split\n{text}"
                );
            }
            let prefix = dir.join(format!("{paper}-{i}"));
            run(
                "pdftoppm",
                &[
                    "-f",
                    &n,
                    "-l",
                    &n,
                    "-r",
                    "40",
                    "-png",
                    "-singlefile",
                    p,
                    prefix.to_str().unwrap(),
                ],
            );
            let png = prefix.with_extension("png");
            let blank = blank_share(&png, 13.0, 15.0, height_mm);
            if i < pages {
                assert!(
                    blank <= 0.5,
                    "{paper} page {i} of {pages} is {:.0} % blank",
                    blank * 100.0
                );
            } else {
                // The last page holds more than a tail: at least a fifth of its text area.
                assert!(
                    blank <= 0.8,
                    "{paper} last page holds only a tail ({:.0} % blank):\n{text}",
                    blank * 100.0
                );
                let words = text.split_whitespace().count();
                assert!(words > 40, "{paper} last page: {words} words\n{text}");
            }
        }
    }
}

/// (x, y, text) of the event numbers above the pain chart.
fn event_labels(html: &str) -> Vec<(f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let k = format!(" {name}=\"");
        let s = &tag[tag.find(&k).unwrap() + k.len()..];
        s[..s.find('"').unwrap()].parse().unwrap()
    };
    html.split("<text class=\"ev\"")
        .skip(1)
        .map(|s| {
            let (tag, rest) = s.split_once('>').unwrap();
            let text = rest[..rest.find("</text>").unwrap()].to_string();
            (attr(tag, "x"), attr(tag, "y"), text)
        })
        .collect()
}

#[test]
fn event_numbers_never_overlap_and_each_event_is_numbered() {
    let j = demo_2y();
    let out = j.dir.path().join("r.html");
    let v = j.json(&["report", "--since", "2y", "-o", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(&out).unwrap();
    let labels = event_labels(&html);
    let n_events = v["figures"]["events"].as_array().unwrap().len();
    assert!(n_events >= 20, "{n_events} events");
    // Boxes: bold digits at most 0.7 em wide, 13 units high, centred on x.
    let boxes: Vec<(f64, f64, f64, f64)> = labels
        .iter()
        .map(|(x, y, t)| {
            let w = t.chars().count() as f64 * 13.0 * 0.7;
            (x - w / 2.0, y - 13.0, x + w / 2.0, *y)
        })
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for (k, b) in boxes.iter().enumerate().skip(i + 1) {
            let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
            assert!(apart, "labels {:?} and {:?} overlap", labels[i], labels[k]);
        }
    }
    // Chart text prints at 8 pt or more: the charts span the text width (182 mm on A4, the
    // narrower paper) over 760 units, so 12 units are 8.1 pt.
    let sizes: Vec<f64> = html
        .split("font-size=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect();
    assert!(sizes.len() > 20);
    let smallest = sizes.iter().cloned().fold(f64::MAX, f64::min);
    assert!(
        smallest * 182.0 / 760.0 / 0.3528 >= 8.0,
        "chart text at {smallest} units"
    );
    // No date can break at its hyphens: every YYYY-MM-DD in the text (charts aside) sits in an
    // element that keeps it on one line (`.d`, or a figure's `.fig`).
    let body = &html[html.find("<body>").unwrap()..];
    let mut rest = body;
    let mut text = String::new();
    while let Some(a) = rest.find("<svg") {
        text.push_str(&rest[..a]);
        rest = &rest[a + rest[a..].find("</svg>").unwrap()..];
    }
    text.push_str(rest);
    let bytes = text.as_bytes();
    let is_date = |i: usize| {
        i + 10 <= bytes.len()
            && (0..10).all(|k| match k {
                4 | 7 => bytes[i + k] == b'-',
                _ => bytes[i + k].is_ascii_digit(),
            })
    };
    let mut dates = 0;
    for i in 0..bytes.len() {
        if is_date(i) && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            dates += 1;
            let before = &text[..i];
            let open = before.rfind('<').unwrap();
            let tag = &before[open..];
            assert!(
                tag.starts_with("<span class=\"d\"") || tag.starts_with("<span class=\"fig\""),
                "a date that can break: {}",
                String::from_utf8_lossy(&bytes[i.saturating_sub(60)..i + 10])
            );
        }
    }
    assert!(dates > 50, "{dates} dates");
    // Every event 1..=n appears once, alone or in a range "a–b".
    let mut seen = Vec::new();
    for (_, _, t) in &labels {
        let (a, b) = t.split_once('–').unwrap_or((t, t));
        seen.extend(a.parse::<usize>().unwrap()..=b.parse::<usize>().unwrap());
    }
    assert_eq!(seen, (1..=n_events).collect::<Vec<_>>());
}

/// Dark pixels (gray < 128, a 1-bit photocopy) in the columns `[x, x + w)` of a screenshot.
fn dark_in_columns(png: &Path, cols: &[(usize, usize)]) -> usize {
    let (w, h, g) = gray(png);
    let mut n = 0;
    for y in 0..h {
        for (x, cw) in cols {
            n += (*x..(*x + *cw).min(w))
                .filter(|c| g[y * w + c] < 128)
                .count();
        }
    }
    n
}

fn screenshot(b: &str, svg: &str, dir: &Path, name: &str) -> std::path::PathBuf {
    let page = dir.join(format!("{name}.html"));
    let svg = svg.replacen("<svg ", "<svg width=\"760\" height=\"400\" ", 1);
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html><body style=\"margin:0;background:#fff\">{svg}</body></html>"
        ),
    )
    .unwrap();
    let png = dir.join(format!("{name}.png"));
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(b)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=760,400",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", page.display()),
        ])
        .output()
        .unwrap();
    assert!(out.status.success() && png.is_file(), "{out:?}");
    png
}

#[test]
fn flare_days_survive_a_one_bit_photocopy() {
    if missing_tools() {
        return;
    }
    let j = demo_2y();
    let out = j.dir.path().join("r.html");
    j.ok(&["report", "--since", "12w", "-o", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(&out).unwrap();
    let start = html.find("<svg viewBox=\"0 0 760").unwrap();
    let svg = &html[start..start + html[start..].find("</svg>").unwrap() + 6];
    // The flare columns, from the chart's own flare marks.
    let cols: Vec<(usize, usize)> = svg
        .split("<rect class=\"flare\"")
        .skip(1)
        .map(|s| {
            let num = |k: &str| -> usize {
                let s = &s[s.find(k).unwrap() + k.len()..];
                s[..s.find('"').unwrap()].parse().unwrap()
            };
            (num(" x=\""), num(" width=\""))
        })
        .collect();
    assert!(!cols.is_empty(), "the 12 weeks hold a flare");
    // The same chart with every flare mark taken out (the grey band and the bar).
    let mut plain = String::new();
    for (i, part) in svg.split("<rect").enumerate() {
        if i == 0 {
            plain.push_str(part);
            continue;
        }
        let end = part.find("/>").unwrap() + 2;
        let tag = &part[..end];
        if !(tag.contains("class=\"flare\"") || tag.contains("fill=\"#E1E1E1\"")) {
            plain.push_str("<rect");
            plain.push_str(tag);
        }
        plain.push_str(&part[end..]);
    }
    let b = browser().unwrap();
    let dir = j.dir.path();
    let with = dark_in_columns(&screenshot(&b, svg, dir, "with"), &cols);
    let without = dark_in_columns(&screenshot(&b, &plain, dir, "without"), &cols);
    let width: usize = cols.iter().map(|c| c.1).sum();
    assert!(
        with >= without + width * 3,
        "flare days vanish at 1 bit: {with} dark pixels with flares, {without} without, over {width} columns"
    );
}
