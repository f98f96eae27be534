import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ToggleChip } from "../../components/ToggleChip";
import type { Network, PersonaDto, PersonaInput } from "../../ipc";
import { NETWORKS } from "../../lib/networks";
import { PlanFormFooter } from "./PlanFormFooter";
import { textProblems, type Problem } from "./planChecks";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface PersonaFormProps {
  persona?: PersonaDto;
  saving: boolean;
  error: unknown;
  onSave: (input: PersonaInput) => void;
  onCancel?: () => void;
}

export function PersonaForm({ persona, saving, error, onSave, onCancel }: PersonaFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(persona?.name ?? "");
  const [demographics, setDemographics] = useState(persona?.demographics ?? "");
  const [interests, setInterests] = useState(persona?.interests ?? "");
  const [behaviour, setBehaviour] = useState(persona?.behaviour ?? "");
  const [networks, setNetworks] = useState<Network[]>(persona?.networks ?? []);
  const [hours, setHours] = useState<number[]>(persona?.activeHours ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = textProblems(name);
    setProblems(found);
    if (found.length > 0) return;
    onSave({ name, demographics, interests, behaviour, networks, activeHours: [...hours].sort((a, b) => a - b) });
  };

  const toggleNetwork = (n: Network) => setNetworks((all) => (all.includes(n) ? all.filter((x) => x !== n) : [...all, n]));
  const toggleHour = (h: number) => setHours((all) => (all.includes(h) ? all.filter((x) => x !== h) : [...all, h]));

  return (
    <form className="plan-form" onSubmit={submit} data-testid="persona-form" noValidate>
      <label className="field">
        <span className="field__label">{t("strategy.audiences.name")}</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t("strategy.audiences.namePlaceholder")}
          maxLength={60}
          data-testid="persona-name"
        />
      </label>
      <div className="plan-form__row">
        <label className="field">
          <span className="field__label">{t("strategy.audiences.demographics")}</span>
          <textarea
            rows={2}
            value={demographics}
            onChange={(event) => setDemographics(event.target.value)}
            placeholder={t("strategy.audiences.demographicsPlaceholder")}
            maxLength={500}
          />
        </label>
        <label className="field">
          <span className="field__label">{t("strategy.audiences.interests")}</span>
          <textarea rows={2} value={interests} onChange={(event) => setInterests(event.target.value)} maxLength={500} />
        </label>
        <label className="field">
          <span className="field__label">{t("strategy.audiences.behaviour")}</span>
          <textarea
            rows={2}
            value={behaviour}
            onChange={(event) => setBehaviour(event.target.value)}
            placeholder={t("strategy.audiences.behaviourPlaceholder")}
            maxLength={500}
          />
        </label>
      </div>
      <fieldset className="plan-form__chips">
        <legend className="field__label">{t("strategy.audiences.networks")}</legend>
        {NETWORKS.filter((n) => n !== "webhook").map((n) => (
          <ToggleChip key={n} pressed={networks.includes(n)} onToggle={() => toggleNetwork(n)} testId="persona-network">
            {t(`networks.${n}`)}
          </ToggleChip>
        ))}
      </fieldset>
      <fieldset className="hours">
        <legend className="field__label">{t("strategy.audiences.hours")}</legend>
        <div className="hours__grid">
          {HOURS.map((h) => (
            <button
              key={h}
              type="button"
              className={hours.includes(h) ? "hours__hour hours__hour--on" : "hours__hour"}
              aria-pressed={hours.includes(h)}
              aria-label={t("strategy.audiences.hourToggle", { hour: String(h).padStart(2, "0") })}
              onClick={() => toggleHour(h)}
              data-testid="persona-hour"
            >
              {String(h).padStart(2, "0")}
            </button>
          ))}
        </div>
      </fieldset>
      <PlanFormFooter
        name="persona"
        problems={problems}
        error={error}
        saving={saving}
        submitLabel={persona ? t("strategy.audiences.save") : t("strategy.audiences.add")}
        onCancel={onCancel}
      />
    </form>
  );
}
