//! `auto-reports show` and `auto-reports set`: the automatic-report choices
//! the app's Settings shows, through the same engine calls.

use jadwal_engine::Engine;
use jadwal_engine::host::system_language;
use jadwal_engine::report::ReportFormat;

use crate::args::{AutoReportChoices, AutoReportsCommand};
use crate::output::Output;
use crate::run::CliError;

pub fn run(engine: &Engine, command: AutoReportsCommand) -> Result<Output, CliError> {
    // Until a language is picked for the reports, they follow the app's,
    // which starts as the computer's.
    let language = system_language();
    let shown = match command {
        AutoReportsCommand::Show => engine.auto_reports(language)?,
        AutoReportsCommand::Set(choices) => {
            let mut settings = engine.auto_reports(language)?.settings;
            apply(&mut settings, choices)?;
            // The engine refuses a folder that is not there, or turning on
            // with nothing to write, and then keeps the choices as they were.
            engine.set_auto_reports(&settings, language)?
        }
    };
    Ok(Output::AutoReports(shown))
}

/// The choices given, over the ones saved.
fn apply(
    settings: &mut jadwal_engine::dto::AutoReportSettings,
    choices: AutoReportChoices,
) -> Result<(), CliError> {
    if choices.on || choices.off {
        settings.enabled = choices.on;
    }
    if let Some(folder) = choices.folder {
        // Saved whole, so the app (started elsewhere) finds the same folder.
        let whole = std::path::absolute(&folder)
            .map_err(|e| CliError::BadArgument(format!("--folder {}: {e}", folder.display())))?;
        settings.folder = Some(whole.display().to_string());
    }
    settings.weekly = choices.weekly.unwrap_or(settings.weekly);
    settings.monthly = choices.monthly.unwrap_or(settings.monthly);
    settings.language = choices.language.unwrap_or(settings.language);
    let has = |f| settings.formats.contains(&f);
    let pdf = choices.pdf.unwrap_or(has(ReportFormat::Pdf));
    let csv = choices.csv.unwrap_or(has(ReportFormat::Csv));
    settings.formats = [(pdf, ReportFormat::Pdf), (csv, ReportFormat::Csv)]
        .into_iter()
        .filter_map(|(wanted, format)| wanted.then_some(format))
        .collect();
    Ok(())
}
