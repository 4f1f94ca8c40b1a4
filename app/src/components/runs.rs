/// Splits `items` into runs of consecutive items with the same key, keeping their order:
/// how the glossary groups terms by initial, `/changes` its entries by date and an issue
/// page its connections by wording (each list arrives sorted by that key).
pub fn runs_by<T, K: PartialEq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<(K, Vec<T>)> {
    let mut runs: Vec<(K, Vec<T>)> = Vec::new();
    for item in items {
        let item_key = key(&item);
        match runs.last_mut() {
            Some((current, members)) if *current == item_key => members.push(item),
            _ => runs.push((item_key, vec![item])),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::runs_by;

    #[test]
    fn consecutive_items_with_one_key_form_one_run() {
        let runs = runs_by(vec!["apple", "avocado", "banana", "apricot"], |w| {
            w.chars().next()
        });
        assert_eq!(
            runs,
            [
                (Some('a'), vec!["apple", "avocado"]),
                (Some('b'), vec!["banana"]),
                (Some('a'), vec!["apricot"]),
            ]
        );
        assert!(runs_by(Vec::<u8>::new(), |n| *n).is_empty());
    }
}
