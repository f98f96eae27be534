"""The libvips side of `cargo bench -p jadwal-media --bench renditions`.

Run by the bench as a subprocess, once per input, thread count and variant,
so that each gets its own peak memory. VIPS_CONCURRENCY is set by the bench.

    python3 vips_peer.py VARIANT INPUT ITERATIONS OUT_JPEG SQUARE_INDEX JOBS

VARIANT   "once": decode once with shrink-on-load (the same JPEG scale as
          Jadwal), keep it in memory, then crop + Lanczos3 + JPEG per preset.
          "per_preset": libvips' streaming way, as `thumbnail` does it: for
          each preset, open with that preset's own shrink-on-load, crop,
          Lanczos3, JPEG.
          "decode": the decode of "once" alone, to pixels in memory (no
          crops, no encodes); writes an empty OUT_JPEG.
JOBS      "x,y,w,h,out_w,out_h;..." crops in full-size pixels (the same ones
          Jadwal cuts) and output sizes.

Prints one line: RESULT ms=<median> min=<min> hwm_kb=<peak> base_kb=<start>
and writes the SQUARE_INDEX-th output to OUT_JPEG for the quality check.
"""

import statistics
import sys
import time


def vm_hwm_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def shrink_for(jobs):
    """Largest JPEG shrink (8, 4, 2 or 1) that keeps enough pixels for every job."""
    need = max(max(ow / w, oh / h) for (_, _, w, h, ow, oh) in jobs)
    for d in (8, 4, 2):
        if 1.0 / d >= need:
            return d
    return 1


def cut(image, d, job):
    """Crop (in full-size pixels, scaled by 1/d) and resize with Lanczos3."""
    x, y, w, h, ow, oh = job
    left, top = round(x / d), round(y / d)
    cw = max(1, min(round(w / d), image.width - left))
    ch = max(1, min(round(h / d), image.height - top))
    area = image.crop(left, top, cw, ch)
    return area.resize(ow / cw, vscale=oh / ch, kernel="lanczos3")


def save(image, pyvips):
    return image.jpegsave_buffer(
        Q=85,
        optimize_coding=False,
        subsample_mode="on",
        keep=pyvips.enums.ForeignKeep.NONE,
    )


def main():
    variant, path, iterations, out_path, square = sys.argv[1:6]
    jobs = [tuple(int(v) for v in j.split(",")) for j in sys.argv[6].split(";")]
    iterations, square = int(iterations), int(square)
    import pyvips

    # No operation cache: every run must decode and compute again.
    pyvips.cache_set_max(0)
    pyvips.cache_set_max_mem(0)
    pyvips.cache_set_max_files(0)
    is_jpeg = path.lower().endswith(".jpg")
    base = vm_hwm_kb()

    def run():
        outputs = []
        if variant == "decode":
            d = shrink_for(jobs) if is_jpeg else 1
            opts = {"shrink": d} if is_jpeg and d > 1 else {}
            pyvips.Image.new_from_file(path, access="random", **opts).copy_memory()
            return [b""] * len(jobs)
        if variant == "once":
            d = shrink_for(jobs) if is_jpeg else 1
            opts = {"shrink": d} if is_jpeg and d > 1 else {}
            image = pyvips.Image.new_from_file(path, access="random", **opts).copy_memory()
            for job in jobs:
                outputs.append(save(cut(image, d, job), pyvips))
        else:
            for job in jobs:
                d = shrink_for([job]) if is_jpeg else 1
                opts = {"shrink": d} if is_jpeg and d > 1 else {}
                image = pyvips.Image.new_from_file(path, access="sequential", **opts)
                outputs.append(save(cut(image, d, job), pyvips))
        return outputs

    run()  # warm up
    times = []
    outputs = None
    for _ in range(iterations):
        start = time.perf_counter()
        outputs = run()
        times.append((time.perf_counter() - start) * 1000.0)
    with open(out_path, "wb") as f:
        f.write(outputs[square])
    print(
        "RESULT ms=%.2f min=%.2f hwm_kb=%d base_kb=%d version=%s"
        % (
            statistics.median(times),
            min(times),
            vm_hwm_kb(),
            base,
            "%d.%d.%d" % (pyvips.version(0), pyvips.version(1), pyvips.version(2)),
        )
    )


if __name__ == "__main__":
    main()
