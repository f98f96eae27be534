//! Printing results: plain lines for people, JSON for scripts.

#![allow(clippy::print_stdout)] // printing is this module's job

use jadwal_domain::ScheduleAdjustment;
use jadwal_engine::dto::{
    AccountDto, ChannelDto, PostDto, PostSummaryDto, PublishResultDto, SaveOutcomeDto,
};
use serde_json::json;

use crate::run::CliError;

pub enum Output {
    Summaries(Vec<PostSummaryDto>),
    Post(PostDto),
    Saved(SaveOutcomeDto),
    Deleted(i64),
    Channels(Vec<ChannelDto>),
    Channel(ChannelDto),
    Accounts(Vec<AccountDto>),
    Account(AccountDto),
    Disconnected(i64),
    Published(Vec<PublishResultDto>),
    Log(Vec<jadwal_engine::dto::AttemptDto>),
    Imported(Vec<jadwal_engine::dto::ImportResultDto>),
    Media(Vec<jadwal_engine::dto::MediaDto>),
    Attached(Vec<jadwal_engine::dto::AttachmentDto>),
    Problems(Vec<jadwal_engine::dto::MediaProblemDto>),
    Renditions {
        written: Vec<jadwal_engine::dto::WrittenRenditionDto>,
        problems: Vec<jadwal_engine::dto::MediaProblemDto>,
    },
    Stopped,
    ReportSaved(std::path::PathBuf),
    CsvPreview(jadwal_engine::dto::CsvPreviewDto),
    CsvImported(jadwal_engine::dto::CsvImportDto),
    MetricsRefreshed(jadwal_engine::dto::MetricsRefreshDto),
    MetricRecorded(jadwal_engine::dto::MetricSampleDto),
    TargetMetrics(jadwal_engine::dto::TargetMetricsDto),
    CampaignCsvPreview(jadwal_engine::dto::CampaignCsvPreviewDto),
    CampaignCsvImported(jadwal_engine::dto::CampaignCsvPlanDto),
    AutoReports(jadwal_engine::dto::AutoReportsDto),
}

impl Output {
    pub fn is_partial_failure(&self) -> bool {
        matches!(self, Output::Published(v) if v.iter().any(|r| !r.published))
            // A refused file in an import fails the command; the others are in.
            || matches!(self, Output::Imported(v) if v.iter().any(|r| r.error.is_some()))
            // A CSV refused for its bad rows imported nothing.
            || matches!(self, Output::CsvImported(r) if !r.problems.is_empty() && r.skipped == 0)
            || matches!(self, Output::CampaignCsvImported(r) if !r.applied)
    }
}

pub fn print_ok(out: &Output, json: bool) {
    if json {
        let value = match out {
            Output::Summaries(v) => json!(v),
            Output::Post(p) => json!(p),
            Output::Saved(s) => json!(s),
            Output::Deleted(id) => json!({ "deleted": id }),
            Output::Channels(v) => json!(v),
            Output::Channel(c) => json!(c),
            Output::Accounts(v) => json!(v),
            Output::Account(a) => json!(a),
            Output::Disconnected(id) => json!({ "disconnected": id }),
            Output::Published(v) => json!(v),
            Output::Log(v) => json!(v),
            Output::Imported(v) => json!(v),
            Output::Media(v) => json!(v),
            Output::Attached(v) => json!(v),
            Output::Problems(v) => json!(v),
            Output::Renditions { written, problems } => {
                json!({ "renditions": written, "problems": problems })
            }
            Output::Stopped => json!({ "stopped": true }),
            Output::ReportSaved(path) => json!({ "report": path }),
            Output::CsvPreview(p) => json!(p),
            Output::CsvImported(r) => json!(r),
            Output::MetricsRefreshed(r) => json!(r),
            Output::MetricRecorded(s) => json!(s),
            Output::TargetMetrics(m) => json!(m),
            Output::CampaignCsvPreview(p) => json!(p),
            Output::CampaignCsvImported(r) => json!(r),
            Output::AutoReports(a) => json!(a),
        };
        println!("{value}");
        return;
    }
    match out {
        Output::Summaries(v) if v.is_empty() => println!("No posts."),
        Output::Summaries(v) => {
            for p in v {
                let when = p.start.as_deref().unwrap_or("(no date)").replace('T', " ");
                println!(
                    "#{:<6} {when:<16}  {:<9}  {}",
                    p.id,
                    p.status.as_str(),
                    first_line(&p.excerpt)
                );
            }
        }
        Output::Post(p) => print_post(p),
        Output::Saved(s) => {
            print_post(&s.post);
            if let Some(a) = &s.adjustment {
                println!("Note: {}", describe(a));
            }
        }
        Output::Deleted(id) => println!("Deleted post #{id}."),
        Output::Channels(v) if v.is_empty() => println!("No channels."),
        Output::Channels(v) => {
            for c in v {
                println!("#{:<4} {:<24} {}", c.id, c.name, c.network);
            }
        }
        Output::Channel(c) => println!("#{} {} ({})", c.id, c.name, c.network),
        Output::Accounts(v) if v.is_empty() => println!("No connected accounts."),
        Output::Accounts(v) => {
            for a in v {
                println!(
                    "channel #{:<4} @{:<32} {}",
                    a.channel_id, a.handle, a.status
                );
            }
        }
        Output::Account(a) => println!("Connected @{} to channel #{}.", a.handle, a.channel_id),
        Output::Disconnected(id) => println!("Disconnected channel #{id}."),
        Output::Stopped => println!("The scheduler stopped."),
        Output::ReportSaved(path) => println!("Report saved to {}.", path.display()),
        Output::Log(v) if v.is_empty() => println!("Not published yet: no tries."),
        Output::Log(v) => {
            for a in v {
                let what = match (a.outcome.as_str(), &a.url, &a.message) {
                    ("published", Some(url), _) => format!("published {url}"),
                    (_, _, Some(why)) => format!("{}: {why}", a.outcome),
                    (outcome, _, _) => outcome.to_owned(),
                };
                println!("{}  {:<20} {what}", a.started_at, a.channel_name);
            }
        }
        Output::Imported(v) => crate::media_output::imported(v),
        Output::CsvPreview(p) => crate::metrics_output::preview(p),
        Output::CsvImported(r) => crate::metrics_output::imported(r),
        Output::MetricsRefreshed(r) => crate::metrics_output::refreshed(r),
        Output::MetricRecorded(s) => crate::metrics_output::sample(s),
        Output::TargetMetrics(m) => crate::metrics_output::target(m),
        Output::CampaignCsvPreview(p) => crate::paid_output::preview(p),
        Output::CampaignCsvImported(r) => crate::paid_output::plan(r),
        Output::AutoReports(a) => crate::auto_reports_output::print(a),
        Output::Media(v) => crate::media_output::library(v),
        Output::Attached(v) => crate::media_output::attached(v),
        Output::Problems(v) => crate::media_output::problems(v),
        Output::Renditions { written, problems } => {
            crate::media_output::renditions(written, problems)
        }
        Output::Published(v) => {
            for r in v {
                match (&r.url, &r.message) {
                    (Some(url), _) if r.published => {
                        println!("{}: published {url}", r.channel_name)
                    }
                    (_, Some(why)) => println!("{}: not published: {why}", r.channel_name),
                    _ => println!("{}: not published", r.channel_name),
                }
            }
        }
    }
}

fn print_post(p: &PostDto) {
    let when = p.schedule.as_ref().map_or("(no date)".to_owned(), |s| {
        format!("{} {}", s.local.replace('T', " "), s.time_zone)
    });
    println!("Post #{} · {} · {}", p.id, p.status.as_str(), when);
    let channels: Vec<String> = p
        .targets
        .iter()
        .map(|t| format!("#{}", t.channel_id))
        .collect();
    if !channels.is_empty() {
        println!("Channels: {}", channels.join(", "));
    }
    println!();
    println!("{}", p.text);
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or_default()
}

fn describe(a: &ScheduleAdjustment) -> String {
    match a {
        ScheduleAdjustment::SkippedForward { requested, actual } => format!(
            "{} does not exist (the clocks jump forward); it is set to {}",
            requested.to_string().replace('T', " "),
            actual.to_string().replace('T', " ")
        ),
        ScheduleAdjustment::AmbiguousEarlier { requested } => format!(
            "{} happens twice (the clocks fall back); the first one is used",
            requested.to_string().replace('T', " ")
        ),
    }
}

pub fn print_err(e: &CliError, json: bool) {
    if json {
        println!(
            "{}",
            json!({ "error": { "code": e.code(), "message": e.to_string() } })
        );
    } else {
        eprintln!("jadwal-cli: {e}");
    }
}
