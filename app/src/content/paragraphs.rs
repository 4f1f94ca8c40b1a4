/// Splits text into paragraphs at blank lines and joins the lines of each paragraph with
/// single spaces, so content files can be wrapped freely.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut result = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                result.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        result.push(current.join(" "));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn joins_wrapped_lines_and_splits_at_blank_lines() {
        let text = "\nFirst line\n  continues.\n\n\nSecond one.\n";
        assert_eq!(
            paragraphs(text),
            vec!["First line continues.", "Second one."]
        );
    }

    #[test]
    fn blank_text_has_no_paragraphs() {
        assert!(paragraphs(" \n \n").is_empty());
    }
}
