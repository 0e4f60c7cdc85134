/** The simulator's knobs (README in this folder explains each); the defaults give a store's rough proportions. */

export interface ShopperParams {
  /** Share of shoppers already shopping on the first day; the rest arrive evenly over the period. */
  presentAtStart: number;
  /** Mean sessions per shopper per day; each shopper's own rate is this times a log-normal factor (sd 0.6). */
  sessionsPerDay: number;
  /** Departments a shopper cares for, and leaf categories within each: [min, max]. */
  departments: readonly [number, number];
  leavesPerDepartment: readonly [number, number];
  /** Favourite colours: [min, max]. */
  colours: readonly [number, number];
  /** Chance a favourite category comes with a favourite brand. */
  brandLoyalty: number;
  /** Spread of shoppers' price levels: sd of ln(preferred price / category median). */
  priceSpread: number;
  /** Scales all drift (0: tastes never change). Per day: chance to swap a category, a colour, a brand; sd of the price walk. */
  drift: number;
  leafSwapPerDay: number;
  colourSwapPerDay: number;
  brandSwapPerDay: number;
  priceWalkPerDay: number;
  /** Examination falls with position as 1 / position^positionBias. */
  positionBias: number;
  /** Products shown per search (the first page): impressions at positions 1..pageSize. */
  pageSize: number;
  /** Utility weights: favourite category, brand, colour, size (fits +, does not fit −), price (per ln unit off the level), rating (per star above 4). */
  weights: { leaf: number; brand: number; colour: number; size: number; price: number; rating: number };
  /** sd of the per-impression noise added to a product's utility. */
  noise: number;
  /** Click probability once examined = sigmoid(sharpness · (utility − clickBar)); clicks at random add randomClick. */
  sharpness: number;
  clickBar: number;
  randomClick: number;
  /** At most this many clicks per search. */
  maxClicks: number;
  /** A clicked product opens its page with this chance (detail_view). */
  detailView: number;
  /** Added to the cart with sigmoid(sharpness · (utility − cartBar)); bought from the cart with buyFromCart. */
  cartBar: number;
  buyFromCart: number;
  /** Chance a search goes to a category outside the shopper's tastes (a gift, curiosity). */
  explore: number;
  /** Chance of another search in the same session (a refinement or another need); at most maxSearches. */
  searchAgain: number;
  maxSearches: number;
  /** Chance a session revisits a product seen before (a detail view with no search) instead of searching. */
  revisit: number;
  /** Chance a query names a colour, a brand, a size, a budget. */
  queryColour: number;
  queryBrand: number;
  querySize: number;
  queryBudget: number;
}

const DEFAULTS: ShopperParams = {
  presentAtStart: 0.5,
  sessionsPerDay: 0.18,
  departments: [1, 3],
  leavesPerDepartment: [1, 3],
  colours: [1, 3],
  brandLoyalty: 0.7,
  priceSpread: 0.45,
  drift: 1,
  leafSwapPerDay: 0.03,
  colourSwapPerDay: 0.015,
  brandSwapPerDay: 0.015,
  priceWalkPerDay: 0.03,
  positionBias: 0.9,
  pageSize: 24,
  weights: { leaf: 0.8, brand: 1.2, colour: 1.0, size: 0.8, price: 1.2, rating: 0.4 },
  noise: 0.6,
  sharpness: 2.2,
  clickBar: 1.4,
  randomClick: 0.01,
  maxClicks: 3,
  detailView: 0.8,
  cartBar: 2.0,
  buyFromCart: 0.55,
  explore: 0.1,
  searchAgain: 0.4,
  maxSearches: 4,
  revisit: 0.12,
  queryColour: 0.2,
  queryBrand: 0.12,
  querySize: 0.1,
  queryBudget: 0.1,
};

export const DEFAULT_SHOPPER_PARAMS: Readonly<ShopperParams> = Object.freeze(DEFAULTS);
