//! Paid boosts, ads and influencer partners: the checks on what a person
//! types about a campaign's money and results. The figures themselves (CPC,
//! CPM, ROAS) come from [`crate::kpi`], so a campaign and a goal agree on them.

use crate::DomainError;

/// An amount of money (budget, spend, revenue, a partner's rate): a finite
/// number, zero or more. The refusal keeps the number as typed.
pub fn money(value: f64, what: &'static str) -> Result<f64, DomainError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(DomainError::NegativeAmount {
            what,
            value: value.to_string(),
        })
    }
}

/// A count a person read off the network (impressions, clicks, audience):
/// zero or more.
pub fn count(value: i64, what: &'static str) -> Result<u64, DomainError> {
    u64::try_from(value).map_err(|_| DomainError::NegativeAmount {
        what,
        value: value.to_string(),
    })
}

/// An optional amount: unknown stays unknown, a known one is checked.
pub fn optional_money(value: Option<f64>, what: &'static str) -> Result<Option<f64>, DomainError> {
    value.map(|v| money(v, what)).transpose()
}

/// An optional count: unknown stays unknown, a known one is checked.
pub fn optional_count(value: Option<i64>, what: &'static str) -> Result<Option<u64>, DomainError> {
    value.map(|v| count(v, what)).transpose()
}

/// A partner's engagement rate in percent: 0 to 100.
pub fn percent(value: Option<f64>, what: &'static str) -> Result<Option<f64>, DomainError> {
    match value {
        Some(v) if !(v.is_finite() && (0.0..=100.0).contains(&v)) => {
            Err(DomainError::PercentOutOfRange {
                what,
                value: v.to_string(),
            })
        }
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_may_be_zero_but_not_negative_and_the_refusal_keeps_the_number() {
        assert_eq!(money(0.0, "spend"), Ok(0.0));
        assert_eq!(money(150_000.5, "budget"), Ok(150_000.5));
        assert_eq!(
            money(-2.5, "spend"),
            Err(DomainError::NegativeAmount {
                what: "spend",
                value: "-2.5".into()
            })
        );
        assert!(money(f64::NAN, "spend").is_err());
        assert!(money(f64::INFINITY, "revenue").is_err());
        assert_eq!(optional_money(None, "revenue"), Ok(None));
        assert!(optional_money(Some(-1.0), "revenue").is_err());
    }

    #[test]
    fn counts_may_be_zero_but_not_negative() {
        assert_eq!(count(0, "clicks"), Ok(0));
        assert_eq!(optional_count(Some(1200), "impressions"), Ok(Some(1200)));
        assert_eq!(optional_count(None, "impressions"), Ok(None));
        assert_eq!(
            count(-3, "clicks"),
            Err(DomainError::NegativeAmount {
                what: "clicks",
                value: "-3".into()
            })
        );
    }

    #[test]
    fn an_engagement_rate_is_a_percentage() {
        assert_eq!(percent(Some(3.5), "engagement rate"), Ok(Some(3.5)));
        assert_eq!(percent(None, "engagement rate"), Ok(None));
        assert!(percent(Some(-0.1), "engagement rate").is_err());
        assert!(percent(Some(100.5), "engagement rate").is_err());
    }
}
