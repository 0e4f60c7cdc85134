/** What Kitchen products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const KITCHEN_PURPOSES = {
  skillets: {
    purposes: [
      'Fries eggs, sears steak and crisps up potatoes for quick weeknight dinners.',
      'Made for pancakes, fry-ups and toasted sandwiches at weekend brunch.',
      'Goes from [hob|stovetop] to oven, so a frittata or cornbread can finish under the heat.',
      'A hard-working everyday pan for students, first kitchens and keen home cooks.',
      'Sized for browning onions, stir-fries and one-pan suppers on busy evenings.',
    ],
    purposesWhen: {
      'cast iron': ['Holds heat for a proper crust on steak and smash burgers, and can even go on a campfire grill.'],
      'carbon steel': ['Gets blazing hot for stir-fries and searing, like the pans in restaurant kitchens.'],
      'ceramic nonstick': ['Eggs, fish and pancakes slide right off with a little oil, and it wipes clean in seconds.'],
      nonstick: ['Eggs and delicate fish release easily, so cooking with less oil is simple.'],
      'griddle pan': ['Puts char lines on steak, halloumi and vegetables when it is too wet for the barbecue.'],
    },
  },
  pots: {
    purposes: [
      'Simmers soups, stews and chili for the whole family.',
      'Cooks pasta, rice and porridge every day of the week.',
      'Good for batch cooking on a Sunday: make a big pot, then freeze portions for busy weeknights.',
      'Goes on the [hob|stovetop] and into the oven, so slow braises can cook low and gentle.',
      'A kitchen staple for first homes, student houses and anyone learning to cook.',
    ],
    purposesWhen: {
      'dutch oven': ['Bakes crusty no-knead bread and keeps a pot roast tender for hours.'],
      cocotte: ['Slow-cooks casseroles and bakes a crusty loaf of bread.'],
      stockpot: ['Roomy enough for stock, a big batch of chili, corn on the cob or a lobster boil.'],
      saucepan: ['Just the size for sauces, boiled eggs, custard and heating up soup.'],
      braiser: ['Its wide, shallow base browns meat well before a slow braise in the oven.'],
      'with steamer insert': ['The steamer insert cooks vegetables and dumplings over simmering water.'],
    },
  },
  cookwareSets: {
    purposes: [
      'Everything you need to kit out a first kitchen, student [flat|apartment] or new home in one go.',
      'Replaces a mismatched, scratched collection with pots and pans that work together.',
      'Cook pasta, sauce and vegetables at the same time for family dinners and Sunday lunches.',
      'A generous wedding, housewarming or moving-in gift.',
      'Covers everyday cooking, from boiling eggs to a pan of fried rice.',
    ],
    purposesWhen: {
      'with stackable design': ['Nests together to save cupboard space in small kitchens, [caravans|RVs] and boats.'],
      'with detachable handles': ['Detachable handles let pans go from [hob|stovetop] to oven to fridge and stack flat.'],
    },
  },
  bakingPans: {
    purposes: [
      'For birthday cakes, holiday baking and weekend bakes with the kids.',
      'Bakes evenly so edges and middles come out done at the same time.',
      'Handy for bake sales, school fairs and bring-a-dish parties.',
      'A good start for new bakers and a reliable workhorse for seasoned ones.',
    ],
    purposesWhen: {
      'baking sheet': ['Roasts vegetables, bakes cookies and makes one-tray dinners for busy weeknights.'],
      'sheet pan': ['Made for sheet-pan dinners: chicken and vegetables on one tray, with little washing up.'],
      'cake pan': ['Bakes layer cakes for birthdays, anniversaries and celebration bakes.'],
      'loaf pan': ['Bakes banana bread, sandwich loaves and meatloaf.'],
      'muffin pan': ['Bakes muffins and cupcakes, or mini egg cups for grab-and-go breakfasts.'],
    },
  },
  knives: {
    purposes: [
      'Makes chopping onions, slicing tomatoes and carving the roast quicker and easier.',
      'A sharp knife is a safer knife: it cuts cleanly without slipping or crushing food.',
      'An upgrade for home cooks tired of blunt knives.',
      'A thoughtful gift for new cooks, newlyweds and anyone setting up a first kitchen.',
      'Balanced in the hand for meal prep, from dicing vegetables to trimming meat.',
    ],
    purposesWhen: {
      'bread knife': ['Slices crusty sourdough and soft sandwich bread without squashing it.'],
      'paring knife': ['Peels and trims fruit, hulls strawberries and does the small jobs a big knife cannot.'],
      'knife set': ['Covers every cutting job in a first kitchen, from bread to vegetables to fruit.'],
      'chef knife': ['The everyday knife for chopping vegetables, herbs and meat.'],
      'santoku knife': ['Slices vegetables, fish and meat thinly for stir-fries and salads.'],
    },
  },
  coffeeMakers: {
    purposes: [
      'Good coffee at home, without the coffee shop queue or price.',
      'Gets busy weekday mornings going and makes slow weekend mornings even better.',
      'A welcome addition to a home office, shared kitchen or [holiday let|vacation rental].',
      'A thoughtful gift for coffee lovers, new homeowners and anyone who lives on caffeine.',
    ],
    purposesWhen: {
      'coffee maker': ['Brews a full pot for the household, guests or the office.'],
      'espresso machine': ['Pulls espresso for lattes, flat whites and cappuccinos at home.'],
      'French press': ['No paper filters and no plug needed, so it travels to cabins and campsites too.'],
      'cold brew maker': ['Makes smooth iced coffee for hot summer days; brew overnight and keep it in the fridge.'],
      'pour-over coffee maker': ['A slow, hands-on brew for people who enjoy the morning coffee ritual.'],
    },
  },
  blenders: {
    purposes: [
      'Whizzes up smoothies, soups, sauces and dips in seconds.',
      'Handy for protein shakes after the gym and quick breakfasts on the go.',
      'Purees homemade baby food and soups for little ones.',
      'Helps get more fruit and vegetables into busy days.',
    ],
    purposesWhen: {
      'personal blender': ['Blend in the cup you drink from, ready for the commute or the gym bag.'],
      'immersion blender': ['Blends soup right in the pot, so there is less washing up.'],
      'high-speed blender': ['Crushes ice and frozen fruit, and turns nuts into nut butter.'],
    },
  },
  airFryers: {
    purposes: [
      'Crispy [chips|fries], wings and roast vegetables with little or no oil.',
      'Heats up faster than a full-size oven, saving time and energy on weeknights.',
      'Reheats leftovers and pizza so they come out crisp, not soggy.',
      'A great fit for small kitchens, student [flats|apartments], dorms and busy families.',
    ],
    purposesWhen: {
      'dual-basket air fryer': ['Two baskets cook chicken and fries at the same time, so dinner is ready together.'],
      'toaster oven': ['Toasts bagels, bakes small batches and cooks for one or two without heating the big oven.'],
      'air fryer oven': ['Roomy enough for a whole chicken or a family tray bake.'],
    },
  },
  mugs: {
    purposes: [
      'For the morning coffee, afternoon tea or a drink at your desk.',
      'A practical gift for teachers, colleagues and secret Santa.',
      'Sized for everyday drinking at home, in the office or on the go.',
      'Easy to grab on busy mornings on the way to work or school.',
    ],
    purposesWhen: {
      mug: ['Holds a proper cup of tea or coffee for slow mornings and long work calls.'],
      'travel mug': ['Carries coffee on the commute and the school run without spills.'],
      'insulated tumbler': ['Keeps iced drinks cold and coffee hot for hours, on road trips and long shifts.'],
      tumbler: ['Takes iced coffee, smoothies and water from the kitchen to the car.'],
      'water bottle': ['Helps you drink more water at the gym, in class and on hikes.'],
      'with leakproof lid': ['The leak-proof lid means no spills in a work bag or school bag.'],
    },
  },
  dinnerware: {
    purposes: [
      'Everyday plates and bowls for family dinners, [takeaway|takeout] nights and dinner parties.',
      'Sets the table for a first home, a student house or a wedding registry.',
      'Replaces chipped and odd plates with a set that matches.',
      'Plenty of pieces for hosting friends and family at the holidays.',
    ],
    purposesWhen: {
      melamine: ['Shatter-resistant, so it suits kids, picnics, camping and eating in the [garden|backyard].'],
      'bone china': ['Elegant enough for special occasions, holiday dinners and afternoon tea.'],
      'bowl set': ['Deep bowls for cereal, ramen, soups and salads.'],
    },
  },
  foodStorage: {
    purposes: [
      'Keeps food fresher for longer and cupboards tidy.',
      'Cuts down on food waste, [cling film|plastic wrap] and single-use bags.',
      'Helps meal preppers, busy families and students stay organized.',
      'Matching pieces stack neatly in small kitchens.',
    ],
    purposesWhen: {
      'meal prep container set': ['Packs lunches for work or school and portions out meals for the week.'],
      'food storage set': ['Stores leftovers in the fridge and freezer so nothing gets forgotten.'],
      'canister set': ['Keeps flour, sugar, coffee and tea fresh and within reach on the counter.'],
      'pantry jar set': ['Decants pasta, rice, cereal and snacks so you can see when you are running low.'],
      'borosilicate glass': ['Glass goes from fridge to microwave, handy for reheating lunch at work.'],
    },
  },
  utensils: {
    purposes: [
      'Everyday kitchen essentials for first [flats|apartments], students and keen cooks.',
      'Makes weeknight cooking and weekend baking a little easier.',
      'A useful housewarming or wedding gift that gets used every day.',
      'Replaces worn-out tools with ones that are pleasant to use.',
    ],
    purposesWhen: {
      'utensil set': ['Every spoon, turner and ladle you need in one go, ready for a utensil crock by the [hob|stove].'],
      spatula: ['Flips pancakes and burgers and scrapes every bit of batter from the bowl.'],
      'cutting board': ['Gives you a steady surface for chopping, and doubles as a board for cheese and bread.'],
      whisk: ['Beats eggs, pancake batter and lump-free sauces and gravy.'],
      'mixing bowl set': ['For mixing cake batter, tossing salads and marinating meat.'],
      silicone: ['Silicone will not scratch nonstick pans.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
