/** What Sports products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const SPORTS_PURPOSES = {
  yoga: {
    purposes: [
      'Supports a home yoga, stretching or meditation practice.',
      'Easy to store in small [flats|apartments] and carry to class.',
      'Helps beginners find good form and seasoned yogis go deeper.',
      'Made for morning stretches, pilates and winding down after work.',
    ],
    purposesWhen: {
      'yoga mat': ['Cushions knees and wrists and grips the floor, so you do not slide in downward dog.'],
      'yoga block': ['Brings the floor closer when you are not quite flexible enough yet.'],
      'yoga strap': ['Helps you reach further in stretches and improves flexibility safely.'],
      'yoga wheel': ['Opens up the back and chest, and eases stiffness after a day at a desk.'],
      'meditation cushion': ['Raises your hips so you can sit cross-legged comfortably for meditation.'],
      'non-slip': ['Stays put on sweaty hot-yoga days.'],
    },
  },
  weights: {
    purposes: [
      'Strength training at home without a gym membership.',
      'For home workouts, physio exercises and building strength as you age.',
      'Builds muscle, bone strength and confidence at any age.',
      'Solid and simple for garage gyms and spare-room workouts.',
    ],
    purposesWhen: {
      'adjustable dumbbell': ['Replaces a whole rack of weights, which makes it ideal for small [flats|apartments].'],
      kettlebell: ['Swings, squats and carries for strength and cardio in one.'],
      'dumbbell set': ['A set of weights for presses, curls and rows as you progress.'],
      'weight plate': ['Loads onto a barbell for squats, deadlifts and bench presses.'],
      'neoprene-coated iron': ['The soft coating is kind to floors and hands for home workouts.'],
    },
  },
  cardio: {
    purposes: [
      'Keeps you moving when it is dark, raining or too cold to go out.',
      'Fits workouts around work, school runs and nap times.',
      'Cheaper than a gym membership over time, and no commute.',
      'Helps build fitness, stamina and healthy habits at home.',
    ],
    purposesWhen: {
      'walking pad': ['Slides under a standing desk so you can walk while you work.'],
      treadmill: ['Run or walk year-round, whatever the weather.'],
      'rowing machine': ['A full-body workout that is gentle on the joints.'],
      'exercise bike': ['Low-impact cardio for knees, spin classes and catching up on shows.'],
      elliptical: ['Low-impact cardio that is kind to knees and hips.'],
      'with folding frame': ['Folds away after a workout in small homes.'],
    },
  },
  resistance: {
    purposes: [
      'Home workouts and recovery without a gym.',
      'Takes up little space in small [flats|apartments] and spare rooms.',
      'Helps with warm-ups, rehab exercises and cooling down after runs.',
      'A useful addition for runners, lifters and desk workers.',
    ],
    purposesWhen: {
      'resistance band set': ['Light enough to pack for hotel-room workouts and physio exercises.'],
      'foam roller': ['Rolls out tight calves, hamstrings and backs after runs and long days at a desk.'],
      'massage gun': ['Eases sore muscles after hard workouts and long days on your feet.'],
      'pull-up bar': ['Fits a doorway for pull-ups and chin-ups at home.'],
      'ab roller': ['A simple way to build core strength at home.'],
    },
  },
  balls: {
    purposes: [
      'For team practice, weekend leagues and pickup games in the park.',
      'Built to handle practice sessions week after week.',
      'Gets kids outside and active with friends.',
      'A simple gift for young players and sports fans.',
    ],
    purposesWhen: {
      'soccer ball': ['Ready for kickabouts in the park, garden and school playground.'],
      basketball: ['For shooting hoops on the driveway or at the local court.'],
      volleyball: ['Made for beach days, park games and club volleyball.'],
      football: ['For throwing around in the backyard and at tailgates.'],
      'rugby ball': ['Made for training, touch rugby and games on the beach.'],
      'Size 3': ['A smaller size for young players learning the game.'],
      'with pump': ['Comes with a pump, so it is ready to play out of the box.'],
    },
  },
  rackets: {
    purposes: [
      'For lessons, club nights and weekend matches.',
      'A good way to start a new sport or return to an old favorite.',
      'Pack it for [holidays|vacations] at resorts with courts.',
      'Sociable exercise with friends, partners and family.',
    ],
    purposesWhen: {
      'pickleball paddle': ['Easy to pick up for beginners and popular with players of every age.'],
      'pickleball paddle set': ['Everything a pair needs to get started at the local court.'],
      'badminton set': ['Set up a game in the garden or at the park in minutes.'],
      'tennis racket': ['For lessons, club tennis and summer matches in the park.'],
      'squash racket': ['Quick and light for fast rallies at the club.'],
    },
  },
  bikeAccessories: {
    purposes: [
      'Makes riding safer and easier for commuters, students and school runs.',
      'Handy for weekend rides, bike paths and city cycling.',
      'A practical gift for new cyclists and regular riders.',
      'Gets your bike ready for daily riding in any season.',
    ],
    purposesWhen: {
      'bike helmet': ['Protects your head on the commute, the school run and trails.'],
      'U-lock': ['Keeps your bike safe outside work, school and the shops.'],
      'bike light set': ['Helps you see and be seen on dark mornings and evening commutes.'],
      'bike pump': ['Keeps tires topped up and fixes flats at home or on the road.'],
      'saddle bag': ['Carries a spare tube, tools and snacks on long rides.'],
    },
  },
  golf: {
    purposes: [
      'Made for weekend rounds, the driving range and practice greens.',
      'Helps golfers of every level play with more confidence.',
      'A thoughtful gift for the golfer in the family.',
      'Ready for club competitions and golf trips away.',
    ],
    purposesWhen: {
      'golf bag': ['Keeps clubs, balls and waterproofs organized on the course.'],
      putter: ['Helps sink more putts, on the course or a practice mat at home.'],
      driver: ['Built for longer, straighter tee shots.'],
      'golf glove': ['Improves grip on hot or damp days.'],
      rangefinder: ['Measures the distance to the pin, so you choose the right club.'],
    },
  },
  winterSports: {
    purposes: [
      'Made for ski trips, snowy weekends and powder days.',
      'Ready for the slopes, from first lessons to seasoned runs.',
      'A winter gift for skiers, snowboarders and families who love the snow.',
      'Built to cope with cold, wet days on the mountain.',
    ],
    purposesWhen: {
      snowboard: ['A board for learning on the nursery slopes and carving all day.'],
      'ski helmet': ['Protects your head on the slopes and keeps your ears warm.'],
      'snow sled': ['For sledding down hills on snow days with the kids.'],
      'ski bag': ['Protects skis on flights, trains and car roofs.'],
      'snowshoe set': ['Walk on deep snow for winter hikes without sinking.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
