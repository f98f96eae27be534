//! The automatic-report choices for people: on or off, where, what, and
//! how the last run went.

#![allow(clippy::print_stdout)] // printing is this module's job

use jadwal_engine::dto::{AutoReportsDto, Language};
use jadwal_engine::report::ReportFormat;

pub fn print(a: &AutoReportsDto) {
    let s = &a.settings;
    println!(
        "Automatic reports: {}",
        if s.enabled { "on" } else { "off" }
    );
    println!("Folder: {}", s.folder.as_deref().unwrap_or("(none chosen)"));
    let periods: Vec<&str> = [(s.weekly, "weekly"), (s.monthly, "monthly")]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
    println!("Periods: {}", list_or_none(&periods));
    let formats: Vec<&str> = s
        .formats
        .iter()
        .map(|f| match f {
            ReportFormat::Pdf => "PDF",
            ReportFormat::Csv => "CSV",
        })
        .collect();
    println!("Formats: {}", list_or_none(&formats));
    println!(
        "Language: {}",
        match s.language {
            Language::En => "English (en)",
            Language::Id => "Bahasa Indonesia (id)",
        }
    );
    let Some(last) = &a.last_outcome else {
        println!("Last run: none yet");
        return;
    };
    println!(
        "Last run: {}, {} written",
        last.at,
        match last.written.len() {
            1 => "1 report".to_owned(),
            n => format!("{n} reports"),
        }
    );
    for path in &last.written {
        println!("  {path}");
    }
    if let Some(problem) = &last.problem {
        println!("Problem (tried again later): {}", problem.message);
    }
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}
