#!/usr/bin/env python3
"""Writes `gcloud logging read --format=json` style files for the log-triage benchmark.

  gcloud_export.py ga LOGHUB_DIR DATASET OUT
      one entry per line of DATASET's Content column, in order: textPayload, severity ERROR, one Cloud Run
      service, timestamps one second apart, distinct insertIds and a distinct instance id per entry (so no
      two entries can be joined as one traceback); entry i is line i of the dataset.

  gcloud_export.py mix LOGHUB_DIR N OUT [--jsonl]
      N entries of a realistic mix over 7 days: 24 services (one Loghub dataset's lines each, in random
      order, every digit redrawn), 3 revisions and 6 instances per service, 80% textPayload and 20%
      jsonPayload.message, severities ERROR/WARNING/CRITICAL, plus split Python and Java tracebacks (one
      entry per line, as Cloud Run writes multi-line stderr) and the handoff's bare "Error: " and
      403 metric-write entries. Deterministic (seeded): the same N gives the same file.

The output is one JSON array, indented as gcloud prints it, or JSON Lines with --jsonl. It is written as
a stream: memory does not grow with N.
"""
import csv
import datetime
import json
import os
import random
import sys

DATASETS = ["Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux", "Mac", "OpenSSH",
            "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper"]
PROJECT = "nba-props-platform"
START = datetime.datetime(2026, 2, 1, 0, 0, 0, tzinfo=datetime.timezone.utc)

PYTHON_TRACEBACK = [
    "Traceback (most recent call last):",
    '  File "/app/predictions/worker.py", line %d, in handle',
    "    result = predict(player_id, game_id)",
    '  File "/app/predictions/model.py", line %d, in predict',
    "    return self.booster.predict(features)",
    "ValueError: feature vector has %d values, expected 33",
]
JAVA_TRACE = [
    "java.lang.IllegalStateException: lineup for game %d not published",
    "\tat dev.nba.lineups.LineupService.load(LineupService.java:%d)",
    "\tat dev.nba.lineups.LineupJob.run(LineupJob.java:%d)",
    "Caused by: java.io.IOException: 503 from upstream",
    "\tat dev.nba.http.Client.get(Client.java:%d)",
]


def read_content(loghub, name):
    path = os.path.join(loghub, name, name + "_2k.log_structured.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return [row["Content"] for row in csv.DictReader(f)]


def timestamp(seconds):
    t = START + datetime.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond


def entry(insert_id, seconds, service, revision, instance, severity, message, json_payload=False):
    e = {"insertId": insert_id}
    if json_payload:
        e["jsonPayload"] = {"message": message, "severity": severity}
    else:
        e["textPayload"] = message
    if instance is not None:
        e["labels"] = {"instanceId": instance}
    e["logName"] = "projects/%s/logs/run.googleapis.com%%2Fstderr" % PROJECT
    e["receiveTimestamp"] = timestamp(seconds + 0.2)
    e["resource"] = {"labels": {"configuration_name": service, "location": "us-west2", "project_id": PROJECT,
                                "revision_name": revision, "service_name": service},
                     "type": "cloud_run_revision"}
    e["severity"] = severity
    e["timestamp"] = timestamp(seconds)
    return e


class Writer:
    """A JSON array as gcloud prints it (2-space indent), or JSON Lines, written entry by entry."""

    def __init__(self, path, jsonl):
        self.f = open(path, "w", encoding="utf-8")
        self.jsonl = jsonl
        self.first = True

    def write(self, e):
        if self.jsonl:
            self.f.write(json.dumps(e, ensure_ascii=False))
            self.f.write("\n")
            return
        self.f.write("[\n" if self.first else ",\n")
        text = json.dumps(e, ensure_ascii=False, indent=2)
        self.f.write("\n".join("  " + line for line in text.split("\n")))
        self.first = False

    def close(self):
        if not self.jsonl:
            self.f.write("[]\n" if self.first else "\n]\n")
        self.f.close()


def ga(loghub, dataset, out, jsonl):
    w = Writer(out, jsonl)
    service = "loghub-" + dataset.lower()
    for i, content in enumerate(read_content(loghub, dataset)):
        w.write(entry("ga%06d" % i, i, service, service + "-00001-abc", "instance-%06d" % i, "ERROR", content))
    w.close()


def redraw(rnd, line):
    return "".join(chr(48 + rnd.randrange(10)) if "0" <= ch <= "9" else ch for ch in line)


def mix(loghub, n, out, jsonl):
    rnd = random.Random(20260201)
    sources = [read_content(loghub, d) for d in DATASETS]
    services = []
    for k in range(24):
        name = ("nba" if k % 2 == 0 else "mlb") + "-phase%d-%s" % (k % 6 + 1, DATASETS[k % 16].lower())
        revisions = ["%s-%05d-%s" % (name, r + 1, "abc"[r]) for r in range(3)]
        instances = ["00c61b117c%02d%s" % (k, "%x" % (0xa0 + j) * 12) for j in range(6)]
        services.append((name, revisions, instances, sources[k % 16]))
    w = Writer(out, jsonl)
    written = 0
    span = 7 * 24 * 3600.0
    while written < n:
        seconds = span * written / n
        name, revisions, instances, lines = services[rnd.randrange(len(services))]
        revision = revisions[rnd.randrange(3)]
        instance = instances[rnd.randrange(6)]
        roll = rnd.random()
        if roll < 0.01:
            block = [l % rnd.randrange(10, 400) if "%d" in l else l for l in PYTHON_TRACEBACK]
        elif roll < 0.015:
            block = [l % rnd.randrange(10, 400) if "%d" in l else l for l in JAVA_TRACE]
        elif roll < 0.02:
            block = ["Error: "]
        elif roll < 0.025:
            block = ["Failed to record metric: 403 Permission 'monitoring.timeSeries.create' denied on resource "
                     "'projects/%s' (or it may not exist)." % PROJECT]
        else:
            block = [redraw(rnd, lines[rnd.randrange(len(lines))])]
        severity = "ERROR" if roll < 0.7 else ("WARNING" if roll < 0.97 else "CRITICAL")
        as_json = len(block) == 1 and rnd.random() < 0.2
        for line in block:
            if written >= n:
                break
            w.write(entry("%016x" % rnd.getrandbits(64), seconds + written * 1e-6, name, revision, instance,
                          severity, line, as_json))
            written += 1
    w.close()


def main():
    args = [a for a in sys.argv[1:] if a != "--jsonl"]
    jsonl = "--jsonl" in sys.argv
    if len(args) != 4 or args[0] not in ("ga", "mix"):
        sys.exit(__doc__)
    job, loghub, what, out = args
    if job == "ga":
        if what not in DATASETS:
            sys.exit("unknown dataset %r: one of %s" % (what, ", ".join(DATASETS)))
        ga(loghub, what, out, jsonl)
    else:
        mix(loghub, int(what), out, jsonl)


if __name__ == "__main__":
    main()
