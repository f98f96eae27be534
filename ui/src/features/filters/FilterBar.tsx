import { useTranslation } from "react-i18next";

import { ToggleChip } from "../../components/ToggleChip";
import { STATUS_ICON } from "../../components/StatusBadge";
import type { ChannelDto, LabelDto, PostStatus } from "../../ipc";
import { isFiltering, NO_FILTERS, toggled, type PostFilters } from "../../lib/filters";

const STATUSES: PostStatus[] = ["draft", "scheduled", "published", "failed"];

interface FilterBarProps {
  filters: PostFilters;
  onChange: (filters: PostFilters) => void;
  channels: ChannelDto[];
  labels: LabelDto[];
}

/** Narrows the calendar and the tray to some channels, labels or statuses. */
export function FilterBar({ filters, onChange, channels, labels }: FilterBarProps) {
  const { t } = useTranslation();
  return (
    <div className="filter-bar" role="toolbar" aria-label={t("filters.label")}>
      {channels.length > 0 ? (
        <div className="filter-bar__group" role="group" aria-labelledby="filter-channels">
          <span id="filter-channels" className="filter-bar__name">
            {t("filters.channels")}
          </span>
          {channels.map((channel) => (
            <ToggleChip
              key={channel.id}
              pressed={filters.channelIds.has(channel.id)}
              onToggle={() => onChange({ ...filters, channelIds: toggled(filters.channelIds, channel.id) })}
              color={channel.color}
              testId="filter-channel"
              data={{ "data-channel-id": channel.id }}
            >
              {channel.name}
            </ToggleChip>
          ))}
        </div>
      ) : null}
      {labels.length > 0 ? (
        <div className="filter-bar__group" role="group" aria-labelledby="filter-labels">
          <span id="filter-labels" className="filter-bar__name">
            {t("filters.labels")}
          </span>
          {labels.map((label) => (
            <ToggleChip
              key={label.id}
              pressed={filters.labelIds.has(label.id)}
              onToggle={() => onChange({ ...filters, labelIds: toggled(filters.labelIds, label.id) })}
              color={label.color}
              testId="filter-label"
              data={{ "data-label-id": label.id }}
            >
              {label.name}
            </ToggleChip>
          ))}
        </div>
      ) : null}
      <div className="filter-bar__group" role="group" aria-labelledby="filter-statuses">
        <span id="filter-statuses" className="filter-bar__name">
          {t("filters.status")}
        </span>
        {STATUSES.map((status) => (
          <ToggleChip
            key={status}
            pressed={filters.statuses.has(status)}
            onToggle={() => onChange({ ...filters, statuses: toggled(filters.statuses, status) })}
            testId="filter-status"
            data={{ "data-status": status }}
          >
            <span aria-hidden="true" className={`filter-bar__status-icon filter-bar__status-icon--${status}`}>
              {STATUS_ICON[status]}
            </span>{" "}
            {t(`status.${status}`)}
          </ToggleChip>
        ))}
      </div>
      {isFiltering(filters) ? (
        <button type="button" className="button button--quiet button--small" onClick={() => onChange(NO_FILTERS)} data-testid="filter-clear">
          {t("filters.clear")}
        </button>
      ) : null}
    </div>
  );
}
