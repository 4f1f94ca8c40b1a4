//! ISO 8601 calendar dates as content files write them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

use std::fmt;

/// A date to the precision the content gives: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl IsoDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the month and the day exist.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, digits: usize, what: &str| -> Result<u16, String> {
            if part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse::<u16>().map_err(|e| e.to_string())
            } else {
                Err(format!(
                    "“{text}” is not an ISO date: the {what} must be {digits} digits (YYYY, YYYY-MM or YYYY-MM-DD)"
                ))
            }
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!(
                "“{text}” is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
            ));
        }
        let year = number(parts[0], 4, "year")?;
        let month = match parts.get(1) {
            Some(part) => {
                let month = number(part, 2, "month")?;
                if !(1..=12).contains(&month) {
                    return Err(format!("“{text}”: there is no month {month}"));
                }
                Some(month as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(part), Some(month)) => {
                let day = number(part, 2, "day")?;
                if day == 0 || day > u16::from(days_in_month(year, month)) {
                    return Err(format!(
                        "“{text}”: {} has no day {day}",
                        MONTHS[usize::from(month - 1)]
                    ));
                }
                Some(day as u8)
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Self {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// The first day this date can mean, for comparing dates of different precision.
    pub fn start(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Whole months from the last month this date can mean to the first month of `later`
    /// (a figure "as of 2022" is 47 months before a review in November 2026).
    pub fn months_before(&self, later: &IsoDate) -> i32 {
        let end = i32::from(self.year) * 12 + i32::from(self.month.unwrap_or(12));
        let start = i32::from(later.year) * 12 + i32::from(later.month.unwrap_or(1));
        start - end
    }

    /// The ISO spelling: `2024-06-30`, `2024-06` or `2024`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// Reads as people write dates: "30 June 2024", "June 2024", "2024".
impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = |m: u8| MONTHS[usize::from(m - 1)];
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {}", month(m), self.year),
            (Some(m), None) => write!(f, "{} {}", month(m), self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (u16, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_before_counts_from_the_end_of_a_year_or_month() {
        let review = IsoDate::parse("2026-11-26").expect("date");
        assert_eq!(
            IsoDate::parse("2022").expect("date").months_before(&review),
            47
        );
        assert_eq!(
            IsoDate::parse("2026-11")
                .expect("date")
                .months_before(&review),
            0
        );
        assert_eq!(
            IsoDate::parse("2023-10-01")
                .expect("date")
                .months_before(&review),
            37
        );
    }

    use super::*;

    #[test]
    fn parses_the_three_precisions_and_prints_them_for_people() {
        let day = IsoDate::parse("2024-06-30").expect("day");
        assert_eq!(day.to_string(), "30 June 2024");
        assert_eq!(day.iso(), "2024-06-30");
        assert_eq!(
            IsoDate::parse("2024-06").expect("month").to_string(),
            "June 2024"
        );
        assert_eq!(IsoDate::parse("2025").expect("year").to_string(), "2025");
    }

    #[test]
    fn rejects_what_is_not_a_calendar_date() {
        for bad in [
            "",
            "24",
            "2024-6",
            "2024-13",
            "2023-02-29",
            "2024-04-31",
            "2024/06/30",
            "2024-06-30-1",
            "30 June 2024",
        ] {
            assert!(IsoDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(IsoDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn dates_of_different_precision_compare_by_their_first_day() {
        let year = IsoDate::parse("2024").expect("year");
        let day = IsoDate::parse("2024-01-01").expect("day");
        assert_eq!(year.start(), day.start());
        assert!(IsoDate::parse("2023-12-31").expect("d").start() < year.start());
    }
}
