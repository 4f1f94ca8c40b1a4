use std::collections::HashMap;
use std::ops::Range;

use crate::domain::{IssueDetail, IssueIndex, IssueLink, IssueSummary, Section, SectionKind};
use crate::error::AppError;

/// One issue as loaded; references to other issues are indices into the catalog.
#[derive(Debug, Clone)]
pub(super) struct IssueRecord {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    pub section: SectionKind,
    pub focus_areas: Vec<usize>,
    pub related: Vec<usize>,
    pub icon_alt: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone)]
pub(super) struct SectionRecord {
    pub kind: SectionKind,
    pub heading: String,
    pub intro: Option<String>,
    /// The section's issues, as a range of the catalog's display order.
    pub range: Range<usize>,
}

/// The validated content, in display order, ready to answer queries.
#[derive(Debug, Clone)]
pub struct Catalog {
    intro: String,
    focus_areas: Vec<usize>,
    sections: Vec<SectionRecord>,
    issues: Vec<IssueRecord>,
    by_slug: HashMap<String, usize>,
}

impl Catalog {
    pub(super) fn new(
        intro: String,
        focus_areas: Vec<usize>,
        sections: Vec<SectionRecord>,
        issues: Vec<IssueRecord>,
    ) -> Self {
        let by_slug = issues
            .iter()
            .enumerate()
            .map(|(i, issue)| (issue.slug.clone(), i))
            .collect();
        Self {
            intro,
            focus_areas,
            sections,
            issues,
            by_slug,
        }
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

    /// The listing, narrowed to the issues of one focus area when `focus_area` is given.
    pub fn index(&self, focus_area: Option<&str>) -> Result<IssueIndex, AppError> {
        let filter = match focus_area {
            None => None,
            Some(slug) => Some(
                self.by_slug
                    .get(slug)
                    .copied()
                    .filter(|index| self.focus_areas.contains(index))
                    .ok_or_else(|| AppError::FocusAreaNotFound(slug.to_string()))?,
            ),
        };
        let sections = self
            .sections
            .iter()
            .map(|section| Section {
                kind: section.kind,
                heading: section.heading.clone(),
                intro: section.intro.clone(),
                issues: self.issues[section.range.clone()]
                    .iter()
                    .filter(|issue| filter.is_none_or(|area| issue.focus_areas.contains(&area)))
                    .map(|issue| self.summary(issue))
                    .collect(),
            })
            .collect();
        Ok(IssueIndex {
            intro: self.intro.clone(),
            focus_areas: self.links(&self.focus_areas),
            filter: filter.map(|index| self.link(index)),
            sections,
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
            summary: issue.summary.clone(),
            icon_alt: issue.icon_alt.clone(),
            section: issue.section,
            paragraphs: issue.paragraphs.clone(),
            focus_areas: self.links(&issue.focus_areas),
            related: self.links(&issue.related),
            previous: index.checked_sub(1).map(|i| self.link(i)),
            next: (index + 1 < self.issues.len()).then(|| self.link(index + 1)),
        })
    }

    fn summary(&self, issue: &IssueRecord) -> IssueSummary {
        IssueSummary {
            slug: issue.slug.clone(),
            title: issue.title.clone(),
            summary: issue.summary.clone(),
            icon_alt: issue.icon_alt.clone(),
            section: issue.section,
            focus_areas: issue
                .focus_areas
                .iter()
                .map(|&i| self.issues[i].slug.clone())
                .collect(),
        }
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
