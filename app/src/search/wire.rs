//! The search data as it crosses the wire: each field's text alone. The terms (folded
//! words, stems, byte ranges, positions) are most of an index's size and follow from the
//! text, so the receiving side derives them with the same [`tokenize`](super::tokenize).

use serde::Deserialize;

use super::{Field, SearchDoc, SearchIndex, Synonym, WordStemmer};
use crate::domain::{Lang, SectionKind};

/// [`SearchIndex`] as sent.
#[derive(Deserialize)]
pub struct IndexData {
    lang: Lang,
    docs: Vec<DocData>,
    synonyms: Vec<Synonym>,
    focus_areas: Vec<(String, String)>,
    emerging: String,
}

/// [`SearchDoc`] as sent.
#[derive(Deserialize)]
struct DocData {
    slug: String,
    section: SectionKind,
    focus_areas: Vec<String>,
    icon_alt: String,
    title: String,
    areas: String,
    text: String,
}

impl From<IndexData> for SearchIndex {
    fn from(data: IndexData) -> Self {
        let stemmer = WordStemmer::new(data.lang);
        let docs = data
            .docs
            .into_iter()
            .map(|doc| SearchDoc {
                slug: doc.slug,
                section: doc.section,
                focus_areas: doc.focus_areas,
                icon_alt: doc.icon_alt,
                title: Field::new(doc.title, &stemmer),
                areas: Field::new(doc.areas, &stemmer),
                text: Field::new(doc.text, &stemmer),
            })
            .collect();
        SearchIndex {
            lang: data.lang,
            docs,
            synonyms: data.synonyms,
            focus_areas: data.focus_areas,
            emerging: data.emerging,
        }
    }
}
