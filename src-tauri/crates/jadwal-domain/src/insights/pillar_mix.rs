//! The share of posts each content pillar got, against the share planned.

use serde::{Deserialize, Serialize};

/// How many posts in a range carried a pillar, with the share planned for it.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarCount {
    pub name: String,
    pub color: String,
    /// Planned share in percent (0–100); `None` when no target was set.
    pub target_share: Option<f64>,
    pub posts: u32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarShare {
    pub name: String,
    pub color: String,
    pub target_share: Option<f64>,
    /// Share of the pillar-labelled posts, in percent; `None` when the range
    /// has no such post at all.
    pub actual_share: Option<f64>,
    pub posts: u32,
}

/// Each pillar's actual share of the posts that carry any pillar. A post
/// with two pillars counts for both, so the shares are of pillar uses.
pub fn pillar_mix(counts: &[PillarCount]) -> Vec<PillarShare> {
    let total: u32 = counts.iter().map(|c| c.posts).sum();
    counts
        .iter()
        .map(|c| PillarShare {
            name: c.name.clone(),
            color: c.color.clone(),
            target_share: c.target_share,
            actual_share: (total > 0).then(|| f64::from(c.posts) * 100.0 / f64::from(total)),
            posts: c.posts,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(name: &str, target: Option<f64>, posts: u32) -> PillarCount {
        PillarCount {
            name: name.into(),
            color: "#336699".into(),
            target_share: target,
            posts,
        }
    }

    #[test]
    fn shares_are_of_all_pillar_uses() {
        let mix = pillar_mix(&[
            count("Education", Some(40.0), 6),
            count("Product", Some(30.0), 3),
            count("Behind the scenes", None, 1),
        ]);
        let shares: Vec<_> = mix.iter().map(|p| p.actual_share).collect();
        assert_eq!(shares, vec![Some(60.0), Some(30.0), Some(10.0)]);
        assert_eq!(mix[0].target_share, Some(40.0));
    }

    #[test]
    fn no_posts_means_no_share_not_zero_percent() {
        let mix = pillar_mix(&[count("Education", Some(40.0), 0)]);
        assert_eq!(mix[0].actual_share, None);
    }
}
