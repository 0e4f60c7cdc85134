/** What Home Decor products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const HOME_DECOR_PURPOSES = {
  tableLamps: {
    purposes: [
      'Soft, warm light for reading, winding down in the evening and [cosy|cozy] living rooms.',
      'Brightens dark corners that the ceiling light does not reach.',
      'Just plug it in: no electrician needed, which makes it ideal for renters.',
      'Gentler on the eyes than a harsh overhead light late at night.',
    ],
    purposesWhen: {
      'bedside lamp': ['Lets you read in bed without lighting up the whole room or waking a partner.'],
      'desk lamp': ['Lights up homework, crafts and paperwork at a desk.'],
      'buffet lamp': ['Adds a glow to a sideboard, a console table or a hallway.'],
      'with dimmer switch': ['The dimmer takes it from bright reading light to a soft night light.'],
      'with USB port': ['A built-in USB port charges your phone beside the bed or sofa.'],
    },
  },
  floorLamps: {
    purposes: [
      'Brightens a dark living room corner or reading nook.',
      'Lights a room that has no ceiling light, with no rewiring, which makes it great for rentals.',
      'Pair it with an armchair for a reading spot for book lovers.',
      'Takes up no table space, so it suits small rooms and busy surfaces.',
    ],
    purposesWhen: {
      'arc lamp': ['Arcs over the sofa to light it from above without a ceiling fitting.'],
      'torchiere lamp': ['Bounces light off the ceiling to brighten the whole room.'],
      'with reading light': ['An extra reading light points exactly where you need it.'],
      'with foot switch': ['Turn it on with a tap of your foot when your hands are full.'],
    },
  },
  ceilingLights: {
    purposes: [
      'Lights up the whole room, from kitchens to hallways to dining rooms.',
      'Swaps out a bare bulb or a dated fitting for something you love.',
      'Sets the mood for dinners and gives you bright light for everyday jobs.',
      'A quick way to refresh a room without redecorating.',
    ],
    purposesWhen: {
      'pendant light': ['Hangs over a kitchen island or dining table to light meals and homework.'],
      chandelier: ['A statement piece for a dining room, stairwell or high-ceilinged hall.'],
      'flush mount light': ['Sits close to the ceiling, ideal for low ceilings, hallways and kids’ rooms.'],
      'semi-flush ceiling light': ['Hangs just below the ceiling for rooms too low for a pendant.'],
      'with dimmable LEDs': ['Dimmable LEDs go from bright and practical to soft and relaxed.'],
    },
  },
  areaRugs: {
    purposes: [
      'Warms up cold hard floors underfoot, especially on winter mornings.',
      'Softens footsteps, which is handy in [flats|apartments] with [neighbours|neighbors] below.',
      'Gives kids a softer place to play and pets a comfy spot to lie.',
      'Defines the living area, dining area or reading corner in an open-plan room.',
      'Covers worn floors and tired carpets in a rented home.',
    ],
    purposesWhen: {
      'washable rug': ['Goes in the washing machine, so spills, muddy paws and potty-training accidents are not a disaster.'],
      'runner rug': ['Made for hallways, kitchens and beside the bed.'],
      jute: ['Hard-wearing jute stands up to busy hallways and family rooms.'],
      polypropylene: ['Easy-clean fibres cope with kids, pets and spills.'],
      'with non-slip backing': ['The non-slip backing keeps it from sliding on wooden and tiled floors.'],
      'high pile': ['A deep, soft pile for sitting on the floor and bare feet.'],
    },
  },
  mirrors: {
    purposes: [
      'Bounces light around dark hallways and small rooms so they feel bigger.',
      'Handy for a last outfit check before heading out.',
      'Fills a blank wall above a console, a fireplace or a sideboard.',
      'A simple way to make a rented [flat|apartment] feel brighter.',
    ],
    purposesWhen: {
      'floor mirror': ['Full length for checking your whole outfit in a bedroom or dressing area.'],
      'vanity mirror': ['Sized for doing makeup, shaving and styling hair.'],
      'round mirror': ['Softens a bathroom wall or entryway with a round shape.'],
      'arched mirror': ['An arched shape that adds height to a low room.'],
    },
  },
  wallArt: {
    purposes: [
      'Fills a blank wall and adds personality to a room.',
      'Makes a rented [flat|apartment] feel like home without repainting.',
      'A good start for a gallery wall above a sofa, bed or staircase.',
      'A thoughtful housewarming gift for a first home.',
    ],
    purposesWhen: {
      botanical: ['Brings a touch of nature to rooms with little light for real plants.'],
      coastal: ['Gives a beach-house feel to bathrooms, bedrooms and holiday homes.'],
      typographic: ['Adds a line of words to a kitchen, an office or a kids’ room.'],
      abstract: ['Ties a room’s colors together without a busy subject.'],
      'with hanging hardware': ['Arrives with hanging hardware, ready to go up the day it lands.'],
    },
  },
  vases: {
    purposes: [
      'Shows off flowers from the garden, the market or the supermarket.',
      'Looks good empty on a shelf, a mantel or a windowsill.',
      'A go-to gift for housewarmings, birthdays and Mother’s Day.',
      'Brings a little life to a desk, a dining table or a hallway.',
    ],
    purposesWhen: {
      'floor vase': ['Fills an empty corner with pampas grass, branches or dried stems.'],
      'bud vase': ['Sized for a single stem on a bedside table or windowsill.'],
      terracotta: ['Made for dried flowers and grasses that last all year.'],
      'jug vase': ['A loose, country-style home for garden flowers.'],
    },
  },
  candles: {
    purposes: [
      'Creates a [cosy|cozy] mood for baths, dinners and winding down at night.',
      'Turns a night in into something special.',
      'A go-to gift for hosts, teachers and friends.',
      'Adds a soft, flickering glow to dark winter evenings.',
    ],
    purposesWhen: {
      unscented: ['No fragrance, so it is good for the dinner table and people sensitive to scent.'],
      'scented candle': ['Freshens up a room after cooking or before guests arrive.'],
      'taper candle set': ['Dresses the dinner table for holidays and dinner parties.'],
      'pillar candle': ['Stands steady on a hearth, a tray or in a lantern.'],
      'fresh linen': ['A clean, fresh-laundry scent for bedrooms and bathrooms.'],
      'pine forest': ['A pine scent that brings the holidays indoors.'],
    },
  },
  throwPillows: {
    purposes: [
      'Adds comfort and back support on a deep sofa or when reading in bed.',
      'A quick way to refresh a room for a new season without redecorating.',
      'Makes a bed or sofa look finished and inviting.',
      'Perfect for naps on the sofa and lounging in a window seat.',
    ],
    purposesWhen: {
      'pillow cover': ['Swap covers with the seasons and wash them when needed.'],
      'lumbar pillow': ['Supports your lower back in armchairs, desk chairs and car seats.'],
      'with hidden zipper': ['The hidden zip lets the cover come off for washing.'],
    },
  },
  baskets: {
    purposes: [
      'Hides toys, blankets, shoes and everyday clutter.',
      'Adds storage to [flats|apartments] and rooms without much cupboard space.',
      'Makes tidy-up time easy enough for kids to do themselves.',
      'Fits on shelves and under tables to keep things within reach.',
      'Tidies up an entryway, holding shoes, scarves and dog leads.',
    ],
    purposesWhen: {
      'laundry hamper': ['Keeps dirty clothes off the bedroom and bathroom floor.'],
      'storage bin': ['Slides into cube shelves and cupboards to keep things sorted.'],
      'with lid': ['The lid keeps dust out and clutter out of sight.'],
      'with handles': ['Handles make it easy to carry laundry or toys from room to room.'],
    },
  },
  curtains: {
    purposes: [
      'Adds privacy from [neighbours|neighbors] and passers-by.',
      'Softens a room, frames the window and makes a rented space feel like home.',
      'Helps quieten echoey rooms with hard floors.',
      'Gives bedrooms, living rooms and nurseries a finished look.',
    ],
    purposesWhen: {
      'blackout curtain panel': [
        'Blocks early-morning sun so you can sleep in.',
        'Keeps bedrooms dark for shift workers, nap times and light summer evenings.',
      ],
      'thermal curtain panel': [
        'Keeps heat in and [draughts|drafts] out on cold nights, which helps with heating bills.',
        'Keeps rooms cooler on hot, sunny afternoons.',
      ],
      'with thermal lining': ['The thermal lining keeps the warmth in on cold nights.'],
      'sheer curtain panel': ['Lets daylight in while giving privacy from the street.'],
      velvet: ['Heavy velvet helps muffle street noise and keep out the chill.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
