//! Importing campaign results from an ad manager's CSV export: a preview
//! with a suggested mapping and what the import would do, then the import
//! of the mapping the person confirmed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{CampaignResultsDto, CsvColumnDto, CsvRowProblemDto};

/// What a column of an ad manager's export means for a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CampaignCsvField {
    /// The campaign's name, matched to Jadwal's campaigns.
    Name,
    Spend,
    Impressions,
    Clicks,
    Conversions,
    Revenue,
    /// The first day the row reports on ("Reporting starts").
    Starts,
    /// The last day the row reports on ("Reporting ends").
    Ends,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCsvColumn {
    pub column: u32,
    pub field: CampaignCsvField,
}

/// Which column means what, and what to do with campaigns Jadwal does not
/// know, as the person confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCsvMappingInput {
    pub columns: Vec<CampaignCsvColumn>,
    /// Dates such as 03/04/2026: day first when true, month first when false.
    pub day_first: bool,
    /// Whether numbers use a decimal comma (`1.234,5`).
    pub decimal_comma: bool,
    /// Rows naming a campaign Jadwal does not know become new campaigns
    /// (budget = spend, period from the rows); when false they are left out.
    pub create_missing: bool,
    /// The channel new campaigns ran on.
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    /// Import the good rows and leave the bad ones out; when false, one bad
    /// row means nothing is imported.
    pub skip_bad_rows: bool,
}

/// One campaign the import writes: an existing one whose results are
/// replaced (`before` → `after`), or a new one (`campaignId` is null in a
/// preview; `before` is null).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCsvUpdateDto {
    #[ts(type = "number | null")]
    pub campaign_id: Option<i64>,
    /// The campaign's name in Jadwal, or as the file writes it for a new one.
    pub name: String,
    pub created: bool,
    /// The file's rows (as a spreadsheet numbers them) summed into it.
    pub rows: Vec<u32>,
    pub before: Option<CampaignResultsDto>,
    pub after: CampaignResultsDto,
    /// The period (`YYYY-MM-DD`); a new campaign's comes from its rows.
    pub starts: String,
    pub ends: String,
    pub budget: f64,
}

/// A campaign the file names that Jadwal does not know, left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCsvLeftOutDto {
    pub name: String,
    pub rows: Vec<u32>,
}

/// What the import does (preview) or did: per campaign, the rows summed and
/// the results before and after; the campaigns left out; a message per bad
/// row. `applied` is false in a preview and when bad rows stopped the import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCsvPlanDto {
    pub applied: bool,
    /// Data rows read.
    pub rows: u32,
    pub updates: Vec<CampaignCsvUpdateDto>,
    pub left_out: Vec<CampaignCsvLeftOutDto>,
    /// Rows with a problem; left out only with `skipBadRows`.
    pub bad_rows: u32,
    pub problems: Vec<CsvRowProblemDto>,
}

/// The first rows of an ad manager's export, how Jadwal read it, the
/// mapping it suggests and what importing with that mapping would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignCsvPreviewDto {
    /// `,` or `;`.
    pub separator: String,
    pub columns: Vec<CsvColumnDto>,
    /// Up to the first 20 data rows, as text.
    pub rows: Vec<Vec<String>>,
    pub row_count: u32,
    pub suggested: CampaignCsvMappingInput,
    pub plan: CampaignCsvPlanDto,
}
