//! Pictures for people: one line per file, picture or problem.

#![allow(clippy::print_stdout)] // printing is this module's job

use jadwal_engine::dto::{
    AttachmentDto, ImportResultDto, MediaDto, MediaProblemDto, WrittenRenditionDto,
};

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

pub fn imported(v: &[ImportResultDto]) {
    for r in v {
        match (&r.media, &r.error) {
            (Some(m), _) => println!(
                "{}  {}  {}×{} {} {}{}",
                m.hash,
                m.original_name,
                m.width,
                m.height,
                m.format,
                size(m.byte_size),
                if r.already_in_library {
                    " (already in the library)"
                } else {
                    ""
                }
            ),
            (None, Some(e)) => println!("refused  {}: {} [{}]", r.file, e.message, e.code),
            (None, None) => println!("refused  {}", r.file),
        }
    }
}

pub fn library(v: &[MediaDto]) {
    if v.is_empty() {
        println!("No pictures.");
    }
    for m in v {
        let used: Vec<String> = m
            .used_by
            .iter()
            .map(|u| format!("#{}", u.post_id))
            .collect();
        println!(
            "{}  {:<32} {:>5}×{:<5} {:>8}  {}",
            m.hash,
            m.original_name,
            m.width,
            m.height,
            size(m.byte_size),
            if used.is_empty() {
                "unused".to_owned()
            } else {
                format!("used by {}", used.join(", "))
            }
        );
    }
}

pub fn attached(v: &[AttachmentDto]) {
    for a in v {
        let alt = if a.alt.is_empty() {
            "(no alt text)"
        } else {
            &a.alt
        };
        println!(
            "{}. {}  {}  {alt}",
            a.position + 1,
            short(&a.hash),
            a.original_name
        );
    }
}

pub fn problems(v: &[MediaProblemDto]) {
    if v.is_empty() {
        println!("The pictures suit every network of this post.");
    }
    for p in v {
        println!("{}: {} ({})", p.severity, p.message, p.network);
    }
}

pub fn renditions(written: &[WrittenRenditionDto], problems: &[MediaProblemDto]) {
    for p in problems {
        eprintln!("{}: {} ({})", p.severity, p.message, p.network);
    }
    if written.is_empty() {
        println!("No renditions: the post has no pictures or no network that takes them.");
    }
    for w in written {
        let r = &w.rendition;
        println!(
            "{}  {}×{}  {}",
            r.path,
            r.width,
            r.height,
            size(r.byte_size)
        );
    }
}
