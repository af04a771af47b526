//! Reading the dates of Strava's export in any language (`strava_lang`): the clock time is
//! found first, then the year (four digits), a month name or the language's day order, and
//! the 12-hour markers of every language. ISO dates (legacy export) are read in any language.

use chrono::{NaiveDate, NaiveDateTime};

use super::strava_lang::{EN_MONTHS, Lang, Order};

/// Words that mark the afternoon and the morning on a 12-hour clock, in any language
/// (`PM`, `p. m.`, `午後`, `오후`, `下午`, `nachm.`), after `norm`.
const PM: &[&str] = &["pm", "午後", "오후", "下午", "nachm", "ip"];
const AM: &[&str] = &["am", "午前", "오전", "上午", "vorm", "ap"];

impl Lang {
    /// Reads a date written in this language (see the module doc), or an ISO date.
    pub fn parse_date(&self, text: &str) -> Option<NaiveDateTime> {
        let t = text.trim();
        for f in [
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%SZ",
            "%Y-%m-%dT%H:%M:%S",
        ] {
            if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
                return Some(d);
            }
        }
        let (before, (mut h, min, sec), after) = split_time(t)?;
        let rest = format!("{before} {after}");
        let mut numbers: Vec<u32> = Vec::new();
        let mut month: Option<u32> = None;
        let (mut pm, mut am) = (false, false);
        let mut letters = String::new();
        // Single letters run together (`p. m.` → `pm`); other words stand alone.
        let mut flush = |w: &mut String, month: &mut Option<u32>| {
            if w.is_empty() {
                return;
            }
            if PM.contains(&w.as_str()) {
                pm = true;
            } else if AM.contains(&w.as_str()) {
                am = true;
            } else if month.is_none() {
                *month = self.month_of(w);
            }
            w.clear();
        };
        for token in tokens(&rest) {
            match token {
                Token::Number(n) => {
                    flush(&mut letters, &mut month);
                    numbers.push(n);
                }
                Token::Word(w) if w.chars().count() == 1 && w.is_ascii() => letters.push_str(&w),
                Token::Word(w) => {
                    flush(&mut letters, &mut month);
                    letters = w;
                    flush(&mut letters, &mut month);
                }
            }
        }
        flush(&mut letters, &mut month);
        let year_at = numbers.iter().position(|n| *n >= 1000)?;
        let year = numbers.remove(year_at) as i32;
        let (m, d) = match (month, numbers.as_slice()) {
            (Some(m), [d]) => (m, *d),
            (None, [a, b]) => match (self.order, year_at) {
                (Order::Mdy, _) => (*a, *b),
                (Order::Ymd, _) | (_, 0) => (*a, *b),
                (Order::Dmy, _) => (*b, *a),
            },
            _ => return None,
        };
        if pm && h < 12 {
            h += 12;
        } else if am && h == 12 {
            h = 0;
        }
        NaiveDate::from_ymd_opt(year, m, d)?.and_hms_opt(h, min, sec)
    }

    fn month_of(&self, word: &str) -> Option<u32> {
        let months = if self.months[0].is_empty() {
            &EN_MONTHS
        } else {
            &self.months
        };
        months
            .iter()
            .position(|stems| stems.iter().any(|s| word.starts_with(s)))
            .map(|i| i as u32 + 1)
    }
}

enum Token {
    Number(u32),
    Word(String),
}

/// Splits text into numbers and words (lower case); everything else separates them.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut digits = false;
    let push = |cur: &mut String, digits: bool, out: &mut Vec<Token>| {
        if !cur.is_empty() {
            out.push(if digits {
                Token::Number(cur.parse().unwrap_or(u32::MAX))
            } else {
                Token::Word(cur.to_lowercase())
            });
            cur.clear();
        }
    };
    for c in text.chars() {
        let is_digit = c.is_ascii_digit();
        if is_digit || c.is_alphabetic() {
            if !cur.is_empty() && is_digit != digits {
                push(&mut cur, digits, &mut out);
            }
            digits = is_digit;
            cur.push(c);
        } else {
            push(&mut cur, digits, &mut out);
        }
    }
    push(&mut cur, digits, &mut out);
    out
}

/// Finds the clock time `H:MM:SS` (or `H:MM`) in a date, returning the text before it, the
/// time and the text after it.
fn split_time(text: &str) -> Option<(&str, (u32, u32, u32), &str)> {
    let b = text.as_bytes();
    let colon = b.iter().position(|c| *c == b':')?;
    let mut start = colon;
    while start > 0 && b[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let mut end = colon;
    while end < b.len() && (b[end].is_ascii_digit() || b[end] == b':') {
        end += 1;
    }
    let parts: Vec<u32> = text[start..end]
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let time = match parts[..] {
        [h, m, s] => (h, m, s),
        [h, m] => (h, m, 0),
        _ => return None,
    };
    Some((&text[..start], time, &text[end..]))
}
