//! The report's typeface, bundled so a report looks the same on every
//! machine and needs no system fonts (DejaVu Sans: free to embed, and it has
//! every letter English and Indonesian use).

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::ReportError;

pub(crate) const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
/// The family name charts ask for; it must be the bundled font's own name.
pub(crate) const FAMILY: &str = "DejaVu Sans";

#[derive(Clone)]
pub(crate) struct Typeface {
    pub regular: Font,
    pub bold: Font,
}

impl Typeface {
    pub fn load() -> Result<Self, ReportError> {
        let load =
            |bytes: &'static [u8]| Font::new(bytes.to_vec().into(), 0).ok_or(ReportError::Font);
        Ok(Self {
            regular: load(REGULAR)?,
            bold: load(BOLD)?,
        })
    }
}

/// How wide `text` is in points at `size`, for right-aligning figures and
/// shortening long texts to fit a column.
pub(crate) fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let Ok(font) = FontRef::new(if bold { BOLD } else { REGULAR }) else {
        return 0.0;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|glyph| metrics.advance_width(glyph))
                .unwrap_or(size * 0.6)
        })
        .sum()
}

/// `text` cut to fit `width` points, with an ellipsis when it was cut.
pub(crate) fn fit(text: &str, size: f32, bold: bool, width: f32) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text_width(&one_line, size, bold) <= width {
        return one_line;
    }
    let ellipsis_width = text_width("…", size, bold);
    let mut out = String::new();
    let mut used = 0.0;
    for c in one_line.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size, bold);
        if used + w + ellipsis_width > width {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_load_and_measure() {
        assert!(Typeface::load().is_ok());
        let narrow = text_width("iii", 10.0, false);
        let wide = text_width("WWW", 10.0, false);
        assert!(narrow > 0.0 && wide > narrow * 2.0, "{narrow} {wide}");
        assert!(text_width("Bold", 10.0, true) > text_width("Bold", 10.0, false));
    }

    #[test]
    fn long_texts_are_cut_to_fit_with_an_ellipsis() {
        let long = "Roti sobek cokelat keju, fresh from the oven every morning at seven";
        let cut = fit(long, 9.0, false, 120.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 9.0, false) <= 120.0);
        assert_eq!(fit("Short\nline", 9.0, false, 120.0), "Short line");
    }
}
