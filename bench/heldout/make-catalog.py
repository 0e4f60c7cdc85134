#!/usr/bin/env python3
"""Held-out home-improvement catalog for Aisle's retrieval benchmark.

Writes bench/heldout/catalog.jsonl: 500 products of an invented big-box home-improvement store
(plumbing, electrical, tools, paint, flooring, fasteners and door hardware, garden) in 40 leaf
categories. Nothing here is taken from the demo store or the encoder's training data; the brands
are invented. Standard library only, and deterministic: the same seed writes the same file.

    python3 bench/heldout/make-catalog.py [--out bench/heldout/catalog.jsonl] [--seed 20240611]
"""
import argparse
import itertools
import json
import os
import random

from catalog_data import *  # noqa: F401,F403 (the vocabulary, kept apart from the drawing code)


SEED = 20240611
TOTAL = 500


def opt_text(value):
    return value[0] if isinstance(value, tuple) else value


def opt_factor(value):
    return value[1] if isinstance(value, tuple) else 1.0


def expand(template):
    """Every product one template can make: (values, price factor) per combination of options."""
    names = list(template["opts"])
    combos = itertools.product(*(template["opts"][n] for n in names)) if names else [()]
    out = []
    for combo in combos:
        values = {n: opt_text(v) for n, v in zip(names, combo)}
        factor = 1.0
        for v in combo:
            factor *= opt_factor(v)
        if template["fn"]:
            values.update(template["fn"](values))
        out.append((values, factor))
    return out


def store_price(rng, lo, hi, factor):
    """A shelf price: somewhere in the range, scaled, ending in .97, .98 or .00."""
    raw = (lo + rng.random() * (hi - lo)) * factor
    whole = max(1, int(raw))
    cents = rng.choice([0.97, 0.98, 0.0]) if whole >= 10 else rng.choice([0.47, 0.97, 0.98])
    return round(whole + cents, 2)


def make_products(seed=SEED, total=TOTAL):
    rng = random.Random(seed)
    n_cat = len(CATEGORIES)
    base, extra = divmod(total, n_cat)
    extra_cats = set(rng.sample(range(n_cat), extra))
    products = []
    for ci, (path, templates) in enumerate(CATEGORIES):
        quota = base + (1 if ci in extra_cats else 0)
        department = path.split(" > ")[0]
        brands = BRANDS[department]
        pools = []
        for t in templates:
            pool = expand(t)
            rng.shuffle(pool)
            pools.append((t, pool))
        chosen = []
        seen_titles = set()
        # Round-robin over the templates so every kind of product appears before any repeats.
        while len(chosen) < quota:
            progressed = False
            for t, pool in pools:
                if len(chosen) >= quota:
                    break
                while pool:
                    values, factor = pool.pop()
                    title = t["title"].format(**values)
                    if title not in seen_titles:
                        seen_titles.add(title)
                        chosen.append((t, values, factor, title))
                        progressed = True
                        break
            if not progressed:
                raise SystemExit(f"{path}: only {len(chosen)} distinct products for a quota of {quota}")
        for t, values, factor, title in chosen:
            brand = rng.choice(brands)
            lo, hi = t["price"]
            product = {
                "title": title,
                "description": t["desc"].format(**values),
                "brand": brand,
                "category": path,
                "price": store_price(rng, lo, hi, factor),
                "currency": "USD",
            }
            if department == "Tools" and path.split(" > ")[1] == "Power Tools" and "Blade" not in title \
                    and "Sanding" not in title and "Sandpaper" not in title and "Sponge" not in title:
                product["color"] = TOOL_COLORS[brand]
            for field in ("color", "material", "size"):
                if t[field]:
                    product[field] = t[field].format(**values)
            products.append(product)
    # Shuffle the store order so ids say nothing about the category, then number them.
    rng.shuffle(products)
    ordered = []
    for i, p in enumerate(products, start=1):
        ordered.append({"id": f"H{i:04d}", **p})
    return ordered


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "catalog.jsonl"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    products = make_products(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for p in products:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    cats = {p["category"] for p in products}
    print(f"wrote {len(products)} products in {len(cats)} categories to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
