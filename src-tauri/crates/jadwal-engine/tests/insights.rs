//! The dashboard's figures and the saved reports, on a real data folder: posts
//! published by hand on two channels in Jakarta, figures appended as the
//! networks (or the person) gave them, a goal and two pillars.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use common::{World, input, utc, world};
use jadwal_domain::strategy::{GoalKind, GoalMeasure};
use jadwal_domain::{Metric, MetricSource, Network, PostStatus};
use jadwal_engine::dto::{LabelInput, Language};
use jadwal_engine::report::ReportFormat;
use jadwal_engine::scheduler::SchedulerSettings;
use jadwal_store::Store;
use jadwal_store::goals::GoalWrite;
use jadwal_store::metrics::NewSample;

const WORKSPACE: i64 = 1;

struct Shop {
    w: World,
    instagram: i64,
    facebook: i64,
    /// Post ids: two on Monday 07:00 a week apart, one on Wednesday 19:00 on
    /// both channels, and one in October (outside the range).
    monday: i64,
    next_monday: i64,
    wednesday: i64,
    october: i64,
}

/// Publishes a post by hand at its time, as the assisted flow does.
async fn publish_by_hand(
    w: &World,
    text: &str,
    at_local: &str,
    at_utc: DateTime<Utc>,
    channels: &[i64],
    labels: Vec<i64>,
) -> i64 {
    let mut post = input(text, PostStatus::Scheduled, Some(at_local), channels);
    post.label_ids = labels;
    w.clock.set(at_utc - chrono::Duration::hours(1));
    let id = w.engine.create_post(&post).unwrap().post.id;
    w.clock.set(at_utc);
    w.engine
        .run_due(&SchedulerSettings::default())
        .await
        .unwrap();
    for channel in channels {
        w.engine.mark_posted(id, *channel, None).await.unwrap();
    }
    id
}

fn sample(
    channel_id: i64,
    post_id: Option<i64>,
    metric: Metric,
    value: f64,
    taken_at: DateTime<Utc>,
) -> NewSample {
    NewSample {
        channel_id,
        post_id,
        metric,
        value,
        source: MetricSource::Manual,
        taken_at,
        period_end: None,
    }
}

async fn shop() -> Shop {
    // Jakarta is UTC+7: 07:00 there is 00:00 UTC.
    let w = world("Asia/Jakarta", utc(2026, 10, 1, 0, 0));
    let instagram = w.channel("Instagram", Network::Instagram);
    let facebook = w.channel("Facebook", Network::Facebook);
    let education = w
        .engine
        .create_label(&LabelInput {
            name: "Education".into(),
            color: "#2e7d32".into(),
        })
        .unwrap()
        .id;
    let product = w
        .engine
        .create_label(&LabelInput {
            name: "Product".into(),
            color: "#c62828".into(),
        })
        .unwrap()
        .id;

    let october = publish_by_hand(
        &w,
        "Pre-order kue lebaran",
        "2026-10-19T07:00",
        utc(2026, 10, 19, 0, 0),
        &[instagram],
        vec![],
    )
    .await;
    let monday = publish_by_hand(
        &w,
        "How we knead our roti sobek",
        "2026-11-02T07:00",
        utc(2026, 11, 2, 0, 0),
        &[instagram],
        vec![education],
    )
    .await;
    let wednesday = publish_by_hand(
        &w,
        "New: roti abon pedas",
        "2026-11-04T19:00",
        utc(2026, 11, 4, 12, 0),
        &[instagram, facebook],
        vec![product],
    )
    .await;
    let next_monday = publish_by_hand(
        &w,
        "Why our dough rests 12 hours",
        "2026-11-09T07:00",
        utc(2026, 11, 9, 0, 0),
        &[instagram],
        vec![education],
    )
    .await;
    w.clock.set(utc(2026, 11, 20, 0, 0));

    let mut store = Store::open(w.dir.path()).unwrap();
    store.set_label_share(education, Some(60)).unwrap();
    store.set_label_share(product, Some(40)).unwrap();
    store
        .insert_goal(
            WORKSPACE,
            &GoalWrite {
                kind: GoalKind::Community,
                measure: GoalMeasure::Followers,
                target: 1500.0,
                starts: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                ends: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                channel_ids: vec![instagram],
            },
            utc(2026, 11, 1, 0, 0),
        )
        .unwrap();
    let later = utc(2026, 11, 12, 0, 0);
    store
        .append_samples(
            &[
                // The October post's figures read twice: only the newest counts.
                sample(
                    instagram,
                    Some(october),
                    Metric::Likes,
                    3.0,
                    utc(2026, 10, 21, 0, 0),
                ),
                sample(instagram, Some(october), Metric::Likes, 7.0, later),
                sample(
                    instagram,
                    Some(monday),
                    Metric::Likes,
                    8.0,
                    utc(2026, 11, 3, 0, 0),
                ),
                sample(instagram, Some(monday), Metric::Likes, 10.0, later),
                sample(instagram, Some(monday), Metric::Reposts, 2.0, later),
                sample(instagram, Some(next_monday), Metric::Likes, 20.0, later),
                sample(instagram, Some(wednesday), Metric::Likes, 30.0, later),
                sample(facebook, Some(wednesday), Metric::Likes, 5.0, later),
                sample(facebook, Some(wednesday), Metric::Replies, 1.0, later),
                // Followers: Instagram measured before the range and during it.
                sample(
                    instagram,
                    None,
                    Metric::Followers,
                    1000.0,
                    utc(2026, 10, 31, 5, 0),
                ),
                sample(
                    instagram,
                    None,
                    Metric::Followers,
                    1100.0,
                    utc(2026, 11, 15, 5, 0),
                ),
                sample(
                    facebook,
                    None,
                    Metric::Followers,
                    200.0,
                    utc(2026, 10, 30, 5, 0),
                ),
            ],
            utc(2026, 11, 20, 0, 0),
        )
        .unwrap();
    Shop {
        w,
        instagram,
        facebook,
        monday,
        next_monday,
        wednesday,
        october,
    }
}

#[tokio::test]
async fn a_month_of_figures_adds_up_as_the_formulas_say() {
    let s = shop().await;
    let insights = s.w.engine.insights("2026-11-01", "2026-11-30").unwrap();

    // Best first; with only four posts all are in the best list and none is
    // repeated among the weakest. The October post is outside the range.
    let top: Vec<(i64, &str)> = insights
        .top_posts
        .iter()
        .map(|p| (p.post_id, p.channel.as_str()))
        .collect();
    assert_eq!(
        top,
        vec![
            (s.wednesday, "Instagram"),
            (s.next_monday, "Instagram"),
            (s.monday, "Instagram"),
            (s.wednesday, "Facebook"),
        ]
    );
    assert!(insights.bottom_posts.is_empty());
    assert!(insights.top_posts.iter().all(|p| p.post_id != s.october));
    let weakest = &insights.top_posts[3];
    assert_eq!(weakest.replies, Some(1.0));

    // Engagement: (likes 10 + 20 + 30 + 5, replies 1, reposts 2) over the
    // followers at the start (Instagram 1,000 + Facebook 200).
    let kpi = |name: &str| insights.kpis.iter().find(|k| k.kpi == name).unwrap().value;
    let engagement = kpi("engagement_rate").unwrap();
    assert!(
        (engagement - 68.0 * 100.0 / 1200.0).abs() < 1e-9,
        "{engagement}"
    );
    let growth = kpi("audience_growth_rate").unwrap();
    assert!((growth - 100.0 * 100.0 / 1200.0).abs() < 1e-9, "{growth}");
    // Nothing was typed in for clicks or spend: unknown, not zero.
    assert_eq!(kpi("click_through_rate"), None);
    assert_eq!(kpi("cost_per_click"), None);

    // The goal counts Instagram's followers at the end of its period.
    assert_eq!(insights.goals.len(), 1);
    assert_eq!(insights.goals[0].actual, Some(1100.0));
    assert_eq!(insights.goals[0].channels, vec!["Instagram".to_owned()]);

    // Trends per channel, on the days of the workspace's zone.
    let ig = insights
        .channels
        .iter()
        .find(|c| c.channel_id == s.instagram)
        .unwrap();
    assert_eq!(ig.posts, 3);
    assert_eq!(ig.days.len(), 30);
    let day = |d: u32| {
        ig.days
            .iter()
            .find(|f| f.day == NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
            .unwrap()
    };
    assert_eq!(day(2).engagements, Some(12.0));
    assert_eq!(day(15).followers, Some(1100.0));
    assert_eq!(day(16).followers, None);
    let fb = insights
        .channels
        .iter()
        .find(|c| c.channel_id == s.facebook)
        .unwrap();
    assert_eq!((fb.posts, fb.days[3].engagements), (1, Some(6.0)));

    // Two posts on Education, one on Product.
    let share = |name: &str| {
        insights
            .pillar_mix
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .actual_share
    };
    let education = share("Education").unwrap();
    assert!((education - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(insights.pillar_mix[0].target_share, Some(60.0));

    // Each channel's copy counts: Wednesday 19:00 had two (30 and 6 → 18 on
    // average), Monday 07:00 three with October's (7, 12, 20 → 13).
    assert_eq!(insights.best_times.suggestions, vec![(2, 19), (0, 7)]);
    assert_eq!(
        insights.best_times.posts[0][7], 3,
        "the October Monday counts as history"
    );
}

#[tokio::test]
async fn a_week_counts_its_own_posts_while_the_goal_keeps_its_whole_month() {
    let s = shop().await;
    // The first week of November: Monday's and Wednesday's posts only.
    let week = s.w.engine.insights("2026-11-02", "2026-11-08").unwrap();
    let kpi = |name: &str| {
        week.kpis
            .iter()
            .find(|k| k.kpi == name)
            .and_then(|k| k.value)
    };
    let ig = week
        .channels
        .iter()
        .find(|c| c.channel_id == s.instagram)
        .unwrap();
    assert_eq!(ig.posts, 2, "next Monday's post is outside the week");
    let ranked: Vec<i64> = week.top_posts.iter().map(|p| p.post_id).collect();
    assert!(!ranked.contains(&s.next_monday), "{ranked:?}");
    assert!(!ranked.contains(&s.october), "{ranked:?}");
    // The week's engagements: Monday 10 + 2, Wednesday 30 and 5 + 1 = 48,
    // over the 1,200 followers the two channels had when it began.
    let rate = kpi("engagement_rate").unwrap();
    assert!((rate - 100.0 * 48.0 / 1200.0).abs() < 1e-9, "{rate}");
    // The goal runs over the whole month whatever range is shown, and still
    // reads Instagram's followers at its end.
    assert_eq!(week.goals.len(), 1);
    assert_eq!(week.goals[0].actual, Some(1100.0));
    // The year of history behind the best times reaches back past the week
    // (October's Monday) and ends with it (not next Monday's).
    assert_eq!(week.best_times.posts[0][7], 2);
}

#[tokio::test]
async fn followers_near_midnight_stay_on_their_day_across_a_clock_change() {
    // Berlin moves from +1 to +2 at 02:00 on 29 March 2026.
    let w = world("Europe/Berlin", utc(2026, 3, 1, 0, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let mut store = Store::open(w.dir.path()).unwrap();
    store
        .append_samples(
            &[
                // 00:30 on 2 March (+1).
                sample(ig, None, Metric::Followers, 100.0, utc(2026, 3, 1, 23, 30)),
                // 23:30 on 29 March, the day of the change (+2).
                sample(ig, None, Metric::Followers, 150.0, utc(2026, 3, 29, 21, 30)),
                // 00:30 on 30 March (+2): with March's first offset this would
                // be 23:30 on the 29th and hide the figure before it.
                sample(ig, None, Metric::Followers, 160.0, utc(2026, 3, 29, 22, 30)),
                // 23:30 on 31 March (+2).
                sample(ig, None, Metric::Followers, 170.0, utc(2026, 3, 31, 21, 30)),
            ],
            utc(2026, 4, 1, 0, 0),
        )
        .unwrap();
    w.clock.set(utc(2026, 4, 2, 0, 0));
    let march = w.engine.insights("2026-03-01", "2026-03-31").unwrap();
    let days = &march.channels[0].days;
    assert_eq!(days.len(), 31);
    let followers: Vec<(u32, f64)> = days
        .iter()
        .filter_map(|d| d.followers.map(|f| (d.day.day(), f)))
        .collect();
    assert_eq!(
        followers,
        vec![(2, 100.0), (29, 150.0), (30, 160.0), (31, 170.0)]
    );
}

#[tokio::test]
async fn the_editor_gets_the_best_times_of_the_last_year() {
    let s = shop().await;
    let best = s.w.engine.best_times().unwrap();
    assert_eq!(best.suggestions, vec![(2, 19), (0, 7)]);
    // A year on, the old posts no longer speak for the shop.
    s.w.clock.set(utc(2027, 12, 1, 0, 0));
    assert!(s.w.engine.best_times().unwrap().suggestions.is_empty());
}

#[tokio::test]
async fn impossible_or_reversed_ranges_are_refused_in_words() {
    let s = shop().await;
    let reversed = s.w.engine.insights("2026-11-30", "2026-11-01").unwrap_err();
    assert_eq!(reversed.code(), "period_ends_before_start");
    let impossible = s.w.engine.insights("2026-02-30", "2026-03-01").unwrap_err();
    assert_eq!(impossible.code(), "invalid_date_time");
}

#[tokio::test]
async fn a_saved_report_is_whole_or_not_there() {
    let s = shop().await;
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("november.pdf");
    let saved =
        s.w.engine
            .save_report(
                "2026-11-01",
                "2026-11-30",
                Language::Id,
                ReportFormat::Pdf,
                &pdf,
            )
            .unwrap();
    assert_eq!(saved, pdf);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let csv = out.path().join("november.csv");
    s.w.engine
        .save_report(
            "2026-11-01",
            "2026-11-30",
            Language::En,
            ReportFormat::Csv,
            &csv,
        )
        .unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("best post,New: roti abon pedas,Instagram,2026-11-04,Likes,30,"),
        "{text}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no partial file left: {leftovers:?}");

    // A folder that is not there: a clear code, and nothing written.
    let nowhere = out.path().join("missing").join("report.pdf");
    let e =
        s.w.engine
            .save_report(
                "2026-11-01",
                "2026-11-30",
                Language::En,
                ReportFormat::Pdf,
                &nowhere,
            )
            .unwrap_err();
    assert_eq!(e.code(), "report_unwritable");
    assert!(!nowhere.exists());

    assert_eq!(
        s.w.engine
            .report_file_name("2026-11-01", "2026-11-30", ReportFormat::Pdf)
            .unwrap(),
        "My business 2026-11-01 to 2026-11-30.pdf"
    );
}
