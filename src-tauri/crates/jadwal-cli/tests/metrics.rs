//! `jadwal-cli metrics`, run as a person or a script would run it, on a
//! real data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::Cli;

#[test]
fn import_a_csv_by_hand_mapping_then_read_the_posts_figures() {
    let cli = Cli::new();
    cli.json(&[
        "channels",
        "add",
        "--name",
        "Insta",
        "--network",
        "instagram",
    ]);
    let post = cli.json(&[
        "add",
        "--text",
        "Roti sobek",
        "--at",
        "2026-03-05T09:00",
        "--channel",
        "Insta",
    ])["post"]["id"]
        .as_i64()
        .unwrap();
    let id = post.to_string();
    let marked = cli.run(&[
        "mark-posted",
        &id,
        "--channel",
        "Insta",
        "--url",
        "https://www.instagram.com/p/RotiSobek/",
    ]);
    assert!(
        marked.status.success(),
        "{}",
        String::from_utf8_lossy(&marked.stderr)
    );

    let good = cli.file(
        "good.csv",
        "\u{feff}Link;Hari;Tayangan;Suka;Catatan\n\
         https://www.instagram.com/p/RotiSobek/;05/03/2026;1.234;45;\"a; b\"\n",
    );
    let preview = cli.json(&[
        "metrics",
        "import",
        &good,
        "--channel",
        "Insta",
        "--preview",
    ]);
    assert_eq!(preview["separator"], ";");
    assert_eq!(preview["suggested"]["postColumn"], 0);
    // The person says which columns to take: only the likes, by header.
    let imported = cli.json(&[
        "metrics",
        "import",
        &good,
        "--channel",
        "Insta",
        "--date-column",
        "Hari",
        "--map",
        "Suka=likes",
    ]);
    assert_eq!(imported["imported"], 1);
    let shown = cli.json(&["metrics", "show", &id, "--channel", "Insta"]);
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["metric"], "likes");
    assert_eq!(history[0]["value"], 45.0);
    assert_eq!(history[0]["source"], "csv");

    let bad = cli.file(
        "bad.csv",
        "Link,Date,Likes\n\
         https://www.instagram.com/p/RotiSobek/,2026-03-06,7\n\
         https://www.instagram.com/p/Unknown/,2026-03-06,7\n\
         https://www.instagram.com/p/RotiSobek/,31/02/2026,x\n",
    );
    let refused = cli.run(&["metrics", "import", &bad, "--channel", "Insta"]);
    assert!(!refused.status.success(), "bad rows fail the command");
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(
        said.contains("row 3: no post published on this channel"),
        "{said}"
    );
    assert!(
        said.contains("row 4: “31/02/2026” is not a possible date"),
        "{said}"
    );
    assert!(said.contains("row 4: “x” is not a number"), "{said}");
    assert!(said.contains("Nothing imported"), "{said}");
    let shown = cli.json(&["metrics", "show", &id, "--channel", "Insta"]);
    assert_eq!(
        shown["history"].as_array().unwrap().len(),
        1,
        "nothing half-imported"
    );

    let skipped = cli.json(&[
        "metrics",
        "import",
        &bad,
        "--channel",
        "Insta",
        "--skip-bad-rows",
    ]);
    assert_eq!(skipped["imported"], 1);
    assert_eq!(skipped["skipped"], 2);
}

#[test]
fn record_a_figure_and_refresh_channels_that_give_none() {
    let cli = Cli::new();
    cli.json(&[
        "channels",
        "add",
        "--name",
        "Insta",
        "--network",
        "instagram",
    ]);
    cli.json(&["channels", "add", "--name", "Sky", "--network", "bluesky"]);
    let recorded = cli.json(&[
        "metrics",
        "record",
        "--channel",
        "Insta",
        "--metric",
        "followers",
        "--value",
        "1200",
        "--at",
        "2026-03-03",
    ]);
    assert_eq!(recorded["source"], "manual");
    assert_eq!(recorded["takenAt"], "2026-03-02T17:00:00Z");
    let wrong = cli.run(&[
        "metrics",
        "record",
        "--channel",
        "Insta",
        "--metric",
        "hearts",
        "--value",
        "1",
        "--at",
        "2026-03-03",
    ]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("hearts"));

    let refreshed = cli.json(&["metrics", "refresh"]);
    let status = |name: &str| {
        refreshed["channels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["channelName"] == name)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("Insta"), "not_available");
    assert_eq!(status("Sky"), "not_connected");
}
