//! Marks the first use of each glossary term on a page: `<abbr>` with the expansion, inside
//! a link to the term's entry on `/glossary`. A use may be inflected ("IP addresses",
//! "adresses IP", "redes comunitarias"): words are folded as the search folds them, and in
//! French and Spanish compared by their Snowball stems with a guard ([`TermPhrase`]).

use crate::domain::html::escape_html;
use crate::domain::{glossary_href, Lang};
use crate::search::{tokenize, words, Token, WordStemmer};

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
    /// Each term's words, then its expansion's (for the shields).
    phrases: Vec<(TermPhrase, Option<TermPhrase>)>,
    marked: Vec<bool>,
    stemmer: WordStemmer,
}

impl<'a> TermMarker<'a> {
    /// A marker for a page in `lang`, whose inflections the terms' uses may take.
    pub fn new(terms: Vec<&'a MarkedTerm>, lang: Lang) -> Self {
        let stemmer = WordStemmer::new(lang);
        let phrases = terms
            .iter()
            .map(|term| {
                (
                    TermPhrase::new(&term.term, &stemmer, lang),
                    term.expansion
                        .as_ref()
                        .map(|expansion| TermPhrase::new(expansion, &stemmer, lang)),
                )
            })
            .collect();
        let marked = vec![false; terms.len()];
        Self {
            terms,
            phrases,
            marked,
            stemmer,
        }
    }

    /// Appends `text` to `out` as escaped HTML, marking terms not yet marked on this page.
    pub fn mark(&mut self, text: &str, out: &mut String) {
        let tokens = tokenize(text, &self.stemmer);
        let shields = self.shields(text, &tokens);
        let mut cursor = 0;
        while let Some((index, start, end)) = self.next_use(text, &tokens, cursor, &shields) {
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
    fn shields(&self, text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
        let mut shields = Vec::new();
        let phrases = self
            .phrases
            .iter()
            .flat_map(|(term, expansion)| std::iter::once(term).chain(expansion));
        for phrase in phrases {
            let mut from = 0;
            while let Some((start, end)) = phrase.find(text, tokens, from) {
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
        tokens: &[Token],
        from: usize,
        shields: &[(usize, usize)],
    ) -> Option<(usize, usize, usize)> {
        let inside_longer = |start: usize, end: usize| {
            shields
                .iter()
                .any(|&(s, e)| s <= start && end <= e && e - s > end - start)
        };
        self.phrases
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.marked[*index])
            .filter_map(|(index, (phrase, _))| {
                let mut at = from;
                while let Some((start, end)) = phrase.find(text, tokens, at) {
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

/// A term (or its expansion) as its uses are looked for: its words as written, folded and
/// stemmed.
#[derive(Debug, Clone)]
struct TermPhrase {
    /// The words as the glossary writes them.
    written: Vec<String>,
    /// What the glossary writes before each word (a space, or "/" in "HTTP/3").
    gaps: Vec<String>,
    words: Vec<Token>,
    /// Terms with two or more capitals (`DNS`, `IPv6`) keep their case in every use; others
    /// match in any case.
    keeps_case: bool,
    /// Whether a word may differ by more than a plural: by its Snowball stem, in French and
    /// Spanish. English keeps to plurals, since its stems join verbs to nouns ("resolves"
    /// and "resolver").
    by_stem: bool,
}

impl TermPhrase {
    fn new(term: &str, stemmer: &WordStemmer, lang: Lang) -> Self {
        let words = words(term, stemmer);
        let written = words
            .iter()
            .map(|word| term[word.start as usize..word.end as usize].to_string())
            .collect();
        let mut gaps = vec![String::new()];
        for pair in words.windows(2) {
            gaps.push(term[pair[0].end as usize..pair[1].start as usize].to_string());
        }
        Self {
            written,
            gaps,
            words,
            keeps_case: term.chars().filter(|c| c.is_uppercase()).count() >= 2,
            by_stem: lang != Lang::En,
        }
    }

    /// The first use at or after byte `from` of `text` (tokenized as `tokens`): byte range.
    /// Words follow one another with what the glossary writes between them, or spaces.
    fn find(&self, text: &str, tokens: &[Token], from: usize) -> Option<(usize, usize)> {
        if self.words.is_empty() {
            return None;
        }
        tokens
            .iter()
            .filter(|first| first.start as usize >= from && self.is_word(0, first, text))
            .filter_map(|first| {
                let mut end = first.end;
                for j in 1..self.words.len() {
                    let next = tokens_at(tokens, end).find(|token| self.is_word(j, token, text))?;
                    let gap = &text[end as usize..next.start as usize];
                    let spaces =
                        |gap: &str| !gap.is_empty() && gap.chars().all(char::is_whitespace);
                    if gap != self.gaps[j] && !(spaces(gap) && spaces(&self.gaps[j])) {
                        return None;
                    }
                    end = next.end;
                }
                Some((first.start as usize, end as usize))
            })
            .min()
    }

    /// Whether `token` is word `j` of the term, or an inflection of it: its plural in `s`,
    /// `es` or `ies` ("TLDs", which no stemmer takes for "TLD"; "cryptocurrencies"), or in
    /// French and Spanish the same Snowball stem and the same word but for its last two
    /// letters ("adresses" for "adresse", "réseaux" for "réseau", "comunitarias" for
    /// "comunitario"; not "chiffres" for "chiffrement").
    fn is_word(&self, j: usize, token: &Token, text: &str) -> bool {
        let (wanted, word) = (&self.words[j].word, &token.word);
        let plural = word
            .strip_prefix(wanted.as_str())
            .is_some_and(|rest| rest == "s" || rest == "es")
            || wanted
                .strip_suffix('y')
                .is_some_and(|stem| word.strip_prefix(stem) == Some("ies"));
        let same = word == wanted
            || plural
            || self.by_stem
                && token.stems.related(&self.words[j].stems)
                && inflection_of(word, wanted);
        if !same || !self.keeps_case {
            return same;
        }
        // A word the glossary writes with capitals is written so in the use, letter for
        // letter as far as both go ("DoT" is not "DOT"); its other words take any case.
        let written = &self.written[j];
        let used = &text[token.start as usize..token.end as usize];
        !written.chars().any(char::is_uppercase)
            || used.chars().zip(written.chars()).all(|(a, b)| a == b)
    }
}

/// Whether two folded words differ only in their last two letters, as inflections do.
fn inflection_of(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common + 2 >= a.chars().count().max(b.chars().count())
}

/// The tokens of the first word starting at or after byte `from` (its parts and, for a
/// compound, its joined form).
fn tokens_at(tokens: &[Token], from: u32) -> impl Iterator<Item = &Token> {
    let start = tokens.iter().map(|t| t.start).filter(|&s| s >= from).min();
    tokens.iter().filter(move |t| Some(t.start) == start)
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

    /// The first use of `term` in `text`, on a page in `lang`.
    fn find_in(lang: Lang, text: &str, term: &str) -> Option<(usize, usize)> {
        let stemmer = WordStemmer::new(lang);
        TermPhrase::new(term, &stemmer, lang).find(text, &tokenize(text, &stemmer), 0)
    }

    fn find(text: &str, term: &str) -> Option<(usize, usize)> {
        find_in(Lang::En, text, term)
    }

    #[test]
    fn finds_whole_words_with_plurals_and_respects_acronym_case() {
        assert_eq!(find("The DNS, then DNSSEC.", "DNS"), Some((4, 7)));
        assert_eq!(find("DNSSEC only", "DNS"), None);
        assert_eq!(find("the dns", "DNS"), None);
        assert_eq!(find("many ISPs do", "ISP"), Some((5, 9)));
        assert_eq!(find("IP addresses", "IP address"), Some((0, 12)));
        assert_eq!(find("IP, address", "IP address"), None);
        assert_eq!(find("A Resolver", "resolver"), Some((2, 10)));
        assert_eq!(find("resolvers’ caches", "resolver"), Some((0, 9)));
        assert_eq!(find("IPv6 is not IP", "IP"), Some((12, 14)));
        assert_eq!(find("é DNS", "DNS"), Some((3, 6)));
        assert_eq!(
            find("true end-to-end encryption", "end-to-end encryption"),
            Some((5, 26))
        );
        assert_eq!(find("then HTTP/3 came", "HTTP/3"), Some((5, 11)));
        assert_eq!(find("HTTP 3", "HTTP/3"), None);
        assert_eq!(find("two TLDs", "TLD"), Some((4, 8)));
    }

    #[test]
    fn finds_inflected_uses_in_french_and_spanish_but_not_other_words_of_a_stem() {
        let fr = |text: &str, term: &str| find_in(Lang::Fr, text, term);
        assert_eq!(fr("des adresses IP", "adresse IP"), Some((4, 15)));
        assert_eq!(
            fr("les réseaux communautaires", "réseau communautaire"),
            Some((4, 27))
        );
        assert_eq!(fr("l’adresse IP", "adresse IP"), Some((4, 14)));
        assert_eq!(
            fr("les chiffres", "chiffrement"),
            None,
            "a stem, not a word"
        );
        assert_eq!(
            fr("des adresses ip", "adresse IP"),
            None,
            "the acronym keeps its case"
        );
        let es = |text: &str, term: &str| find_in(Lang::Es, text, term);
        assert_eq!(
            es("las redes comunitarias", "red comunitaria"),
            Some((4, 22))
        );
        assert_eq!(es("las direcciones IP", "dirección IP"), Some((4, 18)));
        assert_eq!(
            es("puntos de intercambio", "punto de intercambio"),
            Some((0, 21))
        );
        // English keeps to plurals: its stems join other words to a term.
        assert_eq!(find("the government", "governance"), None);
        assert_eq!(find("a name resolves", "resolver"), None);
        assert_eq!(
            find("two cryptocurrencies", "cryptocurrency"),
            Some((4, 20))
        );
        assert_eq!(
            find("DoT and DOT", "DOT"),
            Some((8, 11)),
            "capitals as written"
        );
    }

    #[test]
    fn marks_only_the_first_use_of_each_term_and_escapes_the_rest() {
        let dns = term("DNS", Some("Domain Name System"), "dns");
        let resolver = term("resolver", None, "resolver");
        let unused = term("BGP", Some("Border Gateway Protocol"), "bgp");
        let mut marker = TermMarker::new(vec![&dns, &resolver, &unused], Lang::En);
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
        let mut marker = TermMarker::new(vec![&dns, &name], Lang::En);
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
        let mut marker = TermMarker::new(vec![&ip, &address], Lang::En);
        let mut out = String::new();
        marker.mark("an IP address and IP", &mut out);
        assert!(
            out.starts_with("an <a class=\"term\" href=\"/glossary#ip-address\">IP address</a>")
        );
        assert!(out.ends_with("<abbr title=\"Internet Protocol\">IP</abbr></a>"));
    }
}
