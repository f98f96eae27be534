import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useChannels, useLabels } from "../../hooks/useCatalog";
import { useWorkspaceNow } from "../../hooks/useWorkspaceNow";
import type { AppStateDto } from "../../ipc";
import { NO_FILTERS, pruneFilters, type PostFilters } from "../../lib/filters";
import { CalendarPane } from "../calendar/CalendarPane";
import { PlanGapsPanel } from "../calendar/PlanGapsPanel";
import { CatalogDialog } from "../catalog/CatalogDialog";
import { DashboardDialog } from "../dashboard/DashboardDialog";
import { NeedsDecision } from "../decisions/NeedsDecision";
import { EditorDialog, type EditorRequest } from "../editor/EditorDialog";
import type { DraftPrefill } from "../editor/editorDraft";
import { FilterBar } from "../filters/FilterBar";
import { MediaLibraryDialog } from "../media/MediaLibraryDialog";
import { SettingsDialog } from "../settings/SettingsDialog";
import { StrategyDialog } from "../strategy/StrategyDialog";
import { useStrategy } from "../strategy/useStrategy";
import { Tray } from "../tray/Tray";
import { Header } from "./Header";
import { OfflineBanner } from "./OfflineBanner";
import { useOpenPostRequests } from "./useOpenPostRequests";
import { useRestoredDraft } from "./useRestoredDraft";
import { WelcomeBanner } from "./WelcomeBanner";

/** The main window: header, filters, calendar and tray, and the dialogs over them. */
export function AppShell({ appState }: { appState: AppStateDto }) {
  const { t } = useTranslation();
  const now = useWorkspaceNow(appState.timeZone, appState.nowLocal);
  const channels = useChannels();
  const labels = useLabels();

  const [rawFilters, setFilters] = useState<PostFilters>(NO_FILTERS);
  const filters = useMemo(
    () => pruneFilters(rawFilters, (channels.data ?? []).map((c) => c.id), (labels.data ?? []).map((l) => l.id)),
    [rawFilters, channels.data, labels.data],
  );

  // Each opening gets its own key, so the editor starts fresh every time.
  const [editor, setEditor] = useState<(EditorRequest & { key: number }) | null>(null);
  const editorKey = useRef(0);
  const openEditor = useCallback((request: EditorRequest) => {
    editorKey.current += 1;
    setEditor({ ...request, key: editorKey.current });
  }, []);

  const [settingsOpen, setSettingsOpen] = useState(false);
  const [catalogOpen, setCatalogOpen] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [dashboardOpen, setDashboardOpen] = useState(false);
  const [strategyOpen, setStrategyOpen] = useState(false);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const plan = useStrategy();
  const [chipDragging, setChipDragging] = useState(false);
  const trayRef = useRef<HTMLElement>(null);

  // Unsaved work from the last session, unless the person already opened something.
  useRestoredDraft((draft) => {
    editorKey.current += 1;
    const key = editorKey.current;
    setEditor((current) => current ?? { postId: draft.postId, restored: draft, key });
  });

  const openPost = useCallback((postId: number) => openEditor({ postId }), [openEditor]);
  useOpenPostRequests(openPost);
  const createAt = useCallback((date: string, time: string) => openEditor({ postId: null, prefill: { date, time } }), [openEditor]);
  const fillFromPlan = useCallback((prefill: DraftPrefill) => openEditor({ postId: null, prefill }), [openEditor]);

  return (
    <div className="app">
      <a href="#calendar-main" className="skip-link">
        {t("app.skipToCalendar")}
      </a>
      <Header
        workspaceName={appState.workspaceName}
        onNewPost={() => openEditor({ postId: null })}
        onChannels={() => setCatalogOpen(true)}
        onLibrary={() => setLibraryOpen(true)}
        onDashboard={() => setDashboardOpen(true)}
        onStrategy={() => setStrategyOpen(true)}
        onSettings={() => setSettingsOpen(true)}
      />
      <OfflineBanner timeZone={appState.timeZone} />
      {channels.data && channels.data.length === 0 ? <WelcomeBanner onAddChannel={() => setCatalogOpen(true)} /> : null}
      <FilterBar filters={filters} onChange={setFilters} channels={channels.data ?? []} labels={labels.data ?? []} />
      <main id="calendar-main" className="app-main">
        <CalendarPane
          now={now}
          filters={filters}
          trayRef={trayRef}
          onOpenPost={openPost}
          onCreateAt={createAt}
          onFillSlot={fillFromPlan}
          onRangeChange={setRange}
          onChipDragging={setChipDragging}
        />
        <div className="side-column">
          <PlanGapsPanel range={range} plan={plan.data} onFill={fillFromPlan} onOpenStrategy={() => setStrategyOpen(true)} />
          <NeedsDecision now={now} timeZone={appState.timeZone} onOpenPost={openPost} />
          <Tray filters={filters} trayRef={trayRef} dropActive={chipDragging} onOpenPost={openPost} />
        </div>
      </main>

      {editor ? (
        <EditorDialog
          key={editor.key}
          request={editor}
          timeZone={appState.timeZone}
          onClose={() => setEditor(null)}
          onOpenChannels={() => setCatalogOpen(true)}
          onOpenPost={openPost}
        />
      ) : null}
      {settingsOpen ? <SettingsDialog appState={appState} onClose={() => setSettingsOpen(false)} /> : null}
      {catalogOpen ? <CatalogDialog onClose={() => setCatalogOpen(false)} /> : null}
      {libraryOpen ? <MediaLibraryDialog onClose={() => setLibraryOpen(false)} /> : null}
      {dashboardOpen ? (
        <DashboardDialog
          today={now.slice(0, 10)}
          timeZone={appState.timeZone}
          onClose={() => setDashboardOpen(false)}
          onOpenPost={openPost}
        />
      ) : null}
      {strategyOpen ? <StrategyDialog today={now.slice(0, 10)} onClose={() => setStrategyOpen(false)} /> : null}
    </div>
  );
}
