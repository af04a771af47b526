//! Pasted text (bracketed paste, issue 20). A paste is text for the focused text field and
//! never acts as keys: its line break does not save the form, and the letters after it do not
//! open other forms. A line break in a one-line field becomes a space; a note keeps its lines.
//! Anywhere else (a screen, a scale, a question) a paste changes nothing and says so.

use super::action::{Action, Edit, Effect};
use super::app::App;
use super::forms::checkin::FieldKind;
use super::keymap::KeyContext;

/// Applies a paste: one text edit per character, through `update` like typed text.
pub fn paste(app: &mut App, text: &str) -> Effect {
    let multiline = match app.key_context() {
        KeyContext::Form(FieldKind::Note) => true,
        KeyContext::Form(FieldKind::Text | FieldKind::Tags | FieldKind::Hours) => false,
        _ => {
            app.error("Pasted text goes into a text field; nothing was changed");
            return Effect::None;
        }
    };
    for e in edits(text, multiline) {
        app.update(Action::Text(e));
    }
    Effect::None
}

/// The edits a pasted text makes: CR LF and CR are line breaks; a one-line field gets one
/// space for each run of breaks and none at the end; tabs are spaces; other control
/// characters (escape sequences) are dropped.
pub fn edits(text: &str, multiline: bool) -> Vec<Edit> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = if multiline {
        text.as_str()
    } else {
        text.trim_end_matches('\n')
    };
    let mut out = Vec::with_capacity(text.len());
    let mut after_break = false;
    for c in text.chars() {
        match c {
            '\n' if multiline => out.push(Edit::Newline),
            '\n' if after_break => {}
            '\n' => {
                after_break = true;
                out.push(Edit::Insert(' '));
                continue;
            }
            '\t' => out.push(Edit::Insert(' ')),
            c if c.is_control() => {}
            c => out.push(Edit::Insert(c)),
        }
        after_break = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(edits: &[Edit]) -> String {
        edits
            .iter()
            .map(|e| match e {
                Edit::Insert(c) => *c,
                Edit::Newline => '\n',
                _ => '?',
            })
            .collect()
    }

    #[test]
    fn line_breaks_become_one_space_in_a_one_line_field() {
        assert_eq!(
            typed(&edits("MRI at\r\n\r\nthe clinic\n", false)),
            "MRI at the clinic"
        );
        // A tab is a space; the escape character of a pasted colour code is dropped.
        assert_eq!(typed(&edits("a\tb\x1b[31mc", false)), "a b[31mc");
        assert_eq!(typed(&edits("one\r\ntwo\n", true)), "one\ntwo\n");
    }
}
