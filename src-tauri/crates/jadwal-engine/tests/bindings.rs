//! The web view's TypeScript types are generated from the DTOs. This test
//! fails when the checked-in files in ui/src/ipc/bindings/ are stale; run it
//! with UPDATE_BINDINGS=1 to write them afresh.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use jadwal_engine::dto::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/ipc/bindings")
}

fn export_all(dir: &Path) {
    AccountDto::export_all_to(dir).unwrap();
    // Reports written at the end of each period.
    AutoReportOutcome::export_all_to(dir).unwrap();
    AutoReportSettings::export_all_to(dir).unwrap();
    AutoReportsDto::export_all_to(dir).unwrap();
    // Paid campaigns and influencer partners.
    CampaignDto::export_all_to(dir).unwrap();
    CampaignInput::export_all_to(dir).unwrap();
    CollaborationDto::export_all_to(dir).unwrap();
    CollaborationInput::export_all_to(dir).unwrap();
    PaidDto::export_all_to(dir).unwrap();
    PartnerDto::export_all_to(dir).unwrap();
    PartnerInput::export_all_to(dir).unwrap();
    // Campaign results imported from an ad manager's CSV export.
    CampaignCsvMappingInput::export_all_to(dir).unwrap();
    CampaignCsvPlanDto::export_all_to(dir).unwrap();
    CampaignCsvPreviewDto::export_all_to(dir).unwrap();
    AppStateDto::export_all_to(dir).unwrap();
    AttemptDto::export_all_to(dir).unwrap();
    AutosaveDto::export_all_to(dir).unwrap();
    ChannelDto::export_all_to(dir).unwrap();
    ChannelInput::export_all_to(dir).unwrap();
    ConnectBlueskyInput::export_all_to(dir).unwrap();
    ConnectMastodonInput::export_all_to(dir).unwrap();
    ConnectTelegramInput::export_all_to(dir).unwrap();
    ConnectWebhookInput::export_all_to(dir).unwrap();
    FinishMastodonSignInInput::export_all_to(dir).unwrap();
    MastodonCodeSignInDto::export_all_to(dir).unwrap();
    GracePeriod::export_all_to(dir).unwrap();
    HeldPostDto::export_all_to(dir).unwrap();
    HeldPostsDto::export_all_to(dir).unwrap();
    IpcError::export_all_to(dir).unwrap();
    LabelDto::export_all_to(dir).unwrap();
    LabelInput::export_all_to(dir).unwrap();
    Language::export_all_to(dir).unwrap();
    MeasureInput::export_all_to(dir).unwrap();
    PostDto::export_all_to(dir).unwrap();
    PostInput::export_all_to(dir).unwrap();
    PostSummaryDto::export_all_to(dir).unwrap();
    PublishResultDto::export_all_to(dir).unwrap();
    PublishingStatusDto::export_all_to(dir).unwrap();
    SaveOutcomeDto::export_all_to(dir).unwrap();
    ScheduleDto::export_all_to(dir).unwrap();
    SettingsInput::export_all_to(dir).unwrap();
    StoreChangedDto::export_all_to(dir).unwrap();
    TargetDto::export_all_to(dir).unwrap();
    TextMeasureDto::export_all_to(dir).unwrap();
    ThreadPartDto::export_all_to(dir).unwrap();
    ThreadPreviewDto::export_all_to(dir).unwrap();
    // The media library and a post's pictures.
    AttachmentDto::export_all_to(dir).unwrap();
    AttachmentInput::export_all_to(dir).unwrap();
    CropDto::export_all_to(dir).unwrap();
    NetworkPresetsDto::export_all_to(dir).unwrap();
    ImportProgressDto::export_all_to(dir).unwrap();
    ImportResultDto::export_all_to(dir).unwrap();
    MediaDto::export_all_to(dir).unwrap();
    MediaFixDto::export_all_to(dir).unwrap();
    MediaFixOutcomeDto::export_all_to(dir).unwrap();
    MediaProblemDto::export_all_to(dir).unwrap();
    MediaUseDto::export_all_to(dir).unwrap();
    PresetName::export_all_to(dir).unwrap();
    RenditionDto::export_all_to(dir).unwrap();
    ThumbnailDto::export_all_to(dir).unwrap();
    WrittenRenditionDto::export_all_to(dir).unwrap();
    // The dashboard and reports.
    jadwal_domain::insights::Insights::export_all_to(dir).unwrap();
    jadwal_engine::report::ReportFormat::export_all_to(dir).unwrap();
    // The workspace's plan and its gaps on the calendar.
    StrategyDto::export_all_to(dir).unwrap();
    SwotItemInput::export_all_to(dir).unwrap();
    GoalInput::export_all_to(dir).unwrap();
    PersonaInput::export_all_to(dir).unwrap();
    PillarInput::export_all_to(dir).unwrap();
    RhythmInput::export_all_to(dir).unwrap();
    PlanGapsDto::export_all_to(dir).unwrap();
    // Figures: typed in, imported from CSV, fetched from the networks.
    ChannelRefreshDto::export_all_to(dir).unwrap();
    CsvColumnDto::export_all_to(dir).unwrap();
    CsvImportDto::export_all_to(dir).unwrap();
    CsvMappingInput::export_all_to(dir).unwrap();
    CsvMetricColumn::export_all_to(dir).unwrap();
    CsvPreviewDto::export_all_to(dir).unwrap();
    CsvRowProblemDto::export_all_to(dir).unwrap();
    MetricSampleDto::export_all_to(dir).unwrap();
    MetricsRefreshDto::export_all_to(dir).unwrap();
    RecordMetricInput::export_all_to(dir).unwrap();
    RefreshStatus::export_all_to(dir).unwrap();
    TargetMetricsDto::export_all_to(dir).unwrap();
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn bindings_are_fresh() {
    let checked_in = bindings_dir();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        if checked_in.exists() {
            std::fs::remove_dir_all(&checked_in).unwrap();
        }
        std::fs::create_dir_all(&checked_in).unwrap();
        export_all(&checked_in);
    }
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let expected = read_dir(fresh.path());
    let actual = read_dir(&checked_in);
    assert!(
        expected.len() > 15,
        "fewer bindings than DTOs: {:?}",
        expected.keys()
    );
    for (name, text) in &expected {
        assert_eq!(
            actual.get(name),
            Some(text),
            "ui/src/ipc/bindings/{name} is stale; run UPDATE_BINDINGS=1 cargo test -p jadwal-engine --test bindings"
        );
    }
    let extra: Vec<_> = actual
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    assert!(
        extra.is_empty(),
        "bindings with no Rust type behind them: {extra:?}"
    );
}
