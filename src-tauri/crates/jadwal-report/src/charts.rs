//! The report's charts, drawn by plotters into SVG. The PDF writer places the
//! SVG as vector graphics, so charts stay sharp when printed or zoomed.

use chrono::Datelike;
use jadwal_domain::insights::{BestTimes, ChannelTrend, GoalProgress, PillarShare, ReportRange};
use plotters::prelude::*;

use crate::fonts::FAMILY;
use crate::format::number;
use crate::words::{goal_kind, weekday_short, words};
use crate::{Language, ReportError};

/// Charts are drawn at this many pixels wide; the PDF scales them to the page.
pub(crate) const WIDTH: u32 = 1000;

const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
const PLANNED: RGBColor = RGBColor(0xb0, 0xb0, 0xb0);

fn chart_error(e: impl std::fmt::Display) -> ReportError {
    ReportError::Chart(e.to_string())
}

fn colour(hex: &str) -> RGBColor {
    let channel = |range: std::ops::Range<usize>| {
        hex.trim_start_matches('#')
            .get(range)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x66)
    };
    RGBColor(channel(0..2), channel(2..4), channel(4..6))
}

/// A label cut to `max` characters, so it stays inside the chart's margin.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn blend(from: RGBColor, to: RGBColor, t: f64) -> RGBColor {
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
}

fn label_style(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&INK)
}

/// One line per channel over the days of the range. `pick` chooses the
/// figure (followers, engagements); days without a figure are gaps.
pub(crate) fn channel_lines(
    language: Language,
    range: ReportRange,
    channels: &[ChannelTrend],
    pick: fn(&jadwal_domain::insights::DayFigure) -> Option<f64>,
) -> Result<String, ReportError> {
    let height = 380;
    let points: Vec<(usize, Vec<(i64, f64)>)> = channels
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let pts = c
                .days
                .iter()
                .filter(|d| range.contains(d.day))
                .filter_map(|d| pick(d).map(|v| ((d.day - range.first_day).num_days(), v)))
                .collect();
            (i, pts)
        })
        .collect();
    let (low, high) = points
        .iter()
        .flat_map(|(_, p)| p.iter().map(|(_, v)| *v))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let (low, high) = if low.is_finite() {
        let pad = ((high - low) * 0.1).max(1.0);
        ((low - pad).max(0.0), high + pad)
    } else {
        (0.0, 1.0)
    };
    let days = range.days().max(2);
    let first = range.first_day;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(80)
            .build_cartesian_2d(0_i64..days - 1, low..high)
            .map_err(chart_error)?;
        let day_label = |offset: &i64| {
            let day = first + chrono::Duration::days(*offset);
            format!("{}/{}", day.day(), day.month())
        };
        let value_label = |v: &f64| number(language, Some(*v), 0);
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(INK)
            .x_labels(8)
            .y_labels(6)
            .x_label_formatter(&day_label)
            .y_label_formatter(&value_label)
            .label_style(label_style(24))
            .draw()
            .map_err(chart_error)?;
        for (i, pts) in &points {
            let Some(channel) = channels.get(*i) else {
                continue;
            };
            let c = colour(&channel.color);
            chart
                .draw_series(LineSeries::new(pts.iter().copied(), c.stroke_width(3)))
                .map_err(chart_error)?
                .label(channel.name.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 24, y)], c.stroke_width(4))
                });
            chart
                .draw_series(pts.iter().map(|p| Circle::new(*p, 3, c.filled())))
                .map_err(chart_error)?;
        }
        if !channels.is_empty() {
            chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.9))
                .border_style(GRID)
                .label_font(label_style(24))
                .position(SeriesLabelPosition::UpperLeft)
                .draw()
                .map_err(chart_error)?;
        }
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

/// Bars of each pillar's actual share beside its planned share.
pub(crate) fn pillar_bars(
    language: Language,
    pillars: &[PillarShare],
) -> Result<String, ReportError> {
    let w = words(language);
    let height = 360;
    let n = pillars.len().max(1) as i32;
    let top = pillars
        .iter()
        .flat_map(|p| [p.actual_share, p.target_share])
        .flatten()
        .fold(10.0_f64, f64::max)
        * 1.15;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(70)
            .build_cartesian_2d(0_i32..n * 3, 0.0..top)
            .map_err(chart_error)?;
        let names: Vec<String> = pillars.iter().map(|p| p.name.clone()).collect();
        let pillar_label = move |x: &i32| {
            if x % 3 == 1 {
                names
                    .get((x / 3) as usize)
                    .map(|n| short(n, 22))
                    .unwrap_or_default()
            } else {
                String::new()
            }
        };
        let percent = |v: &f64| format!("{} %", number(language, Some(*v), 0));
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(INK)
            .x_labels((n * 3) as usize)
            .x_label_formatter(&pillar_label)
            .y_label_formatter(&percent)
            .label_style(label_style(24))
            .draw()
            .map_err(chart_error)?;
        let actual: Vec<_> = pillars
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.actual_share.map(|s| (i as i32 * 3, s, colour(&p.color))))
            .collect();
        chart
            .draw_series(
                actual
                    .iter()
                    .map(|(x, s, c)| Rectangle::new([(*x, 0.0), (x + 1, *s)], c.filled())),
            )
            .map_err(chart_error)?
            .label(w.actual)
            .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], INK.filled()));
        chart
            .draw_series(pillars.iter().enumerate().filter_map(|(i, p)| {
                p.target_share.map(|s| {
                    let x = i as i32 * 3 + 1;
                    Rectangle::new([(x, 0.0), (x + 1, s)], PLANNED.filled())
                })
            }))
            .map_err(chart_error)?
            .label(w.planned)
            .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], PLANNED.filled()));
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font(label_style(24))
            .position(SeriesLabelPosition::UpperRight)
            .draw()
            .map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

/// One bar per goal: how much of its target is reached, with the target
/// marked at 100 %.
pub(crate) fn goal_bars(language: Language, goals: &[GoalProgress]) -> Result<String, ReportError> {
    let row = 56;
    let height = (goals.len() as u32 * row + 70).max(140);
    let n = goals.len().max(1) as i32;
    let reached: Vec<Option<f64>> = goals
        .iter()
        .map(|g| g.reached().map(|r| r * 100.0))
        .collect();
    let right = reached
        .iter()
        .flatten()
        .fold(120.0_f64, |m, r| m.max(*r * 1.1))
        .min(400.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_right(40)
            .x_label_area_size(40)
            .y_label_area_size(340)
            .build_cartesian_2d(0.0..right, 0_i32..n)
            .map_err(chart_error)?;
        // The chart names the goal; the table under it says what measures it.
        let names: Vec<String> = goals
            .iter()
            .map(|g| short(&goal_kind(language, &g.kind), 26))
            .collect();
        let goal_label =
            move |y: &i32| names.get((n - 1 - y) as usize).cloned().unwrap_or_default();
        let percent = |v: &f64| format!("{} %", number(language, Some(*v), 0));
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(INK)
            .y_labels(n as usize)
            .y_label_offset(-(row as i32) / 2 + 10)
            .y_label_formatter(&goal_label)
            .x_label_formatter(&percent)
            .label_style(label_style(24))
            .draw()
            .map_err(chart_error)?;
        let good = RGBColor(0x2e, 0x7d, 0x32);
        let short = RGBColor(0xef, 0x8f, 0x00);
        chart
            .draw_series(reached.iter().enumerate().filter_map(|(i, r)| {
                r.map(|r| {
                    let y = n - 1 - i as i32;
                    let c = if r >= 100.0 { good } else { short };
                    let mut bar = Rectangle::new([(0.0, y), (r.min(right), y + 1)], c.filled());
                    bar.set_margin(12, 12, 0, 0);
                    bar
                })
            }))
            .map_err(chart_error)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(100.0, 0), (100.0, n)],
                INK.stroke_width(2),
            )))
            .map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}

/// Weekday rows × hour columns, darker where posts gathered more.
pub(crate) fn best_times_heatmap(
    language: Language,
    best: &BestTimes,
) -> Result<String, ReportError> {
    let height = 330;
    let top = best
        .cells
        .iter()
        .flatten()
        .flatten()
        .fold(0.0_f64, |m, v| m.max(*v));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(60)
            .build_cartesian_2d(0_i32..24, 0_i32..7)
            .map_err(chart_error)?;
        let hour_label = |h: &i32| {
            if *h < 24 {
                format!("{h:02}")
            } else {
                String::new()
            }
        };
        let day_label = move |d: &i32| weekday_short(language, (6 - d) as usize).to_owned();
        chart
            .configure_mesh()
            .disable_mesh()
            .axis_style(INK)
            .x_labels(24)
            .y_labels(7)
            .x_label_offset(18)
            .y_label_offset(-20)
            .x_label_formatter(&hour_label)
            .y_label_formatter(&day_label)
            .label_style(label_style(21))
            .draw()
            .map_err(chart_error)?;
        let mut cells = Vec::new();
        for (day, row) in best.cells.iter().enumerate().take(7) {
            for (hour, value) in row.iter().enumerate().take(24) {
                let (x, y) = (hour as i32, 6 - day as i32);
                let fill = match value {
                    Some(v) if top > 0.0 => {
                        let t = (v / top).clamp(0.0, 1.0);
                        // From a pale to a deep teal; an empty slot stays light grey.
                        blend(RGBColor(0xe0, 0xf2, 0xf1), RGBColor(0x00, 0x69, 0x5c), t)
                    }
                    Some(_) => RGBColor(0xe0, 0xf2, 0xf1),
                    None => RGBColor(0xf4, 0xf4, 0xf4),
                };
                let mut cell = Rectangle::new([(x, y), (x + 1, y + 1)], fill.filled());
                cell.set_margin(1, 1, 1, 1);
                cells.push(cell);
            }
        }
        chart.draw_series(cells).map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(svg)
}
