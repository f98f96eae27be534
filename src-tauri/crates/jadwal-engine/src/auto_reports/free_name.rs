//! A name in the reports folder that no file has yet: an automatic report
//! never replaces one the person keeps there.

use std::path::{Path, PathBuf};

/// `folder/name`, or `folder/stem (2).ext` and so on when that is taken.
pub(super) fn free_path(folder: &Path, name: &str) -> PathBuf {
    let first = folder.join(name);
    if !taken(&first) {
        return first;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    (2_u32..)
        .map(|n| folder.join(format!("{stem} ({n}).{extension}")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

fn taken(path: &Path) -> bool {
    // A dangling link is a name taken too.
    path.symlink_metadata().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_already_taken_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        let name = "Toko 2026-11-16 to 2026-11-22.pdf";
        assert_eq!(free_path(dir.path(), name), dir.path().join(name));
        std::fs::write(dir.path().join(name), b"mine").unwrap();
        assert_eq!(
            free_path(dir.path(), name),
            dir.path().join("Toko 2026-11-16 to 2026-11-22 (2).pdf")
        );
        std::fs::write(
            dir.path().join("Toko 2026-11-16 to 2026-11-22 (2).pdf"),
            b"",
        )
        .unwrap();
        assert_eq!(
            free_path(dir.path(), name),
            dir.path().join("Toko 2026-11-16 to 2026-11-22 (3).pdf")
        );
    }
}
