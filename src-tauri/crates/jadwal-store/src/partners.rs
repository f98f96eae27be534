//! Influencer partners and their collaborations: which campaign (and posts)
//! a partner worked on, and the results typed in for that work.

use chrono::{DateTime, Utc};
use jadwal_domain::Network;
use rusqlite::params;

use crate::linked_posts::PostLinks;
use crate::rows::{id_list, parse_text, to_unix};
use crate::{Change, Result, Store};

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerWrite {
    pub name: String,
    pub network: Network,
    pub handle: String,
    pub audience: Option<u64>,
    /// Percent.
    pub engagement_rate: Option<f64>,
    pub rate: Option<f64>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub partner: PartnerWrite,
}

/// A partner's work on a campaign. `None` figures are not known.
#[derive(Debug, Clone, PartialEq)]
pub struct CollaborationWrite {
    pub partner_id: i64,
    pub campaign_id: i64,
    pub reach: Option<u64>,
    pub clicks: Option<u64>,
    pub conversions: Option<u64>,
    pub revenue: Option<f64>,
    pub cost: Option<f64>,
    pub post_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CollaborationRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub collaboration: CollaborationWrite,
}

const PARTNER_COLUMNS: &str =
    "id, workspace_id, name, network, handle, audience, engagement_rate, rate, notes";

fn read_partner(row: &rusqlite::Row<'_>) -> rusqlite::Result<PartnerRecord> {
    let network: String = row.get(3)?;
    Ok(PartnerRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        partner: PartnerWrite {
            name: row.get(2)?,
            network: parse_text(&network, 3)?,
            handle: row.get(4)?,
            audience: row.get(5)?,
            engagement_rate: row.get(6)?,
            rate: row.get(7)?,
            notes: row.get(8)?,
        },
    })
}

/// Where a collaboration's posts are linked.
const COLLABORATION_POSTS: PostLinks = PostLinks {
    what: "collaboration",
    table: "collaboration_post",
    owner: "collaboration_id",
};

const COLLABORATION_SELECT: &str = "
    SELECT k.id, p.workspace_id, k.partner_id, k.campaign_id, k.reach, k.clicks,
           k.conversions, k.revenue, k.cost,
           (SELECT group_concat(kp.post_id) FROM collaboration_post kp
              JOIN post q ON q.id = kp.post_id AND q.deleted_at IS NULL
             WHERE kp.collaboration_id = k.id)
      FROM collaboration k JOIN partner p ON p.id = k.partner_id";

fn read_collaboration(row: &rusqlite::Row<'_>) -> rusqlite::Result<CollaborationRecord> {
    let mut post_ids = id_list(row.get(9)?);
    post_ids.sort_unstable();
    Ok(CollaborationRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        collaboration: CollaborationWrite {
            partner_id: row.get(2)?,
            campaign_id: row.get(3)?,
            reach: row.get(4)?,
            clicks: row.get(5)?,
            conversions: row.get(6)?,
            revenue: row.get(7)?,
            cost: row.get(8)?,
            post_ids,
        },
    })
}

impl Store {
    pub fn partners(&self, workspace_id: i64) -> Result<Vec<PartnerRecord>> {
        self.query_all(
            &format!(
                "SELECT {PARTNER_COLUMNS} FROM partner WHERE workspace_id = ?1 ORDER BY name, id"
            ),
            [workspace_id],
            read_partner,
        )
    }

    pub fn partner(&self, id: i64) -> Result<PartnerRecord> {
        self.query_one(
            &format!("SELECT {PARTNER_COLUMNS} FROM partner WHERE id = ?1"),
            id,
            "partner",
            read_partner,
        )
    }

    pub fn insert_partner(
        &mut self,
        workspace_id: i64,
        p: &PartnerWrite,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO partner (workspace_id, name, network, handle, audience,
                                      engagement_rate, rate, notes, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    workspace_id,
                    p.name,
                    p.network.as_str(),
                    p.handle,
                    p.audience,
                    p.engagement_rate,
                    p.rate,
                    p.notes,
                    to_unix(now)
                ],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.changes.emit(Change::Strategy);
        Ok(id)
    }

    pub fn update_partner(&mut self, id: i64, p: &PartnerWrite) -> Result<()> {
        self.write_one(
            "UPDATE partner SET name = ?1, network = ?2, handle = ?3, audience = ?4,
                                engagement_rate = ?5, rate = ?6, notes = ?7
             WHERE id = ?8",
            params![
                p.name,
                p.network.as_str(),
                p.handle,
                p.audience,
                p.engagement_rate,
                p.rate,
                p.notes,
                id
            ],
            "partner",
            id,
        )
    }

    /// Removes the partner and their collaborations.
    pub fn delete_partner(&mut self, id: i64) -> Result<()> {
        self.write_one(
            "DELETE FROM partner WHERE id = ?1",
            params![id],
            "partner",
            id,
        )
    }

    /// The workspace's collaborations, grouped by campaign.
    pub fn collaborations(&self, workspace_id: i64) -> Result<Vec<CollaborationRecord>> {
        self.query_all(
            &format!(
                "{COLLABORATION_SELECT} WHERE p.workspace_id = ?1 ORDER BY k.campaign_id, k.id"
            ),
            [workspace_id],
            read_collaboration,
        )
    }

    pub fn collaboration(&self, id: i64) -> Result<CollaborationRecord> {
        self.query_one(
            &format!("{COLLABORATION_SELECT} WHERE k.id = ?1"),
            id,
            "collaboration",
            read_collaboration,
        )
    }

    pub fn insert_collaboration(
        &mut self,
        c: &CollaborationWrite,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.insert_with_posts(&COLLABORATION_POSTS, &c.post_ids, |tx| {
            tx.execute(
                "INSERT INTO collaboration (partner_id, campaign_id, reach, clicks, conversions,
                                            revenue, cost, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    c.partner_id,
                    c.campaign_id,
                    c.reach,
                    c.clicks,
                    c.conversions,
                    c.revenue,
                    c.cost,
                    to_unix(now)
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    pub fn update_collaboration(&mut self, id: i64, c: &CollaborationWrite) -> Result<()> {
        self.update_with_posts(
            &COLLABORATION_POSTS,
            id,
            "UPDATE collaboration SET partner_id = ?1, campaign_id = ?2, reach = ?3,
                                      clicks = ?4, conversions = ?5, revenue = ?6, cost = ?7
             WHERE id = ?8",
            params![
                c.partner_id,
                c.campaign_id,
                c.reach,
                c.clicks,
                c.conversions,
                c.revenue,
                c.cost,
                id
            ],
            &c.post_ids,
        )
    }

    pub fn delete_collaboration(&mut self, id: i64) -> Result<()> {
        self.write_one(
            "DELETE FROM collaboration WHERE id = ?1",
            params![id],
            "collaboration",
            id,
        )
    }
}
