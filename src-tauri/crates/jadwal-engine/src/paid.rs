//! Paid boosts and ads: campaigns checked by the domain's rules, kept in the
//! store, and returned with their CPC, CPM and ROAS worked out by the same
//! formulas the dashboard uses.

use chrono::NaiveDate;
use jadwal_domain::insights::KpiFigure;
use jadwal_domain::kpi::{Figures, Kpi};
use jadwal_domain::paid as rules;
use jadwal_domain::schedule::parse_date;
use jadwal_domain::strategy::period;
use jadwal_domain::validate;
use jadwal_store::Store;
use jadwal_store::campaign_results::CampaignResults;
use jadwal_store::campaigns::{CampaignRecord, CampaignWrite};

use crate::Engine;
use crate::dto::{CampaignDto, CampaignInput, CampaignResultsDto, PaidDto};
use crate::error::Result;
use crate::insights::report_days;

/// The figures a campaign is judged by, in the order they are shown.
pub(crate) const CAMPAIGN_KPIS: [Kpi; 3] =
    [Kpi::CostPerClick, Kpi::CostPerMille, Kpi::ReturnOnAdSpend];

impl Engine {
    /// Campaigns, partners and collaborations, for the "Paid and partners"
    /// dialog.
    pub fn paid(&self) -> Result<PaidDto> {
        let store = self.store()?;
        let ws = self.workspace_id;
        Ok(PaidDto {
            campaigns: store.campaigns(ws)?.into_iter().map(campaign_dto).collect(),
            partners: crate::partners::partner_dtos(&store, ws)?,
            collaborations: crate::partners::collaboration_dtos(&store, ws)?,
        })
    }

    /// The campaigns that ran on at least one day of `first..=last`
    /// (`YYYY-MM-DD`, both included), earliest first, each with its CPC,
    /// CPM and ROAS: what the dashboard and the report show of paid work.
    pub fn campaigns_in_range(&self, first: &str, last: &str) -> Result<Vec<CampaignDto>> {
        let (first, last) = report_days(first, last)?;
        let store = self.store()?;
        campaigns_in_range(&store, self.workspace_id, first, last)
    }

    pub fn create_campaign(&self, input: &CampaignInput) -> Result<CampaignDto> {
        let mut store = self.store()?;
        let write = self.campaign_write(&store, input)?;
        let id = store.insert_campaign(self.workspace_id, &write, self.clock.now())?;
        Ok(campaign_dto(store.campaign(id)?))
    }

    pub fn update_campaign(&self, id: i64, input: &CampaignInput) -> Result<CampaignDto> {
        let mut store = self.store()?;
        self.own_campaign(&store, id)?;
        let write = self.campaign_write(&store, input)?;
        store.update_campaign(id, &write)?;
        Ok(campaign_dto(store.campaign(id)?))
    }

    /// Removes the campaign and the collaborations linked to it.
    pub fn delete_campaign(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_campaign(&store, id)?;
        Ok(store.delete_campaign(id)?)
    }

    pub(crate) fn own_campaign(&self, store: &Store, id: i64) -> Result<CampaignRecord> {
        let c = store.campaign(id)?;
        self.own(c.workspace_id, "campaign", id)?;
        Ok(c)
    }

    /// The posts, checked to be this workspace's, without repeats.
    pub(crate) fn own_posts(&self, store: &Store, post_ids: &[i64]) -> Result<Vec<i64>> {
        let mut ids = post_ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        for id in &ids {
            self.own_post(store, *id)?;
        }
        Ok(ids)
    }

    fn campaign_write(&self, store: &Store, input: &CampaignInput) -> Result<CampaignWrite> {
        let name = validate::name(&input.name, "campaign")?;
        let (starts, ends) = period(parse_date(&input.starts)?, parse_date(&input.ends)?)?;
        if let Some(channel) = input.channel_id {
            self.channel_record(store, channel)?;
        }
        Ok(CampaignWrite {
            name,
            channel_id: input.channel_id,
            starts,
            ends,
            budget: rules::money(input.budget, "budget")?,
            spend: rules::optional_money(input.spend, "spend")?,
            impressions: rules::optional_count(input.impressions, "impressions")?,
            clicks: rules::optional_count(input.clicks, "clicks")?,
            conversions: rules::optional_count(input.conversions, "conversions")?,
            revenue: rules::optional_money(input.revenue, "revenue")?,
            post_ids: self.own_posts(store, &input.post_ids)?,
        })
    }
}

/// The workspace's campaigns that overlap `first..=last`, with their figures;
/// for code that already holds the store (the report).
pub(crate) fn campaigns_in_range(
    store: &Store,
    workspace_id: i64,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<CampaignDto>> {
    Ok(store
        .campaigns_overlapping(workspace_id, first, last)?
        .into_iter()
        .map(campaign_dto)
        .collect())
}

/// Each KPI in `kpis` worked out from `figures`, with its formula.
pub(crate) fn kpi_figures(kpis: &[Kpi], figures: &Figures) -> Vec<KpiFigure> {
    kpis.iter()
        .map(|k| KpiFigure {
            kpi: k.as_str().to_owned(),
            formula: k.formula().to_owned(),
            value: k.compute(figures),
        })
        .collect()
}

fn campaign_dto(r: CampaignRecord) -> CampaignDto {
    let c = r.campaign;
    let results = results_dto(c.results());
    let figures = Figures {
        impressions: c.impressions,
        clicks: c.clicks,
        conversions: c.conversions,
        spend: c.spend,
        revenue: c.revenue,
        ..Figures::default()
    };
    CampaignDto {
        id: r.id,
        name: c.name,
        channel_id: c.channel_id,
        starts: c.starts.to_string(),
        ends: c.ends.to_string(),
        budget: c.budget,
        results,
        post_ids: c.post_ids,
        kpis: kpi_figures(&CAMPAIGN_KPIS, &figures),
    }
}

/// A campaign's results as the window and the CLI see them.
pub(crate) fn results_dto(r: CampaignResults) -> CampaignResultsDto {
    CampaignResultsDto {
        spend: r.spend,
        impressions: r.impressions,
        clicks: r.clicks,
        conversions: r.conversions,
        revenue: r.revenue,
    }
}
