/** What Bedding products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const BEDDING_PURPOSES = {
  sheets: {
    purposes: [
      'Fresh, soft sheets for a better night’s sleep.',
      'A spare set for wash day, the guest room or the kids’ beds.',
      'Turns an ordinary bed into a hotel-style one.',
      'A welcome gift for newlyweds, first homes and students heading to university.',
    ],
    purposesWhen: {
      'percale cotton': ['Crisp, cool percale for hot sleepers and summer nights.'],
      linen: ['Breathable linen keeps hot sleepers cool and stays [cosy|cozy] in winter.'],
      'bamboo viscose': ['Silky and cool to the touch, great for night sweats and warm bedrooms.'],
      flannel: ['Warm, brushed flannel for cold winter nights and chilly bedrooms.'],
      'sateen cotton': ['Smooth, silky sateen that feels luxurious against the skin.'],
      'fitted sheet': ['Deep pockets hold the sheet in place, so it does not ping off in the night.'],
      '18 in': ['Fits deep mattresses and beds with a topper.'],
    },
  },
  duvetCovers: {
    purposes: [
      'Protects your duvet and changes the look of the bedroom in minutes.',
      'Much easier to wash than a whole duvet or comforter.',
      'A quick bedroom refresh for a new season.',
      'A spare cover for wash day, the guest room or the kids’ beds.',
    ],
    purposesWhen: {
      linen: ['Breathable linen keeps you cool in summer and [cosy|cozy] in winter.'],
      flannel: ['Warm flannel for the coldest nights of the year.'],
      'percale cotton': ['Cool, crisp percale for people who run hot at night.'],
      'with corner ties': ['Corner ties stop the duvet bunching up inside the cover.'],
      'with hidden button closure': ['A hidden button closure keeps the duvet in and the look neat.'],
    },
  },
  comforters: {
    purposes: [
      'A warm, cloud-like layer for a [cosy|cozy] night’s sleep.',
      'Traps warmth without weighing you down.',
      'Makes the bed an inviting place on lazy weekend mornings.',
      'Keeps guests comfortable in the spare room.',
    ],
    purposesWhen: {
      'extra warm': ['Extra warm for cold bedrooms, people who feel the cold and anyone whose feet get cold at night.'],
      lightweight: ['Lightweight for hot sleepers and warm summer nights.'],
      'all-season': ['All-season weight for year-round comfort, so there is no swapping between summer and winter.'],
      'down alternative': ['Down-free filling for allergy sufferers.'],
      'down alternative comforter': ['Hypoallergenic fill for allergy sufferers and kids’ rooms.'],
      wool: ['Wool regulates temperature, so it stays warm without overheating.'],
      silk: ['Light and breathable silk for people who overheat at night.'],
    },
  },
  quilts: {
    purposes: [
      'A light layer on its own in summer, or extra warmth on top in winter.',
      'Finishes a made bed with texture and color.',
      'A handy extra layer for guest rooms and cold snaps.',
      'Light enough for hot sleepers who find a duvet too much.',
    ],
    purposesWhen: {
      'cotton voile': ['Feather-light voile for heatwaves and warm bedrooms.'],
      coverlet: ['A thin coverlet for warm nights and for layering.'],
      bedspread: ['Covers the whole bed for a tidy, made look.'],
      'quilt set': ['Comes with matching shams for a finished bed in one go.'],
    },
  },
  pillows: {
    purposes: [
      'Supports your head and neck for a better night’s sleep.',
      'Replaces flat, lumpy pillows that leave you waking up stiff.',
      'A comfortable upgrade for the guest room or your own bed.',
      'Helps you wake up rested instead of sore.',
    ],
    purposesWhen: {
      'side sleeper pillow': ['Fills the gap between shoulder and ear for side sleepers.'],
      'memory foam pillow': ['Molds to your neck to ease neck pain and stiffness.'],
      'memory foam': ['Memory foam holds its shape for steady neck support.'],
      'down pillow': ['Soft, squishy down for people who like to sink in.'],
      'buckwheat hulls': ['Buckwheat hulls keep air flowing for hot sleepers and firm support.'],
      firm: ['Firm support for side sleepers and people with broad shoulders.'],
      soft: ['Soft and low for stomach sleepers.'],
      'with cooling cover': ['A cooling cover helps hot sleepers and night sweats.'],
    },
  },
  blankets: {
    purposes: [
      'An extra layer on cold nights, tucked over cold feet at the end of the bed.',
      'Keeps you warm on the sofa during movie nights and chilly evenings.',
      'Adds texture and color to a bed, a sofa or an armchair.',
      'A [cosy|cozy] gift for birthdays, holidays and new homes.',
    ],
    purposesWhen: {
      'weighted blanket': ['A gentle, even weight that helps with restless sleep and anxious evenings.'],
      'throw blanket': ['Drape it over the sofa for naps and reading.'],
      'fleece blanket': ['Soft, warm fleece for kids, camping and car journeys.'],
      'sherpa fleece': ['Plush sherpa keeps you toasty on the coldest nights.'],
      linen: ['A light linen layer for warm nights and summer naps.'],
      'knit throw': ['A chunky knit to wrap up in on winter evenings.'],
    },
  },
  toppers: {
    purposes: [
      'Makes an old or uncomfortable mattress feel new again.',
      'A quick fix for guest beds, student halls and rental [flats|apartments].',
      'Helps the mattress last longer.',
      'Adds a comfort layer without buying a new mattress.',
    ],
    purposesWhen: {
      'mattress protector': ['Protects against spills, accidents and dust mites, great for kids’ beds and allergy sufferers.'],
      'with waterproof backing': ['A waterproof backing protects against spills and bedwetting.'],
      'mattress topper': ['Softens a mattress that is too firm or worn in the middle.'],
      featherbed: ['Adds a soft, sink-in layer for a hotel-bed feel.'],
      'mattress pad': ['A light, quilted layer that adds a bit of padding and keeps the mattress clean.'],
      firm: ['Firms up a mattress that has become too soft.'],
      plush: ['Softens a hard mattress for sore hips and shoulders.'],
    },
  },
  mattresses: {
    purposes: [
      'Supportive, comfortable sleep night after night.',
      'Helps you wake up without aches and pains.',
      'A fresh start for a first home, a new bed or a growing teenager.',
      'A welcome replacement for a tired mattress that sags in the middle.',
    ],
    purposesWhen: {
      soft: ['A soft feel that cushions side sleepers’ hips and shoulders.'],
      firm: ['Firm support for back and stomach sleepers.'],
      'medium-firm': ['A balanced feel that suits most sleepers and couples.'],
      'memory foam mattress': ['Absorbs movement, so you will not feel a restless partner turn over.'],
      'hybrid mattress': ['Coils keep air moving for hot sleepers, with foam for pressure relief.'],
      'innerspring mattress': ['A bouncy, breathable feel that stays cool.'],
      'with edge support': ['Edge support makes it easy to sit on the side to put on socks.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
