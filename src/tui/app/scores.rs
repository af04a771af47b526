//! The Scores view's state (`O`): loading it through `views::scores`, moving its selection.
//! Adding a score is the `o` form's (`open_score`); after a save `refresh` reloads the view.

use super::{App, Mode, ScoresState};

impl App {
    pub(in crate::tui) fn toggle_scores(&mut self) {
        if self.scores().is_some() {
            return self.close_view();
        }
        match crate::views::scores::load_scores(&self.repo, self.today) {
            Ok(view) => {
                self.show(Mode::Scores(ScoresState { view, sel: 0 }));
            }
            Err(e) => self.error(format!("loading the outcome scores failed: {e}")),
        }
    }

    /// Reloads the open Scores view after a write, keeping its row where it can.
    pub(in crate::tui) fn load_scores(&mut self) {
        match crate::views::scores::load_scores(&self.repo, self.today) {
            Ok(view) => {
                if let Some(s) = self.scores_mut() {
                    s.sel = s.sel.min(view.rows.len().saturating_sub(1));
                    s.view = view;
                }
            }
            Err(e) => self.error(format!("loading the outcome scores failed: {e}")),
        }
    }

    pub(in crate::tui) fn move_scores(&mut self, d: i64) {
        if let Some(s) = self.scores_mut() {
            s.sel = clamp_row(s.sel, d, s.view.rows.len());
        }
    }
}

/// Row `sel` moved by `d` within a list of `n` rows.
pub(in crate::tui) fn clamp_row(sel: usize, d: i64, n: usize) -> usize {
    (sel as i64)
        .saturating_add(d)
        .clamp(0, (n as i64 - 1).max(0)) as usize
}
