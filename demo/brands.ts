/** Invented brand names of the demo store, each tied to the 1–3 departments it sells in. */

/** A fictional brand and the departments it sells in. */
export interface DemoBrand {
  name: string;
  departments: string[];
}

/** [name, ...departments]. Names are invented; any likeness to a real company is accidental. */
const TABLE: readonly (readonly string[])[] = [
  ['Northwind Home', 'Furniture', 'Home Decor'], ['Lumen & Oak', 'Furniture', 'Home Decor'],
  ['Alder & Pine', 'Furniture', 'Bedding'], ['Harbor Loft', 'Furniture'],
  ['Fernhill Living', 'Furniture', 'Home Decor'], ['Copperline Studio', 'Furniture', 'Home Decor', 'Office'],
  ['Stillwater Design', 'Furniture', 'Office'], ['Oakhaven', 'Furniture', 'Bedding'],
  ['Marrow & Vale', 'Furniture', 'Home Decor'], ['Quiet Grove', 'Furniture', 'Bedding', 'Home Decor'],
  ['Hearthline', 'Furniture', 'Kitchen'], ['Bramble Street', 'Home Decor', 'Bedding'],
  ['Saltmarsh Co.', 'Home Decor', 'Bedding', 'Outdoor'], ['Linden Row', 'Furniture', 'Bedding'],
  ['Tidewater Textiles', 'Bedding', 'Home Decor'], ['Cloudrest', 'Bedding'],
  ['Slumberfield', 'Bedding'], ['Dovetail & Drift', 'Furniture', 'Home Decor'],
  ['Greystone Goods', 'Home Decor', 'Kitchen'], ['Wickerly', 'Furniture', 'Outdoor', 'Home Decor'],
  ['Acme', 'Kitchen', 'Office', 'Toys'], ['Cast & Copper', 'Kitchen'],
  ['Fennel & Fig', 'Kitchen'], ['Ironbridge Kitchen', 'Kitchen'],
  ['Saffron Table', 'Kitchen', 'Home Decor'], ['Brightpan', 'Kitchen'],
  ['Kettle & Crumb', 'Kitchen'], ['Pantrywell', 'Kitchen'],
  ['Sharpstone Cutlery', 'Kitchen', 'Outdoor'], ['Morning Ritual Co.', 'Kitchen', 'Beauty'],
  ['Hollowell Ceramics', 'Kitchen', 'Home Decor'], ['Threadwell', 'Apparel'],
  ['Harbor Thread', 'Apparel', 'Bedding'], ['Juniper & Ash', 'Apparel', 'Shoes'],
  ['Northbound Supply', 'Apparel', 'Outdoor'], ['Marlowe Knitwear', 'Apparel'],
  ['Common Loom', 'Apparel', 'Bedding'], ['Fieldnote Apparel', 'Apparel'],
  ['Vesta Collective', 'Apparel', 'Beauty'], ['Sundry Standard', 'Apparel'],
  ['Kinwear', 'Apparel', 'Sports'], ['Little Sprout', 'Apparel', 'Toys'],
  ['Tall Grass Denim', 'Apparel'], ['Cobbled Lane', 'Apparel', 'Shoes'],
  ['Meridian Wool Co.', 'Apparel', 'Outdoor'], ['Parkside Basics', 'Apparel', 'Sports'],
  ['Stride & Co.', 'Shoes'], ['Quickmile', 'Shoes', 'Sports'],
  ['Cobblestone Shoe Co.', 'Shoes'], ['Soleward', 'Shoes'],
  ['Trailbent', 'Shoes', 'Outdoor'], ['Amberly', 'Shoes', 'Apparel'],
  ['Pace Theory', 'Shoes', 'Sports'], ['Heel & Hearth', 'Shoes'],
  ['Softstride', 'Shoes'], ['Kip & Lace', 'Shoes', 'Apparel'],
  ['Voltmere', 'Electronics'], ['Lumina Audio', 'Electronics'],
  ['Arcwave', 'Electronics'], ['Pixelforge', 'Electronics', 'Toys'],
  ['Falconer Labs', 'Electronics', 'Office'], ['Nimbus Tech', 'Electronics', 'Office'],
  ['Ohmly', 'Electronics'], ['Brightbyte', 'Electronics', 'Toys'],
  ['Soundfield', 'Electronics'], ['Quanta Gear', 'Electronics', 'Sports'],
  ['Halo Circuit', 'Electronics'], ['Skylark Audio', 'Electronics'],
  ['Tessellate', 'Electronics', 'Office'], ['Paperwing', 'Office'],
  ['Deskcraft', 'Office', 'Furniture'], ['Inkwell & Co.', 'Office'],
  ['Ledgerline', 'Office'], ['Worksmith', 'Office', 'Furniture'],
  ['Studio Nine', 'Office', 'Home Decor'], ['Quillmark', 'Office'],
  ['Posture Lab', 'Office', 'Furniture'], ['Ridgeline Outfitters', 'Outdoor', 'Sports'],
  ['Campfire & Co.', 'Outdoor'], ['Summit Trail', 'Outdoor', 'Shoes'],
  ['Pine Hollow Gear', 'Outdoor'], ['Basecamp Standard', 'Outdoor', 'Apparel'],
  ['Riverbend Outdoors', 'Outdoor'], ['Starlit Camp', 'Outdoor', 'Toys'],
  ['Coastline Leisure', 'Outdoor', 'Furniture'], ['Granite Peak', 'Outdoor', 'Sports'],
  ['Greenthumb Supply', 'Garden'], ['Potting Shed Co.', 'Garden'],
  ['Wildflower & Wren', 'Garden', 'Home Decor'], ['Terracotta Row', 'Garden', 'Home Decor'],
  ['Rootstock Tools', 'Garden'], ['Meadowlark Garden', 'Garden', 'Outdoor'],
  ['Fernleaf', 'Garden', 'Home Decor'], ['Trowel & Twine', 'Garden'],
  ['Apex Motion', 'Sports'], ['Ironvale Fitness', 'Sports'],
  ['Kinetic Supply', 'Sports', 'Electronics'], ['Vantage Athletics', 'Sports', 'Apparel'],
  ['Flowstate Yoga', 'Sports', 'Apparel'], ['Courtside Supply', 'Sports', 'Shoes'],
  ['Tempo Athletic', 'Sports', 'Apparel', 'Shoes'], ['Gritworks', 'Sports'],
  ['Breakaway Sports', 'Sports', 'Toys'], ['Tumbleweed Toys', 'Toys'],
  ['Bright Blocks', 'Toys'], ['Wonderwhit', 'Toys'],
  ['Puzzlewick', 'Toys'], ['Marble & Moss', 'Toys', 'Home Decor'],
  ['Tiny Harbor', 'Toys', 'Apparel'], ['Sprocket & Spark', 'Toys', 'Electronics'],
  ['Cuddlebug', 'Toys', 'Pets'], ['Paper Moon Games', 'Toys'],
  ['Little Lantern', 'Toys', 'Bedding'], ['Lumiere Botanica', 'Beauty'],
  ['Fern & Fable', 'Beauty', 'Home Decor'], ['Dewdrop Skin', 'Beauty'],
  ['Velvet Theory', 'Beauty'], ['Saltwater Apothecary', 'Beauty', 'Home Decor'],
  ['Pure Meadow', 'Beauty', 'Pets'], ['Glowhaus', 'Beauty'],
  ['Rosewater Lane', 'Beauty'], ['Clearcove', 'Beauty'],
  ['Bare Botanist', 'Beauty', 'Garden'], ['Happy Tails Co.', 'Pets'],
  ['Whisker & Paw', 'Pets'], ['Barkwell', 'Pets'],
  ['Furrow & Fetch', 'Pets', 'Outdoor'], ['Tailwind Pet', 'Pets'],
  ['Purrfect Perch', 'Pets'], ['Good Boy Goods', 'Pets'],
  ['Scout & Sable', 'Pets', 'Apparel'], ['Finch & Feather', 'Pets', 'Garden'],
  ['Everyday Edit', 'Home Decor', 'Kitchen', 'Office'], ['Maple & Mason', 'Furniture', 'Kitchen'],
  ['Bluebird Basics', 'Apparel', 'Bedding', 'Toys'], ['Cinder & Sage', 'Home Decor', 'Beauty'],
  ['Driftwood Supply', 'Outdoor', 'Home Decor'], ['Solstice Living', 'Furniture', 'Outdoor', 'Garden'],
  ['True North Gear', 'Outdoor', 'Sports', 'Electronics'], ['Holloway & Finch', 'Apparel', 'Shoes'],
  ['Crescent Bay', 'Bedding', 'Beauty'], ['Mosswood', 'Garden', 'Furniture'],
  ['Orchard House', 'Kitchen', 'Garden'], ['Silverline', 'Electronics', 'Kitchen'],
  ['Kindred Craft', 'Home Decor', 'Toys'], ['Goldfinch Studio', 'Home Decor', 'Office'],
  ['Hearth & Loom', 'Bedding', 'Home Decor'], ['Atlas Works', 'Office', 'Electronics', 'Sports'],
  ['Paloma Lane', 'Apparel', 'Beauty'], ['Wayfarer Goods', 'Outdoor', 'Apparel', 'Shoes'],
  ['Pebble & Pine', 'Toys', 'Bedding'], ['Cobalt Street', 'Electronics', 'Apparel'],
];

/** Every demo brand, in a fixed order. */
export const DEMO_BRANDS: readonly DemoBrand[] = TABLE.map(([name, ...departments]) => ({
  name: name as string,
  departments,
}));

/** Brand names by department, in the order of DEMO_BRANDS. */
export function brandsByDepartment(): Map<string, string[]> {
  const byDepartment = new Map<string, string[]>();
  for (const brand of DEMO_BRANDS) {
    for (const department of brand.departments) {
      const names = byDepartment.get(department) ?? [];
      names.push(brand.name);
      byDepartment.set(department, names);
    }
  }
  return byDepartment;
}
