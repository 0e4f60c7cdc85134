/** Word lists shared by several departments of the demo store. All names are invented. */

export const UPHOLSTERY_COLORS = [
  'ivory', 'cream', 'oatmeal', 'charcoal', 'slate gray', 'light gray', 'navy', 'sage', 'olive', 'terracotta',
  'rust', 'mustard', 'blush', 'emerald', 'camel', 'forest green', 'dusty rose', 'cognac',
];

export const WOOD_FINISHES = ['natural', 'walnut brown', 'espresso', 'honey', 'white', 'black', 'gray wash', 'light oak'];

export const APPAREL_COLORS = [
  'black', 'white', 'ivory', 'navy', 'charcoal', 'heather gray', 'sage', 'olive', 'terracotta', 'rust',
  'burgundy', 'camel', 'cream', 'sky blue', 'cobalt', 'blush', 'lavender', 'forest green', 'mustard',
  'chocolate brown', 'indigo', 'khaki',
];

export const TECH_COLORS = ['black', 'white', 'silver', 'graphite', 'space gray', 'midnight blue', 'sage', 'rose gold'];

export const BRIGHT_COLORS = [
  'red', 'orange', 'yellow', 'lime green', 'teal', 'cobalt', 'purple', 'pink', 'sky blue', 'coral', 'multicolor',
];

export const METAL_FINISHES = ['matte black', 'brushed brass', 'brushed nickel', 'chrome', 'antique bronze', 'gold'];

export const HOME_COLORS = [
  'ivory', 'cream', 'white', 'black', 'charcoal', 'sage', 'terracotta', 'navy', 'mustard', 'blush', 'rust',
  'olive', 'natural', 'sand', 'dusty blue', 'emerald',
];

export const OUTDOOR_COLORS = [
  'forest green', 'olive', 'navy', 'charcoal', 'orange', 'sand', 'slate gray', 'red', 'black', 'khaki',
  'mustard', 'teal', 'sky blue',
];

/** Invented model names; a suffix is sometimes added ("Kestrel Pro"). */
export const MODEL_NAMES = [
  'Aria', 'Haven', 'Juniper', 'Atlas', 'Solace', 'Harlow', 'Mesa', 'Orion', 'Willow', 'Nova', 'Vale',
  'Brook', 'Cove', 'Ember', 'Fable', 'Lark', 'Linden', 'Marlow', 'Pike', 'Quill', 'Rowan', 'Sable',
  'Tamsin', 'Umber', 'Vesper', 'Wren', 'Yarrow', 'Zephyr', 'Alder', 'Birch', 'Cedar', 'Dune', 'Elm',
  'Fjord', 'Grove', 'Halcyon', 'Iris', 'Jasper', 'Luna', 'Maple', 'Nori', 'Opal', 'Quarry', 'Ridge',
  'Sol', 'Tide', 'Upton', 'Verde', 'Wilder', 'Astra', 'Bexley', 'Calla', 'Flint', 'Gable', 'Hollis',
  'Indigo', 'Kestrel', 'Loma', 'Merritt', 'Sorrel', 'Talus', 'Wynn',
];

export const MODEL_SUFFIXES = ['', '', '', '', ' II', ' 2', ' 3', ' Pro', ' Plus', ' Mini', ' Max', ' Lite', ' 300', ' 500', ' X'];

/** Description sentences that fit any department. */
export const GENERIC_SENTENCES = [
  'Made by {brand}, a [favorite|go-to name|trusted label] for [thoughtful design|everyday quality|honest pricing].',
  'Reviewers [love|praise|often mention] its [value|quality|design|attention to detail].',
  'Ships [within two business days|in recyclable packaging|free on orders over $50].',
  'Backed by a [one-year|two-year|30-day satisfaction] guarantee from {brand}.',
  'A [reliable|thoughtful|welcome] gift for [birthdays|housewarmings|the holidays|anyone who has everything].',
  'The {model} [is one of|ranks among|has become one of] the most popular pieces in the {brand} range.',
  'Shown in {color}; [check the swatch before ordering|colors may vary slightly by screen].',
];
