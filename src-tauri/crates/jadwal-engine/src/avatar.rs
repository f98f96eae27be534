//! The account's picture on the accounts list. The window may not load
//! pictures from the internet (its Content-Security-Policy), so Jadwal
//! fetches the picture once, when the account is verified, decodes it here
//! within tight limits, and keeps a small square JPEG as a `data:` URL.

use base64::Engine as _;
use jadwal_channels::HttpClient;
use jadwal_channels::picture::fetch_picture;
use jadwal_media::{FocalPoint, ImageFormat, Limits, RenditionSpec, Shape, render};
use std::path::Path;

/// The most bytes an avatar may have; bigger ones are not fetched in full.
pub(crate) const MAX_AVATAR_BYTES: usize = 1024 * 1024;
/// The side of the square kept (twice what the list shows, for sharp screens).
const AVATAR_SIDE: u32 = 96;

/// A small `data:` URL of the picture at `url`, or None when there is none to
/// have (too big, not a picture, unreachable): an account without a picture
/// is fine, so this never fails a connect.
pub(crate) async fn fetch_avatar(http: &HttpClient, url: &str) -> Option<String> {
    let bytes = match fetch_picture(http, url, MAX_AVATAR_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            log::info!("no avatar: {e}");
            return None;
        }
    };
    let shrunk = tokio::task::spawn_blocking(move || shrink(&bytes)).await;
    match shrunk {
        Ok(Ok(jpeg)) => Some(format!(
            "data:image/jpeg;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(jpeg)
        )),
        Ok(Err(e)) => {
            log::info!("no avatar: {e}");
            None
        }
        Err(e) => {
            log::warn!("no avatar: the picture could not be read ({e})");
            None
        }
    }
}

/// Decodes the picture (the decoder checks its bytes really are one) and
/// crops it to a small square.
fn shrink(bytes: &[u8]) -> Result<Vec<u8>, jadwal_media::MediaError> {
    let limits = Limits {
        max_file_bytes: MAX_AVATAR_BYTES as u64,
        // A small file that claims a huge picture is refused before decoding.
        max_pixels: 16_000_000,
        max_jpeg_pixels: 64_000_000,
        max_memory: 256 << 20,
        ..Limits::default()
    };
    let spec = RenditionSpec {
        shape: Shape::Crop {
            width: AVATAR_SIDE,
            height: AVATAR_SIDE,
        },
        format: ImageFormat::Jpeg,
        quality: 85,
        max_bytes: None,
    };
    let mut made = render(
        bytes,
        Path::new("avatar"),
        &[spec],
        FocalPoint::CENTER,
        &limits,
    )?;
    Ok(made.pop().map(|r| r.jpeg).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jadwal_channels::testing::fake;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn picture_reply(content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        answer.extend_from_slice(body);
        answer
    }

    async fn serve(content_type: &'static str, body: Vec<u8>) -> String {
        let (base, _) = fake(move |_| picture_reply(content_type, &body)).await;
        format!("{base}/avatar")
    }

    fn http() -> HttpClient {
        HttpClient::new(jadwal_channels::HttpOptions::default()).unwrap()
    }

    #[tokio::test]
    async fn a_picture_becomes_a_small_square_jpeg_data_url() {
        let url = serve("image/png", png(640, 480)).await;
        let data = fetch_avatar(&http(), &url).await.expect("an avatar");
        let b64 = data.strip_prefix("data:image/jpeg;base64,").unwrap();
        let jpeg = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        let decoded = image::load_from_memory(&jpeg).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (AVATAR_SIDE, AVATAR_SIDE)
        );
    }

    #[tokio::test]
    async fn a_picture_over_the_size_cap_is_not_kept() {
        // Noise does not compress: well over 1 MB as a PNG.
        let mut seed = 7u32;
        let noisy = image::RgbImage::from_fn(800, 600, |_, _| {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let b = seed.to_le_bytes();
            image::Rgb([b[0], b[1], b[2]])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        noisy.write_to(&mut out, image::ImageFormat::Png).unwrap();
        let big = out.into_inner();
        assert!(
            big.len() > MAX_AVATAR_BYTES && big.len() < 2 * 1024 * 1024,
            "{}",
            big.len()
        );
        let url = serve("image/png", big).await;
        assert_eq!(fetch_avatar(&http(), &url).await, None);
    }

    #[tokio::test]
    async fn bytes_that_are_not_a_picture_are_not_kept() {
        // Says it is a PNG, is not.
        let url = serve("image/png", b"<html>not a picture</html>".to_vec()).await;
        assert_eq!(fetch_avatar(&http(), &url).await, None);
        // A real picture's start, then garbage.
        let mut broken = png(64, 64);
        broken.truncate(60);
        let url = serve("image/png", broken).await;
        assert_eq!(fetch_avatar(&http(), &url).await, None);
        // A page, whatever its bytes.
        let url = serve("text/html", png(64, 64)).await;
        assert_eq!(fetch_avatar(&http(), &url).await, None);
    }
}
