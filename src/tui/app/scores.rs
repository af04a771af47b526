//! The Scores view's state (`O`): loading it through `views::scores`, moving its selection.
//! Adding a score is the `o` form's (`open_score`); after a save `refresh` reloads the view.

use super::App;

impl App {
    pub(in crate::tui) fn toggle_scores(&mut self) {
        if self.scores.take().is_none() {
            self.scores_sel = 0;
            self.load_scores();
        }
    }

    pub(in crate::tui) fn load_scores(&mut self) {
        match crate::views::scores::load_scores(&self.repo, self.today) {
            Ok(v) => {
                self.scores_sel = self.scores_sel.min(v.rows.len().saturating_sub(1));
                self.scores = Some(v);
            }
            Err(e) => {
                self.scores = None;
                self.error(format!("loading the outcome scores failed: {e}"));
            }
        }
    }

    pub(in crate::tui) fn move_scores(&mut self, d: i64) {
        let n = self.scores.as_ref().map_or(0, |v| v.rows.len()) as i64;
        self.scores_sel = (self.scores_sel as i64 + d).clamp(0, (n - 1).max(0)) as usize;
    }
}
