#!/usr/bin/env python3
"""Writes the held-out sets by other authors that may not enter the repository (GPL, no licence) as one TSV (id, set,
label, text) for `bench/run org.varsel.bench.RecognitionRates`: ETHOS comments with violence >= 0.5 (those whose text is
also in the binary file, as docs/nlp.md counted them), the Gab Hate Corpus's calls for violence (cv): both files
together, and apart (`gab-cv-train`, the dev set whose misses may be read; `gab-cv-test`, rates only), and the first
20,000 English tweets of the IRA stream as false flags; and the EDOS posts (SemEval 2023 Task 10, CC0,
data/training/NOTICE.md): the sexist threats and incitement to harm by the corpus's own category. Redrawn on
2026-12-07 (session 27, learned) so that what is measured is disjoint from what the classifier may train on:
`edos-threat-dev` is the corpus's train split's threats whose seeded hash of the post id is even (its misses may be
read, as before); `edos-threat-test` is the threats of the corpus's dev and test splits only (rates only; until
session 26 it also held the train split's odd half); the guards are drawn from the corpus's dev and test splits only
(until session 26, 2,000 and 4,000 posts from its train and dev splits): sexist posts of the other three categories
(hateful but not a threat) and posts not labelled sexist (a threat against someone other than women is labelled not
sexist there, so a flag in that guard is not always false), each in two sets: every post of the dev split
(`edos-sexist-not-threat-guard`, `edos-not-sexist-guard`: false flags to read) and every post of the test split
(`edos-sexist-not-threat-test-guard`, `edos-not-sexist-test-guard`: withheld, rates only, as every set drawn from a
test split). The train split's odd half of the threats and its posts of the other
categories and not labelled sexist, less any post whose text is in a measured set of this file, are the classifier's
EDOS training file: `--edos-training PATH` writes it (data/training/edos/edos_train.csv, the corpus's own columns and
rows unchanged); and 20,000 ordinary Danish
sentences of the web and the news (`lcc-da-guard`, the Leipzig Corpora Collection, CC BY, copied into
data/training/lcc-da); and the comments of Danes on Danish political news on Facebook and Reddit (steffan267's sentiment
corpus, CC BY-NC-SA 4.0, read from its mirror and never copied, data/training/NOTICE.md): every comment as a guard
(`da-political-guard`) but those hand-labelled threats, calls or dehumanisation in
bench/recognition/da-political-labels.tsv (a hash of the text, the label, a reason: no text), which make the dev set
`da-political-threat-dev`. Run:
bench/recognition/outside-sets.py OUT.tsv [--edos-training data/training/edos/edos_train.csv]
"""
import csv
import hashlib
import os
import subprocess
import sys

ETHOS = "/work/.mirror/intelligence-csd-auth-gr+Ethos-Hate-Speech-Dataset/repo"
GAB = "/work/.mirror/liuchaoqun+hate-speech-datasets/repo"
EDOS = "/work/.mirror/rewire-online+edos/repo"
EDOS_THREAT = "1. threats, plans to harm and incitement"
IRA = "/work/shared/datasets/ira-troll-tweets/ira_trolls_2016-09_to_2016-11_sorted.csv"
IRA_TWEETS = 20000
DA_POLITICAL = "/work/.mirror/steffan267+Sentiment-Analysis-on-Danish-Social-Media/repo/.git"
DA_POLITICAL_LABELS = "bench/recognition/da-political-labels.tsv"
LCC_DA = ["data/training/lcc-da/dan_mixed_2014_10K-sentences.csv", "data/training/lcc-da/dan_newscrawl_2011_10K-sentences.csv"]


def git_file(git_dir, path):
    return subprocess.run(["git", "--git-dir=" + git_dir, "show", "HEAD:" + path],
                          check=True, capture_output=True, text=True).stdout.splitlines(keepends=True)


def one_line(text):
    return " ".join(text.split())


def ethos_violent():
    binary = {one_line(r["comment"]) for r in
              csv.DictReader(git_file(ETHOS, "ethos/ethos_data/Ethos_Dataset_Binary.csv"), delimiter=";")}
    rows = csv.DictReader(git_file(ETHOS, "ethos/ethos_data/Ethos_Dataset_Multi_Label.csv"), delimiter=";")
    return [one_line(r["comment"]) for r in rows
            if float(r["violence"]) >= 0.5 and one_line(r["comment"]) in binary]


def gab_calls_for_violence(*parts):
    texts = []
    for part in parts:
        rows = csv.DictReader(git_file(GAB, "GabHateCorpus/Data/" + part + ".tsv"), delimiter="\t")
        texts += [one_line(r["text"]) for r in rows if r["cv"] == "1"]
    return texts


def edos_order(post_id):
    return hashlib.sha256(("varsel-edos\0" + post_id).encode("utf-8")).hexdigest()


def edos_rows():
    return list(csv.DictReader(git_file(EDOS, "data/edos_labelled_aggregated.csv")))


def edos_dev_threat(r):
    """The train split's threats whose seeded hash is even: the dev set, whose misses may be read."""
    return (r["label_category"] == EDOS_THREAT and r["split"] == "train"
            and int(edos_order(r["rewire_id"])[-1], 16) % 2 == 0)


def edos_sets(rows):
    """The EDOS threats (dev: half the train split; test: the dev and test splits) and four guards, never from the
    train split: two from the corpus's dev split (false flags to read) and two from its test split (`-test-` in the
    name: withheld by RecognitionRates, rates only), in the same seeded order; the train split's other posts are left
    to training."""
    sets = {"edos-threat-dev": [], "edos-threat-test": [],
            "edos-sexist-not-threat-guard": [], "edos-not-sexist-guard": [],
            "edos-sexist-not-threat-test-guard": [], "edos-not-sexist-test-guard": []}
    for r in sorted(rows, key=lambda r: edos_order(r["rewire_id"])):
        text = one_line(r["text"])
        if r["label_category"] == EDOS_THREAT:
            if edos_dev_threat(r):
                sets["edos-threat-dev"].append((r["rewire_id"], text))
            elif r["split"] != "train":
                sets["edos-threat-test"].append((r["rewire_id"], text))
        elif r["split"] != "train":
            guard = "edos-sexist-not-threat" if r["label_sexist"] == "sexist" else "edos-not-sexist"
            sets[guard + ("-test-guard" if r["split"] == "test" else "-guard")].append((r["rewire_id"], text))
    return sets


def edos_training(rows, measured_texts):
    """The train split's posts that no set measures: the odd half of its threats, every post of the other categories
    and every post not labelled sexist, less those whose text (white space made single spaces) is in a measured set."""
    kept = [r for r in rows if r["split"] == "train" and not edos_dev_threat(r)
            and one_line(r["text"]) not in measured_texts]
    return sorted(kept, key=lambda r: r["rewire_id"])


def write_edos_training(path, rows):
    fields = ["rewire_id", "text", "label_sexist", "label_category", "label_vector", "split"]
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def ira_english():
    texts = []
    with open(IRA, encoding="utf-8", errors="replace", newline="") as f:
        for r in csv.DictReader(f):
            if r["language"] == "English":
                texts.append(one_line(r["content"]))
                if len(texts) == IRA_TWEETS:
                    break
    return texts


def lcc_danish():
    """Ordinary Danish sentences of the web and the news (Leipzig Corpora Collection, CC BY): a Danish guard."""
    texts = []
    for path in LCC_DA:
        with open(path, encoding="utf-8", newline="") as f:
            texts.extend(one_line(r["text"]) for r in csv.DictReader(f, skipinitialspace=True))
    return texts


def comment_hash(text):
    """The id of a comment: the labels name comments by it, so that no text of theirs enters the repository."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def da_political_sets():
    """Every distinct comment, as the guard or, when hand-labelled anything but none, as the dev set."""
    if not os.path.isdir(DA_POLITICAL):
        print(f"da-political-*: skipped, the mirror {DA_POLITICAL} is absent", file=sys.stderr)
        return {}
    with open(DA_POLITICAL_LABELS, encoding="utf-8") as f:
        labels = dict(line.split("\t")[:2] for line in f if line.strip() and not line.startswith("#"))
    sets = {"da-political-threat-dev": [], "da-political-guard": []}
    seen = set()
    # read as bytes and split on newlines only: a comment may hold a carriage return, which text mode would cut it at
    comments = subprocess.run(["git", "--git-dir=" + DA_POLITICAL, "show", "HEAD:AllComments.tsv"],
                              check=True, capture_output=True).stdout.decode("utf-8")
    for line in comments.split("\n"):
        text = one_line(line.split("\t")[0])
        key = comment_hash(text)
        if text and key not in seen:
            seen.add(key)
            threat = labels.get(key, "none") != "none"
            sets["da-political-threat-dev" if threat else "da-political-guard"].append((key, text))
    return sets


def main():
    args = sys.argv[1:]
    training_path = None
    if "--edos-training" in args:
        at = args.index("--edos-training")
        training_path = args[at + 1]
        del args[at:at + 2]
    sets = [("ethos-violent", "threat", ethos_violent()),
            ("gab-call-for-violence", "threat", gab_calls_for_violence("ghc_train", "ghc_test")),
            ("gab-cv-train", "threat", gab_calls_for_violence("ghc_train")),
            ("gab-cv-test", "threat", gab_calls_for_violence("ghc_test")),
            ("ira-first-20000-en", "none", ira_english()),
            ("lcc-da-guard", "none", lcc_danish())]
    rows = edos_rows()
    id_sets = {**edos_sets(rows), **da_political_sets()}
    measured_texts = set()
    with open(args[0], "w", encoding="utf-8") as out:
        for name, label, texts in sets:
            for n, text in enumerate(texts):
                out.write(f"{name}-{n}\t{name}\t{label}\t{text}\n")
            measured_texts.update(texts)
            print(f"{name}: {len(texts)}", file=sys.stderr)
        for name, posts in id_sets.items():
            label = "none" if name.endswith("-guard") else "threat"
            for post_id, text in posts:
                out.write(f"{post_id}\t{name}\t{label}\t{text}\n")
            measured_texts.update(text for _, text in posts)
            print(f"{name}: {len(posts)}", file=sys.stderr)
    if training_path:
        training = edos_training(rows, measured_texts)
        measured_ids = {post_id for name, posts in id_sets.items() if name.startswith("edos-") for post_id, _ in posts}
        # what trains must never be measured: the train split only, no measured post, no measured text
        assert all(r["split"] == "train" for r in training)
        assert not measured_ids & {r["rewire_id"] for r in training}
        assert not measured_texts & {one_line(r["text"]) for r in training}
        write_edos_training(training_path, training)
        threats = sum(r["label_category"] == EDOS_THREAT for r in training)
        sexist = sum(r["label_sexist"] == "sexist" for r in training)
        print(f"edos training ({training_path}): {len(training)} posts, {threats} threats, "
              f"{sexist - threats} sexist not threats, {len(training) - sexist} not sexist", file=sys.stderr)


if __name__ == "__main__":
    main()
