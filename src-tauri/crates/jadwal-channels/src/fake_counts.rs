//! Fakes on 127.0.0.1 that answer the count reads the way the real APIs
//! document them: Bluesky's AppView (`app.bsky.feed.getPosts`,
//! `app.bsky.actor.getProfile`) and a Mastodon instance
//! (`GET /api/v1/statuses/:id`, `GET /api/v1/accounts/verify_credentials`).
//! For this crate's and the engine's tests (feature `test-support`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)] // test support: a panic is how a test reports

use std::collections::HashMap;

use serde_json::json;

use crate::testing::{Request, Seen, fake, reply};

/// A post's counts: likes, reposts, replies, quotes.
pub type Counts = [u64; 4];

fn query(request: &Request) -> Vec<(String, String)> {
    let q = request.target.split_once('?').map_or("", |(_, q)| q);
    url::form_urlencoded::parse(q.as_bytes())
        .into_owned()
        .collect()
}

/// An AppView knowing `posts` (by `at://` URI) and `followers` (by DID).
pub async fn fake_appview(
    posts: HashMap<String, Counts>,
    followers: HashMap<String, u64>,
) -> (String, Seen) {
    fake(move |r| {
        if r.method != "GET" {
            return reply(405, r#"{"error":"MethodNotImplemented"}"#);
        }
        let q = query(r);
        match r.path() {
            "/xrpc/app.bsky.feed.getPosts" => {
                // Unknown or deleted posts are left out of the list, not an error.
                let views: Vec<_> = q
                    .iter()
                    .filter(|(k, _)| k == "uris")
                    .filter_map(|(_, uri)| posts.get(uri).map(|c| (uri, c)))
                    .map(|(uri, c)| {
                        json!({
                            "uri": uri,
                            "cid": "bafyreib2rxk3rh6kzwq",
                            "author": {"did": "did:plc:fake", "handle": "toko.test"},
                            "record": {"$type": "app.bsky.feed.post", "text": "…", "createdAt": "2026-03-01T00:00:00.000Z"},
                            "likeCount": c[0],
                            "repostCount": c[1],
                            "replyCount": c[2],
                            "quoteCount": c[3],
                            "indexedAt": "2026-03-01T00:00:01.000Z"
                        })
                    })
                    .collect();
                reply(200, &json!({ "posts": views }).to_string())
            }
            "/xrpc/app.bsky.actor.getProfile" => {
                let actor = q
                    .iter()
                    .find(|(k, _)| k == "actor")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                match followers.get(&actor) {
                    Some(n) => reply(
                        200,
                        &json!({
                            "did": actor,
                            "handle": "toko.test",
                            "followersCount": n,
                            "followsCount": 3,
                            "postsCount": 12
                        })
                        .to_string(),
                    ),
                    None => reply(
                        400,
                        r#"{"error":"InvalidRequest","message":"Profile not found"}"#,
                    ),
                }
            }
            _ => reply(501, r#"{"error":"MethodNotImplemented"}"#),
        }
    })
    .await
}

/// A Mastodon instance whose `token` sees `statuses` (id → favourites,
/// reblogs, replies) and an account with `followers`.
pub async fn fake_mastodon_counts(
    token: &'static str,
    statuses: HashMap<String, [u64; 3]>,
    followers: u64,
) -> (String, Seen) {
    fake(move |r| {
        if r.header("authorization") != Some(&format!("Bearer {token}")) {
            return reply(401, r#"{"error":"The access token is invalid"}"#);
        }
        if r.method != "GET" {
            return reply(404, r#"{"error":"Record not found"}"#);
        }
        if r.path() == "/api/v1/accounts/verify_credentials" {
            return reply(
                200,
                &json!({
                    "id": "1090", "username": "toko", "acct": "toko",
                    "display_name": "Toko", "followers_count": followers,
                    "following_count": 2, "statuses_count": 40
                })
                .to_string(),
            );
        }
        let Some(id) = r.path().strip_prefix("/api/v1/statuses/") else {
            return reply(404, r#"{"error":"Record not found"}"#);
        };
        match statuses.get(id) {
            Some(c) => reply(
                200,
                &json!({
                    "id": id, "uri": format!("https://masto.test/users/toko/statuses/{id}"),
                    "created_at": "2026-03-01T00:00:00.000Z", "content": "<p>…</p>",
                    "visibility": "public", "favourites_count": c[0],
                    "reblogs_count": c[1], "replies_count": c[2]
                })
                .to_string(),
            ),
            None => reply(404, r#"{"error":"Record not found"}"#),
        }
    })
    .await
}
