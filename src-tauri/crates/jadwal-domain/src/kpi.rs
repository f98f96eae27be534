//! The measures the planning guides use, each with its formula in words so
//! the window can show how a figure was made. A figure with a missing or
//! zero denominator is `None` (the window shows "—"), never NaN or infinity.

/// One of the guides' KPIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kpi {
    /// Likes, comments and shares per follower (or per person reached), in %.
    EngagementRate,
    /// Shares per follower, in %.
    AmplificationRate,
    /// New followers over the followers at the start of the period, in %.
    AudienceGrowthRate,
    /// Comments per follower, in %.
    ConversationRate,
    /// Clicks per impression, in %.
    ClickThroughRate,
    /// Conversions per click, in %.
    ConversionRate,
    /// Spend per click, in the workspace's currency.
    CostPerClick,
    /// Spend per thousand impressions.
    CostPerMille,
    /// Revenue per unit of spend (2.0 = twice what was spent).
    ReturnOnAdSpend,
}

impl Kpi {
    pub const ALL: [Kpi; 9] = [
        Kpi::EngagementRate,
        Kpi::AmplificationRate,
        Kpi::AudienceGrowthRate,
        Kpi::ConversationRate,
        Kpi::ClickThroughRate,
        Kpi::ConversionRate,
        Kpi::CostPerClick,
        Kpi::CostPerMille,
        Kpi::ReturnOnAdSpend,
    ];

    /// A stable name for storage and the window's translations.
    pub fn as_str(self) -> &'static str {
        match self {
            Kpi::EngagementRate => "engagement_rate",
            Kpi::AmplificationRate => "amplification_rate",
            Kpi::AudienceGrowthRate => "audience_growth_rate",
            Kpi::ConversationRate => "conversation_rate",
            Kpi::ClickThroughRate => "click_through_rate",
            Kpi::ConversionRate => "conversion_rate",
            Kpi::CostPerClick => "cost_per_click",
            Kpi::CostPerMille => "cost_per_mille",
            Kpi::ReturnOnAdSpend => "return_on_ad_spend",
        }
    }

    /// The formula, in English (the window translates it by `as_str`).
    pub fn formula(self) -> &'static str {
        match self {
            Kpi::EngagementRate => "(likes + comments + shares) ÷ followers × 100",
            Kpi::AmplificationRate => "shares ÷ followers × 100",
            Kpi::AudienceGrowthRate => "new followers ÷ followers at the start × 100",
            Kpi::ConversationRate => "comments ÷ followers × 100",
            Kpi::ClickThroughRate => "clicks ÷ impressions × 100",
            Kpi::ConversionRate => "conversions ÷ clicks × 100",
            Kpi::CostPerClick => "spend ÷ clicks",
            Kpi::CostPerMille => "spend ÷ impressions × 1,000",
            Kpi::ReturnOnAdSpend => "revenue ÷ spend",
        }
    }

    /// The KPI from the figures it needs; `None` when one is missing or the
    /// denominator is zero.
    pub fn compute(self, f: &Figures) -> Option<f64> {
        let engagements = || Some(f.likes? + f.comments? + f.shares?);
        match self {
            Kpi::EngagementRate => percent(engagements()?, f.followers?),
            Kpi::AmplificationRate => percent(f.shares?, f.followers?),
            Kpi::AudienceGrowthRate => ratio(f.new_followers? as f64 * 100.0, f.followers? as f64),
            Kpi::ConversationRate => percent(f.comments?, f.followers?),
            Kpi::ClickThroughRate => percent(f.clicks?, f.impressions?),
            Kpi::ConversionRate => percent(f.conversions?, f.clicks?),
            Kpi::CostPerClick => ratio(f.spend?, f.clicks? as f64),
            Kpi::CostPerMille => ratio(f.spend? * 1000.0, f.impressions? as f64),
            Kpi::ReturnOnAdSpend => ratio(f.revenue?, f.spend?),
        }
    }
}

/// The raw figures a KPI is computed from; `None` when not known (not
/// fetched, not typed in), which is not the same as zero.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    pub likes: Option<u64>,
    pub comments: Option<u64>,
    pub shares: Option<u64>,
    /// Followers at the start of the period (or the people reached, for a post).
    pub followers: Option<u64>,
    /// Followers gained in the period; negative when more left than came.
    pub new_followers: Option<i64>,
    pub impressions: Option<u64>,
    pub clicks: Option<u64>,
    pub conversions: Option<u64>,
    /// In the workspace's currency.
    pub spend: Option<f64>,
    pub revenue: Option<f64>,
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    ratio(part as f64 * 100.0, whole as f64)
}

fn ratio(top: f64, bottom: f64) -> Option<f64> {
    let value = top / bottom;
    (bottom != 0.0 && value.is_finite()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn each_kpi_follows_its_formula() {
        let f = Figures {
            likes: Some(80),
            comments: Some(15),
            shares: Some(5),
            followers: Some(2_000),
            new_followers: Some(50),
            impressions: Some(40_000),
            clicks: Some(400),
            conversions: Some(20),
            spend: Some(200_000.0),
            revenue: Some(700_000.0),
        };
        assert!(close(Kpi::EngagementRate.compute(&f), 5.0));
        assert!(close(Kpi::AmplificationRate.compute(&f), 0.25));
        assert!(close(Kpi::AudienceGrowthRate.compute(&f), 2.5));
        assert!(close(Kpi::ConversationRate.compute(&f), 0.75));
        assert!(close(Kpi::ClickThroughRate.compute(&f), 1.0));
        assert!(close(Kpi::ConversionRate.compute(&f), 5.0));
        assert!(close(Kpi::CostPerClick.compute(&f), 500.0));
        assert!(close(Kpi::CostPerMille.compute(&f), 5_000.0));
        assert!(close(Kpi::ReturnOnAdSpend.compute(&f), 3.5));
        let shrinking = Figures {
            new_followers: Some(-40),
            followers: Some(800),
            ..Figures::default()
        };
        assert!(close(Kpi::AudienceGrowthRate.compute(&shrinking), -5.0));
    }

    #[test]
    fn a_zero_or_missing_denominator_gives_no_figure_not_nan() {
        let zero = Figures {
            likes: Some(3),
            comments: Some(1),
            shares: Some(0),
            followers: Some(0),
            new_followers: Some(0),
            impressions: Some(0),
            clicks: Some(0),
            conversions: Some(0),
            spend: Some(0.0),
            revenue: Some(10.0),
        };
        for kpi in Kpi::ALL {
            assert_eq!(kpi.compute(&zero), None, "{kpi:?}");
            assert_eq!(kpi.compute(&Figures::default()), None, "{kpi:?}");
        }
        // A known zero on top is a real 0 %, unlike a missing one.
        let none_shared = Figures {
            shares: Some(0),
            followers: Some(500),
            ..Figures::default()
        };
        assert!(close(Kpi::AmplificationRate.compute(&none_shared), 0.0));
        let unknown_likes = Figures {
            comments: Some(4),
            shares: Some(1),
            followers: Some(500),
            ..Figures::default()
        };
        assert_eq!(Kpi::EngagementRate.compute(&unknown_likes), None);
    }

    #[test]
    fn every_kpi_has_a_name_and_a_formula() {
        let names: std::collections::HashSet<&str> = Kpi::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names.len(), Kpi::ALL.len());
        assert!(Kpi::ALL.iter().all(|k| k.formula().contains('÷')));
    }
}
