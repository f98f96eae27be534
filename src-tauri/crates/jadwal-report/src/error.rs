use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReportError {
    /// The bundled font could not be read; only a broken build gets here.
    #[error("the report's font could not be loaded")]
    Font,
    /// A chart could not be drawn or read back.
    #[error("a chart could not be drawn: {0}")]
    Chart(String),
    /// The PDF writer refused the document.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the CSV could not be written: {0}")]
    Csv(#[from] csv::Error),
}
