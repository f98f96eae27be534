//! The dashboard's and the reports' figures for one range of days: read from
//! the store in a handful of queries, turned into `Insights` by the domain's
//! rules. The same function feeds the window, the PDF and the CLI, so they
//! never disagree.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use jadwal_domain::day_spans::constant_offset_spans;
use jadwal_domain::insights::{
    BestTimes, CampaignResult, ChannelTrend, DayFigure, GoalProgress, Insights, KpiFigure,
    PillarCount, PostResult, PublishedResult, ReportRange, best_times, pillar_mix, top_and_bottom,
};
use jadwal_domain::kpi::{Figures, Kpi};
use jadwal_domain::schedule::{TimeZoneId, day_range_utc, parse_date, wall_time_at};
use jadwal_domain::{Metric, strategy};
use jadwal_store::Store;
use jadwal_store::channels::ChannelRecord;
use jadwal_store::insights::PublishedPost;
use jadwal_store::metrics::{DailyQuery, Level};

use crate::{Engine, Result};

/// How many posts the best and weakest lists hold.
const RANKED_POSTS: usize = 5;
/// Best times are read from this many days of history before the range's end,
/// so a one-week report still has a year of the shop's own posts behind it.
const BEST_TIMES_HISTORY_DAYS: i64 = 365;

/// The figures a period adds up to, on some channels.
#[derive(Debug, Default, Clone)]
struct Totals {
    figures: Figures,
    reach: Option<f64>,
    posts: u64,
    followers_end: Option<f64>,
}

impl Engine {
    /// Everything the dashboard shows for the days `first..=last`
    /// (`YYYY-MM-DD`, both included) in the workspace's zone.
    pub fn insights(&self, first: &str, last: &str) -> Result<Insights> {
        let (first, last) = report_days(first, last)?;
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let name = store.workspace(self.workspace_id)?.name;
        build(&store, self.workspace_id, name, zone, first, last)
    }

    /// The weekday × hour slots the workspace's own posts of the last year
    /// did best in, for the editor's time picker.
    pub fn best_times(&self) -> Result<BestTimes> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let now = self.clock.now();
        let channels = store.channels(self.workspace_id)?;
        let names: HashMap<i64, &ChannelRecord> = channels.iter().map(|c| (c.id, c)).collect();
        let history_from = now - Duration::days(BEST_TIMES_HISTORY_DAYS);
        let published = Published::read(&store, self.workspace_id, history_from, now)?;
        let history = post_results(&published, history_from, now, &names);
        Ok(best_times(&published_results(&history), zone))
    }

    /// The workspace's zone and today's date in it, for reports made
    /// outside the window (the CLI, the end-of-period reports).
    pub fn zone_and_today(&self) -> Result<(TimeZoneId, NaiveDate)> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        Ok((zone, wall_time_at(self.clock.now(), zone).date()))
    }
}

/// Two typed days as a range, refusing impossible dates and a last day
/// before the first.
pub(crate) fn report_days(first: &str, last: &str) -> Result<(NaiveDate, NaiveDate)> {
    Ok(strategy::period(parse_date(first)?, parse_date(last)?)?)
}

fn utc_range(
    first: NaiveDate,
    last: NaiveDate,
    zone: TimeZoneId,
) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let after_last = last.succ_opt().unwrap_or(last);
    Ok(day_range_utc(first, after_last, zone)?)
}

fn build(
    store: &Store,
    workspace_id: i64,
    workspace: String,
    zone: TimeZoneId,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Insights> {
    let (from, to) = utc_range(first, last, zone)?;
    let channels = store.channels(workspace_id)?;
    let names: HashMap<i64, &ChannelRecord> = channels.iter().map(|c| (c.id, c)).collect();

    // One read of what went out covers the range and the year of history
    // the best times are drawn from.
    let history_from = (to - Duration::days(BEST_TIMES_HISTORY_DAYS)).min(from);
    let published = Published::read(store, workspace_id, history_from, to)?;
    let results = post_results(&published, from, to, &names);
    let trends = channel_trends(store, workspace_id, zone, first, last, &channels, &results)?;
    let ranked = top_and_bottom(
        &results.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
        RANKED_POSTS,
    );

    let all = |_: i64| true;
    let totals = totals(store, workspace_id, &published, from, to, &all)?;
    let kpis = Kpi::ALL
        .iter()
        .map(|k| KpiFigure {
            kpi: k.as_str().to_owned(),
            formula: k.formula().to_owned(),
            value: k.compute(&totals.figures),
        })
        .collect();

    let goals = goal_progress(store, workspace_id, zone, &names, &published)?;
    let pillars = store
        .pillar_posts(workspace_id, from, to)?
        .into_iter()
        .map(|p| PillarCount {
            name: p.name,
            color: p.color,
            target_share: Some(f64::from(p.target_share)),
            posts: p.posts,
        })
        .collect::<Vec<_>>();

    let history = post_results(
        &published,
        to - Duration::days(BEST_TIMES_HISTORY_DAYS),
        to,
        &names,
    );

    let campaigns = crate::paid::campaigns_in_range(store, workspace_id, first, last)?
        .into_iter()
        .filter_map(|c| {
            Some(CampaignResult {
                channel: c
                    .channel_id
                    .and_then(|id| names.get(&id).map(|ch| ch.name.clone())),
                first_day: parse_date(&c.starts).ok()?,
                last_day: parse_date(&c.ends).ok()?,
                name: c.name,
                budget: c.budget,
                spend: c.results.spend,
                kpis: c.kpis,
            })
        })
        .collect();

    Ok(Insights {
        workspace,
        range: ReportRange {
            first_day: first,
            last_day: last,
        },
        goals,
        channels: trends,
        kpis,
        top_posts: ranked.top,
        bottom_posts: ranked.bottom,
        pillar_mix: pillar_mix(&pillars),
        best_times: best_times(&published_results(&history), zone),
        campaigns,
    })
}

/// The measured posts of a history, for the best-times rule.
fn published_results(history: &[(PostResult, DateTime<Utc>)]) -> Vec<PublishedResult> {
    history
        .iter()
        .filter_map(|(r, at)| {
            r.engagements().map(|engagements| PublishedResult {
                published_at: *at,
                engagements,
            })
        })
        .collect()
}

/// Each post target published in `[from, to)` with its newest likes,
/// reposts and replies, and the instant it went out.
fn post_results(
    published: &Published,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    names: &HashMap<i64, &ChannelRecord>,
) -> Vec<(PostResult, DateTime<Utc>)> {
    published
        .between(from, to)
        .map(|p| {
            let known = published.figures_of(p);
            let figure = |m: Metric| known.and_then(|f| f.get(m.as_str()).copied());
            let result = PostResult {
                post_id: p.post_id,
                channel: names
                    .get(&p.channel_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                published_at: p.published_at.timestamp(),
                excerpt: p.excerpt.clone(),
                likes: figure(Metric::Likes),
                reposts: figure(Metric::Reposts),
                replies: figure(Metric::Replies),
            };
            (result, p.published_at)
        })
        .collect()
}

/// The post targets that went out in `[from, to)` (oldest first) and the
/// newest value of each of their figures, read once and then cut into
/// whatever shorter stretches the dashboard needs.
struct Published {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    posts: Vec<PublishedPost>,
    figures: HashMap<(i64, i64), HashMap<String, f64>>,
}

impl Published {
    fn read(
        store: &Store,
        workspace_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Published> {
        let mut figures: HashMap<(i64, i64), HashMap<String, f64>> = HashMap::new();
        for f in store.latest_figures_of_published(workspace_id, from, to)? {
            figures
                .entry((f.post_id, f.channel_id))
                .or_default()
                .insert(f.metric, f.value);
        }
        Ok(Published {
            from,
            to,
            posts: store.published_between(workspace_id, from, to)?,
            figures,
        })
    }

    fn covers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
        self.from <= from && to <= self.to
    }

    /// The targets that went out in `[from, to)`, a stretch this covers.
    fn between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> impl Iterator<Item = &PublishedPost> {
        // The posts are in time order: a binary search finds the start.
        let start = self.posts.partition_point(|p| p.published_at < from);
        self.posts[start..]
            .iter()
            .take_while(move |p| p.published_at < to)
    }

    fn figures_of(&self, p: &PublishedPost) -> Option<&HashMap<String, f64>> {
        self.figures.get(&(p.post_id, p.channel_id))
    }
}

/// Each channel's followers on each day, the day's newest figure. Read per
/// run of days with one UTC offset, so a daylight-saving change cannot move
/// a figure taken near midnight onto the neighbouring day.
fn followers_by_day(
    store: &Store,
    workspace_id: i64,
    zone: TimeZoneId,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HashMap<(i64, NaiveDate), f64>> {
    let mut followers = HashMap::new();
    for span in constant_offset_spans(first, last, zone)? {
        let query = DailyQuery {
            workspace_id,
            metric: Metric::Followers,
            level: Level::Account,
            from: span.from,
            to: span.to,
            utc_offset: span.utc_offset,
        };
        for d in store.daily_latest(&query)? {
            // A day on which the offset changes is read alone: its rows
            // are all that day's, and the last one read is the newest.
            followers.insert((d.channel_id, span.day_of(d.day)), d.value);
        }
    }
    Ok(followers)
}

fn channel_trends(
    store: &Store,
    workspace_id: i64,
    zone: TimeZoneId,
    first: NaiveDate,
    last: NaiveDate,
    channels: &[ChannelRecord],
    results: &[(PostResult, DateTime<Utc>)],
) -> Result<Vec<ChannelTrend>> {
    let followers = followers_by_day(store, workspace_id, zone, first, last)?;
    let mut engagements: HashMap<(i64, NaiveDate), f64> = HashMap::new();
    let mut posts: HashMap<i64, u32> = HashMap::new();
    let channel_of: HashMap<&str, i64> = channels.iter().map(|c| (c.name.as_str(), c.id)).collect();
    for (result, at) in results {
        let Some(channel_id) = channel_of.get(result.channel.as_str()).copied() else {
            continue;
        };
        *posts.entry(channel_id).or_default() += 1;
        if let Some(e) = result.engagements() {
            let day = wall_time_at(*at, zone).date();
            *engagements.entry((channel_id, day)).or_default() += e;
        }
    }
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
    Ok(channels
        .iter()
        .map(|c| ChannelTrend {
            channel_id: c.id,
            name: c.name.clone(),
            network: c.network.as_str().to_owned(),
            color: c.color.clone(),
            posts: posts.get(&c.id).copied().unwrap_or(0),
            days: days
                .iter()
                .map(|day| DayFigure {
                    day: *day,
                    followers: followers.get(&(c.id, *day)).copied(),
                    engagements: engagements.get(&(c.id, *day)).copied(),
                })
                .collect(),
        })
        .collect())
}

/// Adds up what the channels `on` gathered in `[from, to)`: the newest
/// figures of the posts published then, the account figures that cover days
/// in it (an insights export's impressions), and followers at both ends.
fn totals(
    store: &Store,
    workspace_id: i64,
    published: &Published,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    on: &dyn Fn(i64) -> bool,
) -> Result<Totals> {
    let mut sums: BTreeMap<&'static str, f64> = BTreeMap::new();
    let mut add = |metric: &'static str, value: f64| *sums.entry(metric).or_default() += value;
    let mut posts = std::collections::HashSet::new();
    for p in published.between(from, to).filter(|p| on(p.channel_id)) {
        posts.insert(p.post_id);
        for metric in SUMMED {
            if let Some(value) = published.figures_of(p).and_then(|f| f.get(metric.as_str())) {
                add(metric.as_str(), *value);
            }
        }
    }
    // The sums are over the whole period, so how days are cut does not matter.
    let offset = 0;
    for metric in [
        Metric::Impressions,
        Metric::Reach,
        Metric::Clicks,
        Metric::Conversions,
        Metric::Spend,
        Metric::Revenue,
    ] {
        let query = DailyQuery {
            workspace_id,
            metric,
            level: Level::Account,
            from,
            to,
            utc_offset: offset,
        };
        for d in store.daily_sums(&query)? {
            if on(d.channel_id) {
                add(metric.as_str(), d.value);
            }
        }
    }
    let followers_at = |at: DateTime<Utc>| -> Result<Option<f64>> {
        let known: Vec<f64> = store
            .followers_before(workspace_id, at)?
            .into_iter()
            .filter(|(channel, _)| on(*channel))
            .map(|(_, v)| v)
            .collect();
        Ok((!known.is_empty()).then(|| known.iter().sum()))
    };
    let start = followers_at(from)?;
    let end = followers_at(to)?;
    // Likes, replies and reposts are reported together or not at all; where
    // only some were reported (likes typed in from an insights page), the
    // others were none, so the engagement rate still has a figure.
    let engagement = [Metric::Likes, Metric::Replies, Metric::Reposts];
    if engagement.iter().any(|m| sums.contains_key(m.as_str())) {
        for m in engagement {
            sums.entry(m.as_str()).or_insert(0.0);
        }
    }
    let count = |m: Metric| sums.get(m.as_str()).map(|v| v.max(0.0).round() as u64);
    let amount = |m: Metric| sums.get(m.as_str()).copied();
    let figures = Figures {
        likes: count(Metric::Likes),
        comments: count(Metric::Replies),
        shares: count(Metric::Reposts),
        // Before the first measurement the start is unknown; the end then
        // stands in, so a new shop still sees its engagement rate.
        followers: start.or(end).map(|v| v.max(0.0).round() as u64),
        new_followers: start.zip(end).map(|(s, e)| (e - s).round() as i64),
        impressions: count(Metric::Impressions),
        clicks: count(Metric::Clicks),
        conversions: count(Metric::Conversions),
        spend: amount(Metric::Spend),
        revenue: amount(Metric::Revenue),
    };
    Ok(Totals {
        figures,
        reach: amount(Metric::Reach),
        posts: posts.len() as u64,
        followers_end: end,
    })
}

/// The post figures that add up across posts (likes do; a bounce rate does not).
const SUMMED: [Metric; 9] = [
    Metric::Likes,
    Metric::Reposts,
    Metric::Replies,
    Metric::Impressions,
    Metric::Reach,
    Metric::Clicks,
    Metric::Conversions,
    Metric::Spend,
    Metric::Revenue,
];

/// Each goal's measure over its own period and channels.
fn goal_progress(
    store: &Store,
    workspace_id: i64,
    zone: TimeZoneId,
    names: &HashMap<i64, &ChannelRecord>,
    read: &Published,
) -> Result<Vec<GoalProgress>> {
    let mut out = Vec::new();
    for record in store.goals(workspace_id)? {
        let goal = &record.goal;
        let (from, to) = utc_range(goal.starts, goal.ends, zone)?;
        let ids = goal.channel_ids.clone();
        let on = move |channel: i64| ids.is_empty() || ids.contains(&channel);
        // A goal's own period usually runs past what was read for the range.
        let own;
        let published = if read.covers(from, to) {
            read
        } else {
            own = Published::read(store, workspace_id, from, to)?;
            &own
        };
        let totals = totals(store, workspace_id, published, from, to, &on)?;
        let measure = goal.measure.as_str();
        out.push(GoalProgress {
            goal_id: record.id,
            kind: goal.kind.as_str().to_owned(),
            kpi: measure.to_owned(),
            target: goal.target,
            actual: actual(measure, &totals),
            first_day: goal.starts,
            last_day: goal.ends,
            channels: goal
                .channel_ids
                .iter()
                .filter_map(|id| names.get(id).map(|c| c.name.clone()))
                .collect(),
        });
    }
    Ok(out)
}

/// A goal's figure: a KPI worked out by its formula, or a plain count.
fn actual(measure: &str, totals: &Totals) -> Option<f64> {
    if let Some(kpi) = Kpi::ALL.iter().find(|k| k.as_str() == measure) {
        return kpi.compute(&totals.figures);
    }
    let f = &totals.figures;
    let count = |v: Option<u64>| v.map(|v| v as f64);
    match measure {
        "followers" => totals.followers_end,
        "likes" => count(f.likes),
        "comments" => count(f.comments),
        "shares" => count(f.shares),
        "clicks" => count(f.clicks),
        "impressions" => count(f.impressions),
        "reach" => totals.reach,
        "conversions" => count(f.conversions),
        "posts" => Some(totals.posts as f64),
        _ => None,
    }
}
