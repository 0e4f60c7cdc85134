/** What Apparel products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const APPAREL_PURPOSES = {
  tShirts: {
    purposes: [
      'An easy everyday layer for errands, the school run or lounging at home.',
      'Stays comfortable on hot summer days and long travel days.',
      'Wear it on its own in summer or under a shirt, cardigan or jacket when it turns cool.',
      'A go-to for weekends, casual Fridays and [holidays|vacations].',
      'Light enough to roll up and pack in a weekend bag.',
    ],
    purposesWhen: {
      kids: ['Tough enough for playground days and easy to throw in the wash.'],
      'pocket tee': ['The chest pocket holds sunglasses or a pen.'],
      'organic cotton': ['Soft organic cotton is gentle on sensitive skin.'],
      linen: ['Linen keeps you cool in heatwaves and on beach [holidays|vacations].'],
    },
  },
  shirts: {
    purposes: [
      'Smart enough for the office, relaxed enough for the weekend.',
      'Works for meetings, job interviews, dinners out and family gatherings.',
      'Roll up the sleeves for a more casual look on warmer days.',
      'Layers over a tee or under a [jumper|sweater] as the weather changes.',
    ],
    purposesWhen: {
      'flannel shirt': ['A warm layer for chilly autumn days, bonfires and cabin weekends.'],
      'cotton flannel': ['Brushed flannel keeps the chill off on cold mornings and fall hikes.'],
      linen: ['Keeps you cool in hot weather, on summer [holidays|vacations] and at outdoor weddings.'],
      'camp shirt': ['A relaxed short-sleeve shirt for beach [holidays|vacations], barbecues and summer evenings.'],
      overshirt: ['Wear it open over a tee as a light jacket on in-between days.'],
      'oxford shirt': ['A classic for the office and smart-casual occasions.'],
    },
  },
  sweaters: {
    purposes: [
      'Keeps you warm on chilly mornings, in [draughty|drafty] offices and on cold commutes.',
      'Layers over a shirt for work or a tee at the weekend.',
      '[Cosy|Cozy] enough for winter evenings on the sofa and walks in crisp weather.',
      'A warm layer to pack for autumn city breaks and ski trips.',
      'A thoughtful winter gift for anyone who always feels the cold.',
    ],
    purposesWhen: {
      cardigan: ['Buttons up over a dress or shirt when the office air conditioning is too cold.'],
      turtleneck: ['The high neck keeps the wind off without a scarf.'],
      'merino wool': ['Merino is warm without bulk and does not hold on to smells, so it is great for travel.'],
      cashmere: ['Soft, light cashmere for people who find wool too itchy.'],
      kids: ['Warm for school mornings and winter playtime.'],
    },
  },
  hoodies: {
    purposes: [
      'Throw-on warmth for school runs, lazy Sundays and early-morning dog walks.',
      'Comfortable for lounging at home, movie nights and long car journeys.',
      'A warm-up layer before and after the gym, runs and practice.',
      'A campus favorite for students, teens and anyone who works from home.',
    ],
    purposesWhen: {
      hoodie: ['Pull the hood up against a chilly breeze or a light drizzle.'],
      'zip hoodie': ['Zips open when you warm up, closed when the wind picks up.'],
      'with kangaroo pocket': ['The kangaroo pocket keeps hands warm and a phone close.'],
      'with thumbholes': ['Thumbholes keep the sleeves down over cold hands on winter runs.'],
    },
  },
  jeans: {
    purposes: [
      'Everyday jeans for work, weekends and everything in between.',
      'Dress them up with a blazer or down with [trainers|sneakers].',
      'Hard-wearing enough for DIY, gardening and days out with the kids.',
      'A wardrobe staple for students, commuters and weekend wanderers.',
    ],
    purposesWhen: {
      'stretch denim': ['Stretch lets you bend, sit and cycle in comfort all day.'],
      'selvedge denim': ['Fades with wear into a pair that is uniquely yours.'],
      'high': ['A high rise stays put and tucks in neatly.'],
      'wide-leg jeans': ['A relaxed, roomy leg that is comfortable for long days.'],
    },
  },
  pants: {
    purposes: [
      'Comfortable for long days at a desk, travel days and weekend plans.',
      'A versatile pair that goes from weekday to weekend.',
      'Easy to move in, whether you are running after the kids or running for the train.',
      'A dependable pair for students, commuters and travellers.',
    ],
    purposesWhen: {
      chinos: ['Smart-casual chinos for the office, a dinner out or a weekend away.'],
      joggers: ['Comfortable for lounging, long flights and the school run.'],
      'cargo pants': ['Roomy pockets hold a phone, keys and snacks on walks and at festivals.'],
      'pleated trousers': ['Smart enough for work, interviews and weddings.'],
      trousers: ['Polished enough for the office and evenings out.'],
      linen: ['Linen keeps you cool in hot weather and on summer [holidays|vacations].'],
      corduroy: ['Warm corduroy for chilly autumn days and winter weekends.'],
    },
  },
  shorts: {
    purposes: [
      'Keeps you cool on hot days, beach trips and summer [holidays|vacations].',
      'For summer barbecues, park days and festivals.',
      'Easy to pack for a beach break or a warm-weather city trip.',
      'Comfortable for weekend errands when the weather warms up.',
    ],
    purposesWhen: {
      'running shorts': ['Light and quick to move in for runs, gym sessions and hot-weather walks.'],
      'linen shorts': ['Breezy linen for heatwaves and [holiday|vacation] evenings.'],
      kids: ['Made for running around at the playground, the beach and summer camp.'],
      'with liner': ['The built-in liner means no extra layer is needed for runs and swims.'],
    },
  },
  dresses: {
    purposes: [
      'One easy piece for work, weddings, date nights and [holidays|vacations].',
      'A whole outfit in one go for busy mornings.',
      'Dress it up with heels or down with sandals and [trainers|sneakers].',
      'Packs easily for weekends away and summer trips.',
    ],
    purposesWhen: {
      silk: ['Fluid silk for evening events, parties and wedding guest outfits.'],
      satin: ['A satin sheen for parties, celebrations and nights out.'],
      'maxi dress': ['Long and flowing for beach [holidays|vacations], garden parties and summer weddings.'],
      linen: ['Breathable linen stays cool in heatwaves and on hot city breaks.'],
      kids: ['Easy to move in for parties, family photos and twirling around the [garden|yard].'],
      'with pockets': ['Yes, it has pockets, for a phone, keys or a lip balm.'],
    },
  },
  skirts: {
    purposes: [
      'Goes from the office to drinks with a quick change of shoes.',
      'Pairs with a tee for weekends or a blouse and tights for work.',
      'An easy piece for parties, dinners and days out.',
      'Works year-round with bare legs in summer and tights in winter.',
    ],
    purposesWhen: {
      corduroy: ['Warm corduroy for autumn and winter with tights and boots.'],
      'wool blend': ['A warm wool blend for cold office days.'],
      kids: ['Made for twirling, school days and birthday parties.'],
    },
  },
  jackets: {
    purposes: [
      'The layer to grab on the way out when it turns chilly.',
      'Fits over a tee or a light [jumper|sweater] without feeling bulky.',
      'Pockets keep a phone, keys and a travel card close on the commute.',
      'Easy to throw on for dog walks, school runs and weekend plans.',
    ],
    purposesWhen: {
      'rain jacket': ['Keeps you dry on rainy commutes, school runs and festival weekends.'],
      waterproof: ['Rain and wind stay out, so a downpour does not cancel your plans.'],
      'puffer jacket': ['Warm for cold mornings, winter walks and cheering from the touchline.'],
      insulated: ['Insulation keeps the cold out on winter walks and frosty mornings.'],
      'denim jacket': ['An easy layer for spring and fall evenings.'],
      'waxed cotton': ['Waxed cotton sheds drizzle and wind on country walks.'],
      packable: ['Packs into its own pocket for travel and changeable weather.'],
      kids: ['Sturdy enough for playgrounds, school trips and muddy parks.'],
    },
  },
  coats: {
    purposes: [
      'Keeps you warm on cold commutes, winter walks and waits at the bus stop.',
      'Room to layer a [jumper|sweater] or a suit jacket underneath.',
      'A coat for the whole cold season, from the first frosty morning to early spring.',
      'A winter staple for commuters, students and dog walkers.',
    ],
    purposesWhen: {
      parka: ['A warm parka for snow, sleet and long dog walks in winter.'],
      'trench coat': ['Made for showery spring and autumn days in the city.'],
      peacoat: ['Smart and warm over office clothes or weekend layers.'],
      overcoat: ['Long enough to cover a suit, so it suits the office and formal events.'],
      'wool coat': ['Warm wool for cold, dry winter days in the city.'],
      kids: ['Warm for the walk to school and snowy weekends.'],
    },
  },
  socks: {
    purposes: [
      'Keeps feet comfortable from the morning commute to the evening.',
      'Helps stop rubbing and blisters on long days on your feet.',
      'Tops up the sock drawer when pairs keep disappearing in the wash.',
      'A small, useful gift and a classic stocking [filler|stuffer].',
    ],
    purposesWhen: {
      'wool socks': ['Warm wool for cold feet at night, chilly floors and winter walks.'],
      'merino wool': ['Merino keeps feet warm, dry and fresh, even on long travel days.'],
      'hiking socks': ['Cushioned for long hikes and walks in boots.'],
      'dress socks': ['Thin enough for smart shoes at the office and weddings.'],
      'ankle socks': ['Sits low under [trainers|sneakers] for the gym and summer days.'],
      'with cushioned sole': ['The cushioned sole softens every step for people who stand all day.'],
    },
  },
  hatsScarves: {
    purposes: [
      'An easy way to finish an outfit on the way out the door.',
      'Small enough to stash in a bag or coat pocket.',
      'Pack it for [holidays|vacations], festivals and weekends away.',
      'An easy gift for teens, students and grandparents.',
    ],
    purposesWhen: {
      beanie: ['Keeps ears warm on cold commutes, winter walks and at the ski lift.'],
      'knit hat': ['A warm hat for frosty mornings and snowy days.'],
      scarf: ['Keeps the wind off your neck on cold, blustery days.'],
      'bucket hat': ['Shades your face from the sun at festivals, the beach and in the garden.'],
      'baseball cap': ['Keeps the sun out of your eyes on runs, at games and on bad hair days.'],
    },
  },
  leggings: {
    purposes: [
      'Stretchy enough for yoga, the gym, runs and lounging.',
      'Stays put when you bend, squat and stretch.',
      'Comfortable for long flights, travel days and working from home.',
      'Pairs with an oversized hoodie for errands and the school run.',
    ],
    purposesWhen: {
      'running tights': ['Made for runs in cool weather, from early mornings to winter evenings.'],
      'bike shorts': ['For cycling, hot-weather workouts and under dresses in summer.'],
      'yoga pants': ['Soft and flexible for yoga, pilates and stretching at home.'],
      'squat-proof': ['Squat-proof fabric stays opaque through every lunge and deadlift.'],
      'with hidden key pocket': ['The hidden pocket holds a key or a card on runs.'],
    },
  },
  pajamas: {
    purposes: [
      'Comfortable for sleeping, lazy weekend mornings and working from home.',
      'Soft on the skin for a better night’s sleep.',
      'Easy to pack for hospital stays, sleepovers and weekends away.',
      'A thoughtful gift for new parents, birthdays and Christmas Eve.',
    ],
    purposesWhen: {
      flannel: ['Warm flannel for cold winter nights and chilly bedrooms.'],
      silk: ['Cool, smooth silk for hot sleepers and warm summer nights.'],
      'cotton poplin': ['Crisp, breathable cotton for people who run warm at night.'],
      robe: ['Wrap up after a shower or bath, or on cold mornings before the heating kicks in.'],
      kids: ['Soft and easy to move in for bedtime stories and sleepovers.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
