/** Description sentences written from a product's attributes (battery life, fit, age range, …). */

const PET_PLURALS: Record<string, string> = { dog: 'dogs', cat: 'cats', bird: 'birds', fish: 'fish', 'small animal': 'small animals' };

type Phrase = (value: string) => string | undefined;

const PHRASES: Record<string, Phrase> = {
  assembly_required: (value) => value === 'yes'
    ? 'Arrives flat-packed with all hardware; assembly takes about an hour.'
    : 'Arrives fully assembled, so it is ready to use out of the box.',
  dimensions: (value) => `Measures ${value}.`,
  battery_life: (value) => `Battery life reaches up to ${value} on a full charge.`,
  connectivity: (value) => `Connects over ${value}.`,
  water_resistance: (value) => `Rated ${value} against splashes and sweat.`,
  heel_height: (value) => value === 'flat' ? 'A flat, cushioned sole keeps it comfortable all day.' : `The heel measures ${value}.`,
  width: (value) => `Made in a ${value} width.`,
  fit: (value) => `It has a ${value} fit.`,
  age_range: (value) => `Recommended for ages ${value}.`,
  pet_type: (value) => `Designed with ${PET_PLURALS[value] ?? value} in mind.`,
  induction_compatible: (value) => value === 'yes' ? 'Works on induction, gas and electric cooktops.' : 'Works on gas and electric cooktops (not induction).',
  firmness: (value) => `It has a ${value} feel.`,
  orientation: (value) => `The chaise is ${value}.`,
  adjustable_lumbar: (value) => value === 'yes' ? 'Lumbar support adjusts to your lower back.' : undefined,
  seat_height: (value) => `Seat height: ${value}.`,
  set_of: (value) => value === '1' ? 'Sold individually.' : `Sold as a set of ${value}.`,
  pack_size: (value) => `Comes as a pack of ${value}.`,
};

/** Sentences for the attributes that have one; others are left to the templates. */
export function attributeSentences(attributes: Record<string, string>): string[] {
  const sentences: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const sentence = PHRASES[name]?.(value);
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}
