//! The report as one CSV table a spreadsheet can sort and filter: a row per
//! figure, with the section it belongs to. Headers and section names are in
//! the report's language; figures keep a plain decimal point and unknown
//! figures are empty, so formulas in a spreadsheet never read "—" as text.

use chrono::DateTime;
use jadwal_domain::insights::{Insights, PostResult};
use jadwal_domain::schedule::{TimeZoneId, wall_time_at};

use crate::words::{goal_kind, measure_name, weekday_long, words};
use crate::{Language, ReportError};

/// Excel opens a UTF-8 file as UTF-8 only when it starts with this mark.
const BOM: &str = "\u{feff}";

struct Sections {
    goal: &'static str,
    kpi: &'static str,
    channel_day: &'static str,
    top_post: &'static str,
    bottom_post: &'static str,
    pillar: &'static str,
    best_time: &'static str,
    campaign: &'static str,
    header: [&'static str; 7],
}

fn sections(language: Language) -> Sections {
    match language {
        Language::English => Sections {
            goal: "goal",
            kpi: "key figure",
            channel_day: "channel day",
            top_post: "best post",
            bottom_post: "weakest post",
            pillar: "pillar",
            best_time: "time slot",
            campaign: "campaign",
            header: [
                "section", "name", "channel", "day", "measure", "value", "target",
            ],
        },
        Language::Indonesian => Sections {
            goal: "tujuan",
            kpi: "angka utama",
            channel_day: "hari saluran",
            top_post: "postingan terbaik",
            bottom_post: "postingan paling sepi",
            pillar: "pilar",
            best_time: "slot waktu",
            campaign: "kampanye",
            header: [
                "bagian", "nama", "saluran", "hari", "ukuran", "nilai", "target",
            ],
        },
    }
}

fn figure(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

pub(crate) fn write(
    insights: &Insights,
    language: Language,
    zone: TimeZoneId,
) -> Result<String, ReportError> {
    let s = sections(language);
    let w = words(language);
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(s.header)?;
    for g in &insights.goals {
        let period = format!("{}/{}", g.first_day, g.last_day);
        out.write_record([
            s.goal,
            &goal_kind(language, &g.kind),
            &g.channels.join(", "),
            &period,
            &measure_name(language, &g.kpi),
            &figure(g.actual),
            &figure(Some(g.target)),
        ])?;
    }
    for k in &insights.kpis {
        out.write_record([
            s.kpi,
            "",
            "",
            "",
            &measure_name(language, &k.kpi),
            &figure(k.value),
            "",
        ])?;
    }
    for c in &insights.channels {
        for d in &c.days {
            let day = d.day.to_string();
            for (name, value) in [(w.followers, d.followers), (w.engagements, d.engagements)] {
                if value.is_some() {
                    out.write_record([s.channel_day, "", &c.name, &day, name, &figure(value), ""])?;
                }
            }
        }
    }
    let mut post_rows = |section: &str, posts: &[PostResult]| -> Result<(), ReportError> {
        for p in posts {
            let day = DateTime::from_timestamp(p.published_at, 0)
                .map(|utc| wall_time_at(utc, zone).date().to_string())
                .unwrap_or_default();
            for (name, value) in [
                (w.likes, p.likes),
                (w.reposts, p.reposts),
                (w.replies, p.replies),
            ] {
                out.write_record([
                    section,
                    &p.excerpt,
                    &p.channel,
                    &day,
                    name,
                    &figure(value),
                    "",
                ])?;
            }
        }
        Ok(())
    };
    post_rows(s.top_post, &insights.top_posts)?;
    post_rows(s.bottom_post, &insights.bottom_posts)?;
    for p in &insights.pillar_mix {
        out.write_record([s.pillar, &p.name, "", "", w.posts, &p.posts.to_string(), ""])?;
        out.write_record([
            s.pillar,
            &p.name,
            "",
            "",
            "%",
            &figure(p.actual_share),
            &figure(p.target_share),
        ])?;
    }
    for c in &insights.campaigns {
        let period = format!("{}/{}", c.first_day, c.last_day);
        let channel = c.channel.clone().unwrap_or_default();
        out.write_record([
            s.campaign,
            &c.name,
            &channel,
            &period,
            w.budget,
            &figure(Some(c.budget)),
            "",
        ])?;
        out.write_record([
            s.campaign,
            &c.name,
            &channel,
            &period,
            w.spend,
            &figure(c.spend),
            "",
        ])?;
        for k in &c.kpis {
            out.write_record([
                s.campaign,
                &c.name,
                &channel,
                &period,
                &measure_name(language, &k.kpi),
                &figure(k.value),
                "",
            ])?;
        }
    }
    for (day, hour) in &insights.best_times.suggestions {
        let slot = format!("{} {hour:02}:00", weekday_long(language, usize::from(*day)));
        let average = insights
            .best_times
            .cells
            .get(usize::from(*day))
            .and_then(|row| row.get(usize::from(*hour)))
            .copied()
            .flatten();
        out.write_record([
            s.best_time,
            &slot,
            "",
            "",
            w.engagements,
            &figure(average),
            "",
        ])?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ReportError::Pdf(e.to_string()))?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}
