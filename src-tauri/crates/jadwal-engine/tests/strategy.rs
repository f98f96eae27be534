//! The plan through the engine on a real data file: what is refused (and
//! why, by code), what is kept, the goals other features read, and the
//! gaps the calendar shows.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{input, utc, world};
use jadwal_domain::kpi::Kpi;
use jadwal_domain::strategy::{GoalKind, GoalMeasure, SwotQuadrant};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{
    GoalInput, LabelInput, PersonaInput, PillarInput, RhythmInput, SwotItemInput,
};

fn goal(measure: GoalMeasure, target: f64, starts: &str, ends: &str, ch: &[i64]) -> GoalInput {
    GoalInput {
        kind: GoalKind::Engagement,
        measure,
        target,
        starts: starts.into(),
        ends: ends.into(),
        channel_ids: ch.to_vec(),
    }
}

fn pillar(name: &str, share: u32) -> PillarInput {
    PillarInput {
        name: name.into(),
        color: "#2f9e44".into(),
        share,
    }
}

/// The error code a refusal carries.
fn code<T>(r: Result<T, jadwal_engine::EngineError>) -> Option<String> {
    r.err().map(|e| e.to_ipc().code)
}

#[test]
fn wrong_input_is_refused_with_a_code_and_nothing_is_stored() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let ch = w.channel("Instagram", Network::Instagram);

    assert_eq!(
        code(w.engine.create_goal(&goal(
            GoalMeasure::Followers,
            0.0,
            "2026-12-01",
            "2026-12-31",
            &[ch]
        ))),
        Some("target_not_positive".into())
    );
    let backwards = w
        .engine
        .create_goal(&goal(
            GoalMeasure::Likes,
            10.0,
            "2026-12-31",
            "2026-12-01",
            &[],
        ))
        .unwrap_err()
        .to_ipc();
    assert_eq!(backwards.code, "period_ends_before_start");
    assert_eq!(backwards.params["ends"], "2026-12-01");
    assert_eq!(
        code(w.engine.create_goal(&goal(
            GoalMeasure::Likes,
            10.0,
            "2026-12-01",
            "2026-12-31",
            &[999]
        ))),
        Some("not_found".into())
    );

    w.engine.add_pillar(&pillar("Education", 60)).unwrap();
    let over = w
        .engine
        .add_pillar(&pillar("Product", 50))
        .unwrap_err()
        .to_ipc();
    assert_eq!(
        (over.code.as_str(), over.params["total"].as_str()),
        ("shares_over_100", "110")
    );
    assert_eq!(
        code(w.engine.set_rhythm(&RhythmInput {
            channel_id: ch,
            posts_per_week: 71
        })),
        Some("rhythm_out_of_range".into())
    );
    assert_eq!(
        code(w.engine.add_swot_item(&SwotItemInput {
            quadrant: SwotQuadrant::Threats,
            text: "  ".into()
        })),
        Some("empty_name".into())
    );

    let plan = w.engine.strategy().unwrap();
    assert!(plan.goals.is_empty());
    assert!(plan.rhythm.is_empty());
    assert!(plan.swot.is_empty());
    assert_eq!(plan.pillars.len(), 1, "only the pillar that fitted");
    assert!(
        w.engine
            .labels()
            .unwrap()
            .iter()
            .all(|l| l.name != "Product")
    );
}

#[test]
fn a_plan_is_written_changed_and_read_back_whole() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let a = w
        .engine
        .add_swot_item(&SwotItemInput {
            quadrant: SwotQuadrant::Strengths,
            text: "Fresh bread".into(),
        })
        .unwrap();
    let b = w
        .engine
        .add_swot_item(&SwotItemInput {
            quadrant: SwotQuadrant::Strengths,
            text: "Loyal buyers".into(),
        })
        .unwrap();
    w.engine.move_swot_item(b.id, 0).unwrap();
    w.engine.update_swot_item(a.id, "Fresh bread at 6").unwrap();

    // An existing label of the same name becomes the pillar: its posts count.
    let promo = w
        .engine
        .create_label(&LabelInput {
            name: "Promo".into(),
            color: "#ff0000".into(),
        })
        .unwrap();
    let p = w.engine.add_pillar(&pillar("promo", 30)).unwrap();
    assert_eq!(
        (p.label_id, p.name.as_str(), p.share),
        (promo.id, "Promo", 30)
    );
    let edu = w.engine.add_pillar(&pillar("Education", 70)).unwrap();
    w.engine
        .update_pillar(edu.label_id, &pillar("Tips", 60))
        .unwrap();

    let persona = w
        .engine
        .create_persona(&PersonaInput {
            name: "Ibu Rina".into(),
            demographics: "35–45".into(),
            interests: "baking".into(),
            behaviour: "orders on Friday".into(),
            networks: vec![Network::Instagram, Network::Instagram, Network::Facebook],
            active_hours: vec![20, 6, 7],
        })
        .unwrap();
    assert_eq!(persona.active_hours, [6, 7, 20]);
    assert_eq!(persona.networks, [Network::Instagram, Network::Facebook]);

    w.engine
        .set_rhythm(&RhythmInput {
            channel_id: ig,
            posts_per_week: 3,
        })
        .unwrap();
    let g = w
        .engine
        .create_goal(&goal(
            GoalMeasure::EngagementRate,
            4.5,
            "2026-12-01",
            "2026-12-31",
            &[ig],
        ))
        .unwrap();

    let plan = w.engine.strategy().unwrap();
    let strengths: Vec<&str> = plan.swot.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(strengths, ["Loyal buyers", "Fresh bread at 6"]);
    let shares: Vec<(&str, u32)> = plan
        .pillars
        .iter()
        .map(|p| (p.name.as_str(), p.share))
        .collect();
    assert_eq!(shares, [("Promo", 30), ("Tips", 60)]);
    assert_eq!(plan.rhythm.len(), 1);
    assert_eq!(plan.personas, [persona]);
    assert_eq!(plan.goals, [g]);

    // Removing a pillar keeps the label; a rhythm of 0 removes the rhythm.
    w.engine.remove_pillar(promo.id).unwrap();
    w.engine
        .set_rhythm(&RhythmInput {
            channel_id: ig,
            posts_per_week: 0,
        })
        .unwrap();
    let plan = w.engine.strategy().unwrap();
    assert_eq!(plan.pillars.len(), 1);
    assert!(plan.rhythm.is_empty());
    assert!(w.engine.labels().unwrap().iter().any(|l| l.id == promo.id));
}

#[test]
fn goals_carry_the_kpi_name_other_features_compute() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    w.engine
        .create_goal(&goal(
            GoalMeasure::ClickThroughRate,
            2.0,
            "2026-11-01",
            "2026-11-30",
            &[],
        ))
        .unwrap();
    w.engine
        .create_goal(&goal(
            GoalMeasure::Followers,
            1000.0,
            "2026-12-01",
            "2026-12-31",
            &[],
        ))
        .unwrap();
    let goals = w.engine.goals().unwrap();
    assert_eq!(goals.len(), 2);
    assert_eq!(
        goals[0].kpi.as_deref(),
        Some(Kpi::ClickThroughRate.as_str())
    );
    assert_eq!(goals[0].measure.as_str(), "click_through_rate");
    assert_eq!(
        (goals[0].starts.as_str(), goals[0].ends.as_str()),
        ("2026-11-01", "2026-11-30")
    );
    assert_eq!(goals[1].kpi, None);
    assert_eq!(goals[1].target, 1000.0);
}

#[test]
fn the_calendar_range_shows_rhythm_pillar_and_goal_gaps_until_filled() {
    // Monday 23 Nov 2026, 08:00 in Jakarta.
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let tg = w.channel("Telegram", Network::Telegram);
    let edu = w.engine.add_pillar(&pillar("Education", 50)).unwrap();
    w.engine
        .set_rhythm(&RhythmInput {
            channel_id: ig,
            posts_per_week: 2,
        })
        .unwrap();
    let g = w
        .engine
        .create_goal(&goal(
            GoalMeasure::Posts,
            4.0,
            "2026-11-23",
            "2026-11-29",
            &[tg],
        ))
        .unwrap();

    let mut first = input(
        "Roti sobek",
        PostStatus::Scheduled,
        Some("2026-11-24T10:00"),
        &[ig],
    );
    first.label_ids = vec![];
    w.engine.create_post(&first).unwrap();

    let gaps = w.engine.plan_gaps("2026-11-23", "2026-11-30").unwrap();
    assert_eq!(gaps.rhythm.len(), 1);
    let week = &gaps.rhythm[0];
    assert_eq!(
        (
            week.channel_id,
            week.week_start.as_str(),
            week.planned,
            week.wanted
        ),
        (ig, "2026-11-23", 1, 2)
    );
    assert_eq!(week.slots.len(), 1);
    assert!(
        week.slots[0].ends_with("T10:00"),
        "the channel's usual time: {}",
        week.slots[0]
    );
    assert_eq!(gaps.pillars.len(), 1);
    assert_eq!(
        (gaps.pillars[0].label_id, gaps.pillars[0].actual),
        (edu.label_id, 0)
    );
    assert_eq!(gaps.goals.len(), 1);
    assert_eq!(gaps.goals[0].goal.id, g.id);
    assert_eq!(gaps.goals[0].slot.as_deref(), Some("2026-11-23T09:00"));

    // Fill the offered slot on Instagram with an Education post, and post
    // once on Telegram: every gap closes.
    let mut fill = input(
        "Cara menyimpan roti",
        PostStatus::Draft,
        Some(&week.slots[0]),
        &[ig],
    );
    fill.label_ids = vec![edu.label_id];
    w.engine.create_post(&fill).unwrap();
    w.engine
        .create_post(&input(
            "Promo Jumat",
            PostStatus::Draft,
            Some("2026-11-27T18:00"),
            &[tg],
        ))
        .unwrap();
    let gaps = w.engine.plan_gaps("2026-11-23", "2026-11-30").unwrap();
    assert!(gaps.rhythm.is_empty(), "{:?}", gaps.rhythm);
    assert!(gaps.goals.is_empty());
    // Education: 1 of 3 posts = 33%, 17 points under 50: still far.
    assert_eq!(gaps.pillars.len(), 1);
    assert_eq!(gaps.pillars[0].actual, 33);
}
