//! Campaigns, partners and collaborations in a real SQLite file: each write
//! announced, linked posts kept, removal cascading, the date-range query, and
//! a file from before campaigns gaining them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use jadwal_domain::Network;
use jadwal_store::campaign_results::CampaignResults;
use jadwal_store::campaigns::CampaignWrite;
use jadwal_store::partners::{CollaborationWrite, PartnerWrite};
use jadwal_store::{Change, OpenOptions, Store, StoreError};
use std::sync::{Arc, Mutex};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn campaign(name: &str, starts: &str, ends: &str) -> CampaignWrite {
    CampaignWrite {
        name: name.into(),
        channel_id: None,
        starts: day(starts),
        ends: day(ends),
        budget: 500_000.0,
        spend: Some(320_000.0),
        impressions: Some(40_000),
        clicks: None,
        conversions: Some(0),
        revenue: None,
        post_ids: vec![],
    }
}

/// A workspace with one channel and two posts, written as plain SQL so the
/// same rows also fit a file made by the previous schema.
const SEED: &str = "
    INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko', 'Asia/Jakarta', 0);
    INSERT INTO channel (id, workspace_id, name, network, color, created_at)
      VALUES (5, 1, 'Insta', 'instagram', '#e1306c', 0);
    INSERT INTO post (id, workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at)
      VALUES (7, 1, 'Roti', 'published', 100, 'Asia/Jakarta', 0, 0),
             (8, 1, 'Kue', 'published', 200, 'Asia/Jakarta', 0, 0);";

fn seeded() -> (tempfile::TempDir, Store, Arc<Mutex<Vec<Change>>>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.connection().execute_batch(SEED).unwrap();
    let changes = Arc::new(Mutex::new(Vec::new()));
    let sink = changes.clone();
    store.on_change(move |c| sink.lock().unwrap().push(c));
    (dir, store, changes)
}

#[test]
fn a_campaign_keeps_unknown_and_zero_figures_apart_and_its_posts() {
    let (dir, mut store, changes) = seeded();
    let mut write = campaign("Promo Natal", "2026-12-01", "2026-12-24");
    write.channel_id = Some(5);
    write.post_ids = vec![8, 7, 7];
    let id = store.insert_campaign(1, &write, now()).unwrap();
    let got = store.campaign(id).unwrap();
    assert_eq!(got.workspace_id, 1);
    assert_eq!(got.campaign.clicks, None, "not typed in stays unknown");
    assert_eq!(got.campaign.conversions, Some(0), "a typed zero stays zero");
    assert_eq!(got.campaign.post_ids, vec![7, 8]);

    let mut edited = got.campaign.clone();
    edited.clicks = Some(800);
    edited.post_ids = vec![7];
    store.update_campaign(id, &edited).unwrap();
    assert_eq!(*changes.lock().unwrap(), vec![Change::Strategy; 2]);
    drop(store);

    let mut store = Store::open(dir.path()).unwrap();
    let again = store.campaign(id).unwrap().campaign;
    assert_eq!(again.clicks, Some(800));
    assert_eq!(again.post_ids, vec![7]);
    assert_eq!(again.channel_id, Some(5));
    store.delete_campaign(id).unwrap();
    assert!(matches!(
        store.campaign(id),
        Err(StoreError::NotFound {
            what: "campaign",
            ..
        })
    ));
    assert!(matches!(
        store.update_campaign(id, &edited),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn the_range_query_finds_campaigns_that_ran_on_any_day_of_it() {
    let (_dir, mut store, _) = seeded();
    store
        .insert_campaign(1, &campaign("October", "2026-10-01", "2026-10-31"), now())
        .unwrap();
    store
        .insert_campaign(1, &campaign("Across", "2026-10-25", "2026-11-05"), now())
        .unwrap();
    store
        .insert_campaign(1, &campaign("Last day", "2026-11-30", "2026-12-10"), now())
        .unwrap();
    store
        .insert_campaign(1, &campaign("December", "2026-12-01", "2026-12-31"), now())
        .unwrap();
    let names: Vec<String> = store
        .campaigns_overlapping(1, day("2026-11-01"), day("2026-11-30"))
        .unwrap()
        .into_iter()
        .map(|c| c.campaign.name)
        .collect();
    assert_eq!(names, vec!["Across", "Last day"]);
    assert_eq!(store.campaigns(1).unwrap().len(), 4);
}

#[test]
fn the_file_refuses_a_negative_figure_or_a_backwards_period() {
    let (_dir, mut store, changes) = seeded();
    let mut bad = campaign("Bad", "2026-12-01", "2026-12-24");
    bad.spend = Some(-1.0);
    assert!(store.insert_campaign(1, &bad, now()).is_err());
    let backwards = campaign("Backwards", "2026-12-24", "2026-12-01");
    assert!(store.insert_campaign(1, &backwards, now()).is_err());
    assert!(store.campaigns(1).unwrap().is_empty());
    assert!(changes.lock().unwrap().is_empty(), "nothing announced");
}

#[test]
fn partners_and_collaborations_are_kept_and_removed_with_their_campaign() {
    let (_dir, mut store, changes) = seeded();
    let campaign_id = store
        .insert_campaign(1, &campaign("Promo", "2026-12-01", "2026-12-24"), now())
        .unwrap();
    let partner = PartnerWrite {
        name: "Sari Bakes".into(),
        network: Network::Instagram,
        handle: "@saribakes".into(),
        audience: Some(48_000),
        engagement_rate: Some(4.2),
        rate: Some(1_500_000.0),
        notes: "Replies within a day".into(),
    };
    let partner_id = store.insert_partner(1, &partner, now()).unwrap();
    assert_eq!(store.partner(partner_id).unwrap().partner, partner);
    let mut renamed = partner.clone();
    renamed.handle = "@sari".into();
    renamed.audience = None;
    store.update_partner(partner_id, &renamed).unwrap();
    assert_eq!(store.partners(1).unwrap()[0].partner, renamed);

    let work = CollaborationWrite {
        partner_id,
        campaign_id,
        reach: Some(30_000),
        clicks: Some(900),
        conversions: None,
        revenue: Some(2_000_000.0),
        cost: Some(1_500_000.0),
        post_ids: vec![8],
    };
    let k = store.insert_collaboration(&work, now()).unwrap();
    let got = store.collaboration(k).unwrap();
    assert_eq!(got.workspace_id, 1);
    assert_eq!(got.collaboration, work);
    let mut more = work.clone();
    more.conversions = Some(12);
    more.post_ids = vec![7, 8];
    store.update_collaboration(k, &more).unwrap();
    assert_eq!(store.collaborations(1).unwrap()[0].collaboration, more);
    assert_eq!(changes.lock().unwrap().len(), 5);

    store.delete_campaign(campaign_id).unwrap();
    assert!(store.collaborations(1).unwrap().is_empty(), "gone with it");
    assert!(matches!(
        store.collaboration(k),
        Err(StoreError::NotFound {
            what: "collaboration",
            ..
        })
    ));
    let announced = changes.lock().unwrap().len();
    assert!(matches!(
        store.update_collaboration(k, &more),
        Err(StoreError::NotFound {
            what: "collaboration",
            ..
        })
    ));
    assert_eq!(
        changes.lock().unwrap().len(),
        announced,
        "a write that found nothing announces nothing"
    );
    assert_eq!(store.partners(1).unwrap().len(), 1, "the partner stays");
    store.delete_partner(partner_id).unwrap();
    assert!(store.partners(1).unwrap().is_empty());
    assert!(matches!(
        store.partner(partner_id),
        Err(StoreError::NotFound {
            what: "partner",
            ..
        })
    ));
}

#[test]
fn a_file_from_before_campaigns_is_migrated_and_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    // Campaigns came with migration 11.
    let before = 10;
    {
        let old = OpenOptions {
            migrate_up_to: before,
            ..Default::default()
        }
        .open(dir.path())
        .unwrap();
        let has: i64 = old
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'campaign'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(has, 0, "the older file has no campaigns yet");
        old.connection().execute_batch(SEED).unwrap();
    }
    let mut store = Store::open(dir.path()).unwrap();
    let mut write = campaign("Promo", "2026-12-01", "2026-12-24");
    write.channel_id = Some(5);
    write.post_ids = vec![7];
    let id = store.insert_campaign(1, &write, now()).unwrap();
    assert_eq!(store.campaign(id).unwrap().campaign, write);
}

#[test]
fn imported_results_replace_and_add_in_one_announced_transaction() {
    let (dir, mut store, changes) = seeded();
    let known = store
        .insert_campaign(1, &campaign("Ramadan", "2026-03-01", "2026-03-31"), now())
        .unwrap();
    changes.lock().unwrap().clear();
    let results = CampaignResults {
        spend: Some(410_000.5),
        impressions: Some(52_000),
        clicks: Some(900),
        conversions: None,
        revenue: Some(2_000_000.0),
    };
    let mut fresh = campaign("Lebaran", "2026-04-01", "2026-04-10");
    fresh.budget = 90_000.0;
    let ids = store
        .import_campaign_results(1, &[(known, results)], std::slice::from_ref(&fresh), now())
        .unwrap();
    assert_eq!(ids.len(), 1);
    assert_eq!(*changes.lock().unwrap(), vec![Change::Strategy]);
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let got = store.campaign(known).unwrap().campaign;
    assert_eq!(got.spend, Some(410_000.5));
    assert_eq!(got.clicks, Some(900));
    assert_eq!(
        got.conversions, None,
        "an unknown result is written as unknown"
    );
    assert_eq!(got.budget, 500_000.0, "the budget is not a result");
    assert_eq!(store.campaign(ids[0]).unwrap().campaign, fresh);
}

#[test]
fn a_failed_import_leaves_every_campaign_as_it_was() {
    let (_dir, mut store, changes) = seeded();
    let known = store
        .insert_campaign(1, &campaign("Ramadan", "2026-03-01", "2026-03-31"), now())
        .unwrap();
    changes.lock().unwrap().clear();
    let results = CampaignResults {
        spend: Some(1.0),
        ..CampaignResults::default()
    };
    let backwards = campaign("Backwards", "2026-12-24", "2026-12-01");
    assert!(
        store
            .import_campaign_results(1, &[(known, results)], &[backwards], now())
            .is_err()
    );
    assert_eq!(
        store.campaign(known).unwrap().campaign.spend,
        Some(320_000.0)
    );
    assert_eq!(store.campaigns(1).unwrap().len(), 1);
    let other_workspace = store.import_campaign_results(2, &[(known, results)], &[], now());
    assert!(matches!(other_workspace, Err(StoreError::NotFound { .. })));
    assert_eq!(
        store.campaign(known).unwrap().campaign.spend,
        Some(320_000.0)
    );
    assert!(changes.lock().unwrap().is_empty(), "nothing announced");
}
