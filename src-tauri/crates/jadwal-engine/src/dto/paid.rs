//! Paid boosts, ads and influencer partners as the "Paid and partners"
//! dialog, the dashboard and the report see them. Dates cross as
//! `YYYY-MM-DD` (both ends included); money is in the workspace's currency;
//! a `null` figure is not known (not typed in), which is not zero.

use jadwal_domain::Network;
use jadwal_domain::insights::KpiFigure;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the dialog lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaidDto {
    pub campaigns: Vec<CampaignDto>,
    pub partners: Vec<PartnerDto>,
    pub collaborations: Vec<CollaborationDto>,
}

/// A campaign with its cost per click, cost per thousand impressions and
/// return on ad spend (in that order), each with its formula; a figure whose
/// inputs are unknown or whose denominator is zero is `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    pub starts: String,
    pub ends: String,
    pub budget: f64,
    /// In the JSON its results sit beside the fields above, not nested.
    #[serde(flatten)]
    #[ts(flatten)]
    pub results: CampaignResultsDto,
    #[ts(type = "Array<number>")]
    pub post_ids: Vec<i64>,
    pub kpis: Vec<KpiFigure>,
}

/// A campaign's results; `null` is not known. A campaign carries them
/// flattened; a CSV import shows them before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignResultsDto {
    pub spend: Option<f64>,
    #[ts(type = "number | null")]
    pub impressions: Option<u64>,
    #[ts(type = "number | null")]
    pub clicks: Option<u64>,
    #[ts(type = "number | null")]
    pub conversions: Option<u64>,
    pub revenue: Option<f64>,
}

/// A campaign as typed. Counts are signed so a negative one is refused with
/// a message that repeats it, rather than failing to arrive at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignInput {
    pub name: String,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    pub starts: String,
    pub ends: String,
    pub budget: f64,
    pub spend: Option<f64>,
    #[ts(type = "number | null")]
    pub impressions: Option<i64>,
    #[ts(type = "number | null")]
    pub clicks: Option<i64>,
    #[ts(type = "number | null")]
    pub conversions: Option<i64>,
    pub revenue: Option<f64>,
    #[ts(type = "Array<number>")]
    pub post_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub network: Network,
    pub handle: String,
    #[ts(type = "number | null")]
    pub audience: Option<u64>,
    /// Percent.
    pub engagement_rate: Option<f64>,
    pub rate: Option<f64>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerInput {
    pub name: String,
    pub network: Network,
    pub handle: String,
    #[ts(type = "number | null")]
    pub audience: Option<i64>,
    pub engagement_rate: Option<f64>,
    pub rate: Option<f64>,
    pub notes: String,
}

/// A partner's work on a campaign, with its cost per click and return on
/// spend worked out from its cost (the partner's fee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CollaborationDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub partner_id: i64,
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "number | null")]
    pub reach: Option<u64>,
    #[ts(type = "number | null")]
    pub clicks: Option<u64>,
    #[ts(type = "number | null")]
    pub conversions: Option<u64>,
    pub revenue: Option<f64>,
    pub cost: Option<f64>,
    #[ts(type = "Array<number>")]
    pub post_ids: Vec<i64>,
    pub kpis: Vec<KpiFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CollaborationInput {
    #[ts(type = "number")]
    pub partner_id: i64,
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "number | null")]
    pub reach: Option<i64>,
    #[ts(type = "number | null")]
    pub clicks: Option<i64>,
    #[ts(type = "number | null")]
    pub conversions: Option<i64>,
    pub revenue: Option<f64>,
    pub cost: Option<f64>,
    #[ts(type = "Array<number>")]
    pub post_ids: Vec<i64>,
}
