//! `w` on Trends: the care-team report for the range shown, written through the report's own
//! entry point (the app never builds the HTML itself), with the file's path in the status line.

use super::App;
use crate::report::{ReportOptions, default_name, write_report};

impl App {
    /// Writes the report from the Trends range's first day to today into `report_dir`; any
    /// failure is a status-line error and the app goes on.
    pub(in crate::tui) fn write_trends_report(&mut self) {
        self.ensure_loaded();
        // The range as drawn: "all" and a range longer than the journal start at its first day.
        let Some((from, to)) = self.trends.data.as_ref().map(|t| (t.from, t.to)) else {
            if self.status.is_none() {
                self.error("Report not written: the Trends range did not load");
            }
            return;
        };
        // Checked here, not left to the report: a missing folder would be taken as a file name.
        if !self.report_dir.is_dir() {
            let dir = self.report_dir.display().to_string();
            self.error(format!(
                "Report not written: the folder {dir} does not exist"
            ));
            return;
        }
        let opts = ReportOptions {
            output: Some(self.report_dir.join(default_name(from, to))),
            notes: false,
            paper: crate::report::Paper::from_locale(|k| std::env::var(k).ok()),
        };
        match write_report(&mut self.repo, from, to, self.today, &opts) {
            Ok(path) => {
                let shown = std::path::absolute(&path).unwrap_or(path);
                self.info(format!(
                    "Report written: {} (open it in a browser or print it)",
                    shown.display()
                ));
            }
            Err(e) => self.error(format!("Report not written: {e:#}")),
        }
    }
}
