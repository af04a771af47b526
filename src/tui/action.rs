//! Everything the user can ask the app to do, as plain data: the keymap produces these and
//! `App::update` is the only consumer, so each behaviour is testable without a terminal.

/// The six screens of SPEC §8.1 and the Week (issue 15), in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Today,
    Pain,
    Training,
    Meds,
    Trends,
    Timeline,
    Week,
}

impl Screen {
    /// The smallest terminal (columns, rows) a screen is drawn in.
    pub const MIN_SIZE: (u16, u16) = (super::screens::MIN_WIDTH, super::screens::MIN_HEIGHT);

    pub const ALL: [Screen; 7] = [
        Screen::Today,
        Screen::Pain,
        Screen::Training,
        Screen::Meds,
        Screen::Trends,
        Screen::Timeline,
        Screen::Week,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Pain => "Pain",
            Screen::Training => "Training",
            Screen::Meds => "Meds",
            Screen::Trends => "Trends",
            Screen::Timeline => "Timeline",
            Screen::Week => "Week",
        }
    }

    /// The name `backtrack show SCREEN` takes.
    pub fn name(self) -> &'static str {
        match self {
            Screen::Today => "today",
            Screen::Pain => "pain",
            Screen::Training => "training",
            Screen::Meds => "meds",
            Screen::Trends => "trends",
            Screen::Timeline => "timeline",
            Screen::Week => "week",
        }
    }

    pub fn parse(name: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| s.name() == name.trim())
    }

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The screen `step` tabs away, wrapping around.
    pub fn step(self, step: isize) -> Screen {
        let n = Screen::ALL.len() as isize;
        Screen::ALL[(self.index() as isize + step).rem_euclid(n) as usize]
    }
}

/// A text-editing operation on the focused text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Up/Down inside a multi-line note.
    Up,
    Down,
    Newline,
    DeleteWord,
    /// Ctrl-U: empty a one-line field (a note is never emptied by one key).
    Clear,
}

/// One user intent. Produced by `keymap::map`, applied by `App::update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A turn of the event loop with no key: the clock is read again (past midnight the app
    /// moves to the new day); nothing else changes, not even the status line.
    Tick,
    /// `q`: quit, asking first when a form holds unsaved input.
    Quit,
    ToggleHelp,
    GoTo(Screen),
    NextScreen,
    PrevScreen,
    /// Move the selection by rows (negative = up / newer).
    Move(i32),
    /// `g` / `G`.
    Top,
    Bottom,
    /// `c`: the check-in form for today, or the selected day in the pain log.
    OpenCheckin,
    /// `a` (anywhere): the add-activity form.
    OpenActivity,
    /// `r` (anywhere): log a rehab session by ticking off today's programme.
    OpenRehab,
    /// `m` (anywhere): the quick dose picker.
    OpenDose,
    /// `e` (anywhere): the add-event form.
    OpenEvent,
    /// `p` (anywhere): rate the PSFS activities.
    OpenPsfs,
    /// `o` (anywhere): enter an outcome score (SPEC §14).
    OpenScore,
    /// `S` (anywhere): the Settings form (FTP, LTHR, max HR, weight, thresholds).
    OpenSettings,
    /// `n`: a new medication (Medications screen) or rehab programme (Training screen).
    New,
    /// `t` on the Medications screen: the selected medication's usual dose, now.
    TakeSelected,
    /// `f` on the Training screen: cycle the kind filter (all, ride, …, rehab).
    CycleFilter,
    /// `/` on the Timeline: a date prompt to jump the history to (or words to find).
    JumpToDate,
    /// `/` on the pain log, Training and Medications: words to find.
    Search,
    /// `i` on Training: the import prompt.
    OpenImport,
    /// The import the event loop ran: (headline, full summary), or why it stopped.
    ImportDone(Result<(String, String), String>),
    /// Enter: edit the selected entry (pain log day, activity, rehab session, medication,
    /// event).
    OpenSelected,
    /// `d`: delete the selected entry (`u` undoes).
    DeleteSelected,
    /// `u`: take back the newest step done on this screen (asks first, naming it).
    Undo,
    /// `U` / Ctrl-R: do again the newest step taken back on this screen (asks first).
    Redo,
    /// `T`: the Trash view (deleted records; Enter restores); `T` or Esc closes it.
    ToggleTrash,
    /// `O`: the Scores view (every outcome score newest first, its change, what is due);
    /// `O` or Esc closes it.
    ToggleScores,
    /// `v` in the pain log: list ↔ calendar heat-map; on Training: list ↔ rehab programmes;
    /// on Medications: catalogue ↔ recent doses.
    ToggleCalendar,
    /// Calendar: move the selection by days (left/right).
    MoveDays(i32),
    /// `[` / `]` on Trends: the previous / next time range.
    Range(i32),
    /// `w` on Trends: write the care-team report for the range shown.
    WriteReport,
    // --- check-in form ---
    /// A digit on a scale field: set it directly.
    SetValue(u8),
    /// `+` / `-`.
    Adjust(i8),
    NextField,
    PrevField,
    /// Space on a set field or workday.
    Toggle,
    /// Moves the item cursor of a set field.
    ItemCursor(i32),
    /// Clears an optional field.
    Clear,
    Text(Edit),
    /// Text the terminal pasted (bracketed paste): typed into the focused text field, never
    /// read as keys.
    Paste(String),
    /// Accepts the highlighted tag completion.
    Complete,
    /// Cycles the tag completions.
    CycleCompletion(i32),
    Save,
    /// Esc: close the form, asking first if it changed.
    Cancel,
    /// `Ctrl-E` on the note.
    OpenEditor,
    /// The editor came back with the note's new text, or an error message.
    EditorDone(Result<String, String>),
    // --- confirmation prompt ---
    Confirm,
    Deny,
    /// The terminal's size, at start and on every resize: below the minimum only quit and
    /// resize act, since nothing else can be seen.
    Resize(u16, u16),
}

/// What the event loop must do after an update that the app itself cannot (terminal work).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Suspend the terminal and edit this text in $EDITOR.
    OpenEditor(String),
    /// Import these files, drawing progress between them (the app cannot draw mid-update).
    Import(super::forms::ImportJob),
}
