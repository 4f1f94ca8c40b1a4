//! How two issues connect: a relation from a small fixed vocabulary, worded from either
//! side, with one sentence on why. The content writes each pair once
//! (`content/connections.toml`); each issue's page shows it from its own side.

use serde::{Deserialize, Serialize};

use super::IssueLink;

/// The vocabulary of connections. Each relation reads from `from` to `to`
/// ("DNSSEC protects DNS") and has a fixed inverse wording ("DNS is protected by DNSSEC"),
/// so the two pages of a pair can never word it inconsistently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Protects,
    DependsOn,
    PracticeFor,
    Enables,
    PolicyQuestionOf,
    PartOf,
    MeasuredBy,
}

impl Relation {
    /// Every relation, in the order pages group them.
    pub const ALL: [Relation; 7] = [
        Relation::Protects,
        Relation::DependsOn,
        Relation::PracticeFor,
        Relation::Enables,
        Relation::PolicyQuestionOf,
        Relation::PartOf,
        Relation::MeasuredBy,
    ];

    /// The name in content files and in `?relation=`.
    pub fn slug(self) -> &'static str {
        match self {
            Relation::Protects => "protects",
            Relation::DependsOn => "depends-on",
            Relation::PracticeFor => "practice-for",
            Relation::Enables => "enables",
            Relation::PolicyQuestionOf => "policy-question-of",
            Relation::PartOf => "part-of",
            Relation::MeasuredBy => "measured-by",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|relation| relation.slug() == slug)
    }
}

/// One connection as an issue's page shows it: the other issue, worded from this side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    #[serde(flatten)]
    pub issue: IssueLink,
    pub relation: Relation,
    /// True when this issue is the pair's `from` (it "protects"; the other "is protected
    /// by").
    pub outgoing: bool,
    /// The relation worded from this issue's side ("is protected by").
    pub wording: String,
    /// One sentence on why the two connect.
    pub why: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_match_the_serde_names() {
        for relation in Relation::ALL {
            assert_eq!(Relation::from_slug(relation.slug()), Some(relation));
            let json = serde_json::to_string(&relation).expect("serialises");
            assert_eq!(json, format!("\"{}\"", relation.slug()));
        }
        assert_eq!(Relation::from_slug("Protects"), None);
    }

    #[test]
    fn each_side_has_its_own_wording_in_each_language() {
        use crate::domain::Lang;
        use crate::interface_text::{relation_legend, relation_wording};
        assert_eq!(
            relation_wording(Lang::En, Relation::Protects, true),
            "protects"
        );
        assert_eq!(
            relation_wording(Lang::En, Relation::Protects, false),
            "is protected by"
        );
        assert_eq!(
            relation_legend(Lang::En, Relation::PartOf),
            "Is part of / includes"
        );
        assert_eq!(
            relation_legend(Lang::Fr, Relation::PartOf),
            "Fait partie de / comprend"
        );
        assert_eq!(
            relation_legend(Lang::Es, Relation::PartOf),
            "Forma parte de / incluye"
        );
    }
}
