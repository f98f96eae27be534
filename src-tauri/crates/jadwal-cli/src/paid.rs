//! `paid import`: campaign results from an ad manager's CSV export, on the
//! same engine as the app.

use jadwal_engine::Engine;
use jadwal_engine::dto::{CampaignCsvColumn, CampaignCsvField, CsvColumnDto};

use crate::args::PaidCommand;
use crate::metrics::column;
use crate::output::Output;
use crate::run::{CliError, one_channel};

pub fn run(engine: &Engine, command: PaidCommand) -> Result<Output, CliError> {
    let PaidCommand::Import {
        file,
        maps,
        create_missing,
        channel,
        habits,
        skip_bad_rows,
        preview,
    } = command;
    let mut shown = engine.campaign_csv_preview(&file)?;
    let columns = shown.columns.clone();
    let m = &mut shown.suggested;
    if !maps.is_empty() {
        m.columns = maps
            .iter()
            .map(|raw| field_column(raw, &columns))
            .collect::<Result<_, _>>()?;
    }
    m.day_first = habits.day_first(m.day_first);
    m.decimal_comma = habits.decimal_comma(m.decimal_comma);
    m.create_missing = create_missing;
    m.channel_id = channel.map(|c| one_channel(engine, &c)).transpose()?;
    m.skip_bad_rows = skip_bad_rows;
    let mapping = shown.suggested.clone();
    if preview {
        // What this mapping (with the options given) would do.
        shown.plan = engine.campaign_csv_check(&file, &mapping)?;
        return Ok(Output::CampaignCsvPreview(shown));
    }
    Ok(Output::CampaignCsvImported(
        engine.campaign_csv_import(&file, &mapping)?,
    ))
}

/// `Hasil=conversions`: the last `=` splits, since a header may hold one.
fn field_column(raw: &str, columns: &[CsvColumnDto]) -> Result<CampaignCsvColumn, CliError> {
    let (col, field) = raw
        .rsplit_once('=')
        .ok_or_else(|| CliError::BadArgument(format!("--map {raw}: write it as COLUMN=FIELD")))?;
    // The same names the app's files and `--json` use.
    let field: CampaignCsvField =
        serde_json::from_value(serde_json::Value::String(field.trim().to_lowercase())).map_err(
            |_| {
                CliError::BadArgument(format!(
                    "--map {raw}: “{field}” is none of name, spend, impressions, clicks, conversions, revenue, starts, ends"
                ))
            },
        )?;
    Ok(CampaignCsvColumn {
        column: column(col, columns)?,
        field,
    })
}
