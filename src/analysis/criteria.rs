//! The user's return-to-training criteria (SPEC §4.7): a tiny rule language, its parser and the
//! rules a fresh journal starts with. Evaluation lives in `criteria_eval.rs`.
//!
//! # Rules
//! One rule per line, words separated by spaces; `≤`/`≥` may stand for `<=`/`>=`:
//!
//! | rule | meaning |
//! |---|---|
//! | `mean7 <= 3` | the 7-day mean pain (needs ≥ 4 check-ins in the 7 days) |
//! | `pain <= 2` | the latest logged pain, today or before |
//! | `baseline <= 3` | the 28-day median pain (needs ≥ 10 check-ins) |
//! | `leg pain mean7 <= 2` | the 7-day mean leg pain (needs ≥ 4 days with leg pain in the 7) |
//! | `leg pain <= 2` | the latest logged leg pain, today or before |
//! | `no-flare 14` | no flare day in the last 14 days (needs half of them logged) |
//! | `hard-next-day 3 <= 1` | on the days after each of the last 3 hard days, pain rose by at most 1 |
//!
//! The comparisons may use `<`, `<=`, `>`, `>=`. A hard day has load ≥ the 75th percentile of
//! the user's non-zero training days (SPEC §7.3). These are "your criteria", never advice.

use std::fmt;

use crate::domain::InputError;

/// The rules a fresh journal starts with (SPEC §4.7), in the user's editable form.
pub const DEFAULT_CRITERIA: &[&str] = &["mean7 <= 3", "no-flare 14", "hard-next-day 3 <= 1"];

const ALLOWED: &str = "mean7 <= N, pain <= N, baseline <= N, leg pain mean7 <= N, \
                       leg pain <= N (with <, <=, > or >=), no-flare DAYS, hard-next-day COUNT <= CHANGE; e.g. 'mean7 <= 3'";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn parse(s: &str) -> Option<Cmp> {
        Some(match s {
            "<" => Cmp::Lt,
            "<=" => Cmp::Le,
            ">" => Cmp::Gt,
            ">=" => Cmp::Ge,
            _ => return None,
        })
    }
    pub fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }
}

/// A parsed rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Mean7(Cmp, f64),
    Pain(Cmp, f64),
    Baseline(Cmp, f64),
    /// The 7-day mean leg pain (SPEC §14).
    LegMean7(Cmp, f64),
    /// The latest leg pain.
    LegPain(Cmp, f64),
    NoFlare {
        days: u32,
    },
    HardNextDay {
        count: u32,
        max_rise: f64,
    },
}

impl fmt::Display for Rule {
    /// The canonical spelling, which parses back to the same rule.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Mean7(c, v) => write!(f, "mean7 {} {v}", c.as_str()),
            Rule::Pain(c, v) => write!(f, "pain {} {v}", c.as_str()),
            Rule::Baseline(c, v) => write!(f, "baseline {} {v}", c.as_str()),
            Rule::LegMean7(c, v) => write!(f, "leg pain mean7 {} {v}", c.as_str()),
            Rule::LegPain(c, v) => write!(f, "leg pain {} {v}", c.as_str()),
            Rule::NoFlare { days } => write!(f, "no-flare {days}"),
            Rule::HardNextDay { count, max_rise } => {
                write!(f, "hard-next-day {count} <= {max_rise}")
            }
        }
    }
}

impl Rule {
    /// The rule in words, as the TUI labels it: "7-day mean pain ≤ 3".
    pub fn describe(&self) -> String {
        let sym = |c: &Cmp| match c {
            Cmp::Lt => "<",
            Cmp::Le => "≤",
            Cmp::Gt => ">",
            Cmp::Ge => "≥",
        };
        match self {
            Rule::Mean7(c, v) => format!("7-day mean pain {} {v}", sym(c)),
            Rule::Pain(c, v) => format!("latest pain {} {v}", sym(c)),
            Rule::Baseline(c, v) => format!("28-day baseline pain {} {v}", sym(c)),
            Rule::LegMean7(c, v) => format!("7-day mean leg pain {} {v}", sym(c)),
            Rule::LegPain(c, v) => format!("latest leg pain {} {v}", sym(c)),
            Rule::NoFlare { days } => format!(
                "no flare in {}",
                crate::domain::text::plural(*days, "day", "days")
            ),
            Rule::HardNextDay { count, max_rise } => {
                format!("last {count} hard days: next-day pain ≤ +{max_rise}")
            }
        }
    }
}

/// Parses a rule; the error names the allowed forms.
pub fn parse_rule(text: &str) -> Result<Rule, InputError> {
    let err = || {
        InputError::new(
            "rule",
            format!("'{}' is not a rule; allowed: {ALLOWED}", text.trim()),
        )
    };
    let words = tokens(&text.trim().to_lowercase());
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let num = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    let whole = |s: &str| s.parse::<u32>().ok().filter(|v| *v > 0);
    match words.as_slice() {
        [name @ ("mean7" | "pain" | "baseline"), op, v] => {
            let (c, v) = (Cmp::parse(op).ok_or_else(err)?, num(v).ok_or_else(err)?);
            Ok(match *name {
                "mean7" => Rule::Mean7(c, v),
                "pain" => Rule::Pain(c, v),
                _ => Rule::Baseline(c, v),
            })
        }
        ["leg", "pain", "mean7", op, v] => Ok(Rule::LegMean7(
            Cmp::parse(op).ok_or_else(err)?,
            num(v).ok_or_else(err)?,
        )),
        ["leg", "pain", op, v] => Ok(Rule::LegPain(
            Cmp::parse(op).ok_or_else(err)?,
            num(v).ok_or_else(err)?,
        )),
        ["no-flare", days] => Ok(Rule::NoFlare {
            days: whole(days).ok_or_else(err)?,
        }),
        ["hard-next-day", count, "<=", rise] => Ok(Rule::HardNextDay {
            count: whole(count).ok_or_else(err)?,
            max_rise: num(rise.trim_start_matches('+')).ok_or_else(err)?,
        }),
        _ => Err(err()),
    }
}

/// Splits a rule into words and operators, so "mean7<=3" reads like "mean7 <= 3".
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let op = match c {
            '<' | '>' => {
                let mut op = c.to_string();
                if chars.peek() == Some(&'=') {
                    op.push(chars.next().unwrap_or('='));
                }
                Some(op)
            }
            '≤' => Some("<=".to_string()),
            '≥' => Some(">=".to_string()),
            _ => None,
        };
        if op.is_some() || c.is_whitespace() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.extend(op);
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn defaults_parse_and_print_back() {
        for text in DEFAULT_CRITERIA {
            assert_eq!(parse_rule(text).unwrap().to_string(), *text);
        }
        assert_eq!(parse_rule("Mean7<=3").unwrap(), Rule::Mean7(Cmp::Le, 3.0));
        assert_eq!(
            parse_rule(" mean7 ≤ 2.5 ").unwrap(),
            Rule::Mean7(Cmp::Le, 2.5)
        );
        assert_eq!(
            parse_rule("hard-next-day 3 <= +1").unwrap(),
            Rule::HardNextDay {
                count: 3,
                max_rise: 1.0
            }
        );
        assert_eq!(parse_rule("pain<2").unwrap(), Rule::Pain(Cmp::Lt, 2.0));
        // The defaults read as SPEC §4.7 words them.
        let words: Vec<String> = DEFAULT_CRITERIA
            .iter()
            .map(|t| parse_rule(t).unwrap().describe())
            .collect();
        assert_eq!(
            words,
            [
                "7-day mean pain ≤ 3",
                "no flare in 14 days",
                "last 3 hard days: next-day pain ≤ +1"
            ]
        );
    }

    #[test]
    fn bad_rules_name_the_allowed_forms() {
        for bad in [
            "mean pain below 3",
            "no-flare 0",
            "no-flare two",
            "mean7 = 3",
            "hard-next-day 3 < 1",
            "",
        ] {
            let e = parse_rule(bad).unwrap_err();
            assert_eq!(e.field, "rule");
            assert!(
                e.message.contains("mean7 <= N") && e.message.contains("no-flare DAYS"),
                "{e}"
            );
        }
    }
}
