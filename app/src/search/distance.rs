//! Edit distance for typo tolerance: optimal string alignment (Levenshtein plus swapping two
//! neighbouring letters as one edit, the commonest typo: "encyrption").

/// Typos tolerated in a query word of this many characters: none below 5, one from 5, two
/// from 9. Short words must match exactly, so "DNS" does not find "DNA".
pub fn allowed_typos(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The OSA distance between `a` and `b`, or `None` when it exceeds `limit`.
pub fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let distance = osa(&a, &b);
    (distance <= limit).then_some(distance)
}

/// The OSA distance between two words.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa(&a, &b)
}

fn osa(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_count_as_one_typo() {
        assert_eq!(distance("encyrption", "encryption"), 1);
        assert_eq!(distance("privasy", "privacy"), 1);
        assert_eq!(distance("goverance", "governance"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn tolerance_grows_with_word_length() {
        assert_eq!(allowed_typos(3), 0);
        assert_eq!(allowed_typos(4), 0);
        assert_eq!(allowed_typos(5), 1);
        assert_eq!(allowed_typos(8), 1);
        assert_eq!(allowed_typos(9), 2);
    }

    #[test]
    fn within_stops_at_the_limit() {
        assert_eq!(within("privasy", "privacy", 1), Some(1));
        assert_eq!(within("dns", "dna", 0), None);
        assert_eq!(within("a", "abcdef", 2), None);
    }
}
