/** What Furniture products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const FURNITURE_PURPOSES = {
  sofas: {
    purposes: [
      'Somewhere to [flop|put your feet up] after a long day and settle in for a [film|movie] or a [box set|new series].',
      'Gives the living room a proper place to gather, chat and catch up with friends.',
      'Comfortable enough for a Sunday nap, supportive enough to sit up with a laptop.',
      'A first proper sofa for a new [flat|apartment], a couple moving in together or a family upgrade.',
      'Gives guests a comfortable spot when friends come round.',
    ],
    purposesWhen: {
      'performance fabric': ['Made for real life with kids, dogs and cats, when spills, crumbs and muddy paws happen.'],
      leather: ['Leather wipes clean after sticky fingers and softens with age.'],
      velvet: ['Plush velvet makes it an inviting spot to curl up on cold evenings.'],
      loveseat: ['Compact enough for [small flats|studio apartments], bedrooms and reading corners where a full sofa will not fit.'],
      settee: ['A neat size for bay windows, hallways and smaller living rooms.'],
      'with removable cushion covers': ['The cushion covers come off for washing, handy with kids and pets.'],
    },
  },
  sectionals: {
    purposes: [
      'Room for the whole family to spread out for movie nights, game day and sleepovers.',
      'Tucks into a corner to make the most of an open-plan living room.',
      'The chaise end is made for stretching out with your feet up.',
      'Deep enough to lounge, nap or put up a friend who stays late.',
      'Defines the living area in an open-plan space or a big family room.',
    ],
    purposesWhen: {
      'modular sofa': ['The pieces can be rearranged or split up, handy when you move house or redecorate.'],
      'performance fabric': ['Stands up to kids, pets and spilled snacks on family movie nights.'],
      'with storage ottoman': ['The ottoman hides blankets, remotes and board games.'],
    },
  },
  armchairs: {
    purposes: [
      'A comfy spot for reading, a morning coffee or a quiet cup of tea.',
      'Fills an empty corner, bedroom or bay window with a place to sit.',
      'Extra seating for guests without the footprint of a sofa.',
      'Pair it with a floor lamp and a side table for a [cosy|cozy] reading nook.',
      'A good fit for small living rooms, bedrooms and nurseries.',
    ],
    purposesWhen: {
      'with swivel base': ['The swivel base turns from the TV to the conversation.'],
      'with matching ottoman': ['Put your feet up on the ottoman, or use it as extra seating.'],
      rattan: ['Light rattan suits sunrooms, conservatories and relaxed boho spaces.'],
      'lounge chair': ['A laid-back seat for long reads and afternoon naps.'],
    },
  },
  coffeeTables: {
    purposes: [
      'Keeps drinks, snacks, books and the remote within reach of the sofa.',
      'A place to set down a cup of tea, play board games or eat dinner in front of the TV.',
      'Anchors the living room and pulls the seating together.',
      'Gives plants, candles and coffee-table books a place to show off.',
    ],
    purposesWhen: {
      'with lift-top storage': ['The lift-top rises to laptop height, so it doubles as a desk in small [flats|apartments].'],
      'with lower shelf': ['The lower shelf keeps magazines, throws and games off the floor.'],
      'tempered glass': ['A glass top keeps a small room feeling open and light.'],
      'reclaimed wood': ['Reclaimed wood shrugs off the odd knock from toys and feet.'],
    },
  },
  tvStands: {
    purposes: [
      'Gives the TV a steady home at a comfortable viewing height.',
      'Gives game consoles, streaming boxes and soundbars a tidy spot below the screen.',
      'Extra storage for controllers, board games, DVDs and remotes.',
      'Suits gamers, film fans and families who gather round the TV.',
      'Works in living rooms, bedrooms, dens and playrooms.',
    ],
    purposesWhen: {
      'with cable management': ['Cable management hides the tangle of wires behind the TV.'],
      'with sliding doors': ['Sliding doors hide clutter and keep little hands away from the consoles.'],
      'media console': ['Low and long, with room for a soundbar and speakers.'],
    },
  },
  bookcases: {
    purposes: [
      'Gives books, records and plants a home instead of piles on the floor.',
      'Shows off photos, vinyl, plants and collectibles.',
      'Adds storage to a home office, kids’ room, hallway or spare room.',
      'Makes the most of wall space in small [flats|apartments].',
      'Keeps children’s picture books, toys and games tidy and easy to reach.',
    ],
    purposesWhen: {
      'with wall anchor kit': ['The wall anchor kit keeps it secure in homes with climbing toddlers and pets.'],
      etagere: ['Open shelves let light through, so it can divide a studio without blocking it.'],
      'with glass doors': ['Glass doors keep dust off treasured books and collections.'],
    },
  },
  beds: {
    purposes: [
      'Lifts the mattress off the floor and gives the bedroom a finished look.',
      'A steady base for a good night’s sleep, without wobbles when you turn over.',
      'A fresh start for a first home, a teenager’s room or a guest room.',
      'Sets the tone for a calm, restful bedroom.',
    ],
    purposesWhen: {
      'platform bed': ['No box spring needed: the frame supports the mattress directly.'],
      'upholstered bed': ['The padded headboard makes reading or watching TV in bed comfortable.'],
      'canopy bed': ['Drape fabric or fairy lights over the frame for a dreamy, hotel-style feel.'],
      'with storage drawers': ['Drawers underneath hold spare bedding and out-of-season clothes in small bedrooms.'],
    },
  },
  dressers: {
    purposes: [
      'Keeps clothes folded and out of sight so the bedroom stays tidy.',
      'Extra storage for [jumpers|sweaters], socks and bedding in small bedrooms.',
      'Works in nurseries too, for baby clothes, muslins and [nappies|diapers].',
      'The top doubles as a spot for a mirror, a lamp or a small TV.',
      'Gives each child their own drawers in a shared room.',
    ],
    purposesWhen: {
      'with anti-tip kit': ['An anti-tip kit keeps it safely fixed to the wall in homes with young children.'],
      tallboy: ['Tall and narrow, it stores a lot without taking up much floor space.'],
      'with soft-close drawers': ['Soft-close drawers shut quietly, so you will not wake a sleeping partner or baby.'],
    },
  },
  nightstands: {
    purposes: [
      'Keeps a lamp, phone, glasses and a glass of water within reach of the bed.',
      'The drawer hides chargers, books, hand cream and other bedside clutter.',
      'A handy spot for an alarm clock, a baby monitor or a night light.',
      'Also works as a small side table in a hallway or beside the sofa.',
    ],
    purposesWhen: {
      'with USB charging port': ['The built-in USB port charges your phone overnight without cables trailing to the wall.'],
      'bedside table': ['Sized to sit neatly beside a double or a single bed.'],
    },
  },
  diningTables: {
    purposes: [
      'Brings everyone to the table for family dinners, homework and board games.',
      'Room for Sunday roasts, birthday dinners and [takeaway|takeout] nights with friends.',
      'Doubles as a desk when you work from home.',
      'The heart of the kitchen or dining room, for breakfasts, crafts and long conversations.',
    ],
    purposesWhen: {
      'extendable dining table': ['Extends for holidays and dinner parties, then tucks back down for everyday meals.'],
      'with butterfly leaf': ['The butterfly leaf makes room for extra guests at holiday dinners.'],
      'kitchen table': ['Fits an eat-in kitchen for quick breakfasts and after-school snacks.'],
    },
  },
  diningChairs: {
    purposes: [
      'Comfortable seating for long dinners, homework and working from the kitchen table.',
      'Adds seats for guests at holiday dinners and birthday parties.',
      'Easy to pull up to a dining table, desk or kitchen island.',
      'Replaces wobbly or mismatched chairs in one go.',
    ],
    purposesWhen: {
      'molded plastic': ['Wipe-clean seats cope with toddlers, spills and messy family dinners.'],
      'upholstered dining chair': ['A padded seat keeps long dinners and board-game nights comfortable.'],
      'with padded seat': ['The padded seat stays comfortable through long dinners.'],
    },
  },
  barStools: {
    purposes: [
      'Turns a kitchen island or breakfast bar into a spot for quick breakfasts and morning coffee.',
      'Lets friends perch and chat while you cook.',
      'Extra seats for a home bar, a counter or a high table.',
      'Slim seating for small kitchens where a dining table will not fit.',
    ],
    purposesWhen: {
      'swivel stool': ['Swivels round to talk to the room without shuffling the stool.'],
      adjustable: ['The seat height adjusts for kids and adults, and for counter or bar height.'],
      'with footrest': ['A footrest keeps legs comfortable during long chats at the counter.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
