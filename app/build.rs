//! Generates the `i18n` module from `locales/{en,fr,es}.json` (leptos_i18n), after checking
//! that every language has exactly the keys English has: a missing translation fails the
//! build with the file and the key, rather than showing English on a French page.
//!
//! It calls leptos_i18n's parser and code generator directly (pinned to the leptos_i18n
//! version) rather than `leptos_i18n_build`, whose ICU data-export crates (an HTTP client,
//! zip and tar among them) this project does not use and every clean build would compile.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use leptos_i18n_parser::parse_locales::options::{Config, ParseOptions};
use leptos_i18n_parser::parse_locales::parse_locales;

const DEFAULT_LANGUAGE: &str = "en";
const OTHER_LANGUAGES: [&str; 2] = ["fr", "es"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let english = keys_of(DEFAULT_LANGUAGE)?;
    let mut problems = Vec::new();
    for language in OTHER_LANGUAGES {
        let keys = keys_of(language)?;
        let file = locale_file(language);
        for missing in english.difference(&keys) {
            problems.push(format!(
                "{}: no translation for `{missing}`",
                file.display()
            ));
        }
        for extra in keys.difference(&english) {
            problems.push(format!(
                "{}: `{extra}` is not a key of {DEFAULT_LANGUAGE}.json",
                file.display()
            ));
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("app/{problem}");
        }
        return Err(format!("{} translation problems, listed above", problems.len()).into());
    }
    // `interpolate_display`: strings with `{{ name }}` placeholders can be filled into a
    // `String` (`td_string!`) rather than only into a view.
    let config = Config::new(DEFAULT_LANGUAGE)?
        .add_locales(OTHER_LANGUAGES)?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let parsed = parse_locales(None, config)?;
    for path in parsed.tracked_files.iter().flatten() {
        println!("cargo::rerun-if-changed={path}");
    }
    for warning in parsed.diag.warnings().iter() {
        println!("cargo::warning={warning}");
    }
    if let Some(error) = parsed.diag.errors().first() {
        return Err(error.to_string().into());
    }
    let code = leptos_i18n_codegen::gen_code(&parsed, None, false, None, false)?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    std::fs::create_dir_all(out_dir.join("i18n"))?;
    std::fs::write(out_dir.join("i18n").join("mod.rs"), code.to_string())?;
    Ok(())
}

fn locale_file(language: &str) -> PathBuf {
    Path::new("locales").join(format!("{language}.json"))
}

/// The keys of one language's file, nested keys as `outer.inner`.
fn keys_of(language: &str) -> Result<BTreeSet<String>, Box<dyn std::error::Error>> {
    let file = locale_file(language);
    println!("cargo::rerun-if-changed={}", file.display());
    let text =
        std::fs::read_to_string(&file).map_err(|error| format!("{}: {error}", file.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|error| {
        format!(
            "{}:{}:{}: {error}",
            file.display(),
            error.line(),
            error.column()
        )
    })?;
    let strings = locale_strings(&value).map_err(|error| format!("{}: {error}", file.display()))?;
    Ok(strings.into_keys().collect())
}

include!("src/locale_strings.rs");
