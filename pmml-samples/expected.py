#!/usr/bin/env python3
"""Computes the *.expected.csv files of the samples by hand, from the PMML 4.4 rules each sample exercises.

Nothing here reads PMML: every number is written out from the sample's structure, so the expectations are independent of
the engine. Run it after changing a sample: python3 pmml-samples/expected.py
"""
import csv, math, os

HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(x):
    """Numbers in shortest round-trip form, as pmml-score writes them."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float):
        return str(int(x)) if x == int(x) and abs(x) < 1e15 else repr(x)
    return str(x)


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + ["error"])
        for row in rows:
            w.writerow([fmt(v) for v in row])


def iris_tree():
    # TreeModel, missingValueStrategy=defaultChild, penalty 0.8; petal_width missing -> 1.3; petal_length in [0, 10].
    n1 = ("n1", "setosa", [50, 0, 0])
    n3 = ("n3", "versicolor", [0, 49, 5])
    n4 = ("n4", "virginica", [0, 1, 45])
    display = {"setosa": "Iris setosa", "versicolor": "Iris versicolor", "virginica": "Iris virginica"}
    order = ["setosa", "versicolor", "virginica"]

    def row(node, missing_steps):
        node_id, score, counts = node
        p = [c / sum(counts) for c in counts]
        confidence = p[order.index(score)] * 0.8 ** missing_steps
        return [score, display[score], node_id, *p, confidence, ""]

    rows = [
        row(n1, 0),                    # 1.4 < 2.45
        row(n3, 0),                    # 4.5, width 1.5 <= 1.75
        row(n4, 0),                    # 5.8, width 2.2 > 1.75
        row(n4, 1),                    # length missing: root's default child n2, then width 2.2 > 1.75
        row(n3, 0),                    # width missing, replaced by 1.3
        [None] * 7 + ["invalid"],      # 12.5 lies outside [0, 10]: returnInvalid
    ]
    write("iris-tree.expected.csv",
          ["species", "predicted", "node", "p_setosa", "p_versicolor", "p_virginica", "confidence"], rows)


def gbdt():
    # sum of three trees, Target rescaleFactor 0.5 and rescaleConstant -1.25, then logit.
    def tree1(age, income):
        if age < 30.5: return -0.4
        if income is not None and income > 50000: return 0.6
        return 0.1  # no true child (or income missing): returnLastPrediction

    def tree2(sector):
        return 0.3 if sector in ("public", "self") else 0.05

    def tree3(age):
        return 0.25 if age >= 60 else -0.125

    rows = []
    for age, income, sector in [(25, 30000, "private"), (45, 80000, "public"), (65, 20000, "self"), (40, None, "private"), (70, 120000, "public")]:
        margin = (tree1(age, income) + tree2(sector) + tree3(age)) * 0.5 + -1.25
        p1 = 1 / (1 + math.exp(-margin))
        p0 = 1 - p1
        rows.append([1 if p1 > p0 else 0, margin, p0, p1, ""])
    write("gbdt-ensemble.expected.csv", ["default", "margin", "probability(0)", "probability(1)"], rows)


def regression():
    def rooms_scaled(r):
        return (r - 1) / 4 if r <= 5 else 1 + (r - 5) * 0.5 / 4

    def band(age):
        return "new" if age < 10 else "recent" if age < 50 else "old"

    rows = []
    # area clamped to [10, 400]; rooms missing -> 3; an unknown city is invalid -> missing -> premium 0.
    for area, rooms, city, built in [(75, 3, "Paris", 1990), (120, 5, "Lyon", 2020), (500, 9, "Nantes", 1950),
                                     (45, None, "Marseille", 2000), (8, 2, "Paris", 2024)]:
        area = min(max(area, 10), 400)
        rs = rooms_scaled(3 if rooms is None else rooms)
        premium = {"Paris": 2.5, "Lyon": 1.25}.get(city, 0.0)
        age = 2025.0 - built
        y = -250000 + 90000 * math.log(area)
        y += 40000 * rs
        y += 60000 * premium
        y += -3 * age ** 2
        y += 25000 if band(age) == "new" else 0
        y += 12.5 * area * rs
        price = math.floor(max(y, 0) + 0.5)  # Target min=0, castInteger=round
        rows.append([float(price), float(price), price > 300000, f"{band(age)}/{rs:.2f}", ""])
    write("regression-transformations.expected.csv", ["price", "predicted_price", "expensive", "label"], rows)


def text():
    # Tokens: split on whitespace, trim punctuation, lower case; loved -> love, hated -> hate. Softmax over yes/no.
    docs = {
        "I loved it. Good sound and good battery!": dict(love=1, good=2, hate=0, not_good=0),
        "Not good: I hated the case.": dict(love=0, good=1, hate=1, not_good=1),
        "Love, love, LOVE.": dict(love=3, good=0, hate=0, not_good=0),
        "Meh; it's fine, I guess": dict(love=0, good=0, hate=0, not_good=0),
    }
    rows = []
    for tf in docs.values():
        y_yes = 0.5 + 2.0 * tf["love"] + 1.0 * tf["good"] - 2.5 * tf["hate"] - 2.0 * tf["not_good"]
        p_yes = math.exp(y_yes) / (math.exp(y_yes) + math.exp(0))
        rows.append(["yes" if p_yes > 0.5 else "no", p_yes, ""])
    write("text-sentiment.expected.csv", ["positive", "p_yes"], rows)


iris_tree()
gbdt()
regression()
text()
