#!/usr/bin/env python3
"""Load coaching.skill-scores.v1 into a table: one row per agent and window, its final value.

  python3 docs/examples/skill_scores_table.py --bootstrap-servers localhost:9092 --database scores.db

The topic is compacted and keyed by (agentId, windowStart): a window is published again each time it changes,
and the latest record of a key is the window's final state. So a loader upserts by key, and deletes the row on a
tombstone (a record with no value: the window no longer holds any event, e.g. its only evaluation was
retracted). Run it again at any time: it reads the topic from the beginning and converges to the same table.
"""
import argparse
import sqlite3

from coachstream_avro import Decoder, read_to_end

SCHEMA = """
CREATE TABLE IF NOT EXISTS skill_scores (
  agent_id     TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end   TEXT NOT NULL,
  team_id      TEXT,
  soft_score   REAL, soft_samples INTEGER,
  hard_score   REAL, hard_samples INTEGER,
  interactions INTEGER,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (agent_id, window_start)
)"""

UPSERT = """
INSERT INTO skill_scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (agent_id, window_start) DO UPDATE SET
  window_end = excluded.window_end, team_id = excluded.team_id,
  soft_score = excluded.soft_score, soft_samples = excluded.soft_samples,
  hard_score = excluded.hard_score, hard_samples = excluded.hard_samples,
  interactions = excluded.interactions, updated_at = excluded.updated_at"""


def row(window):
    categories = {c["category"]: c for c in window["categories"]}
    soft, hard = categories.get("SOFT", {}), categories.get("HARD", {})
    return (window["agentId"], window["windowStart"], window["windowEnd"], window.get("teamId"),
            soft.get("score"), soft.get("samples"), hard.get("score"), hard.get("samples"),
            window["kpis"]["interactions"], window["updatedAt"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", default="coaching.skill-scores.v1")
    parser.add_argument("--schemas", default="schemas/released")
    parser.add_argument("--database", default=":memory:", help="SQLite file (default: in memory, printed)")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    decoder = Decoder(args.schemas)
    db = sqlite3.connect(args.database)
    db.execute(SCHEMA)
    for message in read_to_end({"bootstrap.servers": args.bootstrap_servers}, args.topic, args.timeout):
        key = decoder.decode_key(message.key())
        window = decoder.decode(message.value())
        if window is None:  # tombstone: the window is gone
            db.execute("DELETE FROM skill_scores WHERE agent_id = ? AND window_start = ?",
                       (key["agentId"], key["windowStart"]))
        else:
            db.execute(UPSERT, row(window))
    db.commit()
    for r in db.execute("SELECT agent_id, window_start, soft_score, soft_samples, hard_score, hard_samples "
                        "FROM skill_scores ORDER BY agent_id, window_start"):
        print("\t".join("" if v is None else str(v) for v in r))


if __name__ == "__main__":
    main()
