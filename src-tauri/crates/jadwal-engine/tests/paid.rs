//! Paid campaigns, partners and collaborations through the engine on a real
//! data file: what is refused (by code, repeating what was typed), what is
//! kept, and CPC, CPM and ROAS worked out — or unknown — per campaign.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{input, utc, world};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{CampaignDto, CampaignInput, CollaborationInput, PartnerInput};

fn campaign(name: &str, starts: &str, ends: &str) -> CampaignInput {
    CampaignInput {
        name: name.into(),
        channel_id: None,
        starts: starts.into(),
        ends: ends.into(),
        budget: 500_000.0,
        spend: Some(400_000.0),
        impressions: Some(80_000),
        clicks: Some(1_000),
        conversions: Some(25),
        revenue: Some(1_200_000.0),
        post_ids: vec![],
    }
}

/// The campaign's figure by KPI name.
fn figure(c: &CampaignDto, kpi: &str) -> Option<f64> {
    c.kpis.iter().find(|k| k.kpi == kpi).unwrap().value
}

fn refusal<T: std::fmt::Debug>(
    r: Result<T, jadwal_engine::EngineError>,
) -> jadwal_engine::dto::IpcError {
    r.unwrap_err().to_ipc()
}

#[test]
fn cpc_cpm_and_roas_follow_their_formulas_and_are_unknown_without_a_denominator() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let c = w
        .engine
        .create_campaign(&campaign("Promo", "2026-12-01", "2026-12-24"))
        .unwrap();
    let names: Vec<&str> = c.kpis.iter().map(|k| k.kpi.as_str()).collect();
    assert_eq!(
        names,
        ["cost_per_click", "cost_per_mille", "return_on_ad_spend"]
    );
    assert_eq!(figure(&c, "cost_per_click"), Some(400.0));
    assert_eq!(figure(&c, "cost_per_mille"), Some(5_000.0));
    assert_eq!(figure(&c, "return_on_ad_spend"), Some(3.0));
    assert_eq!(c.kpis[0].formula, "spend ÷ clicks");

    let mut nothing_yet = campaign("Nothing yet", "2026-12-01", "2026-12-24");
    nothing_yet.spend = Some(0.0);
    nothing_yet.clicks = Some(0);
    nothing_yet.impressions = None;
    let z = w.engine.create_campaign(&nothing_yet).unwrap();
    assert_eq!(figure(&z, "cost_per_click"), None, "zero clicks");
    assert_eq!(figure(&z, "cost_per_mille"), None, "impressions unknown");
    assert_eq!(figure(&z, "return_on_ad_spend"), None, "zero spend");

    let mut unknown_spend = campaign("No spend typed", "2026-12-01", "2026-12-24");
    unknown_spend.spend = None;
    let u = w.engine.create_campaign(&unknown_spend).unwrap();
    assert!(u.kpis.iter().all(|k| k.value.is_none()));
}

#[test]
fn a_campaign_reaches_the_window_with_its_results_beside_its_other_fields() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let c = w
        .engine
        .create_campaign(&campaign("Promo", "2026-12-01", "2026-12-24"))
        .unwrap();
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["budget"], 500_000.0);
    assert_eq!(json["spend"], 400_000.0);
    assert_eq!(json["impressions"], 80_000);
    assert_eq!(json["clicks"], 1_000);
    assert_eq!(json["conversions"], 25);
    assert_eq!(json["revenue"], 1_200_000.0);
    assert!(json.get("results").is_none(), "not nested: {json}");
    let back: CampaignDto = serde_json::from_value(json).unwrap();
    assert_eq!(back, c);
}

#[test]
fn wrong_input_is_refused_with_a_code_that_keeps_what_was_typed_and_nothing_is_stored() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    assert_eq!(
        refusal(
            w.engine
                .create_campaign(&campaign("  ", "2026-12-01", "2026-12-24"))
        )
        .code,
        "empty_name"
    );
    let backwards = refusal(w.engine.create_campaign(&campaign(
        "Promo",
        "2026-12-24",
        "2026-12-01",
    )));
    assert_eq!(backwards.code, "period_ends_before_start");
    assert_eq!(backwards.params["starts"], "2026-12-24");

    let mut negative = campaign("Promo", "2026-12-01", "2026-12-24");
    negative.spend = Some(-150.5);
    let e = refusal(w.engine.create_campaign(&negative));
    assert_eq!(e.code, "negative_amount");
    assert_eq!(e.params["what"], "spend");
    assert_eq!(e.params["value"], "-150.5");

    let mut clicks = campaign("Promo", "2026-12-01", "2026-12-24");
    clicks.clicks = Some(-4);
    let e = refusal(w.engine.create_campaign(&clicks));
    assert_eq!(
        (e.params["what"].as_str(), e.params["value"].as_str()),
        ("clicks", "-4")
    );

    let mut foreign = campaign("Promo", "2026-12-01", "2026-12-24");
    foreign.post_ids = vec![999];
    assert_eq!(
        refusal(w.engine.create_campaign(&foreign)).code,
        "not_found"
    );
    assert!(w.engine.paid().unwrap().campaigns.is_empty());
}

#[test]
fn campaigns_are_edited_and_removed_and_the_range_lists_those_that_overlap_it() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let ch = w.channel("Instagram", Network::Instagram);
    let post = w
        .engine
        .create_post(&input("Roti baru", PostStatus::Draft, None, &[ch]))
        .unwrap()
        .post
        .id;
    let mut promo = campaign("Promo", "2026-11-20", "2026-12-05");
    promo.channel_id = Some(ch);
    promo.post_ids = vec![post, post];
    let promo = w.engine.create_campaign(&promo).unwrap();
    assert_eq!(promo.post_ids, vec![post]);
    w.engine
        .create_campaign(&campaign("Later", "2027-01-01", "2027-01-31"))
        .unwrap();

    let mut edit = campaign("Promo Natal", "2026-11-20", "2026-12-05");
    edit.clicks = Some(0);
    let edited = w.engine.update_campaign(promo.id, &edit).unwrap();
    assert_eq!(edited.name, "Promo Natal");
    assert_eq!(edited.channel_id, None);
    assert_eq!(figure(&edited, "cost_per_click"), None);

    let december = w
        .engine
        .campaigns_in_range("2026-12-01", "2026-12-31")
        .unwrap();
    assert_eq!(
        december.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Promo Natal"]
    );
    assert_eq!(
        refusal(w.engine.campaigns_in_range("2026-12-31", "2026-12-01")).code,
        "period_ends_before_start"
    );

    w.engine.delete_campaign(promo.id).unwrap();
    assert!(
        w.engine
            .campaigns_in_range("2026-12-01", "2026-12-31")
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        refusal(w.engine.delete_campaign(promo.id)).code,
        "not_found"
    );
}

#[test]
fn partners_and_their_collaborations_are_kept_with_their_own_results() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let promo = w
        .engine
        .create_campaign(&campaign("Promo", "2026-12-01", "2026-12-24"))
        .unwrap();
    let sari = PartnerInput {
        name: " Sari Bakes ".into(),
        network: Network::Instagram,
        handle: "@saribakes".into(),
        audience: Some(48_000),
        engagement_rate: Some(4.5),
        rate: Some(1_500_000.0),
        notes: String::new(),
    };
    let partner = w.engine.create_partner(&sari).unwrap();
    assert_eq!(partner.name, "Sari Bakes");

    let mut bad = sari.clone();
    bad.engagement_rate = Some(140.0);
    let e = refusal(w.engine.create_partner(&bad));
    assert_eq!(
        (e.code.as_str(), e.params["value"].as_str()),
        ("percent_out_of_range", "140")
    );
    let mut bad = sari.clone();
    bad.audience = Some(-10);
    assert_eq!(
        refusal(w.engine.create_partner(&bad)).code,
        "negative_amount"
    );

    let mut edit = sari.clone();
    edit.notes = "Replies within a day".into();
    let partner = w.engine.update_partner(partner.id, &edit).unwrap();
    assert_eq!(partner.notes, "Replies within a day");

    let work = CollaborationInput {
        partner_id: partner.id,
        campaign_id: promo.id,
        reach: Some(30_000),
        clicks: Some(600),
        conversions: None,
        revenue: Some(3_000_000.0),
        cost: Some(1_500_000.0),
        post_ids: vec![],
    };
    let k = w.engine.create_collaboration(&work).unwrap();
    assert_eq!(k.kpis[0].value, Some(2_500.0), "cost per click");
    assert_eq!(k.kpis[1].value, Some(2.0), "return on spend");
    let mut none = work.clone();
    none.campaign_id = 999;
    assert_eq!(
        refusal(w.engine.create_collaboration(&none)).code,
        "not_found"
    );

    let mut more = work.clone();
    more.conversions = Some(40);
    w.engine.update_collaboration(k.id, &more).unwrap();
    let paid = w.engine.paid().unwrap();
    assert_eq!(paid.partners.len(), 1);
    assert_eq!(paid.collaborations[0].conversions, Some(40));

    w.engine.delete_partner(partner.id).unwrap();
    let paid = w.engine.paid().unwrap();
    assert!(paid.partners.is_empty());
    assert!(paid.collaborations.is_empty(), "gone with the partner");
    assert_eq!(paid.campaigns.len(), 1, "the campaign stays");
}
