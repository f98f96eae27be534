//! Pages as lists of things to draw, laid out top to bottom with a cursor
//! that starts a new page when the next block would not fit. Laying out
//! first and writing the PDF after keeps the layout testable without reading
//! a PDF back.

use crate::fonts::{fit, text_width};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.0;
pub(crate) const PAGE_HEIGHT: f32 = 842.0;
pub(crate) const MARGIN: f32 = 48.0;
/// Room kept free at the bottom of every page for the footer.
const FOOTER: f32 = 28.0;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

pub(crate) type Rgb = (u8, u8, u8);
pub(crate) const INK: Rgb = (0x22, 0x22, 0x22);
pub(crate) const MUTED: Rgb = (0x66, 0x66, 0x66);
pub(crate) const RULE: Rgb = (0xdd, 0xdd, 0xdd);

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// `y` is the text's baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: Rgb,
    },
    /// A chart, as SVG, scaled into the box.
    Svg {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        svg: String,
    },
}

#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub pages: Vec<Vec<Item>>,
    y: f32,
}

/// How a table column is aligned; figures line up on the right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Align {
    Left,
    Right,
}

pub(crate) struct Column<'a> {
    pub title: &'a str,
    /// Share of the content width, 0.0–1.0.
    pub width: f32,
    pub align: Align,
}

impl Layout {
    pub fn new() -> Self {
        let mut layout = Self::default();
        layout.new_page();
        layout
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn room_left(&self) -> f32 {
        PAGE_HEIGHT - FOOTER - MARGIN - self.y
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn keep_together(&mut self, height: f32) {
        if height > self.room_left() && self.y > MARGIN {
            self.new_page();
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    /// One line of text, cut with an ellipsis if it is wider than the page.
    pub fn line(&mut self, text: &str, size: f32, bold: bool, colour: Rgb) {
        let height = size * 1.45;
        self.keep_together(height);
        self.y += height;
        let text = fit(text, size, bold, CONTENT_WIDTH);
        self.push(Item::Text {
            x: MARGIN,
            y: self.y - size * 0.35,
            size,
            bold,
            colour,
            text,
        });
    }

    /// Text wrapped at word boundaries to the page's width.
    pub fn paragraph(&mut self, text: &str, size: f32, colour: Rgb) {
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && text_width(&candidate, size, false) > CONTENT_WIDTH {
                self.line(&current, size, false, colour);
                current = word.to_owned();
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            self.line(&current, size, false, colour);
        }
    }

    /// A section title with a rule under it, kept on a page with the
    /// `following` points of content after it.
    pub fn heading(&mut self, text: &str, following: f32) {
        self.keep_together(40.0 + following);
        self.gap(14.0);
        self.line(text, 14.0, true, INK);
        self.push(Item::Rect {
            x: MARGIN,
            y: self.y + 2.0,
            width: CONTENT_WIDTH,
            height: 0.8,
            colour: RULE,
        });
        self.gap(8.0);
    }

    /// A chart the width of the page, its height in proportion to the SVG's.
    pub fn chart(&mut self, svg: String, svg_width: u32, svg_height: u32) {
        let height = CONTENT_WIDTH * svg_height as f32 / svg_width.max(1) as f32;
        self.keep_together(height);
        self.push(Item::Svg {
            x: MARGIN,
            y: self.y,
            width: CONTENT_WIDTH,
            height,
            svg,
        });
        self.y += height + 6.0;
    }

    /// A table with a bold header row; rows that do not fit continue on the
    /// next page under a repeated header.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        const SIZE: f32 = 9.0;
        const ROW: f32 = 16.0;
        self.keep_together(ROW * 2.0);
        self.table_header(columns, SIZE, ROW);
        for (i, row) in rows.iter().enumerate() {
            if ROW > self.room_left() {
                self.new_page();
                self.table_header(columns, SIZE, ROW);
            }
            if i % 2 == 1 {
                self.push(Item::Rect {
                    x: MARGIN,
                    y: self.y,
                    width: CONTENT_WIDTH,
                    height: ROW,
                    colour: (0xf6, 0xf6, 0xf6),
                });
            }
            self.table_row(columns, row, SIZE, ROW, false);
        }
        self.gap(6.0);
    }

    fn table_header(&mut self, columns: &[Column], size: f32, row: f32) {
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_owned()).collect();
        self.table_row(columns, &titles, size, row, true);
        self.push(Item::Rect {
            x: MARGIN,
            y: self.y,
            width: CONTENT_WIDTH,
            height: 0.8,
            colour: MUTED,
        });
    }

    fn table_row(&mut self, columns: &[Column], cells: &[String], size: f32, row: f32, bold: bool) {
        const PAD: f32 = 4.0;
        let mut x = MARGIN;
        for (column, cell) in columns.iter().zip(cells) {
            let width = column.width * CONTENT_WIDTH;
            let text = fit(cell, size, bold, width - 2.0 * PAD);
            let left = match column.align {
                Align::Left => x + PAD,
                Align::Right => x + width - PAD - text_width(&text, size, bold),
            };
            self.push(Item::Text {
                x: left,
                y: self.y + row - 5.0,
                size,
                bold,
                colour: INK,
                text,
            });
            x += width;
        }
        self.y += row;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bottoms(layout: &Layout) -> Vec<f32> {
        layout
            .pages
            .iter()
            .flatten()
            .map(|item| match item {
                Item::Text { y, .. } => *y,
                Item::Rect { y, height, .. } | Item::Svg { y, height, .. } => y + height,
            })
            .collect()
    }

    #[test]
    fn a_long_table_continues_on_new_pages_inside_the_margins() {
        let mut layout = Layout::new();
        let columns = [
            Column {
                title: "Post",
                width: 0.7,
                align: Align::Left,
            },
            Column {
                title: "Likes",
                width: 0.3,
                align: Align::Right,
            },
        ];
        let rows: Vec<Vec<String>> = (0..120)
            .map(|i| vec![format!("post {i}"), i.to_string()])
            .collect();
        layout.table(&columns, &rows);
        assert!(layout.pages.len() >= 3, "{} pages", layout.pages.len());
        assert!(
            bottoms(&layout)
                .iter()
                .all(|b| *b <= PAGE_HEIGHT - FOOTER - MARGIN + 0.5)
        );
        // Every page of the table starts with its header.
        for page in &layout.pages {
            let first = page.iter().find_map(|i| match i {
                Item::Text {
                    text, bold: true, ..
                } => Some(text.clone()),
                _ => None,
            });
            assert_eq!(first.as_deref(), Some("Post"));
        }
    }

    #[test]
    fn figures_are_right_aligned_in_their_column() {
        let mut layout = Layout::new();
        let columns = [
            Column {
                title: "A",
                width: 0.5,
                align: Align::Left,
            },
            Column {
                title: "B",
                width: 0.5,
                align: Align::Right,
            },
        ];
        layout.table(
            &columns,
            &[
                vec!["x".into(), "1".into()],
                vec!["y".into(), "1,000".into()],
            ],
        );
        let ends: Vec<f32> = layout.pages[0]
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, text, size, .. } if text == "1" || text == "1,000" => {
                    Some(x + text_width(text, *size, false))
                }
                _ => None,
            })
            .collect();
        assert_eq!(ends.len(), 2);
        assert!((ends[0] - ends[1]).abs() < 0.01, "{ends:?}");
    }

    #[test]
    fn a_paragraph_wraps_to_the_page_width() {
        let mut layout = Layout::new();
        layout.paragraph(&"kue lapis legit ".repeat(40), 10.0, INK);
        let lines: Vec<&Item> = layout.pages[0].iter().collect();
        assert!(lines.len() > 2);
        for item in lines {
            if let Item::Text { text, size, .. } = item {
                assert!(text_width(text, *size, false) <= CONTENT_WIDTH);
                assert!(!text.ends_with('…'), "wrapped, not cut: {text}");
            }
        }
    }
}
