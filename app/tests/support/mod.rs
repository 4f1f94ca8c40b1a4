//! A scratch copy of the real content that tests may break, and ways to point into it.
#![allow(dead_code)] // Each test file uses a different part.

use std::fs;
use std::path::{Path, PathBuf};

use app::content::{load_catalog, ContentErrors};

pub fn real_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// A scratch copy of the real content that a test may break.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("issues")).expect("issues dir");
        let source = real_content();
        // Every file at the top: the English ones and their translations.
        for entry in fs::read_dir(&source).expect("read content") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                let name = path.file_name().expect("name");
                fs::copy(&path, dir.path().join(name)).expect("copy a content file");
            }
        }
        for entry in fs::read_dir(source.join("issues")).expect("read issues") {
            let path = entry.expect("entry").path();
            fs::copy(
                &path,
                dir.path()
                    .join("issues")
                    .join(path.file_name().expect("name")),
            )
            .expect("copy issue");
        }
        Self { dir }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Replaces the first occurrence of `from` in a file, failing loudly if absent.
    pub fn replace(&self, relative: &str, from: &str, to: &str) -> &Self {
        let path = self.path(relative);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
        self
    }

    /// Appends text to a file.
    pub fn append(&self, relative: &str, text: &str) -> &Self {
        let path = self.path(relative);
        let mut old = fs::read_to_string(&path).expect("read");
        old.push_str(text);
        fs::write(&path, old).expect("write");
        self
    }

    /// Loads and expects failure; returns the rendered problems, one per line.
    pub fn errors(&self) -> Vec<String> {
        match load_catalog(self.dir.path()) {
            Ok(_) => panic!("the broken content loaded without error"),
            Err(ContentErrors(errors)) => {
                let root = self.dir.path().display().to_string();
                errors
                    .iter()
                    .map(|e| e.to_string().replace(&root, "content"))
                    .collect()
            }
        }
    }
}

/// 1-based line of the first occurrence of `needle` in a file of the scratch copy.
pub fn line_of(scratch: &Scratch, relative: &str, needle: &str) -> usize {
    let text = fs::read_to_string(scratch.path(relative)).expect("read");
    text.lines()
        .position(|line| line.contains(needle))
        .expect("needle present")
        + 1
}

/// Fails unless `errors` has a problem in `file` (relative to the content folder), at
/// `line` when one is given, whose message contains `words`.
pub fn assert_reported(errors: &[String], file: &str, line: impl Into<Option<usize>>, words: &str) {
    let prefix = match line.into() {
        Some(line) => format!("content/{file}:{line}:"),
        None => format!("content/{file}:"),
    };
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&prefix) && e.contains(words)),
        "no “{words}” at {prefix} in {errors:#?}"
    );
}
