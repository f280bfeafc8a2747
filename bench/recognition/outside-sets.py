#!/usr/bin/env python3
"""Writes the held-out sets by other authors that may not enter the repository (GPL, no licence) as one TSV
(id, set, label, text) for `bench/run org.varsel.bench.RecognitionRates`: ETHOS comments with violence >= 0.5 (those
whose text is also in the binary file, as docs/nlp.md counted them), the Gab Hate Corpus's calls for violence (cv):
both files together, and apart (`gab-cv-train`, the dev set whose misses may be read; `gab-cv-test`, rates only), and the first 20,000 English tweets of the IRA stream as false flags. Run: bench/recognition/outside-sets.py OUT.tsv
"""
import csv
import subprocess
import sys

ETHOS = "/work/.mirror/intelligence-csd-auth-gr+Ethos-Hate-Speech-Dataset/repo"
GAB = "/work/.mirror/liuchaoqun+hate-speech-datasets/repo"
IRA = "/work/shared/datasets/ira-troll-tweets/ira_trolls_2016-09_to_2016-11_sorted.csv"
IRA_TWEETS = 20000


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


def ira_english():
    texts = []
    with open(IRA, encoding="utf-8", errors="replace", newline="") as f:
        for r in csv.DictReader(f):
            if r["language"] == "English":
                texts.append(one_line(r["content"]))
                if len(texts) == IRA_TWEETS:
                    break
    return texts


def main():
    sets = [("ethos-violent", "threat", ethos_violent()),
            ("gab-call-for-violence", "threat", gab_calls_for_violence("ghc_train", "ghc_test")),
            ("gab-cv-train", "threat", gab_calls_for_violence("ghc_train")),
            ("gab-cv-test", "threat", gab_calls_for_violence("ghc_test")),
            ("ira-first-20000-en", "none", ira_english())]
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for name, label, texts in sets:
            for n, text in enumerate(texts):
                out.write(f"{name}-{n}\t{name}\t{label}\t{text}\n")
            print(f"{name}: {len(texts)}", file=sys.stderr)


if __name__ == "__main__":
    main()
