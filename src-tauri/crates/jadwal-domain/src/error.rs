//! What can be wrong with input, in terms a person can act on.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DomainError {
    #[error("“{0}” is not a network Jadwal knows")]
    UnknownNetwork(String),
    #[error("“{0}” is not a post status Jadwal knows")]
    UnknownStatus(String),
    #[error("“{0}” is not a time zone; use a name such as Asia/Jakarta")]
    UnknownTimeZone(String),
    #[error("“{0}” is not a date and time; use the form 2026-11-23T09:30")]
    InvalidDateTime(String),
    #[error("the year {0} is outside what Jadwal can schedule (1970–9999)")]
    DateOutOfRange(i32),
    #[error("the post has no text; write something first")]
    EmptyText,
    #[error("the post is {len} characters long; Jadwal keeps posts under {max}")]
    TextTooLong { len: usize, max: usize },
    #[error("a {what} needs a name")]
    EmptyName { what: &'static str },
    #[error("the name is {len} characters long; keep it under {max}")]
    NameTooLong { len: usize, max: usize },
    #[error("“{0}” is not a colour; use the form #1a2b3c")]
    InvalidColor(String),
    #[error("“{value}” is not a {what} Jadwal knows")]
    UnknownChoice { what: &'static str, value: String },
    #[error("a goal's target must be more than zero")]
    TargetNotPositive,
    #[error("the period ends ({ends}) before it starts ({starts}); pick a later end")]
    PeriodEndsBeforeStart { starts: String, ends: String },
    #[error("a pillar's share is {0}%; use a whole number from 1 to 100")]
    ShareOutOfRange(u32),
    #[error("the pillars' shares would add up to {total}%; keep them at 100% or less")]
    SharesOver100 { total: u32 },
    #[error("{value} posts a week is not a rhythm Jadwal can plan; use 1 to {max}")]
    RhythmOutOfRange { value: u32, max: u32 },
    #[error("{what}: {value} is less than zero; it cannot be negative")]
    NegativeAmount { what: &'static str, value: String },
    #[error("{what}: {value}% is not a percentage; use a number from 0 to 100")]
    PercentOutOfRange { what: &'static str, value: String },
    #[error("“{0}” is not a figure Jadwal keeps")]
    UnknownMetric(String),
    #[error("{value} is not a possible number of {metric}")]
    ImpossibleMetricValue { metric: &'static str, value: String },
    #[error("a post cannot go from {from} to {to}")]
    InvalidTransition {
        from: &'static str,
        to: &'static str,
    },
}

impl DomainError {
    /// A stable code the web view and scripts branch on.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::UnknownNetwork(_) => "unknown_network",
            DomainError::UnknownStatus(_) => "unknown_status",
            DomainError::UnknownTimeZone(_) => "unknown_time_zone",
            DomainError::InvalidDateTime(_) => "invalid_date_time",
            DomainError::DateOutOfRange(_) => "date_out_of_range",
            DomainError::EmptyText => "empty_text",
            DomainError::TextTooLong { .. } => "text_too_long",
            DomainError::EmptyName { .. } => "empty_name",
            DomainError::NameTooLong { .. } => "name_too_long",
            DomainError::InvalidColor(_) => "invalid_color",
            DomainError::InvalidTransition { .. } => "invalid_transition",
            DomainError::UnknownChoice { .. } => "unknown_choice",
            DomainError::TargetNotPositive => "target_not_positive",
            DomainError::PeriodEndsBeforeStart { .. } => "period_ends_before_start",
            DomainError::ShareOutOfRange(_) => "share_out_of_range",
            DomainError::SharesOver100 { .. } => "shares_over_100",
            DomainError::RhythmOutOfRange { .. } => "rhythm_out_of_range",
            DomainError::NegativeAmount { .. } => "negative_amount",
            DomainError::PercentOutOfRange { .. } => "percent_out_of_range",
            DomainError::UnknownMetric(_) => "unknown_metric",
            DomainError::ImpossibleMetricValue { .. } => "impossible_metric_value",
        }
    }
}
