#!/usr/bin/env python3
"""The peer of the log-triage benchmark: Drain3 (logpai/Drain3, MIT), run from a checkout given on the
command line, never vendored. Two jobs, matching the Java harnesses:

  ga          grouping accuracy per Loghub-2k dataset, with Drain3's defaults and with the masking and
              settings of its examples/drain3.ini (profiling off)
  throughput  messages per second (wall and CPU) on the same shuffled, digit-redrawn stream as
              dev.propsops.logs.grouping.MinerThroughput (one miner per dataset), same seed semantics

Usage: drain3_peer.py DRAIN3_DIR LOGHUB_DIR ga
       drain3_peer.py DRAIN3_DIR LOGHUB_DIR throughput N
"""
import csv
import logging
import os
import random
import sys
import time

DATASETS = ["Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux", "Mac", "OpenSSH",
            "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper"]


def read(loghub, name):
    path = os.path.join(loghub, name, name + "_2k.log_structured.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return [(row["Content"], row["EventId"]) for row in csv.DictReader(f)]


def grouping_accuracy(truth, predicted):
    """Zhu et al. 2019: a line is right when its predicted group is exactly its ground-truth group."""
    truth_size, group_size, group_truth, impure = {}, {}, {}, set()
    for t, p in zip(truth, predicted):
        truth_size[t] = truth_size.get(t, 0) + 1
        group_size[p] = group_size.get(p, 0) + 1
        if group_truth.setdefault(p, t) != t:
            impure.add(p)
    right = sum(n for p, n in group_size.items() if p not in impure and truth_size[group_truth[p]] == n)
    return right / len(predicted)


def miner(config_path):
    from drain3 import TemplateMiner
    from drain3.template_miner_config import TemplateMinerConfig
    config = TemplateMinerConfig()
    if config_path:
        config.load(config_path)
    config.profiling_enabled = False
    return TemplateMiner(config=config)


def ga(drain3_dir, loghub):
    example = os.path.join(drain3_dir, "examples", "drain3.ini")
    runs = [("Drain3 defaults", None), ("Drain3 example masking", example)]
    results = {label: [] for label, _ in runs}
    for name in DATASETS:
        lines = read(loghub, name)
        truth = [e for _, e in lines]
        for label, config in runs:
            m = miner(config)
            predicted = [m.add_log_message(c)["cluster_id"] for c, _ in lines]
            results[label].append(grouping_accuracy(truth, predicted))
    print("%-12s %16s %22s" % ("dataset", runs[0][0], runs[1][0]))
    for i, name in enumerate(DATASETS):
        print("%-12s %16.3f %22.3f" % (name, results[runs[0][0]][i], results[runs[1][0]][i]))
    print("%-12s %16.3f %22.3f" % ("average", sum(results[runs[0][0]]) / 16, sum(results[runs[1][0]]) / 16))


def throughput(drain3_dir, loghub, n):
    by_service = [[c for c, _ in read(loghub, name)] for name in DATASETS]
    rnd = random.Random(42)
    digits = "0123456789"
    stream = []
    for _ in range(n):
        s = rnd.randrange(len(by_service))
        line = rnd.choice(by_service[s])
        stream.append((s, "".join(digits[rnd.randrange(10)] if ch.isdigit() and ch.isascii() else ch
                                  for ch in line)))
    example = os.path.join(drain3_dir, "examples", "drain3.ini")
    for label, config in [("Drain3 defaults", None), ("Drain3 example masking", example)]:
        miners = [miner(config) for _ in DATASETS]
        c0, t0 = time.process_time(), time.perf_counter()
        for s, line in stream:
            miners[s].add_log_message(line)
        c1, t1 = time.process_time(), time.perf_counter()
        clusters = sum(len(m.drain.clusters) for m in miners)
        print("%s: %d messages in %.3f s wall (%.0f/s), %.3f s CPU (%.0f/s); %d clusters"
              % (label, n, t1 - t0, n / (t1 - t0), c1 - c0, n / (c1 - c0), clusters))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    drain3_dir, loghub, job = sys.argv[1], sys.argv[2], sys.argv[3]
    if not os.path.isfile(os.path.join(drain3_dir, "drain3", "drain.py")):
        sys.exit("no Drain3 checkout at %s (drain3/drain.py is missing)" % drain3_dir)
    sys.path.insert(0, drain3_dir)
    logging.disable(logging.WARNING)  # Drain3 logs its configuration at INFO
    if job == "ga":
        ga(drain3_dir, loghub)
    elif job == "throughput":
        throughput(drain3_dir, loghub, int(sys.argv[4]) if len(sys.argv) > 4 else 100000)
    else:
        sys.exit("unknown job %r: ga or throughput" % job)


if __name__ == "__main__":
    main()
