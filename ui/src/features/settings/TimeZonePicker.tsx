import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { searchZones, zoneOffset } from "./zoneLabel";

interface TimeZonePickerProps {
  zones: string[];
  value: string;
  onChange: (zone: string) => void;
  disabled: boolean;
}

/** A searchable list of the ~600 IANA zones Rust knows. */
export function TimeZonePicker({ zones, value, onChange, disabled }: TimeZonePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const listId = useId();
  const matches = useMemo(() => {
    const found = searchZones(zones, query);
    // The current zone stays visible, so the list always shows what is chosen.
    return found.includes(value) ? found : [value, ...found];
  }, [zones, query, value]);

  return (
    <div className="zone-picker">
      <label htmlFor={searchId} className="field__label">
        {t("settings.timeZoneSearch")}
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t("settings.timeZoneSearchPlaceholder")}
        data-testid="timezone-search"
      />
      <label htmlFor={listId} className="sr-only">
        {t("settings.timeZone")}
      </label>
      <select
        id={listId}
        size={7}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        data-testid="timezone-select"
      >
        {matches.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")} {zoneOffset(zone) ? `(${zoneOffset(zone)})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
