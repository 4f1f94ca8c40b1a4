//! Folding text into search terms: lower case, accents removed, punctuation as separators,
//! with the original byte range of every term kept for highlighting.
//!
//! Accents are folded by a table of the Latin letters the content and its readers use
//! (Latin-1 and Latin Extended-A) plus dropping combining marks, instead of a crate:
//! `deunicode`, measured in place of the table, grew the search's WASM chunk from 171,064
//! to 654,790 bytes (61 KB to 193 KB brotli) for transliterations of scripts the content
//! does not use (BENCHMARKS.md, search). Other scripts pass through unchanged.

use super::{Token, WordStemmer};

/// The longest query taken, in characters; the rest is cut.
pub const MAX_QUERY_CHARS: usize = 200;

/// A query as typed, made safe: control and invisible formatting characters dropped, cut
/// to [`MAX_QUERY_CHARS`] characters, surrounding whitespace trimmed.
pub fn clean_query(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !c.is_control() && !is_invisible(c))
        .take(MAX_QUERY_CHARS)
        .collect();
    cleaned.trim().to_string()
}

/// The terms of a text in order, each with its position and byte range in `text`.
/// Hyphenated and apostrophised words ("e-mail", "Internet's") give their parts and also
/// the joined form at the first part's position, so "email" finds "e-mail" and "end to
/// end" finds "end-to-end". Each term carries its stems in `stemmer`'s language.
pub fn tokenize(text: &str, stemmer: &WordStemmer) -> Vec<Token> {
    let token = |word: String, start: usize, end: usize, position: u32| Token {
        stems: stemmer.stems(&written_lowercase(&text[start..end]), &word),
        word,
        start: start as u32,
        end: end as u32,
        position,
    };
    let mut tokens = Vec::new();
    let mut position = 0u32;
    let mut word = String::new();
    let mut word_start = 0usize;
    // A compound being read: joined form, start, position, parts, end of its last part.
    let mut compound: Option<(String, usize, u32, usize, usize)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if is_word_char(c) {
            if word.is_empty() {
                word_start = index;
            }
            push_folded(c, &mut word);
            continue;
        }
        if is_invisible(c) && !word.is_empty() {
            continue;
        }
        let joins = is_joiner(c)
            && !word.is_empty()
            && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
        if !word.is_empty() {
            let end = index;
            tokens.push(token(word.clone(), word_start, end, position));
            match (&mut compound, joins) {
                (Some((joined, _, _, parts, last_end)), _) => {
                    joined.push_str(&word);
                    *parts += 1;
                    *last_end = end;
                }
                (None, true) => compound = Some((word.clone(), word_start, position, 1, end)),
                (None, false) => {}
            }
            position += 1;
            word.clear();
            if joins {
                continue;
            }
        } else if is_invisible(c) {
            continue;
        }
        // A separator ends a compound, even after a joiner whose word had only combining
        // marks ("a-\u{301} b" is "a" and "b", as `query_words` reads it).
        if let Some((joined, start, at, parts, end)) = compound.take() {
            if parts > 1 {
                tokens.push(token(joined, start, end, at));
            }
        }
    }
    if !word.is_empty() {
        let end = text.len();
        tokens.push(token(word.clone(), word_start, end, position));
        if let Some((mut joined, start, at, _, _)) = compound.take() {
            joined.push_str(&word);
            tokens.push(token(joined, start, end, at));
        }
    } else if let Some((joined, start, at, parts, end)) = compound.take() {
        if parts > 1 {
            tokens.push(token(joined, start, end, at));
        }
    }
    tokens
}

/// The words of a text as one reads them, each with its stems: [`tokenize`]'s terms
/// without the parts of compounds ("e-mail" is one word, "email"), so the same words as
/// [`query_words`].
pub fn words(text: &str, stemmer: &WordStemmer) -> Vec<Token> {
    let tokens = tokenize(text, stemmer);
    let inside_longer = |t: &Token| {
        tokens
            .iter()
            .any(|o| o.start <= t.start && t.end <= o.end && o.end - o.start > t.end - t.start)
    };
    let mut words: Vec<Token> = tokens
        .iter()
        .filter(|t| !inside_longer(t))
        .cloned()
        .collect();
    words.sort_by_key(|word| word.start);
    words
}

/// A word as written, in lower case, without the joiners of a compound or invisible
/// characters: what the stemmer reads.
fn written_lowercase(word: &str) -> String {
    word.chars()
        .filter(|&c| is_word_char(c) && !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of a query, in order. Hyphenated words are joined ("e-mail" → "email").
pub fn query_words(query: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        if is_word_char(c) {
            push_folded(c, &mut word);
        } else if is_joiner(c) && !word.is_empty() && chars.peek().is_some_and(|&n| is_word_char(n))
            || is_invisible(c)
        {
            continue;
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Folds one whole string (for comparing titles and slugs).
pub fn fold(text: &str) -> String {
    query_words(text).join(" ")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Characters that glue a compound word together when between two word characters.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

/// Zero-width and bidirectional formatting characters: never part of what a reader sees.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Appends `c` folded: lower case, without accents; combining marks vanish.
fn push_folded(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        match fold_latin(lower) {
            Some(folded) => out.push_str(folded),
            None => out.push(lower),
        }
    }
}

fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::Lang;

    fn tokens(text: &str) -> Vec<Token> {
        tokenize(text, &WordStemmer::new(Lang::En))
    }

    fn terms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(fold("Société Générale"), "societe generale");
        assert_eq!(fold("CRÈME brûlée!"), "creme brulee");
        assert_eq!(fold("e\u{0301}te\u{0301}"), "ete", "combining accents");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("(DNS), TLS."), "dns tls");
    }

    #[test]
    fn compounds_give_parts_and_the_joined_word() {
        assert_eq!(query_words("e-mail"), ["email"]);
        assert_eq!(
            terms("send e-mail now"),
            ["send", "e", "mail", "email", "now"]
        );
        assert_eq!(terms("end-to-end"), ["end", "to", "end", "endtoend"]);
        assert_eq!(
            terms("Internet’s future"),
            ["internet", "s", "internets", "future"]
        );
        let tokens = tokens("an e-mail");
        let joined = tokens.iter().find(|t| t.word() == "email").expect("joined");
        assert_eq!((joined.span(), joined.position()), ((3, 9), 1));
    }

    #[test]
    fn words_are_the_query_words_with_their_stems() {
        for text in [
            "send e-mail now",
            "Internet’s end-to-end future",
            "dns\u{200B}sec Société",
            "a-\u{301} b",
            "a-b-\u{301} c",
            "x-y-",
        ] {
            let words: Vec<String> = words(text, &WordStemmer::new(Lang::En))
                .into_iter()
                .map(|t| t.word)
                .collect();
            assert_eq!(words, query_words(text), "{text}");
        }
        let stemmer = WordStemmer::new(Lang::En);
        let networks = &words("Networks", &stemmer)[0];
        assert!(networks.stems.related(&stemmer.stems("network", "network")));
    }

    #[test]
    fn term_spans_point_into_the_original_text() {
        let text = "Société (IPv6) — ok";
        for token in tokens(text) {
            let original = &text[token.start as usize..token.end as usize];
            assert_eq!(fold(original), token.word, "{original}");
        }
    }

    #[test]
    fn queries_are_cleaned_and_cut() {
        assert_eq!(clean_query("  bgp\u{0007}\u{202E} \n"), "bgp");
        assert_eq!(
            clean_query(&"a".repeat(500)).chars().count(),
            MAX_QUERY_CHARS
        );
        assert_eq!(clean_query("dns\u{200B}sec"), "dnssec");
        assert_eq!(query_words("🙂 dns 🔒"), ["dns"]);
        assert_eq!(query_words("שלום dns"), ["שלום", "dns"]);
    }
}
