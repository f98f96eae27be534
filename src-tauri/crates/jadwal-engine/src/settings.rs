//! The app's settings: language, the workspace's time zone, whether Jadwal
//! keeps publishing with its window closed, and the scheduler's grace period.

use chrono::Duration;
use jadwal_domain::TimeZoneId;
use jadwal_domain::schedule::wall_time_at;

use crate::Engine;
use crate::dto::{AppStateDto, GracePeriod, Language, SettingsInput};
use crate::error::Result;
use jadwal_store::Store;

const LANGUAGE_KEY: &str = "language";
/// On this computer (not per workspace): closing the window keeps Jadwal running.
const KEEP_RUNNING_KEY: &str = "keep_running";
/// Set once the person has been told that a closed window keeps running.
const CLOSED_TO_TRAY_KEY: &str = "closed_to_tray_explained";
/// Per workspace: how late a missed post may still go out, in minutes.
const GRACE_KEY: &str = "grace_minutes";

impl Language {
    fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Id => "id",
        }
    }

    /// The language for a stored value or a locale such as `id_ID.UTF-8`;
    /// English for anything else.
    pub fn from_locale(raw: &str) -> Language {
        let lower = raw.to_ascii_lowercase();
        if lower == "id" || lower.starts_with("id_") || lower.starts_with("id-") || lower == "in" {
            Language::Id
        } else {
            Language::En
        }
    }
}

impl GracePeriod {
    /// Every choice, shortest first.
    pub const ALL: [GracePeriod; 4] = [
        GracePeriod::Minutes15,
        GracePeriod::Hour1,
        GracePeriod::Hours3,
        GracePeriod::Hours12,
    ];

    /// What a workspace uses until the person picks another.
    pub const DEFAULT: GracePeriod = GracePeriod::Hour1;

    pub fn minutes(self) -> i64 {
        match self {
            GracePeriod::Minutes15 => 15,
            GracePeriod::Hour1 => 60,
            GracePeriod::Hours3 => 180,
            GracePeriod::Hours12 => 720,
        }
    }

    pub fn duration(self) -> Duration {
        Duration::minutes(self.minutes())
    }

    /// The choice stored as `raw` minutes; the default for anything else
    /// (a value written by a later Jadwal with more choices, say).
    fn from_stored(raw: &str) -> GracePeriod {
        raw.trim()
            .parse::<i64>()
            .ok()
            .and_then(|m| Self::ALL.into_iter().find(|g| g.minutes() == m))
            .unwrap_or(Self::DEFAULT)
    }
}

/// A stored yes/no; `default` when never set.
fn flag(store: &Store, key: &str, default: bool) -> Result<bool> {
    Ok(store.setting(key)?.map_or(default, |v| v == "1"))
}

fn flag_text(on: bool) -> &'static str {
    if on { "1" } else { "0" }
}

impl Engine {
    /// What the window needs at start: where the data is, the zone, the
    /// language (`system_language` until the person picks one), "now", and
    /// the publishing settings.
    pub fn app_state(&self, system_language: Language) -> Result<AppStateDto> {
        let store = self.store()?;
        let ws = store.workspace(self.workspace_id)?;
        let zone: TimeZoneId = ws.time_zone.parse()?;
        Ok(AppStateDto {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            workspace_name: ws.name,
            time_zone: zone.name().to_owned(),
            language: self.language_in(&store, system_language)?,
            now_local: wall_time_at(self.clock.now(), zone).to_string(),
            keep_running: self.keep_running_in(&store)?,
            grace_period: self.grace_period_in(&store)?,
        })
    }

    pub fn update_settings(
        &self,
        input: &SettingsInput,
        system_language: Language,
    ) -> Result<AppStateDto> {
        {
            let mut store = self.store()?;
            if let Some(zone) = &input.time_zone {
                let zone: TimeZoneId = zone.parse()?;
                store.set_workspace_time_zone(self.workspace_id, zone.name())?;
            }
            if let Some(language) = input.language {
                store.set_setting(LANGUAGE_KEY, language.as_str())?;
            }
            if let Some(on) = input.keep_running {
                store.set_setting(KEEP_RUNNING_KEY, flag_text(on))?;
            }
            if let Some(grace) = input.grace_period {
                store.set_workspace_setting(
                    self.workspace_id,
                    GRACE_KEY,
                    &grace.minutes().to_string(),
                )?;
            }
        }
        self.app_state(system_language)
    }

    pub fn time_zones(&self) -> Vec<String> {
        TimeZoneId::all_names().map(str::to_owned).collect()
    }

    /// The workspace's grace period, read by the scheduler on every pass.
    pub fn grace_period(&self) -> Result<GracePeriod> {
        let store = self.store()?;
        self.grace_period_in(&store)
    }

    /// Records that the window was closed to the tray. True only the first
    /// time ever, when the person should be told that Jadwal keeps running.
    pub fn note_closed_to_tray(&self) -> Result<bool> {
        let mut store = self.store()?;
        if flag(&store, CLOSED_TO_TRAY_KEY, false)? {
            return Ok(false);
        }
        store.set_setting(CLOSED_TO_TRAY_KEY, flag_text(true))?;
        Ok(true)
    }

    pub(crate) fn language_in(&self, store: &Store, system_language: Language) -> Result<Language> {
        Ok(store
            .setting(LANGUAGE_KEY)?
            .map_or(system_language, |v| Language::from_locale(&v)))
    }

    pub(crate) fn keep_running_in(&self, store: &Store) -> Result<bool> {
        flag(store, KEEP_RUNNING_KEY, true)
    }

    fn grace_period_in(&self, store: &Store) -> Result<GracePeriod> {
        Ok(store
            .workspace_setting(self.workspace_id, GRACE_KEY)?
            .map_or(GracePeriod::DEFAULT, |v| GracePeriod::from_stored(&v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_grace_period_reads_back_and_anything_odd_is_the_default() {
        for g in GracePeriod::ALL {
            assert_eq!(GracePeriod::from_stored(&g.minutes().to_string()), g);
        }
        assert_eq!(GracePeriod::from_stored("45"), GracePeriod::DEFAULT);
        assert_eq!(GracePeriod::from_stored("soon"), GracePeriod::DEFAULT);
        assert_eq!(GracePeriod::DEFAULT.duration(), Duration::minutes(60));
    }
}
