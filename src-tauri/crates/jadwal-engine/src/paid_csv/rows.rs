//! Reading an ad manager's rows into one total per campaign: the rows that
//! name the same campaign (a file with a row per day, per ad set) are
//! summed, the dates they report on widen the campaign's period. A row with
//! any bad cell is reported (its line, its column, what is wrong) and adds
//! nothing.

use chrono::NaiveDate;
use jadwal_store::campaign_results::CampaignResults;

use crate::csv::file::CsvTable;
use crate::csv::row_problem;
use crate::csv::values::{CellDate, parse_date, parse_number};
use crate::dto::{CampaignCsvField, CampaignCsvMappingInput, CsvRowProblemDto};

/// One campaign as the file tells it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CampaignTotal {
    /// The name as its first row writes it.
    pub name: String,
    pub rows: Vec<u32>,
    /// The sums; `None` where no row gave the figure.
    pub results: CampaignResults,
    /// The first and last day its rows report on.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// The column that names the campaign, for a message about its rows.
    pub name_column: u32,
}

#[derive(Debug, Default)]
pub(super) struct FileTotals {
    /// In the order the file first names them.
    pub campaigns: Vec<CampaignTotal>,
    pub bad_rows: u32,
    pub problems: Vec<CsvRowProblemDto>,
    /// The first and last day any good row reports on.
    pub days: Option<(NaiveDate, NaiveDate)>,
}

/// The key two names are the same campaign by: case and spacing aside.
pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn widen(days: &mut Option<(NaiveDate, NaiveDate)>, first: NaiveDate, last: NaiveDate) {
    *days = Some(match *days {
        None => (first, last),
        Some((a, b)) => (a.min(first), b.max(last)),
    });
}

fn add_money(sum: &mut Option<f64>, v: f64) {
    *sum = Some(sum.unwrap_or(0.0) + v);
}

fn add_count(sum: &mut Option<u64>, v: u64) {
    *sum = Some(sum.unwrap_or(0).saturating_add(v));
}

/// What one good row says.
struct Row {
    name: String,
    results: CampaignResults,
    days: Option<(NaiveDate, NaiveDate)>,
}

pub(super) fn read_rows(
    table: &CsvTable,
    mapping: &CampaignCsvMappingInput,
    name_column: u32,
) -> FileTotals {
    let mut totals = FileTotals::default();
    for (line, cells) in &table.rows {
        match read_row(table, mapping, name_column, *line, cells) {
            Ok(row) => {
                let key = name_key(&row.name);
                let at = match totals
                    .campaigns
                    .iter()
                    .position(|c| name_key(&c.name) == key)
                {
                    Some(i) => i,
                    None => {
                        totals.campaigns.push(CampaignTotal {
                            name: row.name.clone(),
                            rows: Vec::new(),
                            results: CampaignResults::default(),
                            days: None,
                            name_column,
                        });
                        totals.campaigns.len() - 1
                    }
                };
                let total = &mut totals.campaigns[at];
                total.rows.push(*line);
                let r = row.results;
                let sum = &mut total.results;
                r.spend.inspect(|v| add_money(&mut sum.spend, *v));
                r.revenue.inspect(|v| add_money(&mut sum.revenue, *v));
                r.impressions
                    .inspect(|v| add_count(&mut sum.impressions, *v));
                r.clicks.inspect(|v| add_count(&mut sum.clicks, *v));
                r.conversions
                    .inspect(|v| add_count(&mut sum.conversions, *v));
                if let Some((first, last)) = row.days {
                    widen(&mut total.days, first, last);
                    widen(&mut totals.days, first, last);
                }
            }
            Err(mut problems) => {
                totals.bad_rows += 1;
                totals.problems.append(&mut problems);
            }
        }
    }
    totals
}

fn read_row(
    table: &CsvTable,
    mapping: &CampaignCsvMappingInput,
    name_column: u32,
    line: u32,
    cells: &[String],
) -> Result<Row, Vec<CsvRowProblemDto>> {
    let cell = |c: u32| cells.get(c as usize).map_or("", String::as_str);
    let mut problems = Vec::new();
    let mut problem = |column: u32, code: &str, message: String| {
        problems.push(row_problem(
            table,
            line,
            Some(column),
            code,
            cell(column),
            message,
        ));
    };
    let name = cell(name_column).trim().to_owned();
    if name.is_empty() {
        problem(
            name_column,
            "missing_campaign",
            format!("row {line} names no campaign"),
        );
    }
    let mut results = CampaignResults::default();
    let (mut starts, mut ends) = (None, None);
    for c in &mapping.columns {
        let raw = cell(c.column);
        if raw.is_empty() || c.field == CampaignCsvField::Name {
            continue;
        }
        if matches!(c.field, CampaignCsvField::Starts | CampaignCsvField::Ends) {
            let day = match parse_date(raw, mapping.day_first) {
                Some(CellDate::Day(d)) => d,
                Some(CellDate::At(at)) => at.date(),
                None => {
                    problem(
                        c.column,
                        "bad_date",
                        format!("row {line}: “{raw}” is not a possible date"),
                    );
                    continue;
                }
            };
            if c.field == CampaignCsvField::Starts {
                starts = Some(day);
            } else {
                ends = Some(day);
            }
            continue;
        }
        let Some(value) = parse_number(raw, mapping.decimal_comma) else {
            problem(
                c.column,
                "not_a_number",
                format!("row {line}: “{raw}” is not a number"),
            );
            continue;
        };
        if value < 0.0 || !value.is_finite() {
            problem(
                c.column,
                "negative",
                format!("row {line}: “{raw}” is below zero"),
            );
            continue;
        }
        let count = || {
            // Below 2^53 every whole number is exact in an f64.
            (value.fract() == 0.0 && value < 9_007_199_254_740_992.0).then_some(value as u64)
        };
        match c.field {
            CampaignCsvField::Spend => results.spend = Some(value),
            CampaignCsvField::Revenue => results.revenue = Some(value),
            field => match count() {
                None => problem(
                    c.column,
                    "not_a_count",
                    format!("row {line}: “{raw}” is not a whole number"),
                ),
                Some(n) if field == CampaignCsvField::Impressions => results.impressions = Some(n),
                Some(n) if field == CampaignCsvField::Clicks => results.clicks = Some(n),
                Some(n) => results.conversions = Some(n),
            },
        }
    }
    let days = match (starts, ends) {
        (Some(s), Some(e)) if e < s => {
            let column = mapping
                .columns
                .iter()
                .find(|c| c.field == CampaignCsvField::Ends)
                .map_or(name_column, |c| c.column);
            problem(
                column,
                "ends_before_start",
                format!("row {line}: the report ends on {e}, before it starts on {s}"),
            );
            None
        }
        (Some(s), Some(e)) => Some((s, e)),
        (Some(d), None) | (None, Some(d)) => Some((d, d)),
        (None, None) => None,
    };
    if problems.is_empty() {
        Ok(Row {
            name,
            results,
            days,
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::file::parse_csv;
    use crate::dto::CampaignCsvColumn;

    fn mapping(fields: &[(u32, CampaignCsvField)], decimal_comma: bool) -> CampaignCsvMappingInput {
        CampaignCsvMappingInput {
            columns: fields
                .iter()
                .map(|&(column, field)| CampaignCsvColumn { column, field })
                .collect(),
            day_first: true,
            decimal_comma,
            create_missing: false,
            channel_id: None,
            skip_bad_rows: false,
        }
    }

    #[test]
    fn rows_of_one_campaign_are_summed_whatever_its_case_and_spacing() {
        use CampaignCsvField as F;
        let table = parse_csv(
            "Hari;Nama kampanye;Biaya;Klik\n01/03/2026;Promo  Ramadan;10.000,5;3\n02/03/2026;promo ramadan;;4\n05/03/2026;Lain;1,5;\n"
                .as_bytes(),
        )
        .unwrap();
        let m = mapping(
            &[(0, F::Starts), (1, F::Name), (2, F::Spend), (3, F::Clicks)],
            true,
        );
        let t = read_rows(&table, &m, 1);
        assert_eq!(t.bad_rows, 0, "{:?}", t.problems);
        assert_eq!(t.campaigns.len(), 2);
        let promo = &t.campaigns[0];
        assert_eq!(promo.name, "Promo  Ramadan");
        assert_eq!(promo.rows, vec![2, 3]);
        assert_eq!(
            promo.results.spend,
            Some(10_000.5),
            "an empty cell adds nothing"
        );
        assert_eq!(promo.results.clicks, Some(7));
        assert_eq!(promo.results.impressions, None);
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(promo.days, Some((d("2026-03-01"), d("2026-03-02"))));
        assert_eq!(t.campaigns[1].results.clicks, None);
        assert_eq!(t.days, Some((d("2026-03-01"), d("2026-03-05"))));
    }

    #[test]
    fn every_bad_cell_of_a_row_is_named_and_the_row_adds_nothing() {
        use CampaignCsvField as F;
        let table = parse_csv(
            b"Campaign,Spend,Clicks,Start,End\nA,abc,2.5,2026-03-05,2026-03-01\n,1,1,,\nA,-4,1,2026-02-30,\n",
        )
        .unwrap();
        let m = mapping(
            &[
                (0, F::Name),
                (1, F::Spend),
                (2, F::Clicks),
                (3, F::Starts),
                (4, F::Ends),
            ],
            false,
        );
        let t = read_rows(&table, &m, 0);
        assert_eq!(t.bad_rows, 3);
        assert!(t.campaigns.is_empty());
        let got: Vec<(u32, Option<&str>, &str, &str)> = t
            .problems
            .iter()
            .map(|p| {
                (
                    p.row,
                    p.column.as_deref(),
                    p.code.as_str(),
                    p.value.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (2, Some("Spend"), "not_a_number", "abc"),
                (2, Some("Clicks"), "not_a_count", "2.5"),
                (2, Some("End"), "ends_before_start", "2026-03-01"),
                (3, Some("Campaign"), "missing_campaign", ""),
                (4, Some("Spend"), "negative", "-4"),
                (4, Some("Start"), "bad_date", "2026-02-30"),
            ]
        );
        assert!(t.problems[0].message.contains("row 2"));
    }
}
