//! The command line, as clap reads it.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use jadwal_domain::Network;
use jadwal_engine::dto::Language;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "jadwal-cli",
    version,
    about = "Jadwal's content calendar from the command line"
)]
pub struct Cli {
    /// The data folder (default: $JADWAL_DATA_DIR, else the app's own folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Posts scheduled between two dates (inclusive), or the undated drafts with --tray.
    List {
        /// First day, YYYY-MM-DD.
        #[arg(long, required_unless_present = "tray")]
        from: Option<String>,
        /// Last day, YYYY-MM-DD (included).
        #[arg(long, required_unless_present = "tray")]
        to: Option<String>,
        /// The drafts that have no date yet.
        #[arg(long, conflicts_with_all = ["from", "to"])]
        tray: bool,
    },
    /// One post in full.
    Show { id: i64 },
    /// A new post (a draft unless --schedule).
    Add {
        #[arg(long)]
        text: String,
        /// Wall time in the workspace's zone, e.g. 2026-11-25T09:30.
        #[arg(long)]
        at: Option<String>,
        /// A channel's name or id; repeat for several.
        #[arg(long = "channel")]
        channels: Vec<String>,
        /// A label's name or id; repeat for several.
        #[arg(long = "label")]
        labels: Vec<String>,
        /// Schedule it for publishing instead of keeping it a draft.
        #[arg(long)]
        schedule: bool,
        /// Where the text is too long for one post on a network that
        /// threads (Bluesky), send it as a thread of replies.
        #[arg(long)]
        thread: bool,
    },
    /// Move a post to another time, or back to the tray.
    Move {
        id: i64,
        /// New wall time, e.g. 2026-11-26T10:00.
        #[arg(long, required_unless_present = "tray")]
        to: Option<String>,
        /// Take it off the calendar (it becomes an undated draft).
        #[arg(long, conflicts_with = "to")]
        tray: bool,
    },
    /// Delete a post (the desktop app can still undo it right after).
    Delete { id: i64 },
    /// The workspace's channels.
    #[command(subcommand)]
    Channels(ChannelsCommand),
    /// Connected accounts.
    #[command(subcommand)]
    Accounts(AccountsCommand),
    /// Publish a post now, to every channel it targets.
    Publish { id: i64 },
    /// A post's publish log: every try, when, and what the network answered.
    Log { id: i64 },
    /// Say you published a post by hand on a channel (Instagram, TikTok, …),
    /// optionally with its address; the rest of its channels are finished.
    MarkPosted {
        id: i64,
        #[arg(long)]
        channel: String,
        #[arg(long)]
        url: Option<String>,
    },
    /// Answer for a post Jadwal is unsure went out (a lost answer on a
    /// network that cannot spot a repeat): did it arrive?
    Confirm {
        id: i64,
        /// It arrived: record it as published.
        #[arg(
            long,
            conflicts_with = "not_arrived",
            required_unless_present = "not_arrived"
        )]
        arrived: bool,
        /// It did not arrive: send it again.
        #[arg(long)]
        not_arrived: bool,
    },
    /// Save the report for a range of days (goals, key figures, trends,
    /// best and weakest posts, pillar mix, best times) as PDF or CSV.
    Report {
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Last day, YYYY-MM-DD (included).
        #[arg(long)]
        to: String,
        /// en or id.
        #[arg(long, default_value = "en", value_parser = language_parser())]
        language: Language,
        /// pdf or csv; by default taken from the file's extension.
        #[arg(long, value_parser = ["pdf", "csv"])]
        format: Option<String>,
        /// The file to write (replaced if it exists).
        #[arg(long)]
        out: PathBuf,
    },
    /// Reports written by themselves at the end of each week or month into
    /// a folder, as in the app's Settings.
    #[command(subcommand)]
    AutoReports(AutoReportsCommand),
    /// The media library: import pictures, list them, put them on a post.
    #[command(subcommand)]
    Media(MediaCommand),
    /// Write a post's pictures as each of its networks gets them, with the
    /// same checks the app makes.
    Renditions {
        id: i64,
        /// The folder to write into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Run the scheduler here until stopped (Ctrl+C): for an always-on
    /// machine. Refuses while the desktop app publishes from the same folder.
    Agent,
    /// Figures about published posts and accounts: import, type in, fetch.
    #[command(subcommand)]
    Metrics(MetricsCommand),
    /// Paid boosts and ads: import campaign results from an ad manager.
    #[command(subcommand)]
    Paid(PaidCommand),
}

#[derive(Debug, Subcommand)]
pub enum AutoReportsCommand {
    /// Whether they are on, where they go, what is written, and how the
    /// last run went.
    Show,
    /// Change the choices; what is not given stays as it is. Turning them on
    /// needs a folder that is there, a period and a format. The app or
    /// `jadwal-cli agent` writes what is due within a minute.
    Set(AutoReportChoices),
}

/// The automatic-report choices to change.
#[derive(Debug, Args)]
#[group(required = true, multiple = true)]
pub struct AutoReportChoices {
    /// Turn automatic reports on.
    #[arg(long, conflicts_with = "off")]
    pub on: bool,
    /// Turn automatic reports off (the other choices are kept).
    #[arg(long)]
    pub off: bool,
    /// The folder the reports go into.
    #[arg(long, value_name = "DIR")]
    pub folder: Option<PathBuf>,
    /// A report at the end of each week (Monday to Sunday): on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_switch)]
    pub weekly: Option<bool>,
    /// A report at the end of each month: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_switch)]
    pub monthly: Option<bool>,
    /// The reports' language: en or id.
    #[arg(long, value_parser = language_parser())]
    pub language: Option<Language>,
    /// Write each report as PDF: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_switch)]
    pub pdf: Option<bool>,
    /// Write each report as CSV: on or off.
    #[arg(long, value_name = "on|off", value_parser = parse_switch)]
    pub csv: Option<bool>,
}

/// `en` or `id`, as the app names its languages.
fn language_parser() -> impl TypedValueParser<Value = Language> {
    PossibleValuesParser::new(["en", "id"]).map(|s| {
        if s == "id" {
            Language::Id
        } else {
            Language::En
        }
    })
}

fn parse_switch(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(format!("“{s}” is neither on nor off")),
    }
}

/// How a CSV file writes its dates and numbers, when the guess is wrong.
#[derive(Debug, Args)]
pub struct CsvHabits {
    /// Dates such as 03/04/2026 are month first (the United States).
    #[arg(long, conflicts_with = "day_first")]
    pub month_first: bool,
    /// Dates such as 03/04/2026 are day first.
    #[arg(long)]
    pub day_first: bool,
    /// Numbers use a decimal comma (1.234,5).
    #[arg(long, conflicts_with = "decimal_point")]
    pub decimal_comma: bool,
    /// Numbers use a decimal point (1,234.5).
    #[arg(long)]
    pub decimal_point: bool,
}

impl CsvHabits {
    /// Day first as asked, else as guessed.
    pub fn day_first(&self, guessed: bool) -> bool {
        !self.month_first && (self.day_first || guessed)
    }

    /// A decimal comma as asked, else as guessed.
    pub fn decimal_comma(&self, guessed: bool) -> bool {
        !self.decimal_point && (self.decimal_comma || guessed)
    }
}

#[derive(Debug, Subcommand)]
pub enum PaidCommand {
    /// Import campaign results from a CSV exported by an ad manager (Meta
    /// Ads Manager, TikTok, Google Ads), matched to campaigns by name; the
    /// rows of one campaign are summed and replace its results. Campaigns
    /// Jadwal does not know are left out unless --create-missing. A file
    /// with a bad row imports nothing (each bad row is listed) unless
    /// --skip-bad-rows.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// A column (its header, or its number from 1) and what it holds:
        /// name, spend, impressions, clicks, conversions, revenue, starts or
        /// ends, e.g. --map "Hasil=conversions"; repeat for several. When
        /// given, only these columns are read.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        maps: Vec<String>,
        /// Add campaigns the file names that Jadwal does not know (budget =
        /// spend, period from the file's reporting dates).
        #[arg(long)]
        create_missing: bool,
        /// The channel (name or id) new campaigns ran on.
        #[arg(long, requires = "create_missing")]
        channel: Option<String>,
        #[command(flatten)]
        habits: CsvHabits,
        /// Import the good rows and leave the bad ones out.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Only show how the file reads, the mapping and what would change.
        #[arg(long)]
        preview: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum MetricsCommand {
    /// Import figures from a CSV exported by a network's insights page. The
    /// columns are guessed from their headers; --map and the other options
    /// override the guess. A file with a bad row imports nothing (each bad
    /// row is listed) unless --skip-bad-rows.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The channel (name or id) the figures belong to.
        #[arg(long)]
        channel: String,
        /// A column (its header, or its number from 1) and the figure it
        /// holds, e.g. --map Tayangan=impressions; repeat for several. When
        /// given, only these columns are imported.
        #[arg(long = "map", value_name = "COLUMN=METRIC")]
        maps: Vec<String>,
        /// The column with each row's date ("none" for no date column).
        #[arg(long, value_name = "COLUMN")]
        date_column: Option<String>,
        /// The column with the post's link or id ("none": the rows are the account's).
        #[arg(long, value_name = "COLUMN")]
        post_column: Option<String>,
        #[command(flatten)]
        habits: CsvHabits,
        /// Import the good rows and leave the bad ones out.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Only show how the file reads and the mapping; import nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Fetch the figures of published posts and followers from the networks
    /// that give them (Bluesky, Mastodon) now.
    Refresh {
        /// Read Bluesky's counts from this AppView from now on.
        #[arg(long, value_name = "URL")]
        appview: Option<String>,
    },
    /// Record a figure by hand, for a post on a channel or for the account.
    Record {
        #[arg(long)]
        channel: String,
        /// The post's id; without it the figure is the account's.
        #[arg(long)]
        post: Option<i64>,
        /// likes, reposts, replies, quotes, followers, impressions, reach,
        /// clicks, saves, conversions, bounce_rate, spend or revenue.
        #[arg(long)]
        metric: String,
        #[arg(long)]
        value: f64,
        /// 2026-11-23T09:30 (at that time) or 2026-11-23 (that whole day).
        #[arg(long)]
        at: String,
    },
    /// A post's figures on a channel: the newest of each and the history.
    Show {
        id: i64,
        #[arg(long)]
        channel: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// Add pictures to the library (a bad file is reported; the rest go on).
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// The library, newest first.
    List {
        /// Only pictures whose file name or alt text contains this.
        #[arg(long)]
        search: Option<String>,
    },
    /// Put library pictures on a post, in this order (replacing its pictures).
    Attach {
        id: i64,
        /// Picture ids (hashes) from `media list`.
        #[arg(required = true, value_name = "HASH")]
        hashes: Vec<String>,
        /// Alt text, one per picture in the same order.
        #[arg(long = "alt")]
        alts: Vec<String>,
    },
    /// What each of the post's networks would say about its pictures.
    Check { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum AccountsCommand {
    /// Every connected account and whether its login works.
    List,
    /// Connect a Bluesky channel. The app password is read from standard
    /// input (never from the command line, where other users could see it).
    ConnectBluesky {
        /// The channel's name or id.
        #[arg(long)]
        channel: String,
        /// The account's handle, e.g. toko.bsky.social.
        #[arg(long)]
        identifier: String,
        /// A self-hosted server's address, if not Bluesky's own.
        #[arg(long)]
        service: Option<String>,
    },
    /// Connect a Mastodon account: prints the instance's sign-in address to
    /// open in a browser on this computer, then waits for your approval.
    ConnectMastodon {
        #[arg(long)]
        channel: String,
        /// The instance, e.g. mastodon.social.
        #[arg(long)]
        instance: String,
    },
    /// Connect a Telegram channel through your bot. The bot token (from
    /// @BotFather) is read from standard input.
    ConnectTelegram {
        #[arg(long)]
        channel: String,
        /// @channelname, or the chat's number.
        #[arg(long)]
        chat: String,
        /// A self-hosted Bot API server, if not Telegram's own.
        #[arg(long)]
        api: Option<String>,
    },
    /// Connect a webhook. Standard input gives the address on the first
    /// line and the signing secret on the second (both are keys).
    ConnectWebhook {
        #[arg(long)]
        channel: String,
    },
    /// Forget a channel's account and remove its secret from the keychain.
    Disconnect {
        #[arg(long)]
        channel: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ChannelsCommand {
    List,
    Add {
        #[arg(long)]
        name: String,
        /// bluesky, mastodon, telegram, instagram, facebook, linkedin, x, tiktok,
        /// pinterest, threads, google_business or webhook.
        #[arg(long, value_parser = parse_network)]
        network: Network,
        /// #rrggbb; the network's colour when absent.
        #[arg(long)]
        color: Option<String>,
    },
}

fn parse_network(s: &str) -> Result<Network, String> {
    s.parse()
        .map_err(|e: jadwal_domain::DomainError| e.to_string())
}
