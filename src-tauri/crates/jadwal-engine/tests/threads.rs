//! A Bluesky text too long for one post, sent as a thread: the choice is
//! kept per post and channel, the counter and the limit check follow it, and
//! the preview shows exactly the parts the adapter will send. (Publishing a
//! thread to a real PDS is in tests/publish.rs.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{input, utc, world};
use jadwal_channels::bluesky::thread::{MAX_BYTES, MAX_GRAPHEMES, split_thread};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{MeasureInput, PostInput, TargetDto};
use unicode_segmentation::UnicodeSegmentation;

/// 60 words: about 430 graphemes, two Bluesky posts.
fn long_text() -> String {
    "Batik tulis Pekalongan dibuat dengan tangan, satu per satu. ".repeat(7)
}

fn target(channel_id: i64, as_thread: bool) -> TargetDto {
    TargetDto {
        channel_id,
        variant_text: None,
        as_thread,
    }
}

fn scheduled(text: &str, targets: Vec<TargetDto>) -> PostInput {
    PostInput {
        targets,
        ..input(text, PostStatus::Scheduled, Some("2026-11-25T09:00"), &[])
    }
}

#[test]
fn a_long_bluesky_text_schedules_only_as_a_thread_and_the_choice_is_kept() {
    let w = world("UTC", utc(2026, 11, 23, 0, 0));
    let bsky = w.channel("Bluesky toko", Network::Bluesky);
    let text = long_text();

    let refused = w
        .engine
        .create_post(&scheduled(&text, vec![target(bsky, false)]))
        .unwrap_err();
    assert_eq!(refused.code(), "over_limit");

    let saved = w
        .engine
        .create_post(&scheduled(&text, vec![target(bsky, true)]))
        .unwrap()
        .post;
    assert_eq!(saved.status, PostStatus::Scheduled);
    assert!(saved.targets[0].as_thread);
    // Read back from the file, not from the save's answer.
    assert!(w.engine.post(saved.id).unwrap().targets[0].as_thread);

    // Taking the choice back makes the same text too long again.
    let again = w
        .engine
        .update_post(saved.id, &scheduled(&text, vec![target(bsky, false)]))
        .unwrap_err();
    assert_eq!(again.code(), "over_limit");
    let draft = PostInput {
        status: PostStatus::Draft,
        ..scheduled(&text, vec![target(bsky, false)])
    };
    w.engine.update_post(saved.id, &draft).unwrap();
    assert!(!w.engine.post(saved.id).unwrap().targets[0].as_thread);
}

#[test]
fn only_networks_with_threads_keep_the_choice() {
    let w = world("UTC", utc(2026, 11, 23, 0, 0));
    let masto = w.channel("Mastodon", Network::Mastodon);
    let telegram = w.channel("Telegram", Network::Telegram);
    let saved = w
        .engine
        .create_post(&PostInput {
            status: PostStatus::Draft,
            ..scheduled("halo", vec![target(masto, true), target(telegram, true)])
        })
        .unwrap()
        .post;
    assert!(saved.targets.iter().all(|t| !t.as_thread), "{saved:?}");

    // And a thread does not let a Mastodon text past its limit.
    let too_long = "kata ".repeat(120);
    let refused = w
        .engine
        .create_post(&scheduled(&too_long, vec![target(masto, true)]))
        .unwrap_err();
    assert_eq!(refused.code(), "over_limit");
}

#[test]
fn the_counter_says_how_many_posts_a_thread_takes_and_is_not_over() {
    let w = world("UTC", utc(2026, 11, 23, 0, 0));
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let masto = w.channel("Mastodon", Network::Mastodon);
    let text = long_text();
    let measure = |as_thread| {
        w.engine
            .measure_text(&MeasureInput {
                text: text.clone(),
                targets: vec![target(bsky, as_thread), target(masto, as_thread)],
            })
            .unwrap()
    };

    let single = measure(false);
    assert!(single[0].over);
    assert_eq!(single[0].parts, 1);
    let thread = measure(true);
    assert!(!thread[0].over);
    assert_eq!(thread[0].parts, 2);
    // The whole text is still counted as a whole.
    assert_eq!(thread[0].used, single[0].used);
    assert_eq!(thread[0].used as usize, text.graphemes(true).count());
    // Mastodon (500) takes it in one post either way.
    assert_eq!((thread[1].parts, thread[1].over), (1, false));
    // Only Bluesky offers the choice.
    assert!(single[0].threadable);
    assert!(!single[1].threadable);

    // A short text with the choice on is one post.
    let short = w
        .engine
        .measure_text(&MeasureInput {
            text: "Roti baru!".into(),
            targets: vec![target(bsky, true)],
        })
        .unwrap();
    assert_eq!((short[0].parts, short[0].over), (1, false));
}

#[test]
fn the_preview_is_the_adapters_own_split_of_the_channels_text() {
    let w = world("UTC", utc(2026, 11, 23, 0, 0));
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let masto = w.channel("Mastodon", Network::Mastodon);
    // The Bluesky channel has its own text, with emoji (several bytes and
    // code points per grapheme): that is what gets split.
    let own = "Kopi ☕ dan roti 🥐 hangat untuk keluarga 👨‍👩‍👧‍👦 setiap pagi. ".repeat(12);
    let previews = w
        .engine
        .preview_threads(&MeasureInput {
            text: "teks utama".into(),
            targets: vec![
                TargetDto {
                    channel_id: bsky,
                    variant_text: Some(own.clone()),
                    as_thread: true,
                },
                target(masto, true),
            ],
        })
        .unwrap();
    assert_eq!(previews.len(), 1, "only the Bluesky target is a thread");
    let preview = &previews[0];
    assert_eq!(preview.channel_id, bsky);
    let texts: Vec<&str> = preview.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, split_thread(&own));
    assert!(texts.len() >= 3, "{texts:?}");
    for part in &preview.parts {
        let graphemes = part.text.graphemes(true).count();
        assert_eq!(part.used as usize, graphemes);
        assert_eq!(part.limit, Some(MAX_GRAPHEMES as u32));
        assert!(graphemes <= MAX_GRAPHEMES && part.text.len() <= MAX_BYTES);
        assert!(!part.over);
    }
    // Nothing is lost or added between the parts.
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(&texts.join(" ")), words(&own));

    // Without the choice there is nothing to preview.
    let none = w
        .engine
        .preview_threads(&MeasureInput {
            text: own,
            targets: vec![target(bsky, false)],
        })
        .unwrap();
    assert!(none.is_empty());
}
