//! Generates the `i18n` module from `locales/{en,fr,es}.json` (leptos_i18n), after checking
//! that every language has exactly the keys English has: a missing translation fails the
//! build with the file and the key, rather than showing English on a French page.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

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
    let translations = TranslationsInfos::parse(config)?;
    translations.rerun_if_locales_changed();
    translations.emit_diagnostics();
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    translations.generate_i18n_module(out_dir.join("i18n"))?;
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
    let mut keys = BTreeSet::new();
    collect_keys(&value, "", &mut keys);
    Ok(keys)
}

fn collect_keys(value: &serde_json::Value, prefix: &str, keys: &mut BTreeSet<String>) {
    if let serde_json::Value::Object(map) = value {
        for (key, inner) in map {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            if inner.is_object() {
                collect_keys(inner, &path, keys);
            } else {
                keys.insert(path);
            }
        }
    }
}
