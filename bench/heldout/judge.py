#!/usr/bin/env python3
"""Relevance judgments for the held-out queries, by meaning, over bench/heldout/catalog.jsonl.

Reads the query texts (bench/heldout/query-texts.tsv, written from the category names before any
product was looked at) and grades every product for every query with the rules below: a rule is a
leaf category and/or title patterns, judged by what the shopper means, never by what Aisle
returns. Grades: 3 exactly what was asked, 2 a good substitute, 1 related. A product takes the
highest grade of the rules it matches. After the rules, OVERRIDES holds per-product corrections
made on review. Writes bench/heldout/queries.jsonl. Standard library only.

    python3 bench/heldout/judge.py [--show h001,h002]   # --show prints the judged products
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Leaf categories by short name.
LEAF = {
    "KF": "Kitchen Faucets", "BF": "Bathroom Faucets", "PEX": "PEX Pipe & Fittings",
    "CU": "Copper Fittings & Valves", "TOI": "Toilet Parts & Seats", "FRP": "Faucet Repair Parts",
    "WH": "Water Heaters", "DRN": "Plungers, Augers & Drain Openers", "WIRE": "Building Wire",
    "SW": "Light Switches & Dimmers", "OUT": "Wall Outlets", "BULB": "LED Light Bulbs",
    "CORD": "Extension Cords & Power Strips", "DRILL": "Drills & Drivers", "SAW": "Power Saws",
    "SAND": "Sanders & Abrasives", "HAM": "Hammers & Mallets", "WR": "Wrenches",
    "SD": "Screwdrivers", "TAPE": "Tape Measures & Layout Tools", "LVL": "Levels",
    "IPAINT": "Wall Paint & Primer", "EXT": "Exterior Paint & Wood Stain", "PT": "Painting Tools",
    "CAULK": "Caulk & Sealants", "VINYL": "Vinyl Plank & Sheet Flooring", "TILE": "Floor & Wall Tile",
    "BASE": "Baseboard & Moulding", "SCREW": "Screws", "ANCH": "Anchors & Toggles", "NAIL": "Nails",
    "HINGE": "Door Hinges", "LOCK": "Door Knobs & Locks", "LUBE": "Lubricants & Penetrating Oils",
    "WS": "Weatherstripping & Draft Stoppers", "HOSE": "Garden Hoses & Reels",
    "NOZ": "Nozzles & Sprinklers", "MOW": "Lawn Mowers & Trimmers", "SHOV": "Shovels, Spades & Rakes",
    "PRUNE": "Pruning Tools",
}


def R(grade, cat=None, t=None, nt=None):
    """A rule: products in leaf `cat` (short name or list) whose title matches regex `t` and not `nt`."""
    return (grade, [cat] if isinstance(cat, str) else cat, t, nt)


GARDEN_HOSE = [R(3, "HOSE", r"Garden Hose"), R(2, "HOSE", r"Soaker"), R(1, "HOSE"),
               R(1, "NOZ", r"Nozzle|Quick Connect|Mender|Splitter")]
DRAIN_AUGER = [R(3, "DRN", r"Drum Drain Auger|Cordless Drain Auger"), R(2, "DRN", r"Toilet Auger|Jetter"),
               R(1, "DRN")]
BASEBOARD = [R(3, "BASE", r"Baseboard|Base Moulding"), R(2, "BASE", r"Cove Base"), R(1, "BASE")]
STRING_TRIMMER = [R(3, "MOW", r"String Trimmer"), R(1, "MOW", r"Trimmer Line|Edger"),
                  R(1, "PRUNE", r"Hedge Trimmer")]
DECK_STAIN = [R(3, "EXT", r"Exterior Wood Stain|Deck and Siding Stain"),
              R(2, "EXT", r"Fence and Shed|Waterproofing Wood Sealer"), R(1, "EXT")]
KITCHEN_FAUCET = [R(3, "KF", None, r"Bar Prep"), R(2, "KF", r"Bar Prep"), R(1, "BF"),
                  R(1, "FRP", r"Aerator|Cartridge")]
CORDLESS_DRILL = [R(3, "DRILL", r"Cordless.*(Drill/Driver|Hammer Drill)|Drill and Impact Driver Combo"),
                  R(2, "DRILL", r"Right Angle Drill|Impact Driver Kit"), R(1, "DRILL")]
DIMMER = [R(3, "SW", r"Dimmer"), R(1, "SW")]
EXT_CORD = [R(3, "CORD", r"Extension Cord"), R(1, "CORD")]
SCREWDRIVER_SET = [R(3, "SD", r"Set"), R(2, "SD", r"Multi-Bit|Ratcheting"), R(1, "SD", None, r"Voltage Tester")]
VINYL_PLANK = [R(3, "VINYL", r"Vinyl Plank"), R(2, "VINYL", r"Vinyl Sheet"), R(1, "VINYL"),
               R(1, "TILE", r"Wood Look")]
SILICONE_CAULK = [R(3, "CAULK", r"Silicone .*Caulk"), R(2, "CAULK", r"Tub and Tile|Siliconized"),
                  R(1, "CAULK", r"Caulk")]
FLAPPER = [R(3, "TOI", r"Flapper"), R(2, "TOI", r"Tank Repair Kit"), R(1, "TOI", r"Fill Valve|Flush Lever")]
LAWN_MOWER = [R(3, "MOW", r"Mower|Lawn Tractor", r"Blade"), R(1, "MOW", r"Mower Blade|Trimmer|Edger")]
DEADBOLT = [R(3, "LOCK", r"Deadbolt"), R(2, "LOCK", r"Smart Wi-Fi Door Lock"), R(1, "LOCK")]
HEDGE_TRIMMER = [R(3, "PRUNE", r"Hedge Trimmer"), R(2, "PRUNE", r"Hedge Shears"),
                 R(1, "PRUNE", r"Pruning Shears|Lopper")]
WATER_HEATER = [R(3, "WH")]

RULES = {
    # ---------------------------------------------------------------- keyword
    "h001": KITCHEN_FAUCET,
    "h002": [R(3, "KF", r"Pull-Down"), R(2, "KF", r"Pull-Out"), R(1, "KF")],
    "h003": [R(3, "BF"), R(1, "KF")],
    "h004": [R(3, "PEX", r"PEX-A Pipe|PEX-B Tubing"), R(1, "PEX"), R(1, "CU", r"Copper Pipe")],
    "h005": [R(3, "CU", r"Stop Valve|Ball Valve"), R(1, "NOZ", r"Shut-Off"), R(1, "CU", r"Sillcock")],
    "h006": FLAPPER,
    "h007": [R(3, "TOI", r"Fill Valve"), R(2, "TOI", r"Tank Repair Kit"), R(1, "TOI", r"Flapper|Supply Line")],
    "h008": [R(3, "TOI", r"Wax Toilet"), R(2, "TOI", r"Wax-Free"), R(1, "TOI", r"Bolt Kit")],
    "h009": [R(3, "TOI", r"Toilet Seat")],
    "h010": WATER_HEATER,
    "h011": DRAIN_AUGER,
    "h012": [R(3, "DRN", r"Toilet Plunger"), R(2, "DRN", r"Cup Sink|Toilet Auger"), R(1, "DRN", r"Plunger")],
    "h013": [R(3, "WIRE", r"12/2"), R(2, "WIRE", r"12/3|12-Gauge"), R(1, "WIRE")],
    "h014": DIMMER,
    "h015": [R(3, "OUT", r"GFCI"), R(1, "OUT")],
    "h016": [R(3, "BULB")],
    "h017": EXT_CORD,
    "h018": CORDLESS_DRILL,
    "h019": [R(3, "DRILL", r"Hammer Drill", r"SDS"), R(2, "DRILL", r"SDS-Plus"), R(1, "DRILL", r"Drill")],
    "h020": [R(3, "SAW", r"Circular Saw", r"Blade"), R(1, "SAW")],
    "h021": [R(3, "SAND", r"Random Orbit"), R(2, "SAND", r"Finishing Sander"), R(1, "SAND")],
    "h022": [R(3, "HAM", r"Claw Hammer"), R(2, "HAM", r"Framing Hammer"), R(1, "HAM")],
    "h023": [R(3, "WR", r"Adjustable Wrench"), R(1, "WR")],
    "h024": SCREWDRIVER_SET,
    "h025": [R(3, "TAPE", r"Tape Measure"), R(2, "TAPE", r"Long Tape|Laser Distance"), R(1, "TAPE")],
    "h026": [R(3, "LVL", r"Laser Level"), R(1, "LVL"), R(1, "TAPE", r"Laser Distance")],
    "h027": [R(3, "IPAINT", r"Ceiling Paint"), R(1, "IPAINT")],
    "h028": DECK_STAIN,
    "h029": [R(3, "PT", r"Roller(?! Extension)"), R(1, "PT")],
    "h030": SILICONE_CAULK,
    "h031": VINYL_PLANK,
    "h032": [R(3, "TILE", r"Subway"), R(1, "TILE")],
    "h033": BASEBOARD,
    "h034": [R(3, "SCREW", r"Deck Screws"), R(2, "SCREW", r"Stainless Steel .*Wood Screws"), R(1, "SCREW")],
    "h035": [R(3, "ANCH", r"Drywall Anchors|Wall Anchors|Toggle|Molly"), R(1, "ANCH")],
    "h036": [R(3, "HINGE", r"Door Hinge"), R(1, "HINGE")],
    "h037": DEADBOLT,
    "h038": GARDEN_HOSE,
    "h039": LAWN_MOWER,
    "h040": HEDGE_TRIMMER,
    # ---------------------------------------------------------------- synonym / regional
    "h041": [R(3, "WR", r"Combination Wrench Set"), R(2, "WR", r"Socket Wrench Set|Adjustable Wrench"), R(1, "WR")],
    "h042": GARDEN_HOSE,
    "h043": [R(3, "FRP", r"Faucet Washers"), R(2, "FRP", r"O-Ring"), R(1, "FRP")],
    "h044": BASEBOARD,
    "h045": KITCHEN_FAUCET,
    "h046": [R(3, "BF"), R(1, "KF")],
    "h047": [R(3, "ANCH", r"Plastic Wall Anchors"), R(2, "ANCH", r"Self-Drilling"), R(1, "ANCH")],
    "h048": [R(3, "WIRE", r"NM-B"), R(1, "WIRE")],
    "h049": DRAIN_AUGER,
    "h050": STRING_TRIMMER,
    "h051": STRING_TRIMMER,
    "h052": [R(3, "PRUNE", r"Pruning Shears|Pruner$|Hand Pruner"), R(2, "PRUNE", r"Snips"),
             R(1, "PRUNE", r"Lopper|Sharpening")],
    "h053": [R(3, "LVL", r"Box Beam Level|I-Beam Level|Torpedo Level"), R(2, "LVL", r"Digital Level|Post Level|Line Level"),
             R(1, "LVL")],
    "h054": [R(3, "CORD", r"Extension Cord"), R(2, "CORD", r"Power Strip")],
    "h055": [R(3, "SAW", r"Reciprocating Saw", r"Blade"), R(1, "SAW", r"Reciprocating|Jigsaw")],
    "h056": [R(3, "TOI", r"Tank Repair Kit"), R(2, "TOI", r"Fill Valve|Flapper"), R(1, "TOI", r"Flush Lever|Bolt Kit|Supply Line")],
    "h057": [R(3, "WS", r"Draft Stopper|Door Sweep"), R(2, "WS", r"Weatherstrip"), R(1, "WS")],
    "h058": [R(3, "IPAINT", r"White.*(Ceiling Paint|Interior Paint)|Ultra Pure White"), R(1, "IPAINT"),
             R(1, "EXT", r"White")],
    "h059": DECK_STAIN,
    "h060": [R(3, "CAULK", r"Caulk Gun"), R(1, "CAULK")],
    "h061": [R(3, "OUT", r"Outlet"), R(1, "OUT"), R(1, "CORD", r"Power Strip")],
    "h062": [R(3, "WR", r"Hex Key"), R(1, "SD", r"Torx")],
    "h063": [R(3, "CU", r"Sillcock"), R(1, "NOZ", r"Vacuum Breaker|Splitter|Timer")],
    "h064": [R(3, "VINYL", r"Vinyl Sheet"), R(2, "VINYL", r"Vinyl Plank"), R(1, "VINYL")],
    "h065": [R(3, "SCREW", r"Lag Screws"), R(1, "SCREW"), R(1, "ANCH", r"Wedge Anchors|Concrete Screws")],
    # ---------------------------------------------------------------- need
    "h066": [R(3, "LUBE", r"Multi-Use Lubricant|Household Oil|White Lithium Grease Spray"),
             R(2, "LUBE", r"Silicone Lubricant|Dry PTFE|Garage Door Lubricant"), R(1, "LUBE", r"Graphite|Penetrating")],
    "h067": [R(3, "TOI", r"Flapper|Fill Valve|Tank Repair Kit"), R(1, "TOI", r"Flush Lever|Supply Line")],
    "h068": [R(3, "FRP", r"Faucet Washers|Cartridge|Stem Repair Kit"),
             R(2, "FRP", r"O-Ring|Handle Puller|Plumber's Grease"), R(1, "FRP"), R(1, "WR", r"Basin Wrench")],
    "h069": [R(3, "WS", r"Door Sweep|Draft Stopper"), R(2, "WS", r"Door Jamb|Foam Weatherstrip"), R(1, "WS"),
             R(1, "CAULK", r"Expanding Foam")],
    "h070": [R(3, "ANCH", r"Toggle|Molly"), R(2, "ANCH", r"Picture Hanging|Self-Drilling"), R(1, "ANCH", r"Plastic Wall"),
             R(1, "TAPE", r"Stud Finder")],
    "h071": [R(3, "DRN", r"Hair Clog|Gel Drain"), R(2, "DRN", r"Drum Drain Auger|Cup Sink"),
             R(1, "DRN", r"Cordless Drain Auger|Enzyme")],
    "h072": [R(3, "DRN", r"Toilet Plunger|Toilet Auger"), R(1, "DRN", r"Cup Sink|Drum Drain|Gel Drain")],
    "h073": [R(3, "CAULK", r"Silicone .*Caulk|Tub and Tile"), R(2, "CAULK", r"Caulk Gun"),
             R(1, "CAULK", r"Caulk Remover|Siliconized")],
    "h074": [R(3, "TAPE", r"Tape Measure|Laser Distance"), R(2, "TAPE", r"Long Tape"), R(1, "TAPE", r"Carpenter's Rule|Measuring Wheel")],
    "h075": [R(3, "NOZ", r"Water Timer"), R(1, "NOZ", r"Sprinkler|Drip Irrigation"), R(1, "HOSE", r"Soaker")],
    "h076": [R(3, "PRUNE", r"Pole Saw"), R(1, "PRUNE", r"Lopper|Bow Saw|Pruning Saw")],
    "h077": [R(3, "LUBE", r"Penetrating Oil|Multi-Use Lubricant"), R(2, "LUBE", r"Rust Remover"),
             R(1, "LUBE", r"Anti-Seize"), R(1, "WR", r"Combination Wrench|Socket Wrench")],
    "h078": [R(3, "WH", r"Tankless"), R(1, "WH")],
    "h079": [R(3, "PT", r"Painter's Tape"), R(2, "PT", r"Angled Sash"), R(1, "PT", r"Flat Paint Brush")],
    "h080": [R(3, "EXT", r"Waterproofing Wood Sealer|Stain and Sealer"), R(2, "EXT", r"Deck and Siding Stain"),
             R(1, "EXT", r"Deck Cleaner|Fence and Shed")],
    "h081": [R(3, "TAPE", r"Stud Finder")],
    "h082": [R(3, "SD", r"Voltage Tester"), R(1, "TAPE", r"Stud Finder"), R(1, "SD", r"Insulated")],
    "h083": [R(3, "SHOV", r"Post Hole Digger"), R(2, "SHOV", r"Round Point Digging Shovel"),
             R(1, "SHOV", r"Trenching|Mattock|Spade")],
    "h084": [R(3, "WS", r"Shrink Film|V-Seal|Foam Weatherstrip"), R(2, "CAULK", r"Window and Door Caulk"),
             R(1, "CAULK", r"Expanding Foam"), R(1, "WS")],
    "h085": [R(3, "PT", r"Drop Cloth"), R(1, "PT", r"Painter's Tape")],
    # ---------------------------------------------------------------- attribute
    "h086": [R(3, "KF", r"Matte Black", r"Bar Prep"), R(2, "KF", r"Bar Prep.*Matte Black"), R(1, "KF"),
             R(1, "BF", r"Matte Black")],
    "h087": [R(3, "BF", r"Brushed Nickel"), R(1, "BF"), R(1, "KF", r"Brushed Nickel")],
    "h088": [R(3, "PEX", r"^3/4 in\. x"), R(2, "PEX", r"^3/4 in\."), R(1, "PEX")],
    "h089": [R(3, "HOSE", r"50 ft\..*Garden Hose|^50 ft\. Coil"), R(2, "HOSE", r"75 ft\..*Garden Hose"),
             R(1, "HOSE", r"Garden Hose|Soaker")],
    "h090": [R(3, "HOSE", r"100 ft\. Heavy-Duty Rubber"), R(2, "HOSE", r"100 ft\..*Garden Hose|Rubber Garden Hose"),
             R(1, "HOSE", r"Garden Hose")],
    "h091": [R(3, "DRILL", r"20V.*Cordless.*(Drill/Driver|Hammer Drill)|20V Cordless Drill and Impact"),
             R(2, "DRILL", r"20V.*Right Angle|20V Cordless 1/4 in\. Impact|12V Compact"), R(1, "DRILL")],
    "h092": [R(2, "SAW", r"Miter Saw"), R(1, "SAW", r"Table Saw|Circular Saw(?! Blade)")],
    "h093": [R(3, "LVL", r"^48 in\."), R(2, "LVL", r"^(72|78) in\. Aluminum"), R(1, "LVL")],
    "h094": [R(3, "TAPE", r"^25 ft\. .*Tape Measure"), R(2, "TAPE", r"^(8 m / 26|30|35) ft\..*Tape Measure"),
             R(1, "TAPE", r"Tape")],
    "h095": [R(3, "BULB", r"Daylight 5000K"), R(2, "BULB", r"Daylight"), R(1, "BULB")],
    "h096": [R(3, "WH", r"50 Gal\. .*Natural Gas"), R(2, "WH", r"40 Gal\. .*(Natural Gas|Propane)"),
             R(1, "WH")],
    "h097": [R(3, "CORD", r"^100 ft\..*(Outdoor)"), R(2, "CORD", r"^50 ft\..*Outdoor"), R(1, "CORD", r"Extension Cord")],
    "h098": [R(3, "SCREW", r"Stainless Steel .*Wood Screws"), R(2, "SCREW", r"Deck Screws"), R(1, "SCREW")],
    "h099": [R(3, "VINYL", r"^Gray .*Vinyl Plank"), R(2, "VINYL", r"Gray .*Vinyl Sheet"), R(1, "VINYL", r"Vinyl Plank")],
    "h100": [R(3, "TILE", r"White Ceramic Subway"), R(1, "TILE", r"Subway|White")],
    "h101": [R(3, "HINGE", r"Door Hinge.*Oil-Rubbed Bronze"), R(1, "HINGE", r"Door Hinge")],
    "h102": [R(3, "TOI", r"Elongated Soft-Close"), R(1, "TOI", r"Toilet Seat")],
    "h103": [R(3, "IPAINT", r"Sage Green Satin"), R(1, "IPAINT", r"Satin|Sage Green")],
    "h104": [R(3, "EXT", r"Cedar.*(Stain)"), R(2, "EXT", r"Cedar|Redwood.*Stain"), R(1, "EXT", r"Stain")],
    "h105": [R(3, "SAND", r"120-Grit"), R(2, "SAND", r"Sanding Discs|Sandpaper"), R(1, "SAND", r"Sanding Sponge|Random Orbit")],
    # ---------------------------------------------------------------- typo (same meaning as the clean query)
    "h106": KITCHEN_FAUCET,
    "h107": GARDEN_HOSE,
    "h108": CORDLESS_DRILL,
    "h109": DIMMER,
    "h110": EXT_CORD,
    "h111": [R(3, "HAM", r"Sledgehammer"), R(2, "HAM", r"Drilling Hammer"), R(1, "HAM")],
    "h112": SCREWDRIVER_SET,
    "h113": VINYL_PLANK,
    "h114": SILICONE_CAULK,
    "h115": [R(3, "WS", r"Weatherstrip|Door Sweep"), R(2, "WS", r"Draft Stopper"), R(1, "WS")],
    "h116": FLAPPER,
    "h117": LAWN_MOWER,
    "h118": DEADBOLT,
    "h119": HEDGE_TRIMMER,
    "h120": WATER_HEATER,
}

# Per-product corrections made on review of the rule output: query -> {product id: grade (0 drops it)}.
OVERRIDES = {
    # "Pruner" in the pole saw's title is a rope-pulled lopper on a pole, not a hand pruner.
    "h052": {"H0037": 1},
}


def leaf(p):
    return p["category"].split(" > ")[-1]


def matches(rule, p):
    _, cats, t, nt = rule
    if cats is not None and leaf(p) not in {LEAF[c] for c in cats}:
        return False
    if t is not None and not re.search(t, p["title"], re.I):
        return False
    if nt is not None and re.search(nt, p["title"], re.I):
        return False
    return True


def judge(rules, products):
    grades = {}
    for p in products:
        g = max((r[0] for r in rules if matches(r, p)), default=0)
        if g:
            grades[p["id"]] = g
    return grades


def load_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            qid, kind, text = line.rstrip("\n").split("\t")
            out.append({"id": qid, "query": text, "kind": kind})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", default=os.path.join(HERE, "catalog.jsonl"))
    ap.add_argument("--texts", default=os.path.join(HERE, "query-texts.tsv"))
    ap.add_argument("--out", default=os.path.join(HERE, "queries.jsonl"))
    ap.add_argument("--show", default="", help="comma-separated query ids (or 'all') to print with their judged products")
    args = ap.parse_args()
    with open(args.catalog, encoding="utf-8") as f:
        products = [json.loads(l) for l in f if l.strip()]
    by_id = {p["id"]: p for p in products}
    queries = load_queries(args.texts)
    missing = [q["id"] for q in queries if q["id"] not in RULES]
    if missing:
        sys.exit(f"no rules for {missing}")
    problems = []
    show = set(q["id"] for q in queries) if args.show == "all" else set(filter(None, args.show.split(",")))
    with open(args.out, "w", encoding="utf-8") as f:
        for q in queries:
            grades = judge(RULES[q["id"]], products)
            for pid, g in OVERRIDES.get(q["id"], {}).items():
                if pid not in by_id:
                    sys.exit(f"{q['id']}: override for unknown product {pid}")
                if g:
                    grades[pid] = g
                else:
                    grades.pop(pid, None)
            ordered = dict(sorted(grades.items(), key=lambda kv: (-kv[1], kv[0])))
            if not any(g >= 2 for g in ordered.values()):
                problems.append(q["id"])
            f.write(json.dumps({**q, "judgments": ordered}, ensure_ascii=False) + "\n")
            if q["id"] in show:
                print(f"\n{q['id']} [{q['kind']}] {q['query']}")
                for pid, g in ordered.items():
                    print(f"  {g} {pid} {by_id[pid]['title']}")
    if problems:
        sys.exit(f"queries without a product graded 2 or 3: {problems}")
    print(f"wrote {len(queries)} queries to {os.path.relpath(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
