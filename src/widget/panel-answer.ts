/**
 * The parts of a help answer in the panel: its sources as "Source:" links under the text, and two thumbs
 * (Helpful, Not helpful) that send the feedback action once. Plain JavaScript concatenated after the panel's
 * module (it uses the panel's `el`), so the panel stays one request; text only ever as textContent.
 */
export const PANEL_ANSWER_JS = String.raw`
// Words, not 👍/👎: a system without an emoji font draws those as empty boxes.
const VOTES = [['Helpful', true], ['Not helpful', false]];

/** "Source:" lines (a link when the address resolves to http(s)) and the thumbs; vote(answer, helpful) sends the press. */
function answerParts(r, link, vote) {
  const parts = (r.citations || []).map((c) => {
    const href = c.url && link(c.url);
    return el('p', { class: 'source' }, 'Source: ', href ? el('a', { href, text: c.title }) : c.title);
  });
  if (r.feedback) parts.push(thumbs(r.feedback.answer, vote));
  return parts;
}

function thumbs(answer, vote) {
  const group = el('div', { class: 'thumbs', role: 'group', 'aria-label': 'Was this answer helpful?' });
  group.dataset.answer = answer;
  group.append(...VOTES.map(([label, helpful]) => el('button', {
    type: 'button', text: label, 'aria-label': label,
    onclick: () => { pressed(group, helpful); vote(answer, helpful); },
  })));
  return group;
}

/** One press per answer: both buttons disabled, the pressed one aria-pressed (also when the vote comes back on a reload). */
function pressed(group, helpful) {
  group.querySelectorAll('button').forEach((b, i) => { b.disabled = true; b.setAttribute('aria-pressed', String(VOTES[i][1] === helpful)); });
}

/** A vote read back from the conversation (a replay) presses the thumbs of the latest answer it names. */
function voted(log, a) {
  const group = [...log.querySelectorAll('.thumbs')].reverse().find((g) => g.dataset.answer === a.answer);
  if (group) pressed(group, a.helpful);
}
`;
