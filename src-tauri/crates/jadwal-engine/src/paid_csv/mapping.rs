//! The mapping Jadwal suggests for an ad manager's export (Meta Ads
//! Manager, TikTok, Google Ads and the like): which column names the
//! campaign, which hold its spend and results, which its reporting dates.
//! Headers are matched by the words those exports use, English and
//! Indonesian, the most specific first.

use crate::csv::file::CsvTable;
use crate::csv::headers::{matches, pick_by_words};
use crate::csv::values::{detect_day_first, detect_decimal_comma};
use crate::dto::{CampaignCsvColumn, CampaignCsvField, CampaignCsvMappingInput};

fn field_words(field: CampaignCsvField) -> &'static [&'static str] {
    use CampaignCsvField as F;
    match field {
        F::Name => &["campaign name", "nama kampanye", "campaign", "kampanye"],
        F::Revenue => &[
            "purchase conversion value",
            "purchases conversion value",
            "nilai konversi pembelian",
            "total conversion value",
            "conversion value",
            "nilai konversi",
            "revenue",
            "pendapatan",
        ],
        F::Spend => &[
            "amount spent",
            "jumlah yang dibelanjakan",
            "jumlah dibelanjakan",
            "spend",
            "cost",
            "biaya",
            "pengeluaran",
        ],
        F::Impressions => &["impressions", "impresi", "impr", "tayangan"],
        F::Clicks => &["link clicks", "klik tautan", "clicks", "klik"],
        F::Conversions => &[
            "results",
            "hasil",
            "conversions",
            "konversi",
            "purchases",
            "pembelian",
        ],
        F::Starts => &[
            "reporting starts",
            "awal pelaporan",
            "pelaporan dimulai",
            "start date",
            "tanggal mulai",
            "day",
            "hari",
            "date",
            "tanggal",
        ],
        F::Ends => &[
            "reporting ends",
            "akhir pelaporan",
            "pelaporan berakhir",
            "end date",
            "tanggal berakhir",
            "tanggal selesai",
        ],
    }
}

/// Headers that are never a campaign's total: ratios and averages ("Cost
/// per result", "CTR"), ids, and the kind of result ("Result indicator").
const NOT_A_TOTAL: &[&str] = &[
    "per",
    "rate",
    "rasio",
    "tingkat",
    "ctr",
    "cpc",
    "cpm",
    "roas",
    "average",
    "avg",
    "rata rata",
    "id",
    "indicator",
    "indikator",
    "type",
    "jenis",
];

/// Fields picked in this order, so "Purchase conversion value" is the
/// revenue before "conversion" words are looked for, and "Link clicks" is
/// taken by clicks before anything else.
const PICK_ORDER: [CampaignCsvField; 8] = [
    CampaignCsvField::Name,
    CampaignCsvField::Revenue,
    CampaignCsvField::Spend,
    CampaignCsvField::Impressions,
    CampaignCsvField::Clicks,
    CampaignCsvField::Conversions,
    CampaignCsvField::Starts,
    CampaignCsvField::Ends,
];

pub(super) fn suggest(table: &CsvTable) -> CampaignCsvMappingInput {
    let mut taken = vec![false; table.headers.len()];
    let mut columns: Vec<CampaignCsvColumn> = PICK_ORDER
        .iter()
        .filter_map(|&field| {
            let column = pick_by_words(&table.headers, &mut taken, field_words(field), |h| {
                matches(h, NOT_A_TOTAL)
            })?;
            Some(CampaignCsvColumn { column, field })
        })
        .collect();
    columns.sort_by_key(|c| c.column);
    let cells_of = |wanted: &[CampaignCsvField]| {
        columns
            .iter()
            .filter(|c| wanted.contains(&c.field))
            .flat_map(|c| table.column(c.column as usize))
            .take(500)
            .collect::<Vec<_>>()
    };
    let numbers: Vec<CampaignCsvField> = PICK_ORDER
        .into_iter()
        .filter(|f| {
            !matches!(
                f,
                CampaignCsvField::Name | CampaignCsvField::Starts | CampaignCsvField::Ends
            )
        })
        .collect();
    let decimal_comma = detect_decimal_comma(cells_of(&numbers), table.separator == b';');
    let day_first = detect_day_first(cells_of(&[
        CampaignCsvField::Starts,
        CampaignCsvField::Ends,
    ]));
    CampaignCsvMappingInput {
        columns,
        day_first,
        decimal_comma,
        create_missing: false,
        channel_id: None,
        skip_bad_rows: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::file::parse_csv;
    use CampaignCsvField as F;

    fn fields(m: &CampaignCsvMappingInput) -> Vec<(u32, CampaignCsvField)> {
        m.columns.iter().map(|c| (c.column, c.field)).collect()
    }

    #[test]
    fn a_meta_export_in_english_is_mapped() {
        let table = parse_csv(
            b"Reporting starts,Reporting ends,Campaign name,Campaign delivery,Results,Result indicator,Cost per result,Amount spent (IDR),Impressions,Link clicks,CTR (link click-through rate),Purchase conversion value\n\
              2026-03-01,2026-03-31,Ramadan sale,active,12,actions:purchase,\"25,000.50\",\"300,006\",\"48,000\",950,1.9,\"2,400,000\"\n",
        )
        .unwrap();
        let m = suggest(&table);
        assert_eq!(
            fields(&m),
            vec![
                (0, F::Starts),
                (1, F::Ends),
                (2, F::Name),
                (4, F::Conversions),
                (7, F::Spend),
                (8, F::Impressions),
                (9, F::Clicks),
                (11, F::Revenue)
            ]
        );
        assert!(!m.decimal_comma);
        assert!(!m.create_missing && !m.skip_bad_rows);
    }

    #[test]
    fn an_indonesian_export_with_semicolons_is_mapped() {
        let table = parse_csv(
            "Nama kampanye;Hasil;Indikator hasil;Biaya per hasil;Jumlah yang dibelanjakan (IDR);Impresi;Klik tautan;Nilai konversi pembelian;Awal pelaporan;Akhir pelaporan\n\
             Promo Lebaran;7;actions:purchase;12.500,5;87.503,5;10.000;300;1.250.000;01/04/2026;30/04/2026\n"
                .as_bytes(),
        )
        .unwrap();
        let m = suggest(&table);
        assert_eq!(
            fields(&m),
            vec![
                (0, F::Name),
                (1, F::Conversions),
                (4, F::Spend),
                (5, F::Impressions),
                (6, F::Clicks),
                (7, F::Revenue),
                (8, F::Starts),
                (9, F::Ends)
            ]
        );
        assert!(m.decimal_comma);
        assert!(m.day_first);
    }
}
