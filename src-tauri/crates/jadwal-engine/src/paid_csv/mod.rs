//! Importing campaign results from an ad manager's CSV export (Meta Ads
//! Manager, TikTok, Google Ads and the like): a preview with a suggested
//! mapping and what the import would do, then the import of the mapping the
//! person confirmed.
//!
//! Rows are matched to the workspace's campaigns by name, case and spacing
//! aside; several rows of one campaign are summed. The sums replace the
//! campaign's results where the file gives them (a result the file has no
//! column or no figure for is kept). A campaign Jadwal does not know is
//! left out, or created when the person asks (budget = spend, period from
//! its rows or else the file's reporting dates, the channel chosen once).
//! All or nothing: a file with a bad row imports nothing unless the person
//! leaves the bad rows out, and what is imported is one transaction.

mod mapping;
mod rows;

use jadwal_domain::validate;
use jadwal_store::Store;
use jadwal_store::campaign_results::CampaignResults;
use jadwal_store::campaigns::{CampaignRecord, CampaignWrite};
use std::path::Path;

use crate::Engine;
use crate::csv::file::{CsvTable, read_csv};
use crate::csv::{check_columns, preview_columns, preview_rows, row_count, row_problem};
use crate::dto::{
    CampaignCsvField, CampaignCsvLeftOutDto, CampaignCsvMappingInput, CampaignCsvPlanDto,
    CampaignCsvPreviewDto, CampaignCsvUpdateDto,
};
use crate::error::{EngineError, Result};
use crate::paid::results_dto;
use rows::{CampaignTotal, FileTotals, name_key, read_rows};

/// What an import writes, beside what it shows.
struct Plan {
    shown: CampaignCsvPlanDto,
    updates: Vec<(i64, CampaignResults)>,
    new: Vec<CampaignWrite>,
}

impl Engine {
    /// The first rows of an ad manager's export, a suggested mapping, and
    /// what importing with it would do (nothing is written).
    pub fn campaign_csv_preview(&self, path: &Path) -> Result<CampaignCsvPreviewDto> {
        let table = read_csv(path)?;
        let suggested = mapping::suggest(&table);
        let store = self.store()?;
        let plan = match self.plan(&store, &table, &suggested) {
            Ok(plan) => plan.shown,
            // A file whose columns could not all be guessed still previews;
            // the person picks the rest.
            Err(EngineError::CsvMapping(_)) => CampaignCsvPlanDto {
                applied: false,
                rows: row_count(&table),
                updates: Vec::new(),
                left_out: Vec::new(),
                bad_rows: 0,
                problems: Vec::new(),
            },
            Err(e) => return Err(e),
        };
        Ok(CampaignCsvPreviewDto {
            separator: char::from(table.separator).to_string(),
            columns: preview_columns(&table),
            rows: preview_rows(&table),
            row_count: row_count(&table),
            suggested,
            plan,
        })
    }

    /// What importing with `mapping` would do; nothing is written.
    pub fn campaign_csv_check(
        &self,
        path: &Path,
        mapping: &CampaignCsvMappingInput,
    ) -> Result<CampaignCsvPlanDto> {
        let table = read_csv(path)?;
        let store = self.store()?;
        Ok(self.plan(&store, &table, mapping)?.shown)
    }

    /// Imports the results with the mapping the person confirmed: all of it
    /// in one transaction, or nothing when a row is bad and the person did
    /// not choose to leave bad rows out.
    pub fn campaign_csv_import(
        &self,
        path: &Path,
        mapping: &CampaignCsvMappingInput,
    ) -> Result<CampaignCsvPlanDto> {
        let table = read_csv(path)?;
        let mut store = self.store()?;
        let Plan {
            mut shown,
            updates,
            new,
        } = self.plan(&store, &table, mapping)?;
        if shown.bad_rows > 0 && !mapping.skip_bad_rows {
            return Ok(shown);
        }
        let ids =
            store.import_campaign_results(self.workspace_id, &updates, &new, self.clock.now())?;
        let mut ids = ids.into_iter();
        for u in shown.updates.iter_mut().filter(|u| u.created) {
            u.campaign_id = ids.next();
        }
        shown.applied = true;
        Ok(shown)
    }

    fn plan(
        &self,
        store: &Store,
        table: &CsvTable,
        mapping: &CampaignCsvMappingInput,
    ) -> Result<Plan> {
        let name_column = check_mapping(table, mapping)?;
        if mapping.create_missing
            && let Some(channel) = mapping.channel_id
        {
            self.channel_record(store, channel)?;
        }
        let totals = read_rows(table, mapping, name_column);
        let known = store.campaigns(self.workspace_id)?;
        let mapped = |f: CampaignCsvField| mapping.columns.iter().any(|c| c.field == f);
        let mut plan = Plan {
            shown: CampaignCsvPlanDto {
                applied: false,
                rows: row_count(table),
                updates: Vec::new(),
                left_out: Vec::new(),
                bad_rows: totals.bad_rows,
                problems: totals.problems.clone(),
            },
            updates: Vec::new(),
            new: Vec::new(),
        };
        for total in &totals.campaigns {
            let key = name_key(&total.name);
            let same: Vec<&CampaignRecord> = known
                .iter()
                .filter(|c| name_key(&c.campaign.name) == key)
                .collect();
            match same.as_slice() {
                [one] => {
                    let c = &one.campaign;
                    let before = c.results();
                    let after = replaced(before, total.results, &mapped);
                    plan.shown.updates.push(CampaignCsvUpdateDto {
                        campaign_id: Some(one.id),
                        name: c.name.clone(),
                        created: false,
                        rows: total.rows.clone(),
                        before: Some(results_dto(before)),
                        after: results_dto(after),
                        starts: c.starts.to_string(),
                        ends: c.ends.to_string(),
                        budget: c.budget,
                    });
                    plan.updates.push((one.id, after));
                }
                [] if mapping.create_missing => {
                    let write = new_campaign(total, &totals, mapping)?;
                    plan.shown.updates.push(CampaignCsvUpdateDto {
                        campaign_id: None,
                        name: write.name.clone(),
                        created: true,
                        rows: total.rows.clone(),
                        before: None,
                        after: results_dto(total.results),
                        starts: write.starts.to_string(),
                        ends: write.ends.to_string(),
                        budget: write.budget,
                    });
                    plan.new.push(write);
                }
                [] => plan.shown.left_out.push(CampaignCsvLeftOutDto {
                    name: total.name.clone(),
                    rows: total.rows.clone(),
                }),
                _ => {
                    // Two campaigns share the name: which one is meant is
                    // the person's to say, by renaming one.
                    plan.shown.bad_rows += u32::try_from(total.rows.len()).unwrap_or(u32::MAX);
                    for &line in &total.rows {
                        plan.shown.problems.push(row_problem(
                            table,
                            line,
                            Some(total.name_column),
                            "two_campaigns",
                            &total.name,
                            format!(
                                "row {line}: more than one campaign is named “{}”",
                                total.name
                            ),
                        ));
                    }
                }
            }
        }
        plan.shown.problems.sort_by_key(|p| p.row);
        Ok(plan)
    }
}

/// The column that names the campaign, once the mapping is found sound.
fn check_mapping(table: &CsvTable, m: &CampaignCsvMappingInput) -> Result<u32> {
    check_columns(table, m.columns.iter().map(|c| c.column))?;
    let of = |f: CampaignCsvField| m.columns.iter().filter(|c| c.field == f).count();
    let name = m
        .columns
        .iter()
        .find(|c| c.field == CampaignCsvField::Name)
        .map(|c| c.column)
        .ok_or_else(|| EngineError::CsvMapping("pick the column that names the campaign".into()))?;
    let results = [
        CampaignCsvField::Spend,
        CampaignCsvField::Impressions,
        CampaignCsvField::Clicks,
        CampaignCsvField::Conversions,
        CampaignCsvField::Revenue,
    ];
    if results.iter().all(|f| of(*f) == 0) {
        return Err(EngineError::CsvMapping(
            "pick at least one column that holds a result".into(),
        ));
    }
    let all = results.iter().chain(&[
        CampaignCsvField::Name,
        CampaignCsvField::Starts,
        CampaignCsvField::Ends,
    ]);
    if let Some(twice) = all.into_iter().find(|f| of(**f) > 1) {
        return Err(EngineError::CsvMapping(format!(
            "two columns are given the meaning “{}”",
            field_name(*twice)
        )));
    }
    Ok(name)
}

fn field_name(f: CampaignCsvField) -> &'static str {
    match f {
        CampaignCsvField::Name => "campaign name",
        CampaignCsvField::Spend => "spend",
        CampaignCsvField::Impressions => "impressions",
        CampaignCsvField::Clicks => "clicks",
        CampaignCsvField::Conversions => "conversions",
        CampaignCsvField::Revenue => "revenue",
        CampaignCsvField::Starts => "reporting starts",
        CampaignCsvField::Ends => "reporting ends",
    }
}

/// `before` with each result the file has a column and a figure for
/// replaced by the file's sum.
fn replaced(
    before: CampaignResults,
    file: CampaignResults,
    mapped: &dyn Fn(CampaignCsvField) -> bool,
) -> CampaignResults {
    fn pick<T>(old: Option<T>, new: Option<T>, mapped: bool) -> Option<T> {
        if mapped { new.or(old) } else { old }
    }
    CampaignResults {
        spend: pick(before.spend, file.spend, mapped(CampaignCsvField::Spend)),
        impressions: pick(
            before.impressions,
            file.impressions,
            mapped(CampaignCsvField::Impressions),
        ),
        clicks: pick(before.clicks, file.clicks, mapped(CampaignCsvField::Clicks)),
        conversions: pick(
            before.conversions,
            file.conversions,
            mapped(CampaignCsvField::Conversions),
        ),
        revenue: pick(
            before.revenue,
            file.revenue,
            mapped(CampaignCsvField::Revenue),
        ),
    }
}

/// A campaign for a name Jadwal does not know: its budget is what it spent,
/// its period the days its rows report on, or else the file's.
fn new_campaign(
    total: &CampaignTotal,
    totals: &FileTotals,
    mapping: &CampaignCsvMappingInput,
) -> Result<CampaignWrite> {
    let (starts, ends) = total.days.or(totals.days).ok_or_else(|| {
        EngineError::CsvMapping(
            "to add new campaigns, pick the columns with the reporting dates".into(),
        )
    })?;
    let r = total.results;
    Ok(CampaignWrite {
        name: validate::name(&total.name, "campaign")?,
        channel_id: mapping.channel_id,
        starts,
        ends,
        budget: r.spend.unwrap_or(0.0),
        spend: r.spend,
        impressions: r.impressions,
        clicks: r.clicks,
        conversions: r.conversions,
        revenue: r.revenue,
        post_ids: Vec::new(),
    })
}
