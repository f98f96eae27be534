//! Campaign results for people: how the export reads, and per campaign the
//! rows summed and each result old → new, with one line per bad row.

#![allow(clippy::print_stdout)] // printing is this module's job

use jadwal_engine::dto::{CampaignCsvPlanDto, CampaignCsvPreviewDto, CampaignResultsDto};

pub fn preview(p: &CampaignCsvPreviewDto) {
    println!(
        "{} data rows; separator “{}”; decimal {}; dates {}",
        p.row_count,
        p.separator,
        if p.suggested.decimal_comma {
            "comma"
        } else {
            "point"
        },
        if p.suggested.day_first {
            "day first"
        } else {
            "month first"
        }
    );
    for c in &p.suggested.columns {
        let header = p
            .columns
            .get(c.column as usize)
            .map_or("?", |h| h.header.as_str());
        println!("{header} = {}", serde_name(c.field));
    }
    print_plan(&p.plan);
    println!("Nothing imported yet (a preview).");
}

pub fn plan(r: &CampaignCsvPlanDto) {
    print_plan(r);
    if r.applied {
        println!(
            "Imported the results of {} campaigns from {} rows.",
            r.updates.len(),
            r.rows - r.bad_rows
        );
    } else {
        println!(
            "Nothing imported: {} rows have problems. Fix them, or pass --skip-bad-rows.",
            r.bad_rows
        );
    }
}

fn print_plan(r: &CampaignCsvPlanDto) {
    for u in &r.updates {
        let rows: Vec<String> = u.rows.iter().map(u32::to_string).collect();
        let what = if u.created { "new" } else { "update" };
        println!("{what} “{}” (rows {}):", u.name, rows.join(", "));
        for (name, before, after) in results(u.before.as_ref(), &u.after) {
            if before == after {
                println!("  {name}: {after}");
            } else {
                println!("  {name}: {before} → {after}");
            }
        }
    }
    for l in &r.left_out {
        let rows: Vec<String> = l.rows.iter().map(u32::to_string).collect();
        println!(
            "left out “{}” (rows {}): no such campaign; pass --create-missing to add it",
            l.name,
            rows.join(", ")
        );
    }
    for problem in &r.problems {
        println!("{}", problem.message);
    }
}

fn results(
    before: Option<&CampaignResultsDto>,
    after: &CampaignResultsDto,
) -> Vec<(&'static str, String, String)> {
    let money = |v: Option<f64>| v.map_or("—".to_owned(), |v| v.to_string());
    let count = |v: Option<u64>| v.map_or("—".to_owned(), |v| v.to_string());
    let b = |f: &dyn Fn(&CampaignResultsDto) -> String| before.map_or("—".to_owned(), f);
    vec![
        ("spend", b(&|r| money(r.spend)), money(after.spend)),
        (
            "impressions",
            b(&|r| count(r.impressions)),
            count(after.impressions),
        ),
        ("clicks", b(&|r| count(r.clicks)), count(after.clicks)),
        (
            "conversions",
            b(&|r| count(r.conversions)),
            count(after.conversions),
        ),
        ("revenue", b(&|r| money(r.revenue)), money(after.revenue)),
    ]
}

fn serde_name(f: jadwal_engine::dto::CampaignCsvField) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
