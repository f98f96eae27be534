//! What the computer says about the person: its time zone and language.
//! Read once at start by the shell and the CLI; the domain never asks.

use jadwal_domain::TimeZoneId;

use crate::dto::Language;

/// The computer's IANA zone (`TZ` first, as Unix tools do); UTC where it
/// cannot be told.
pub fn system_time_zone() -> TimeZoneId {
    std::env::var("TZ")
        .ok()
        .and_then(|tz| tz.trim_start_matches(':').parse().ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(TimeZoneId::UTC)
}

/// Indonesian where the computer's language is, English otherwise.
pub fn system_language() -> Language {
    sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
}
