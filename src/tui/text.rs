//! Text fields for forms: tui-input's `Input` for one line, and the same buffer holding
//! newlines for the multi-line note (tui-input has no textarea; lines and Up/Down are computed
//! here from its codepoint cursor). Also the app's one measure of text on screen, in terminal
//! cells (a CJK character takes two), and the wrapping and cutting built on it.

use tui_input::{Input, InputRequest};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

    /// The cursor's column on a one-line field, in terminal cells from the start.
    pub fn cursor_cells(&self) -> usize {
        let before: String = self.value().chars().take(self.cursor()).collect();
        cells(&before)
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
            Edit::Clear if self.multiline => return false,
            Edit::Clear => InputRequest::DeleteLine,
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

/// The terminal cells `s` takes: a CJK character two, a combining mark none.
pub fn cells(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_cells(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The longest start of `s` that fits in `n` cells.
pub fn fit(s: &str, n: usize) -> String {
    let mut used = 0;
    s.chars()
        .take_while(|c| {
            used += char_cells(*c);
            used <= n
        })
        .collect()
}

/// `s` cut to at most `n` cells, ending in "…" when cut, so a long name keeps the columns.
pub fn clip(s: &str, n: usize) -> String {
    if cells(s) <= n {
        return s.to_string();
    }
    match n {
        0 => String::new(),
        _ => format!("{}…", fit(s, n - 1)),
    }
}

/// `s` padded with spaces to `n` cells (`format!("{:<n$}")` pads by characters).
pub fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(cells(s))))
}

/// A text wrapped to `width` cells for display: its rows (broken after a space where one
/// fits, else mid-word) and the row and cell column of the cursor at `(line, col)`, `col` in
/// characters as [`TextField::line_col`] gives it. The cursor always lands inside the width,
/// on a row of its own when a full row ends where it is.
pub fn wrap(value: &str, width: usize, cursor: (usize, usize)) -> (Vec<String>, (usize, usize)) {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut at = (0, 0);
    for (li, line) in value.split('\n').enumerate() {
        let chars: Vec<char> = line.chars().collect();
        // x[i]: the cells of the line's first i characters.
        let mut x = vec![0];
        for c in &chars {
            x.push(x[x.len() - 1] + char_cells(*c));
        }
        let mut start = 0;
        let mut segs = Vec::new();
        while x[chars.len()] - x[start] > width && chars.len() - start > 1 {
            // The most characters that fit; at least one, so a character wider than the box
            // still moves on.
            let fit = (start + 1..=chars.len())
                .take_while(|&i| x[i] - x[start] <= width)
                .last()
                .unwrap_or(start + 1);
            let end = (start + 1..=fit)
                .rev()
                .find(|&i| chars[i - 1] == ' ')
                .unwrap_or(fit);
            segs.push((start, end));
            start = end;
        }
        segs.push((start, chars.len()));
        for (si, &(a, b)) in segs.iter().enumerate() {
            let last = si + 1 == segs.len();
            rows.push(chars[a..b].iter().collect::<String>());
            if li == cursor.0 && cursor.1 >= a && (cursor.1 < b || last) {
                at = (rows.len() - 1, x[cursor.1.min(chars.len())] - x[a]);
                if at.1 >= width {
                    rows.push(String::new());
                    at = (rows.len() - 1, 0);
                }
            }
        }
    }
    (rows, at)
}

/// A line wrapped at spaces to `width` in terminal cells, its continuation rows indented by
/// `indent` so they read under the line's text, not its label ("training 2 sessions, … (week
/// before" / "         6 sessions, 10h04m, TSS 606)"). No cursor is involved, so textwrap does
/// it; words are never split at their hyphens (a date stays whole).
pub fn wrap_indented(line: &str, width: usize, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent.min(width / 2));
    let options = textwrap::Options::new(width.max(1))
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(line.trim_end(), options)
        .into_iter()
        .map(|r| r.trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_the_cursor_inside() {
        let (rows, at) = wrap("long drive to the coast", 10, (0, 23));
        assert_eq!(rows, vec!["long ", "drive to ", "the coast"]);
        assert_eq!(at, (2, 9));
        // A word longer than the width breaks mid-word.
        let (rows, at) = wrap("abcdefghijkl", 5, (0, 7));
        assert_eq!(rows, vec!["abcde", "fghij", "kl"]);
        assert_eq!(at, (1, 2));
        // A full last row: the cursor goes to a fresh row rather than past the edge.
        let (rows, at) = wrap("abcde\nx", 5, (0, 5));
        assert_eq!(rows, vec!["abcde", "", "x"]);
        assert_eq!(at, (1, 0));
        let (rows, at) = wrap("", 5, (0, 0));
        assert_eq!((rows, at), (vec![String::new()], (0, 0)));
    }

    /// Issue 25: width is counted in terminal cells. Japanese text (two cells a character)
    /// in a 10-column box wraps at 10 cells, not 10 characters (20 columns), and the cursor
    /// column is in cells.
    #[test]
    fn japanese_text_in_a_10_column_box_wraps_at_10_cells() {
        let note = "日本語のテキストです";
        let (rows, at) = wrap(note, 10, (0, 7));
        assert_eq!(rows, vec!["日本語のテ", "キストです"]);
        assert!(rows.iter().all(|r| cells(r) == 10), "{rows:?}");
        assert_eq!(at, (1, 4), "after キス: two characters, four cells");
        // A space still breaks first; a wide character never straddles the edge.
        let (rows, _) = wrap("膝 の痛みが少し", 5, (0, 0));
        assert_eq!(rows, vec!["膝 ", "の痛", "みが", "少し"]);
        // A character wider than the box still moves on.
        assert_eq!(wrap("膝膝", 1, (0, 0)).0, vec!["膝", "膝"]);
        assert_eq!(clip("イブプロフェン", 8), "イブプ…");
        assert_eq!(cells(&pad("膝", 4)), 4);
    }

    #[test]
    fn wrap_indented_keeps_continuations_under_the_text() {
        assert_eq!(
            wrap_indented("doses    3 (week before 17)", 80, 9),
            vec!["doses    3 (week before 17)"]
        );
        assert_eq!(
            wrap_indented(
                "training 1 session, TSS 121 (week before 6 sessions)",
                30,
                9
            ),
            vec![
                "training 1 session, TSS 121",
                "         (week before 6",
                "         sessions)"
            ]
        );
    }

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

    /// Issue 25: a list row wraps in cells too. Japanese words in a 12-cell column fit 12
    /// cells, continuation rows sit under the text, and a date is never split at a hyphen.
    #[test]
    fn an_indented_list_row_wraps_in_cells_and_keeps_dates_whole() {
        let rows = wrap_indented("score 日本語 テキスト です 2026-12-04 done", 12, 2);
        assert!(rows.iter().all(|r| cells(r) <= 12), "{rows:?}");
        assert!(rows[1..].iter().all(|r| r.starts_with("  ")), "{rows:?}");
        assert!(
            rows.iter()
                .any(|r| r.trim() == "2026-12-04" || r.contains("2026-12-04")),
            "{rows:?}"
        );
        assert_eq!(wrap_indented("short", 12, 2), vec!["short"]);
    }
}
