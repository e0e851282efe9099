"""`govkg eval` scores exactly as the project's yardstick (../shared/tools/score.py) does."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from govkg.evaluate import evaluate, load_gold, overlap
from tests.conftest import shared_path


def perturbed(gold: dict, stem: str) -> dict:
    """A prediction that drops the first item of every list, changes one value and adds an extra."""
    pred = copy.deepcopy(gold)
    pred["source"] = stem + ".txt"
    for name, items in list(pred.items()):
        if isinstance(items, list) and items:
            pred[name] = items[1:] + [{**items[0], "title": "不存在的条例", "name": "不存在", "value": 987654,
                                       "text": "完全无关的文字内容", "person": "甲乙丙"}]  # fmt: skip
    pred["report"]["year"] = (pred["report"].get("year") or 0) + (1 if stem.startswith("00") else 0)
    return pred


@pytest.mark.parametrize("gold_dir", ["gold", "corpus/gold"])
def test_eval_agrees_with_score_py(tmp_path, gold_dir):
    gdir = shared_path(*gold_dir.split("/"))
    gold = load_gold(gdir)
    preds = [perturbed(g, stem) for stem, g in gold.items()]
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in preds), encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared_path("tools", "score.py")), str(gdir), str(pred_file), "--json"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    theirs = json.loads(done.stdout)
    totals, matched = evaluate(gold, preds)
    for name, t in totals.items():
        assert (t.tp, len(t.misses), len(t.extras)) == (theirs[name]["tp"], theirs[name]["fn"], theirs[name]["fp"]), name
    assert f"{matched}/{len(gold)}" == theirs["matched_reports"]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("深化放管服改革", "深化“放管服”改革", 1.0),
    ("加强行政执法监督", "完全不同的一句话", 0.0),
])  # fmt: skip
def test_overlap_ignores_quotes_and_counts_shared_bigrams(a, b, expected):
    assert overlap(a, b) == pytest.approx(expected)
