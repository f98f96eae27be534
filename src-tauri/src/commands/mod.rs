//! The window's commands, one file per feature. Each turns its arguments into
//! one engine call on a blocking thread and returns a DTO or an `IpcError`.

mod accounts;
mod app;
mod auto_reports;
mod autosave;
mod catalog;
mod insights;
mod login;
mod media;
mod metrics;
mod paid;
mod paid_csv;
mod posts;
mod scheduler;
mod strategy;

use tauri::Runtime;
use tauri::ipc::Invoke;

pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_state,
        app::update_settings,
        app::list_time_zones,
        app::open_link,
        login::start_at_login,
        login::set_start_at_login,
        posts::calendar_posts,
        posts::tray_posts,
        posts::get_post,
        posts::create_post,
        posts::update_post,
        posts::reschedule_post,
        posts::unschedule_post,
        posts::duplicate_post,
        posts::delete_post,
        posts::restore_post,
        posts::measure_text,
        posts::preview_threads,
        catalog::list_channels,
        catalog::create_channel,
        catalog::update_channel,
        catalog::delete_channel,
        catalog::list_labels,
        catalog::create_label,
        catalog::update_label,
        catalog::delete_label,
        accounts::list_accounts,
        accounts::connect_bluesky,
        accounts::connect_mastodon,
        accounts::start_mastodon_code_sign_in,
        accounts::finish_mastodon_code_sign_in,
        accounts::cancel_mastodon_code_sign_in,
        accounts::connect_telegram,
        accounts::connect_webhook,
        accounts::disconnect_account,
        accounts::publish_now,
        scheduler::needs_decision,
        scheduler::publishing_status,
        scheduler::skip_post,
        scheduler::publish_held_now,
        scheduler::publish_log,
        scheduler::mark_posted,
        scheduler::confirm_outcome,
        autosave::save_autosave,
        autosave::load_autosave,
        autosave::clear_autosave,
        media::import_media,
        media::choose_and_import_media,
        media::media_library,
        media::media_thumbnails,
        media::post_thumbnails,
        media::media_crops,
        media::network_presets,
        media::post_media,
        media::set_post_media,
        media::update_post_media,
        media::post_media_checks,
        media::apply_media_fix,
        media::show_pictures_for_posting,
        insights::insights,
        insights::best_times,
        insights::save_report,
        auto_reports::auto_reports,
        auto_reports::set_auto_reports,
        auto_reports::choose_report_folder,
        auto_reports::open_report_folder,
        strategy::strategy,
        strategy::plan_gaps,
        strategy::add_swot_item,
        strategy::update_swot_item,
        strategy::move_swot_item,
        strategy::delete_swot_item,
        strategy::create_goal,
        strategy::update_goal,
        strategy::delete_goal,
        strategy::create_persona,
        strategy::update_persona,
        strategy::delete_persona,
        strategy::add_pillar,
        strategy::update_pillar,
        strategy::remove_pillar,
        strategy::set_rhythm,
        paid::paid,
        paid::campaigns_in_range,
        paid::create_campaign,
        paid::update_campaign,
        paid::delete_campaign,
        paid_csv::preview_campaign_csv,
        paid_csv::check_campaign_csv,
        paid_csv::import_campaign_csv,
        paid::create_partner,
        paid::update_partner,
        paid::delete_partner,
        paid::create_collaboration,
        paid::update_collaboration,
        paid::delete_collaboration,
        metrics::choose_metrics_csv,
        metrics::preview_metrics_csv,
        metrics::import_metrics_csv,
        metrics::record_metric,
        metrics::refresh_metrics,
        metrics::target_metrics,
        metrics::bluesky_appview,
        metrics::set_bluesky_appview,
    ]
}
