//! Reading the numbers and dates of a network's CSV export, which come in
//! every local habit: `1.234,5` (Indonesia), `1,234.5` (the United States),
//! `12 345`, `42%`, `Rp 12.500`; `2026-03-04`, `04/03/2026`, `3/4/2026 14:05`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A number as written, or None when the cell is not one.
pub(crate) fn parse_number(raw: &str, decimal_comma: bool) -> Option<f64> {
    let mut text: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '\'')
        .collect();
    let percent = text.ends_with('%');
    if percent {
        text.pop();
    }
    // A currency in front ("Rp", "IDR", "$", "€") says nothing about size.
    let text = text.trim_start_matches(|c: char| c.is_alphabetic() || "$€£¥".contains(c));
    let negative = text.starts_with('-');
    let digits = text.trim_start_matches(['-', '+']);
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (decimal, group) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    // Digit groups must be three long after the first, or the cell is not
    // a number written in this habit (e.g. "1.5" in a decimal-comma file).
    let mut parts = digits.split(decimal);
    let whole = parts.next()?;
    let fraction = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = whole.split(group).collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well || fraction.is_some_and(|f| f.is_empty() || f.contains(group)) {
        return None;
    }
    let mut plain = groups.concat();
    if plain.is_empty() {
        return None;
    }
    if let Some(f) = fraction {
        plain.push('.');
        plain.push_str(f);
    }
    let value: f64 = plain.parse().ok()?;
    let value = if negative { -value } else { value };
    Some(if percent { value / 100.0 } else { value })
}

/// Whether a column of numbers is written with a decimal comma. A cell with
/// both marks settles it (the last one is the decimal mark); so does one
/// mark followed by other than three digits. When nothing settles it, a
/// file separated by semicolons is taken to use the decimal comma (the
/// reason it uses semicolons at all).
pub(crate) fn detect_decimal_comma<'a>(
    cells: impl IntoIterator<Item = &'a str>,
    semicolons: bool,
) -> bool {
    for cell in cells {
        let t = cell.trim();
        let (last_comma, last_point) = (t.rfind(','), t.rfind('.'));
        match (last_comma, last_point) {
            (Some(c), Some(p)) => return c > p,
            (Some(i), None) | (None, Some(i)) => {
                let mark = t.as_bytes()[i];
                let once = t.bytes().filter(|b| *b == mark).count() == 1;
                let after = t[i + 1..].chars().take_while(char::is_ascii_digit).count();
                if once && after != 3 {
                    return mark == b',';
                }
            }
            (None, None) => {}
        }
    }
    semicolons
}

/// A date cell: a day, or a day and a time of day (wall time in the
/// workspace's zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellDate {
    Day(NaiveDate),
    At(NaiveDateTime),
}

/// Reads a date with an optional time. Year-first dates are unambiguous;
/// others are read day first or month first as the mapping says.
pub(crate) fn parse_date(raw: &str, day_first: bool) -> Option<CellDate> {
    let t = raw.trim();
    // "2026-03-04T10:00:00+07:00" and "…Z": the time of day as written.
    let t = t.split(['+', 'Z']).next().unwrap_or(t);
    let (date_part, time_part) = match t.find(['T', ' ']) {
        Some(i) => (&t[..i], Some(t[i + 1..].trim())),
        None => (t, None),
    };
    let numbers: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if numbers.len() != 3
        || numbers
            .iter()
            .any(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = if numbers[0].len() == 4 {
        (numbers[0], numbers[1], numbers[2])
    } else if day_first {
        (numbers[2], numbers[1], numbers[0])
    } else {
        (numbers[2], numbers[0], numbers[1])
    };
    if y.len() != 4 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, n(m)?, n(d)?)?;
    match time_part.filter(|s| !s.is_empty()) {
        None => Some(CellDate::Day(date)),
        Some(time) => {
            let time = [
                "%H:%M:%S%.f",
                "%H:%M:%S",
                "%H:%M",
                "%I:%M %p",
                "%I:%M:%S %p",
            ]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(time, f).ok())?;
            Some(CellDate::At(date.and_time(time)))
        }
    }
}

/// Whether the dates of a column are written day first: a first number
/// over 12 says so, a second one over 12 says month first; day first when
/// nothing tells (the habit of Indonesia and most of the world).
pub(crate) fn detect_day_first<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
    for cell in cells {
        let numbers: Vec<u32> = cell
            .trim()
            .split(['-', '/', '.', ' ', 'T'])
            .take(3)
            .map_while(|s| s.parse().ok())
            .collect();
        if numbers.len() == 3 && numbers[0] < 1000 {
            if numbers[0] > 12 {
                return true;
            }
            if numbers[1] > 12 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_either_habit() {
        assert_eq!(parse_number("1.234,5", true), Some(1234.5));
        assert_eq!(parse_number("1,234.5", false), Some(1234.5));
        assert_eq!(parse_number("12,5", true), Some(12.5));
        assert_eq!(parse_number("1.234.567", true), Some(1_234_567.0));
        assert_eq!(parse_number("12 345", false), Some(12_345.0));
        assert_eq!(parse_number("Rp 12.500", true), Some(12_500.0));
        assert_eq!(parse_number("42,5%", true), Some(0.425));
        assert_eq!(parse_number("-3", false), Some(-3.0));
        assert_eq!(parse_number("0", false), Some(0.0));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in [
            "",
            "abc",
            "12a",
            "1.2.3,4,5",
            "1,5",
            "12,34,5",
            "--",
            "1.23.4",
        ] {
            assert_eq!(parse_number(bad, false), None, "{bad:?} (decimal point)");
        }
        assert_eq!(
            parse_number("1.5", true),
            None,
            "a point is a group mark here"
        );
        assert_eq!(parse_number("1,", true), None);
    }

    #[test]
    fn the_decimal_mark_is_found_from_the_cells() {
        assert!(detect_decimal_comma(["100", "12,5"], false));
        assert!(!detect_decimal_comma(["100", "12.5"], true));
        assert!(detect_decimal_comma(["1.234,56"], false));
        assert!(!detect_decimal_comma(["1,234.56"], true));
        // "1.234" and "1,234" settle nothing: the separator decides.
        assert!(detect_decimal_comma(["1.234"], true));
        assert!(!detect_decimal_comma(["1,234"], false));
    }

    #[test]
    fn dates_in_either_order_and_impossible_ones() {
        let d = |y, m, dd| Some(CellDate::Day(NaiveDate::from_ymd_opt(y, m, dd).unwrap()));
        assert_eq!(parse_date("2026-03-04", true), d(2026, 3, 4));
        assert_eq!(parse_date("04/03/2026", true), d(2026, 3, 4));
        assert_eq!(parse_date("03/04/2026", false), d(2026, 3, 4));
        assert_eq!(parse_date("4.3.2026", true), d(2026, 3, 4));
        assert_eq!(parse_date("2026-02-30", true), None, "no such day");
        assert_eq!(parse_date("31/31/2026", true), None);
        assert_eq!(parse_date("yesterday", true), None);
        assert_eq!(
            parse_date("2026-03-04T14:05:00+07:00", true),
            Some(CellDate::At(
                NaiveDate::from_ymd_opt(2026, 3, 4)
                    .unwrap()
                    .and_hms_opt(14, 5, 0)
                    .unwrap()
            ))
        );
        assert_eq!(
            parse_date("3/4/2026 2:05 PM", false),
            Some(CellDate::At(
                NaiveDate::from_ymd_opt(2026, 3, 4)
                    .unwrap()
                    .and_hms_opt(14, 5, 0)
                    .unwrap()
            ))
        );
    }

    #[test]
    fn the_date_order_is_found_from_the_cells() {
        assert!(detect_day_first(["01/02/2026", "25/02/2026"]));
        assert!(!detect_day_first(["01/02/2026", "02/25/2026"]));
        assert!(detect_day_first(["2026-02-25", "01/02/2026"]));
    }
}
