//! `metrics import|refresh|record|show`: figures on the same engine as the app.

use jadwal_domain::Metric;
use jadwal_engine::Engine;
use jadwal_engine::dto::{CsvColumnDto, CsvMappingInput, CsvMetricColumn, RecordMetricInput};

use crate::args::MetricsCommand;
use crate::output::Output;
use crate::run::{CliError, block_on, one_channel};

pub fn run(engine: &Engine, command: MetricsCommand) -> Result<Output, CliError> {
    match command {
        MetricsCommand::Import {
            file,
            channel,
            maps,
            date_column,
            post_column,
            habits,
            skip_bad_rows,
            preview,
        } => {
            let channel_id = one_channel(engine, &channel)?;
            let mut shown = engine.csv_preview(&file, Some(channel_id))?;
            let columns = shown.columns.clone();
            let m = &mut shown.suggested;
            if !maps.is_empty() {
                m.metrics = maps
                    .iter()
                    .map(|raw| metric_column(raw, &columns))
                    .collect::<Result<_, _>>()?;
            }
            if let Some(c) = date_column {
                m.date_column = optional_column(&c, &columns)?;
            }
            if let Some(c) = post_column {
                m.post_column = optional_column(&c, &columns)?;
            }
            m.day_first = habits.day_first(m.day_first);
            m.decimal_comma = habits.decimal_comma(m.decimal_comma);
            m.skip_bad_rows = skip_bad_rows;
            if preview {
                return Ok(Output::CsvPreview(shown));
            }
            let mapping: CsvMappingInput = shown.suggested;
            Ok(Output::CsvImported(engine.csv_import(&file, &mapping)?))
        }
        MetricsCommand::Refresh { appview } => {
            if let Some(url) = appview {
                engine.set_bluesky_appview(Some(&url))?;
            }
            Ok(Output::MetricsRefreshed(block_on(
                engine.refresh_metrics(),
            )?))
        }
        MetricsCommand::Record {
            channel,
            post,
            metric,
            value,
            at,
        } => {
            let input = RecordMetricInput {
                channel_id: one_channel(engine, &channel)?,
                post_id: post,
                metric: parse_metric(&metric)?,
                value,
                at,
            };
            Ok(Output::MetricRecorded(engine.record_metric(&input)?))
        }
        MetricsCommand::Show { id, channel } => {
            let channel_id = one_channel(engine, &channel)?;
            Ok(Output::TargetMetrics(
                engine.target_metrics(id, channel_id)?,
            ))
        }
    }
}

fn parse_metric(raw: &str) -> Result<Metric, CliError> {
    raw.trim()
        .to_lowercase()
        .parse::<Metric>()
        .map_err(|e| CliError::Engine(e.into()))
}

/// A column by its header (any case) or its number from 1.
pub(crate) fn column(raw: &str, columns: &[CsvColumnDto]) -> Result<u32, CliError> {
    let raw = raw.trim();
    columns
        .iter()
        .find(|c| c.header.eq_ignore_ascii_case(raw))
        .map(|c| c.index)
        .or_else(|| {
            raw.parse::<u32>()
                .ok()
                .filter(|n| (1..=columns.len() as u32).contains(n))
                .map(|n| n - 1)
        })
        .ok_or_else(|| CliError::BadArgument(format!("the file has no column “{raw}”")))
}

fn optional_column(raw: &str, columns: &[CsvColumnDto]) -> Result<Option<u32>, CliError> {
    if raw.trim().eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        column(raw, columns).map(Some)
    }
}

/// `Tayangan=impressions`: the last `=` splits, since a header may hold one.
fn metric_column(raw: &str, columns: &[CsvColumnDto]) -> Result<CsvMetricColumn, CliError> {
    let (col, metric) = raw
        .rsplit_once('=')
        .ok_or_else(|| CliError::BadArgument(format!("--map {raw}: write it as COLUMN=METRIC")))?;
    Ok(CsvMetricColumn {
        column: column(col, columns)?,
        metric: parse_metric(metric)?,
    })
}
