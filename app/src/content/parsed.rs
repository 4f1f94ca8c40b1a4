use std::path::PathBuf;

use toml::Spanned;

use super::error::ContentError;

/// A parsed file together with its text, so later checks can point at lines.
pub(super) struct Parsed<T> {
    pub path: PathBuf,
    pub text: String,
    /// Where the TOML starts in the file (after the `+++` line of a Markdown file).
    pub toml_offset: usize,
    pub data: T,
}

impl<T> Parsed<T> {
    pub fn error_at<U>(&self, spanned: &Spanned<U>, message: impl Into<String>) -> ContentError {
        self.error_at_offset(self.toml_offset + spanned.span().start, message)
    }

    /// An error at a byte offset of the whole file.
    pub fn error_at_offset(&self, offset: usize, message: impl Into<String>) -> ContentError {
        ContentError::at(&self.path, &self.text, offset, message)
    }

    pub fn whole_file(&self, message: impl Into<String>) -> ContentError {
        ContentError::whole_file(&self.path, message)
    }
}

/// Checks that a text field has words.
pub(super) fn require_text<T>(
    parsed: &Parsed<T>,
    field: &Spanned<String>,
    name: &str,
    errors: &mut Vec<ContentError>,
) {
    if field.get_ref().trim().is_empty() {
        errors.push(parsed.error_at(field, format!("{name} must not be empty")));
    }
}

pub(super) fn trimmed(field: &Spanned<String>) -> String {
    field.get_ref().trim().to_string()
}
