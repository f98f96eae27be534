//! Campaign results from an ad manager's CSV export: a preview, a check of
//! the mapping the person changed, and the import. The file is picked with
//! the same picker as the figures import (`choose_metrics_csv`).

use jadwal_engine::dto::{
    CampaignCsvMappingInput, CampaignCsvPlanDto, CampaignCsvPreviewDto, IpcError,
};
use std::path::PathBuf;
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn preview_campaign_csv(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<CampaignCsvPreviewDto, IpcError> {
    state.run(move |e| e.campaign_csv_preview(&path)).await
}

#[tauri::command]
pub async fn check_campaign_csv(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: CampaignCsvMappingInput,
) -> Result<CampaignCsvPlanDto, IpcError> {
    state
        .run(move |e| e.campaign_csv_check(&path, &mapping))
        .await
}

#[tauri::command]
pub async fn import_campaign_csv(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: CampaignCsvMappingInput,
) -> Result<CampaignCsvPlanDto, IpcError> {
    state
        .run(move |e| e.campaign_csv_import(&path, &mapping))
        .await
}
