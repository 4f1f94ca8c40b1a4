/// The first sentence of a text: up to the first `.`, `!` or `?` that is followed by
/// whitespace (or a closing quote and whitespace), or the whole text when there is none.
/// "4.3 billion" does not end a sentence because no space follows the dot.
pub fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((index, ch)) = chars.next() {
        if !matches!(ch, '.' | '!' | '?') {
            continue;
        }
        let mut end = index + ch.len_utf8();
        if let Some(&(quote_index, quote)) = chars.peek() {
            if matches!(quote, '"' | '”' | '’' | ')') {
                end = quote_index + quote.len_utf8();
                chars.next();
            }
        }
        match text[end..].chars().next() {
            None => return text.trim(),
            Some(next) if next.is_whitespace() => return text[..end].trim(),
            Some(_) => {}
        }
    }
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn stops_at_the_first_full_stop_followed_by_space() {
        assert_eq!(first_sentence("One thing. Another."), "One thing.");
        assert_eq!(first_sentence("Ask? Then tell."), "Ask?");
    }

    #[test]
    fn decimals_and_domains_do_not_end_a_sentence() {
        let text = "It ran out of 4.3 billion addresses at example.org today. More.";
        assert_eq!(
            first_sentence(text),
            "It ran out of 4.3 billion addresses at example.org today."
        );
    }

    #[test]
    fn keeps_a_closing_quote_with_its_sentence() {
        assert_eq!(
            first_sentence("We call it “IoT.” It grows."),
            "We call it “IoT.”"
        );
    }

    #[test]
    fn returns_the_whole_text_without_a_sentence_end() {
        assert_eq!(first_sentence("  no end here "), "no end here");
        assert_eq!(first_sentence(""), "");
    }
}
