//! The posts that did best and worst in a range.

use serde::{Deserialize, Serialize};

/// One published post on one channel and what it gathered.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostResult {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub post_id: i64,
    pub channel: String,
    /// Unix seconds, UTC.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub published_at: i64,
    /// The start of the post's text, for recognising it.
    pub excerpt: String,
    pub likes: Option<f64>,
    pub reposts: Option<f64>,
    pub replies: Option<f64>,
}

impl PostResult {
    /// Likes, reposts and replies together; `None` when none of them is known.
    pub fn engagements(&self) -> Option<f64> {
        let known = [self.likes, self.reposts, self.replies];
        known
            .iter()
            .any(Option::is_some)
            .then(|| known.iter().flatten().sum())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopAndBottom {
    pub top: Vec<PostResult>,
    pub bottom: Vec<PostResult>,
}

/// The `n` posts with the most engagements and the `n` with the fewest,
/// never the same post in both lists. Posts without any known figure are
/// left out: they were not measured, which says nothing about how they did.
/// Ties go to the earlier post, so the lists do not shuffle between reads.
pub fn top_and_bottom(posts: &[PostResult], n: usize) -> TopAndBottom {
    let mut measured: Vec<(f64, &PostResult)> = posts
        .iter()
        .filter_map(|p| p.engagements().map(|e| (e, p)))
        .collect();
    measured.sort_by(|(a, pa), (b, pb)| {
        b.total_cmp(a)
            .then(pa.published_at.cmp(&pb.published_at))
            .then(pa.post_id.cmp(&pb.post_id))
    });
    let top: Vec<PostResult> = measured.iter().take(n).map(|(_, p)| (*p).clone()).collect();
    let bottom: Vec<PostResult> = measured
        .iter()
        .skip(top.len())
        .rev()
        .take(n)
        .map(|(_, p)| (*p).clone())
        .collect();
    TopAndBottom { top, bottom }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: i64, likes: Option<f64>, reposts: Option<f64>) -> PostResult {
        PostResult {
            post_id: id,
            channel: "Bluesky".into(),
            published_at: 1_700_000_000 + id,
            excerpt: format!("post {id}"),
            likes,
            reposts,
            replies: None,
        }
    }

    #[test]
    fn engagements_add_what_is_known_and_nothing_when_nothing_is() {
        assert_eq!(post(1, Some(4.0), Some(2.0)).engagements(), Some(6.0));
        assert_eq!(post(1, Some(0.0), None).engagements(), Some(0.0));
        assert_eq!(post(1, None, None).engagements(), None);
    }

    #[test]
    fn best_first_weakest_first_and_no_post_in_both() {
        let posts: Vec<_> = (1..=5)
            .map(|i| post(i, Some(i as f64 * 10.0), None))
            .collect();
        let ranked = top_and_bottom(&posts, 2);
        let ids = |v: &[PostResult]| v.iter().map(|p| p.post_id).collect::<Vec<_>>();
        assert_eq!(ids(&ranked.top), vec![5, 4]);
        assert_eq!(ids(&ranked.bottom), vec![1, 2]);

        let three = top_and_bottom(&posts[..3], 2);
        assert_eq!(ids(&three.top), vec![3, 2]);
        assert_eq!(ids(&three.bottom), vec![1]);
    }

    #[test]
    fn unmeasured_posts_are_in_neither_list() {
        let posts = vec![post(1, None, None), post(2, Some(1.0), None)];
        let ranked = top_and_bottom(&posts, 3);
        assert_eq!(ranked.top.len(), 1);
        assert!(ranked.bottom.is_empty());
    }
}
