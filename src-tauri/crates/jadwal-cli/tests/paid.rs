//! `jadwal-cli paid import`, run as a person or a script would run it, on a
//! real data folder: unknown campaigns left out, then created with a
//! channel, then updated by a second export; a bad row stops the import.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::Cli;

const META: &str = "Reporting starts,Reporting ends,Campaign name,Results,Amount spent (IDR),Impressions,Link clicks,Purchase conversion value\n\
2026-03-01,2026-03-01,Ramadan Sale,4,\"100,000\",\"20,000\",400,\"600,000\"\n\
2026-03-02,2026-03-02,ramadan sale,6,\"150,000\",\"30,000\",500,\"900,000\"\n";

#[test]
fn import_leaves_out_creates_then_updates_campaigns() {
    let cli = Cli::new();
    cli.json(&[
        "channels",
        "add",
        "--name",
        "Insta",
        "--network",
        "instagram",
    ]);
    let file = cli.file("meta.csv", META);

    let left_out = cli.json(&["paid", "import", &file]);
    assert_eq!(left_out["applied"], true);
    assert_eq!(left_out["updates"].as_array().unwrap().len(), 0);
    assert_eq!(left_out["leftOut"][0]["name"], "Ramadan Sale");
    assert_eq!(left_out["leftOut"][0]["rows"], serde_json::json!([2, 3]));

    let created = cli.json(&[
        "paid",
        "import",
        &file,
        "--create-missing",
        "--channel",
        "Insta",
    ]);
    let new = &created["updates"][0];
    assert_eq!(new["created"], true);
    assert_eq!(new["after"]["spend"], 250_000.0);
    assert_eq!(new["after"]["clicks"], 900);
    assert_eq!(
        (new["starts"].as_str(), new["ends"].as_str()),
        (Some("2026-03-01"), Some("2026-03-02"))
    );
    assert!(new["campaignId"].as_i64().is_some());

    let later = cli.file(
        "later.csv",
        "Nama kampanye;Klik tautan;Jumlah yang dibelanjakan (IDR)\nRAMADAN SALE;1.000;300.000,50\n",
    );
    let shown = cli.run(&["paid", "import", &later, "--preview"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    assert!(text.contains("clicks: 900 → 1000"), "{text}");
    assert!(text.contains("spend: 250000 → 300000.5"), "{text}");
    assert!(text.contains("revenue: 1500000"), "kept: {text}");

    let updated = cli.json(&["paid", "import", &later]);
    assert_eq!(updated["updates"][0]["campaignId"], new["campaignId"]);
    assert_eq!(updated["updates"][0]["created"], false);
    assert_eq!(updated["updates"][0]["before"]["clicks"], 900);
    assert_eq!(updated["updates"][0]["after"]["clicks"], 1000);
}

#[test]
fn a_bad_row_imports_nothing_and_fails_the_command_unless_left_out() {
    let cli = Cli::new();
    let file = cli.file(
        "bad.csv",
        "Campaign name,Link clicks,Reporting starts\nPromo,12,2026-03-01\nPromo,lots,2026-03-02\n",
    );
    let refused = cli.run(&["paid", "import", &file, "--create-missing", "--json"]);
    assert!(
        !refused.status.success(),
        "a refused import fails the command"
    );
    let out: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(out["applied"], false);
    assert_eq!(out["problems"][0]["row"], 3);
    assert_eq!(out["problems"][0]["column"], "Link clicks");
    assert_eq!(out["problems"][0]["code"], "not_a_number");

    let partial = cli.json(&[
        "paid",
        "import",
        &file,
        "--create-missing",
        "--skip-bad-rows",
    ]);
    assert_eq!(partial["applied"], true);
    assert_eq!(partial["badRows"], 1);
    assert_eq!(partial["updates"][0]["after"]["clicks"], 12);
    let again = cli.json(&[
        "paid",
        "import",
        &file,
        "--skip-bad-rows",
        "--map",
        "Campaign name=name",
        "--map",
        "2=clicks",
    ]);
    assert_eq!(again["updates"][0]["created"], false, "now it is known");
}
