//! Splits `issues/<slug>.md` into its TOML front matter and its Markdown body.

/// The two parts of a content file, with the byte offset where each starts in the file, so
/// problems found in either can be reported at the file's own line and column.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    pub front_matter_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Why a file could not be split; the offset is where the problem is.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    pub offset: usize,
    pub message: &'static str,
}

const FENCE: &str = "+++";

/// The file must open with a `+++` line; the front matter runs to the next `+++` line.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = line_spans(text);
    match lines.next() {
        Some((_, line)) if line == FENCE => {}
        _ => {
            return Err(SplitError {
                offset: 0,
                message: "the file must start with a `+++` line that opens the TOML front matter",
            })
        }
    }
    let front_matter_offset = lines.offset();
    for (start, line) in lines.by_ref() {
        if line == FENCE {
            let body_offset = lines.offset();
            return Ok(Split {
                front_matter: &text[front_matter_offset..start],
                front_matter_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
    }
    Err(SplitError {
        offset: 0,
        message: "the front matter is never closed: add a `+++` line after it",
    })
}

/// Lines with their start offsets, without the line ending (`\n` or `\r\n`).
struct LineSpans<'a> {
    text: &'a str,
    next: usize,
}

fn line_spans(text: &str) -> LineSpans<'_> {
    LineSpans { text, next: 0 }
}

impl LineSpans<'_> {
    /// Where the next line starts.
    fn offset(&self) -> usize {
        self.next
    }
}

impl<'a> Iterator for LineSpans<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.text.len() {
            return None;
        }
        let start = self.next;
        let rest = &self.text[start..];
        let (line, advance) = match rest.find('\n') {
            Some(end) => (&rest[..end], end + 1),
            None => (rest, rest.len()),
        };
        self.next = start + advance;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_their_offsets() {
        let text = "+++\ntitle = \"x\"\n+++\n\nBody.\n";
        let split = split(text).expect("splits");
        assert_eq!(split.front_matter, "title = \"x\"\n");
        assert_eq!(split.front_matter_offset, 4);
        assert_eq!(split.body, "\nBody.\n");
        assert_eq!(&text[split.body_offset..], "\nBody.\n");
    }

    #[test]
    fn windows_line_endings_are_accepted() {
        let split = split("+++\r\na = 1\r\n+++\r\nBody").expect("splits");
        assert_eq!(split.front_matter, "a = 1\r\n");
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn a_missing_opening_or_closing_fence_is_an_error() {
        assert!(split("title = 1\n").is_err());
        assert!(split("").is_err());
        assert!(split("+++\ntitle = 1\n").is_err());
        // A fence must be the whole line.
        assert!(split("+++\na = 1\n+++ x\n").is_err());
    }
}
