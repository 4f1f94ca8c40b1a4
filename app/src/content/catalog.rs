use std::collections::HashMap;
use std::ops::Range;

use super::connections::ConnectionRecord;
use super::dates::IsoDate;
use super::error::ContentError;
use super::locale_format::date_label;
use super::map_layout::{lay_out, MapIssue, MapLink};
use crate::domain::{
    Change, ChangeEntry, Connection, EditorNote, Fact, GlossaryEntry, IssueDetail, IssueIndex,
    IssueLink, IssueSummary, Lang, MapLayout, Reading, Relation, Section, SectionKind, Standard,
    TermRef, TopicMap, Translation,
};
use crate::error::AppError;
use crate::interface_text::relation_wording;
use crate::search::{
    self, Field, Filter, SearchDoc, SearchIndex, SearchOutcome, Suggestion, Synonym, WordStemmer,
};

/// One issue as loaded; references to other issues are indices into the catalog.
#[derive(Debug, Clone)]
pub(super) struct IssueRecord {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    pub section: SectionKind,
    pub focus_areas: Vec<usize>,
    /// Grouped by relation, then in display order.
    pub connections: Vec<ConnectionRecord>,
    pub icon_alt: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
    pub blurb_html: String,
    pub overview_html: String,
    pub overview_text: String,
    /// Indices into the glossary.
    pub terms: Vec<usize>,
    pub facts: Vec<Fact>,
    pub facts_missing: Option<String>,
    pub standards: Vec<Standard>,
    pub reading: Vec<Reading>,
    pub reviewed: IsoDate,
    pub editor_notes: Vec<EditorNote>,
    /// Newest first.
    pub changes: Vec<Change>,
    /// Set on the French and Spanish records.
    pub translation: Option<Translation>,
}

/// The site's own words and the Internet Society's, kept apart.
#[derive(Debug, Clone)]
pub(super) struct SiteText {
    pub about: String,
    pub intro: String,
    /// The English intro, when `intro` translates it.
    pub intro_original: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct SectionRecord {
    pub kind: SectionKind,
    pub heading: String,
    pub intro: Option<String>,
    /// The section's issues, as a range of the catalog's display order.
    pub range: Range<usize>,
}

/// A catalog's words: what a translation replaces (`super::translations`).
#[derive(Debug, Clone)]
pub(super) struct Words {
    pub text: SiteText,
    pub sections: Vec<SectionRecord>,
    pub issues: Vec<IssueRecord>,
    pub glossary: Vec<TermRef>,
}

/// The validated content, in display order, ready to answer queries. The English catalog
/// holds the French and Spanish ones ([`Catalog::in_lang`]).
#[derive(Debug, Clone)]
pub struct Catalog {
    lang: Lang,
    /// The other languages' catalogs (on the English one only).
    translations: Vec<Catalog>,
    text: SiteText,
    focus_areas: Vec<usize>,
    sections: Vec<SectionRecord>,
    issues: Vec<IssueRecord>,
    by_slug: HashMap<String, usize>,
    glossary: Vec<TermRef>,
    /// Laid out once: the topic map's drawing.
    map: MapLayout,
    /// Prepared once: what the search ranks, on the server and in the browser.
    search: SearchIndex,
    /// What the content check found worth a look, but not wrong.
    warnings: Vec<ContentError>,
}

impl Catalog {
    pub(super) fn new(
        lang: Lang,
        text: SiteText,
        focus_areas: Vec<usize>,
        sections: Vec<SectionRecord>,
        issues: Vec<IssueRecord>,
        glossary: &[TermRef],
        warnings: Vec<ContentError>,
    ) -> Self {
        let by_slug = issues
            .iter()
            .enumerate()
            .map(|(i, issue)| (issue.slug.clone(), i))
            .collect();
        let mut catalog = Self {
            lang,
            translations: Vec::new(),
            text,
            focus_areas,
            sections,
            issues,
            by_slug,
            glossary: glossary.to_vec(),
            map: MapLayout::default(),
            search: SearchIndex {
                lang,
                docs: Vec::new(),
                synonyms: Vec::new(),
                focus_areas: Vec::new(),
                emerging: String::new(),
            },
            warnings,
        };
        catalog.search = catalog.build_search_index();
        catalog.map = catalog.lay_out_map();
        catalog
    }

    /// This catalog's words, to be translated.
    pub(super) fn words(&self) -> Words {
        Words {
            text: self.text.clone(),
            sections: self.sections.clone(),
            issues: self.issues.clone(),
            glossary: self.glossary.clone(),
        }
    }

    /// This catalog in `lang`, with `words` in that language.
    pub(super) fn with_words(&self, lang: Lang, words: Words) -> Catalog {
        Catalog::new(
            lang,
            words.text,
            self.focus_areas.clone(),
            words.sections,
            words.issues,
            &words.glossary,
            Vec::new(),
        )
    }

    /// Keeps the other languages' catalogs, and what checking them found.
    pub(super) fn add_translations(&mut self, catalogs: Vec<Catalog>, warnings: Vec<ContentError>) {
        self.translations = catalogs;
        self.warnings.extend(warnings);
    }

    /// The content in `lang` (English when the language has no catalog).
    pub fn in_lang(&self, lang: Lang) -> &Catalog {
        self.translations
            .iter()
            .find(|catalog| catalog.lang == lang)
            .unwrap_or(self)
    }

    /// What the emerging issues are called beside the focus areas: their section's heading.
    fn emerging_name(&self) -> String {
        self.sections
            .iter()
            .find(|section| section.kind == SectionKind::Emerging)
            .map(|section| section.heading.clone())
            .unwrap_or_default()
    }

    /// The language of this catalog's words.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The map's regions are the focus areas, then the emerging issues; an issue is drawn
    /// in the emerging region when it is one, otherwise in its first focus area.
    fn lay_out_map(&self) -> MapLayout {
        let mut regions: Vec<(String, String)> = self
            .focus_areas
            .iter()
            .map(|&i| (self.issues[i].slug.clone(), self.issues[i].title.clone()))
            .collect();
        let emerging = regions.len() as u32;
        regions.push((search::EMERGING.to_string(), self.emerging_name()));
        let issues: Vec<MapIssue> = self
            .issues
            .iter()
            .map(|issue| {
                let mut in_regions: Vec<u32> = issue
                    .focus_areas
                    .iter()
                    .filter_map(|area| self.focus_areas.iter().position(|a| a == area))
                    .map(|p| p as u32)
                    .collect();
                if issue.section == SectionKind::Emerging {
                    in_regions.insert(0, emerging);
                }
                MapIssue {
                    slug: issue.slug.clone(),
                    title: issue.title.clone(),
                    short_title: issue.short_title.clone(),
                    summary: issue.summary.clone(),
                    regions: in_regions,
                    related: issue
                        .connections
                        .iter()
                        .map(|c| MapLink {
                            other: c.other as u32,
                            relation: c.relation,
                            outgoing: c.outgoing,
                        })
                        .collect(),
                }
            })
            .collect();
        lay_out(&regions, &issues)
    }

    /// Problems that do not stop the content from loading (stale figures), as
    /// `file:line:column: message`.
    pub fn warnings(&self) -> &[ContentError] {
        &self.warnings
    }

    /// Every change to every issue, newest first (then in display order).
    pub fn changes(&self) -> Vec<ChangeEntry> {
        let mut entries: Vec<(usize, ChangeEntry)> = self
            .issues
            .iter()
            .enumerate()
            .flat_map(|(index, issue)| {
                issue.changes.iter().map(move |change| {
                    (
                        index,
                        ChangeEntry {
                            issue: self.link(index),
                            change: change.clone(),
                        },
                    )
                })
            })
            .collect();
        entries.sort_by(|(i, a), (j, b)| b.change.date.cmp(&a.change.date).then(i.cmp(j)));
        entries.into_iter().map(|(_, entry)| entry).collect()
    }

    fn connections(&self, issue: &IssueRecord) -> Vec<Connection> {
        issue
            .connections
            .iter()
            .map(|connection: &ConnectionRecord| Connection {
                issue: self.link(connection.other),
                relation: connection.relation,
                outgoing: connection.outgoing,
                wording: relation_wording(self.lang, connection.relation, connection.outgoing)
                    .to_string(),
                why: connection.why.clone(),
            })
            .collect()
    }

    /// The topic map, with what `?focus=`, `?q=`, `?issue=` and `?relation=` ask for. An
    /// unknown focus area, issue or relation is a 404, as on the listing.
    pub fn topic_map(
        &self,
        focus_area: Option<&str>,
        query: &str,
        issue: Option<&str>,
        relation: Option<&str>,
    ) -> Result<TopicMap, AppError> {
        let filter = self.filter(focus_area)?;
        let relation = relation
            .map(|name| {
                Relation::from_slug(name)
                    .ok_or_else(|| AppError::RelationNotFound(name.to_string()))
            })
            .transpose()?;
        let node_of = |slug: &str| {
            self.map
                .nodes
                .iter()
                .position(|node| node.slug == slug)
                .map(|p| p as u32)
        };
        let selected = issue
            .map(|slug| node_of(slug).ok_or_else(|| AppError::IssueNotFound(slug.to_string())))
            .transpose()?;
        let focus_area = filter.as_ref().and_then(|filter| {
            self.map
                .regions
                .iter()
                .position(|region| region.slug == filter.slug())
                .map(|p| p as u32)
        });
        let outcome = search::search(&self.search, query, None);
        let matches = outcome
            .hits
            .iter()
            .filter_map(|hit| node_of(&hit.slug))
            .collect();
        let mut layout = self.map.clone();
        if let Some(relation) = relation {
            layout.keep_only(relation);
        }
        Ok(TopicMap {
            layout,
            relation,
            relations: self.relations_in_use(),
            focus_area,
            query: outcome.query,
            matches,
            selected,
        })
    }

    /// The relations some connection uses, in vocabulary order.
    fn relations_in_use(&self) -> Vec<Relation> {
        Relation::ALL
            .into_iter()
            .filter(|relation| self.map.edges.iter().any(|edge| edge.relation == *relation))
            .collect()
    }

    fn build_search_index(&self) -> SearchIndex {
        let stemmer = WordStemmer::new(self.lang);
        let area_name = |i: usize| self.issues[i].title.clone();
        let docs = self
            .issues
            .iter()
            .map(|issue| {
                let mut areas: Vec<String> =
                    issue.focus_areas.iter().map(|&i| area_name(i)).collect();
                if issue.section == SectionKind::Emerging {
                    areas.push(self.emerging_name());
                }
                SearchDoc {
                    slug: issue.slug.clone(),
                    section: issue.section,
                    focus_areas: self.focus_area_slugs(issue),
                    icon_alt: issue.icon_alt.clone(),
                    title: Field::new(issue.title.clone(), &stemmer),
                    areas: Field::new(areas.join(", "), &stemmer),
                    text: Field::new(issue.paragraphs.join(" "), &stemmer),
                }
            })
            .collect();
        SearchIndex {
            lang: self.lang,
            docs,
            // A term and its expansion are one word to the search.
            synonyms: self
                .glossary
                .iter()
                .filter_map(|term| {
                    term.expansion.as_ref().map(|expansion| Synonym {
                        short: search::query_words(&term.term),
                        long: search::query_words(expansion),
                    })
                })
                .collect(),
            focus_areas: self
                .focus_areas
                .iter()
                .map(|&i| (self.issues[i].slug.clone(), self.issues[i].title.clone()))
                .collect(),
            emerging: self.emerging_name(),
        }
    }

    /// What the browser downloads to search on its own.
    pub fn search_index(&self) -> &SearchIndex {
        &self.search
    }

    /// Runs a query, optionally narrowed to a focus area (or `emerging`).
    pub fn search(&self, query: &str, focus_area: Option<&str>) -> Result<SearchOutcome, AppError> {
        let filter = self.filter(focus_area)?;
        Ok(search::search(&self.search, query, filter.as_ref()))
    }

    /// The issues closest to an unknown address, for the 404 page.
    pub fn closest_to(&self, slug: &str) -> Vec<Suggestion> {
        search::closest_slugs(&self.search, slug)
    }

    fn filter(&self, focus_area: Option<&str>) -> Result<Option<Filter>, AppError> {
        focus_area
            .map(|value| {
                Filter::parse(value, &self.search)
                    .ok_or_else(|| AppError::FocusAreaNotFound(value.to_string()))
            })
            .transpose()
    }

    /// Number of issues.
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// Every slug, in display order.
    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.issues.iter().map(|issue| issue.slug.as_str())
    }

    /// The listing, narrowed to one focus area (or the emerging issues) when `focus_area` is
    /// given, with the search for `query` (no hits when it is empty, but always the counts
    /// per filter).
    pub fn index(&self, focus_area: Option<&str>, query: &str) -> Result<IssueIndex, AppError> {
        let filter = self.filter(focus_area)?;
        // The search index lists the issues in the same order, one document each.
        let admitted = |position: usize| {
            filter
                .as_ref()
                .is_none_or(|filter| filter.admits(&self.search.docs[position]))
        };
        let sections = self
            .sections
            .iter()
            .map(|section| Section {
                kind: section.kind,
                heading: section.heading.clone(),
                intro: section.intro.clone(),
                issues: section
                    .range
                    .clone()
                    .filter(|&position| admitted(position))
                    .map(|position| self.summary(&self.issues[position]))
                    .collect(),
            })
            .collect();
        let filter_link = filter.as_ref().map(|filter| match filter {
            Filter::Emerging => IssueLink {
                slug: search::EMERGING.to_string(),
                title: self.emerging_name(),
                short_title: self.emerging_name(),
            },
            Filter::FocusArea(slug) => self.link(self.by_slug[slug.as_str()]),
        });
        Ok(IssueIndex {
            about: self.text.about.clone(),
            intro: self.text.intro.clone(),
            intro_original: self.text.intro_original.clone(),
            focus_areas: self.links(&self.focus_areas),
            filter: filter_link,
            sections,
            search: search::search(&self.search, query, filter.as_ref()),
        })
    }

    /// One issue's page, with its neighbours in display order.
    pub fn detail(&self, slug: &str) -> Result<IssueDetail, AppError> {
        let &index = self
            .by_slug
            .get(slug)
            .ok_or_else(|| AppError::IssueNotFound(slug.to_string()))?;
        let issue = &self.issues[index];
        Ok(IssueDetail {
            slug: issue.slug.clone(),
            title: issue.title.clone(),
            short_title: issue.short_title.clone(),
            summary: issue.summary.clone(),
            icon_alt: issue.icon_alt.clone(),
            section: issue.section,
            paragraphs: issue.paragraphs.clone(),
            blurb_html: issue.blurb_html.clone(),
            overview_html: issue.overview_html.clone(),
            overview_text: issue.overview_text.clone(),
            facts: issue.facts.clone(),
            facts_missing: issue.facts_missing.clone(),
            standards: issue.standards.clone(),
            reading: issue.reading.clone(),
            terms: issue
                .terms
                .iter()
                .map(|&i| self.glossary[i].clone())
                .collect(),
            reviewed: issue.reviewed.iso(),
            reviewed_label: date_label(&issue.reviewed, self.lang),
            editor_notes: issue.editor_notes.clone(),
            changes: issue.changes.clone(),
            focus_areas: self.links(&issue.focus_areas),
            related: self.connections(issue),
            previous: index.checked_sub(1).map(|i| self.link(i)),
            next: (index + 1 < self.issues.len()).then(|| self.link(index + 1)),
            translation: issue.translation.clone(),
        })
    }

    /// Every glossary term, alphabetically, with the issues that list it.
    pub fn glossary(&self) -> Vec<GlossaryEntry> {
        let mut entries: Vec<GlossaryEntry> = self
            .glossary
            .iter()
            .enumerate()
            .map(|(index, term)| GlossaryEntry {
                term: term.clone(),
                issues: self
                    .issues
                    .iter()
                    .enumerate()
                    .filter(|(_, issue)| issue.terms.contains(&index))
                    .map(|(position, _)| self.link(position))
                    .collect(),
            })
            .collect();
        entries.sort_by_cached_key(|entry| search::fold(&entry.term.term));
        entries
    }

    fn summary(&self, issue: &IssueRecord) -> IssueSummary {
        IssueSummary {
            slug: issue.slug.clone(),
            title: issue.title.clone(),
            summary: issue.summary.clone(),
            icon_alt: issue.icon_alt.clone(),
            section: issue.section,
            focus_areas: self.focus_area_slugs(issue),
        }
    }

    /// The slugs of an issue's focus areas.
    fn focus_area_slugs(&self, issue: &IssueRecord) -> Vec<String> {
        issue
            .focus_areas
            .iter()
            .map(|&i| self.issues[i].slug.clone())
            .collect()
    }

    fn link(&self, index: usize) -> IssueLink {
        let issue = &self.issues[index];
        IssueLink {
            slug: issue.slug.clone(),
            title: issue.title.clone(),
            short_title: issue.short_title.clone(),
        }
    }

    fn links(&self, indices: &[usize]) -> Vec<IssueLink> {
        indices.iter().map(|&i| self.link(i)).collect()
    }
}
