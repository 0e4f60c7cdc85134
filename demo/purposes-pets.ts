/** What Pets products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const PETS_PURPOSES = {
  dogBeds: {
    purposes: [
      'Gives your dog a comfy spot of their own, and keeps them off the sofa.',
      'Cushions tired legs after long walks and busy play days.',
      'A [cosy|cozy] place to settle in a new home, from puppies to rescue dogs.',
      'Fits in the living room, the bedroom or the corner of the kitchen.',
    ],
    purposesWhen: {
      'orthopedic dog bed': ['Supports aching joints and hips in senior dogs and large breeds.'],
      'donut dog bed': ['A round, snuggly shape for dogs who like to curl up, and calming for anxious ones.'],
      'bolster dog bed': ['Raised sides give dogs a headrest and a sense of security.'],
      'crate mat': ['Makes the crate comfortable for crate training, car trips and vet visits.'],
      'with removable cover': ['The cover comes off for washing after muddy walks.'],
      'with waterproof liner': ['A waterproof liner protects against puppy accidents and wet coats.'],
    },
  },
  collarsLeashes: {
    purposes: [
      'Everyday walks made safer and more comfortable for you and your dog.',
      'Keeps ID tags and control close at hand on busy streets and in the park.',
      'Suits puppies starting lead training through to seasoned walkers.',
      'Built for daily walks in rain and mud.',
    ],
    purposesWhen: {
      harness: ['Takes pressure off the neck, which helps with dogs who pull.'],
      'martingale collar': ['Gently tightens to stop escape artists slipping out of their collar.'],
      'hands-free leash': ['Clips round your waist for running, hiking or pushing a [pram|stroller] with the dog.'],
      leash: ['A secure lead for town walks, vet trips and training classes.'],
      'dog collar': ['Holds ID tags so a lost dog can find their way home.'],
      'with reflective stitching': ['Reflective stitching helps drivers see you on dark evening walks.'],
    },
  },
  dogToys: {
    purposes: [
      'Keeps dogs busy, happy and out of trouble.',
      'Burns off energy on rainy days when walks are short.',
      'Gives chewers something better than shoes and furniture.',
      'Great for bonding and play with puppies and rescue dogs.',
    ],
    purposesWhen: {
      'chew toy': ['Soothes teething puppies and satisfies strong chewers.'],
      'puzzle toy': ['Mental exercise for clever dogs who get bored while you are at work.'],
      'fetch ball': ['Made for games of fetch in the park, the garden and the beach.'],
      'rope toy': ['Built for tug-of-war and helps clean teeth as they chew.'],
      'squeaky toy': ['A squeak that keeps dogs entertained for hours.'],
      'chew-resistant': ['Stands up to heavy chewers.'],
    },
  },
  dogFood: {
    purposes: [
      'Complete, balanced nutrition for everyday meals.',
      'Real ingredients for a healthy coat, good energy and happy digestion.',
      'Easy to portion for busy mornings and evenings.',
      'A tasty meal even fussy eaters look forward to.',
    ],
    purposesWhen: {
      puppy: ['Made for growing puppies, with the protein and nutrients they need.'],
      senior: ['Gentle nutrition for older dogs, to support joints and a healthy weight.'],
      adult: ['Keeps adult dogs fit, active and at a healthy weight.'],
      'wet dog food': ['Soft and moist for picky eaters and older dogs with sensitive teeth.'],
      'grain-free dog food': ['Grain-free for dogs with sensitive stomachs.'],
      'limited-ingredient': ['Fewer ingredients for dogs with food sensitivities.'],
    },
  },
  catFurniture: {
    purposes: [
      'Saves your sofa and curtains from claws.',
      'Gives indoor cats a place to climb, scratch and watch the world.',
      'Keeps cats active and entertained while you are out.',
      'Gives shy cats a safe spot of their own in busy homes.',
    ],
    purposesWhen: {
      'window perch': ['Lets cats sunbathe and birdwatch from the window.'],
      'scratching post': ['Gives claws a proper place to scratch, away from furniture.'],
      'cat tree': ['Levels to climb, perch and nap on, great for multi-cat homes.'],
      'cat tower': ['Tall enough for cats who love to watch from up high.'],
      'cat condo': ['A hideaway to nap in away from dogs and visiting kids.'],
    },
  },
  litter: {
    purposes: [
      'Makes litter duty quicker and less smelly.',
      'Helps keep floors clean in small homes and [flats|apartments].',
      'Suits kittens, senior cats and multi-cat households.',
      'A practical upgrade for busy cat owners.',
    ],
    purposesWhen: {
      'self-cleaning litter box': ['Cleans itself after each visit, so you can scoop less often.'],
      'covered litter box': ['Keeps smells in and stops kicked-out litter.'],
      'litter mat': ['Catches litter from paws before it spreads across the house.'],
      'litter box': ['A roomy box for everyday use, from kittens to grown cats.'],
      'with odor control': ['Odor control helps keep small homes smelling fresh.'],
    },
  },
  catToys: {
    purposes: [
      'Keeps indoor cats active and stops boredom.',
      'Brings out the hunting instinct in kittens and grown cats alike.',
      'Great for playtime together after work.',
      'Helps burn off the late-night zoomies.',
    ],
    purposesWhen: {
      'wand toy': ['Lets you play together, so the cat pounces on the toy, not your ankles.'],
      'catnip toy': ['Filled with catnip that most cats cannot resist.'],
      'laser toy': ['Gets lazy cats chasing and moving.'],
      'cat tunnel': ['A place to hide, pounce and ambush, great for kittens.'],
      'organic catnip': ['Made with organic catnip for frisky play.'],
    },
  },
  catFood: {
    purposes: [
      'Complete, balanced nutrition for everyday meals.',
      'Supports a shiny coat, healthy digestion and steady energy.',
      'Made with flavors cats actually finish.',
      'An easy mealtime routine for busy cat owners.',
    ],
    purposesWhen: {
      kitten: ['Made for growing kittens, with extra protein and nutrients.'],
      senior: ['Gentle nutrition for older cats, to support joints and kidneys.'],
      'wet cat food': ['Adds moisture to the diet, which is great for cats who do not drink much.'],
      'dry cat food': ['Easy to leave out for grazers and automatic feeders.'],
      indoor: ['Made for indoor cats who need fewer calories.'],
      'hairball-control': ['Helps reduce hairballs in long-haired cats.'],
    },
  },
  bowls: {
    purposes: [
      'Makes mealtimes and water tidier and easier.',
      'Suits puppies, kittens, senior pets and multi-pet homes.',
      'Built for everyday use in kitchens, utility rooms and [flats|apartments].',
      'A practical upgrade for busy pet parents.',
    ],
    purposesWhen: {
      'slow feeder bowl': ['Slows down fast eaters to help prevent bloating and gulping.'],
      'automatic feeder': ['Feeds your pet on schedule when you are at work, or before the early-morning wake-up calls.'],
      'pet water fountain': ['Flowing water encourages cats and dogs to drink more.'],
      'elevated feeder': ['Raised bowls are easier on the necks of large and senior dogs.'],
      'stainless steel': ['Stainless steel is easy to clean and does not hold on to smells.'],
    },
  },
  habitats: {
    purposes: [
      'A safe, roomy home for hamsters, rabbits, guinea pigs and gerbils.',
      'Makes cleaning out and daily care quicker.',
      'A good setup for first pets and kids learning to care for an animal.',
      'Gives small pets space to explore, hide and rest.',
    ],
    purposesWhen: {
      'rabbit hutch': ['Keeps rabbits sheltered in the garden or on a patio.'],
      'small animal playpen': ['Lets small pets stretch their legs safely indoors or on the lawn.'],
      'with pull-out tray': ['A pull-out tray makes cleaning out quick.'],
      'hamster cage': ['Room for wheels, tunnels and hideouts to keep hamsters busy at night.'],
    },
  },
  aquariums: {
    purposes: [
      'A calming underwater world for a living room, bedroom or office.',
      'A good first pet for kids learning responsibility.',
      'Watching fish helps people relax after a busy day.',
      'Suits first-time fishkeepers and planted-tank hobbyists.',
    ],
    purposesWhen: {
      'nano aquarium': ['Small enough for a desk, a dorm or a bedroom shelf.'],
      'aquarium kit': ['Everything to get started, ideal for beginners.'],
      'with filter and heater': ['A filter and heater keep the water clean and warm for tropical fish.'],
      '40 gal': ['Room for a lively community of fish and plants.'],
    },
  },
  birdSupplies: {
    purposes: [
      'Keeps pet birds safe, busy and happy.',
      'Made for [budgies|parakeets], cockatiels, finches and small parrots.',
      'Helps birds stay active and curious indoors.',
      'A practical setup for first-time bird owners.',
    ],
    purposesWhen: {
      'flight cage': ['Room to fly, which keeps birds fit and happy.'],
      'perch set': ['Different perches keep feet healthy and give birds somewhere to rest.'],
      'bird toy': ['Keeps clever birds busy and stops boredom and feather plucking.'],
      'with seed guard': ['The seed guard keeps scattered seed off the floor.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
