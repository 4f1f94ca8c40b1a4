mod get;

pub use get::{get_glossary, GetGlossary};
