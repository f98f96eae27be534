import en from "./en.json";
import id from "./id.json";

type Tree = { [key: string]: string | Tree };

/** Every leaf key, dotted ("editor.blockers.noText"), with its text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = leaves(en as Tree);
const indonesian = leaves(id as Tree);

/** The codes the Rust side is known to send; each needs words in both languages. */
const ERROR_CODES = [
  "report_failed",
  "report_unwritable",
  // Automatic reports.
  "report_folder_not_set",
  "report_folder_missing",
  "auto_reports_nothing_chosen",
  "report_folder_not_opened",
  "empty_text",
  "text_too_long",
  "invalid_date_time",
  "date_out_of_range",
  "unknown_time_zone",
  "over_limit",
  "schedule_needs_time",
  "schedule_needs_channel",
  "schedule_in_past",
  "not_editable",
  "not_found",
  "empty_name",
  "name_too_long",
  "invalid_color",
  "store_busy",
  "store_read_only",
  "store_corrupt",
  "store_newer_version",
  "store_changed_migration",
  "disk_full",
  "store_folder",
  "internal",
  // Also sent by jadwal-domain / jadwal-store today.
  "unknown_network",
  "unknown_status",
  "invalid_transition",
  "store_invalid",
  "store_error",
  // Connecting accounts and publishing (jadwal-engine, jadwal-channels).
  "wrong_network",
  "not_connected",
  "login_needed",
  "assisted_network",
  "wrong_password",
  "login_expired",
  "account_unavailable",
  "invalid_handle",
  "invalid_url",
  "insecure_url",
  "unreachable",
  "dns_failed",
  "tls_failed",
  "timeout",
  "rate_limited",
  "server_error",
  "malformed_response",
  "response_too_large",
  "network_error",
  "image_too_large",
  "rejected",
  "not_yet_supported",
  "empty_post",
  // Telegram, webhooks, and the person's word on held posts.
  "bad_credentials",
  "chat_not_found",
  // Figures: the CSV import, typed-in values, and fetching from the networks.
  "csv_unreadable",
  "csv_mapping",
  "unknown_metric",
  "impossible_metric_value",
  "metrics_not_available",
  "post_not_found",
  "no_appview",
  "outcome_unknown",
  "not_arrived",
  "not_a_web_address",
  "link_not_web",
  // Mastodon's sign-in, and pacing.
  "sign_in_timed_out",
  "sign_in_listener",
  "browser_not_opened",
  "authorization_failed",
  "not_mastodon",
  "paced",
  "folder_not_opened",
  // The workspace's plan (Strategy).
  "target_not_positive",
  "period_ends_before_start",
  "share_out_of_range",
  "shares_over_100",
  "rhythm_out_of_range",
  "unknown_choice",
  // The OS keychain (jadwal-secrets).
  "keychain_missing",
  "keychain_failed",
  "keychain_locked",
  "keychain_ambiguous",
  // The operating system's login item ("Start Jadwal when I log in").
  "login_item",
  "keychain_item_unreadable",
  "invalid_secret_name",
  "keychain_refused",
  // Pictures (jadwal-media's codes pass through the engine) and the shell's open_link.
  "media_file_missing",
  "media_file_unreadable",
  "media_not_a_file",
  "media_file_changed",
  "media_file_empty",
  "media_file_too_large",
  "media_not_an_image",
  "media_heic",
  "media_unsupported_format",
  "media_truncated",
  "media_corrupt",
  "media_too_many_pixels",
  "media_absurd_dimensions",
  "media_too_much_memory",
  "media_cannot_fit_bytes",
  "media_original_missing",
  "media_invalid_id",
  "media_library_unwritable",
  "media_encode_failed",
  "media_problem",
  "media_not_found",
  "invalid_preset",
  "link_not_web",
];

describe("translations", () => {
  it("has every English key in Indonesian", () => {
    const missing = [...english.keys()].filter((key) => !indonesian.has(key));
    expect(missing).toEqual([]);
  });

  it("has every Indonesian key in English", () => {
    const missing = [...indonesian.keys()].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });

  it("fills the same blanks in both languages", () => {
    const mismatched = [...english].filter(
      ([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(indonesian.get(key) ?? "")),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("leaves no text empty", () => {
    const empty = [...english, ...indonesian].filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("explains every known error code", () => {
    const missing = ERROR_CODES.filter((code) => !english.has(`errors.${code}`) || !indonesian.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it("has a wording without blanks for every error that has blanks", () => {
    const needGeneric = [...english]
      .filter(([key, text]) => key.startsWith("errors.") && placeholders(text).length > 0)
      .map(([key]) => `${key}_generic`)
      .filter((key) => !english.has(key));
    expect(needGeneric).toEqual([]);
  });
});
