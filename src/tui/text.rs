//! Text fields for forms: tui-input's `Input` for one line, and the same buffer holding
//! newlines for the multi-line note (tui-input has no textarea; lines and Up/Down are computed
//! here from its codepoint cursor).

use tui_input::{Input, InputRequest};

use super::action::Edit;

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
    pub multiline: bool,
}

impl TextField {
    pub fn new(value: &str, multiline: bool) -> TextField {
        TextField {
            input: Input::new(value.to_string()),
            multiline,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn set(&mut self, value: &str) {
        self.input = Input::new(value.to_string());
    }

    /// The cursor in codepoints from the start.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    pub fn at_end(&self) -> bool {
        self.cursor() == self.value().chars().count()
    }

    /// Applies one edit; returns false when it does not apply (e.g. Newline on one line).
    pub fn apply(&mut self, e: Edit) -> bool {
        let req = match e {
            Edit::Insert(c) if c == '\n' && !self.multiline => return false,
            Edit::Insert(c) => InputRequest::InsertChar(c),
            Edit::Newline if self.multiline => InputRequest::InsertChar('\n'),
            Edit::Newline => return false,
            Edit::Backspace => InputRequest::DeletePrevChar,
            Edit::Delete => InputRequest::DeleteNextChar,
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::DeleteWord => InputRequest::DeletePrevWord,
            Edit::Home => InputRequest::SetCursor(self.line_start(self.cursor())),
            Edit::End => InputRequest::SetCursor(self.line_end(self.cursor())),
            Edit::Up | Edit::Down if !self.multiline => return false,
            Edit::Up => InputRequest::SetCursor(self.vertical(-1)),
            Edit::Down => InputRequest::SetCursor(self.vertical(1)),
        };
        self.input.handle(req);
        true
    }

    fn chars(&self) -> Vec<char> {
        self.value().chars().collect()
    }

    fn line_start(&self, pos: usize) -> usize {
        let cs = self.chars();
        let mut i = pos.min(cs.len());
        while i > 0 && cs[i - 1] != '\n' {
            i -= 1;
        }
        i
    }

    fn line_end(&self, pos: usize) -> usize {
        let cs = self.chars();
        let mut i = pos.min(cs.len());
        while i < cs.len() && cs[i] != '\n' {
            i += 1;
        }
        i
    }

    /// The cursor one line up or down, keeping the column where the line is long enough.
    fn vertical(&self, dir: i32) -> usize {
        let cur = self.cursor();
        let start = self.line_start(cur);
        let col = cur - start;
        if dir < 0 {
            if start == 0 {
                return 0;
            }
            let prev_start = self.line_start(start - 1);
            prev_start + col.min(start - 1 - prev_start)
        } else {
            let end = self.line_end(cur);
            if end >= self.chars().len() {
                return end;
            }
            let next_start = end + 1;
            let next_end = self.line_end(next_start);
            next_start + col.min(next_end - next_start)
        }
    }

    /// (line, column) of the cursor, both counted in characters.
    pub fn line_col(&self) -> (usize, usize) {
        let cur = self.cursor();
        let before: Vec<char> = self.value().chars().take(cur).collect();
        let line = before.iter().filter(|c| **c == '\n').count();
        let col = cur - self.line_start(cur);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_moves_between_lines() {
        let mut t = TextField::new("", true);
        for c in "ab".chars() {
            t.apply(Edit::Insert(c));
        }
        t.apply(Edit::Newline);
        t.apply(Edit::Insert('c'));
        assert_eq!(t.value(), "ab\nc");
        assert_eq!(t.line_col(), (1, 1));
        t.apply(Edit::Up);
        assert_eq!(t.line_col(), (0, 1));
        t.apply(Edit::End);
        assert_eq!(t.line_col(), (0, 2));
        t.apply(Edit::Down);
        assert_eq!(t.line_col(), (1, 1));
        let mut one = TextField::new("x", false);
        assert!(!one.apply(Edit::Newline));
        assert_eq!(one.value(), "x");
    }
}
