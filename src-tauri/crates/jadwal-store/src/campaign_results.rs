//! Campaign results brought in from an ad manager's export: the results of
//! known campaigns replaced and new campaigns added, all in one transaction
//! so a failure leaves every campaign as it was.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::campaigns::{CampaignWrite, insert_row};
use crate::{Change, Result, Store, StoreError};

/// A campaign's results as an import sets them; `None` is not known.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CampaignResults {
    pub spend: Option<f64>,
    pub impressions: Option<u64>,
    pub clicks: Option<u64>,
    pub conversions: Option<u64>,
    pub revenue: Option<f64>,
}

impl CampaignWrite {
    /// The results typed in or imported for the campaign.
    pub fn results(&self) -> CampaignResults {
        CampaignResults {
            spend: self.spend,
            impressions: self.impressions,
            clicks: self.clicks,
            conversions: self.conversions,
            revenue: self.revenue,
        }
    }
}

impl Store {
    /// Replaces the results of the workspace's campaigns in `updates` (by
    /// id) and adds `new` ones; returns the new campaigns' ids in order.
    /// Announced once; nothing is written when any part fails.
    pub fn import_campaign_results(
        &mut self,
        workspace_id: i64,
        updates: &[(i64, CampaignResults)],
        new: &[CampaignWrite],
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>> {
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        for (id, r) in updates {
            let n = tx
                .execute(
                    "UPDATE campaign SET spend = ?1, impressions = ?2, clicks = ?3,
                                         conversions = ?4, revenue = ?5
                     WHERE id = ?6 AND workspace_id = ?7",
                    params![
                        r.spend,
                        r.impressions,
                        r.clicks,
                        r.conversions,
                        r.revenue,
                        id,
                        workspace_id
                    ],
                )
                .map_err(err)?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: "campaign",
                    id: *id,
                });
            }
        }
        let ids = new
            .iter()
            .map(|c| insert_row(&tx, workspace_id, c, now))
            .collect::<rusqlite::Result<Vec<i64>>>()
            .map_err(err)?;
        tx.commit().map_err(err)?;
        if !updates.is_empty() || !new.is_empty() {
            self.changes.emit(Change::Strategy);
        }
        Ok(ids)
    }
}
