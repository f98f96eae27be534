//! The report's sections in the order the planning guides read them: goals
//! first, then the figures behind them, then what to do next (which posts
//! and pillars worked, and when to post).

use chrono::DateTime;
use jadwal_domain::insights::{DayFigure, Insights, PostResult};
use jadwal_domain::schedule::{TimeZoneId, wall_time_at};

use crate::charts::{self, WIDTH};
use crate::format::{self, measure, number, share};
use crate::layout::{Align, Column, INK, Layout, MUTED};
use crate::words::{Words, formula, goal_kind, measure_name, weekday_long, words};
use crate::{Language, ReportError};

/// Heights the charts are drawn at, for laying them out to scale.
const LINE_CHART_HEIGHT: u32 = 380;
const PILLAR_CHART_HEIGHT: u32 = 360;
const HEATMAP_HEIGHT: u32 = 330;

pub(crate) fn lay_out(
    insights: &Insights,
    language: Language,
    zone: TimeZoneId,
    made_on: chrono::NaiveDate,
) -> Result<Layout, ReportError> {
    let w = words(language);
    let mut layout = Layout::new();
    layout.line(w.title, 22.0, true, INK);
    layout.line(&insights.workspace, 14.0, false, INK);
    let period = format::range(language, insights.range.first_day, insights.range.last_day);
    layout.line(&format!("{}: {period}", w.period), 10.0, false, MUTED);
    layout.line(
        &format!("{}: {}", w.made_on, format::date(language, made_on)),
        10.0,
        false,
        MUTED,
    );

    goals(&mut layout, insights, language, w)?;
    kpis(&mut layout, insights, language, w);
    channels(&mut layout, insights, language, w)?;
    posts(
        &mut layout,
        w.top_posts,
        &insights.top_posts,
        language,
        zone,
        w,
    );
    posts(
        &mut layout,
        w.bottom_posts,
        &insights.bottom_posts,
        language,
        zone,
        w,
    );
    pillars(&mut layout, insights, language, w)?;
    campaigns(&mut layout, insights, language, w);
    best_times(&mut layout, insights, language, w)?;
    layout.gap(10.0);
    layout.paragraph(w.unknown_hint, 8.5, MUTED);
    Ok(layout)
}

fn goals(
    layout: &mut Layout,
    insights: &Insights,
    language: Language,
    w: &Words,
) -> Result<(), ReportError> {
    layout.heading(w.goals, 60.0);
    if insights.goals.is_empty() {
        layout.paragraph(w.no_goals, 10.0, MUTED);
        return Ok(());
    }
    let svg = charts::goal_bars(language, &insights.goals)?;
    let height = (insights.goals.len() as u32 * 56 + 70).max(140);
    layout.chart(svg, WIDTH, height);
    let columns = [
        Column {
            title: w.goal,
            width: 0.22,
            align: Align::Left,
        },
        Column {
            title: w.measure,
            width: 0.2,
            align: Align::Left,
        },
        Column {
            title: w.period,
            width: 0.24,
            align: Align::Left,
        },
        Column {
            title: w.target,
            width: 0.11,
            align: Align::Right,
        },
        Column {
            title: w.actual,
            width: 0.11,
            align: Align::Right,
        },
        Column {
            title: w.reached,
            width: 0.12,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = insights
        .goals
        .iter()
        .map(|g| {
            vec![
                goal_kind(language, &g.kind),
                measure_name(language, &g.kpi),
                format::range(language, g.first_day, g.last_day),
                measure(language, &g.kpi, Some(g.target)),
                measure(language, &g.kpi, g.actual),
                share(language, g.reached()),
            ]
        })
        .collect();
    layout.table(&columns, &rows);
    Ok(())
}

fn kpis(layout: &mut Layout, insights: &Insights, language: Language, w: &Words) {
    layout.heading(w.kpis, 60.0);
    let columns = [
        Column {
            title: w.measure,
            width: 0.32,
            align: Align::Left,
        },
        Column {
            title: w.value,
            width: 0.16,
            align: Align::Right,
        },
        Column {
            title: w.formula,
            width: 0.52,
            align: Align::Left,
        },
    ];
    let rows: Vec<Vec<String>> = insights
        .kpis
        .iter()
        .map(|k| {
            vec![
                measure_name(language, &k.kpi),
                measure(language, &k.kpi, k.value),
                formula(language, &k.kpi, &k.formula),
            ]
        })
        .collect();
    layout.table(&columns, &rows);
}

fn channels(
    layout: &mut Layout,
    insights: &Insights,
    language: Language,
    w: &Words,
) -> Result<(), ReportError> {
    layout.heading(w.channels, 60.0);
    let columns = [
        Column {
            title: w.channel,
            width: 0.4,
            align: Align::Left,
        },
        Column {
            title: w.posts,
            width: 0.15,
            align: Align::Right,
        },
        Column {
            title: w.followers,
            width: 0.2,
            align: Align::Right,
        },
        Column {
            title: w.engagements,
            width: 0.25,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = insights
        .channels
        .iter()
        .map(|c| {
            let last_followers = c.days.iter().rev().find_map(|d| d.followers);
            let engagements: Option<f64> = c
                .days
                .iter()
                .filter_map(|d| d.engagements)
                .fold(None, |sum, e| Some(sum.unwrap_or(0.0) + e));
            vec![
                channel_name(&c.name, &c.network),
                number(language, Some(f64::from(c.posts)), 0),
                number(language, last_followers, 0),
                number(language, engagements, 0),
            ]
        })
        .collect();
    layout.table(&columns, &rows);

    let has = |pick: fn(&DayFigure) -> Option<f64>| {
        insights
            .channels
            .iter()
            .flat_map(|c| &c.days)
            .any(|d| pick(d).is_some())
    };
    let followers: fn(&DayFigure) -> Option<f64> = |d| d.followers;
    let engagements: fn(&DayFigure) -> Option<f64> = |d| d.engagements;
    if !has(followers) && !has(engagements) {
        layout.paragraph(w.no_figures, 10.0, MUTED);
        return Ok(());
    }
    for (title, pick) in [
        (w.followers_chart, followers),
        (w.engagements_chart, engagements),
    ] {
        if has(pick) {
            layout.keep_together(40.0 + 190.0);
            layout.line(title, 11.0, true, INK);
            let svg = charts::channel_lines(language, insights.range, &insights.channels, pick)?;
            layout.chart(svg, WIDTH, LINE_CHART_HEIGHT);
        }
    }
    Ok(())
}

/// "Shop news (telegram)", but just "Bluesky" when the name is the network's.
fn channel_name(name: &str, network: &str) -> String {
    if name.eq_ignore_ascii_case(network) {
        name.to_owned()
    } else {
        format!("{name} ({network})")
    }
}

fn posts(
    layout: &mut Layout,
    title: &str,
    posts: &[PostResult],
    language: Language,
    zone: TimeZoneId,
    w: &Words,
) {
    if posts.is_empty() {
        return;
    }
    layout.heading(title, 60.0);
    let columns = [
        Column {
            title: w.post,
            width: 0.34,
            align: Align::Left,
        },
        Column {
            title: w.channel,
            width: 0.14,
            align: Align::Left,
        },
        Column {
            title: w.published,
            width: 0.22,
            align: Align::Left,
        },
        Column {
            title: w.likes,
            width: 0.1,
            align: Align::Right,
        },
        Column {
            title: w.reposts,
            width: 0.1,
            align: Align::Right,
        },
        Column {
            title: w.replies,
            width: 0.1,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = posts
        .iter()
        .map(|p| {
            let published = DateTime::from_timestamp(p.published_at, 0)
                .map(|utc| format::date(language, wall_time_at(utc, zone).date()))
                .unwrap_or_default();
            vec![
                p.excerpt.clone(),
                p.channel.clone(),
                published,
                number(language, p.likes, 0),
                number(language, p.reposts, 0),
                number(language, p.replies, 0),
            ]
        })
        .collect();
    layout.table(&columns, &rows);
}

fn pillars(
    layout: &mut Layout,
    insights: &Insights,
    language: Language,
    w: &Words,
) -> Result<(), ReportError> {
    if insights.pillar_mix.is_empty() {
        return Ok(());
    }
    layout.heading(w.pillar_mix, 200.0);
    let svg = charts::pillar_bars(language, &insights.pillar_mix)?;
    layout.chart(svg, WIDTH, PILLAR_CHART_HEIGHT);
    let columns = [
        Column {
            title: w.pillar,
            width: 0.4,
            align: Align::Left,
        },
        Column {
            title: w.posts,
            width: 0.2,
            align: Align::Right,
        },
        Column {
            title: w.actual,
            width: 0.2,
            align: Align::Right,
        },
        Column {
            title: w.planned,
            width: 0.2,
            align: Align::Right,
        },
    ];
    let percent = |v: Option<f64>| share(language, v.map(|p| p / 100.0));
    let rows: Vec<Vec<String>> = insights
        .pillar_mix
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                number(language, Some(f64::from(p.posts)), 0),
                percent(p.actual_share),
                percent(p.target_share),
            ]
        })
        .collect();
    layout.table(&columns, &rows);
    Ok(())
}

fn campaigns(layout: &mut Layout, insights: &Insights, language: Language, w: &Words) {
    if insights.campaigns.is_empty() {
        return;
    }
    layout.heading(w.campaigns, 60.0);
    let columns = [
        Column {
            title: w.campaign,
            width: 0.23,
            align: Align::Left,
        },
        Column {
            title: w.period,
            width: 0.25,
            align: Align::Left,
        },
        Column {
            title: w.budget,
            width: 0.12,
            align: Align::Right,
        },
        Column {
            title: w.spend,
            width: 0.12,
            align: Align::Right,
        },
        Column {
            title: "CPC",
            width: 0.1,
            align: Align::Right,
        },
        Column {
            title: "CPM",
            width: 0.09,
            align: Align::Right,
        },
        Column {
            title: "ROAS",
            width: 0.09,
            align: Align::Right,
        },
    ];
    let rows: Vec<Vec<String>> = insights
        .campaigns
        .iter()
        .map(|c| {
            let kpi = |name: &str| c.kpis.iter().find(|k| k.kpi == name).and_then(|k| k.value);
            let name = match &c.channel {
                Some(channel) => format!("{} ({channel})", c.name),
                None => c.name.clone(),
            };
            vec![
                name,
                format::range(language, c.first_day, c.last_day),
                number(language, Some(c.budget), 2),
                number(language, c.spend, 2),
                number(language, kpi("cost_per_click"), 2),
                number(language, kpi("cost_per_mille"), 2),
                number(language, kpi("return_on_ad_spend"), 2),
            ]
        })
        .collect();
    layout.table(&columns, &rows);
}

fn best_times(
    layout: &mut Layout,
    insights: &Insights,
    language: Language,
    w: &Words,
) -> Result<(), ReportError> {
    layout.heading(w.best_times, 200.0);
    let best = &insights.best_times;
    if best.suggestions.is_empty() {
        layout.paragraph(w.no_best_times, 10.0, MUTED);
        return Ok(());
    }
    let slots: Vec<String> = best
        .suggestions
        .iter()
        .map(|(day, hour)| format!("{} {hour:02}:00", weekday_long(language, usize::from(*day))))
        .collect();
    layout.line(&slots.join(" · "), 11.0, true, INK);
    layout.paragraph(w.best_times_hint, 9.0, MUTED);
    let svg = charts::best_times_heatmap(language, best)?;
    layout.chart(svg, WIDTH, HEATMAP_HEIGHT);
    Ok(())
}
