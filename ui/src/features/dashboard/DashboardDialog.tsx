import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { queryKeys } from "../../data/queryKeys";
import { useLanguage } from "../../i18n";
import { insights, saveReport, type Language, type ReportFormat } from "../../ipc";
import type { LocalDate } from "../../lib/wallTime";
import { useToast } from "../toast/ToastProvider";
import { BestTimesSection } from "./BestTimesSection";
import { CampaignsSection } from "./CampaignsSection";
import { FiguresPanel } from "./FiguresPanel";
import { GoalsSection } from "./GoalsSection";
import { KpiSection } from "./KpiSection";
import { PillarSection } from "./PillarSection";
import { PostsSection } from "./PostsSection";
import { RANGE_CHOICES, isValidRange, rangeFor, type DayRange, type RangeChoice } from "./ranges";
import { TrendsSection } from "./TrendsSection";

interface DashboardDialogProps {
  /** Today in the workspace's zone. */
  today: LocalDate;
  timeZone: string;
  onClose: () => void;
  onOpenPost: (id: number) => void;
}

/** Goals, trends, posts, pillar mix and best times for a range, and the report of it. */
export function DashboardDialog({ today, timeZone, onClose, onOpenPost }: DashboardDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const windowLanguage = useLanguage();
  const [choice, setChoice] = useState<RangeChoice | "custom">("thisMonth");
  const [custom, setCustom] = useState<DayRange>(() => rangeFor("thisMonth", today));
  const range = choice === "custom" ? custom : rangeFor(choice, today);
  const rangeOk = isValidRange(range);
  const [reportLanguage, setReportLanguage] = useState<Language>(windowLanguage);

  const figures = useQuery({
    queryKey: queryKeys.insights(range.first, range.last),
    queryFn: () => insights(range.first, range.last),
    enabled: rangeOk,
  });
  const save = useMutation({
    mutationFn: (format: ReportFormat) => saveReport(range.first, range.last, reportLanguage, format, t("dashboard.saveTitle")),
    onSuccess: (path) => {
      if (path) toast({ message: t("dashboard.reportSaved"), detail: path, tone: "success" });
    },
  });

  return (
    <Modal title={t("dashboard.title")} onClose={onClose} size="wide" testId="dashboard" closeLabel={t("common.close")}>
      <div className="dashboard__toolbar">
        <label className="field field--inline">
          <span>{t("dashboard.range")}</span>
          <select
            value={choice}
            onChange={(e) => setChoice(e.target.value as RangeChoice | "custom")}
            data-testid="dashboard-range"
          >
            {RANGE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`dashboard.ranges.${c}`)}
              </option>
            ))}
            <option value="custom">{t("dashboard.ranges.custom")}</option>
          </select>
        </label>
        {choice === "custom" ? (
          <>
            <label className="field field--inline">
              <span>{t("dashboard.from")}</span>
              <input type="date" value={custom.first} onChange={(e) => setCustom({ ...custom, first: e.target.value })} />
            </label>
            <label className="field field--inline">
              <span>{t("dashboard.to")}</span>
              <input type="date" value={custom.last} onChange={(e) => setCustom({ ...custom, last: e.target.value })} />
            </label>
          </>
        ) : null}
        <span className="dashboard__spacer" />
        <label className="field field--inline">
          <span>{t("dashboard.reportLanguage")}</span>
          <select
            value={reportLanguage}
            onChange={(e) => setReportLanguage(e.target.value as Language)}
            data-testid="report-language"
          >
            <option value="en">English</option>
            <option value="id">Bahasa Indonesia</option>
          </select>
        </label>
        <button type="button" className="button" disabled={!rangeOk || save.isPending} onClick={() => save.mutate("pdf")} data-testid="save-report-pdf">
          {t("dashboard.savePdf")}
        </button>
        <button type="button" className="button" disabled={!rangeOk || save.isPending} onClick={() => save.mutate("csv")} data-testid="save-report-csv">
          {t("dashboard.saveCsv")}
        </button>
      </div>
      {!rangeOk ? (
        <p className="notice notice--error" role="alert" data-testid="range-error">
          {t("dashboard.badRange")}
        </p>
      ) : null}
      <ErrorNotice error={figures.error ?? save.error} testId="dashboard-error" />
      {rangeOk ? <FiguresPanel range={range} today={today} /> : null}
      {figures.data ? (
        <div className="dashboard" data-testid="dashboard-body" data-first={range.first} data-last={range.last}>
          <GoalsSection goals={figures.data.goals} />
          <KpiSection kpis={figures.data.kpis} />
          <TrendsSection channels={figures.data.channels} />
          <PostsSection top={figures.data.topPosts} bottom={figures.data.bottomPosts} timeZone={timeZone} onOpenPost={onOpenPost} />
          <PillarSection pillars={figures.data.pillarMix} />
          <CampaignsSection campaigns={figures.data.campaigns} />
          <BestTimesSection best={figures.data.bestTimes} />
        </div>
      ) : rangeOk && figures.isPending ? (
        <p className="dashboard__empty">{t("common.loading")}</p>
      ) : null}
    </Modal>
  );
}
