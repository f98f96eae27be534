//! Writes laid-out pages into a PDF with krilla: text with the bundled font
//! embedded (selectable, searchable), charts as vector graphics, and a footer
//! with the page number on every page.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::ReportError;
use crate::fonts::{BOLD, FAMILY, REGULAR, Typeface, text_width};
use crate::layout::{Item, Layout, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, Rgb};

pub(crate) struct Footer<'a> {
    /// Shown at the bottom left of every page.
    pub left: &'a str,
    /// The word for "Page", followed by "n / total".
    pub page: &'a str,
}

pub(crate) fn write(layout: &Layout, title: &str, footer: &Footer) -> Result<Vec<u8>, ReportError> {
    let typeface = Typeface::load()?;
    let svg_options = svg_options();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Jadwal".to_owned()),
    );
    let total = layout.pages.len();
    for (index, items) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| ReportError::Pdf("page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for item in items {
            draw(&mut surface, &typeface, &svg_options, item)?;
        }
        let number = format!("{} {} / {}", footer.page, index + 1, total);
        let y = PAGE_HEIGHT - MARGIN / 2.0;
        text(
            &mut surface,
            &typeface,
            MARGIN,
            y,
            8.0,
            false,
            MUTED,
            footer.left,
        );
        let x = PAGE_WIDTH - MARGIN - text_width(&number, 8.0, false);
        text(&mut surface, &typeface, x, y, 8.0, false, MUTED, &number);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

fn svg_options() -> usvg::Options<'static> {
    let mut options = usvg::Options {
        font_family: FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let fonts = options.fontdb_mut();
    fonts.load_font_data(REGULAR.to_vec());
    fonts.load_font_data(BOLD.to_vec());
    fonts.set_sans_serif_family(FAMILY);
    options
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

#[allow(clippy::too_many_arguments)] // one call per text; a struct would only rename them
fn text(
    surface: &mut Surface,
    typeface: &Typeface,
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    colour: Rgb,
    text: &str,
) {
    surface.set_fill(Some(fill(colour)));
    let font = if bold {
        &typeface.bold
    } else {
        &typeface.regular
    };
    surface.draw_text(
        Point::from_xy(x, y),
        font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

fn draw(
    surface: &mut Surface,
    typeface: &Typeface,
    svg_options: &usvg::Options,
    item: &Item,
) -> Result<(), ReportError> {
    match item {
        Item::Text {
            x,
            y,
            size,
            bold,
            colour,
            text: t,
        } => {
            text(surface, typeface, *x, *y, *size, *bold, *colour, t);
        }
        Item::Rect {
            x,
            y,
            width,
            height,
            colour,
        } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(*colour)));
                surface.draw_path(&path);
            }
        }
        Item::Svg {
            x,
            y,
            width,
            height,
            svg,
        } => {
            let tree = usvg::Tree::from_str(svg, svg_options)
                .map_err(|e| ReportError::Chart(e.to_string()))?;
            let size = Size::from_wh(*width, *height)
                .ok_or_else(|| ReportError::Chart("empty chart".into()))?;
            surface.push_transform(&Transform::from_translate(*x, *y));
            surface.draw_svg(&tree, size, SvgSettings::default());
            surface.pop();
        }
    }
    Ok(())
}
