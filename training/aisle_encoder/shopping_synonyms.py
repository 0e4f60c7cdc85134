"""Shopping words people use for catalog words: WordNet misses many ("kicks", "telly", "cans").

Each group is interchangeable in a query. Held-out groups are chosen by `split_groups` so the
synonym probe measures generalisation, not memorisation.
"""
import random

GROUPS = [
    ["sofa", "couch", "settee", "loveseat"], ["sneakers", "trainers", "kicks", "running shoes"],
    ["television", "tv", "telly"], ["headphones", "headset", "cans"], ["earbuds", "earphones", "in-ear headphones"],
    ["mug", "cup"], ["tumbler", "travel mug", "insulated cup"], ["pants", "trousers", "slacks"],
    ["sweater", "jumper", "pullover"], ["hoodie", "hooded sweatshirt"], ["t-shirt", "tee", "tshirt"],
    ["pajamas", "pyjamas", "pjs", "sleepwear"], ["jacket", "coat"], ["flats", "ballet flats"],
    ["heels", "pumps"], ["slippers", "house shoes"], ["sandals", "flip flops"],
    ["laptop", "notebook computer"], ["monitor", "display", "screen"], ["smartwatch", "fitness watch"],
    ["speaker", "bluetooth speaker", "boombox"], ["tablet", "ipad style tablet"], ["camera", "cam"],
    ["skillet", "frying pan", "fry pan"], ["dutch oven", "casserole pot"], ["knife", "blade"],
    ["dinnerware", "plates and bowls", "dishes"], ["coffee maker", "coffee machine", "brewer"],
    ["air fryer", "airfryer"], ["blender", "smoothie maker"], ["food storage", "containers", "tupperware"],
    ["utensils", "kitchen tools", "gadgets"], ["baking pan", "baking tray", "sheet pan"],
    ["rug", "carpet", "area rug"], ["curtains", "drapes"], ["throw pillow", "cushion", "accent pillow"],
    ["lamp", "light"], ["ceiling light", "pendant", "chandelier"], ["vase", "flower vase"],
    ["mirror", "looking glass"], ["wall art", "framed print", "poster"], ["basket", "storage basket", "bin"],
    ["comforter", "duvet", "doona"], ["blanket", "throw"], ["sheet set", "bed sheets", "bedding"],
    ["mattress", "bed mattress"], ["pillow", "bed pillow"], ["nightstand", "bedside table"],
    ["dresser", "chest of drawers"], ["bookcase", "bookshelf", "shelving"], ["armchair", "accent chair", "lounge chair"],
    ["coffee table", "cocktail table"], ["tv stand", "media console", "entertainment center"],
    ["sectional", "l-shaped sofa", "corner sofa"], ["bar stool", "counter stool"], ["dining table", "kitchen table"],
    ["desk", "workstation", "writing desk"], ["office chair", "desk chair", "task chair"],
    ["notebook", "journal", "planner"], ["pens", "ballpoints", "writing pens"], ["backpack", "rucksack", "daypack"],
    ["tent", "shelter"], ["sleeping bag", "sleep sack"], ["headlamp", "head torch"], ["lantern", "camp light"],
    ["grill", "barbecue", "bbq"], ["kayak", "canoe"], ["paddle board", "sup"],
    ["dog bed", "dog cushion"], ["leash", "lead"], ["collar", "dog collar"], ["cat tree", "cat tower", "cat condo"],
    ["litter box", "litter tray"], ["aquarium", "fish tank"], ["habitat", "cage", "hutch"],
    ["plush toy", "stuffed animal", "soft toy"], ["building set", "building blocks", "bricks"],
    ["board game", "tabletop game"], ["jigsaw puzzle", "puzzle"], ["scooter", "kick scooter"],
    ["toy car", "toy vehicle"], ["doll", "dolly"], ["yoga mat", "exercise mat"], ["weights", "dumbbells"],
    ["racket", "racquet"], ["ball", "football", "soccer ball"], ["bike light", "bicycle light"],
    ["skis", "ski set"], ["moisturizer", "moisturiser", "face cream"], ["sunscreen", "sunblock", "spf"],
    ["serum", "face serum"], ["cleanser", "face wash"], ["shampoo", "hair wash"], ["perfume", "fragrance", "scent"],
    ["lipstick", "lip color"], ["mascara", "eye makeup"], ["hair dryer", "blow dryer"],
    ["planter", "plant pot", "flower pot"], ["watering can", "hose"], ["seeds", "bulbs"],
    ["fertilizer", "plant food"], ["bird feeder", "bird table"], ["cheap", "affordable", "budget", "inexpensive"],
    ["kids", "children", "child"], ["women", "ladies", "womens"], ["men", "mens", "guys"],
    ["waterproof", "water resistant", "rainproof"], ["wireless", "cordless", "bluetooth"],
    ["big", "large", "oversized"], ["small", "compact", "mini"], ["comfy", "comfortable", "cozy"],
    ["grey", "gray"], ["navy", "dark blue"], ["beige", "tan", "sand"], ["walnut", "dark wood"],
]


def split_groups(holdout_fraction: float = 0.15, seed: int = 13) -> tuple[list[list[str]], list[list[str]]]:
    """Deterministic (train, held-out) split of whole synonym groups."""
    rng = random.Random(seed)
    order = list(range(len(GROUPS)))
    rng.shuffle(order)
    cut = int(len(GROUPS) * holdout_fraction)
    held = set(order[:cut])
    return [g for i, g in enumerate(GROUPS) if i not in held], [g for i, g in enumerate(GROUPS) if i in held]
