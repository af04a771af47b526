//! `/` on the lists: the next row below the selection (wrapping to the top) whose words hold
//! the text, case aside. The pain log searches the whole history's notes and tags, older days
//! first, so a match years back is found without scrolling there.

use super::App;
use crate::domain::InputError;
use crate::ops::error::OpsError;
use crate::tui::action::Screen;
use crate::views::journal::{TrainingRow, find_checkin};

/// The index of the first of `rows` after `from` (wrapping) that contains `needle`.
fn next_match(rows: &[String], from: usize, needle: &str) -> Option<usize> {
    let n = rows.len();
    (1..=n)
        .map(|k| (from + k) % n)
        .find(|&i| rows[i].to_lowercase().contains(needle))
}

fn training_words(r: &TrainingRow) -> String {
    match r {
        TrainingRow::Activity(a) => format!(
            "{} {} {} {}",
            a.kind_name(),
            a.date(),
            a.bike.as_deref().unwrap_or(""),
            a.note.as_deref().unwrap_or("")
        ),
        TrainingRow::Rehab(s) => format!(
            "rehab {} {} {}",
            s.date,
            s.programme.as_deref().unwrap_or(""),
            s.note.as_deref().unwrap_or("")
        ),
    }
}

impl App {
    pub(in crate::tui) fn search_prompt(&mut self) {
        let form = crate::tui::forms::search_form(&self.search);
        self.open(form);
    }

    /// What `text` finds on this screen, for the prompt while it is typed: how many rows
    /// and the first few (the pain log: the newest few days of the whole history).
    pub(in crate::tui) fn search_hits(&self, text: &str) -> Vec<String> {
        const SHOWN: usize = 3;
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let rows: Vec<String> = match self.screen {
            Screen::Pain => {
                let mut days = Vec::new();
                let mut before = self.today + chrono::Duration::days(1);
                while days.len() <= SHOWN {
                    match find_checkin(&self.repo, before, &needle) {
                        Ok(Some(d)) => {
                            days.push(d.format("%a %-d %b %Y").to_string());
                            before = d;
                        }
                        _ => break,
                    }
                }
                let head = match days.len() {
                    0 => "No check-in has it in its note or tags".to_string(),
                    1 => "1 day · Enter goes to it".to_string(),
                    n if n > SHOWN => format!("{n} or more days · Enter goes to the newest"),
                    n => format!("{n} days · Enter goes to the newest"),
                };
                days.truncate(SHOWN);
                return std::iter::once(head).chain(days).collect();
            }
            _ => self.search_rows().unwrap_or_default(),
        };
        let hits: Vec<&String> = rows
            .iter()
            .filter(|r| r.to_lowercase().contains(&needle))
            .collect();
        let head = match hits.len() {
            0 => "Nothing here has it".to_string(),
            1 => "1 match · Enter selects it".to_string(),
            n => format!("{n} matches · Enter selects the next below the selection"),
        };
        std::iter::once(head)
            .chain(
                hits.iter()
                    .take(SHOWN)
                    .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" ")),
            )
            .collect()
    }

    /// The words of each row of this screen's list that `/` searches, in list order.
    fn search_rows(&self) -> Option<Vec<String>> {
        Some(match self.screen {
            Screen::Training => self
                .training_rows()
                .into_iter()
                .map(training_words)
                .collect(),
            Screen::Meds if self.meds.doses_view() => self
                .recent_doses()
                .into_iter()
                .map(|d| {
                    format!(
                        "d{} {} {} {}",
                        d.id,
                        d.taken_at.format("%Y-%m-%d %H:%M"),
                        d.medication,
                        d.note.as_deref().unwrap_or("")
                    )
                })
                .collect(),
            Screen::Meds => self
                .meds
                .data
                .iter()
                .flat_map(|m| &m.catalogue)
                .map(|m| {
                    format!(
                        "{} {} {}",
                        m.name,
                        m.class.as_str(),
                        m.note.as_deref().unwrap_or("")
                    )
                })
                .collect(),
            Screen::Timeline => self
                .timeline
                .data
                .iter()
                .flat_map(|t| &t.events)
                .map(|e| {
                    format!(
                        "{} {} {} {}",
                        e.date,
                        e.kind.as_str(),
                        e.title,
                        e.note.as_deref().unwrap_or("")
                    )
                })
                .collect(),
            _ => return None,
        })
    }

    /// Selects the next match of `text` on the current screen; the message says what was
    /// found, or that nothing was.
    pub(in crate::tui) fn find(&mut self, text: &str) -> Result<String, OpsError> {
        // Enter alone: the last words again.
        let text = if text.trim().is_empty() {
            self.search.clone()
        } else {
            text.trim().to_string()
        };
        let needle = text.to_lowercase();
        if needle.is_empty() {
            return Err(InputError::new(
                "text",
                "nothing to find; allowed: words from a note, tag, name or title",
            )
            .into());
        }
        self.search = text;
        let sel = self.sel[self.screen.index()];
        if self.screen == Screen::Pain {
            return self.find_day(&needle);
        }
        let hit = self
            .search_rows()
            .and_then(|rows| next_match(&rows, sel, &needle));
        Ok(match hit {
            Some(i) => {
                self.sel[self.screen.index()] = i;
                format!("Found '{}' · / then Enter finds the next", self.search)
            }
            None => format!("Nothing here has '{}'", self.search),
        })
    }

    /// The pain log: the newest day before the selected one whose note or tags match,
    /// else the newest from today.
    fn find_day(&mut self, needle: &str) -> Result<String, OpsError> {
        let before = self.pain_selected();
        let found = find_checkin(&self.repo, before, needle)
            .and_then(|d| match d {
                Some(d) => Ok(Some(d)),
                None => find_checkin(&self.repo, self.today + chrono::Duration::days(1), needle),
            })
            .map_err(OpsError::from)?;
        Ok(match found {
            Some(d) => {
                self.select_day(d);
                format!(
                    "Found '{}' on {} · / then Enter finds an older one",
                    self.search,
                    d.format("%-d %b %Y")
                )
            }
            None => format!("No check-in has '{}' in its note or tags", self.search),
        })
    }
}
