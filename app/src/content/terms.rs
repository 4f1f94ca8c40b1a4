//! Marks the first use of each glossary term on a page: `<abbr>` with the expansion, inside
//! a link to the term's entry on `/glossary`.

use crate::domain::glossary_href;
use crate::domain::html::escape_html;

/// A glossary term as pages mark it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedTerm {
    pub term: String,
    pub expansion: Option<String>,
    /// The id of the term's entry on `/glossary`.
    pub anchor: String,
}

/// Walks a page's text in reading order, marking each term where it first appears.
pub struct TermMarker<'a> {
    terms: Vec<&'a MarkedTerm>,
    marked: Vec<bool>,
}

impl<'a> TermMarker<'a> {
    pub fn new(terms: Vec<&'a MarkedTerm>) -> Self {
        let marked = vec![false; terms.len()];
        Self { terms, marked }
    }

    /// Appends `text` to `out` as escaped HTML, marking terms not yet marked on this page.
    pub fn mark(&mut self, text: &str, out: &mut String) {
        let shields = self.shields(text);
        let mut cursor = 0;
        while let Some((index, start, end)) = self.next_use(text, cursor, &shields) {
            escape_html(&text[cursor..start], out);
            let term = self.terms[index];
            out.push_str("<a class=\"term\" href=\"");
            out.push_str(&glossary_href(&term.anchor));
            out.push_str("\">");
            match &term.expansion {
                Some(expansion) => {
                    out.push_str("<abbr title=\"");
                    escape_html(expansion, out);
                    out.push_str("\">");
                    escape_html(&text[start..end], out);
                    out.push_str("</abbr>");
                }
                None => escape_html(&text[start..end], out),
            }
            out.push_str("</a>");
            self.marked[index] = true;
            cursor = end;
        }
        escape_html(&text[cursor..], out);
    }

    /// The terms that never appeared in the text given so far.
    pub fn unused(&self) -> impl Iterator<Item = &'a MarkedTerm> + '_ {
        self.terms
            .iter()
            .zip(&self.marked)
            .filter(|(_, marked)| !**marked)
            .map(|(term, _)| *term)
    }

    /// Where the page's terms and expansions occur in `text`. A term found strictly inside
    /// one of these is part of a longer name, not a use of its own: "Domain Name" in
    /// "Domain Name System" is not the term "domain name".
    fn shields(&self, text: &str) -> Vec<(usize, usize)> {
        let mut shields = Vec::new();
        let phrases = self
            .terms
            .iter()
            .flat_map(|term| std::iter::once(&term.term).chain(term.expansion.as_ref()));
        for phrase in phrases {
            let mut from = 0;
            while let Some((start, end)) = find_term(text, phrase, from) {
                shields.push((start, end));
                from = end;
            }
        }
        shields
    }

    /// The earliest use of an unmarked term at or after `from`; the longest term wins a tie
    /// ("IP address" over "IP").
    fn next_use(
        &self,
        text: &str,
        from: usize,
        shields: &[(usize, usize)],
    ) -> Option<(usize, usize, usize)> {
        let inside_longer = |start: usize, end: usize| {
            shields
                .iter()
                .any(|&(s, e)| s <= start && end <= e && e - s > end - start)
        };
        self.terms
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.marked[*index])
            .filter_map(|(index, term)| {
                let mut at = from;
                while let Some((start, end)) = find_term(text, &term.term, at) {
                    if !inside_longer(start, end) {
                        return Some((index, start, end));
                    }
                    at = end;
                }
                None
            })
            .min_by_key(|&(index, start, _)| (start, usize::MAX - self.terms[index].term.len()))
    }
}

/// Finds `term` as a whole word in `text` from byte `from`, allowing a plural `s` or `es`.
/// Terms with two or more capitals (`DNS`, `IPv6`) must match exactly; others ignore
/// ASCII case. Returns the byte range of the use, plural included.
pub fn find_term(text: &str, term: &str, from: usize) -> Option<(usize, usize)> {
    let exact = term.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let bytes = text.as_bytes();
    let mut start = from;
    while start + term.len() <= text.len() {
        let end = start + term.len();
        if text.is_char_boundary(start) && text.is_char_boundary(end) {
            let candidate = &text[start..end];
            let same = if exact {
                candidate == term
            } else {
                candidate.eq_ignore_ascii_case(term)
            };
            let word_start = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if same && word_start {
                for suffix in ["es", "s", ""] {
                    let stop = end + suffix.len();
                    if text[end..].starts_with(suffix)
                        && text[stop..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                    {
                        return Some((start, stop));
                    }
                }
            }
        }
        start += 1;
        while start < bytes.len() && !text.is_char_boundary(start) {
            start += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(term: &str, expansion: Option<&str>, anchor: &str) -> MarkedTerm {
        MarkedTerm {
            term: term.into(),
            expansion: expansion.map(Into::into),
            anchor: anchor.into(),
        }
    }

    #[test]
    fn finds_whole_words_with_plurals_and_respects_acronym_case() {
        assert_eq!(find_term("The DNS, then DNSSEC.", "DNS", 0), Some((4, 7)));
        assert_eq!(find_term("DNSSEC only", "DNS", 0), None);
        assert_eq!(find_term("the dns", "DNS", 0), None);
        assert_eq!(find_term("many ISPs do", "ISP", 0), Some((5, 9)));
        assert_eq!(find_term("IP addresses", "IP address", 0), Some((0, 12)));
        assert_eq!(find_term("A Resolver", "resolver", 0), Some((2, 10)));
        assert_eq!(find_term("resolvers’ caches", "resolver", 0), Some((0, 9)));
        assert_eq!(find_term("IPv6 is not IP", "IP", 0), Some((12, 14)));
        assert_eq!(find_term("é DNS", "DNS", 0), Some((3, 6)));
    }

    #[test]
    fn marks_only_the_first_use_of_each_term_and_escapes_the_rest() {
        let dns = term("DNS", Some("Domain Name System"), "dns");
        let resolver = term("resolver", None, "resolver");
        let unused = term("BGP", Some("Border Gateway Protocol"), "bgp");
        let mut marker = TermMarker::new(vec![&dns, &resolver, &unused]);
        let mut first = String::new();
        marker.mark("DNS & a resolver <b>", &mut first);
        assert_eq!(
            first,
            "<a class=\"term\" href=\"/glossary#dns\"><abbr title=\"Domain Name System\">DNS</abbr></a> &amp; a <a class=\"term\" href=\"/glossary#resolver\">resolver</a> &lt;b&gt;"
        );
        let mut second = String::new();
        marker.mark("DNS again", &mut second);
        assert_eq!(second, "DNS again");
        let unused: Vec<_> = marker.unused().map(|t| t.term.as_str()).collect();
        assert_eq!(unused, ["BGP"]);
    }

    #[test]
    fn a_term_inside_a_longer_name_on_the_page_is_not_a_use() {
        let dns = term("DNS", Some("Domain Name System"), "dns");
        let name = term("domain name", None, "domain-name");
        let mut marker = TermMarker::new(vec![&dns, &name]);
        let mut out = String::new();
        marker.mark("The Domain Name System (DNS) maps a domain name.", &mut out);
        assert!(out.starts_with("The Domain Name System ("), "{out}");
        assert!(
            out.ends_with(
                "maps a <a class=\"term\" href=\"/glossary#domain-name\">domain name</a>."
            ),
            "{out}"
        );
    }

    #[test]
    fn the_longest_term_wins_where_two_start_together() {
        let ip = term("IP", Some("Internet Protocol"), "ip");
        let address = term("IP address", None, "ip-address");
        let mut marker = TermMarker::new(vec![&ip, &address]);
        let mut out = String::new();
        marker.mark("an IP address and IP", &mut out);
        assert!(
            out.starts_with("an <a class=\"term\" href=\"/glossary#ip-address\">IP address</a>")
        );
        assert!(out.ends_with("<abbr title=\"Internet Protocol\">IP</abbr></a>"));
    }
}
