//! The content in French and Spanish. Each translation lives beside its English source
//! (`issues/dns.fr.md` next to `issues/dns.md`, `glossary.es.toml` next to
//! `glossary.toml`), so an editor sees both in every listing and diff. A translation holds
//! words only: figures' sources, dates, addresses and the order of things come from the
//! English file, which is checked first (`docs/translations.md` has the format).
//!
//! Each translation records a fingerprint of the English words it was made from
//! (`translated_from`). When the English changes, the check warns with the file and line,
//! and the page says that its translation follows an earlier version.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use toml::Spanned;

use super::catalog::{Catalog, IssueRecord, Words};
use super::connections::WHY_MAX_CHARS;
use super::dates::IsoDate;
use super::error::ContentError;
use super::files::{
    ConnectionsFile, ConnectionsTranslationFile, GlossaryFile, GlossaryTranslationFile, IssueFile,
    IssueTranslationFile, SiteFile, SiteTranslationFile,
};
use super::issue_fields::check_summary;
use super::load::{read_front_matter_file, read_toml_file};
use super::locale_format::{date_label, figure_label};
use super::paragraphs::paragraphs;
use super::parsed::{require_text, trimmed, Parsed};
use super::render::{render_translation, IssueSource};
use super::terms::{MarkedTerm, TermMarker};
use crate::domain::{Citation, Lang, TermRef, Translation};
use crate::interface_text::figure_age_label;

/// The English files, as read and checked.
pub(super) struct EnglishFiles<'a> {
    pub site: &'a Parsed<SiteFile>,
    pub glossary: &'a Parsed<GlossaryFile>,
    pub connections: &'a Parsed<ConnectionsFile>,
    /// In file-name order.
    pub issues: &'a [(String, IssueSource)],
}

/// The file of `lang`'s translation of the English file at `path`: `dns.md` → `dns.fr.md`.
pub fn translation_path(path: &Path, lang: Lang) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.{}.{extension}", lang.code()))
}

/// `english` in `lang`, from the translation files beside the English ones. Problems are
/// errors (a missing field, a fact too many) or warnings (a translation made from an
/// earlier version of the English); `None` when an error leaves nothing to build.
pub(super) fn translate(
    lang: Lang,
    files: &EnglishFiles<'_>,
    english: &Catalog,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Option<Catalog> {
    let before = errors.len();
    let mut words = english.words();
    let glossary = translate_glossary(lang, files.glossary, errors, warnings);
    translate_site(lang, files.site, &mut words, errors, warnings);
    translate_connections(lang, files.connections, &mut words.issues, errors, warnings);
    let glossary = glossary?;
    let by_file: HashMap<&str, &Parsed<IssueFile>> = files
        .issues
        .iter()
        .map(|(slug, source)| (slug.as_str(), &source.parsed))
        .collect();
    let sources: HashMap<&str, &IssueSource> = files
        .issues
        .iter()
        .map(|(slug, source)| (slug.as_str(), source))
        .collect();
    for record in &mut words.issues {
        let Some(source) = sources.get(record.slug.as_str()) else {
            continue;
        };
        let context = IssueContext {
            lang,
            source,
            glossary: &glossary,
            english_glossary: &words.glossary,
            issues: &by_file,
        };
        translate_issue(&context, record, errors, warnings);
    }
    name_cited_issues(&mut words.issues);
    words.glossary = glossary;
    (errors.len() == before).then(|| english.with_words(lang, words))
}

/// Editor's notes citing a fact on another page name that page as this language does
/// (the cited page may come later in the order, so this runs once all are translated).
fn name_cited_issues(issues: &mut [IssueRecord]) {
    let names: HashMap<String, (String, String)> = issues
        .iter()
        .map(|issue| {
            (
                issue.slug.clone(),
                (issue.title.clone(), issue.short_title.clone()),
            )
        })
        .collect();
    for note in issues
        .iter_mut()
        .flat_map(|issue| issue.editor_notes.iter_mut())
    {
        if let Citation::Fact { issue, .. } = &mut note.cites {
            if let Some((title, short_title)) = names.get(&issue.slug) {
                issue.title = title.clone();
                issue.short_title = short_title.clone();
            }
        }
    }
}

/// A fingerprint of English words: FNV-1a over each text, trimmed, with a separator, so
/// that it changes when any of them does and stays put across Rust versions.
pub(super) fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for text in texts {
        for byte in text.trim().bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Warns when a translation was made from other English words than the current ones;
/// returns whether it was.
fn is_stale<T>(
    parsed: &Parsed<T>,
    stamp: &Spanned<String>,
    english: &str,
    warnings: &mut Vec<ContentError>,
) -> bool {
    let stamp_value = stamp.get_ref().trim();
    if stamp_value == english {
        return false;
    }
    let what = if stamp_value.is_empty() {
        "translation not stamped".to_string()
    } else {
        format!("translation out of date: made from English {stamp_value}, the English is now {english}")
    };
    warnings.push(parsed.error_at(
        stamp,
        format!("{what}; bring it up to date, then run `server --stamp-translations`"),
    ));
    true
}

/// The English words of an issue file that its translations translate.
pub(super) fn issue_fingerprint(source: &IssueSource) -> String {
    let file = &source.parsed.data;
    let mut texts: Vec<&str> = vec![
        file.title.get_ref(),
        file.short_title.as_ref().map_or("", |s| s.get_ref()),
        file.icon_alt.get_ref(),
        file.summary.get_ref(),
        file.blurb.get_ref(),
        file.facts_missing.as_ref().map_or("", |f| f.get_ref()),
    ];
    for fact in &file.facts {
        texts.extend([
            fact.figure.get_ref().as_str(),
            fact.text.get_ref(),
            fact.note.as_ref().map_or("", |n| n.get_ref()),
        ]);
    }
    for note in &file.editor_notes {
        texts.extend([note.quote.get_ref().as_str(), note.note.get_ref()]);
    }
    texts.push(&source.parsed.text[source.body_offset..]);
    fingerprint(texts)
}

pub(super) fn glossary_fingerprint(glossary: &GlossaryFile) -> String {
    fingerprint(glossary.terms.iter().flat_map(|entry| {
        [
            entry.term.get_ref().as_str(),
            entry.expansion.as_ref().map_or("", |e| e.get_ref()),
            entry.definition.get_ref(),
        ]
    }))
}

pub(super) fn connections_fingerprint(connections: &ConnectionsFile) -> String {
    fingerprint(connections.connection.iter().flat_map(|entry| {
        [
            entry.from.get_ref().as_str(),
            entry.relation.get_ref(),
            entry.to.get_ref(),
            entry.why.get_ref(),
        ]
    }))
}

pub(super) fn site_fingerprint(site: &SiteFile) -> String {
    let mut texts = vec![site.about.get_ref().as_str(), site.intro.get_ref()];
    for section in &site.sections {
        texts.extend([
            section.id.get_ref().as_str(),
            section.heading.get_ref(),
            section.intro.as_ref().map_or("", |i| i.get_ref()),
        ]);
    }
    fingerprint(texts)
}

/// A TOML translation file: it records the English it was made from.
pub(super) trait Stamped {
    fn stamp(&self) -> &Spanned<String>;
}

macro_rules! stamped {
    ($($file:ty),*) => {$(
        impl Stamped for $file {
            fn stamp(&self) -> &Spanned<String> {
                &self.translated_from
            }
        }
    )*};
}
stamped!(
    GlossaryTranslationFile,
    ConnectionsTranslationFile,
    SiteTranslationFile
);

/// Reads `lang`'s translation of the English file at `english`, warning when it was made
/// from other English words than `fingerprint`'s.
fn read_translation<T: Stamped + serde::de::DeserializeOwned>(
    english: &Path,
    lang: Lang,
    fingerprint: &str,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Option<Parsed<T>> {
    let parsed = read_toml_file::<T>(&translation_path(english, lang), errors)?;
    is_stale(&parsed, parsed.data.stamp(), fingerprint, warnings);
    Some(parsed)
}

/// Whether a translation has as many `what` as its English `source`; an error if not.
fn same_count<T>(
    parsed: &Parsed<T>,
    found: usize,
    expected: usize,
    what: &str,
    source: &str,
    errors: &mut Vec<ContentError>,
) -> bool {
    if found != expected {
        errors.push(parsed.whole_file(format!(
            "has {found} {what}; {source} has {expected}, and the translation has one for each, in the same order"
        )));
    }
    found == expected
}

/// A field the translation must have exactly when the English has it.
fn same_presence<T, U>(
    parsed: &Parsed<T>,
    english: bool,
    translated: Option<&Spanned<U>>,
    name: &str,
    errors: &mut Vec<ContentError>,
) {
    match (english, translated) {
        (true, None) => errors.push(parsed.whole_file(format!(
            "no {name}: the English has one, so the translation needs one"
        ))),
        (false, Some(field)) => errors.push(parsed.error_at(
            field,
            format!("{name}: the English has none, so the translation may not add one"),
        )),
        _ => {}
    }
}

fn translate_glossary(
    lang: Lang,
    english: &Parsed<GlossaryFile>,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Option<Vec<TermRef>> {
    let fingerprint = glossary_fingerprint(&english.data);
    let parsed: Parsed<GlossaryTranslationFile> =
        read_translation(&english.path, lang, &fingerprint, errors, warnings)?;
    let entries = &parsed.data.terms;
    let count = (entries.len(), english.data.terms.len());
    if !same_count(&parsed, count.0, count.1, "terms", "glossary.toml", errors) {
        return None;
    }
    let mut seen = HashSet::new();
    let mut terms = Vec::with_capacity(entries.len());
    for (entry, original) in entries.iter().zip(&english.data.terms) {
        let original_term = original.term.get_ref().trim();
        if entry.of.get_ref().trim() != original_term {
            errors.push(parsed.error_at(
                &entry.of,
                format!(
                    "translates “{}”, but the entry in the same place in glossary.toml is “{original_term}” (keep the English order)",
                    entry.of.get_ref().trim()
                ),
            ));
        }
        require_text(&parsed, &entry.definition, "definition", errors);
        same_presence(
            &parsed,
            original.expansion.is_some(),
            entry.expansion.as_ref(),
            &format!("expansion for “{original_term}”"),
            errors,
        );
        let fields = std::iter::once(&entry.term).chain(entry.expansion.as_ref());
        for field in fields {
            if crate::search::query_words(field.get_ref()).is_empty() {
                errors.push(parsed.error_at(field, "must contain a word"));
            } else if !seen.insert(crate::search::fold(field.get_ref())) {
                errors.push(parsed.error_at(
                    field,
                    format!("“{}” is already in this glossary", field.get_ref().trim()),
                ));
            }
        }
        terms.push(TermRef {
            term: trimmed(&entry.term),
            expansion: entry.expansion.as_ref().map(trimmed),
            definition: trimmed(&entry.definition),
            // Anchors are identifiers, like slugs: `/fr/glossary#ip-address`.
            anchor: crate::domain::term_anchor(original_term),
        });
    }
    Some(terms)
}

fn translate_site(
    lang: Lang,
    english: &Parsed<SiteFile>,
    words: &mut Words,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) {
    let fingerprint = site_fingerprint(&english.data);
    let Some(parsed) = read_translation::<SiteTranslationFile>(
        &english.path,
        lang,
        &fingerprint,
        errors,
        warnings,
    ) else {
        return;
    };
    let site = &parsed.data;
    require_text(&parsed, &site.about, "about", errors);
    require_text(&parsed, &site.intro, "intro", errors);
    words.text.about = paragraphs(site.about.get_ref()).join("\n\n");
    words.text.intro_original = Some(std::mem::replace(
        &mut words.text.intro,
        trimmed(&site.intro),
    ));
    let count = (site.sections.len(), english.data.sections.len());
    if !same_count(&parsed, count.0, count.1, "sections", "site.toml", errors) {
        return;
    }
    for ((section, original), record) in site
        .sections
        .iter()
        .zip(&english.data.sections)
        .zip(&mut words.sections)
    {
        if section.id.get_ref().trim() != original.id.get_ref().trim() {
            errors.push(parsed.error_at(
                &section.id,
                format!(
                    "section “{}” is in the place of “{}” in site.toml (keep the English order)",
                    section.id.get_ref().trim(),
                    original.id.get_ref().trim()
                ),
            ));
        }
        require_text(&parsed, &section.heading, "heading", errors);
        same_presence(
            &parsed,
            original.intro.is_some(),
            section.intro.as_ref(),
            "section intro",
            errors,
        );
        record.heading = trimmed(&section.heading);
        record.intro = section
            .intro
            .as_ref()
            .map(|intro| paragraphs(intro.get_ref()).join("\n\n"));
    }
}

/// French and Spanish run about a fifth longer than English: the same one sentence may.
const TRANSLATED_WHY_MAX_CHARS: usize = WHY_MAX_CHARS * 6 / 5;

fn translate_connections(
    lang: Lang,
    english: &Parsed<ConnectionsFile>,
    issues: &mut [IssueRecord],
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) {
    let fingerprint = connections_fingerprint(&english.data);
    let Some(parsed) = read_translation::<ConnectionsTranslationFile>(
        &english.path,
        lang,
        &fingerprint,
        errors,
        warnings,
    ) else {
        return;
    };
    let entries = &parsed.data.connection;
    let count = (entries.len(), english.data.connection.len());
    if !same_count(
        &parsed,
        count.0,
        count.1,
        "connections",
        "connections.toml",
        errors,
    ) {
        return;
    }
    let position: HashMap<String, usize> = issues
        .iter()
        .enumerate()
        .map(|(i, issue)| (issue.slug.clone(), i))
        .collect();
    for (entry, original) in entries.iter().zip(&english.data.connection) {
        let key = |e: &super::files::ConnectionFile| {
            (
                e.from.get_ref().trim().to_string(),
                e.relation.get_ref().trim().to_string(),
                e.to.get_ref().trim().to_string(),
            )
        };
        let (from, relation, to) = key(original);
        if key(entry) != (from.clone(), relation.clone(), to.clone()) {
            errors.push(parsed.error_at(
                &entry.from,
                format!("this connection is in the place of “{from} {relation} {to}” in connections.toml (keep the English order and its from, relation and to)"),
            ));
            continue;
        }
        require_text(&parsed, &entry.why, "why", errors);
        let why = trimmed(&entry.why);
        if why.chars().count() > TRANSLATED_WHY_MAX_CHARS {
            errors.push(parsed.error_at(
                &entry.why,
                format!(
                    "why is {} characters; keep it to {TRANSLATED_WHY_MAX_CHARS} (one sentence)",
                    why.chars().count()
                ),
            ));
        }
        let (Some(&a), Some(&b)) = (position.get(&from), position.get(&to)) else {
            continue;
        };
        for (this, other, outgoing) in [(a, b, true), (b, a, false)] {
            if let Some(record) = issues[this].connections.iter_mut().find(|c| {
                c.other == other && c.outgoing == outgoing && c.relation.slug() == relation
            }) {
                record.why = why.clone();
            }
        }
    }
}

/// What translating one issue needs besides its record.
struct IssueContext<'a> {
    lang: Lang,
    source: &'a IssueSource,
    /// The glossary in the translation's language, in the English order.
    glossary: &'a [TermRef],
    english_glossary: &'a [TermRef],
    issues: &'a HashMap<&'a str, &'a Parsed<IssueFile>>,
}

/// Whether a figure has words a translation must give ("1 in 3"), not only a number with
/// its currency, scale and unit, which are formatted per language.
pub fn figure_has_words(figure: &str) -> bool {
    const UNITS: [&str; 5] = ["million", "billion", "trillion", "TWh", "MWh"];
    figure
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .any(|word| !UNITS.contains(&word))
}

fn translate_issue(
    context: &IssueContext<'_>,
    record: &mut IssueRecord,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) {
    let english = &context.source.parsed;
    let path = translation_path(&english.path, context.lang);
    let Some((parsed, body_offset)) = read_front_matter_file::<IssueTranslationFile>(&path, errors)
    else {
        return;
    };
    let file = &parsed.data;
    let stale = is_stale(
        &parsed,
        &file.translated_from,
        &issue_fingerprint(context.source),
        warnings,
    );
    require_text(&parsed, &file.title, "title", errors);
    require_text(&parsed, &file.icon_alt, "icon_alt", errors);
    require_text(&parsed, &file.blurb, "blurb", errors);
    check_summary(&parsed, &file.summary, errors);
    same_presence(
        &parsed,
        english.data.short_title.is_some(),
        file.short_title.as_ref(),
        "short_title",
        errors,
    );
    if let Some(address) = &file.blurb_quoted_from {
        if !address
            .get_ref()
            .starts_with("https://www.internetsociety.org/")
        {
            errors.push(parsed.error_at(
                address,
                "blurb_quoted_from names the Internet Society's own page (https://www.internetsociety.org/…) where these words are published",
            ));
        }
    }

    record.title = trimmed(&file.title);
    record.short_title = file
        .short_title
        .as_ref()
        .unwrap_or(&file.title)
        .get_ref()
        .trim()
        .to_string();
    record.icon_alt = trimmed(&file.icon_alt);
    record.summary = trimmed(&file.summary);
    let original_blurb_html = context.lang_links(&record.blurb_html);
    record.paragraphs = paragraphs(file.blurb.get_ref());

    same_presence(
        &parsed,
        english.data.facts_missing.is_some(),
        file.facts_missing.as_ref(),
        "facts_missing",
        errors,
    );
    if let Some(reason) = &file.facts_missing {
        require_text(&parsed, reason, "facts_missing", errors);
        record.facts_missing = Some(trimmed(reason));
    }
    translate_facts(context.lang, &parsed, &english.data, record, errors);
    relabel_dates(context.lang, record);
    translate_editor_notes(context.lang, &parsed, file, record, errors);

    let marked: Vec<MarkedTerm> = record
        .terms
        .iter()
        .map(|&i| MarkedTerm {
            term: context.glossary[i].term.clone(),
            expansion: context.glossary[i].expansion.clone(),
            anchor: context.glossary[i].anchor.clone(),
        })
        .collect();
    // Inflection may hide a term the English uses: a warning, not an error.
    let mut marker = TermMarker::new(marked.iter().collect(), context.lang);
    let (blurb_html, overview) = render_translation(
        &parsed,
        file.blurb.get_ref(),
        body_offset,
        &mut marker,
        context.issues,
        context.english_glossary,
        errors,
    );
    for term in marker.unused().map(|term| &term.term) {
        warnings.push(parsed.whole_file(format!(
            "the glossary term “{term}” (listed by the English page) never appears in this translation, so it is not marked"
        )));
    }
    record.blurb_html = context.lang_links(&blurb_html);
    record.overview_html = context.lang_links(&overview.html);
    record.overview_text = overview.text;
    record.translation = Some(Translation {
        blurb_quoted_from: file.blurb_quoted_from.as_ref().map(trimmed),
        original_blurb_html,
        stale,
    });
}

impl IssueContext<'_> {
    /// Rendered content with its links to the site's pages in the translation's language.
    /// Content HTML is the renderer's own (raw HTML is refused in content), and its only
    /// site-relative links are pages (checked by the renderer), so every `href="/` is one.
    fn lang_links(&self, html: &str) -> String {
        html.replace("href=\"/", &format!("href=\"/{}/", self.lang.code()))
    }
}

fn translate_facts(
    lang: Lang,
    parsed: &Parsed<IssueTranslationFile>,
    english: &IssueFile,
    record: &mut IssueRecord,
    errors: &mut Vec<ContentError>,
) {
    let facts = &parsed.data.facts;
    if !same_count(
        parsed,
        facts.len(),
        english.facts.len(),
        "[[facts]]",
        "the English",
        errors,
    ) {
        return;
    }
    for ((fact, original), shown) in facts.iter().zip(&english.facts).zip(&mut record.facts) {
        require_text(parsed, &fact.text, "text", errors);
        same_presence(
            parsed,
            original.note.is_some(),
            fact.note.as_ref(),
            "fact note",
            errors,
        );
        let english_figure = original.figure.get_ref().trim();
        let has_words = figure_has_words(english_figure);
        match (&fact.figure, has_words) {
            (None, true) => errors.push(parsed.error_at(
                &fact.text,
                format!("the figure “{english_figure}” has words: give its translation as figure"),
            )),
            (Some(figure), false) => errors.push(parsed.error_at(
                figure,
                format!("the figure “{english_figure}” is a number, which the site formats for each language: leave figure out"),
            )),
            _ => {}
        }
        shown.text = trimmed(&fact.text);
        shown.note = fact.note.as_ref().map(trimmed);
        shown.figure = match &fact.figure {
            Some(figure) => trimmed(figure),
            None => figure_label(english_figure, lang).unwrap_or_else(|| shown.figure.clone()),
        };
        if let Ok(as_of) = IsoDate::parse(&shown.as_of) {
            shown.as_of_label = date_label(&as_of, lang);
            if shown.age_label.is_some() {
                shown.age_label = Some(figure_age_label(lang, as_of.year));
            }
        }
    }
}

fn translate_editor_notes(
    lang: Lang,
    parsed: &Parsed<IssueTranslationFile>,
    file: &IssueTranslationFile,
    record: &mut IssueRecord,
    errors: &mut Vec<ContentError>,
) {
    let notes = &file.editor_notes;
    let count = (notes.len(), record.editor_notes.len());
    if !same_count(
        parsed,
        count.0,
        count.1,
        "[[editor_notes]]",
        "the English",
        errors,
    ) {
        return;
    }
    let blurb = collapsed(file.blurb.get_ref());
    for (note, shown) in notes.iter().zip(&mut record.editor_notes) {
        let quote = collapsed(note.quote.get_ref());
        if quote.is_empty() || !blurb.contains(&quote) {
            errors.push(parsed.error_at(
                &note.quote,
                format!("“{quote}” does not occur in this translation's blurb (the quote must be its exact words)"),
            ));
        }
        require_text(parsed, &note.note, "note", errors);
        shown.quote = quote;
        shown.note = trimmed(&note.note);
        if let Citation::Fact { figure, .. } = &mut shown.cites {
            if let Some(label) = figure_label(figure, lang) {
                *figure = label;
            }
        }
    }
}

/// `text` with its `translated_from = "…"` line (the first) set to `stamp`; `None` when it
/// has none.
pub(super) fn with_stamp(text: &str, stamp: &str) -> Option<String> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_start().starts_with("translated_from") && content.contains('=') {
            let ending = &line[content.len()..];
            return Some(format!(
                "{}translated_from = \"{stamp}\"{ending}{}",
                &text[..offset],
                &text[offset + line.len()..]
            ));
        }
        offset += line.len();
    }
    None
}

/// The record's dates (standards, changes) as `lang` writes them; the facts' are relabelled
/// with their words.
fn relabel_dates(lang: Lang, record: &mut IssueRecord) {
    for standard in &mut record.standards {
        let date = IsoDate {
            year: u16::try_from(standard.year).unwrap_or_default(),
            month: standard.month.and_then(|m| u8::try_from(m).ok()),
            day: None,
        };
        standard.published_label = date_label(&date, lang);
    }
    for change in &mut record.changes {
        if let Ok(date) = IsoDate::parse(&change.date) {
            change.date_label = date_label(&date, lang);
        }
    }
}

/// Whitespace runs as single spaces, so a quote may wrap differently from the blurb.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_sits_beside_its_source() {
        assert_eq!(
            translation_path(Path::new("content/issues/dns.md"), Lang::Fr),
            Path::new("content/issues/dns.fr.md")
        );
        assert_eq!(
            translation_path(Path::new("content/glossary.toml"), Lang::Es),
            Path::new("content/glossary.es.toml")
        );
    }

    #[test]
    fn figures_with_words_need_a_translation_and_numbers_do_not() {
        for figure in [
            "1 in 3",
            "137 of 194",
            "10s of millions",
            "3 a year",
            "5 blocks",
            "Nearly 90%",
            "Over 90%",
        ] {
            assert!(figure_has_words(figure), "{figure}");
        }
        for figure in [
            "386.9 million",
            "$2.5 trillion",
            "74%",
            "1,016",
            "10,000+",
            "149 TWh",
            "£10 million",
            "2010",
        ] {
            assert!(!figure_has_words(figure), "{figure}");
        }
    }

    #[test]
    fn stamping_replaces_only_the_translated_from_line() {
        let text = "+++\ntranslated_from = \"\"\r\ntitle = \"x\"\n+++\nbody translated_from\n";
        assert_eq!(
            with_stamp(text, "0123").as_deref(),
            Some("+++\ntranslated_from = \"0123\"\r\ntitle = \"x\"\n+++\nbody translated_from\n")
        );
        assert_eq!(with_stamp("title = \"x\"\n", "0123"), None);
    }

    #[test]
    fn the_fingerprint_changes_with_any_word_and_not_with_surrounding_space() {
        let base = fingerprint(["a b", "c"]);
        assert_eq!(base, fingerprint([" a b\n", "c"]));
        assert_ne!(base, fingerprint(["a b", "d"]));
        assert_ne!(base, fingerprint(["a", "b c"]));
        assert_eq!(base.len(), 16);
    }
}
