// Reading a locale file (`locales/<lang>.json`) as flat key paths. Shared by `build.rs`
// (through `include!`), which compares the languages' keys, and by the tests of
// `interface_text`, which compare their strings.

use std::collections::BTreeMap;

/// Every string of a locale file, by key path (`footer.glossary`); an error names the key
/// whose value is not a string or a group of strings.
pub fn locale_strings(value: &serde_json::Value) -> Result<BTreeMap<String, String>, String> {
    fn walk(
        value: &serde_json::Value,
        prefix: &str,
        out: &mut BTreeMap<String, String>,
    ) -> Result<(), String> {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(inner, &path, out)?;
                }
                Ok(())
            }
            serde_json::Value::String(text) => {
                out.insert(prefix.to_string(), text.clone());
                Ok(())
            }
            other => Err(format!("`{prefix}`: a string was expected, found {other}")),
        }
    }
    let mut out = BTreeMap::new();
    walk(value, "", &mut out)?;
    Ok(out)
}
