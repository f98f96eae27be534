//! Numbers and dates the way each language writes them: 1,234.5 and
//! 23 November 2026 in English; 1.234,5 and 23 November 2026 in Indonesian.

use chrono::{Datelike, NaiveDate};

use crate::Language;
use crate::words::{is_percent, month};

/// A figure with grouping and at most `decimals` decimals; "—" when unknown.
pub(crate) fn number(language: Language, value: Option<f64>, decimals: usize) -> String {
    let Some(value) = value.filter(|v| v.is_finite()) else {
        return "—".to_owned();
    };
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let (group, point) = match language {
        Language::English => (',', '.'),
        Language::Indonesian => ('.', ','),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 && fixed.chars().any(|c| c != '0' && c != '.') {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{fraction}")
    }
}

/// A KPI or count: percentages with "%" and two decimals, counts whole.
pub(crate) fn measure(language: Language, kpi: &str, value: Option<f64>) -> String {
    if value.is_none() {
        return "—".to_owned();
    }
    if is_percent(kpi) {
        format!("{} %", number(language, value, 2))
    } else {
        number(language, value, 2)
    }
}

/// A share of a whole, 0.0–1.0, as a whole percentage.
pub(crate) fn share(language: Language, fraction: Option<f64>) -> String {
    match fraction {
        Some(f) => format!("{} %", number(language, Some(f * 100.0), 0)),
        None => "—".to_owned(),
    }
}

pub(crate) fn date(language: Language, day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day.day(),
        month(language, day.month0() as usize),
        day.year()
    )
}

/// "November 2026" for a whole month, else as [`range`].
pub(crate) fn period(language: Language, first: NaiveDate, last: NaiveDate) -> String {
    let whole_month = first.day() == 1
        && first.year() == last.year()
        && first.month() == last.month()
        && last.succ_opt().is_none_or(|next| next.day() == 1);
    if whole_month {
        format!(
            "{} {}",
            month(language, first.month0() as usize),
            first.year()
        )
    } else {
        range(language, first, last)
    }
}

/// "1–30 November 2026", "28 November – 4 December 2026", or with both years.
pub(crate) fn range(language: Language, first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        return date(language, first);
    }
    let first_month = month(language, first.month0() as usize);
    if first.year() != last.year() {
        format!("{} – {}", date(language, first), date(language, last))
    } else if first.month() != last.month() {
        format!("{} {} – {}", first.day(), first_month, date(language, last))
    } else {
        format!("{}–{}", first.day(), date(language, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_whole_month_is_named_by_its_month() {
        assert_eq!(
            period(Language::English, day(2026, 11, 1), day(2026, 11, 30)),
            "November 2026"
        );
        assert_eq!(
            period(Language::Indonesian, day(2026, 2, 1), day(2026, 2, 28)),
            "Februari 2026"
        );
        assert_eq!(
            period(Language::English, day(2026, 11, 1), day(2026, 11, 29)),
            "1–29 November 2026"
        );
        assert_eq!(
            period(Language::English, day(2026, 11, 16), day(2026, 11, 22)),
            "16–22 November 2026"
        );
    }

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(number(Language::English, Some(1234567.5), 2), "1,234,567.5");
        assert_eq!(
            number(Language::Indonesian, Some(1234567.5), 2),
            "1.234.567,5"
        );
        assert_eq!(number(Language::English, Some(-12.0), 0), "-12");
        assert_eq!(number(Language::English, Some(-0.001), 2), "0");
        assert_eq!(number(Language::English, Some(999.0), 0), "999");
        assert_eq!(number(Language::English, None, 2), "—");
        assert_eq!(number(Language::English, Some(f64::NAN), 2), "—");
        assert_eq!(
            measure(Language::Indonesian, "engagement_rate", Some(4.256)),
            "4,26 %"
        );
        assert_eq!(share(Language::English, Some(0.456)), "46 %");
    }

    #[test]
    fn dates_and_ranges_read_naturally() {
        assert_eq!(
            date(Language::Indonesian, day(2026, 8, 17)),
            "17 Agustus 2026"
        );
        assert_eq!(
            range(Language::English, day(2026, 11, 1), day(2026, 11, 30)),
            "1–30 November 2026"
        );
        assert_eq!(
            range(Language::Indonesian, day(2026, 11, 28), day(2026, 12, 4)),
            "28 November – 4 Desember 2026"
        );
        assert_eq!(
            range(Language::English, day(2026, 12, 28), day(2027, 1, 3)),
            "28 December 2026 – 3 January 2027"
        );
    }
}
