//! The access log: one line per request, in the format of the rest of the log
//! (`2026-12-07T09:14:03.123456Z  INFO access: GET /issues/dns 200 41µs id=…`), written in
//! one piece to the log's non-blocking writer. It is logged at `info` under the target
//! `access`, so `RUST_LOG` turns it off like any other line (`RUST_LOG=info,access=off`).
//!
//! The line is formatted here rather than by `tracing`'s field machinery, which cost about
//! a quarter of a stored page's throughput (BENCHMARKS.md §12). The path is logged without
//! its query: searches are the visitors' business.

use std::cell::RefCell;
use std::io::Write as _;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderValue, Method, StatusCode};

use crate::log::DroppingLog;

static WRITER: OnceLock<DroppingLog> = OnceLock::new();

/// Sends access lines to `writer` (the one the rest of the log goes to). Until this is
/// called (tests in one process, the static export), lines go through `tracing`.
pub fn install(writer: DroppingLog) {
    let _ = WRITER.set(writer);
}

/// One request, as the log line needs it.
pub struct Entry<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub status: StatusCode,
    pub started: Instant,
    pub id: &'a HeaderValue,
}

/// Logs `entry` if `access` lines are enabled.
pub fn record(entry: &Entry<'_>) {
    if !tracing::enabled!(target: "access", tracing::Level::INFO) {
        return;
    }
    let micros = u64::try_from(entry.started.elapsed().as_micros()).unwrap_or(u64::MAX);
    let id = std::str::from_utf8(entry.id.as_bytes()).unwrap_or("-");
    let Some(writer) = WRITER.get() else {
        tracing::info!(target: "access", "{} {} {} {micros}µs id={id}", entry.method, entry.path, entry.status.as_u16());
        return;
    };
    // Per thread: a writer (cloning the shared one for each line would touch its shared
    // counters on every request) and the line's buffer.
    thread_local! {
        static LOCAL: RefCell<(Option<DroppingLog>, String)> = const { RefCell::new((None, String::new())) };
    }
    LOCAL.with_borrow_mut(|(local, line)| {
        line.clear();
        timestamp(SystemTime::now(), line);
        line.push_str("  INFO access: ");
        line.push_str(entry.method.as_str());
        line.push(' ');
        line.push_str(entry.path);
        line.push(' ');
        push_digits(line, u64::from(entry.status.as_u16()), 3);
        line.push(' ');
        push_digits(line, micros, 1);
        line.push_str("µs id=");
        line.push_str(id);
        line.push('\n');
        let _ = local
            .get_or_insert_with(|| writer.clone())
            .write_all(line.as_bytes());
    });
}

/// RFC 3339 in UTC with microseconds, as the rest of the log writes it.
fn timestamp(now: SystemTime, out: &mut String) {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let seconds = since.as_secs();
    let (year, month, day) = civil_date(seconds / 86_400);
    let of_day = seconds % 86_400;
    push_digits(out, year, 4);
    out.push('-');
    push_digits(out, month, 2);
    out.push('-');
    push_digits(out, day, 2);
    out.push('T');
    push_digits(out, of_day / 3600, 2);
    out.push(':');
    push_digits(out, of_day / 60 % 60, 2);
    out.push(':');
    push_digits(out, of_day % 60, 2);
    out.push('.');
    push_digits(out, u64::from(since.subsec_micros()), 6);
    out.push('Z');
}

/// `value` in decimal, zero-padded to at least `width` digits (the formatting machinery of
/// `write!` costs more than the rest of the line).
fn push_digits(out: &mut String, mut value: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    while value > 0 || start == digits.len() {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
    }
    for _ in digits.len() - start..width {
        out.push('0');
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn timestamps_match_rfc_3339_for_known_instants() {
        let at = |seconds: u64, micros: u32| {
            let mut out = String::new();
            timestamp(UNIX_EPOCH + Duration::new(seconds, micros * 1000), &mut out);
            out
        };
        assert_eq!(at(0, 0), "1970-01-01T00:00:00.000000Z");
        // 2000-02-29 (a leap day in a year divisible by 400).
        assert_eq!(at(951_782_400, 7), "2000-02-29T00:00:00.000007Z");
        assert_eq!(at(1_796_613_243, 123_456), "2026-12-07T03:14:03.123456Z");
        // The last second of 2100 (not a leap year).
        assert_eq!(at(4_133_980_799, 999_999), "2100-12-31T23:59:59.999999Z");
    }

    #[test]
    fn digits_are_padded_to_the_width_and_never_cut() {
        let digits = |value, width| {
            let mut out = String::new();
            push_digits(&mut out, value, width);
            out
        };
        assert_eq!(digits(0, 1), "0");
        assert_eq!(digits(7, 3), "007");
        assert_eq!(digits(404, 3), "404");
        assert_eq!(digits(123_456, 2), "123456");
        assert_eq!(digits(u64::MAX, 1), u64::MAX.to_string());
    }
}
