//! The mapping Jadwal suggests for a CSV file: which column is the date,
//! which the post, which hold which figure. Headers are matched by the
//! words the big networks' exports use, in English and Indonesian.

use jadwal_domain::Metric;

use crate::csv::file::CsvTable;
use crate::csv::headers::matches;
use crate::csv::values::{detect_day_first, detect_decimal_comma};
use crate::dto::{CsvMappingInput, CsvMetricColumn};

/// Header words per role, most specific first. A header matches when it
/// equals one of these or contains it as whole words.
const DATE_WORDS: &[&str] = &[
    "date",
    "tanggal",
    "day",
    "hari",
    "publish time",
    "waktu publikasi",
    "posted",
    "time",
    "waktu",
];
const POST_WORDS: &[&str] = &[
    "permalink",
    "post link",
    "post url",
    "tautan postingan",
    "link",
    "url",
    "tautan",
    "post id",
    "id postingan",
    "media id",
    "status id",
];
const METRIC_WORDS: &[(Metric, &[&str])] = &[
    (
        Metric::BounceRate,
        &["bounce rate", "rasio pentalan", "rasio pantulan"],
    ),
    (Metric::Followers, &["followers", "pengikut", "follower"]),
    (
        Metric::Reach,
        &[
            "reach",
            "jangkauan",
            "accounts reached",
            "akun yang dijangkau",
        ],
    ),
    (
        Metric::Impressions,
        &["impressions", "impresi", "tayangan", "views", "dilihat"],
    ),
    (
        Metric::Likes,
        &[
            "likes",
            "like",
            "suka",
            "favourites",
            "favorites",
            "reactions",
            "reaksi",
        ],
    ),
    (
        Metric::Reposts,
        &[
            "shares",
            "share",
            "reposts",
            "dibagikan",
            "bagikan",
            "boosts",
            "retweets",
        ],
    ),
    (
        Metric::Replies,
        &["comments", "komentar", "replies", "balasan"],
    ),
    (Metric::Quotes, &["quotes", "kutipan"]),
    (Metric::Saves, &["saves", "saved", "disimpan", "simpan"]),
    (Metric::Clicks, &["link clicks", "clicks", "klik"]),
    (Metric::Conversions, &["conversions", "konversi"]),
    (
        Metric::Spend,
        &["amount spent", "spend", "biaya", "jumlah yang dibelanjakan"],
    ),
    (Metric::Revenue, &["revenue", "pendapatan"]),
];

pub(crate) fn suggest(table: &CsvTable, channel_id: Option<i64>) -> CsvMappingInput {
    let mut taken = vec![false; table.headers.len()];
    // "Link clicks" is a figure, not the post's link.
    let is_figure = |h: &String| METRIC_WORDS.iter().any(|(_, w)| matches(h, w));
    let mut pick_key = |wanted: &[&str]| -> Option<u32> {
        let i = table
            .headers
            .iter()
            .enumerate()
            .position(|(i, h)| !taken[i] && !is_figure(h) && matches(h, wanted))?;
        taken[i] = true;
        u32::try_from(i).ok()
    };
    let post_column = pick_key(POST_WORDS);
    let date_column = pick_key(DATE_WORDS);
    let mut pick = |wanted: &[&str]| -> Option<u32> {
        let i = table
            .headers
            .iter()
            .enumerate()
            .position(|(i, h)| !taken[i] && matches(h, wanted))?;
        taken[i] = true;
        u32::try_from(i).ok()
    };
    let mut metrics = Vec::new();
    for (metric, wanted) in METRIC_WORDS {
        if let Some(column) = pick(wanted) {
            metrics.push(CsvMetricColumn {
                column,
                metric: *metric,
            });
        }
    }
    metrics.sort_by_key(|m| m.column);
    let number_cells = metrics
        .iter()
        .flat_map(|m| table.column(m.column as usize))
        .take(500);
    let decimal_comma = detect_decimal_comma(number_cells, table.separator == b';');
    let day_first = date_column.is_none_or(|c| detect_day_first(table.column(c as usize)));
    CsvMappingInput {
        channel_id,
        date_column,
        post_column,
        metrics,
        day_first,
        decimal_comma,
        skip_bad_rows: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::file::parse_csv;

    #[test]
    fn an_indonesian_instagram_export_is_mapped() {
        let table = parse_csv(
            "Tautan postingan;Tanggal;Tayangan;Jangkauan;Suka;Komentar;Dibagikan;Disimpan;Keterangan\n\
             https://www.instagram.com/p/abc/;05/03/2026;1.234;987;45;3;2;7;Roti\n"
                .as_bytes(),
        )
        .unwrap();
        let m = suggest(&table, Some(4));
        assert_eq!(m.post_column, Some(0));
        assert_eq!(m.date_column, Some(1));
        let got: Vec<(u32, Metric)> = m.metrics.iter().map(|c| (c.column, c.metric)).collect();
        assert_eq!(
            got,
            vec![
                (2, Metric::Impressions),
                (3, Metric::Reach),
                (4, Metric::Likes),
                (5, Metric::Replies),
                (6, Metric::Reposts),
                (7, Metric::Saves)
            ]
        );
        assert!(m.decimal_comma, "a semicolon file");
        assert!(m.day_first);
        assert_eq!(m.channel_id, Some(4));
    }

    #[test]
    fn an_english_export_with_month_first_dates() {
        let table = parse_csv(
            b"Post ID,Publish time,Impressions,Link clicks,Bounce rate\n17,03/25/2026 10:00,\"1,234\",12,42.5%\n",
        )
        .unwrap();
        let m = suggest(&table, None);
        assert_eq!((m.post_column, m.date_column), (Some(0), Some(1)));
        let no_post = parse_csv(b"Date,Link clicks\n2026-03-01,4\n").unwrap();
        assert_eq!(suggest(&no_post, None).post_column, None);
        assert!(!m.day_first);
        assert!(!m.decimal_comma);
        let got: Vec<Metric> = m.metrics.iter().map(|c| c.metric).collect();
        assert_eq!(
            got,
            vec![Metric::Impressions, Metric::Clicks, Metric::BounceRate]
        );
    }
}
