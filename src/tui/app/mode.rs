//! What has the keys (`Mode`): the screen, or one thing over it. A mode that covers another
//! (the help, a question, a form over the Scores view) holds it, and it comes back when the
//! cover closes; so two forms, or the Trash and the Scores view, can never be open at once.

use super::{App, Confirm, Pending};
use crate::repo::records::TrashItem;
use crate::tui::forms::EntryForm;
use crate::tui::forms::checkin::CheckinForm;
use crate::views::scores::ScoresView;

/// The app's one mode. `Screen` is the current screen itself.
#[derive(Debug, Default)]
pub enum Mode {
    #[default]
    Screen,
    /// The key help for what is under it, scrolled to row `top`.
    Help { top: u16, under: Box<Mode> },
    /// A yes/no question over what asked it (a form keeps its input behind it).
    Confirm { ask: Confirm, under: Box<Mode> },
    /// The check-in form, over the screen.
    Checkin {
        form: Box<CheckinForm>,
        under: Box<Mode>,
    },
    /// Any other form, over the screen or the Scores view (`o` there).
    Entry {
        form: Box<EntryForm>,
        under: Box<Mode>,
    },
    /// The Trash view (`T`): deleted records, newest first, and the selected row.
    Trash(TrashState),
    /// The Scores view (`O`): every outcome score newest first, and the selected row.
    Scores(ScoresState),
    /// The last import's summary over the screen, until Esc.
    ImportSummary(String),
}

#[derive(Debug, Default)]
pub struct TrashState {
    pub items: Vec<TrashItem>,
    pub sel: usize,
}

#[derive(Debug)]
pub struct ScoresState {
    pub view: ScoresView,
    pub sel: usize,
}

impl Mode {
    /// The mode this one covers, if it covers one.
    pub fn under(&self) -> Option<&Mode> {
        match self {
            Mode::Help { under, .. }
            | Mode::Confirm { under, .. }
            | Mode::Checkin { under, .. }
            | Mode::Entry { under, .. } => Some(under),
            _ => None,
        }
    }

    fn under_mut(&mut self) -> Option<&mut Mode> {
        match self {
            Mode::Help { under, .. }
            | Mode::Confirm { under, .. }
            | Mode::Checkin { under, .. }
            | Mode::Entry { under, .. } => Some(under),
            _ => None,
        }
    }

    /// This mode and every one under it, top first.
    pub fn layers(&self) -> impl Iterator<Item = &Mode> {
        std::iter::successors(Some(self), |m| m.under())
    }

    fn is_form(&self) -> bool {
        matches!(self, Mode::Checkin { .. } | Mode::Entry { .. })
    }

    /// Takes this mode's cover off: what it covered (the screen for a mode that covers none).
    fn uncover(self) -> Mode {
        match self {
            Mode::Help { under, .. }
            | Mode::Confirm { under, .. }
            | Mode::Checkin { under, .. }
            | Mode::Entry { under, .. } => *under,
            _ => Mode::Screen,
        }
    }
}

/// A pair of accessors to one kind of layer wherever it is in the mode (there is at most one
/// of each): `$get` reads it, `$get_mut` changes it in place.
macro_rules! layer {
    ($(#[$doc:meta])* $get:ident, $get_mut:ident, $t:ty, $pat:pat => $x:ident) => {
        $(#[$doc])*
        pub fn $get(&self) -> Option<&$t> {
            self.mode.layers().find_map(|m| match m {
                $pat => {
                    let r: &$t = $x;
                    Some(r)
                }
                _ => None,
            })
        }

        // The pattern's binding goes unused in the `matches!` that finds the layer.
        #[allow(unused_variables)]
        pub fn $get_mut(&mut self) -> Option<&mut $t> {
            match self.find_mut(|m| matches!(m, $pat))? {
                $pat => {
                    let r: &mut $t = $x;
                    Some(r)
                }
                _ => None,
            }
        }
    };
}

impl App {
    layer!(
        /// The open check-in form, also under the help or a question.
        form, form_mut, CheckinForm, Mode::Checkin { form, .. } => form
    );
    layer!(
        /// The open form other than the check-in, also under the help or a question.
        entry, entry_mut, EntryForm, Mode::Entry { form, .. } => form
    );
    layer!(
        /// The Trash view, also under the help or a question.
        trash, trash_mut, TrashState, Mode::Trash(t) => t
    );
    layer!(
        /// The Scores view, also under a form opened over it.
        scores, scores_mut, ScoresState, Mode::Scores(s) => s
    );

    /// The open question, when it has the keys.
    pub fn confirm(&self) -> Option<&Confirm> {
        match &self.mode {
            Mode::Confirm { ask, .. } => Some(ask),
            _ => None,
        }
    }

    /// The help's first row shown, when the help is open.
    pub fn help_top(&self) -> Option<u16> {
        match self.mode {
            Mode::Help { top, .. } => Some(top),
            _ => None,
        }
    }

    pub fn import_summary(&self) -> Option<&str> {
        match &self.mode {
            Mode::ImportSummary(text) => Some(text),
            _ => None,
        }
    }

    fn find_mut(&mut self, want: fn(&Mode) -> bool) -> Option<&mut Mode> {
        let mut m = &mut self.mode;
        loop {
            if want(m) {
                return Some(m);
            }
            m = m.under_mut()?;
        }
    }

    /// Puts `cover` over the current mode, which comes back when it closes.
    fn cover(&mut self, cover: impl FnOnce(Box<Mode>) -> Mode) {
        let under = Box::new(std::mem::take(&mut self.mode));
        self.mode = cover(under);
    }

    /// Opens the help over whatever has the keys.
    pub(in crate::tui) fn open_help(&mut self) {
        self.cover(|under| Mode::Help { top: 0, under });
    }

    /// Asks `question` over whatever has the keys; `answer` takes it off again.
    pub(in crate::tui) fn ask(&mut self, question: String, on_yes: Pending) {
        let ask = Confirm { question, on_yes };
        self.cover(|under| Mode::Confirm { ask, under });
    }

    /// Closes the open question and gives what a "yes" to it does.
    pub(in crate::tui) fn answer(&mut self) -> Option<Pending> {
        match std::mem::take(&mut self.mode) {
            Mode::Confirm { ask, under } => {
                self.mode = *under;
                Some(ask.on_yes)
            }
            other => {
                self.mode = other;
                None
            }
        }
    }

    /// Closes the help or the import summary: back to what it covered.
    pub(in crate::tui) fn close_cover(&mut self) {
        if matches!(self.mode, Mode::Help { .. } | Mode::ImportSummary(_)) {
            self.mode = std::mem::take(&mut self.mode).uncover();
        }
    }

    /// Opens a form: in place of the one open (the dose form after the pick, m3's form in
    /// place of a new one), else over the screen or view.
    pub(in crate::tui) fn open(&mut self, form: EntryForm) {
        self.open_mode(|form_under| Mode::Entry {
            form: Box::new(form),
            under: form_under,
        });
    }

    pub(in crate::tui) fn open_checkin(&mut self, form: CheckinForm) {
        self.open_mode(|under| Mode::Checkin {
            form: Box::new(form),
            under,
        });
    }

    fn open_mode(&mut self, form: impl FnOnce(Box<Mode>) -> Mode) {
        if self.mode.is_form() {
            self.close_form();
        }
        self.cover(form);
    }

    /// Closes the open form (saved or discarded): back to what it covered.
    pub(in crate::tui) fn close_form(&mut self) {
        if self.mode.is_form() {
            self.mode = std::mem::take(&mut self.mode).uncover();
        }
    }

    /// Opens a view over the screen (the Trash, the Scores, an import's summary), only from
    /// the screen itself: never over a form's input or another view. False when not shown.
    pub(in crate::tui) fn show(&mut self, view: Mode) -> bool {
        let shown = matches!(self.mode, Mode::Screen);
        if shown {
            self.mode = view;
        }
        shown
    }

    /// Closes the Trash or Scores view: back to the screen.
    pub(in crate::tui) fn close_view(&mut self) {
        if matches!(self.mode, Mode::Trash(_) | Mode::Scores(_)) {
            self.mode = Mode::Screen;
        }
    }
}
