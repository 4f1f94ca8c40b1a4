//! Edit distance for typo tolerance: optimal string alignment (Levenshtein plus swapping two
//! neighbouring letters as one edit, the commonest typo: "encyrption").
//!
//! Written here rather than taken from `strsim`: measured in its place (BENCHMARKS.md,
//! search), `strsim::osa_distance` made the ranking's p99 0.67 ms instead of 0.54 ms and,
//! through the code it shares with the rest of the WASM, added 8.6 KB brotli to the first
//! load of every page, which the 100 KB budget cannot spare.

/// Typos tolerated in a query word of this many characters: none below 5, one from 5, two
/// from 9. Short words must match exactly, so "DNS" does not find "DNA".
pub fn allowed_typos(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The OSA distance between `a` and `b`, or `None` when it exceeds `limit`. Words of up to
/// [`SHORT`] characters are compared without allocating.
pub fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    if a_len.abs_diff(b_len) > limit {
        return None;
    }
    let distance = if a_len <= SHORT && b_len <= SHORT {
        let mut a_chars = ['\0'; SHORT];
        let mut b_chars = ['\0'; SHORT];
        a.chars()
            .zip(a_chars.iter_mut())
            .for_each(|(c, slot)| *slot = c);
        b.chars()
            .zip(b_chars.iter_mut())
            .for_each(|(c, slot)| *slot = c);
        osa(&a_chars[..a_len], &b_chars[..b_len])
    } else {
        distance(a, b)
    };
    (distance <= limit).then_some(distance)
}

/// Longest word compared on the stack.
const SHORT: usize = 32;

/// The OSA distance between two words.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa(&a, &b)
}

/// Three rolling rows (the one before last for swaps), on the stack for short words.
fn osa(a: &[char], b: &[char]) -> usize {
    if b.len() >= SHORT {
        return osa_rows(
            a,
            b,
            &mut vec![0; b.len() + 1],
            &mut vec![0; b.len() + 1],
            &mut vec![0; b.len() + 1],
        );
    }
    let (mut before, mut previous, mut current) = (
        [0usize; SHORT + 1],
        [0usize; SHORT + 1],
        [0usize; SHORT + 1],
    );
    let width = b.len() + 1;
    osa_rows(
        a,
        b,
        &mut before[..width],
        &mut previous[..width],
        &mut current[..width],
    )
}

fn osa_rows(
    a: &[char],
    b: &[char],
    before: &mut [usize],
    previous: &mut [usize],
    current: &mut [usize],
) -> usize {
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        before.copy_from_slice(previous);
        previous.copy_from_slice(current);
    }
    previous[b.len()]
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
    fn long_words_take_the_same_path_as_short_ones() {
        let long = "a".repeat(40);
        let other = format!("{}b", "a".repeat(39));
        assert_eq!(within(&long, &other, 2), Some(1));
        assert_eq!(distance(&long, &other), 1);
    }

    #[test]
    fn within_stops_at_the_limit() {
        assert_eq!(within("privasy", "privacy", 1), Some(1));
        assert_eq!(within("dns", "dna", 0), None);
        assert_eq!(within("a", "abcdef", 2), None);
    }
}
