//! The keychain for real: a Secret Service (GNOME Keyring) in a private D-Bus
//! session, started by `tests/with-keyring.sh`:
//!
//! ```text
//! bash src-tauri/crates/jadwal-secrets/tests/with-keyring.sh \
//!     cargo test -p jadwal-secrets -- --ignored
//! ```
//!
//! The failures (no bus, no keyring service, a locked keyring) are in
//! `keychain_errors.rs`: a separate test binary, so locking the keyring there
//! cannot race with this test (cargo runs test binaries one after another).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use jadwal_secrets::{Keychain, Secret, SecretStore};

const HOW_TO_RUN: &str = "this test needs a real Secret Service; run it as \
     `bash src-tauri/crates/jadwal-secrets/tests/with-keyring.sh cargo test -p jadwal-secrets -- --ignored`";

fn in_keyring_session() -> bool {
    std::env::var_os("JADWAL_KEYRING_SESSION").is_some()
}

#[test]
#[ignore = "needs a Secret Service: run via tests/with-keyring.sh"]
fn a_secret_lives_in_the_real_keychain_and_nowhere_else() {
    assert!(in_keyring_session(), "{HOW_TO_RUN}");
    let home = std::env::var("JADWAL_KEYRING_HOME").expect(HOW_TO_RUN);
    // What the app's data folder would be; the secret must not land there.
    let data_dir = tempfile::tempdir().unwrap();
    std::fs::write(data_dir.path().join("jadwal.sqlite3"), b"not a secret").unwrap();

    let service = format!("id.jadwal.app.test.{}", std::process::id());
    let account = "bluesky/channel-1/app-password";
    let value = format!("rahasia-{}-tidak-boleh-bocor", std::process::id());
    let keychain = Keychain::new(&service).unwrap();
    keychain.check_available().unwrap();

    assert!(keychain.get(account).unwrap().is_none());
    keychain.set(account, &Secret::new(value.clone())).unwrap();

    // Seen from outside the app, through the Secret Service itself.
    let found = secret_tool_search(&service);
    assert!(
        found.contains(&format!("attribute.username = {account}")),
        "{found}"
    );
    assert!(found.contains(&format!("secret = {value}")), "{found}");

    // Another build's namespace does not see it.
    let other = Keychain::new(format!("{service}.other")).unwrap();
    assert!(other.get(account).unwrap().is_none());

    assert_eq!(keychain.get(account).unwrap().unwrap().expose(), value);

    // The keyring's own files are encrypted: the secret is in no file under
    // HOME (where gnome-keyring keeps them) nor in the data folder.
    let keyring_files = files_under(Path::new(&home));
    assert!(
        keyring_files
            .iter()
            .any(|f| f.to_string_lossy().contains("keyrings")),
        "expected gnome-keyring's files under {home}: {keyring_files:?}"
    );
    assert_in_no_file(&value, Path::new(&home));
    assert_in_no_file(&value, data_dir.path());

    // Replacing keeps one item.
    let newer = format!("{value}-baru");
    keychain.set(account, &Secret::new(newer.clone())).unwrap();
    assert_eq!(keychain.get(account).unwrap().unwrap().expose(), newer);
    assert_eq!(
        secret_tool_search(&service)
            .matches("attribute.username")
            .count(),
        1
    );

    assert!(keychain.delete(account).unwrap());
    assert!(
        !keychain.delete(account).unwrap(),
        "a second delete finds nothing"
    );
    assert!(keychain.get(account).unwrap().is_none());
    assert!(!secret_tool_search(&service).contains(account));
    assert_in_no_file(&value, Path::new(&home));
    assert_in_no_file(&newer, Path::new(&home));
}

fn secret_tool_search(service: &str) -> String {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "--unlock", "service", service])
        .output()
        .expect("secret-tool (Debian package libsecret-tools)");
    // secret-tool prints the attributes on stderr and the rest on stdout.
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                files.push(path);
            }
        }
    }
    files
}

fn assert_in_no_file(needle: &str, dir: &Path) {
    for file in files_under(dir) {
        let Ok(bytes) = std::fs::read(&file) else {
            continue; // a socket or a file that went away
        };
        let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(!found, "the secret is in plain text in {}", file.display());
    }
}
