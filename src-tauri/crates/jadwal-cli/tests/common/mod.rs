//! Running `jadwal-cli` as a person or a script would, on a fresh data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports
#![allow(dead_code)]

use serde_json::Value;
use std::process::{Command, Output};

pub struct Cli {
    pub dir: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_jadwal-cli"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env("TZ", "Asia/Jakarta")
            .output()
            .unwrap()
    }

    /// The command's JSON answer; the test fails when the command does.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// A file in the data folder's parent, for commands that read one.
    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}
