"""Shared vocabulary of the held-out catalog: finishes, colours, brands and the template record T."""

# ---------------------------------------------------------------------------------------------
# Shared option lists. An option value is text, or (text, price factor).
FAUCET_FINISHES = [("Stainless Steel", 1.0), ("Matte Black", 1.1), ("Chrome", 0.9),
                   ("Brushed Nickel", 1.05), ("Oil-Rubbed Bronze", 1.1), ("Brushed Gold", 1.2)]
HINGE_FINISHES = [("Satin Nickel", 1.0), ("Oil-Rubbed Bronze", 1.1), ("Matte Black", 1.1),
                  ("Polished Brass", 1.05), ("White", 0.9)]
DEVICE_COLORS = ["White", "Light Almond", "Ivory", "Black"]
PAINT_COLORS = ["Ultra Pure White", "Agreeable Gray", "Naval Blue", "Sage Green", "Warm Greige",
                "Tricorn Black", "Soft Blush"]
STAIN_COLORS = ["Cedar", "Redwood", "Chestnut Brown", "Natural Tone", "Slate Gray"]
PLANK_COLORS = ["Weathered Oak", "Honey Oak", "Gray Ash", "Rustic Hickory", "Dark Walnut",
                "Whitewashed Pine"]
TILE_COLORS = ["Carrara Marble Look White", "Slate Gray", "Beige Travertine Look",
               "Charcoal Concrete Look", "Ash Wood Look"]

BRANDS = {
    "Plumbing": ["Brookline", "AquaCrest", "Tidewell", "Fenmore"],
    "Electrical": ["Ampwell", "Lumetra", "Norcastle Electric", "Volterra"],
    "Tools": ["Ironhaven", "Torqline", "Ridgecraft", "Stanbridge"],
    "Paint": ["Covermaster", "Hollis & Pine", "TrueCoat"],
    "Flooring": ["Oakhurst Floors", "Terrastone", "Everplank"],
    "Hardware": ["Boltright", "Keystone Hardware", "Grip-Fast", "Hartwell"],
    "Doors & Windows": ["Snugseal", "Hartwell", "Keystone Hardware"],
    "Garden": ["Greenvale", "Yardwell", "Thornbury", "Meadowline"],
}
# Power tools wear their brand's colour.
TOOL_COLORS = {"Ironhaven": "Yellow", "Torqline": "Red", "Ridgecraft": "Teal", "Stanbridge": "Orange"}


def T(title, desc, price, opts=None, color=None, material=None, size=None, fn=None):
    """One product template: title and description patterns over the options, a price range."""
    return {"title": title, "desc": desc, "price": price, "opts": opts or {}, "color": color,
            "material": material, "size": size, "fn": fn}


# ---------------------------------------------------------------------------------------------
# Categories: path -> templates. Each template yields one product per combination of options.
