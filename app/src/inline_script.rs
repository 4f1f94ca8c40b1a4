//! Inline scripts as they are sent: without indentation, blank lines or whole-line comments.
//! The framework's islands loader and router script is written for reading (tabs, comments);
//! sent as is it costs about 1 KB more (brotli) on every first load.

/// `source` with each line trimmed and blank lines, `// …` lines and one-line `/* … */`
/// comments dropped. Line breaks stay, so automatic semicolon insertion sees the same code.
/// Safe for scripts whose strings and template literals never span lines (the project's own
/// and leptos' — both are exercised by the end-to-end tests).
pub fn compact(source: &str) -> String {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .filter(|line| !(line.starts_with("/*") && line.ends_with("*/")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn compacting_keeps_every_line_of_code_and_drops_the_rest() {
        let source = "\t// a comment\n\tlet a = 1;\n\n  /* note */\n\tif (a) {\n\t\tgo(`x ${a}`); // why\n\t}\n";
        assert_eq!(
            compact(source),
            "let a = 1;\nif (a) {\ngo(`x ${a}`); // why\n}"
        );
    }
}
