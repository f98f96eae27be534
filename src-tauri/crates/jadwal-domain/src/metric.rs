//! The figures Jadwal keeps about published posts and accounts, and where
//! each one came from. The string forms (`as_str`) are what SQLite, the CSV
//! mapping and the IPC carry.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::DomainError;

/// One kind of figure. Counts are whole numbers; `BounceRate` is a share
/// (0.42 = 42 %); `Spend` and `Revenue` are amounts in the workspace's
/// currency.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Likes,
    Reposts,
    Replies,
    Quotes,
    Followers,
    Impressions,
    Reach,
    Clicks,
    Saves,
    Conversions,
    BounceRate,
    Spend,
    Revenue,
}

impl Metric {
    pub const ALL: [Metric; 13] = [
        Metric::Likes,
        Metric::Reposts,
        Metric::Replies,
        Metric::Quotes,
        Metric::Followers,
        Metric::Impressions,
        Metric::Reach,
        Metric::Clicks,
        Metric::Saves,
        Metric::Conversions,
        Metric::BounceRate,
        Metric::Spend,
        Metric::Revenue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Likes => "likes",
            Metric::Reposts => "reposts",
            Metric::Replies => "replies",
            Metric::Quotes => "quotes",
            Metric::Followers => "followers",
            Metric::Impressions => "impressions",
            Metric::Reach => "reach",
            Metric::Clicks => "clicks",
            Metric::Saves => "saves",
            Metric::Conversions => "conversions",
            Metric::BounceRate => "bounce_rate",
            Metric::Spend => "spend",
            Metric::Revenue => "revenue",
        }
    }

    /// Whether the figure is a count of things, so it must be a whole,
    /// non-negative number (a share or an amount may have a fraction).
    pub fn is_count(self) -> bool {
        !matches!(self, Metric::BounceRate | Metric::Spend | Metric::Revenue)
    }

    /// Whether a value is possible for this figure: finite, not negative,
    /// whole for counts, at most 1 for a share.
    pub fn check(self, value: f64) -> Result<(), DomainError> {
        let whole = value.fract() == 0.0;
        let fits = value.is_finite()
            && value >= 0.0
            && (!self.is_count() || whole)
            && (self != Metric::BounceRate || value <= 1.0);
        if fits {
            Ok(())
        } else {
            Err(DomainError::ImpossibleMetricValue {
                metric: self.as_str(),
                value: value.to_string(),
            })
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Metric {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| DomainError::UnknownMetric(s.to_owned()))
    }
}

/// Where a figure came from: a network's API, the person's hand, or a file
/// exported from a network's insights page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricSource {
    Bluesky,
    Mastodon,
    Manual,
    Csv,
}

impl MetricSource {
    pub const ALL: [MetricSource; 4] = [
        MetricSource::Bluesky,
        MetricSource::Mastodon,
        MetricSource::Manual,
        MetricSource::Csv,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MetricSource::Bluesky => "bluesky",
            MetricSource::Mastodon => "mastodon",
            MetricSource::Manual => "manual",
            MetricSource::Csv => "csv",
        }
    }
}

impl fmt::Display for MetricSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MetricSource {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MetricSource::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| DomainError::UnknownMetric(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in Metric::ALL {
            assert_eq!(m.as_str().parse::<Metric>(), Ok(m));
        }
        for s in MetricSource::ALL {
            assert_eq!(s.as_str().parse::<MetricSource>(), Ok(s));
        }
        assert!("favourites".parse::<Metric>().is_err());
    }

    #[test]
    fn impossible_values_are_refused() {
        assert!(Metric::Likes.check(12.0).is_ok());
        assert!(Metric::Likes.check(1.5).is_err(), "half a like");
        assert!(Metric::Likes.check(-1.0).is_err());
        assert!(Metric::Followers.check(f64::NAN).is_err());
        assert!(Metric::BounceRate.check(0.42).is_ok());
        assert!(Metric::BounceRate.check(1.2).is_err());
        assert!(Metric::Spend.check(12_500.75).is_ok());
    }
}
