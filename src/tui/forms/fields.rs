//! The generic form of labelled fields behind every form but the check-in (activity, rehab,
//! medication, dose, event, PSFS, date prompt): the inputs with focus, dirty tracking and
//! edits. What each form holds and how it becomes a draft lives beside it in `forms`; no
//! terminal, no SQL.

use std::borrow::Cow;

use super::checkin::FieldKind;
use crate::tui::action::Edit;
use crate::tui::text::TextField;

/// One input of a form.
#[derive(Debug, Clone)]
pub enum Input {
    /// Typed text, validated on save by the same parsers as the CLI.
    Text(TextField),
    /// One of `options`; Space and h/l cycle.
    Choice { options: Vec<String>, at: usize },
    /// Yes / no; Space toggles.
    Flag(bool),
    /// Items ticked on or off (a programme's exercises); h/l move, Space toggles.
    Ticks {
        items: Vec<String>,
        on: Vec<bool>,
        cursor: usize,
    },
}

/// A labelled input; `key` is how the form's builder finds it.
#[derive(Debug, Clone)]
pub struct EntryField {
    pub key: &'static str,
    pub label: String,
    pub input: Input,
    /// Shown dim after an empty value: the syntax the field takes (a range built from
    /// `domain::limits`, so it says what the check takes).
    pub hint: Cow<'static, str>,
}

impl EntryField {
    pub fn text(
        key: &'static str,
        label: &str,
        value: &str,
        hint: impl Into<Cow<'static, str>>,
    ) -> Self {
        EntryField {
            key,
            label: label.to_string(),
            input: Input::Text(TextField::new(value, false)),
            hint: hint.into(),
        }
    }

    pub fn note(key: &'static str, value: &str) -> Self {
        EntryField {
            key,
            label: "Note".into(),
            input: Input::Text(TextField::new(value, true)),
            hint: "Ctrl-E: $EDITOR".into(),
        }
    }

    pub fn choice(key: &'static str, label: &str, options: &[&str], value: &str) -> Self {
        let options: Vec<String> = options.iter().map(|s| s.to_string()).collect();
        let at = options.iter().position(|o| o == value).unwrap_or(0);
        EntryField {
            key,
            label: label.to_string(),
            input: Input::Choice { options, at },
            hint: "".into(),
        }
    }

    pub fn flag(key: &'static str, label: &str, on: bool) -> Self {
        EntryField {
            key,
            label: label.to_string(),
            input: Input::Flag(on),
            hint: "".into(),
        }
    }

    pub fn ticks(key: &'static str, label: &str, items: Vec<String>, on: bool) -> Self {
        let n = items.len();
        EntryField {
            key,
            label: label.to_string(),
            input: Input::Ticks {
                items,
                on: vec![on; n],
                cursor: 0,
            },
            hint: "".into(),
        }
    }

    /// How the keymap treats this field.
    pub fn kind(&self) -> FieldKind {
        match &self.input {
            Input::Text(t) if t.multiline => FieldKind::Note,
            Input::Text(_) => FieldKind::Text,
            Input::Choice { .. } => FieldKind::Set,
            Input::Ticks { .. } => FieldKind::Ticks,
            Input::Flag(_) => FieldKind::Flag,
        }
    }

    /// The value as text (the choice's option, "yes"/"no", ticked items joined).
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(t) => t.value().to_string(),
            Input::Choice { options, at } => options.get(*at).cloned().unwrap_or_default(),
            Input::Flag(b) => if *b { "yes" } else { "no" }.to_string(),
            Input::Ticks { items, on, .. } => items
                .iter()
                .zip(on)
                .filter(|(_, o)| **o)
                .map(|(i, _)| i.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// A form's inputs, focus and the values it opened with.
#[derive(Debug, Clone)]
pub struct Entry {
    pub title: String,
    pub fields: Vec<EntryField>,
    pub focus: usize,
    initial: String,
}

impl Entry {
    pub fn new(title: impl Into<String>, fields: Vec<EntryField>) -> Entry {
        let mut e = Entry {
            title: title.into(),
            fields,
            focus: 0,
            initial: String::new(),
        };
        e.initial = e.snapshot();
        e
    }

    fn snapshot(&self) -> String {
        self.fields
            .iter()
            .map(|f| f.value())
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    /// Did the user change anything since the form opened?
    pub fn changed(&self) -> bool {
        self.snapshot() != self.initial
    }

    pub fn focused(&self) -> Option<&EntryField> {
        self.fields.get(self.focus)
    }

    pub fn kind(&self) -> FieldKind {
        self.focused().map_or(FieldKind::Text, EntryField::kind)
    }

    fn field(&self, key: &str) -> Option<&EntryField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The trimmed text of `key`, None when empty (or no such field).
    pub fn opt(&self, key: &str) -> Option<String> {
        self.field(key)
            .map(|f| f.value().trim().to_string())
            .filter(|s| !s.is_empty())
    }

    pub fn text(&self, key: &str) -> String {
        self.opt(key).unwrap_or_default()
    }

    /// An input error as the form shows it: named by the field's label ("FTP (W)", "Weight"),
    /// not its stored key (`ftp_w`, `weight_kg`), when the form has that field.
    pub fn describe(&self, e: &crate::domain::InputError) -> String {
        format!("{}: {}", self.name_of(&e.field), e.message)
    }

    /// The label of the field `key`, or `key` itself when the form has no such field.
    pub fn name_of<'a>(&'a self, key: &'a str) -> &'a str {
        self.field(key)
            .map(|f| f.label.trim())
            .filter(|l| !l.is_empty())
            .unwrap_or(key)
    }

    /// Whether the form has a field `key`.
    pub fn entry_has(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f.key == key)
    }

    pub fn flag(&self, key: &str) -> bool {
        matches!(self.field(key).map(|f| &f.input), Some(Input::Flag(true)))
    }

    /// The ticked items' indexes of a ticks field.
    pub fn ticked(&self, key: &str) -> Vec<usize> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Ticks { on, .. }) => (0..on.len()).filter(|i| on[*i]).collect(),
            _ => Vec::new(),
        }
    }

    /// Moves the focus to the field named by an input error, when the form has it.
    pub fn focus_key(&mut self, key: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
        }
    }

    pub fn set_text(&mut self, key: &str, value: &str) {
        if let Some(Input::Text(t)) = self
            .fields
            .iter_mut()
            .find(|f| f.key == key)
            .map(|f| &mut f.input)
        {
            t.set(value);
        }
    }

    pub fn next_field(&mut self, d: isize) {
        let n = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + d).rem_euclid(n) as usize;
    }

    fn input(&mut self) -> Option<&mut Input> {
        self.fields.get_mut(self.focus).map(|f| &mut f.input)
    }

    pub fn edit(&mut self, e: Edit) {
        if let Some(Input::Text(t)) = self.input() {
            t.apply(e);
        }
    }

    /// Space: cycles a choice, flips a flag, ticks the item under the cursor.
    pub fn toggle(&mut self) {
        match self.input() {
            Some(Input::Choice { options, at }) => *at = (*at + 1) % options.len().max(1),
            Some(Input::Flag(b)) => *b = !*b,
            Some(Input::Ticks { on, cursor, .. }) => {
                if let Some(o) = on.get_mut(*cursor) {
                    *o = !*o;
                }
            }
            _ => {}
        }
    }

    /// h/l: the previous / next option of a choice, or the item cursor of ticks.
    pub fn move_item(&mut self, d: i32) {
        let step = |i: &mut usize, n: usize| {
            if n > 0 {
                *i = (*i as i64 + d as i64).rem_euclid(n as i64) as usize;
            }
        };
        match self.input() {
            Some(Input::Choice { options, at }) => step(at, options.len()),
            Some(Input::Ticks { items, cursor, .. }) => step(cursor, items.len()),
            _ => {}
        }
    }

    /// Backspace on a non-text field: a flag goes off, ticks all go off.
    pub fn clear(&mut self) {
        match self.input() {
            Some(Input::Flag(b)) => *b = false,
            Some(Input::Ticks { on, .. }) => on.iter_mut().for_each(|o| *o = false),
            _ => {}
        }
    }

    /// The focused field's text, for $EDITOR.
    pub fn note_text(&self) -> Option<String> {
        match self.focused().map(|f| &f.input) {
            Some(Input::Text(t)) if t.multiline => Some(t.value().to_string()),
            _ => None,
        }
    }

    /// Whether the form has a note (which Ctrl-E opens in $EDITOR).
    pub fn has_note(&self) -> bool {
        self.fields.iter().any(|f| f.kind() == FieldKind::Note)
    }

    pub fn focus_note(&mut self) -> bool {
        match self.fields.iter().position(|f| f.kind() == FieldKind::Note) {
            Some(i) => {
                self.focus = i;
                true
            }
            None => false,
        }
    }

    pub fn set_note(&mut self, text: &str) {
        if let Some(Input::Text(t)) = self.input()
            && t.multiline
        {
            t.set(text);
        }
    }
}
