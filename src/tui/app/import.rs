//! Importing rides from the app (`i` on Training): the prompt, the run the event loop drives
//! between progress frames, and the summary it leaves on screen.

use super::{App, Mode};
use crate::import::{Options, Progress, import_files};
use crate::tui::forms::{self, ImportJob};

impl App {
    pub(in crate::tui) fn import_prompt(&mut self) {
        self.open(forms::import_form());
    }

    /// Runs `job` through the same importer as `backtrack import`, calling `progress` after
    /// each file; the result is what `Action::ImportDone` takes.
    pub fn run_import(
        &mut self,
        job: &ImportJob,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(String, String), String> {
        let opts = Options {
            dry_run: job.dry_run,
        };
        match import_files(&mut self.repo, &job.files, opts, progress) {
            Ok(s) => {
                // What went wrong first: on a small screen the reasons must not be cut off
                // below a long list of rides that imported fine.
                let mut lines = vec![s.headline()];
                lines.extend(s.problem_lines());
                lines.extend(s.activity_lines());
                Ok((s.headline(), lines.join("\n")))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Shows the summary over the screen (Esc closes it) and reloads what the import changed.
    pub(in crate::tui) fn import_done(&mut self, result: Result<(String, String), String>) {
        self.refresh();
        match result {
            Ok((head, text)) => {
                let shown = self.show(Mode::ImportSummary(text));
                let close = if shown { " Esc closes the list." } else { "" };
                self.info(format!("{head}{close}"));
            }
            Err(e) => {
                self.error(format!(
                    "Import stopped: {e}. Files before it are stored whole."
                ));
            }
        }
    }
}
