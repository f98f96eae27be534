"""Fills a Jadwal data folder with N posts over four years (2024-2027), for
benchmarks. The folder must already hold a database made by Jadwal itself
(run `jadwal-cli --data-dir DIR list --tray` once), so the schema is the
app's own."""
import random
import sqlite3
import sys

data_dir, count = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(f"{data_dir}/jadwal.sqlite3")
rng = random.Random(42)
first, span = 1_704_067_200, 4 * 365 * 86_400
with db:
    ws = db.execute("SELECT id FROM workspace ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("UPDATE workspace SET time_zone = 'Asia/Jakarta' WHERE id = ?", (ws,))
    channels = []
    for i, net in enumerate(["bluesky", "mastodon", "instagram", "telegram", "facebook", "x"]):
        cur = db.execute(
            "INSERT INTO channel (workspace_id, name, network, color, created_at) VALUES (?, ?, ?, '#1185fe', 0)",
            (ws, f"Channel {i + 1}", net),
        )
        channels.append(cur.lastrowid)
    labels = [
        db.execute(
            "INSERT INTO label (workspace_id, name, color, created_at) VALUES (?, ?, '#00aa00', 0)", (ws, f"Pillar {i}")
        ).lastrowid
        for i in range(4)
    ]
    for n in range(count):
        at = first + rng.randrange(span) // 900 * 900
        status = rng.choice(["draft", "scheduled", "published", "scheduled"])
        text = f"Post {n}: roti sobek, kue lapis dan kopi susu hangat setiap pagi. Pesan lewat DM! #{rng.randrange(1000)}"
        pid = db.execute(
            "INSERT INTO post (workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 'Asia/Jakarta', 0, 0)",
            (ws, text, status, at),
        ).lastrowid
        for c in rng.sample(channels, rng.randint(1, 3)):
            db.execute("INSERT INTO post_channel (post_id, channel_id) VALUES (?, ?)", (pid, c))
        if rng.random() < 0.5:
            db.execute("INSERT INTO post_label (post_id, label_id) VALUES (?, ?)", (pid, rng.choice(labels)))
db.execute("ANALYZE")
db.close()
print(f"seeded {count} posts into {data_dir}")
