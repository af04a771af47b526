//! Text that reaches a terminal (issue 21.7). A note, an activity name from a Strava export or
//! a zip member's name may hold escape sequences (an OSC that renames the terminal, a CSI that
//! moves the cursor) or line breaks that forge a line of a summary. On output every control
//! character is shown as a visible `\uXXXX` escape instead: the same form JSON uses, so a
//! JSON text stays valid JSON and decodes to the stored character.

use std::borrow::Cow;

/// Characters that act on a terminal or reorder text rather than show: C0 and C1 controls,
/// DEL, and the bidirectional overrides and isolates ("Trojan source").
fn acts(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, c: char) {
    out.push_str(&format!("\\u{:04x}", c as u32));
}

/// Whole output: line breaks and tabs stay (they are the output's own layout); every other
/// control character is escaped.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    neutralise(text, |c| c != '\n' && c != '\t' && acts(c))
}

/// One value inside a line (a file or member name, a note in a row): line breaks and tabs are
/// escaped too, so the value cannot start a line of its own.
pub fn one_line(text: &str) -> Cow<'_, str> {
    neutralise(text, acts)
}

fn neutralise(text: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match bad(c) {
            true => escape_into(&mut out, c),
            false => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_sent() {
        let osc = "note \u{1b}]0;pwned\u{7} \u{9b}2J end";
        assert_eq!(
            for_terminal(osc),
            "note \\u001b]0;pwned\\u0007 \\u009b2J end"
        );
        assert_eq!(for_terminal("a\nb\tc"), "a\nb\tc");
        assert_eq!(one_line("x.gpx\n  + forged"), "x.gpx\\u000a  + forged");
        assert_eq!(one_line("abc\u{202e}fdp.exe"), "abc\\u202efdp.exe");
        assert!(matches!(for_terminal("plain é ✓"), Cow::Borrowed(_)));
        // Inside a JSON string the escape decodes to the stored character.
        let v: String = serde_json::from_str(&format!("\"{}\"", for_terminal("\u{9b}x"))).unwrap();
        assert_eq!(v, "\u{9b}x");
    }
}
