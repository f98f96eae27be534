import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useChannels } from "../../hooks/useCatalog";
import { setRhythm, type ChannelDto, type RhythmDto } from "../../ipc";
import { FieldProblems } from "./FieldProblems";
import { rhythmProblems, type Problem } from "./planChecks";
import { usePlanWrite } from "./useStrategy";

/** Rhythm: posts a week per channel. */
export function RhythmSection({ rhythm }: { rhythm: readonly RhythmDto[] }) {
  const { t } = useTranslation();
  const channels = useChannels();
  if (channels.data && channels.data.length === 0) {
    return <p className="plan-empty">{t("strategy.rhythm.noChannels")}</p>;
  }
  return (
    <ul className="plan-list rhythm">
      {(channels.data ?? []).map((c) => (
        <RhythmRow key={c.id} channel={c} perWeek={rhythm.find((r) => r.channelId === c.id)?.postsPerWeek ?? 0} />
      ))}
    </ul>
  );
}

function RhythmRow({ channel, perWeek }: { channel: ChannelDto; perWeek: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(perWeek === 0 ? "" : String(perWeek));
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = usePlanWrite(setRhythm);
  const unchanged = value.trim() === (perWeek === 0 ? "" : String(perWeek));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const raw = value.trim() === "" ? "0" : value;
    const found = rhythmProblems(raw);
    setProblems(found);
    if (found.length === 0) save.mutate({ channelId: channel.id, postsPerWeek: Number(raw) });
  };

  return (
    <li className="plan-list__item rhythm__row" data-testid="rhythm-row" data-id={channel.id}>
      <form className="rhythm__form" onSubmit={submit} noValidate>
        <span className="catalog-row__swatch" style={{ backgroundColor: channel.color }} aria-hidden="true" />
        <label className="rhythm__label" htmlFor={`rhythm-${channel.id}`}>
          {channel.name}
        </label>
        <input
          id={`rhythm-${channel.id}`}
          className="rhythm__input"
          inputMode="numeric"
          value={value}
          placeholder="0"
          onChange={(event) => setValue(event.target.value)}
          data-testid="rhythm-input"
        />
        <span className="rhythm__unit">{t("strategy.rhythm.perWeek")}</span>
        <button
          type="submit"
          className="button button--small"
          disabled={save.isPending || unchanged}
          data-testid="rhythm-set"
        >
          {t("strategy.rhythm.set")}
        </button>
      </form>
      <FieldProblems problems={problems} testId="rhythm-problem" />
      <ErrorNotice error={save.error} testId="rhythm-error" />
    </li>
  );
}
