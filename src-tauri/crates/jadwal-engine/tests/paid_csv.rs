//! Campaign results imported from ad managers' CSV exports (real files in
//! tests/fixtures/ad-exports) into a real data file: the suggested mapping,
//! rows of one campaign summed, old → new shown before anything is written,
//! unknown campaigns left out or created, and a bad row stopping the whole
//! import unless the person leaves bad rows out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{utc, world};
use jadwal_domain::Network;
use jadwal_engine::dto::{
    CampaignCsvField, CampaignCsvPlanDto, CampaignCsvUpdateDto, CampaignDto, CampaignInput,
    CampaignResultsDto,
};
use std::path::PathBuf;

fn export(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ad-exports")
        .join(name)
}

fn typed(name: &str, starts: &str, ends: &str) -> CampaignInput {
    CampaignInput {
        name: name.into(),
        channel_id: None,
        starts: starts.into(),
        ends: ends.into(),
        budget: 500_000.0,
        spend: Some(10_000.0),
        impressions: Some(1_000),
        clicks: Some(10),
        conversions: Some(1),
        revenue: Some(20_000.0),
        post_ids: vec![],
    }
}

fn figure(c: &CampaignDto, kpi: &str) -> Option<f64> {
    c.kpis.iter().find(|k| k.kpi == kpi).unwrap().value
}

fn update<'a>(plan: &'a CampaignCsvPlanDto, name: &str) -> &'a CampaignCsvUpdateDto {
    plan.updates.iter().find(|u| u.name == name).unwrap()
}

fn campaign(w: &common::World, id: i64) -> CampaignDto {
    w.engine
        .paid()
        .unwrap()
        .campaigns
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
}

#[test]
fn an_english_meta_export_sums_per_day_rows_into_the_known_campaign() {
    let w = world("Asia/Jakarta", utc(2026, 3, 10, 1, 0));
    let known = w
        .engine
        .create_campaign(&typed("Ramadan Sale", "2026-03-01", "2026-03-31"))
        .unwrap();
    let file = export("meta-en.csv");

    let preview = w.engine.campaign_csv_preview(&file).unwrap();
    assert_eq!((preview.separator.as_str(), preview.row_count), (",", 3));
    let fields: Vec<CampaignCsvField> = preview.suggested.columns.iter().map(|c| c.field).collect();
    assert_eq!(fields.len(), 8, "{fields:?}");
    let plan = &preview.plan;
    assert!(!plan.applied);
    let ramadan = update(plan, "Ramadan Sale");
    assert_eq!(ramadan.campaign_id, Some(known.id));
    assert_eq!(ramadan.rows, vec![2, 3], "two days, case and spacing aside");
    assert_eq!(ramadan.before.as_ref().unwrap().spend, Some(10_000.0));
    let summed = CampaignResultsDto {
        spend: Some(250_000.0),
        impressions: Some(50_000),
        clicks: Some(900),
        conversions: Some(10),
        revenue: Some(1_500_000.0),
    };
    assert_eq!(ramadan.after, summed);
    assert_eq!(plan.left_out.len(), 1);
    assert_eq!(plan.left_out[0].name, "Brand Awareness");
    assert_eq!(plan.left_out[0].rows, vec![4]);
    assert_eq!(
        campaign(&w, known.id).results.spend,
        Some(10_000.0),
        "the preview writes nothing"
    );

    let done = w
        .engine
        .campaign_csv_import(&file, &preview.suggested)
        .unwrap();
    assert!(done.applied);
    let after = campaign(&w, known.id);
    assert_eq!(after.results.spend, Some(250_000.0));
    assert_eq!(after.results.clicks, Some(900));
    assert_eq!(after.budget, 500_000.0, "the budget is the person's");
    assert_eq!(after.starts, "2026-03-01");
    assert!((figure(&after, "cost_per_click").unwrap() - 250_000.0 / 900.0).abs() < 1e-9);
    assert_eq!(figure(&after, "return_on_ad_spend"), Some(6.0));
    assert_eq!(
        w.engine.paid().unwrap().campaigns.len(),
        1,
        "the unknown campaign was left out"
    );
}

#[test]
fn an_unknown_campaign_is_created_when_asked_with_budget_period_and_channel() {
    let w = world("Asia/Jakarta", utc(2026, 3, 10, 1, 0));
    let ads = w.channel("Insta", Network::Instagram);
    let file = export("meta-en.csv");
    let mut mapping = w.engine.campaign_csv_preview(&file).unwrap().suggested;
    mapping.create_missing = true;
    mapping.channel_id = Some(ads);

    let checked = w.engine.campaign_csv_check(&file, &mapping).unwrap();
    assert!(checked.left_out.is_empty());
    let brand = update(&checked, "Brand Awareness");
    assert!(brand.created && brand.before.is_none() && brand.campaign_id.is_none());
    assert_eq!(
        (brand.starts.as_str(), brand.ends.as_str()),
        ("2026-03-01", "2026-03-02")
    );
    assert!(
        w.engine.paid().unwrap().campaigns.is_empty(),
        "a check writes nothing"
    );

    let done = w.engine.campaign_csv_import(&file, &mapping).unwrap();
    assert!(done.applied);
    let ids: Vec<i64> = done
        .updates
        .iter()
        .map(|u| u.campaign_id.unwrap())
        .collect();
    let all = w.engine.paid().unwrap().campaigns;
    assert_eq!(all.len(), 2);
    let brand = all.iter().find(|c| c.name == "Brand Awareness").unwrap();
    assert!(ids.contains(&brand.id));
    assert_eq!(brand.budget, 50_000.0, "the budget is what it spent");
    assert_eq!(brand.results.spend, Some(50_000.0));
    assert_eq!(brand.results.conversions, Some(0));
    assert_eq!(brand.results.revenue, None, "an empty cell is not a zero");
    assert_eq!(brand.channel_id, Some(ads));
    let ramadan = all.iter().find(|c| c.name == "Ramadan Sale").unwrap();
    assert_eq!(
        (ramadan.starts.as_str(), ramadan.ends.as_str()),
        ("2026-03-01", "2026-03-02")
    );
    assert_eq!(ramadan.results.impressions, Some(50_000));
}

#[test]
fn a_bad_row_in_an_indonesian_export_stops_the_import_unless_it_is_left_out() {
    let w = world("Asia/Jakarta", utc(2026, 4, 10, 1, 0));
    let known = w
        .engine
        .create_campaign(&typed("promo lebaran", "2026-04-01", "2026-04-30"))
        .unwrap();
    let file = export("meta-id.csv");
    let preview = w.engine.campaign_csv_preview(&file).unwrap();
    assert_eq!(preview.separator, ";");
    assert_eq!(
        preview.columns[0].header, "Nama kampanye",
        "no BOM in the header"
    );
    let mut mapping = preview.suggested;
    assert!(mapping.decimal_comma && mapping.day_first);
    let plan = preview.plan;
    assert_eq!(plan.bad_rows, 1);
    let problems: Vec<(u32, Option<&str>, &str, &str)> = plan
        .problems
        .iter()
        .map(|p| {
            (
                p.row,
                p.column.as_deref(),
                p.code.as_str(),
                p.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            (4, Some("Hasil"), "not_a_number", "dua"),
            (4, Some("Awal pelaporan"), "bad_date", "31/04/2026"),
        ]
    );

    let refused = w.engine.campaign_csv_import(&file, &mapping).unwrap();
    assert!(!refused.applied);
    assert_eq!(
        campaign(&w, known.id).results.spend,
        Some(10_000.0),
        "nothing half imported"
    );

    mapping.skip_bad_rows = true;
    let done = w.engine.campaign_csv_import(&file, &mapping).unwrap();
    assert!(done.applied);
    assert_eq!(done.bad_rows, 1);
    let lebaran = update(&done, "promo lebaran");
    assert_eq!(lebaran.rows, vec![2, 3]);
    let after = campaign(&w, known.id);
    assert_eq!(after.results.spend, Some(117_503.5));
    assert_eq!(after.results.impressions, Some(15_000));
    assert_eq!(after.results.clicks, Some(400));
    assert_eq!(after.results.conversions, Some(10));
    assert_eq!(after.results.revenue, Some(1_750_000.25));
}

#[test]
fn results_the_file_does_not_give_are_kept_and_a_mapping_without_a_name_is_refused() {
    let w = world("Asia/Jakarta", utc(2026, 3, 10, 1, 0));
    let known = w
        .engine
        .create_campaign(&typed("flash sale,  maret", "2026-03-01", "2026-03-31"))
        .unwrap();
    let file = export("tiktok-en.csv");
    let mut mapping = w.engine.campaign_csv_preview(&file).unwrap().suggested;
    let done = w.engine.campaign_csv_import(&file, &mapping).unwrap();
    assert!(done.applied, "{:?}", done.problems);
    let after = campaign(&w, known.id);
    assert_eq!(after.results.spend, Some(75_000.5));
    assert_eq!(after.results.clicks, Some(300));
    assert_eq!(
        after.results.conversions,
        Some(1),
        "no column for it: the typed figure stays"
    );
    assert_eq!(after.results.revenue, Some(20_000.0));

    mapping
        .columns
        .retain(|c| c.field != CampaignCsvField::Name);
    let refused = w.engine.campaign_csv_import(&file, &mapping).unwrap_err();
    assert_eq!(refused.code(), "csv_mapping");
    let missing = w
        .engine
        .campaign_csv_preview(&export("no-such.csv"))
        .unwrap_err();
    assert_eq!(missing.code(), "csv_unreadable");
}
