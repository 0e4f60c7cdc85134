/** What Garden products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const GARDEN_PURPOSES = {
  indoorPlanters: {
    purposes: [
      'Gives houseplants a home on windowsills, shelves and desks.',
      'Grows fresh herbs on a kitchen windowsill for cooking.',
      'Brings greenery into [flats|apartments] without a garden.',
      'A simple way to repot a plant that has outgrown its nursery pot.',
      'A thoughtful housewarming gift for plant lovers.',
    ],
    purposesWhen: {
      'self-watering planter': ['A reservoir keeps plants watered while you are away or if you forget.'],
      'hanging planter': ['Hangs trailing plants from the ceiling to save shelf space in small rooms.'],
      'plant stand': ['Lifts plants up towards the light and shows them off.'],
      'with drainage hole': ['A drainage hole stops roots sitting in water and rotting.'],
      terracotta: ['Breathable terracotta helps prevent overwatering.'],
    },
  },
  outdoorPlanters: {
    purposes: [
      'Grows flowers, herbs or vegetables on patios, balconies and decks.',
      'Adds color and greenery to a yard or front step.',
      'Makes growing your own food possible without a big garden.',
      'Built to stay outside through the seasons.',
    ],
    purposesWhen: {
      'raised garden bed': ['Grow vegetables at an easier height, kinder to backs and knees.'],
      'window box': ['Grows herbs and flowers on a windowsill, great for [flats|apartments] without a garden.'],
      'large planter': ['Roomy enough for small trees, shrubs and big patio displays.'],
      'galvanized planter': ['Sturdy, rust-resistant metal for herbs and vegetables by the back door.'],
      'with legs': ['Raised on legs to keep slugs off and save bending.'],
    },
  },
  handTools: {
    purposes: [
      'Makes planting, pruning and weeding quicker and easier.',
      'Built to last season after season in the [garden|yard] or on the [allotment|community plot].',
      'A thoughtful gift for keen gardeners and first-time growers.',
      'Comfortable to use for long afternoons in the garden.',
    ],
    purposesWhen: {
      trowel: ['Digs holes for bulbs, seedlings and pots.'],
      'pruning shears': ['Cuts back roses, shrubs and overgrown branches cleanly.'],
      'hand pruner': ['Snips stems and deadheads flowers for healthier plants.'],
      'garden fork': ['Loosens soil and lifts weeds, potatoes and compost.'],
      weeder: ['Pulls out weeds by the root, without chemicals.'],
      'garden tool set': ['Everything a new gardener needs to get started.'],
    },
  },
  watering: {
    purposes: [
      'Keeps plants, lawns and vegetables watered through hot, dry spells.',
      'Makes garden watering quicker and less of a chore.',
      'Handy for patios, balconies and busy gardeners.',
      'Helps new plants settle in during their first summer.',
    ],
    purposesWhen: {
      'watering can': ['Waters pots, houseplants and seedlings gently.'],
      'garden hose': ['Reaches every corner for watering, washing the car and filling the [paddling pool|kiddie pool].'],
      'hose nozzle': ['Switches sprays from a gentle shower for seedlings to a jet for muddy boots.'],
      sprinkler: ['Waters the lawn while you get on with your day.'],
      'hose reel': ['Keeps the hose tidy and kink-free, with no tangles on the patio.'],
    },
  },
  powerTools: {
    purposes: [
      'Takes the hard work out of keeping the garden tidy.',
      'Gets weekend garden jobs done faster.',
      'Suits homeowners with lawns, hedges and borders.',
      'Built for regular use through the growing season.',
    ],
    purposesWhen: {
      'leaf blower': ['Clears leaves from lawns, paths and drives in autumn.'],
      'string trimmer': ['Tidies lawn edges and long grass where the mower cannot reach.'],
      'hedge trimmer': ['Keeps hedges neat and shaped with less effort than shears.'],
      'lawn mower': ['Keeps the lawn short and tidy all summer.'],
      'cordless lawn mower': ['No cable to trip over or run over, and quieter for the [neighbours|neighbors].'],
      '60 minutes': ['Long battery life for bigger gardens.'],
    },
  },
  seeds: {
    purposes: [
      'A fun way to start growing, even for complete beginners.',
      'Gets kids interested in where food and flowers come from.',
      'A thoughtful gift for gardeners, grandparents and new homeowners.',
      'Brings color and life to beds, borders and pots.',
    ],
    purposesWhen: {
      'basil and herbs': ['Fresh herbs for cooking, grown on a sunny windowsill.'],
      'heirloom tomatoes': ['Grows tasty tomatoes for summer salads and sauces.'],
      wildflowers: ['Sow a patch for bees, butterflies and other pollinators.'],
      tulips: ['Plant in autumn for bright color in spring.'],
      dahlias: ['Big, showy blooms for cutting and summer borders.'],
      'salad greens': ['Cut-and-come-again leaves for fresh salads all summer.'],
      'starter kit': ['Everything to start seeds indoors, from pots to soil.'],
    },
  },
  artificialPlants: {
    purposes: [
      'Greenery without watering, for people who forget to water.',
      'Brightens dark corners where real plants would struggle.',
      'Safe around pets that like to nibble on leaves.',
      'Looks fresh all year in offices, rentals and holiday homes.',
      'Ideal for busy people, frequent travellers and anyone without a green thumb.',
    ],
    purposesWhen: {
      'artificial fiddle leaf fig': ['Adds height to a living room corner without the fussy care.'],
      'faux olive tree': ['Brings a Mediterranean touch to a hallway or living room.'],
      'faux eucalyptus stems': ['Fills a vase on the dining table or mantel all year.'],
    },
  },
  birdFeeders: {
    purposes: [
      'Brings wildlife to the [garden|backyard] for everyone to watch from the window.',
      'Helps garden birds through cold winters and busy nesting seasons.',
      'A lovely way to get kids interested in nature.',
      'A thoughtful gift for birdwatchers and grandparents.',
    ],
    purposesWhen: {
      'bird feeder': ['Holds seed or nuts to attract finches, tits and sparrows.'],
      'bird bath': ['Fresh water for birds to drink and bathe, especially in hot, dry spells.'],
      birdhouse: ['Gives small birds a safe place to nest in spring.'],
      'wind chime': ['Adds a gentle sound to breezy days on the patio or porch.'],
    },
  },
  soil: {
    purposes: [
      'Gives plants a healthy start and stronger growth.',
      'Helps vegetables, flowers and houseplants thrive.',
      'An easy boost for tired beds, borders and pots.',
      'A garden shed staple for keen growers and beginners.',
    ],
    purposesWhen: {
      'potting mix': ['For repotting houseplants and filling containers and window boxes.'],
      'organic fertilizer': ['Feeds vegetables and flowers naturally for bigger harvests and more blooms.'],
      'plant food': ['Perks up pale, tired houseplants and keeps them growing.'],
      compost: ['Improves soil in beds and raised beds, ready for planting.'],
      'peat-free': ['Peat-free, to help protect peat bogs.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
