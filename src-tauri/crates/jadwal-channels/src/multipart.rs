//! A `multipart/form-data` body built in memory.
//!
//! Built by hand rather than with reqwest's streaming form because the
//! webhook signs the exact body bytes, so they must exist before sending; and
//! because the boundary is derived from the content, the same post always
//! gives the same bytes (a retry carries the same signature).

use sha2::{Digest, Sha256};

struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

#[derive(Default)]
pub(crate) struct Multipart {
    parts: Vec<Part>,
}

impl Multipart {
    pub(crate) fn new() -> Self {
        Multipart::default()
    }

    /// A plain form field.
    pub(crate) fn text(mut self, name: &str, value: &str) -> Self {
        self.parts.push(Part {
            name: name.to_owned(),
            filename: None,
            content_type: None,
            data: value.as_bytes().to_vec(),
        });
        self
    }

    /// A field with its own content type (a JSON document).
    pub(crate) fn typed(mut self, name: &str, content_type: &str, data: Vec<u8>) -> Self {
        self.parts.push(Part {
            name: name.to_owned(),
            filename: None,
            content_type: Some(content_type.to_owned()),
            data,
        });
        self
    }

    /// A file upload.
    pub(crate) fn file(mut self, name: &str, filename: &str, mime: &str, data: &[u8]) -> Self {
        self.parts.push(Part {
            name: name.to_owned(),
            filename: Some(filename.to_owned()),
            content_type: Some(mime.to_owned()),
            data: data.to_vec(),
        });
        self
    }

    /// The `Content-Type` header value and the body.
    pub(crate) fn finish(self) -> (String, Vec<u8>) {
        let boundary = self.boundary();
        let mut body = Vec::new();
        for part in &self.parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disposition = format!(
                "Content-Disposition: form-data; name=\"{}\"",
                quote(&part.name)
            );
            if let Some(filename) = &part.filename {
                disposition.push_str(&format!("; filename=\"{}\"", quote(filename)));
            }
            body.extend_from_slice(disposition.as_bytes());
            body.extend_from_slice(b"\r\n");
            if let Some(ct) = &part.content_type {
                body.extend_from_slice(format!("Content-Type: {ct}\r\n").as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            body.extend_from_slice(&part.data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        (format!("multipart/form-data; boundary={boundary}"), body)
    }

    /// A hash of every part: it cannot occur inside the parts short of a
    /// SHA-256 preimage, and it is the same for the same content.
    fn boundary(&self) -> String {
        let mut hash = Sha256::new();
        for part in &self.parts {
            hash.update(part.name.as_bytes());
            hash.update([0]);
            hash.update(&part.data);
            hash.update([0]);
        }
        format!("jadwal-{}", hex(&hash.finalize()[..16]))
    }
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Names are ours (`file`, `photo0`), but a quote or line break in one would
/// break the header: replace rather than trust.
fn quote(s: &str) -> String {
    s.replace(['"', '\r', '\n'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_has_each_part_and_a_stable_boundary() {
        let build = || {
            Multipart::new()
                .text("description", "Kain batik")
                .file("file", "a.png", "image/png", &[0, 1, 2])
                .finish()
        };
        let (ct, body) = build();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains(
            "Content-Disposition: form-data; name=\"description\"\r\n\r\nKain batik\r\n"
        ));
        assert!(text.contains(
            "name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u{0}\u{1}\u{2}\r\n"
        ));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
        assert_eq!(build(), (ct, body), "the same parts give the same bytes");
    }
}
