/** What Shoes products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const SHOES_PURPOSES = {
  lifestyleSneakers: {
    purposes: [
      'Comfortable for all-day walking, sightseeing and errands around town.',
      'Goes with jeans, dresses, shorts and [joggers|sweatpants].',
      'An everyday pair for students, commuters and city breaks.',
      'Easy to wear from the school run to a casual office.',
    ],
    purposesWhen: {
      'slip-on sneakers': ['No laces to tie, so they are quick to pull on and easy at airport security.'],
      kids: ['Made for running around the playground and scuffing through the park.'],
      'high-top sneakers': ['The high top gives ankles a little extra support and warmth.'],
      'with memory foam footbed': ['A memory foam footbed cushions long days on your feet.'],
    },
  },
  runningShoes: {
    purposes: [
      'Cushioned for road miles, parkrun and race training.',
      'A good pair for new runners starting a couch-to-5K plan.',
      'Breathable uppers keep feet cool on warm-weather runs.',
      'Also great for gym sessions, treadmill runs and brisk walks.',
      'Comfortable for nurses, shop staff and anyone on their feet all day.',
    ],
    purposesWhen: {
      'trail running shoes': ['Grippy soles hold on to muddy trails, gravel and forest paths.'],
      'with rock plate': ['A rock plate protects feet from sharp stones on trails.'],
      stability: ['Extra support helps runners whose feet roll inward.'],
      'with carbon plate': ['A carbon plate adds spring for race day and fast tempo runs.'],
      'with reflective details': ['Reflective details help drivers see you on early-morning and evening runs.'],
    },
  },
  ankleBoots: {
    purposes: [
      'Goes with jeans, dresses and tailored trousers through autumn and winter.',
      'Covers your ankles on chilly days without the bulk of a tall boot.',
      'Comfortable enough for walking around the city all day.',
      'Smart enough for the office, relaxed enough for the weekend.',
    ],
    purposesWhen: {
      'waterproof leather': ['Waterproof leather keeps feet dry through puddles and rainy commutes.'],
      waterproof: ['Made to handle wet pavements and surprise showers.'],
      'chelsea boots': ['Elastic sides make them quick to pull on and off on busy mornings.'],
      flat: ['A flat sole keeps them steady for long walks and cobbled streets.'],
      '3 in': ['A heel that takes you from the office to dinner and drinks.'],
      'with lug sole': ['A chunky lug sole grips on wet leaves and icy pavements.'],
    },
  },
  hikingBoots: {
    purposes: [
      'Ankle support and grip for rocky trails, muddy paths and day hikes.',
      'Made for backpacking trips, hill walks and long days in the countryside.',
      'Sturdy enough for dog walks across fields and forest paths in any season.',
      'Cushioned for long miles with a loaded pack.',
    ],
    purposesWhen: {
      'waterproof leather': ['Waterproof leather keeps feet dry through streams, bogs and wet grass.'],
      'with waterproof membrane': ['A waterproof membrane keeps out puddles and wet grass.'],
      'mid hikers': ['Lighter than a full boot for day hikes and summer trails.'],
      kids: ['Gives young hikers grip and support on family walks and school trips.'],
    },
  },
  rainSnowBoots: {
    purposes: [
      'Keeps feet dry in puddles, slush and wet grass.',
      'Ready for rainy school runs, muddy dog walks and days in the garden.',
      'Easy to pull on by the back door and wipe clean afterwards.',
      'A must-have for wet winters and muddy springs.',
    ],
    purposesWhen: {
      'snow boots': ['Warm and grippy for snow days, sledding and shoveling the drive.'],
      'winter boots': ['Keeps toes warm and steady on icy pavements and snowy walks.'],
      wellies: ['Festival, allotment and farm-ready wellies for the muddiest days.'],
      'rain boots': ['Made for splashing through puddles on the way to school or work.'],
      shearling: ['A shearling lining keeps toes warm on the coldest days.'],
      kids: ['Made for puddle-jumping, nature walks and muddy playgrounds.'],
    },
  },
  loafersOxfords: {
    purposes: [
      'Polished enough for the office, interviews and weddings.',
      'Comfortable for long days at work and evenings out.',
      'Finishes smart outfits for graduations, christenings and formal dinners.',
      'An easy upgrade from [trainers|sneakers] for smart-casual dress codes.',
    ],
    purposesWhen: {
      loafers: ['Slip them on with chinos or a suit; no laces to fuss with.'],
      'penny loafers': ['A classic slip-on for the office and summer weddings.'],
      'driving moccasins': ['Soft and flexible for driving, summer weekends and [holidays|vacations].'],
      oxfords: ['The classic partner for a suit at work, weddings and formal events.'],
      'derby shoes': ['Smart enough for a suit and relaxed enough for jeans.'],
      kids: ['Smart shoes for school, weddings and family occasions.'],
    },
  },
  heels: {
    purposes: [
      'Adds height and polish for weddings, parties and nights out.',
      'Finishes work outfits for meetings, presentations and interviews.',
      'Made for proms, graduations and special occasions.',
      'Goes with dresses, skirts and tailored trousers.',
    ],
    purposesWhen: {
      'block heels': ['A steady block heel that is easier to walk and dance in.'],
      'kitten heels': ['A small, comfortable lift for long days at the office.'],
      '4 in': ['A statement heel for evenings when you want extra height.'],
      'with ankle strap': ['The ankle strap keeps them secure on the dance floor.'],
    },
  },
  flats: {
    purposes: [
      'Comfortable all day at the office or on your feet in the city.',
      'Goes with dresses, jeans and work trousers.',
      'Easy to slip on for busy mornings and long travel days.',
      'A flat, comfortable choice for people who cannot get on with heels.',
    ],
    purposesWhen: {
      'mary janes': ['A strap across the foot keeps them on for school days and parties.'],
      kids: ['Smart shoes for school, parties and family occasions.'],
      'ballet flats': ['Light enough to slip in a bag as a change of shoes after a night in heels.'],
    },
  },
  sandals: {
    purposes: [
      'Keeps feet cool on hot days, beach trips and summer [holidays|vacations].',
      'Easy to slip on for barbecues, park days and trips to the shops.',
      'Packs flat in a suitcase for warm-weather getaways.',
      'Lets feet breathe during heatwaves and summer city breaks.',
    ],
    purposesWhen: {
      slides: ['Easy on and off for the pool, the beach and the gym showers.'],
      'flip-flops': ['For the beach, the pool and a quick walk to the shops in summer.'],
      'sport sandals': ['Secure straps for river walks, light hikes and days on the water.'],
      espadrilles: ['A summery pair for garden parties, weddings and seaside towns.'],
      cork: ['The cork footbed shapes to your foot for all-day comfort.'],
      kids: ['Easy for kids to put on themselves for the beach and the [paddling pool|splash pad].'],
    },
  },
  slippers: {
    purposes: [
      'Keeps feet warm on cold floors, tiles and chilly mornings.',
      '[Cosy|Cozy] for evenings on the sofa and for anyone whose feet get cold at night.',
      'A thoughtful gift for grandparents, new parents and people who work from home.',
      'Stops you padding around the house in cold socks all winter.',
    ],
    purposesWhen: {
      'with indoor-outdoor sole': ['A sturdy sole for popping outside to [take the bins out|take out the trash] or fetch the [post|mail].'],
      'house shoes': ['Supportive enough to wear around the house all day.'],
      shearling: ['Shearling keeps feet warm without getting sweaty.'],
      kids: ['Keeps little feet warm at bedtime and on cold mornings.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
