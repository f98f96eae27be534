//! Paid boosts and ads: a campaign's period, channel, budget, spend, the
//! results typed in for it and the posts it boosted.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use crate::linked_posts::PostLinks;
use crate::rows::{id_list, parse_text, to_unix};
use crate::{Result, Store};

/// Everything a save writes. A `None` figure is not known (not typed in).
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignWrite {
    pub name: String,
    pub channel_id: Option<i64>,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub budget: f64,
    pub spend: Option<f64>,
    pub impressions: Option<u64>,
    pub clicks: Option<u64>,
    pub conversions: Option<u64>,
    pub revenue: Option<f64>,
    pub post_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub campaign: CampaignWrite,
}

const SELECT: &str = "
    SELECT c.id, c.workspace_id, c.name, c.channel_id, c.starts_on, c.ends_on, c.budget,
           c.spend, c.impressions, c.clicks, c.conversions, c.revenue,
           (SELECT group_concat(cp.post_id) FROM campaign_post cp
              JOIN post p ON p.id = cp.post_id AND p.deleted_at IS NULL
             WHERE cp.campaign_id = c.id)
      FROM campaign c";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<CampaignRecord> {
    let starts: String = row.get(4)?;
    let ends: String = row.get(5)?;
    let mut post_ids = id_list(row.get(12)?);
    post_ids.sort_unstable();
    Ok(CampaignRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        campaign: CampaignWrite {
            name: row.get(2)?,
            channel_id: row.get(3)?,
            starts: parse_text(&starts, 4)?,
            ends: parse_text(&ends, 5)?,
            budget: row.get(6)?,
            spend: row.get(7)?,
            impressions: row.get(8)?,
            clicks: row.get(9)?,
            conversions: row.get(10)?,
            revenue: row.get(11)?,
            post_ids,
        },
    })
}

/// Where a campaign's posts are linked.
pub(crate) const CAMPAIGN_POSTS: PostLinks = PostLinks {
    what: "campaign",
    table: "campaign_post",
    owner: "campaign_id",
};

/// Adds a campaign and its posts inside `tx`.
pub(crate) fn insert_row(
    tx: &Transaction<'_>,
    workspace_id: i64,
    c: &CampaignWrite,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    let id = insert_campaign_row(tx, workspace_id, c, now)?;
    CAMPAIGN_POSTS.replace(tx, id, &c.post_ids)?;
    Ok(id)
}

/// Adds a campaign's own row inside `tx`; its posts are linked apart.
fn insert_campaign_row(
    tx: &Transaction<'_>,
    workspace_id: i64,
    c: &CampaignWrite,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO campaign (workspace_id, name, channel_id, starts_on, ends_on, budget,
                               spend, impressions, clicks, conversions, revenue, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            workspace_id,
            c.name,
            c.channel_id,
            c.starts.to_string(),
            c.ends.to_string(),
            c.budget,
            c.spend,
            c.impressions,
            c.clicks,
            c.conversions,
            c.revenue,
            to_unix(now)
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// The workspace's campaigns, the earliest first.
    pub fn campaigns(&self, workspace_id: i64) -> Result<Vec<CampaignRecord>> {
        self.query_all(
            &format!("{SELECT} WHERE c.workspace_id = ?1 ORDER BY c.starts_on, c.id"),
            [workspace_id],
            read,
        )
    }

    /// Campaigns that ran on at least one day of `from..=to`.
    pub fn campaigns_overlapping(
        &self,
        workspace_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CampaignRecord>> {
        self.query_all(
            &format!(
                "{SELECT} WHERE c.workspace_id = ?1 AND c.starts_on <= ?3 AND c.ends_on >= ?2
                 ORDER BY c.starts_on, c.id"
            ),
            params![workspace_id, from.to_string(), to.to_string()],
            read,
        )
    }

    pub fn campaign(&self, id: i64) -> Result<CampaignRecord> {
        self.query_one(&format!("{SELECT} WHERE c.id = ?1"), id, "campaign", read)
    }

    pub fn insert_campaign(
        &mut self,
        workspace_id: i64,
        c: &CampaignWrite,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.insert_with_posts(&CAMPAIGN_POSTS, &c.post_ids, |tx| {
            insert_campaign_row(tx, workspace_id, c, now)
        })
    }

    pub fn update_campaign(&mut self, id: i64, c: &CampaignWrite) -> Result<()> {
        self.update_with_posts(
            &CAMPAIGN_POSTS,
            id,
            "UPDATE campaign SET name = ?1, channel_id = ?2, starts_on = ?3, ends_on = ?4,
                                 budget = ?5, spend = ?6, impressions = ?7, clicks = ?8,
                                 conversions = ?9, revenue = ?10
             WHERE id = ?11",
            params![
                c.name,
                c.channel_id,
                c.starts.to_string(),
                c.ends.to_string(),
                c.budget,
                c.spend,
                c.impressions,
                c.clicks,
                c.conversions,
                c.revenue,
                id
            ],
            &c.post_ids,
        )
    }

    /// Removes the campaign and its collaborations.
    pub fn delete_campaign(&mut self, id: i64) -> Result<()> {
        self.write_one(
            "DELETE FROM campaign WHERE id = ?1",
            params![id],
            "campaign",
            id,
        )
    }
}
