//! The app's settings: language and the workspace's time zone.

use jadwal_domain::TimeZoneId;
use jadwal_domain::schedule::wall_time_at;

use crate::Engine;
use crate::dto::{AppStateDto, Language, SettingsInput};
use crate::error::Result;

const LANGUAGE_KEY: &str = "language";

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

impl Engine {
    /// What the window needs at start: where the data is, the zone, the
    /// language (`system_language` until the person picks one) and "now".
    pub fn app_state(&self, system_language: Language) -> Result<AppStateDto> {
        let store = self.store()?;
        let ws = store.workspace(self.workspace_id)?;
        let zone: TimeZoneId = ws.time_zone.parse()?;
        let language = store
            .setting(LANGUAGE_KEY)?
            .map_or(system_language, |v| Language::from_locale(&v));
        Ok(AppStateDto {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.data_dir.display().to_string(),
            workspace_name: ws.name,
            time_zone: zone.name().to_owned(),
            language,
            now_local: wall_time_at(self.clock.now(), zone).to_string(),
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
        }
        self.app_state(system_language)
    }

    pub fn time_zones(&self) -> Vec<String> {
        TimeZoneId::all_names().map(str::to_owned).collect()
    }
}
