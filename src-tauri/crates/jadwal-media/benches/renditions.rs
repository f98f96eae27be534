//! All eight cut-to-shape renditions (crop + Lanczos3 downscale + JPEG q85)
//! of a 12 MP JPEG, a 24 MP JPEG and a 2880×1800 PNG screenshot, next to
//! libvips (pyvips) doing the same crops on the same files in the same run,
//! on one thread and on two. Also peak memory of each side (each run is its
//! own process) and PSNR/SSIM of both sides' 1080×1080 against a slow
//! float Lanczos3 reference.
//!
//! `cargo bench -p jadwal-media --bench renditions` prints the figures; the
//! targets are at most 0.6× libvips' time on the JPEGs and 0.3× on the PNG.
//! It prints, it does not fail: timings belong in reports. The libvips side
//! needs `pip install 'pyvips[binary]'` (set PYTHON to pick the interpreter).

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use jadwal_media::raster::Rgb8;
use jadwal_media::{FocalPoint, Limits, Preset, Rect, decode, render};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const WORKER_ENV: &str = "JADWAL_MEDIA_BENCH_WORKER";
/// Timed runs per side after one warm-up run; the median is reported.
const ITERATIONS: usize = 7;

/// Where the bench looks: a little left of and above the centre.
const FOCAL: FocalPoint = FocalPoint { x: 0.45, y: 0.4 };
/// InstagramSquare's index in `Preset::CROPPED`: the 1080×1080 compared.
const SQUARE: usize = 1;

fn main() {
    match std::env::var(WORKER_ENV).as_deref() {
        Ok("floor") => return floor_worker(),
        Ok(_) => return worker(),
        Err(_) => {}
    }
    // JADWAL_MEDIA_BENCH_DIR keeps the inputs and outputs in a folder of your choice.
    let temp = tempfile::tempdir().unwrap();
    let kept = std::env::var_os("JADWAL_MEDIA_BENCH_DIR").map(PathBuf::from);
    if let Some(k) = &kept {
        std::fs::create_dir_all(k).unwrap();
    }
    let dir = kept.as_deref().unwrap_or(temp.path());
    println!("jadwal-media renditions benchmark");
    println!(
        "machine: {} ({} cores available)",
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    let started = Instant::now();
    let inputs = [
        (
            "12 MP JPEG",
            write_jpeg(dir, "photo-12mp.jpg", 4000, 3000, 12),
        ),
        (
            "24 MP JPEG",
            write_jpeg(dir, "photo-24mp.jpg", 6000, 4000, 24),
        ),
        (
            "2880×1800 PNG",
            write_png(dir, "screenshot.png", 2880, 1800),
        ),
    ];
    println!("inputs made in {:.1} s:", started.elapsed().as_secs_f64());
    for (name, path) in &inputs {
        println!(
            "  {name:<14} {:>6.2} MB  {}",
            std::fs::metadata(path).unwrap().len() as f64 / 1e6,
            path.display()
        );
    }
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let peer = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/vips_peer.py");

    let mut rows = Vec::new();
    let mut quality = Vec::new();
    let mut floors = Vec::new();
    let mut vips_version = None;
    for (name, path) in &inputs {
        let bytes = std::fs::read(path).unwrap();
        let probe = jadwal_media::probe(&bytes, path, &Limits::default()).unwrap();
        let (w, h) = probe.size();
        let jobs: Vec<(Rect, (u32, u32))> = Preset::CROPPED
            .iter()
            .map(|p| p.spec().shape.plan(w, h, FOCAL))
            .collect();
        let jobs_arg = jobs
            .iter()
            .map(|(r, (ow, oh))| format!("{},{},{},{},{ow},{oh}", r.x, r.y, r.width, r.height))
            .collect::<Vec<_>>()
            .join(";");
        let mut outputs = Vec::new();
        for threads in [1usize, 2] {
            let stem = path.file_stem().unwrap().to_string_lossy();
            let ours_out = dir.join(format!("{stem}-jadwal-{threads}.jpg"));
            let ours = run(Command::new(std::env::current_exe().unwrap())
                .env(WORKER_ENV, "ours")
                .arg(path)
                .arg(threads.to_string())
                .arg(ITERATIONS.to_string())
                .arg(&ours_out));
            let mut vips = Vec::new();
            for variant in ["once", "per_preset"] {
                let out = dir.join(format!("{stem}-vips-{variant}-{threads}.jpg"));
                let result = run(Command::new(&python)
                    .env("VIPS_CONCURRENCY", threads.to_string())
                    .arg(&peer)
                    .arg(variant)
                    .arg(path)
                    .arg(ITERATIONS.to_string())
                    .arg(&out)
                    .arg(SQUARE.to_string())
                    .arg(&jobs_arg));
                if let Some(r) = &result {
                    vips_version = r.version.clone().or(vips_version.take());
                }
                vips.push((variant, result, out));
            }
            if threads == 1 {
                outputs.push(("Jadwal".to_string(), ours_out.clone()));
                for (variant, result, out) in &vips {
                    if result.is_some() {
                        outputs.push((format!("libvips {variant}"), out.clone()));
                    }
                }
            }
            rows.push((
                name.to_string(),
                threads,
                ours,
                vips.into_iter().map(|(v, r, _)| (v, r)).collect::<Vec<_>>(),
            ));
        }
        // Where one thread's time goes: each side's decode alone, and
        // Jadwal's eight encodes alone.
        let stem = path.file_stem().unwrap().to_string_lossy();
        let ours_floor = run_floor(
            Command::new(std::env::current_exe().unwrap())
                .env(WORKER_ENV, "floor")
                .arg(path)
                .arg(ITERATIONS.to_string()),
        );
        let vips_decode = run(Command::new(&python)
            .env("VIPS_CONCURRENCY", "1")
            .arg(&peer)
            .arg("decode")
            .arg(path)
            .arg(ITERATIONS.to_string())
            .arg(dir.join(format!("{stem}-vips-decode.jpg")))
            .arg(SQUARE.to_string())
            .arg(&jobs_arg));
        floors.push((name.to_string(), ours_floor, vips_decode.map(|r| r.ms)));
        // Quality of the 1080×1080 against a slow float Lanczos3 of the same crop.
        let reference = reference_square(&bytes, path, &probe, jobs[SQUARE].0);
        for (who, out) in outputs {
            let Ok(jpeg) = std::fs::read(&out) else {
                continue;
            };
            let got = to_rgb8(image::load_from_memory(&jpeg).unwrap().to_rgb8());
            let (p, s) = compare(&got, &reference);
            quality.push((name.to_string(), who, got.width, got.height, p, s));
        }
    }

    println!();
    println!(
        "libvips {} (pyvips, VIPS_CONCURRENCY=threads, operation cache off); Jadwal: rayon pool of `threads`",
        vips_version
            .as_deref()
            .unwrap_or("not available: pip install 'pyvips[binary]'")
    );
    println!(
        "ms = median of {ITERATIONS} runs after a warm-up, all 8 presets from the file on disk to JPEG bytes in memory"
    );
    println!(
        "libvips best = the faster of: decode once with shrink-on-load then cut each preset (once),"
    );
    println!(
        "               or open with each preset's own shrink-on-load and stream (per preset)"
    );
    println!();
    println!(
        "{:<14} {:>3} | {:>9} {:>9} {:>11} | {:>6} {:>6} | {:>15} {:>15} {:>15}",
        "input",
        "thr",
        "Jadwal ms",
        "vips once",
        "vips per-pr",
        "ratio",
        "target",
        "Jadwal peak MB",
        "once peak MB",
        "per-pr peak MB"
    );
    for (name, threads, ours, vips) in &rows {
        let ms = |r: &Option<WorkerResult>| {
            r.as_ref()
                .map_or("-".to_string(), |r| format!("{:.1}", r.ms))
        };
        let mem = |r: &Option<WorkerResult>| {
            r.as_ref().map_or("-".to_string(), |r| {
                format!(
                    "{:.0} (+{:.0})",
                    r.hwm_kb as f64 / 1024.0,
                    (r.hwm_kb - r.base_kb) as f64 / 1024.0
                )
            })
        };
        let best = vips
            .iter()
            .filter_map(|(_, r)| r.as_ref().map(|r| r.ms))
            .fold(f64::INFINITY, f64::min);
        let ratio = match ours {
            Some(o) if best.is_finite() => format!("{:.2}×", o.ms / best),
            _ => "-".into(),
        };
        let target = if name.contains("PNG") {
            "0.30×"
        } else {
            "0.60×"
        };
        println!(
            "{:<14} {:>3} | {:>9} {:>9} {:>11} | {:>6} {:>6} | {:>15} {:>15} {:>15}",
            name,
            threads,
            ms(ours),
            ms(&vips[0].1),
            ms(&vips[1].1),
            ratio,
            target,
            mem(ours),
            mem(&vips[0].1),
            mem(&vips[1].1)
        );
    }
    println!(
        "peak MB = VmHWM of the process (its growth over the start in brackets: Python's interpreter is in the first number)"
    );
    println!();
    print_floors(&rows, &floors);
    println!();
    println!(
        "1080×1080 against a float Lanczos3 of the same crop from the full-size decode (higher is better):"
    );
    println!(
        "{:<14} {:<20} {:>9} {:>9} {:>8}",
        "input", "made by", "size", "PSNR dB", "SSIM"
    );
    for (name, who, w, h, p, s) in quality {
        println!(
            "{name:<14} {who:<20} {:>9} {p:>9.2} {s:>8.4}",
            format!("{w}×{h}")
        );
    }
    println!();
    println!("total {:.1} s", started.elapsed().as_secs_f64());
}

/// One input at one thread count: Jadwal's figures and each libvips variant's.
type TimingRow = (
    String,
    usize,
    Option<WorkerResult>,
    Vec<(&'static str, Option<WorkerResult>)>,
);

/// One side's figures, as its process printed them.
struct WorkerResult {
    ms: f64,
    hwm_kb: u64,
    base_kb: u64,
    version: Option<String>,
}

fn run(cmd: &mut Command) -> Option<WorkerResult> {
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => {
            println!("  (could not start {:?}: {e})", cmd.get_program());
            return None;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let Some(line) = text.lines().find(|l| l.starts_with("RESULT ")) else {
        let err = String::from_utf8_lossy(&out.stderr);
        println!(
            "  ({:?} failed: {})",
            cmd.get_program(),
            err.lines().last().unwrap_or("")
        );
        return None;
    };
    let field = |k: &str| {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{k}=")).map(str::to_owned))
    };
    Some(WorkerResult {
        ms: field("ms")?.parse().ok()?,
        hwm_kb: field("hwm_kb")?.parse().ok()?,
        base_kb: field("base_kb")?.parse().ok()?,
        version: field("version"),
    })
}

/// The Jadwal side, in its own process.
fn worker() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (path, threads, iterations, out) = (
        PathBuf::from(&args[0]),
        args[1].parse::<usize>().unwrap(),
        args[2].parse::<usize>().unwrap(),
        PathBuf::from(&args[3]),
    );
    let base = vm_hwm_kb();
    let specs: Vec<_> = Preset::CROPPED.iter().map(|p| p.spec()).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let limits = Limits::default();
    let once = || {
        let bytes = std::fs::read(&path).unwrap();
        render(&bytes, &path, &specs, FOCAL, &limits).unwrap()
    };
    let (times, last) = pool.install(|| {
        once();
        let mut times = Vec::new();
        let mut last = Vec::new();
        for _ in 0..iterations {
            let start = Instant::now();
            last = once();
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        (times, last)
    });
    std::fs::write(&out, &last[SQUARE].jpeg).unwrap();
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "RESULT ms={:.2} min={:.2} hwm_kb={} base_kb={base}",
        sorted[sorted.len() / 2],
        sorted[0],
        vm_hwm_kb()
    );
}

/// Jadwal's decode alone and its eight encodes alone, one thread.
struct Floor {
    decode_ms: f64,
    encode_ms: f64,
}

fn run_floor(cmd: &mut Command) -> Option<Floor> {
    let out = cmd.output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("FLOOR "))?;
    let field = |k: &str| {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
            .and_then(|v| v.parse().ok())
    };
    Some(Floor {
        decode_ms: field("decode_ms")?,
        encode_ms: field("encode_ms")?,
    })
}

/// Times, on one thread, the two parts of `render` no resampling trick can
/// shorten: reading and decoding the file (at the scale the renditions
/// need, the way `render` decodes it), and encoding the eight finished
/// renditions (re-encoded here from their own 4:2:0 planes, as `render`
/// hands them to libjpeg-turbo).
fn floor_worker() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (path, iterations) = (PathBuf::from(&args[0]), args[1].parse::<usize>().unwrap());
    let limits = Limits::default();
    let specs: Vec<_> = Preset::CROPPED.iter().map(|p| p.spec()).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    pool.install(|| {
        let bytes = std::fs::read(&path).unwrap();
        let probe = jadwal_media::probe(&bytes, &path, &limits).unwrap();
        let (w, h) = probe.size();
        let min_fraction = jadwal_media::render::decode_fraction(w, h, &specs, FOCAL);
        let decode = || {
            let bytes = std::fs::read(&path).unwrap();
            let probe = jadwal_media::probe(&bytes, &path, &limits).unwrap();
            let yuv =
                decode::decode_jpeg_yuv420(&bytes, &probe, &path, &limits, min_fraction).unwrap();
            if yuv.is_none() {
                decode::decode(&bytes, &probe, &path, &limits, min_fraction).unwrap();
            }
        };
        let planes: Vec<_> = render(&bytes, &path, &specs, FOCAL, &limits)
            .unwrap()
            .iter()
            .map(|r| turbojpeg::decompress_to_yuv(&r.jpeg).unwrap())
            .collect();
        let encode = || {
            for yuv in &planes {
                let mut compressor = turbojpeg::Compressor::new().unwrap();
                compressor.set_quality(85).unwrap();
                compressor.set_subsamp(turbojpeg::Subsamp::Sub2x2).unwrap();
                compressor.compress_yuv_to_vec(yuv.as_deref()).unwrap();
            }
        };
        let median = |f: &dyn Fn()| {
            f();
            let mut times: Vec<f64> = (0..iterations)
                .map(|_| {
                    let start = Instant::now();
                    f();
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            times[times.len() / 2]
        };
        println!(
            "FLOOR decode_ms={:.2} encode_ms={:.2}",
            median(&decode),
            median(&encode)
        );
    });
}

/// The one-thread table of where the time goes, and for each input what
/// share of libvips' time decoding and encoding alone take, next to the
/// target: what is left of the budget for cutting and scaling.
fn print_floors(rows: &[TimingRow], floors: &[(String, Option<Floor>, Option<f64>)]) {
    println!(
        "where one thread's time goes (ms, medians; the floor is Jadwal's decode + encodes alone):"
    );
    println!(
        "{:<14} | {:>9} {:>9} {:>7} {:>9} | {:>11} {:>9} | {:>13}",
        "input", "decode", "encodes", "floor", "all", "vips decode", "vips best", "target budget"
    );
    for (name, floor, vips_decode) in floors {
        let Some((_, _, ours, vips)) = rows.iter().find(|(n, t, _, _)| n == name && *t == 1) else {
            continue;
        };
        let best = vips
            .iter()
            .filter_map(|(_, r)| r.as_ref().map(|r| r.ms))
            .fold(f64::INFINITY, f64::min);
        let target = if name.contains("PNG") { 0.3 } else { 0.6 };
        let budget = target * best;
        let ms = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.1}"));
        println!(
            "{:<14} | {:>9} {:>9} {:>7} {:>9} | {:>11} {:>9} | {:>13}",
            name,
            ms(floor.as_ref().map(|f| f.decode_ms)),
            ms(floor.as_ref().map(|f| f.encode_ms)),
            ms(floor.as_ref().map(|f| f.decode_ms + f.encode_ms)),
            ms(ours.as_ref().map(|o| o.ms)),
            ms(*vips_decode),
            ms(best.is_finite().then_some(best)),
            ms(best.is_finite().then_some(budget)),
        );
        if let Some(f) = floor
            && best.is_finite()
        {
            let floor = f.decode_ms + f.encode_ms;
            println!(
                "  {name}: decoding and encoding alone take {:.2}× of libvips' time (target {target:.2}×), leaving {:.1} ms for the rest",
                floor / best,
                budget - floor
            );
        }
    }
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

// ------------------------------------------------------------- the inputs

/// A small, fast, deterministic random source (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// Value noise: a lattice of random values every `cell` pixels, smoothly
/// interpolated. Deterministic in (x, y, seed).
fn value_noise(x: f32, y: f32, cell: f32, seed: u32) -> f32 {
    let (gx, gy) = (x / cell, y / cell);
    let (ix, iy) = (gx.floor() as i32, gy.floor() as i32);
    let (fx, fy) = (gx - ix as f32, gy - iy as f32);
    let hash = |i: i32, j: i32| {
        let mut h = (i as u32).wrapping_mul(0x8da6_b343)
            ^ (j as u32).wrapping_mul(0xd816_3841)
            ^ seed.wrapping_mul(0xcb1a_b31f);
        h ^= h >> 13;
        h = h.wrapping_mul(0x5bd1_e995);
        h ^= h >> 15;
        (h & 0xFFFF) as f32 / 65535.0
    };
    let s = |t: f32| t * t * (3.0 - 2.0 * t);
    let (sx, sy) = (s(fx), s(fy));
    let top = hash(ix, iy) + (hash(ix + 1, iy) - hash(ix, iy)) * sx;
    let bottom = hash(ix, iy + 1) + (hash(ix + 1, iy + 1) - hash(ix, iy + 1)) * sx;
    top + (bottom - top) * sy
}

/// Photo-like: smooth colour washes (sky, walls), shapes with hard edges
/// (things), textures at two scales (cloth, leaves) and sensor grain.
fn photo(w: u32, h: u32, seed: u32) -> Rgb8 {
    let mut rng = Rng(u64::from(seed) * 0x9E37_79B9_7F4A_7C15 + 1);
    let shapes: Vec<(f32, f32, f32, [f32; 3])> = (0..60)
        .map(|_| {
            let r = (0.02 + 0.12 * rng.unit()) * w as f32;
            (
                rng.unit() * w as f32,
                rng.unit() * h as f32,
                r,
                [rng.unit() * 255.0, rng.unit() * 255.0, rng.unit() * 255.0],
            )
        })
        .collect();
    let scale = w as f32 / 4000.0;
    let mut data = Vec::with_capacity(w as usize * h as usize * 3);
    for y in 0..h {
        for x in 0..w {
            let (fx, fy) = (x as f32, y as f32);
            let mut c = [
                40.0 + 170.0 * value_noise(fx, fy, 900.0 * scale, seed),
                40.0 + 170.0 * value_noise(fx, fy, 1100.0 * scale, seed + 1),
                40.0 + 170.0 * value_noise(fx, fy, 1300.0 * scale, seed + 2),
            ];
            for (cx, cy, r, colour) in &shapes {
                let (dx, dy) = (fx - cx, fy - cy);
                if dx * dx + dy * dy < r * r {
                    for k in 0..3 {
                        c[k] = c[k] * 0.35 + colour[k] * 0.65;
                    }
                }
            }
            let texture = 26.0 * (value_noise(fx, fy, 9.0, seed + 3) - 0.5)
                + 14.0 * (value_noise(fx, fy, 2.5, seed + 4) - 0.5);
            let grain = (rng.unit() - 0.5) * 10.0;
            for k in c.iter_mut() {
                data.push((*k + texture + grain).clamp(0.0, 255.0) as u8);
            }
        }
    }
    Rgb8 {
        width: w,
        height: h,
        data,
    }
}

/// Screenshot-like: flat panels, lines of "text", a few icons, one photo.
fn screenshot(w: u32, h: u32) -> Rgb8 {
    let mut img = Rgb8 {
        width: w,
        height: h,
        data: [245u8, 245, 247].repeat(w as usize * h as usize),
    };
    let fill = |img: &mut Rgb8, x0: u32, y0: u32, rw: u32, rh: u32, c: [u8; 3]| {
        for y in y0..(y0 + rh).min(h) {
            for x in x0..(x0 + rw).min(w) {
                let at = (y as usize * w as usize + x as usize) * 3;
                img.data[at..at + 3].copy_from_slice(&c);
            }
        }
    };
    let mut rng = Rng(42);
    fill(&mut img, 0, 0, w, 96, [32, 33, 36]); // title bar
    fill(&mut img, 0, 96, 480, h - 96, [232, 234, 237]); // sidebar
    for i in 0..14 {
        fill(
            &mut img,
            40,
            150 + i * 100,
            56,
            56,
            [66 + (i * 13 % 150) as u8, 133, 244],
        );
        for j in 0..(6 + rng.next() % 10) as u32 {
            let gw = 10 + (rng.next() % 14) as u32;
            fill(&mut img, 120 + j * 26, 165 + i * 100, gw, 24, [60, 64, 67]);
        }
    }
    // Cards with text.
    for card in 0..4 {
        let (cx, cy) = (560 + (card % 2) * 1140, 160 + (card / 2) * 820);
        fill(&mut img, cx, cy, 1080, 760, [255, 255, 255]);
        fill(&mut img, cx, cy, 1080, 6, [26, 115, 232]);
        for line in 0..24 {
            let mut x = cx + 40;
            let y = cy + 60 + line * 28;
            while x < cx + 1000 {
                let word = 3 + (rng.next() % 9) as u32;
                for _ in 0..word {
                    let gw = 6 + (rng.next() % 8) as u32;
                    fill(
                        &mut img,
                        x,
                        y + (rng.next() % 4) as u32,
                        gw,
                        16 - (rng.next() % 6) as u32,
                        [32, 33, 36],
                    );
                    x += gw + 3;
                }
                x += 14;
            }
        }
    }
    // A photo in the last card.
    let p = photo(900, 560, 7);
    for y in 0..560 {
        let at = ((1000 + y) as usize * w as usize + 1790) * 3;
        img.data[at..at + 900 * 3]
            .copy_from_slice(&p.data[y as usize * 900 * 3..(y as usize + 1) * 900 * 3]);
    }
    img
}

fn write_jpeg(dir: &Path, name: &str, w: u32, h: u32, seed: u32) -> PathBuf {
    // Phones save about quality 92, 4:2:0.
    let jpeg = jadwal_media::render::encode_jpeg(&photo(w, h, seed), 92, true).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, jpeg).unwrap();
    path
}

fn write_png(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let img = screenshot(w, h);
    let path = dir.join(name);
    image::RgbImage::from_raw(w, h, img.data)
        .unwrap()
        .save(&path)
        .unwrap();
    path
}

// ------------------------------------------------------------- quality

fn to_rgb8(img: image::RgbImage) -> Rgb8 {
    let (width, height) = img.dimensions();
    Rgb8 {
        width,
        height,
        data: img.into_raw(),
    }
}

/// The crop at full size, resized to 1080×1080 with Lanczos3 in f32.
fn reference_square(bytes: &[u8], path: &Path, probe: &jadwal_media::Probe, rect: Rect) -> Rgb8 {
    let full = jadwal_media::decode::decode(bytes, probe, path, &Limits::default(), 1.0).unwrap();
    let crop = full.crop(rect);
    let f = image::Rgb32FImage::from_fn(crop.width, crop.height, |x, y| {
        let at = (y as usize * crop.width as usize + x as usize) * 3;
        image::Rgb([0, 1, 2].map(|k| f32::from(crop.data[at + k]) / 255.0))
    });
    let out = image::imageops::resize(&f, 1080, 1080, image::imageops::FilterType::Lanczos3);
    let data = out
        .into_raw()
        .into_iter()
        .map(|v| (v * 255.0).round().clamp(0.0, 255.0) as u8)
        .collect();
    Rgb8 {
        width: 1080,
        height: 1080,
        data,
    }
}

/// PSNR over RGB and SSIM over luma (8×8 windows every 4 pixels), on the
/// area both pictures share.
fn compare(a: &Rgb8, b: &Rgb8) -> (f64, f64) {
    let (w, h) = (
        a.width.min(b.width) as usize,
        a.height.min(b.height) as usize,
    );
    let px = |img: &Rgb8, x: usize, y: usize, k: usize| {
        f64::from(img.data[(y * img.width as usize + x) * 3 + k])
    };
    let mut se = 0.0;
    for y in 0..h {
        for x in 0..w {
            for k in 0..3 {
                let d = px(a, x, y, k) - px(b, x, y, k);
                se += d * d;
            }
        }
    }
    let mse = se / (w * h * 3) as f64;
    let psnr = 10.0 * (255.0 * 255.0 / mse.max(1e-12)).log10();
    let luma = |img: &Rgb8, x, y| {
        0.299 * px(img, x, y, 0) + 0.587 * px(img, x, y, 1) + 0.114 * px(img, x, y, 2)
    };
    let (c1, c2) = ((0.01f64 * 255.0).powi(2), (0.03f64 * 255.0).powi(2));
    let (mut total, mut windows) = (0.0, 0usize);
    for wy in (0..h.saturating_sub(8)).step_by(4) {
        for wx in (0..w.saturating_sub(8)).step_by(4) {
            let (mut sa, mut sb, mut saa, mut sbb, mut sab) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for y in wy..wy + 8 {
                for x in wx..wx + 8 {
                    let (va, vb) = (luma(a, x, y), luma(b, x, y));
                    sa += va;
                    sb += vb;
                    saa += va * va;
                    sbb += vb * vb;
                    sab += va * vb;
                }
            }
            let n = 64.0;
            let (ma, mb) = (sa / n, sb / n);
            let (va, vb, cov) = (saa / n - ma * ma, sbb / n - mb * mb, sab / n - ma * mb);
            total += ((2.0 * ma * mb + c1) * (2.0 * cov + c2))
                / ((ma * ma + mb * mb + c1) * (va + vb + c2));
            windows += 1;
        }
    }
    (psnr, total / windows.max(1) as f64)
}
