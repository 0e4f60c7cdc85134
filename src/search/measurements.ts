/**
 * Sizes that are measurements ('65"', '7 qt', '65L', '8x10 ft'), and the ways a shopper says them
 * ("65 inch", "7 quart", "65 litre", "8 by 10 feet"). A catalog writes a unit one way; shoppers
 * write it many ways, so each measured size gets a key for every spelling of its unit.
 */

/** Unit spellings, by the unit they mean. Grammar of measurement, not of any one catalog. */
const UNITS: Readonly<Record<string, readonly string[]>> = {
  in: ['"', '”', 'in', 'inch', 'inches'],
  ft: ["'", 'ft', 'foot', 'feet'],
  cm: ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'],
  mm: ['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'],
  qt: ['qt', 'quart', 'quarts'],
  l: ['l', 'liter', 'liters', 'litre', 'litres', 'ltr'],
  ml: ['ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres'],
  gal: ['gal', 'gallon', 'gallons'],
  lb: ['lb', 'lbs', 'pound', 'pounds'],
  oz: ['oz', 'fl oz', 'ounce', 'ounces', 'fluid ounce', 'fluid ounces'],
  kg: ['kg', 'kilo', 'kilos', 'kilogram', 'kilograms'],
  cup: ['cup', 'cups'],
};
const BY_SPELLING = new Map(Object.entries(UNITS).flatMap(([unit, spellings]) => spellings.map((s) => [s, unit] as const)));
const NUMBER = String.raw`\d+(?:\.\d+)?`;
// "65 in", '65"', "65-Inch" and "65 in." are one size: a space or hyphen before the unit, a full stop after it.
const MEASURE = new RegExp(String.raw`^(${NUMBER})(?:\s?x\s?(${NUMBER}))?[\s-]?(${[...BY_SPELLING.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\"']/g, '\\$&')).join('|')})\.?$`, 'i');

/** A size label read as a measurement, or undefined when it is not one ("M", "US 10", "Queen"). */
export function readMeasure(label: string): { numbers: string[]; unit: string } | undefined {
  const m = MEASURE.exec(label.trim().toLowerCase());
  if (!m) return undefined;
  return { numbers: [m[1]!, m[2]].filter((n): n is string => n !== undefined), unit: BY_SPELLING.get(m[3]!)! };
}

/**
 * The phrases a shopper may type for a measured size: '65"' → "65 inch", "65 inches", "65in"…;
 * '8x10 ft' → "8x10 feet", "8 by 10 ft"…. Words only (the query parser's tokens), no quote marks.
 */
export function measurePhrases(label: string): string[] {
  const measure = readMeasure(label);
  if (!measure) return [];
  const spellings = UNITS[measure.unit]!.filter((s) => /^[a-z ]+$/.test(s));
  const numbers = measure.numbers.length === 2
    ? [`${measure.numbers[0]}x${measure.numbers[1]}`, `${measure.numbers[0]} x ${measure.numbers[1]}`, `${measure.numbers[0]} by ${measure.numbers[1]}`]
    : [measure.numbers[0]!];
  return numbers.flatMap((n) => spellings.flatMap((s) => [`${n} ${s}`, `${n}${s}`]));
}
