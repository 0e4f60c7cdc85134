/** What Electronics products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const ELECTRONICS_PURPOSES = {
  headphones: {
    purposes: [
      'For music, podcasts and calls on the commute, on long flights or at your desk.',
      'Cushioned ear cups stay comfortable through long listening sessions.',
      'Helps you focus in open-plan offices, libraries and busy cafes.',
      'A favorite with gamers, students and people who work from home.',
      'Lets you watch late-night TV or game without waking the house.',
    ],
    purposesWhen: {
      'noise-cancelling': ['Cuts out engine drone, traffic and office chatter.'],
      'with active noise cancelling': ['Active noise cancelling quiets planes, trains and noisy [neighbours|neighbors].'],
      'studio headphones': ['Accurate sound for mixing, recording and editing at home.'],
      'wired 3.5 mm': ['Plugs straight in, so there is no battery to charge before a flight or a gaming session.'],
      foldable: ['Folds flat to slip into a bag for travel.'],
    },
  },
  earbuds: {
    purposes: [
      'Small enough to slip into a pocket for runs, commutes and gym sessions.',
      'Take calls hands-free while you walk, cook or push a [pram|stroller].',
      'A light, discreet fit for listening in bed or on the train.',
      'Easy to keep in a bag for trips, the office and the gym.',
    ],
    purposesWhen: {
      'sport earbuds': ['Made to stay put through runs, spin classes and HIIT.'],
      'with ear hooks': ['Ear hooks keep them in place during runs and workouts.'],
      IPX7: ['Rated IPX7, so sweat and rain are no problem.'],
      sweatproof: ['Sweatproof for hard workouts and hot-weather runs.'],
      'noise-cancelling': ['Noise cancelling drowns out the bus, the office and the snoring partner.'],
    },
  },
  speakers: {
    purposes: [
      'Fills a room with music for parties, cooking and lazy Sunday mornings.',
      'Plays podcasts, radio and playlists while you get on with chores.',
      'Clearer, bigger sound than a phone or laptop speaker.',
      'A thoughtful gift for music lovers, students and new homeowners.',
    ],
    purposesWhen: {
      'portable speaker': ['Takes music to the beach, a picnic, the garden or the campsite.'],
      'bluetooth speaker': ['Pairs with any phone for music in the kitchen, the [garden|backyard] or a hotel room.'],
      soundbar: ['Makes film dialogue clearer and game night louder than built-in TV speakers.'],
      'smart speaker': ['Sets timers, plays the radio and answers questions while your hands are busy in the kitchen.'],
      'bookshelf speaker': ['Pairs with a turntable or TV for a proper home hi-fi.'],
      waterproof: ['Waterproof, so it is happy by the pool, in the shower or out in the rain.'],
    },
  },
  televisions: {
    purposes: [
      'Made for movie nights, [box sets|binge-watching], live sports and gaming.',
      'Streaming apps are built in, so there is no extra box to plug in.',
      'Gather the family or friends round for the big match.',
      'A big-screen upgrade for living rooms, bedrooms and dens.',
    ],
    purposesWhen: {
      '32"': ['A neat size for a bedroom, a kitchen, a dorm or [a caravan|an RV].'],
      '43"': ['A good size for bedrooms, small living rooms and student [flats|apartments].'],
      '75"': ['Big enough for a home cinema feel in a large living room.'],
      '85"': ['A cinema-size screen for film buffs and sports fans.'],
      '144 Hz': ['A 144 Hz panel keeps fast games and sport smooth.'],
      'with game mode': ['Game mode cuts lag for console gamers.'],
    },
  },
  streaming: {
    purposes: [
      'Turns any TV with an HDMI port into a smart TV.',
      'Gives an older TV a new lease of life with all your streaming apps.',
      'Take it on [holiday|vacation] to watch your own shows on the hotel TV.',
      'A simple way to cut the cord and watch what you want, when you want.',
      'Easy enough for grandparents and kids to use.',
    ],
    purposesWhen: {
      'with voice remote': ['Say what you want to watch instead of typing with the remote.'],
      'with Ethernet port': ['Plug into the router for steady streaming where the Wi-Fi is patchy.'],
    },
  },
  laptops: {
    purposes: [
      'Handles coursework, working from home, emails and video calls.',
      'A dependable machine for students, freelancers and family admin.',
      'Goes from the desk to the sofa to the coffee shop.',
      'Enough power for spreadsheets, streaming and plenty of open tabs.',
    ],
    purposesWhen: {
      ultrabook: ['Thin and light for carrying between lectures, meetings and flights.'],
      '2-in-1 laptop': ['Folds into a tablet for handwritten notes, sketching and films in bed.'],
      '18 hours': ['Battery for a full day of lectures or a long-haul flight.'],
      '22 hours': ['Battery that lasts through a long travel day and then some.'],
      '32GB': ['32GB of memory for video editing, coding and creative work.'],
      '17.3"': ['A big screen for working on spreadsheets side by side and watching films.'],
    },
  },
  monitors: {
    purposes: [
      'More screen space for spreadsheets, coding and side-by-side windows when working from home.',
      'Plug in a laptop for a proper desk setup.',
      'A bigger screen is easier on the eyes during long work days.',
      'Suits home offices, study desks and gaming setups.',
    ],
    purposesWhen: {
      'gaming monitor': ['Keeps fast-paced games smooth and responsive.'],
      'ultrawide monitor': ['Wide enough to replace two screens, great for editing timelines and spreadsheets.'],
      '4K monitor': ['Sharp detail for photo editing, design work and reading small text.'],
      '240 Hz': ['A 240 Hz refresh rate for competitive gamers.'],
      'with height-adjustable stand': ['Raise the screen to eye level to save your neck on long days.'],
      'HDMI, USB-C': ['One USB-C cable connects a laptop for picture and charging.'],
    },
  },
  keyboardsMice: {
    purposes: [
      'Turns a laptop into a proper desk setup for working from home.',
      'Made for long days of emails, spreadsheets and coursework.',
      'Beats hunching over a laptop keyboard and trackpad all day.',
      'A popular choice with gamers, coders and writers.',
    ],
    purposesWhen: {
      'ergonomic mouse': ['Keeps your hand and wrist in a natural position to ease strain.'],
      ergonomic: ['Shaped to reduce wrist strain on long work days.'],
      'mechanical keyboard': ['Satisfying, precise keys for fast typists, coders and gamers.'],
      trackpad: ['Swipes and gestures make browsing and editing quicker.'],
      'with silent clicks': ['Silent clicks will not disturb a shared office or a sleeping partner.'],
      'with multi-device pairing': ['Switches between a laptop, a tablet and a phone at the press of a button.'],
    },
  },
  tablets: {
    purposes: [
      'Slim enough to slip into a bag for commutes, school and travel.',
      'A screen for the sofa, the bed or the kitchen table.',
      'Light to hold for reading and browsing.',
      'A thoughtful gift for students, readers and creatives.',
    ],
    purposesWhen: {
      tablet: ['Keeps kids entertained on long car journeys and flights.'],
      'e-reader': ['Carries a whole library on [holiday|vacation] and reads like paper, even in bright sun.'],
      'drawing tablet': ['Made for artists, illustrators and design students to sketch and paint.'],
      'with stylus': ['The stylus is great for handwritten notes, sketching and marking up PDFs.'],
      'with keyboard cover': ['Add the keyboard cover and it works like a small laptop for emails and essays.'],
    },
  },
  phoneAccessories: {
    purposes: [
      'Small, useful extras that make everyday phone use easier.',
      'Handy for commuters, students, road trips and travel.',
      'A practical stocking [filler|stuffer] or gift for teens and techies.',
      'Keeps your phone ready for the day, wherever you are headed.',
    ],
    purposesWhen: {
      'phone case': ['Protects against drops, cracks and scratches from keys in your pocket.'],
      shockproof: ['Takes the knocks from drops onto [pavements|sidewalks] and stairs.'],
      'wireless charger': ['Set your phone down on the nightstand to charge overnight, with no fiddly cables.'],
      'power bank': ['Keeps your phone going at festivals, on long travel days and in [power cuts|power outages].'],
      'USB-C cable': ['A spare cable for the car, the office or the travel bag.'],
      'car mount': ['Holds your phone at eye level for [sat-nav|GPS] and maps while you drive.'],
    },
  },
  cameras: {
    purposes: [
      'Captures [holidays|vacations], family days out and kids growing up.',
      'Better photos than a phone in low light and at a distance.',
      'A good camera for beginners learning photography.',
      'Takes memories beyond the phone gallery, from birthdays to weddings.',
    ],
    purposesWhen: {
      'action camera': ['Mounts on a helmet, handlebars or a board to film rides, surfing and skiing.'],
      'instant camera': ['Prints photos on the spot for parties, weddings and guest books.'],
      'mirrorless camera': ['Swap lenses as your photography grows, from portraits to wildlife.'],
      'compact camera': ['Small enough for a pocket on city breaks and nights out.'],
      'with flip screen': ['The flip screen makes vlogging and selfies easy.'],
    },
  },
  smartHome: {
    purposes: [
      'Control it from an app on your phone, at home or away.',
      'Makes the home a little easier to run for busy families.',
      'Gives peace of mind while you are at work or on [holiday|vacation].',
      'A helpful setup for older relatives living on their own.',
    ],
    purposesWhen: {
      'smart plug': ['Turns lamps, fans and heaters on and off from your phone or on a schedule.'],
      'video doorbell': ['See and speak to whoever is at the door from anywhere, so you never miss a parcel.'],
      'security camera': ['Keeps an eye on the house, the pets or the driveway while you are out.'],
      'smart thermostat': ['Heats the home only when you need it, to help cut energy bills.'],
      'smart bulb': ['Dim the lights or change the color from the [sofa|couch], or wake up to a gentle sunrise.'],
    },
  },
  smartwatches: {
    purposes: [
      'Tracks steps, workouts and sleep to help you build healthier habits.',
      'Made for runners, cyclists, gym-goers and anyone trying to move more.',
      'Keeps an eye on your activity through busy days at work.',
      'Light and comfortable enough to wear to bed.',
    ],
    purposesWhen: {
      'GPS watch': ['Built-in GPS maps runs and rides without carrying a phone.'],
      'running watch': ['Tracks pace, distance and splits for training plans and race day.'],
      smartwatch: ['Shows messages and calls on your wrist so your phone can stay in your pocket.'],
      'Bluetooth and LTE': ['LTE lets you call and text on a run without your phone.'],
      '10 ATM': ['Water resistant to 10 ATM, so it can track laps in the pool.'],
      '21 days': ['Weeks of battery, so you can wear it on a camping trip without a charger.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
