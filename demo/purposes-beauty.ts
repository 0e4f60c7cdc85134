/** What Beauty products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const BEAUTY_PURPOSES = {
  moisturizers: {
    purposes: [
      'Hydrates skin that feels dry or tight after cleansing.',
      'Helps skin cope with central heating, air conditioning and long flights.',
      'Sits well under makeup and sunscreen in the morning.',
      'A simple daily step for anyone starting a skincare routine.',
    ],
    purposesWhen: {
      'night cream': ['A richer layer that works overnight, so you wake up to softer skin.'],
      'day cream': ['Light enough to wear all day under makeup.'],
      'gel moisturizer': ['A light gel that hydrates without feeling greasy, good for hot weather.'],
      'dry skin': ['Made for dry, flaky patches that appear in winter.'],
      'oily skin': ['Hydrates without adding shine or clogging pores.'],
      'sensitive skin': ['Gentle enough for sensitive skin that reacts easily.'],
      ceramides: ['Ceramides help repair a dry, damaged skin barrier.'],
    },
  },
  serums: {
    purposes: [
      'Targets a specific skin concern with a few drops a day.',
      'Layers under moisturizer in morning and evening routines.',
      'A step up for people ready to do more than cleanse and moisturize.',
      'Absorbs quickly, so it fits busy mornings.',
    ],
    purposesWhen: {
      'retinol serum': ['Helps smooth fine lines and uneven texture over time; use at night.'],
      retinol: ['Retinol works overnight on fine lines and rough texture.'],
      'vitamin C serum': ['Brightens dull skin and fades dark spots for a more even tone.'],
      'vitamin C': ['Vitamin C brightens tired, dull-looking skin.'],
      'facial oil': ['Gives dry skin a healthy glow, especially in winter.'],
      niacinamide: ['Niacinamide helps calm redness and keeps pores looking smaller.'],
      'hyaluronic acid': ['Hyaluronic acid draws in moisture for plumper-looking skin.'],
      'oily skin': ['Balances shine without stripping the skin.'],
    },
  },
  cleansers: {
    purposes: [
      'Removes makeup, sunscreen and the grime of the day.',
      'Leaves skin clean and comfortable, not tight.',
      'The first step of a morning or evening routine.',
      'Handy after the gym, a long commute or a day in the city.',
    ],
    purposesWhen: {
      'micellar water': ['No rinsing needed, so it is great for travel, festivals and lazy nights.'],
      'exfoliating cleanser': ['Gently buffs away dullness and rough patches.'],
      'cleansing balm': ['Melts away waterproof mascara and long-wear foundation.'],
      'salicylic acid': ['Salicylic acid helps clear breakouts and blackheads.'],
      'oily skin': ['Cuts through oil and shine without over-drying.'],
      'sensitive skin': ['Gentle on sensitive skin and easily irritated eyes.'],
    },
  },
  sunscreen: {
    purposes: [
      'Daily protection from the sun’s UV rays, even on cloudy days.',
      'For beach [holidays|vacations], ski trips, school runs and lunchtime walks.',
      'Helps prevent sunburn, dark spots and early signs of aging.',
      'Sits well under makeup for the office and everyday wear.',
    ],
    purposesWhen: {
      'sunscreen stick': ['Reapply on the go without sticky hands, handy for kids’ faces and ears.'],
      'mineral sunscreen': ['A mineral formula suited to sensitive skin and kids.'],
      'SPF moisturizer': ['Moisturizes and protects in one step, for busy mornings.'],
      'SPF 50': ['High protection for strong sun, fair skin and long days outdoors.'],
    },
  },
  lips: {
    purposes: [
      'Adds color in seconds, from the school run to a night out.',
      'Small enough for a pocket or a clutch for touch-ups on the go.',
      'Finishes a look for work, weddings and date nights.',
      'A little pick-me-up for video calls and long days.',
    ],
    purposesWhen: {
      'tinted lip balm': ['Soothes chapped lips in winter with a hint of color.'],
      'lip liner': ['Defines lips and stops lipstick from bleeding.'],
      'liquid lipstick': ['Stays put through coffee, dinner and a long night out.'],
      'lip gloss': ['A glossy shine for parties and nights out.'],
      'long-wear': ['Lasts through meals and long days without touch-ups.'],
    },
  },
  face: {
    purposes: [
      'Everyday makeup for a fresh, natural look in minutes.',
      'Fits into quick routines for busy mornings and video calls.',
      'Builds up from natural to full glam for weddings and nights out.',
      'A good addition to a first makeup bag.',
    ],
    purposesWhen: {
      foundation: ['Evens out skin tone and covers redness for a smooth base.'],
      concealer: ['Covers dark circles after short nights, plus blemishes and redness.'],
      'tinted moisturizer': ['Sheer coverage and hydration in one for no-makeup days.'],
      blush: ['Brings a healthy flush to tired or pale skin.'],
      bronzer: ['Warms up the face with a sun-kissed look all year.'],
      'setting powder': ['Keeps makeup in place and controls shine all day.'],
      'oily skin': ['Controls shine through long, warm days.'],
    },
  },
  eyes: {
    purposes: [
      'Defines the eyes for everyday looks and special occasions.',
      'Makes tired eyes look more awake after short nights.',
      'A quick step for busy mornings and touch-ups on the go.',
      'A makeup-bag staple for work, weddings and nights out.',
    ],
    purposesWhen: {
      mascara: ['Lengthens and lifts lashes for wide-awake eyes.'],
      eyeliner: ['Draws anything from a subtle line to a bold flick.'],
      'eyeshadow palette': ['Shades for natural day looks and smoky evening ones.'],
      'brow pencil': ['Fills in sparse brows with natural-looking strokes.'],
      'brow gel': ['Keeps unruly brows brushed up and in place all day.'],
      waterproof: ['Waterproof, so it lasts through weddings, rain and the gym.'],
    },
  },
  hairCare: {
    purposes: [
      'An easy part of a regular wash-day routine.',
      'Helps hair look healthier and feel softer between haircuts.',
      'For every member of the household, from busy parents to teens.',
      'Helps tame bad hair days caused by humidity, heat styling and hard water.',
    ],
    purposesWhen: {
      'shampoo bar': ['Plastic-free and solid, so it is easy to pack in [hand luggage|a carry-on].'],
      'hair mask': ['A weekly treatment for dry, damaged or over-styled hair.'],
      'leave-in conditioner': ['Detangles and softens without rinsing, great for kids’ knots.'],
      'curly hair': ['Defines curls and fights frizz on humid days.'],
      'fine hair': ['Adds volume to fine, flat hair without weighing it down.'],
      'color-treated hair': ['Helps hair color last longer between salon visits.'],
      'dry hair': ['Puts moisture back into dry, brittle ends.'],
    },
  },
  hairTools: {
    purposes: [
      'Salon-style hair at home before work, weddings and nights out.',
      'Heats up quickly for busy mornings.',
      'Helps you style with less damage than a cheap, uneven tool.',
      'A thoughtful gift for teens, brides and anyone who loves a good hair day.',
    ],
    purposesWhen: {
      'hair dryer': ['Dries hair fast after the gym or a morning shower.'],
      'flat iron': ['Smooths frizz and straightens hair in minutes.'],
      'hair straightener': ['Straightens and smooths for sleek hair that lasts all day.'],
      'curling iron': ['Creates curls and waves for parties and special days.'],
      'hot brush': ['Dries and styles in one step, for a quick blowout at home.'],
      'with dual voltage': ['Dual voltage works abroad, so you can take it on [holiday|vacation].'],
      cordless: ['Cordless, so you can touch up your hair at work or on the go.'],
    },
  },
  perfume: {
    purposes: [
      'A signature scent for every day or special occasions.',
      'A thoughtful gift for birthdays, anniversaries and Mother’s Day.',
      'Adds a finishing touch before work, dates and nights out.',
      'A scent that lasts through a busy day.',
    ],
    purposesWhen: {
      'solid perfume': ['A solid balm with no spills and no liquids limit in [hand luggage|a carry-on bag].'],
      'body mist': ['A light spritz to refresh after the gym or on hot days.'],
      floral: ['A floral scent for spring days and weddings.'],
      woody: ['A warm, woody scent for evenings and cooler months.'],
      citrus: ['A fresh citrus lift for summer and mornings.'],
      'with travel spray': ['The travel spray slips into a bag for top-ups during the day.'],
    },
  },
  bodyCare: {
    purposes: [
      'A little daily self-care for your skin.',
      'Leaves skin feeling soft and comfortable after a shower or bath.',
      'A thoughtful gift for self-care Sundays, birthdays and Mother’s Day.',
      'An easy upgrade for a shower routine or a bathroom shelf.',
    ],
    purposesWhen: {
      'hand cream': ['Soothes dry, cracked hands from constant washing, gardening and cold weather.'],
      'body scrub': ['Smooths rough skin and helps prevent ingrown hairs before a shave or a tan.'],
      'body lotion': ['Soothes dry skin on legs and arms after a shower.'],
      'body oil': ['Locks in moisture after a bath for glowing skin.'],
      'body wash': ['A gentle wash for daily showers and after the gym.'],
      'bar soap': ['A plastic-free bar for the shower, the sink and travel.'],
      'oat extract': ['Oat extract helps soothe itchy, sensitive skin.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
