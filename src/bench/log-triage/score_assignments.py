#!/usr/bin/env python3
"""Scores a `log-triage --assignments FILE` CSV against a Loghub-2k dataset's ground truth.

  score_assignments.py LOGHUB_DIR DATASET ASSIGNMENTS.csv

The CSV has one line per input entry, `index,pattern_id` (a header line, if any, is skipped), index
counting the entries of the input from 0: for a file made by `gcloud_export.py ga`, entry i is line i of
the dataset. Prints the grouping accuracy (Zhu et al. 2019); exits 1 when an index is missing, repeated
or out of range, since then the grouping cannot be checked.
"""
import csv
import os
import sys

from drain3_peer import grouping_accuracy, read


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    loghub, dataset, path = sys.argv[1:]
    truth = [e for _, e in read(loghub, dataset)]
    predicted = [None] * len(truth)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if not row or not row[0].strip().isdigit():
                continue  # a header line
            index, pattern = int(row[0]), row[1].strip()
            if index >= len(truth) or predicted[index] is not None:
                sys.exit("%s: index %d is %s" % (path, index, "out of range" if index >= len(truth) else "repeated"))
            predicted[index] = pattern
    missing = [i for i, p in enumerate(predicted) if p is None]
    if missing:
        sys.exit("%s: %d entries have no pattern (first: index %d)" % (path, len(missing), missing[0]))
    print("%.3f" % grouping_accuracy(truth, predicted))


if __name__ == "__main__":
    main()
