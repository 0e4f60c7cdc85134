/** What Toys are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const TOYS_PURPOSES = {
  buildingSets: {
    purposes: [
      'Develops patience and problem solving, one piece at a time.',
      'Hours of screen-free play for rainy afternoons and school holidays.',
      'Build together as a family, or let kids follow their own ideas.',
      'A birthday gift that keeps being rebuilt long after the party.',
      'Great for classrooms, playrooms and quiet time.',
    ],
    purposesWhen: {
      'magnetic tile set': ['Tiles click together easily for little hands, so towers go up fast.'],
      '1000 pieces': ['A big build for older kids, teens and grown-up fans.'],
      '3-5 years': ['Chunky pieces that are easy for preschoolers to handle.'],
      'with storage box': ['The storage box makes tidy-up time quicker.'],
    },
  },
  plush: {
    purposes: [
      'A cuddly bedtime friend that helps little ones settle to sleep.',
      'A comfort on new adventures: the first day at nursery, hospital visits and long trips.',
      'Soft enough to squeeze during scary films and thunderstorms.',
      'A sweet gift for birthdays, new babies and get-well-soon wishes.',
    ],
    purposesWhen: {
      '0-12 months': ['A soft first friend for babies, and a lovely baby shower gift.'],
      weighted: ['A gentle weight that calms and comforts anxious kids.'],
      'teddy bear': ['A classic teddy to cuddle now and keep for years.'],
      'plush dinosaur': ['A friendly dino for little dinosaur fans.'],
    },
  },
  dolls: {
    purposes: [
      'Sparks imaginative play, storytelling and make-believe.',
      'Helps kids practice caring, sharing and talking about feelings.',
      'A birthday or holiday gift that becomes part of everyday play.',
      'Keeps kids happily busy on rainy afternoons and quiet time.',
    ],
    purposesWhen: {
      dollhouse: ['Rooms to furnish and rearrange, for stories that go on for years.'],
      'baby doll': ['Lets kids practice being a big brother or sister before a new baby arrives.'],
      'doll stroller': ['Lets little ones push their doll along on walks with you.'],
      'rag doll': ['A soft, huggable doll that is easy to carry everywhere.'],
      'with outfit set': ['Extra outfits for dressing up, which is great for small fingers.'],
    },
  },
  boardGames: {
    purposes: [
      'Brings everyone together for family game night and holiday gatherings.',
      'Screen-free fun for rainy afternoons, snow days and school holidays.',
      'A go-to when friends come round or grandparents visit.',
      'Teaches turn-taking, planning and good losing without anyone noticing.',
    ],
    purposesWhen: {
      'party game': ['Gets a crowd laughing at parties and big family gatherings.'],
      'strategy game': ['A thinking game for teens and adults who like a challenge.'],
      'card game': ['Small enough to pack for [holidays|vacations], camping and pub nights.'],
      '2-4 players': ['Works with just two, so couples and siblings can play too.'],
      '3-8 players': ['Plays with a big group, from family parties to dinner with friends.'],
      '15 minutes': ['Quick rounds that fit before bedtime or dinner.'],
    },
  },
  puzzles: {
    purposes: [
      'A relaxing, screen-free way to wind down in the evening.',
      'A family project for rainy weekends and holidays at home.',
      'Good for focus, patience and spotting patterns.',
      'A thoughtful gift for puzzle lovers, grandparents and anyone needing a calm hobby.',
    ],
    purposesWhen: {
      '1000 pieces': ['A satisfying challenge to spread over a few evenings.'],
      '2000 pieces': ['A big project for experienced puzzlers and long winter weekends.'],
      '24 pieces': ['Big, chunky pieces for little hands doing their first puzzle.'],
      'floor puzzle': ['Big enough to build on the floor with friends and siblings.'],
      '3D puzzle': ['Builds into a model to display on a shelf when finished.'],
    },
  },
  stem: {
    purposes: [
      'Hands-on science and engineering that makes learning feel like play.',
      'Great for curious kids, homeschooling and classroom projects.',
      'Builds problem solving and confidence with every experiment.',
      'Fills school holidays and rainy days with something to make and discover.',
    ],
    purposesWhen: {
      'coding robot': ['Teaches the basics of coding by programming a robot to move.'],
      'science kit': ['Fizzing, growing and glowing experiments to do at the kitchen table.'],
      'microscope set': ['Look up close at leaves, bugs and salt crystals from the garden.'],
      'circuit kit': ['Build working circuits with lights, buzzers and switches.'],
      'with app-guided lessons': ['App-guided lessons help kids learn at their own pace.'],
    },
  },
  babyToys: {
    purposes: [
      'Helps babies practice grasping, reaching and exploring.',
      'Keeps little hands busy during [nappy|diaper] changes, car rides and mealtimes.',
      'A thoughtful baby shower or new-baby gift for new parents.',
      'Safe, simple play for the first years.',
    ],
    purposesWhen: {
      teether: ['Soothes sore gums during teething.'],
      'activity gym': ['Makes tummy time and playtime on the floor more fun.'],
      rattle: ['A gentle sound that catches a baby’s attention.'],
      'shape sorter': ['Teaches shapes and colors while building hand-eye coordination.'],
      'stacking toy': ['Stacking and knocking down builds coordination, and it is endless fun.'],
      'high-contrast': ['Bold patterns that newborn eyes can see clearly.'],
    },
  },
  rideOns: {
    purposes: [
      'Gets kids outside and burning off energy.',
      'Builds balance, coordination and confidence.',
      'For the park, the driveway and trips to the playground.',
      'A big birthday or holiday gift they will use every day.',
    ],
    purposesWhen: {
      'balance bike': ['Learn to balance before pedals, so there is no need for [stabilisers|training wheels] later.'],
      scooter: ['Makes the walk to school or nursery quicker and more fun.'],
      'ride-on car': ['A first set of wheels for toddlers to push along indoors or out.'],
      tricycle: ['A steady first bike for little legs learning to pedal.'],
      'kids bike': ['A first proper bike for weekend rides and learning road sense.'],
      'with helmet': ['Comes with a helmet, so they are ready to ride safely from day one.'],
    },
  },
  playSets: {
    purposes: [
      'Role play lets kids copy the grown-ups and make sense of the world.',
      'Builds language, social skills and imagination through pretend play.',
      'Keeps kids busy in the playroom, the classroom or the corner of the kitchen.',
      'A birthday gift that becomes a playroom favorite.',
    ],
    purposesWhen: {
      'play kitchen': ['Lets little chefs cook alongside you while you make dinner.'],
      'tool bench': ['Kids can hammer and fix things next to you during DIY.'],
      'doctor kit': ['Helps kids feel braver about check-ups and vaccinations.'],
      'tea set': ['For tea parties with friends, toys and grandparents.'],
      'play food set': ['Play shop or restaurant while learning about healthy food.'],
    },
  },
  toyCars: {
    purposes: [
      'Hours of racing, crashing and zooming around the floor.',
      'Sparks imaginative play with garages, roads and rescue missions.',
      'A favorite with car, truck and train fans.',
      'A birthday or holiday gift for kids who love things that go.',
    ],
    purposesWhen: {
      'remote control car': ['Takes the racing outside to the park, the driveway or the garden.'],
      'train set': ['Build a new layout every day and send the train round the track.'],
      'race track set': ['Set up races with siblings and friends.'],
      'toy truck': ['Sturdy enough for the [sandpit|sandbox] and the [garden|backyard].'],
      'die-cast metal': ['Die-cast metal that survives crashes and years of play.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
