// The web view's only door to Rust. Nothing outside src/ipc/ imports
// @tauri-apps/*; everything else imports from here.
export * from "./commands";
export * from "./events";
export { IpcFailure, ipcErrorOf, isIpcError, toIpcError } from "./errors";

export type { AccountDto } from "./bindings/AccountDto";
export type { AppStateDto } from "./bindings/AppStateDto";
export type { AttemptDto } from "./bindings/AttemptDto";
export type { AutosaveDto } from "./bindings/AutosaveDto";
export type { ChannelDto } from "./bindings/ChannelDto";
export type { ChannelInput } from "./bindings/ChannelInput";
export type { ConnectBlueskyInput } from "./bindings/ConnectBlueskyInput";
export type { CountUnit } from "./bindings/CountUnit";
export type { GracePeriod } from "./bindings/GracePeriod";
export type { HeldPostDto } from "./bindings/HeldPostDto";
export type { IpcError } from "./bindings/IpcError";
export type { LabelDto } from "./bindings/LabelDto";
export type { LabelInput } from "./bindings/LabelInput";
export type { Language } from "./bindings/Language";
export type { MeasureInput } from "./bindings/MeasureInput";
export type { Network } from "./bindings/Network";
export type { PostDto } from "./bindings/PostDto";
export type { PostInput } from "./bindings/PostInput";
export type { PostStatus } from "./bindings/PostStatus";
export type { PostSummaryDto } from "./bindings/PostSummaryDto";
export type { PublishResultDto } from "./bindings/PublishResultDto";
export type { SaveOutcomeDto } from "./bindings/SaveOutcomeDto";
export type { ScheduleAdjustment } from "./bindings/ScheduleAdjustment";
export type { ScheduleDto } from "./bindings/ScheduleDto";
export type { SettingsInput } from "./bindings/SettingsInput";
export type { StoreChangedDto } from "./bindings/StoreChangedDto";
export type { TargetDto } from "./bindings/TargetDto";
export type { TextMeasureDto } from "./bindings/TextMeasureDto";
