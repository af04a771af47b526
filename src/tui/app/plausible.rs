//! Issue 20.9 in the app: an activity whose figure looks like a typo (NP 2000, HR over the
//! maximum, 500 km in 10 minutes, 25 h) asks before it is stored; a yes stores it as typed,
//! as `--force` does on the command line (the check is `domain::plausible`).

use super::{App, Pending};
use crate::domain::plausible::Implausible;
use crate::tui::forms::{EntryForm, FormKind};

impl App {
    /// "np: 2000 W over a whole activity … Save it anyway? (y/n)"; the form stays behind it.
    pub(in crate::tui) fn ask_implausible(&mut self, i: Implausible) {
        self.ask(
            format!("{}: {}. Save it anyway? (y/n)", i.field, i.what),
            Pending::Implausible,
        );
    }

    /// A yes to "… looks like a typo. Save it anyway?": the open activity is stored as typed.
    pub(in crate::tui) fn save_implausible(&mut self) {
        self.set_activity_confirmed(true);
        self.save_entry();
        // Still open (refused for another reason): a changed figure asks again.
        self.set_activity_confirmed(false);
    }

    fn set_activity_confirmed(&mut self, yes: bool) {
        if let Some(EntryForm {
            kind: FormKind::Activity { confirmed, .. },
            ..
        }) = self.entry_mut()
        {
            *confirmed = yes;
        }
    }
}
