//! The settings file split into its `name: value` entries before any value is read, so one
//! value RON cannot read costs that setting alone, and every problem points at its own entry.
//! Nesting, strings and comments are followed, so a comma inside a list or a text, or a
//! commented-out line, never splits or names an entry.

/// One `name: value` of the file, with where its name stands (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub name: String,
    pub line: usize,
    pub column: usize,
    pub value: &'a str,
}

/// What a file holds at the top level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub entries: Vec<Entry<'a>>,
    /// Places (line, column) where an entry has no name or no `:`.
    pub broken: Vec<(usize, usize)>,
    /// The closing bracket is missing: where the file ends.
    pub unclosed: Option<(usize, usize)>,
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    /// The last place counted: (byte position, line, column). Places are asked in order, so
    /// each is counted on from the one before, and a long file is read once, not per entry.
    counted: (usize, usize, usize),
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Line and column (1-based, in chars) of the current position.
    fn place(&mut self) -> (usize, usize) {
        let (from, mut line, mut column) = self.counted;
        for c in self.text[from..self.pos].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        self.counted = (self.pos, line, column);
        (line, column)
    }

    /// Skips one `//` or `/* */` comment; whether there was one.
    fn skip_comment(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        if rest.starts_with("//") {
            self.pos += rest.find('\n').unwrap_or(rest.len());
        } else if let Some(inner) = rest.strip_prefix("/*") {
            self.pos += inner.find("*/").map_or(rest.len(), |end| end + 4);
        } else {
            return false;
        }
        true
    }

    fn skip_space_and_comments(&mut self) {
        loop {
            if !self.skip_comment() && !self.peek().is_some_and(char::is_whitespace) {
                return;
            }
            if self.peek().is_some_and(char::is_whitespace) {
                self.bump();
            }
        }
    }

    fn identifier(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.bump();
        }
        self.text[start..self.pos].to_owned()
    }

    /// A quoted text, from its opening quote; `None` if it never closes.
    fn quoted(&mut self) -> Option<String> {
        let quote = self.bump()?;
        let mut out = String::new();
        loop {
            match self.bump()? {
                '\\' => out.push(self.bump()?),
                c if c == quote => return Some(out),
                c => out.push(c),
            }
        }
    }

    /// Moves to the next `,` or `closer` that is not inside brackets, a text or a comment, and
    /// returns what lies before it; stops at the end of the text too.
    fn until_separator(&mut self, closer: char) -> &'a str {
        let start = self.pos;
        let mut depth = 0usize;
        loop {
            while self.skip_comment() {}
            let Some(c) = self.peek() else { break };
            match c {
                '"' | '\'' => {
                    let _ = self.quoted();
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                c if depth == 0 && (c == ',' || c == closer) => break,
                _ => {}
            }
            self.bump();
        }
        self.text[start..self.pos].trim()
    }
}

/// The entries of `text`, or `None` when it is not settings in brackets at all.
pub fn split(text: &str) -> Option<Split<'_>> {
    let mut s = Scanner { text, pos: 0, counted: (0, 1, 1) };
    s.skip_space_and_comments();
    // RON may name the struct: `Settings(...)`.
    s.identifier();
    s.skip_space_and_comments();
    let closer = match s.bump() {
        Some('(') => ')',
        Some('{') => '}',
        _ => return None,
    };
    let mut out = Split { entries: Vec::new(), broken: Vec::new(), unclosed: None };
    loop {
        s.skip_space_and_comments();
        match s.peek() {
            None => {
                out.unclosed = Some(s.place());
                return Some(out);
            }
            Some(c) if c == closer => return Some(out),
            Some(',') => {
                s.bump();
                continue;
            }
            _ => {}
        }
        let (line, column) = s.place();
        let name = if s.peek() == Some('"') { s.quoted().unwrap_or_default() } else { s.identifier() };
        s.skip_space_and_comments();
        if name.is_empty() || s.peek() != Some(':') {
            out.broken.push((line, column));
            s.until_separator(closer);
            continue;
        }
        s.bump();
        let value = s.until_separator(closer);
        out.entries.push(Entry { name, line, column, value });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_their_places_past_commas_in_lists_texts_and_comments() {
        let text = "// mine\n(\n    // lang: \"nb\",\n    lang: \"en\", // engelsk\n    triggers: [\"a, b\", \"c\"],\n    keys: {\"quit\": [\"q\"]},\n)";
        let split = split(text).unwrap();
        let names: Vec<(&str, usize, usize, &str)> =
            split.entries.iter().map(|e| (e.name.as_str(), e.line, e.column, e.value)).collect();
        assert_eq!(
            names,
            [
                ("lang", 4, 5, "\"en\""),
                ("triggers", 5, 5, "[\"a, b\", \"c\"]"),
                ("keys", 6, 5, "{\"quit\": [\"q\"]}")
            ]
        );
        assert!(split.broken.is_empty() && split.unclosed.is_none());
    }

    #[test]
    fn a_broken_entry_is_placed_and_the_rest_still_read() {
        let split = split("(\n  lang: \"nb\",\n  bell yes,\n  theme: \"light\"\n").unwrap();
        assert_eq!(split.entries.len(), 2);
        assert_eq!(split.broken, [(3, 3)]);
        assert_eq!(split.unclosed, Some((5, 1)));
        assert!(super::split("42").is_none() && super::split("").is_none() && super::split("[1]").is_none());
    }
}
