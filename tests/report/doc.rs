//! A strict reading of the report's HTML with quick-xml: every element closed in order (HTML's
//! void elements excepted), only the entities maud writes, and the figures marked with
//! `data-stat` (a `stats --json` path) or `data-fig` (a `report --json` figures path).

use quick_xml::Reader;
use quick_xml::events::Event;

/// HTML elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

#[derive(Debug, Default)]
pub struct Doc {
    /// (attribute, key, text) of every marked figure, in document order.
    pub figures: Vec<(String, String, String)>,
    /// Every attribute of every element: (element, name, value).
    pub attrs: Vec<(String, String, String)>,
    /// Every element name, in order.
    pub elements: Vec<String>,
    /// The text content with entities resolved and whitespace collapsed.
    pub text: String,
}

impl Doc {
    pub fn stats(&self) -> impl Iterator<Item = (&str, &str)> {
        self.marked("data-stat")
    }

    pub fn figs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.marked("data-fig")
    }

    fn marked<'a>(&'a self, attr: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.figures
            .iter()
            .filter(move |f| f.0 == attr)
            .map(|f| (f.1.as_str(), f.2.as_str()))
    }

    pub fn has_id(&self, id: &str) -> bool {
        self.attrs.iter().any(|a| a.1 == "id" && a.2 == id)
    }
}

fn entity(name: &str) -> Result<char, String> {
    Ok(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "#39" | "apos" => '\'',
        other => return Err(format!("unexpected entity &{other};")),
    })
}

pub fn parse(html: &str) -> Result<Doc, String> {
    let mut r = Reader::from_str(html);
    let cfg = r.config_mut();
    cfg.check_end_names = false;
    cfg.allow_unmatched_ends = false;
    let mut doc = Doc::default();
    let mut stack: Vec<String> = Vec::new();
    // The marked figure being read: (attribute, key, depth, text).
    let mut open: Option<(String, String, usize, String)> = None;
    let mut text = String::new();
    loop {
        let ev = r
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", r.buffer_position()))?;
        let mut add_text = |s: &str, open: &mut Option<(String, String, usize, String)>| {
            text.push_str(s);
            if let Some(o) = open.as_mut() {
                o.3.push_str(s);
            }
        };
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.name().into_inner().to_ascii_lowercase();
                for a in e.attributes() {
                    let a = a.map_err(|x| format!("bad attribute in <{name}>: {x}"))?;
                    let key = a.key.into_inner().to_string();
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|x| format!("bad attribute value in <{name}>: {x}"))?
                        .into_owned();
                    if key == "data-stat" || key == "data-fig" {
                        open = Some((key.clone(), value.clone(), stack.len(), String::new()));
                    }
                    doc.attrs.push((name.clone(), key, value));
                }
                doc.elements.push(name.clone());
                let is_start = matches!(ev, Event::Start(_));
                if is_start && !VOID.contains(&name.as_str()) {
                    stack.push(name);
                } else {
                    add_text(" ", &mut open);
                }
            }
            Event::End(e) => {
                let name = e.name().into_inner().to_ascii_lowercase();
                match stack.pop() {
                    Some(top) if top == name => {}
                    other => return Err(format!("</{name}> closes <{other:?}>")),
                }
                if open.as_ref().is_some_and(|o| o.2 == stack.len()) {
                    let (attr, key, _, t) = open.take().unwrap_or_default();
                    doc.figures.push((attr, key, t.trim().to_string()));
                }
                add_text(" ", &mut open);
            }
            Event::Text(t) => add_text(&t[..], &mut open),
            Event::GeneralRef(g) => {
                let name = g[..].to_string();
                add_text(&entity(&name)?.to_string(), &mut open);
            }
            Event::CData(_) | Event::PI(_) | Event::Decl(_) => {
                return Err("CDATA, processing instructions or declarations in HTML".into());
            }
            Event::Comment(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements at the end: {stack:?}"));
    }
    doc.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(doc)
}

#[test]
fn the_reader_refuses_broken_html() {
    assert!(parse("<html><body><p>x</body></html>").is_err());
    assert!(parse("<html><body><p>x</p>").is_err());
    assert!(parse("<p>&nbsp;</p>").is_err());
    let d = parse(r#"<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><span data-stat="pain.mean7">2.1</span> &amp; <svg><rect/></svg></body></html>"#).unwrap();
    assert_eq!(d.stats().collect::<Vec<_>>(), vec![("pain.mean7", "2.1")]);
    assert!(d.text.contains("2.1 &"));
}
