/** What Outdoor products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const OUTDOOR_PURPOSES = {
  tents: {
    purposes: [
      'A dry, sheltered place to sleep on camping weekends and at festivals.',
      'Keeps out wind, rain and bugs so you wake up rested.',
      'Ready for campsites, lakeside pitches and backyard sleepouts with the kids.',
      'Easy enough for first-time campers to pitch.',
    ],
    purposesWhen: {
      'backpacking tent': ['Light enough to carry on multi-day hikes and wild camping trips.'],
      ultralight: ['Every ounce counts on long trails, and this one barely registers in the pack.'],
      'instant tent': ['Pops up in about a minute, so you can get the kettle on sooner.'],
      '1-person': ['A snug solo shelter for hikers, cyclists and bikepackers.'],
      '4-person': ['Room for a small family, with space for bags and boots.'],
      '6-person': ['Sleeps the whole family or a group of friends on car-camping trips.'],
      '8-person': ['Space for big families and group trips, with room to stand and change.'],
      '4-season': ['Stands up to snow and strong winds for winter camping.'],
    },
  },
  sleepingBags: {
    purposes: [
      'A warm night’s sleep in the tent, the campervan or the cabin.',
      'Handy for sleepovers, festivals and guests sleeping on the floor.',
      'Zips up snug on cool nights under the stars.',
      'Rolls up to carry to the campsite, the scout hut or a friend’s house.',
    ],
    purposesWhen: {
      '0°F': ['Rated for freezing nights, winter camping and high mountains.'],
      '20°F': ['Warm enough for cold spring and fall nights outdoors.'],
      '50°F': ['A light bag for summer camping and warm festival nights.'],
      'mummy bag': ['The close, hooded shape keeps warmth in on cold nights.'],
      'down sleeping bag': ['Packs small and light for backpacking trips.'],
      'camp quilt': ['Opens flat as a blanket, ideal for side sleepers, hammocks and warm nights.'],
    },
  },
  campFurniture: {
    purposes: [
      'Packs down small to fit in the [car boot|trunk], a closet or the shed.',
      'Made for campsites, festivals, the beach and the [back garden|backyard].',
      'Adds comfort to camping trips without taking up much space.',
      'Handy to keep in the car for sideline sports, picnics and concerts in the park.',
    ],
    purposesWhen: {
      'camp chair': ['A comfy seat round the campfire or on the touchline.'],
      'folding chair': ['Extra seats for garden parties, picnics and when the family visits.'],
      'camp table': ['A level surface for cooking, eating and playing cards at camp.'],
      hammock: ['String it between two trees for an afternoon nap in the [garden|backyard] or at camp.'],
      'camp cot': ['Keeps you off the cold, hard ground, and doubles as a spare bed for guests.'],
    },
  },
  campKitchen: {
    purposes: [
      'Makes meals and drinks easy when you are away from a kitchen.',
      'Made for car camping, festivals, picnics and road trips.',
      'A smart addition to an emergency kit for [power cuts|power outages].',
      'Built to live in the [car boot|trunk] or the gear closet.',
    ],
    purposesWhen: {
      'camp stove': ['Boils water for the morning coffee and cooks dinner at the campsite.'],
      cookset: ['Pots, pans and cups nest together to save space in a pack or a car.'],
      cooler: ['Keeps drinks and food cold for beach days, barbecues and tailgates.'],
      'insulated cooler': ['Keeps ice frozen for days on long camping trips and fishing weekends.'],
      'water filter': ['Makes water from streams and lakes safe to drink on hikes and camping trips.'],
      titanium: ['Titanium is feather-light for backpacking and thru-hikes.'],
    },
  },
  backpacks: {
    purposes: [
      'Carries water, snacks and a spare layer on day hikes and days out.',
      'Padded straps keep it comfortable on long walks.',
      'Works as a travel bag, a school bag or a gym bag.',
      'Keeps gear organized on trails, trips and festivals.',
    ],
    purposesWhen: {
      'travel pack': ['Sized for carry-on, so you can skip the baggage carousel.'],
      'hydration pack': ['Sip water hands-free on runs, bike rides and hot hikes.'],
      'hiking pack': ['Carries everything for multi-day hikes and camping trips.'],
      daypack: ['Just right for a day on the trail or in a new city.'],
      'with laptop sleeve': ['The padded sleeve protects a laptop on the commute.'],
      'with rain cover': ['The rain cover keeps your gear dry in sudden showers.'],
      '65L': ['Room for a tent, a sleeping bag and food for several days.'],
    },
  },
  lights: {
    purposes: [
      'Light for campsites, [power cuts|power outages] and walking the dog after dark.',
      'A must for the camping box, the car and the emergency kit.',
      'Helps you find the tent, the path and the [loo|restroom] at night.',
      'Handy at home for the loft, the shed and under the sink.',
    ],
    purposesWhen: {
      headlamp: ['Keeps your hands free for night runs, pitching tents and fixing things in the dark.'],
      'camping lantern': ['Lights up the whole tent or picnic table.'],
      'rechargeable lantern': ['Recharges instead of eating batteries, ready for the next [power cut|outage].'],
      flashlight: ['A bright beam for checking the garden or finding the fuse box in the dark.'],
      'with red night mode': ['Red light keeps your night vision and will not wake the tent.'],
    },
  },
  patioFurniture: {
    purposes: [
      'Makes the most of summer evenings on the patio, balcony or deck.',
      'Turns the garden into another room for relaxing and entertaining.',
      'Built to live outside through sun and showers.',
      'A place to enjoy the morning coffee or a glass of wine outdoors.',
    ],
    purposesWhen: {
      'patio dining set': ['Seats friends and family for barbecues and long summer lunches outside.'],
      'outdoor sofa': ['An outdoor living room for lazy afternoons and evenings round the fire pit.'],
      'adirondack chair': ['Lean back by the fire pit, the lake or the garden.'],
      'chaise lounge': ['Stretch out for sunbathing by the pool or a nap in the garden.'],
      'patio chair': ['Extra seats for a balcony, a porch or a small garden.'],
      'with weather-resistant cushions': ['The cushions shrug off a summer shower.'],
    },
  },
  grills: {
    purposes: [
      'Made for barbecues on summer weekends, garden parties and family birthdays.',
      'Cooks burgers, steaks, kebabs and grilled vegetables outdoors.',
      'Keeps the cooking smells and heat out of the kitchen on hot days.',
      'Feeds a crowd for backyard get-togethers and game day.',
    ],
    purposesWhen: {
      'gas grill': ['Lights in seconds for quick weeknight grilling.'],
      'charcoal grill': ['Gives food a real smoky barbecue flavor.'],
      'pellet grill': ['Low-and-slow smoking for brisket, ribs and pulled pork.'],
      'portable grill': ['Small enough to take camping, to the beach or to a tailgate.'],
      'kamado grill': ['Grills, smokes and bakes pizza, all in one.'],
    },
  },
  outdoorLighting: {
    purposes: [
      'Makes the garden feel welcoming after dark.',
      'Sets the mood for summer evenings and parties outside.',
      'Lets you enjoy the patio or balcony long after sunset.',
      'A quick way to add light outdoors without digging or rewiring.',
    ],
    purposesWhen: {
      'string light set': ['Drapes over a pergola, fence or balcony for parties and evenings outside.'],
      'solar path light set': ['Lights the path to the front door for safer steps, charged by the sun.'],
      'solar spotlight': ['Shows off trees and plants, and lights dark corners to deter intruders.'],
      'outdoor lantern': ['A soft glow for porches, patios and garden tables.'],
      'with dusk-to-dawn sensor': ['Turns on at dusk and off at dawn, with nothing to remember.'],
    },
  },
  kayaks: {
    purposes: [
      'Explore lakes, rivers and calm coastlines at your own pace.',
      'A fun way to stay active on summer [holidays|vacations] and lake weekends.',
      'Stable and easy to learn on for beginners.',
      'Gets you to quiet spots for fishing, wildlife and swimming.',
    ],
    purposesWhen: {
      'inflatable kayak': ['Packs into a bag that fits in the [car boot|trunk], with no roof rack or garage needed.'],
      'inflatable paddle board': ['Rolls up for small [flats|apartments] and [car boots|trunks], then pumps up at the water.'],
      'paddle board': ['A full-body workout, and stable enough for yoga on calm water.'],
      'with paddle and pump': ['Comes with the paddle and pump, ready for the water.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
