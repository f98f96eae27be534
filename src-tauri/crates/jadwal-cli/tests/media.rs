//! `media import|list|attach|check` and `renditions`, run as a script would,
//! on real picture files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use image::{ImageBuffer, Rgb};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_jadwal-cli"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env("TZ", "Asia/Jakarta")
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> (bool, Value) {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        (
            out.status.success(),
            serde_json::from_slice(&out.stdout).unwrap(),
        )
    }
}

fn picture(dir: &Path, name: &str, w: u32, h: u32, format: image::ImageFormat) -> PathBuf {
    let path = dir.join(name);
    ImageBuffer::from_fn(w, h, |x, y| {
        Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            ((x ^ y) % 32) as u8,
        ])
    })
    .save_with_format(&path, format)
    .unwrap();
    path
}

#[test]
fn import_list_attach_check_and_write_renditions() {
    let cli = Cli {
        dir: tempfile::tempdir().unwrap(),
    };
    let files = tempfile::tempdir().unwrap();
    let banner = picture(
        files.path(),
        "banner.jpg",
        2400,
        800,
        image::ImageFormat::Jpeg,
    );
    let cake = picture(files.path(), "kue.png", 900, 900, image::ImageFormat::Png);
    let bad = files.path().join("empty.jpg");
    std::fs::write(&bad, b"").unwrap();

    // Text mode: progress on stderr, one line per file on stdout, and a
    // failing exit because one file was refused.
    let out = cli.run(&[
        "media",
        "import",
        banner.to_str().unwrap(),
        bad.to_str().unwrap(),
        cake.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("[").count(), 3, "{stderr}");
    assert!(stderr.contains("/3] refused"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("banner.jpg"), "{stdout}");
    assert!(
        stdout.contains("refused") && stdout.contains("empty.jpg"),
        "{stdout}"
    );

    // JSON: the same results, with codes.
    let (ok, imported) = cli.json(&[
        "media",
        "import",
        banner.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert_eq!(imported[0]["alreadyInLibrary"], true);
    assert_eq!(imported[1]["error"]["code"], "media_file_empty");
    let banner_hash = imported[0]["media"]["hash"].as_str().unwrap().to_owned();

    let (_, list) = cli.json(&["media", "list", "--search", "KUE"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let cake_hash = list[0]["hash"].as_str().unwrap().to_owned();
    let (_, all) = cli.json(&["media", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);

    cli.json(&["channels", "add", "--name", "IG", "--network", "instagram"]);
    cli.json(&["channels", "add", "--name", "Bsky", "--network", "bluesky"]);
    let (_, saved) = cli.json(&[
        "add",
        "--text",
        "Kue baru",
        "--channel",
        "IG",
        "--channel",
        "Bsky",
    ]);
    let id = saved["post"]["id"].as_i64().unwrap().to_string();
    let (ok, attached) = cli.json(&[
        "media",
        "attach",
        &id,
        &banner_hash,
        &cake_hash,
        "--alt",
        "Spanduk",
        "--alt",
        "Kue lapis",
    ]);
    assert!(ok, "{attached}");
    assert_eq!(attached[1]["alt"], "Kue lapis");

    let (_, problems) = cli.json(&["media", "check", &id]);
    let codes: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"shape_not_accepted"), "{problems}");
    assert!(codes.contains(&"format_not_accepted"), "{problems}");

    // A draft may keep pictures its networks would refuse, and move around.
    let out = cli.run(&["move", &id, "--to", "2099-11-25T09:00"]);
    assert!(out.status.success(), "a draft may keep its pictures");

    let dest = files.path().join("renditions");
    let (ok, written) = cli.json(&["renditions", &id, "--out", dest.to_str().unwrap()]);
    assert!(ok, "{written}");
    let files_out = written["renditions"].as_array().unwrap();
    assert_eq!(files_out.len(), 4, "2 pictures × 2 networks");
    for f in files_out {
        let path = f["rendition"]["path"].as_str().unwrap();
        assert!(Path::new(path).starts_with(&dest));
        assert!(
            std::fs::read(path)
                .unwrap()
                .starts_with(&[0xFF, 0xD8, 0xFF])
        );
    }
    assert!(!written["problems"].as_array().unwrap().is_empty());

    let out = cli.run(&["renditions", &id, "--out", dest.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: “banner.jpg”"));
}
