//! Displayed text with the matched parts marked, and snippets around the best match.

use super::Segment;

/// Characters of context shown before the first match in a snippet.
const LEAD: usize = 60;
/// Longest snippet, in characters (before the ellipses).
const LENGTH: usize = 200;

/// `text` cut into marked and unmarked pieces at the byte spans in `marks` (sorted).
pub fn segments(text: &str, marks: &[(u32, u32)]) -> Vec<Segment> {
    segments_between(text, marks, 0, text.len())
}

/// A window of `text` around its first mark (or its start), cut at word boundaries, with
/// "…" where it was cut, and the marks inside it.
pub fn snippet(text: &str, marks: &[(u32, u32)]) -> Vec<Segment> {
    let anchor = marks.first().map_or(0, |&(start, _)| start as usize);
    let mut start = back_chars(text, anchor, LEAD);
    if start > 0 {
        // Begin at a word: after the next whitespace, unless that passes the match.
        if let Some((space, c)) = text[start..anchor]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        {
            start += space + c.len_utf8();
        }
    }
    let mut end = forward_chars(text, start, LENGTH);
    if end < text.len() {
        if let Some(space) = text[anchor.max(start)..end].rfind(char::is_whitespace) {
            end = anchor.max(start) + space;
        }
    }
    let mut pieces = Vec::new();
    if start > 0 {
        pieces.push(plain("…"));
    }
    pieces.extend(segments_between(text, marks, start, end));
    if end < text.len() {
        pieces.push(plain("…"));
    }
    pieces
}

fn plain(text: &str) -> Segment {
    Segment {
        text: text.to_string(),
        mark: false,
    }
}

fn segments_between(text: &str, marks: &[(u32, u32)], start: usize, end: usize) -> Vec<Segment> {
    let mut pieces = Vec::new();
    let mut at = start;
    for &(mark_start, mark_end) in marks {
        let (mark_start, mark_end) = (mark_start as usize, mark_end as usize);
        if mark_end <= at
            || mark_start >= end
            || !text.is_char_boundary(mark_start)
            || !text.is_char_boundary(mark_end)
        {
            continue;
        }
        let mark_start = mark_start.max(at);
        let mark_end = mark_end.min(end);
        if mark_start > at {
            pieces.push(plain(&text[at..mark_start]));
        }
        pieces.push(Segment {
            text: text[mark_start..mark_end].to_string(),
            mark: true,
        });
        at = mark_end;
    }
    if at < end {
        pieces.push(plain(&text[at..end]));
    }
    pieces
}

/// The byte index `count` characters before `from` (or 0).
fn back_chars(text: &str, from: usize, count: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(index, _)| index)
}

/// The byte index `count` characters after `from` (or the end).
fn forward_chars(text: &str, from: usize, count: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(index, _)| from + index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(pieces: &[Segment]) -> String {
        pieces
            .iter()
            .map(|p| {
                if p.mark {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_wrap_exactly_the_matched_bytes() {
        assert_eq!(
            render(&segments("Domain Name System", &[(0, 6), (12, 18)])),
            "[Domain] Name [System]"
        );
        assert_eq!(render(&segments("abc", &[])), "abc");
    }

    #[test]
    fn short_texts_are_shown_whole() {
        assert_eq!(
            render(&snippet("Routing between networks.", &[(0, 7)])),
            "[Routing] between networks."
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_match_at_word_boundaries() {
        let text = format!(
            "{}needle {}",
            "lorem ipsum ".repeat(20),
            "dolor sit ".repeat(40)
        );
        let at = text.find("needle").expect("needle") as u32;
        let shown = render(&snippet(&text, &[(at, at + 6)]));
        assert!(
            shown.starts_with("…lorem") || shown.starts_with("…ipsum"),
            "{shown}"
        );
        assert!(shown.contains("[needle]"));
        assert!(shown.ends_with("…"));
        assert!(shown.chars().count() <= LENGTH + 2);
        assert!(!shown.contains("  "));
    }

    #[test]
    fn wide_spaces_are_word_boundaries_too() {
        // A no-break space is two bytes: the cut must land after all of it.
        let text = format!("{}\u{a0}word {}target end", "x".repeat(70), "y ".repeat(10));
        let at = text.find("target").expect("target") as u32;
        let shown = render(&snippet(&text, &[(at, at + 6)]));
        assert!(shown.contains("[target]"), "{shown}");
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        let text = "é".repeat(300);
        let shown = snippet(&text, &[(200, 202)]);
        assert!(shown.iter().any(|p| p.mark && p.text == "é"));
    }
}
