use jadwal_engine::dto::{
    CampaignDto, CampaignInput, CollaborationDto, CollaborationInput, IpcError, PaidDto,
    PartnerDto, PartnerInput,
};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn paid(state: State<'_, AppState>) -> Result<PaidDto, IpcError> {
    state.run(|e| e.paid()).await
}

#[tauri::command]
pub async fn campaigns_in_range(
    state: State<'_, AppState>,
    first: String,
    last: String,
) -> Result<Vec<CampaignDto>, IpcError> {
    state
        .run(move |e| e.campaigns_in_range(&first, &last))
        .await
}

#[tauri::command]
pub async fn create_campaign(
    state: State<'_, AppState>,
    input: CampaignInput,
) -> Result<CampaignDto, IpcError> {
    state.run(move |e| e.create_campaign(&input)).await
}

#[tauri::command]
pub async fn update_campaign(
    state: State<'_, AppState>,
    id: i64,
    input: CampaignInput,
) -> Result<CampaignDto, IpcError> {
    state.run(move |e| e.update_campaign(id, &input)).await
}

#[tauri::command]
pub async fn delete_campaign(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_campaign(id)).await
}

#[tauri::command]
pub async fn create_partner(
    state: State<'_, AppState>,
    input: PartnerInput,
) -> Result<PartnerDto, IpcError> {
    state.run(move |e| e.create_partner(&input)).await
}

#[tauri::command]
pub async fn update_partner(
    state: State<'_, AppState>,
    id: i64,
    input: PartnerInput,
) -> Result<PartnerDto, IpcError> {
    state.run(move |e| e.update_partner(id, &input)).await
}

#[tauri::command]
pub async fn delete_partner(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_partner(id)).await
}

#[tauri::command]
pub async fn create_collaboration(
    state: State<'_, AppState>,
    input: CollaborationInput,
) -> Result<CollaborationDto, IpcError> {
    state.run(move |e| e.create_collaboration(&input)).await
}

#[tauri::command]
pub async fn update_collaboration(
    state: State<'_, AppState>,
    id: i64,
    input: CollaborationInput,
) -> Result<CollaborationDto, IpcError> {
    state.run(move |e| e.update_collaboration(id, &input)).await
}

#[tauri::command]
pub async fn delete_collaboration(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_collaboration(id)).await
}
