/** What Office products are for, per leaf (see LeafSpec.purposes). */
import type { LeafPurposes } from './vocab-types.ts';

export const OFFICE_PURPOSES = {
  desks: {
    purposes: [
      'A dedicated spot for working from home, homework or gaming.',
      'Keeps work in one place instead of taking over the kitchen table.',
      'Room for a laptop, a monitor and a notebook, with space to think.',
      'Suits home offices, bedrooms, students and hybrid workers.',
    ],
    purposesWhen: {
      'standing desk': ['Switch between sitting and standing to ease back ache on long work days.'],
      'with electric height adjustment': ['Rises at the touch of a button, so standing breaks are easy.'],
      'L-shaped desk': ['Tucks into a corner with room for two monitors and paperwork.'],
      'writing desk': ['Compact enough for a bedroom, a hallway or a small [flat|apartment].'],
      'computer desk': ['Room for a PC tower, a monitor and a keyboard for work or gaming.'],
      'with cable tray': ['A cable tray keeps chargers and plugs off the floor.'],
    },
  },
  officeChairs: {
    purposes: [
      'Supports your back and posture through long work days.',
      'A comfortable upgrade from a dining chair when working from home.',
      'Adjusts to fit you and your desk.',
      'Suits home offices, study corners and gaming setups.',
    ],
    purposesWhen: {
      'ergonomic chair': ['Designed to ease back, neck and shoulder strain from hours at a desk.'],
      'with adjustable lumbar support': ['Adjustable lumbar support helps with lower back pain.'],
      'with headrest': ['The headrest supports your neck on long calls and when you lean back.'],
      mesh: ['A breathable mesh back keeps you cool on warm afternoons.'],
      'executive chair': ['A plush, high-backed chair for long days and important meetings.'],
    },
  },
  filing: {
    purposes: [
      'Keeps paperwork, supplies and clutter off the desk.',
      'Gives everything a home in small offices and spare rooms.',
      'Helps a work-from-home setup stay tidy and easy to switch off from.',
      'Handy for freelancers, small businesses and family admin.',
    ],
    purposesWhen: {
      'filing cabinet': ['Keeps bills, contracts and tax paperwork organized and easy to find.'],
      'rolling cart': ['Rolls wherever you need it for craft supplies, art materials or a printer.'],
      'storage cabinet': ['Hides printer paper, files and supplies behind closed doors.'],
      'mobile pedestal': ['Slides under the desk to keep supplies close at hand.'],
      'with lock': ['The lock keeps passports and private papers secure.'],
    },
  },
  notebooks: {
    purposes: [
      'Keeps ideas, notes and to-do lists in one place.',
      'Made for meetings, lectures, journaling and planning.',
      'A small gift for students, writers and list-makers.',
      'Helps you get things out of your head and onto paper.',
    ],
    purposesWhen: {
      planner: ['Plans the week, tracks deadlines and keeps busy families on schedule.'],
      journal: ['A place for daily reflections, gratitude lists and travel memories.'],
      sketchbook: ['Made for doodles, drawings and sketching on the go.'],
      'dot grid notebook': ['Dot grid pages for bullet journals, habit trackers and sketches.'],
      lined: ['Lined pages for lecture notes, meeting minutes and letters.'],
      Pocket: ['Small enough for a pocket, for shopping lists and sudden ideas.'],
    },
  },
  pens: {
    purposes: [
      'For everyday writing, note-taking and doodling.',
      'Makes filling in planners, cards and forms a pleasure.',
      'Useful for students, teachers and office workers.',
      'A thoughtful small gift or back-to-school essential.',
    ],
    purposesWhen: {
      'gel pen set': ['Bright colors for color-coding notes, journaling and card-making.'],
      'fountain pen': ['A smooth nib for handwriting practice, letters and signing special cards.'],
      'ballpoint pen': ['A dependable pen for the office, the bag and the kitchen drawer.'],
      'mechanical pencil': ['Sharp lines for math, drawing and technical sketches, with no sharpener needed.'],
      'marker set': ['Bold color for posters, planners, whiteboards and art projects.'],
    },
  },
  deskOrganizers: {
    purposes: [
      'Clears clutter so you can focus on work.',
      'Gives pens, notes and chargers a home on a small desk.',
      'A simple upgrade for home offices and student desks.',
      'Helps a shared desk stay tidy between users.',
    ],
    purposesWhen: {
      'monitor stand': ['Raises the screen to eye level to help with neck strain.'],
      'laptop stand': ['Lifts a laptop to eye level, so you are not hunched over all day.'],
      'desk mat': ['Protects the desk from scratches and gives a smooth surface for a mouse.'],
      'pen holder': ['Keeps pens and scissors upright and within reach.'],
      'desk organizer': ['Sorts pens, sticky notes and cables into compartments.'],
      'with wireless charging pad': ['Charges your phone while you work.'],
    },
  },
  deskLamps: {
    purposes: [
      'Bright, focused light for homework, reading and crafts.',
      'Helps reduce eye strain on long evenings at the desk.',
      'Lights the desk without lighting up the whole room, which is handy in shared bedrooms.',
      'Improves lighting for video calls in a dim home office.',
    ],
    purposesWhen: {
      'clamp lamp': ['Clamps to the edge of the desk, so it saves space on small desks.'],
      'architect lamp': ['Reaches over drawings, sewing and model-making.'],
      'with adjustable color temperature': ['Switch from cool light for focus to warm light for winding down.'],
      'with USB charging port': ['A USB port charges a phone while you work.'],
    },
  },
  paper: {
    purposes: [
      'Stocks up the home office, the study or the classroom.',
      'An everyday essential for small businesses and busy households.',
      'Handy for school projects, crafts and paperwork.',
      'Keeps you ready for the next print job, reminder or parcel.',
    ],
    purposesWhen: {
      'copy paper ream': ['For printing homework, tickets, boarding passes and invoices.'],
      'sticky note pad': ['Reminders, to-do lists and page markers that stick where you will see them.'],
      'envelope pack': ['For posting cards, invitations, bills and thank-you notes.'],
      'label roll': ['Labels jars, moving boxes, files and school supplies.'],
      'recycled paper': ['Made from recycled paper for a lighter footprint.'],
    },
  },
  officeMachines: {
    purposes: [
      'Takes care of everyday admin in a home office or small business.',
      'Saves a trip to the print shop or the office.',
      'A practical addition for freelancers, students and remote workers.',
      'Compact enough to fit on a desk or shelf.',
    ],
    purposesWhen: {
      'label maker': ['Labels shelves, pantry jars, cables and files for an organized home.'],
      'paper shredder': ['Safely destroys bank statements and personal papers to protect against identity theft.'],
      'document scanner': ['Turns piles of paperwork, receipts and old photos into digital files.'],
      webcam: ['Sharper video calls, interviews and online classes than a built-in laptop camera.'],
      'desktop printer': ['Prints homework, tickets, shipping labels and forms at home.'],
    },
  },
} satisfies Record<string, LeafPurposes>;
