//! Importing figures from a CSV exported by a network's insights page:
//! a preview with a suggested mapping, then the import of the mapping the
//! person confirmed.
//!
//! All or nothing: the rows are checked first, and a file with any bad row
//! imports nothing (each bad row is reported: its line, its column, what is
//! wrong) unless the person chose to leave the bad rows out. What is
//! imported is written in one transaction.
//!
//! A row's figures belong to the chosen channel: to the post named in the
//! post column (its link or the network's id for it, as Jadwal recorded
//! when it was published or marked as posted), or to the account when
//! there is no post column or its cell is empty. An empty figure cell is
//! no figure, not a zero. A date alone means the figure covers that day in
//! the workspace's zone; a date with a time is the figure at that time.
//! A bounce rate over 1 is read as a percentage (42.5 → 0.425).

use chrono::{DateTime, Utc};
use jadwal_domain::schedule::{day_range_utc, resolve};
use jadwal_domain::{Metric, MetricSource, TimeZoneId, WallTime};
use jadwal_store::metrics::{NewSample, PublishedTarget};
use std::path::Path;

use super::csv_mapping::suggest;
use crate::Engine;
use crate::csv::file::{CsvTable, read_csv};
use crate::csv::values::{CellDate, parse_date, parse_number};
use crate::csv::{check_columns, preview_columns, preview_rows, row_count, row_problem};
use crate::dto::{CsvImportDto, CsvMappingInput, CsvPreviewDto, CsvRowProblemDto};
use crate::error::{EngineError, Result};

impl Engine {
    /// The first rows of a CSV file, how it was read, and a suggested mapping.
    pub fn csv_preview(&self, path: &Path, channel_id: Option<i64>) -> Result<CsvPreviewDto> {
        if let Some(id) = channel_id {
            self.channel_record(&*self.store()?, id)?;
        }
        let table = read_csv(path)?;
        let suggested = suggest(&table, channel_id);
        Ok(CsvPreviewDto {
            separator: char::from(table.separator).to_string(),
            decimal_comma: suggested.decimal_comma,
            columns: preview_columns(&table),
            rows: preview_rows(&table),
            row_count: row_count(&table),
            suggested,
        })
    }

    /// Imports a CSV file with the mapping the person confirmed.
    pub fn csv_import(&self, path: &Path, mapping: &CsvMappingInput) -> Result<CsvImportDto> {
        let table = read_csv(path)?;
        let mut store = self.store()?;
        let channel_id = mapping.channel_id.ok_or_else(|| {
            EngineError::CsvMapping("pick the channel the figures belong to".into())
        })?;
        self.channel_record(&store, channel_id)?;
        check_mapping(&table, mapping)?;
        let zone = self.zone(&store)?;
        let targets: Vec<PublishedTarget> = store
            .published_targets(self.workspace_id)?
            .into_iter()
            .filter(|t| t.channel_id == channel_id)
            .collect();
        let now = self.clock.now();
        let reader = RowReader {
            table: &table,
            mapping,
            channel_id,
            zone,
            targets: &targets,
            now,
        };
        let mut samples = Vec::new();
        let mut problems = Vec::new();
        let mut bad_rows = 0_u32;
        for (line, cells) in &table.rows {
            match reader.read(*line, cells) {
                Ok(mut row) => samples.append(&mut row),
                Err(mut row_problems) => {
                    bad_rows += 1;
                    problems.append(&mut row_problems);
                }
            }
        }
        let rows = row_count(&table);
        if bad_rows > 0 && !mapping.skip_bad_rows {
            return Ok(CsvImportDto {
                imported: 0,
                rows,
                skipped: 0,
                problems,
            });
        }
        let ids = store.append_samples(&samples, now)?;
        Ok(CsvImportDto {
            imported: u32::try_from(ids.len()).unwrap_or(u32::MAX),
            rows,
            skipped: bad_rows,
            problems,
        })
    }
}

fn check_mapping(table: &CsvTable, m: &CsvMappingInput) -> Result<()> {
    if m.metrics.is_empty() {
        return Err(EngineError::CsvMapping(
            "pick at least one column that holds a figure".into(),
        ));
    }
    let all = m
        .date_column
        .iter()
        .chain(m.post_column.iter())
        .chain(m.metrics.iter().map(|c| &c.column));
    check_columns(table, all.copied())
}

struct RowReader<'a> {
    table: &'a CsvTable,
    mapping: &'a CsvMappingInput,
    channel_id: i64,
    zone: TimeZoneId,
    targets: &'a [PublishedTarget],
    now: DateTime<Utc>,
}

impl RowReader<'_> {
    /// The row's figures, or everything wrong with it.
    fn read(
        &self,
        line: u32,
        cells: &[String],
    ) -> std::result::Result<Vec<NewSample>, Vec<CsvRowProblemDto>> {
        let mut problems = Vec::new();
        let cell = |c: u32| cells.get(c as usize).map_or("", String::as_str);
        let problem = |column: Option<u32>, code: &str, value: &str, message: String| {
            row_problem(self.table, line, column, code, value, message)
        };
        let (taken_at, period_end) = match self.mapping.date_column {
            None => (self.now, None),
            Some(c) => match self.when(cell(c)) {
                Some(w) => w,
                None if cell(c).is_empty() => {
                    problems.push(problem(
                        Some(c),
                        "missing_date",
                        "",
                        format!("row {line} has no date"),
                    ));
                    (self.now, None)
                }
                None => {
                    problems.push(problem(
                        Some(c),
                        "bad_date",
                        cell(c),
                        format!("row {line}: “{}” is not a possible date", cell(c)),
                    ));
                    (self.now, None)
                }
            },
        };
        let post_id = match self.mapping.post_column {
            Some(c) if !cell(c).is_empty() => match find_target(self.targets, cell(c)) {
                Some(t) => Some(t.post_id),
                None => {
                    problems.push(problem(
                        Some(c),
                        "unknown_post",
                        cell(c),
                        format!(
                            "row {line}: no post published on this channel has the link or id “{}”",
                            cell(c)
                        ),
                    ));
                    None
                }
            },
            _ => None,
        };
        let mut samples = Vec::new();
        for mc in &self.mapping.metrics {
            let raw = cell(mc.column);
            if raw.is_empty() {
                continue;
            }
            let Some(mut value) = parse_number(raw, self.mapping.decimal_comma) else {
                problems.push(problem(
                    Some(mc.column),
                    "not_a_number",
                    raw,
                    format!("row {line}: “{raw}” is not a number"),
                ));
                continue;
            };
            if mc.metric == Metric::BounceRate && value > 1.0 && !raw.contains('%') {
                value /= 100.0;
            }
            if let Err(e) = mc.metric.check(value) {
                problems.push(problem(
                    Some(mc.column),
                    "impossible_value",
                    raw,
                    format!("row {line}: {e}"),
                ));
                continue;
            }
            samples.push(NewSample {
                channel_id: self.channel_id,
                post_id,
                metric: mc.metric,
                value,
                source: MetricSource::Csv,
                taken_at,
                period_end,
            });
        }
        if problems.is_empty() {
            Ok(samples)
        } else {
            Err(problems)
        }
    }

    /// The instant (and period end, for a day) a date cell stands for.
    fn when(&self, raw: &str) -> Option<(DateTime<Utc>, Option<DateTime<Utc>>)> {
        match parse_date(raw, self.mapping.day_first)? {
            CellDate::Day(day) => {
                let (start, end) = day_range_utc(day, day.succ_opt()?, self.zone).ok()?;
                Some((start, Some(end)))
            }
            CellDate::At(at) => {
                let wall = WallTime::new(at.date(), at.time()).ok()?;
                Some((resolve(wall, self.zone).utc, None))
            }
        }
    }
}

/// The published target a cell names: by its link (scheme, `www.`, query
/// and a final `/` aside), by the network's id, or by the last part of
/// either (a Bluesky record key, an Instagram shortcode).
fn find_target<'a>(targets: &'a [PublishedTarget], cell: &str) -> Option<&'a PublishedTarget> {
    let wanted = normal_link(cell);
    let last = |s: &str| -> String {
        normal_link(s)
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    targets
        .iter()
        .find(|t| {
            (!t.url.is_empty() && normal_link(&t.url) == wanted) || t.remote_id == cell.trim()
        })
        .or_else(|| {
            targets.iter().find(|t| {
                (!t.url.is_empty() && last(&t.url) == wanted) || last(&t.remote_id) == wanted
            })
        })
}

fn normal_link(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s.split(['?', '#']).next().unwrap_or_default();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let s = s.strip_prefix("www.").unwrap_or(s);
    s.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(post_id: i64, remote_id: &str, url: &str) -> PublishedTarget {
        PublishedTarget {
            post_id,
            channel_id: 1,
            remote_id: remote_id.into(),
            url: url.into(),
            published_at: DateTime::UNIX_EPOCH,
            last_fetched_at: None,
        }
    }

    #[test]
    fn a_post_is_found_by_its_link_id_or_last_part() {
        let targets = [
            target(1, "by_hand", "https://www.instagram.com/p/CxYz123/"),
            target(
                2,
                "at://did:plc:x/app.bsky.feed.post/3kabc",
                "https://bsky.app/profile/x/post/3kabc",
            ),
            target(3, "109876", "https://mastodon.social/@toko/109876"),
        ];
        let id = |cell| find_target(&targets, cell).map(|t| t.post_id);
        assert_eq!(id("http://instagram.com/p/CxYz123?igsh=1"), Some(1));
        assert_eq!(id("CxYz123"), Some(1));
        assert_eq!(id("at://did:plc:x/app.bsky.feed.post/3kabc"), Some(2));
        assert_eq!(id("3kabc"), Some(2));
        assert_eq!(id("109876"), Some(3));
        assert_eq!(id("999"), None);
        assert_eq!(id("https://www.instagram.com/p/other/"), None);
    }
}
