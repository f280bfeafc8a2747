#!/usr/bin/env python3
"""Carries the labels of an IRA precision file over to a new replay, by external id.

    python3 bench/precision/carry-labels.py OLD.tsv START.jsonl [BRANCH.jsonl] > rows.tsv

START.jsonl is `./varsel replay` of main at the session's start: its rule-opened incidents in the high or
threat-to-life tier (each incident's last version) are the rows. Each row keeps the label, kind and reason
OLD.tsv gives its external id; rules_start is the rules that opened it in START.jsonl; tier_branch is its tier
in BRANCH.jsonl (START.jsonl when not given; "none": no high-severity incident there). A row OLD.tsv has no
label for gets "?" to be labelled by reading it. Writes the column header and rows (no comment header: that is
written by hand, with the counts this prints to stderr).
"""
import json
import sys

HIGH = ("high", "threat-to-life")


def last_versions(path):
    last = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] not in last or d["version"] >= last[d["id"]]["version"]:
                last[d["id"]] = d
    return list(last.values())


def external_id(incident):
    signals = incident.get("evidence", {}).get("signals", [])
    return signals[0]["external_id"] if signals else incident["id"]


def high_severity_by_id(path):
    return {external_id(d): d for d in last_versions(path) if d["kind"] == "high-severity"}


def labels(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("external_id\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            rows[fields[0]] = fields
    return rows


def main(old_path, start_path, branch_path=None):
    old = labels(old_path)
    start = {k: d for k, d in high_severity_by_id(start_path).items() if d["tier"] in HIGH and d["rule_hits"]}
    branch = high_severity_by_id(branch_path or start_path)
    print("external_id\trules_start\tlabel\tkind\ttier_branch\treason")
    for key in sorted(start):
        rules = ",".join(sorted({h["rule_id"] for h in start[key]["rule_hits"]}))
        label, kind, reason = (old[key][2], old[key][3], old[key][5]) if key in old else ("?", "?", "?")
        tier = branch[key]["tier"] if key in branch else "none"
        print("\t".join([key, rules, label, kind, tier, reason]))
    carried = [k for k in start if k in old]
    tiers = [d["tier"] for d in start.values()]
    wanted = sum(1 for k in carried if old[k][2] == "want")
    print(
        f"{len(start)} incidents ({tiers.count('high')} high, {tiers.count('threat-to-life')} threat-to-life); "
        f"{len(carried)} labels carried over, {len(start) - len(carried)} to label; "
        f"wanted {wanted} of {len(start)}; left since {old_path}: {sorted(set(old) - set(start))}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
