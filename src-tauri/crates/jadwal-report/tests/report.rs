//! A month of a coffee shop's figures, written as PDF and CSV and read back
//! with poppler (what a person's PDF viewer would show) and the csv crate.
//! Set JADWAL_REPORT_PNG_DIR to also keep the pages as PNG pictures.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use jadwal_domain::insights::{
    CampaignResult, ChannelTrend, DayFigure, GoalProgress, Insights, KpiFigure, PillarCount,
    PostResult, PublishedResult, ReportRange, best_times, pillar_mix, top_and_bottom,
};
use jadwal_domain::kpi::Kpi;
use jadwal_domain::schedule::TimeZoneId;
use jadwal_report::{Language, csv, pdf};
use std::path::Path;
use std::process::Command;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn zone() -> TimeZoneId {
    "Asia/Jakarta".parse().unwrap()
}

fn sample() -> Insights {
    let range = ReportRange::new(day(1), day(30)).unwrap();
    let trend =
        |id: i64, name: &str, network: &str, color: &str, base: f64, step: f64| ChannelTrend {
            channel_id: id,
            name: name.into(),
            network: network.into(),
            color: color.into(),
            posts: 12,
            days: (0..30)
                .map(|i| DayFigure {
                    day: day(1) + Duration::days(i),
                    followers: (i % 7 != 3).then_some(base + step * i as f64),
                    engagements: Some(((i * 7 + id * 3) % 23) as f64),
                })
                .collect(),
        };
    let posts: Vec<PostResult> = (0..12)
        .map(|i| PostResult {
            post_id: i,
            channel: if i % 2 == 0 {
                "Bluesky".into()
            } else {
                "Mastodon".into()
            },
            published_at: Utc
                .with_ymd_and_hms(2026, 11, 2 + i as u32 * 2, 0, 30, 0)
                .unwrap()
                .timestamp(),
            excerpt: format!(
                "Kopi susu gula aren promo #{i}: buy one get one every Friday morning at the shop"
            ),
            likes: Some((i * 13 % 40) as f64),
            reposts: Some((i % 5) as f64),
            replies: (i != 4).then_some((i % 3) as f64),
        })
        .collect();
    let ranked = top_and_bottom(&posts, 5);
    let published: Vec<PublishedResult> = posts
        .iter()
        .map(|p| PublishedResult {
            published_at: chrono::DateTime::from_timestamp(p.published_at, 0).unwrap(),
            engagements: p.engagements().unwrap(),
        })
        .collect();
    Insights {
        workspace: "Warung Kopi Senja".into(),
        range,
        goals: vec![
            GoalProgress {
                goal_id: 1,
                kind: "community".into(),
                kpi: "followers".into(),
                target: 1500.0,
                actual: Some(1240.0),
                first_day: day(1),
                last_day: day(30),
                channels: vec!["Bluesky".into(), "Mastodon".into()],
            },
            GoalProgress {
                goal_id: 2,
                kind: "engagement".into(),
                kpi: "engagement_rate".into(),
                target: 4.0,
                actual: Some(5.1),
                first_day: day(1),
                last_day: day(30),
                channels: vec!["Bluesky".into()],
            },
            GoalProgress {
                goal_id: 3,
                kind: "leads".into(),
                kpi: "conversion_rate".into(),
                target: 2.0,
                actual: None,
                first_day: day(1),
                last_day: day(30),
                channels: vec![],
            },
        ],
        channels: vec![
            trend(1, "Bluesky", "bluesky", "#1185fe", 900.0, 6.0),
            trend(2, "Mastodon", "mastodon", "#6364ff", 300.0, 2.5),
        ],
        kpis: Kpi::ALL
            .iter()
            .map(|k| KpiFigure {
                kpi: k.as_str().into(),
                formula: k.formula().into(),
                value: match k {
                    Kpi::EngagementRate => Some(5.1234),
                    Kpi::AudienceGrowthRate => Some(17.9),
                    _ => None,
                },
            })
            .collect(),
        top_posts: ranked.top,
        bottom_posts: ranked.bottom,
        pillar_mix: pillar_mix(&[
            PillarCount {
                name: "Education".into(),
                color: "#2e7d32".into(),
                target_share: Some(40.0),
                posts: 3,
            },
            PillarCount {
                name: "Product".into(),
                color: "#c62828".into(),
                target_share: Some(30.0),
                posts: 7,
            },
            PillarCount {
                name: "Behind the scenes".into(),
                color: "#f9a825".into(),
                target_share: Some(30.0),
                posts: 2,
            },
        ]),
        best_times: best_times(&published, zone()),
        campaigns: vec![CampaignResult {
            name: "Promo Natal".into(),
            channel: Some("Bluesky".into()),
            first_day: day(10),
            last_day: day(20),
            budget: 500_000.0,
            spend: Some(400_000.0),
            kpis: [
                (Kpi::CostPerClick, Some(2_000.0)),
                (Kpi::CostPerMille, None),
                (Kpi::ReturnOnAdSpend, Some(3.5)),
            ]
            .into_iter()
            .map(|(k, value)| KpiFigure {
                kpi: k.as_str().into(),
                formula: k.formula().into(),
                value,
            })
            .collect(),
        }],
    }
}

fn pdf_text(bytes: &[u8], dir: &Path) -> String {
    let file = dir.join("report.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", file.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/install");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn keep_pages_as_png(bytes: &[u8], name: &str) {
    let Ok(dir) = std::env::var("JADWAL_REPORT_PNG_DIR") else {
        return;
    };
    let file = Path::new(&dir).join(format!("{name}.pdf"));
    std::fs::write(&file, bytes).unwrap();
    let status = Command::new("pdftoppm")
        .args([
            "-png",
            "-r",
            "80",
            file.to_str().unwrap(),
            Path::new(&dir).join(name).to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn the_english_pdf_says_what_the_figures_say() {
    let insights = sample();
    let bytes = pdf(
        &insights,
        Language::English,
        zone(),
        day(30) + Duration::days(1),
    )
    .unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    keep_pages_as_png(&bytes, "report-en");
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&bytes, dir.path());
    for expected in [
        "Social media report",
        "Warung Kopi Senja",
        "Period: 1–30 November 2026",
        "Made on: 1 December 2026",
        "Community",
        "1,500",
        "1,240",
        "83 %",
        "Engagement rate",
        "5.12 %",
        "(likes + comments + shares) ÷ followers × 100",
        "Posts that did best",
        "Content pillars",
        "Best times to post",
        "Paid boosts and ads",
        "Promo Natal (Bluesky)",
        "400,000",
        "2,000",
        "3.5",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // An unknown figure is a dash, never NaN, inf or a zero.
    assert!(!text.contains("NaN") && !text.contains("inf"));
    // The goals table's row (the chart's label comes first).
    let orders = text
        .lines()
        .rfind(|l| l.contains("Leads and sales"))
        .unwrap();
    assert!(orders.contains('—'), "{orders}");
    // Page numbers on every page.
    let pages = text.matches("Page ").count();
    assert!(
        pages >= 2 && text.contains(&format!("Page {pages} / {pages}")),
        "{pages} pages"
    );
}

#[test]
fn the_indonesian_pdf_is_in_indonesian_with_indonesian_numbers() {
    let bytes = pdf(&sample(), Language::Indonesian, zone(), day(30)).unwrap();
    keep_pages_as_png(&bytes, "report-id");
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&bytes, dir.path());
    for expected in [
        "Laporan media sosial",
        "Periode: 1–30 November 2026",
        "Tingkat interaksi",
        "5,12 %",
        "1.500",
        "(suka + komentar + bagikan) ÷ pengikut × 100",
        "Waktu terbaik untuk memposting",
        "Halaman 1 /",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("Social media report"));
}

#[test]
fn an_empty_workspace_still_makes_a_readable_report() {
    let empty = Insights {
        workspace: "Toko Batik Baru".into(),
        range: ReportRange::new(day(1), day(7)).unwrap(),
        goals: vec![],
        channels: vec![],
        kpis: vec![],
        top_posts: vec![],
        bottom_posts: vec![],
        pillar_mix: vec![],
        best_times: best_times(&[], zone()),
        campaigns: vec![],
    };
    let bytes = pdf(&empty, Language::English, zone(), day(8)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = pdf_text(&bytes, dir.path());
    assert!(text.contains("No goal has been set"), "{text}");
    assert!(text.contains("Not enough published posts yet"), "{text}");
    assert!(text.contains("Page 1 / 1"), "{text}");
}

#[test]
fn the_csv_has_a_row_per_figure_and_leaves_unknowns_empty() {
    let insights = sample();
    let text = csv(&insights, Language::English, zone()).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "section");
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let goal = rows.iter().find(|r| &r[1] == "Leads and sales").unwrap();
    assert_eq!((&goal[5], &goal[6]), ("", "2"));
    let regulars = rows.iter().find(|r| &r[1] == "Community").unwrap();
    assert_eq!((&regulars[5], &regulars[6]), ("1240", "1500"));
    let channel_days = rows.iter().filter(|r| &r[0] == "channel day").count();
    let expected: usize = insights
        .channels
        .iter()
        .flat_map(|c| &c.days)
        .map(|d| usize::from(d.followers.is_some()) + usize::from(d.engagements.is_some()))
        .sum();
    assert_eq!(channel_days, expected);
    assert!(rows.iter().any(|r| &r[0] == "best post"));
    let roas = rows
        .iter()
        .find(|r| &r[0] == "campaign" && &r[4] == "Return on ad spend")
        .unwrap();
    assert_eq!((&roas[1], &roas[5]), ("Promo Natal", "3.5"));
    let cpm = rows
        .iter()
        .find(|r| &r[0] == "campaign" && &r[4] == "Cost per 1,000 impressions")
        .unwrap();
    assert_eq!(&cpm[5], "", "an unknown CPM is left empty");
    assert!(rows.iter().all(|r| !r.iter().any(|f| f == "NaN")));

    let indonesian = csv(&insights, Language::Indonesian, zone()).unwrap();
    assert!(indonesian.contains("bagian,nama,saluran"));
    assert!(indonesian.contains("tujuan,Komunitas"));
}
