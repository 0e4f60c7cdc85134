/**
 * General shopping concepts: the ways shoppers ask about a kind of fact, mapped to the words such a
 * fact is named by in catalogs ("waterproof" → water resistance, "how wide" → width, dimensions).
 * Listed most specific first: a word one concept claims is not read again by a later one.
 */
import { stemWord, type Word } from './question-text.ts';

export interface Concept {
  /** Stems of the attribute-name words this concept points at; '~' marks a weak pointer, '+' joins words a name must all have. */
  names: string[];
  /** Phrases, matched word by word on stems; '*' skips up to three words, '#' is a number, '#x' a number with unit x. */
  phrases: string[];
  /** Its phrases mean the same as its names (warranty = guarantee), so they count as the word itself in descriptions. */
  same?: boolean;
  /** Its one-word phrases name it only as nouns or adjectives: "will it fit in my car" is not about the fit. */
  noun?: boolean;
}

const c = (names: string, phrases: string, same = false): Concept => ({ names: names.split(' '), phrases: phrases.split(','), same });

export const CONCEPTS: readonly Concept[] = [
  c('charging', 'how long * to charge,how long * to recharge,charge time,charging time,recharge time,to fully charge,rechargeable'),
  c('orientation', 'left facing,right facing,left hand,right hand,which side,what side,orientation,facing,reversible'),
  c('assembly', 'assembly,assemble,assembled,put * together,screw * together,bolt * together,build it,flat pack,flatpack,flat packed,tools needed,tools required,set up,setup,install,installation'),
  c('weight+capacity weight+limit max+weight max+load', 'weight limit,weight capacity,weight rating,max weight,maximum weight,max load,how much weight,hold,support up to,carry,load'),
  c('weighted', 'weighted'),
  c('weight', 'how much * weigh,weigh,weight,heavy,heft,lightweight,light weight,lb,pound,kg,kilo'),
  c('oven', 'oven,oven temp,oven temperature,oven safe,broil,broiler'),
  c('water resistance waterproof', 'waterproof,water proof,water resistant,water resistance,water repellent,splash,splashproof,swim,shower,rain,submerge,submersible,sweat,sweatproof,sweat proof,wet,ip rating,ipx#,ip#,liquid,underwater'),
  c('temperature warmth season', 'temp,temperature,temp rating,temperature rating,deg,degree,how hot,how cold,how warm,heat,hot,cold,warm,warmth,cozy,insulated,insulation,tog'),
  c('season', 'season,winter,snow,summer,all weather,year round,#season,# season,three season,four season'),
  c('play time battery life', 'play time,playtime,game length,game time,how long * game,how long * round,how long * match'),
  c('battery life', 'battery,on a charge,on a full charge,on one charge,on a single charge,per charge,playback,talk time,unplugged,run time,runtime'),
  c('life time duration', 'how long does,how long do,how long will,how long would,how long can,how long to,how long until,how long before,it last,they last,lasts,last long,last for,last on'),
  c('quantity size capacity pack', 'how much is in,how much comes in,how much do you get,how much product'),
  c('pack set', 'pack,pairs,pack size,multipack,how many pairs,how many come,set of,sold as a set,sold individually,sold separately,individually,just one,single'),
  c('connectivity connection wireless', 'bluetooth,wifi,wi fi,wireless,wired,cable,cord,corded,cordless,usb,usb c,hdmi,displayport,display port,ethernet,lte,5g,4g,cellular,connect,connection,connectivity,pairing,pair with,jack,aux,dongle,receiver,airplay,chromecast,nfc,multipoint'),
  c('resolution', 'resolution,4k,8k,uhd,hd,full hd,1080p,1440p,720p,2k,pixel,megapixel,#mp,# mp,sharpness'),
  c('refresh', 'refresh,refresh rate,#hz,# hz,fps,frame rate'),
  c('storage', 'storage,#gb,# gb,#tb,# tb,gb,tb,ssd,hard drive,disk space'),
  c('memory', 'ram,memory'),
  c('induction compatible', 'induction,cooktop,hob,stove,stovetop,gas,electric range'),
  c('wattage power', 'watt,wattage,#w,# w,how powerful,powerful'),
  c('voltage', 'volt,voltage,#v,# v'),
  c('piece', 'piece,pc,pcs,piece count,how many in the set,how many items'),
  c('bulb', 'bulb,light bulb,lightbulb'),
  c('scent', 'scent,scented,unscented,scent free,fragrance free,smell,fragrance,fragrant,aroma,perfumed'),
  c('burn', 'burn,burn time'),
  c('lumen brightness', 'lumen,bright,brightness,how much light'),
  c('cooking area', 'cooking area,cooking surface,cooking space,grill area,grilling area,grill space,grilling space,surface area'),
  c('player', 'player,how many can play,how many people can play,multiplayer,solo'),
  c('age gender stage', 'age,how old,year old,# year old,month old,# month old,toddler,baby,infant,newborn,teen,teenager,kid,child,children,adult'),
  c('skin', 'skin,complexion'),
  c('hair', 'hair,hair type'),
  c('spf', 'spf,sun protection,uv protection,uv'),
  c('lumbar', 'lumbar,lumbar support,lower back,back support'),
  c('page', 'page,sheet count'),
  c('ruling', 'ruled,ruling,lined,lines,blank,dot grid,dotted,grid,graph paper'),
  c('pet', 'pet,dog,cat,bird,fish,rabbit,guinea pig,hamster,breed'),
  c('flavor', 'flavor,taste,recipe'),
  c('stage', 'life stage,puppy,senior,kitten,all ages'),
  c('thread count', 'thread count,threadcount,tc,thread'),
  c('pocket depth', 'pocket,pocket depth,deep pocket,mattress depth,mattress thickness,fit a # inch,fits a # inch,# inch deep,deep mattress'),
  c('firmness', 'firm,firmness,soft,softness,plush,how firm,how soft,feel'),
  c('tv', 'tv,television'),
  c('seat seating capacity', 'seat,seating,sit,how many people,how many guests,sleep,person,people,capacity'),
  c('blade', 'blade'),
  c('subject', 'subject,theme,depict,picture of,image of,motif,what does it show'),
  c('sizingaccuracy', 'true to size,run small,run big,run large,run true,run narrow,run wide,size up,size down'),
  { ...c('fit', 'fit,fitted,slim,loose,baggy,relaxed,oversized,tight,snug'), noun: true },
  c('gender', 'men,mens,man,male,guy,women,womens,woman,female,lady,ladies,girl,boy,unisex,gender,for him,for her'),
  c('rise', 'rise,waist,high waisted,low rise,mid rise,high rise'),
  c('heel', 'heel'),
  c('variety', 'variety,what seeds,which seeds,what plants,which plants,what flowers'),
  c('rating review', 'rating,rated,review,reviewer,star,any good,feedback'),
  c('warranty guarantee', 'warranty,guarantee,guaranteed,guaranty', true),
  c('ship deliver delivery', 'how fast * ship,how quickly * ship,how soon * ship,how fast * deliver,how soon * arrive,ship,shipping,shipped,deliver,delivery,delivered,arrive,postage,dispatch', true),
  c('box includ', 'in the box,come with,comes with,included,include,includes,what comes', true),
  c('dishwasher', 'dishwasher,dish washer,dishwasher safe', true),
  c('wash clean care', 'wash,washable,machine wash,hand wash,clean,cleaning,launder,laundry'),
  c('price cost', 'how much,price,cost,expensive,cheap,cheaper,on sale,sale,discount,afford,deal,pricey'),
  c('stock availability', 'can i order,can i buy,order it now,buy it now,get it now,available now,in stock,out of stock,stock,available,availability,sold out,back order,backorder,preorder,pre order,how many left,any left'),
  c('brand', 'brand,who makes,who made,made by,manufacturer,maker,company'),
  c('material', 'material,made of,made from,made out of,made with,built from,woven,woven from,stone,fabric,upholstery,upholstered,what is it made,wood,wooden,metal,plastic,leather,cotton,steel,glass,memory foam,foam,fill,filled,filling,stuffing,stuffed'),
  c('origin country', 'where * made,made in,country of origin,origin,manufactured,where is it from'),
  c('color', 'color,shade,finish,hue'),
  c('size', 'come in a #,come in #,in a size #,size #,come in small,come in medium,come in large,come in xs,come in xl'),
  c('width dimension', 'wide,narrow,width,how wide,across'),
  c('height dimension', 'tall,height,high,how tall,how high'),
  c('depth dimension', 'deep,depth,how deep'),
  c('length dimension', 'long,length,how long'),
  c('height depth thickness', 'thick,thickness,how thick'),
  c('dimension ~size', 'dimension,measurement,measure,how big,how large,how small,big,large,small,inch,cm'),
  c('size capacity', 'size,sizing,ml,oz,fl oz,ounce,quart,qt,liter,litre,gallon,gal,cup,volume'),
];

/** Questions asking for the opposite state of a fact's name: "does it come assembled?" of "assembly required". */
const INVERSE_PHRASES = ['come * assembled', 'arrive * assembled', 'ship * assembled', 'deliver * assembled', 'already assembled',
  'pre assembled', 'preassembled', 'fully assembled', 'ready to use', 'out of the box'];
const INVERSE: { name: string; phrases: Part[][] }[] = [{ name: 'assembly', phrases: INVERSE_PHRASES.map(compilePhrase) }];

/** A whole-picture request ("tell me about it"), answered with a summary. */
export const OVERVIEW = /\b(tell me (more )?about|more (info|information|details)|details?|describe|overview|info on|specs?|specifications|what is (it|this|that)|summary)\b/;

/** Words a stem of which names a fact only loosely ("life" in battery life); weak unless nothing else names it. */
export const GENERIC_NAME = new Set(['life', 'time', 'rate', 'size', 'type', 'range', 'height', 'length', 'depth', 'count', 'capacity',
  'max', 'maximum', 'min', 'safe', 'level', 'area', 'stage', 'family', 'rating', 'required', 'compatible'].map(stemWord));

export interface ConceptHit {
  concept: Concept;
  /** Word positions the phrase covered. */
  at: number[];
}

type Part = { any: true } | { test: (w: Word) => boolean };

function compilePhrase(phrase: string): Part[] {
  return phrase.trim().split(/\s+/).map((token): Part => {
    if (token === '*') return { any: true };
    if (token.startsWith('#')) {
      const unit = token.slice(1);
      const re = new RegExp(`^\\d+(\\.\\d+)?${unit}$`);
      return { test: (w) => re.test(w.text) };
    }
    if (/#/.test(token)) {
      const re = new RegExp(`^${token.replace('#', '\\d+')}$`);
      return { test: (w) => re.test(w.text) };
    }
    const stem = stemWord(token);
    // A short word meets only its own forms: "sit", "sits", "sitting", never "site".
    if (token.length <= 3) return { test: (w) => w.text === token || w.text === `${token}s` || (w.stem === stem && /(ing|ed)$/.test(w.text)) };
    return { test: (w) => w.stem === stem || w.text === token };
  });
}

const COMPILED = CONCEPTS.map((concept) => ({ concept, phrases: concept.phrases.map(compilePhrase).sort((a, b) => b.length - a.length) }));

/** Positions the phrase covers when it starts at `start`, or undefined. */
function matchAt(parts: Part[], words: readonly Word[], start: number, taken: ReadonlySet<number>): number[] | undefined {
  const at: number[] = [];
  let i = start;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if ('any' in part) {
      const next = parts[p + 1];
      if (!next || 'any' in next) return undefined;
      let skip = 0;
      while (skip <= 3 && i + skip < words.length && !next.test(words[i + skip]!)) skip++;
      if (skip > 3 || i + skip >= words.length) return undefined;
      i += skip;
      continue;
    }
    const word = words[i];
    if (!word || taken.has(i) || !part.test(word)) return undefined;
    at.push(i++);
  }
  return at;
}

/** Every concept the question names, earlier concepts claiming their words first. */
export function findConcepts(words: readonly Word[]): ConceptHit[] {
  const taken = new Set<number>();
  const hits: ConceptHit[] = [];
  for (const { concept, phrases } of COMPILED) {
    const at: number[] = [];
    for (const parts of phrases) {
      for (let start = 0; start < words.length; start++) {
        const covered = matchAt(parts, words, start, taken);
        if (covered && concept.noun && covered.length === 1 && usedAsVerb(words, covered[0]!)) continue;
        if (covered) { covered.forEach((i) => taken.add(i)); at.push(...covered); }
      }
    }
    if (at.length) hits.push({ concept, at });
  }
  return hits;
}

const OBJECT = /^(me|my|in|into|on|onto|through|under|inside|between|around|over|your|our|his|her|him|them|us|a|an|the|\d.*)$/;

/** "Will these fit me", "does it fit in a cup holder", "what size does M fit": a verb, with its object or asked for by "what". */
function usedAsVerb(words: readonly Word[], i: number): boolean {
  if (/^(the|a|an|its|their|good|great|nice|perfect|true)$/.test(words[i - 1]?.text ?? '')) return false;
  if (OBJECT.test(words[i + 1]?.text ?? '')) return true;
  return i === words.length - 1 && /^(what|which)$/.test(words[0]?.text ?? '');
}

/** Positions of words that name a noun concept's fact but are used as verbs here ("will these *fit* me"). */
export function nounsUsedAsVerbs(words: readonly Word[]): Set<number> {
  const out = new Set<number>();
  for (const { concept, phrases } of COMPILED) {
    if (!concept.noun) continue;
    for (const parts of phrases.filter((p) => p.length === 1)) {
      words.forEach((_, i) => { if (matchAt(parts, words, i, new Set()) && usedAsVerb(words, i)) out.add(i); });
    }
  }
  return out;
}

/** True when the question asks for the opposite state of the fact named by `names` ("comes assembled"). */
export function asksInverse(words: readonly Word[], names: readonly string[]): boolean {
  return INVERSE.some(({ name, phrases }) => names.includes(stemWord(name))
    && phrases.some((parts) => words.some((_, start) => matchAt(parts, words, start, new Set()) !== undefined)));
}

/** Words of every concept phrase: typo fixing may correct a shopper's word to one of these. */
export function conceptVocabulary(): Set<string> {
  const phrases = [...CONCEPTS.flatMap((k) => k.phrases), ...INVERSE_PHRASES];
  return new Set(phrases.flatMap((p) => p.split(/\s+/)).filter((w) => /^[a-z]+$/.test(w)));
}
