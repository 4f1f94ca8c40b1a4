//! Dates and figures in the reader's language, from ICU4X's data (CLDR): "26 novembre
//! 2026", "26 de noviembre de 2026", "1 818 913 944", "386,9 millions". English keeps its
//! own spelling ("26 November 2026", as written by en-GB).

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{YM, YMD};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::{locale, Locale};
use icu_plurals::{PluralCategory, PluralOperands, PluralRules};

use super::dates::IsoDate;
use crate::domain::Lang;

fn icu_locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => locale!("en-GB"),
        Lang::Fr => locale!("fr"),
        Lang::Es => locale!("es"),
    }
}

/// A content date as people read it in `lang`: a day, a month or a year.
pub fn date_label(date: &IsoDate, lang: Lang) -> String {
    let fallback = || date.iso();
    let (Some(month), day) = (date.month, date.day) else {
        return date.year.to_string();
    };
    let Ok(gregorian) = Date::try_new_gregorian(i32::from(date.year), month, day.unwrap_or(1))
    else {
        return fallback();
    };
    let prefs = icu_locale(lang).into();
    match day {
        Some(_) => FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(prefs, YMD::long())
            .map(|formatter| formatter.format(&gregorian).to_string())
            .unwrap_or_else(|_| fallback()),
        None => FixedCalendarDateTimeFormatter::<Gregorian, YM>::try_new(prefs, YM::long())
            .map(|formatter| formatter.format(&gregorian).to_string())
            .unwrap_or_else(|_| fallback()),
    }
}

/// Whether `lang` writes the singular with `number`, by CLDR's cardinal rules: English and
/// Spanish for 1 only ("0 issues", "1,5 millones"), French for 0 and 1 and what lies
/// between ("0 enjeu", "1,82 milliard").
pub fn takes_singular(lang: Lang, number: impl Into<PluralOperands>) -> bool {
    let operands: PluralOperands = number.into();
    PLURAL_RULES.with(|rules| match rules.iter().find(|(of, _)| *of == lang) {
        Some((_, rules)) => rules.category_for(operands) == PluralCategory::One,
        // The data is compiled in: unreachable, but English's rule is the safe guess.
        None => operands == PluralOperands::from(1u32),
    })
}

thread_local! {
    /// Each language's cardinal rules, made once per thread (they are not `Sync`).
    static PLURAL_RULES: Vec<(Lang, PluralRules)> = Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            PluralRules::try_new_cardinal(icu_locale(lang).into())
                .ok()
                .map(|rules| (lang, rules))
        })
        .collect();
}

/// A number as written in English content ("1,818,913,944", "386.9", "2010") in `lang`.
/// Digits are grouped only where the English groups them: "2010" is a year.
fn number_label(english: &str, lang: Lang) -> Option<String> {
    let plain = english.replace(',', "");
    let decimal: Decimal = plain.parse().ok()?;
    if !english.contains(',') && !english.contains('.') {
        return Some(plain);
    }
    let formatter = DecimalFormatter::try_new(icu_locale(lang).into(), Default::default()).ok()?;
    Some(formatter.format(&decimal).to_string())
}

/// The scale words of large figures, singular and plural, by language.
fn scale_words(scale: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    Some(match (scale, lang) {
        ("million", Lang::Fr) => ("million", "millions"),
        ("billion", Lang::Fr) => ("milliard", "milliards"),
        ("trillion", Lang::Fr) => ("billion", "billions"),
        ("million", Lang::Es) => ("millón", "millones"),
        ("billion", Lang::Es) => ("mil millones", "mil millones"),
        ("trillion", Lang::Es) => ("billón", "billones"),
        _ => return None,
    })
}

/// A figure as the content writes it in English ("$2.5 trillion", "74%", "10,000+",
/// "149 TWh") in `lang`; `None` for a figure with other words, which a translation gives
/// itself (`super::translations::figure_has_words`).
pub fn figure_label(figure: &str, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return Some(figure.to_string());
    }
    let (currency, rest) = match figure.chars().next() {
        Some('$') => (Some("dollars"), &figure[1..]),
        Some('£') => (Some("pounds"), &figure['£'.len_utf8()..]),
        _ => (None, figure),
    };
    let (rest, plus) = rest
        .strip_suffix('+')
        .map_or((rest, ""), |rest| (rest, "+"));
    let (rest, percent) = rest
        .strip_suffix('%')
        .map_or((rest, false), |rest| (rest, true));
    let (number, word) = rest.split_once(' ').unwrap_or((rest, ""));
    let amount = number_label(number, lang)?;
    // French and Spanish put a no-break space before a percent sign and a unit.
    let mut label = amount.clone();
    match word {
        "" => {}
        "TWh" | "MWh" => {
            label.push('\u{a0}');
            label.push_str(word);
        }
        scale => {
            let (one, many) = scale_words(scale, lang)?;
            let value: Decimal = number.replace(',', "").parse().ok()?;
            let singular = takes_singular(lang, &value);
            label.push(' ');
            label.push_str(if singular { one } else { many });
        }
    }
    if percent {
        label.push_str("\u{a0}%");
    }
    if let Some(currency) = currency {
        let of = match (currency, lang) {
            ("dollars", Lang::Fr) => "de dollars",
            ("pounds", Lang::Fr) => "de livres sterling",
            ("dollars", _) => "de dólares",
            _ => "de libras esterlinas",
        };
        label.push(' ');
        label.push_str(of);
    }
    label.push_str(plus);
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> IsoDate {
        IsoDate::parse(text).expect("a date")
    }

    #[test]
    fn the_singular_follows_each_language_s_plural_rules() {
        let singular =
            |lang: Lang| -> Vec<u32> { (0..=26).filter(|&n| takes_singular(lang, n)).collect() };
        assert_eq!(singular(Lang::En), [1]);
        assert_eq!(singular(Lang::Fr), [0, 1]);
        assert_eq!(singular(Lang::Es), [1]);
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(
            date_label(&date("2026-11-26"), Lang::En),
            "26 November 2026"
        );
        assert_eq!(
            date_label(&date("2026-11-26"), Lang::Fr),
            "26 novembre 2026"
        );
        assert_eq!(
            date_label(&date("2026-11-26"), Lang::Es),
            "26 de noviembre de 2026"
        );
        assert_eq!(date_label(&date("2025-09"), Lang::En), "September 2025");
        assert_eq!(date_label(&date("2025-09"), Lang::Fr), "septembre 2025");
        assert_eq!(date_label(&date("2025-09"), Lang::Es), "septiembre de 2025");
        assert_eq!(date_label(&date("2024"), Lang::Fr), "2024");
    }

    #[test]
    fn english_labels_are_unchanged_by_the_locale_data() {
        for text in ["2026-01-01", "2010-01-27", "2024-06", "2019"] {
            let d = date(text);
            assert_eq!(date_label(&d, Lang::En), d.to_string(), "{text}");
        }
    }

    #[test]
    fn figures_take_each_language_s_digits_scales_and_signs() {
        let fr = |f: &str| figure_label(f, Lang::Fr);
        let es = |f: &str| figure_label(f, Lang::Es);
        assert_eq!(fr("386.9 million").as_deref(), Some("386,9 millions"));
        assert_eq!(es("386.9 million").as_deref(), Some("386,9 millones"));
        assert_eq!(fr("1.82 billion").as_deref(), Some("1,82 milliard"));
        assert_eq!(es("1.5 million").as_deref(), Some("1,5 millones"));
        assert_eq!(es("1 million").as_deref(), Some("1 millón"));
        assert_eq!(es("2.2 billion").as_deref(), Some("2,2 mil millones"));
        assert_eq!(
            fr("$2.5 trillion").as_deref(),
            Some("2,5 billions de dollars")
        );
        assert_eq!(
            es("£10 million").as_deref(),
            Some("10 millones de libras esterlinas")
        );
        assert_eq!(fr("74%").as_deref(), Some("74\u{a0}%"));
        assert_eq!(fr("99.988%").as_deref(), Some("99,988\u{a0}%"));
        assert_eq!(fr("1,016").as_deref(), Some("1\u{202f}016"));
        assert_eq!(es("1,016").as_deref(), Some("1016"));
        assert_eq!(es("344,209").as_deref(), Some("344.209"));
        assert_eq!(fr("10,000+").as_deref(), Some("10\u{202f}000+"));
        assert_eq!(es("2,601 MWh").as_deref(), Some("2601\u{a0}MWh"));
        assert_eq!(fr("2010").as_deref(), Some("2010"));
        assert_eq!(fr("6 million+").as_deref(), Some("6 millions+"));
        assert_eq!(fr("1 in 3"), None);
        assert_eq!(figure_label("1 in 3", Lang::En).as_deref(), Some("1 in 3"));
    }
}
