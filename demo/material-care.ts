/** Care instructions by material, so a linen shirt and a cast-iron pan are looked after differently. */
import type { Random } from './random.ts';

const CARE: Record<string, string> = {
  cotton: 'Machine wash cold with like colors and tumble dry low.',
  'organic cotton': 'Machine wash cold and tumble dry low to limit shrinkage.',
  linen: 'Machine wash gentle and line dry; linen softens with every wash.',
  'merino wool': 'Hand wash cold or use a wool cycle, then lay flat to dry.',
  cashmere: 'Hand wash cold with a wool wash and lay flat to dry.',
  wool: 'Spot clean or dry clean; air it out between uses.',
  silk: 'Hand wash cold with a gentle detergent or dry clean.',
  velvet: 'Spot clean only; brush the pile gently to refresh it.',
  leather: 'Wipe with a soft, damp cloth and condition twice a year.',
  suede: 'Brush gently with a suede brush and keep away from standing water.',
  boucle: 'Vacuum regularly with a soft brush and blot spills quickly.',
  'performance fabric': 'Most spills wipe away with water; the fabric resists stains and pet hair.',
  oak: 'Dust with a dry cloth and use coasters under hot or wet items.',
  walnut: 'Dust with a dry cloth and re-oil the surface once a year.',
  marble: 'Wipe spills promptly; marble is porous and can etch.',
  rattan: 'Dust with a soft brush and keep away from radiators.',
  'stainless steel': 'Dishwasher safe, though hand washing keeps the finish brightest.',
  'cast iron': 'Hand wash, dry right away and rub with a little oil to keep the seasoning.',
  'enameled cast iron': 'Hand wash with warm water; avoid metal utensils on the enamel.',
  'carbon steel': 'Hand wash, dry on the stove and oil lightly after each use.',
  'recycled polyester': 'Machine wash cold and hang to dry to reduce microfiber shedding.',
  ceramic: 'Hand wash with warm water and dry right away.',
  stoneware: 'Dishwasher and microwave safe.',
  'soy wax': 'Trim the wick to 1/4 inch before each burn and never leave a candle unattended.',
  teak: 'Let it weather to silver, or oil it each spring to keep the honey tone.',
  'memory foam': 'Spot clean the foam; the cover unzips for washing.',
};

/** Care sentence for the product's first material, else one of the department's. */
export function careSentence(rng: Random, material: string | undefined, departmentCare: readonly string[]): string {
  const specific = material === undefined ? undefined : CARE[material];
  return specific ?? rng.pick(departmentCare);
}
