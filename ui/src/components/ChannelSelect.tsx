import { useChannels } from "../hooks/useCatalog";

interface ChannelSelectProps {
  /** The chosen channel's id, or null while none is chosen. */
  value: number | null;
  onChange: (channelId: number | null) => void;
  label: string;
  /** The first option, which stands for "no channel" and maps to null. */
  emptyLabel: string;
  testId: string;
}

/** A labelled choice of one of the workspace's channels, or none. */
export function ChannelSelect({ value, onChange, label, emptyLabel, testId }: ChannelSelectProps) {
  const channels = useChannels();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
        data-testid={testId}
      >
        <option value="">{emptyLabel}</option>
        {(channels.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
