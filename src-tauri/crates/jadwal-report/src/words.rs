//! Every word a report prints, in English and Bahasa Indonesia. The report is
//! made in Rust (the command line makes it too, with no window), so its words
//! live here rather than in the web view's translations.

use crate::Language;

pub(crate) struct Words {
    pub title: &'static str,
    pub period: &'static str,
    pub made_on: &'static str,
    pub goals: &'static str,
    pub no_goals: &'static str,
    pub goal: &'static str,
    pub measure: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub reached: &'static str,
    pub kpis: &'static str,
    pub formula: &'static str,
    pub value: &'static str,
    pub channels: &'static str,
    pub channel: &'static str,
    pub posts: &'static str,
    pub followers: &'static str,
    pub engagements: &'static str,
    pub followers_chart: &'static str,
    pub engagements_chart: &'static str,
    pub no_figures: &'static str,
    pub top_posts: &'static str,
    pub bottom_posts: &'static str,
    pub post: &'static str,
    pub published: &'static str,
    pub likes: &'static str,
    pub reposts: &'static str,
    pub replies: &'static str,
    pub pillar_mix: &'static str,
    pub pillar: &'static str,
    pub planned: &'static str,
    pub best_times: &'static str,
    pub best_times_hint: &'static str,
    pub no_best_times: &'static str,
    pub unknown_hint: &'static str,
    pub campaigns: &'static str,
    pub campaign: &'static str,
    pub budget: &'static str,
    pub spend: &'static str,
    pub page: &'static str,
}

pub(crate) fn words(language: Language) -> &'static Words {
    match language {
        Language::English => &ENGLISH,
        Language::Indonesian => &INDONESIAN,
    }
}

static ENGLISH: Words = Words {
    title: "Social media report",
    period: "Period",
    made_on: "Made on",
    goals: "Goals",
    no_goals: "No goal has been set for this workspace yet.",
    goal: "Goal",
    measure: "Measured by",
    target: "Target",
    actual: "Actual",
    reached: "Reached",
    kpis: "Key figures",
    formula: "How it is worked out",
    value: "Value",
    channels: "Channels",
    channel: "Channel",
    posts: "Posts",
    followers: "Followers",
    engagements: "Likes, reposts, replies",
    followers_chart: "Followers per channel",
    engagements_chart: "Likes, reposts and replies per day",
    no_figures: "No figures were measured in this period.",
    top_posts: "Posts that did best",
    bottom_posts: "Posts that did least",
    post: "Post",
    published: "Published",
    likes: "Likes",
    reposts: "Reposts",
    replies: "Replies",
    pillar_mix: "Content pillars: actual share against the plan",
    pillar: "Pillar",
    planned: "Planned",
    best_times: "Best times to post",
    best_times_hint: "Average likes, reposts and replies per post, by weekday and hour (workspace time)",
    no_best_times: "Not enough published posts yet to tell which times work best.",
    unknown_hint: "— means the figure is not known: not measured, or nothing to divide by.",
    campaigns: "Paid boosts and ads",
    campaign: "Campaign",
    budget: "Budget",
    spend: "Spent",
    page: "Page",
};

static INDONESIAN: Words = Words {
    title: "Laporan media sosial",
    period: "Periode",
    made_on: "Dibuat pada",
    goals: "Tujuan",
    no_goals: "Belum ada tujuan untuk ruang kerja ini.",
    goal: "Tujuan",
    measure: "Diukur dengan",
    target: "Target",
    actual: "Capaian",
    reached: "Tercapai",
    kpis: "Angka utama",
    formula: "Cara menghitung",
    value: "Nilai",
    channels: "Saluran",
    channel: "Saluran",
    posts: "Postingan",
    followers: "Pengikut",
    engagements: "Suka, repost, balasan",
    followers_chart: "Pengikut per saluran",
    engagements_chart: "Suka, repost, dan balasan per hari",
    no_figures: "Tidak ada angka yang terukur pada periode ini.",
    top_posts: "Postingan terbaik",
    bottom_posts: "Postingan paling sepi",
    post: "Postingan",
    published: "Terbit",
    likes: "Suka",
    reposts: "Repost",
    replies: "Balasan",
    pillar_mix: "Pilar konten: porsi nyata dibanding rencana",
    pillar: "Pilar",
    planned: "Rencana",
    best_times: "Waktu terbaik untuk memposting",
    best_times_hint: "Rata-rata suka, repost, dan balasan per postingan, menurut hari dan jam (waktu ruang kerja)",
    no_best_times: "Belum cukup postingan terbit untuk mengetahui waktu terbaik.",
    unknown_hint: "— berarti angkanya tidak diketahui: belum diukur, atau tidak ada pembaginya.",
    campaigns: "Iklan dan promosi berbayar",
    campaign: "Kampanye",
    budget: "Anggaran",
    spend: "Terpakai",
    page: "Halaman",
};

/// Monday first, as the heatmap's rows are.
pub(crate) fn weekday_short(language: Language, weekday: usize) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const ID: [&str; 7] = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
    let names = match language {
        Language::English => EN,
        Language::Indonesian => ID,
    };
    names.get(weekday).copied().unwrap_or("")
}

pub(crate) fn weekday_long(language: Language, weekday: usize) -> &'static str {
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const ID: [&str; 7] = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    let names = match language {
        Language::English => EN,
        Language::Indonesian => ID,
    };
    names.get(weekday).copied().unwrap_or("")
}

pub(crate) fn month(language: Language, month0: usize) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let names = match language {
        Language::English => EN,
        Language::Indonesian => ID,
    };
    names.get(month0).copied().unwrap_or("")
}

/// A KPI's or count's name; an unknown name is printed as it is stored.
pub(crate) fn measure_name(language: Language, kpi: &str) -> String {
    let (en, id) = match kpi {
        "engagement_rate" => ("Engagement rate", "Tingkat interaksi"),
        "amplification_rate" => ("Amplification rate", "Tingkat amplifikasi"),
        "audience_growth_rate" => ("Audience growth rate", "Pertumbuhan audiens"),
        "conversation_rate" => ("Conversation rate", "Tingkat percakapan"),
        "click_through_rate" => ("Click-through rate", "Rasio klik (CTR)"),
        "conversion_rate" => ("Conversion rate", "Tingkat konversi"),
        "cost_per_click" => ("Cost per click", "Biaya per klik"),
        "cost_per_mille" => ("Cost per 1,000 impressions", "Biaya per 1.000 tayangan"),
        "return_on_ad_spend" => ("Return on ad spend", "Imbal hasil iklan (ROAS)"),
        "followers" => ("Followers", "Pengikut"),
        "likes" => ("Likes", "Suka"),
        "reposts" => ("Reposts", "Repost"),
        "replies" => ("Replies", "Balasan"),
        "clicks" => ("Clicks", "Klik"),
        "impressions" => ("Impressions", "Tayangan"),
        "reach" => ("Reach", "Jangkauan"),
        "conversions" => ("Conversions", "Konversi"),
        "posts" => ("Posts", "Postingan"),
        other => return other.replace('_', " "),
    };
    match language {
        Language::English => en.to_owned(),
        Language::Indonesian => id.to_owned(),
    }
}

/// A KPI's formula in words; the domain keeps the English one.
pub(crate) fn formula(language: Language, kpi: &str, english: &str) -> String {
    if language == Language::English {
        return english.to_owned();
    }
    match kpi {
        "engagement_rate" => "(suka + komentar + bagikan) ÷ pengikut × 100",
        "amplification_rate" => "bagikan ÷ pengikut × 100",
        "audience_growth_rate" => "pengikut baru ÷ pengikut di awal periode × 100",
        "conversation_rate" => "komentar ÷ pengikut × 100",
        "click_through_rate" => "klik ÷ tayangan × 100",
        "conversion_rate" => "konversi ÷ klik × 100",
        "cost_per_click" => "biaya ÷ klik",
        "cost_per_mille" => "biaya ÷ tayangan × 1.000",
        "return_on_ad_spend" => "pendapatan ÷ biaya iklan",
        _ => english,
    }
    .to_owned()
}

/// A goal's kind, as the strategy screen names it.
pub(crate) fn goal_kind(language: Language, kind: &str) -> String {
    let (en, id) = match kind {
        "awareness" => ("Awareness", "Kesadaran merek"),
        "engagement" => ("Engagement", "Interaksi"),
        "traffic" => ("Traffic", "Kunjungan"),
        "leads" => ("Leads and sales", "Prospek dan penjualan"),
        "community" => ("Community", "Komunitas"),
        "customer_service" => ("Customer service", "Layanan pelanggan"),
        other => return other.replace('_', " "),
    };
    match language {
        Language::English => en.to_owned(),
        Language::Indonesian => id.to_owned(),
    }
}

/// Whether a measure is a percentage, for printing it with "%".
pub(crate) fn is_percent(kpi: &str) -> bool {
    kpi.ends_with("_rate")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jadwal_domain::kpi::Kpi;

    #[test]
    fn every_kpi_has_a_name_and_formula_in_both_languages() {
        for kpi in Kpi::ALL {
            let name = kpi.as_str();
            let en = measure_name(Language::English, name);
            let id = measure_name(Language::Indonesian, name);
            assert!(!en.contains('_') && !id.contains('_'), "{name}");
            assert_ne!(en, id, "{name} is not translated");
            let id_formula = formula(Language::Indonesian, name, kpi.formula());
            assert_ne!(
                id_formula,
                kpi.formula(),
                "{name}'s formula is not translated"
            );
            assert!(id_formula.contains('÷'));
        }
    }
}
