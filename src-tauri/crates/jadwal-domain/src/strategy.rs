//! The plan a workspace works to: a SWOT board, goals measured by a KPI or a
//! plain count, content pillars with a target share of posts, and a posting
//! rhythm per channel. Here are the kinds and the checks on what a person
//! types; the store keeps them and `plan_gaps` compares them with the calendar.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::kpi::Kpi;
use crate::{DomainError, validate};

/// A word that names one of a closed set of values, stored and sent as text.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl FromStr for $name {
            type Err = DomainError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| DomainError::UnknownChoice { what: $what, value: s.to_owned() })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum!(
    /// The four lists of the situation analysis.
    SwotQuadrant, "SWOT list" {
        Strengths => "strengths",
        Weaknesses => "weaknesses",
        Opportunities => "opportunities",
        Threats => "threats",
    }
);

named_enum!(
    /// What a goal is for, in the guides' words.
    GoalKind, "goal kind" {
        Awareness => "awareness",
        Engagement => "engagement",
        Traffic => "traffic",
        Leads => "leads",
        Community => "community",
        CustomerService => "customer_service",
    }
);

named_enum!(
    /// What measures a goal: one of the guides' KPIs (the same names as
    /// [`Kpi::as_str`]) or a plain count a small shop reads off the network's
    /// own page. Counts are over the goal's period (followers: at its end).
    GoalMeasure, "measure" {
        EngagementRate => "engagement_rate",
        AmplificationRate => "amplification_rate",
        AudienceGrowthRate => "audience_growth_rate",
        ConversationRate => "conversation_rate",
        ClickThroughRate => "click_through_rate",
        ConversionRate => "conversion_rate",
        CostPerClick => "cost_per_click",
        CostPerMille => "cost_per_mille",
        ReturnOnAdSpend => "return_on_ad_spend",
        Followers => "followers",
        Likes => "likes",
        Comments => "comments",
        Shares => "shares",
        Clicks => "clicks",
        Impressions => "impressions",
        Reach => "reach",
        Conversions => "conversions",
        Posts => "posts",
    }
);

impl GoalMeasure {
    /// The KPI behind this measure, or `None` for a plain count.
    pub fn kpi(self) -> Option<Kpi> {
        Kpi::ALL.into_iter().find(|k| k.as_str() == self.as_str())
    }
}

/// Longest SWOT item or persona field, in characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// More than ten posts a day on one channel is a typing slip, not a plan.
pub const MAX_POSTS_PER_WEEK: u32 = 70;
/// The 24 hours of a day as bits (bit 0 = 00:00–00:59).
pub const ALL_HOURS: u32 = (1 << 24) - 1;

/// A trimmed, non-empty note of reasonable length (a SWOT item).
pub fn note(raw: &str, what: &'static str) -> Result<String, DomainError> {
    validate::short_text(raw, what, MAX_NOTE_CHARS)
}

/// An optional note (a persona's interests): blank becomes empty, a long one
/// is refused.
pub fn optional_note(raw: &str) -> Result<String, DomainError> {
    if raw.trim().is_empty() {
        Ok(String::new())
    } else {
        note(raw, "note")
    }
}

/// A goal's target: a positive, finite number.
pub fn target(value: f64) -> Result<f64, DomainError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(DomainError::TargetNotPositive)
    }
}

/// A goal's period, both days included: the end may not come before the start.
pub fn period(starts: NaiveDate, ends: NaiveDate) -> Result<(NaiveDate, NaiveDate), DomainError> {
    if ends < starts {
        Err(DomainError::PeriodEndsBeforeStart {
            starts: starts.to_string(),
            ends: ends.to_string(),
        })
    } else {
        Ok((starts, ends))
    }
}

/// A pillar's share of posts in whole percent, and the total with the other
/// pillars' shares. The total may be under 100 while the plan is being
/// written (the window says how much is left); over 100 is refused.
pub fn pillar_share(share: u32, others: u32) -> Result<u32, DomainError> {
    if !(1..=100).contains(&share) {
        return Err(DomainError::ShareOutOfRange(share));
    }
    let total = share + others;
    if total > 100 {
        return Err(DomainError::SharesOver100 { total });
    }
    Ok(share)
}

/// Posts a week for one channel; zero is "no rhythm" and is stored as none.
pub fn posts_per_week(n: u32) -> Result<u32, DomainError> {
    if (1..=MAX_POSTS_PER_WEEK).contains(&n) {
        Ok(n)
    } else {
        Err(DomainError::RhythmOutOfRange {
            value: n,
            max: MAX_POSTS_PER_WEEK,
        })
    }
}

/// The hours a persona is active, as 24 bits.
pub fn active_hours(mask: u32) -> Result<u32, DomainError> {
    if mask & !ALL_HOURS == 0 {
        Ok(mask)
    } else {
        Err(DomainError::UnknownChoice {
            what: "hours",
            value: format!("{mask:#x}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn kpi_measures_keep_the_kpi_names_and_counts_have_none() {
        for kpi in Kpi::ALL {
            let measure: GoalMeasure = kpi.as_str().parse().unwrap();
            assert_eq!(measure.kpi(), Some(kpi));
        }
        assert_eq!(GoalMeasure::Followers.kpi(), None);
        assert_eq!(GoalMeasure::ALL.len(), Kpi::ALL.len() + 9);
        assert!(matches!(
            "vibes".parse::<GoalMeasure>(),
            Err(DomainError::UnknownChoice {
                what: "measure",
                ..
            })
        ));
    }

    #[test]
    fn names_round_trip_through_text() {
        for q in SwotQuadrant::ALL {
            assert_eq!(q.as_str().parse::<SwotQuadrant>().unwrap(), *q);
        }
        for k in GoalKind::ALL {
            assert_eq!(k.to_string().parse::<GoalKind>().unwrap(), *k);
        }
        assert_eq!(GoalKind::CustomerService.as_str(), "customer_service");
        assert!("sales".parse::<GoalKind>().is_err());
    }

    #[test]
    fn a_target_must_be_above_zero() {
        assert_eq!(target(0.0), Err(DomainError::TargetNotPositive));
        assert_eq!(target(-3.0), Err(DomainError::TargetNotPositive));
        assert_eq!(target(f64::NAN), Err(DomainError::TargetNotPositive));
        assert_eq!(target(2.5), Ok(2.5));
    }

    #[test]
    fn a_period_may_be_one_day_but_not_end_before_it_starts() {
        assert!(period(day("2026-11-01"), day("2026-11-01")).is_ok());
        assert!(matches!(
            period(day("2026-11-30"), day("2026-11-01")),
            Err(DomainError::PeriodEndsBeforeStart { .. })
        ));
    }

    #[test]
    fn pillar_shares_stay_within_one_hundred_percent() {
        assert_eq!(pillar_share(40, 30), Ok(40));
        assert_eq!(pillar_share(30, 70), Ok(30));
        assert_eq!(
            pillar_share(40, 70),
            Err(DomainError::SharesOver100 { total: 110 })
        );
        assert_eq!(pillar_share(0, 0), Err(DomainError::ShareOutOfRange(0)));
        assert_eq!(pillar_share(101, 0), Err(DomainError::ShareOutOfRange(101)));
    }

    #[test]
    fn rhythm_notes_and_hours_are_bounded() {
        assert_eq!(posts_per_week(3), Ok(3));
        assert!(posts_per_week(0).is_err());
        assert!(posts_per_week(71).is_err());
        assert_eq!(
            note("  Fresh bread daily ", "item").unwrap(),
            "Fresh bread daily"
        );
        assert!(note("  ", "item").is_err());
        assert!(note(&"x".repeat(501), "item").is_err());
        assert_eq!(optional_note("  ").unwrap(), "");
        assert_eq!(active_hours(ALL_HOURS), Ok(ALL_HOURS));
        assert!(active_hours(1 << 24).is_err());
    }
}
