//! Figures for people: the CSV preview, an import's result with one line
//! per bad row, a refresh per channel, a post's figures.

#![allow(clippy::print_stdout)] // printing is this module's job

use jadwal_engine::dto::{
    CsvImportDto, CsvPreviewDto, MetricSampleDto, MetricsRefreshDto, RefreshStatus,
    TargetMetricsDto,
};

pub fn preview(p: &CsvPreviewDto) {
    println!(
        "{} data rows; separator “{}”; decimal {}",
        p.row_count,
        p.separator,
        if p.decimal_comma { "comma" } else { "point" }
    );
    let header = |i: Option<u32>| {
        i.and_then(|i| p.columns.get(i as usize))
            .map_or("(none)".to_owned(), |c| c.header.clone())
    };
    println!("date column: {}", header(p.suggested.date_column));
    println!("post column: {}", header(p.suggested.post_column));
    for m in &p.suggested.metrics {
        println!("{} = {}", header(Some(m.column)), m.metric);
    }
    for row in p.rows.iter().take(5) {
        println!("  {}", row.join(" | "));
    }
}

pub fn imported(r: &CsvImportDto) {
    for problem in &r.problems {
        println!("{}", problem.message);
    }
    if r.imported == 0 && !r.problems.is_empty() && r.skipped == 0 {
        println!(
            "Nothing imported: {} rows have problems. Fix them, or pass --skip-bad-rows.",
            r.problems.len()
        );
    } else if r.skipped > 0 {
        println!(
            "Imported {} figures from {} rows; left out {} bad rows.",
            r.imported,
            r.rows - r.skipped,
            r.skipped
        );
    } else {
        println!("Imported {} figures from {} rows.", r.imported, r.rows);
    }
}

pub fn refreshed(r: &MetricsRefreshDto) {
    for c in &r.channels {
        let how = match c.status {
            RefreshStatus::Fetched => format!("{} figures", c.samples),
            RefreshStatus::Partial => format!(
                "{} figures; {} of {} posts failed",
                c.samples, c.failed_posts, c.posts
            ),
            RefreshStatus::Failed => "failed".to_owned(),
            RefreshStatus::NotAvailable => "the network gives no figures".to_owned(),
            RefreshStatus::NotConnected => "not connected".to_owned(),
        };
        match &c.message {
            Some(why) => println!("{}: {how}: {why}", c.channel_name),
            None => println!("{}: {how}", c.channel_name),
        }
    }
}

pub fn sample(s: &MetricSampleDto) {
    let period = s
        .period_end
        .as_ref()
        .map_or(String::new(), |end| format!(" to {end}"));
    println!(
        "{} {} ({}) at {}{period}",
        s.metric, s.value, s.source, s.taken_at
    );
}

pub fn target(m: &TargetMetricsDto) {
    if m.history.is_empty() {
        println!(
            "No figures for post #{} on channel #{}.",
            m.post_id, m.channel_id
        );
        return;
    }
    println!("Newest:");
    for s in &m.latest {
        sample(s);
    }
    println!("History:");
    for s in &m.history {
        sample(s);
    }
}
