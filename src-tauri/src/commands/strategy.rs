use jadwal_engine::dto::{
    GoalDto, GoalInput, IpcError, PersonaDto, PersonaInput, PillarDto, PillarInput, PlanGapsDto,
    RhythmDto, RhythmInput, StrategyDto, SwotItemDto, SwotItemInput,
};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn strategy(state: State<'_, AppState>) -> Result<StrategyDto, IpcError> {
    state.run(|e| e.strategy()).await
}

#[tauri::command]
pub async fn plan_gaps(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<PlanGapsDto, IpcError> {
    state.run(move |e| e.plan_gaps(&from, &to)).await
}

#[tauri::command]
pub async fn add_swot_item(
    state: State<'_, AppState>,
    input: SwotItemInput,
) -> Result<SwotItemDto, IpcError> {
    state.run(move |e| e.add_swot_item(&input)).await
}

#[tauri::command]
pub async fn update_swot_item(
    state: State<'_, AppState>,
    id: i64,
    text: String,
) -> Result<SwotItemDto, IpcError> {
    state.run(move |e| e.update_swot_item(id, &text)).await
}

#[tauri::command]
pub async fn move_swot_item(
    state: State<'_, AppState>,
    id: i64,
    index: usize,
) -> Result<(), IpcError> {
    state.run(move |e| e.move_swot_item(id, index)).await
}

#[tauri::command]
pub async fn delete_swot_item(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_swot_item(id)).await
}

#[tauri::command]
pub async fn create_goal(
    state: State<'_, AppState>,
    input: GoalInput,
) -> Result<GoalDto, IpcError> {
    state.run(move |e| e.create_goal(&input)).await
}

#[tauri::command]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: i64,
    input: GoalInput,
) -> Result<GoalDto, IpcError> {
    state.run(move |e| e.update_goal(id, &input)).await
}

#[tauri::command]
pub async fn delete_goal(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_goal(id)).await
}

#[tauri::command]
pub async fn create_persona(
    state: State<'_, AppState>,
    input: PersonaInput,
) -> Result<PersonaDto, IpcError> {
    state.run(move |e| e.create_persona(&input)).await
}

#[tauri::command]
pub async fn update_persona(
    state: State<'_, AppState>,
    id: i64,
    input: PersonaInput,
) -> Result<PersonaDto, IpcError> {
    state.run(move |e| e.update_persona(id, &input)).await
}

#[tauri::command]
pub async fn delete_persona(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_persona(id)).await
}

#[tauri::command]
pub async fn add_pillar(
    state: State<'_, AppState>,
    input: PillarInput,
) -> Result<PillarDto, IpcError> {
    state.run(move |e| e.add_pillar(&input)).await
}

#[tauri::command]
pub async fn update_pillar(
    state: State<'_, AppState>,
    id: i64,
    input: PillarInput,
) -> Result<PillarDto, IpcError> {
    state.run(move |e| e.update_pillar(id, &input)).await
}

#[tauri::command]
pub async fn remove_pillar(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.remove_pillar(id)).await
}

#[tauri::command]
pub async fn set_rhythm(
    state: State<'_, AppState>,
    input: RhythmInput,
) -> Result<Vec<RhythmDto>, IpcError> {
    state.run(move |e| e.set_rhythm(&input)).await
}
