//! The media library's rows (one per picture, keyed by its SHA-256) and the
//! pictures each post carries. The files themselves live in the media folder
//! (jadwal-media); this table is what lets the window search and count them.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::rows::{from_unix, to_unix};
use crate::{Change, Result, Store, StoreError};

/// One picture in the library.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaRecord {
    /// SHA-256 of the original, 64 hex digits.
    pub hash: String,
    /// `jpeg`, `png`, `gif` or `webp`, from the file's content.
    pub format: String,
    pub byte_size: u64,
    /// After EXIF orientation.
    pub width: u32,
    pub height: u32,
    pub original_name: String,
    pub animated: bool,
    pub imported_at: DateTime<Utc>,
}

/// A picture on a post, with the choices made for that post.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub hash: String,
    pub alt_text: String,
    pub focal_x: f32,
    pub focal_y: f32,
}

/// An attachment with its library row, in the post's order.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachedMedia {
    pub position: u32,
    pub attachment: Attachment,
    pub media: MediaRecord,
}

/// A live post that uses a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaUse {
    pub hash: String,
    pub post_id: i64,
    pub excerpt: String,
}

/// Characters of a post's text shown next to "used in".
const USE_EXCERPT_CHARS: i64 = 60;

const MEDIA_COLUMNS: &str =
    "m.hash, m.format, m.byte_size, m.width, m.height, m.original_name, m.animated, m.imported_at";

fn read_media(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<MediaRecord> {
    Ok(MediaRecord {
        hash: row.get(first)?,
        format: row.get(first + 1)?,
        byte_size: row.get(first + 2)?,
        width: row.get(first + 3)?,
        height: row.get(first + 4)?,
        original_name: row.get(first + 5)?,
        animated: row.get(first + 6)?,
        imported_at: from_unix(row.get(first + 7)?, first + 7)?,
    })
}

/// `%`, `_` and the escape itself match literally in a search.
fn like_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

impl Store {
    /// Adds a picture to the library. Importing the same bytes again keeps
    /// the first row (its name and date) and returns false.
    pub fn insert_media(&mut self, m: &MediaRecord) -> Result<bool> {
        let n = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO media
                   (hash, format, byte_size, width, height, original_name, animated, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    m.hash,
                    m.format,
                    m.byte_size,
                    m.width,
                    m.height,
                    m.original_name,
                    m.animated,
                    to_unix(m.imported_at)
                ])
            })
            .map_err(|e| self.err(e))?;
        if n > 0 {
            self.changes.emit(Change::Media);
        }
        Ok(n > 0)
    }

    pub fn media(&self, hash: &str) -> Result<Option<MediaRecord>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {MEDIA_COLUMNS} FROM media m WHERE m.hash = ?1"
            ))
            .and_then(|mut stmt| stmt.query_row([hash], |r| read_media(r, 0)).optional())
            .map_err(|e| self.err(e))
    }

    /// The library, newest first; with `search`, only pictures whose file
    /// name or alt text (on any live post) contains it, ignoring case.
    pub fn list_media(&self, search: Option<&str>) -> Result<Vec<MediaRecord>> {
        match search.map(str::trim).filter(|s| !s.is_empty()) {
            None => self.query_all(
                &format!("SELECT {MEDIA_COLUMNS} FROM media m ORDER BY m.imported_at DESC, m.hash"),
                [],
                |r| read_media(r, 0),
            ),
            Some(text) => self.query_all(
                &format!(
                    "SELECT {MEDIA_COLUMNS} FROM media m
                      WHERE m.original_name LIKE ?1 ESCAPE '\\'
                         OR EXISTS (SELECT 1 FROM post_media pm
                                      JOIN post p ON p.id = pm.post_id AND p.deleted_at IS NULL
                                     WHERE pm.media_hash = m.hash
                                       AND pm.alt_text LIKE ?1 ESCAPE '\\')
                      ORDER BY m.imported_at DESC, m.hash"
                ),
                [like_pattern(text)],
                |r| read_media(r, 0),
            ),
        }
    }

    /// Which live posts use each picture (all pictures, one query).
    pub fn media_uses(&self) -> Result<Vec<MediaUse>> {
        self.query_all(
            "SELECT pm.media_hash, p.id, substr(p.text, 1, ?1)
               FROM post_media pm JOIN post p ON p.id = pm.post_id AND p.deleted_at IS NULL
              ORDER BY pm.media_hash, p.id",
            [USE_EXCERPT_CHARS],
            |r| {
                Ok(MediaUse {
                    hash: r.get(0)?,
                    post_id: r.get(1)?,
                    excerpt: r.get(2)?,
                })
            },
        )
    }

    /// A post's pictures with their library rows, in order.
    pub fn post_media(&self, post_id: i64) -> Result<Vec<AttachedMedia>> {
        self.query_all(
            &format!(
                "SELECT pm.position, pm.alt_text, pm.focal_x, pm.focal_y, {MEDIA_COLUMNS}
                   FROM post_media pm JOIN media m ON m.hash = pm.media_hash
                  WHERE pm.post_id = ?1 ORDER BY pm.position"
            ),
            [post_id],
            |r| {
                let media = read_media(r, 4)?;
                Ok(AttachedMedia {
                    position: r.get(0)?,
                    attachment: Attachment {
                        hash: media.hash.clone(),
                        alt_text: r.get(1)?,
                        focal_x: r.get(2)?,
                        focal_y: r.get(3)?,
                    },
                    media,
                })
            },
        )
    }

    /// The first picture of each of `post_ids` that has one: what the
    /// calendar chips show. One query for the whole page.
    pub fn first_media(&self, post_ids: &[i64]) -> Result<Vec<(i64, String)>> {
        if post_ids.is_empty() {
            return Ok(Vec::new());
        }
        // The ids go in as one JSON array, so the statement stays cached
        // whatever the page size.
        let ids = format!(
            "[{}]",
            post_ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        self.query_all(
            "SELECT pm.post_id, pm.media_hash FROM post_media pm
              WHERE pm.position = 0 AND pm.post_id IN (SELECT value FROM json_each(?1))
              ORDER BY pm.post_id",
            [ids],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Replaces a post's pictures with `attachments`, in that order. Every
    /// hash must already be in the library.
    pub fn set_post_media(&mut self, post_id: i64, attachments: &[Attachment]) -> Result<()> {
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let live: Option<i64> = tx
            .query_row(
                "SELECT id FROM post WHERE id = ?1 AND deleted_at IS NULL",
                [post_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        if live.is_none() {
            return Err(StoreError::NotFound {
                what: "post",
                id: post_id,
            });
        }
        tx.execute("DELETE FROM post_media WHERE post_id = ?1", [post_id])
            .map_err(err)?;
        {
            let mut add = tx
                .prepare_cached(
                    "INSERT INTO post_media (post_id, media_hash, position, alt_text, focal_x, focal_y)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            for (position, a) in attachments.iter().enumerate() {
                add.execute(params![
                    post_id,
                    a.hash,
                    position as i64,
                    a.alt_text,
                    f64::from(a.focal_x),
                    f64::from(a.focal_y)
                ])
                .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Posts { ids: vec![post_id] });
        Ok(())
    }

    /// Changes the alt text and focal point of one picture on a post.
    pub fn update_attachment(&mut self, post_id: i64, a: &Attachment) -> Result<()> {
        let n = self
            .conn
            .prepare_cached(
                "UPDATE post_media SET alt_text = ?1, focal_x = ?2, focal_y = ?3
                  WHERE post_id = ?4 AND media_hash = ?5",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    a.alt_text,
                    f64::from(a.focal_x),
                    f64::from(a.focal_y),
                    post_id,
                    a.hash
                ])
            })
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "picture on post",
                id: post_id,
            });
        }
        self.changes.emit(Change::Posts { ids: vec![post_id] });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn search_wildcards_match_literally() {
        assert_eq!(like_pattern("50%_off"), "%50\\%\\_off%");
        assert_eq!(like_pattern("kue"), "%kue%");
    }
}
