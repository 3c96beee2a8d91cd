/**
 * Whether a figure is a level or a change, read from the words around it the
 * way a reader does: a direction verb right before it ("rose 3%", "fell by
 * $9.6bn", "was down 2%", "slumped as much as 8%"), a direction verb earlier in
 * the clause with "by" ("cut its price for Asia by 40 cents"), a direction noun
 * ("a rise of 2%", "a 4.4% loss", "a threefold increase") or a comparison after
 * it ("3.6% higher", "38% below April"). A figure after "to", "from" or "at" is
 * a level ("rose to 5%"), and so is one after a positional hedge ("climbed past
 * 600 EH/s", "dropped below 900,000 tonnes"): the verb says where the value is.
 */

import type { FigureKind } from './quantity.ts';

const words = (s: string): Set<string> => new Set(s.split('|'));
// Intransitive direction verbs and "up"/"down": a change for any unit.
const RISE = words(
  'rose|rise|rises|rising|risen|climbed|climb|climbs|climbing|jumped|jump|jumps|jumping|gained|gain|gains|gaining|grew|grow|grows|growing|grown|increased|increase|increases|increasing|surged|surge|surges|surging|soared|soar|soars|soaring|advanced|advances|advancing|added|add|adds|adding|swelled|swell|swells|swelling|rallied|rally|rallies|rallying|spiked|expanded|expand|expands|expanding|widened|up',
);
const FALL = words(
  'fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|decreased|decrease|decreases|decreasing|slid|slide|slides|sliding|slipped|slip|slips|slipping|sank|sink|sinks|sinking|sunk|plunged|plunge|plunges|plunging|tumbled|tumble|tumbles|tumbling|slumped|slump|slumps|slumping|dipped|dip|dips|dipping|eased|ease|eases|easing|contracted|contract|contracts|contracting|shrank|shrink|shrinks|shrinking|shrunk|retreated|retreat|narrowed|shed|sheds|shedding|cut|cuts|cutting|down',
);
// Transitive verbs whose object is often the amount itself ("raised $48.5m", "lost £120,000 to a scam"):
// a change only for relative units (%, points, multiples) or through "by".
const RISE_REL = words('raised|raise|raises|raising|lifted|lift|lifts|lifting|boosted|boost|boosts|boosting');
const FALL_REL = words('lost|lose|loses|losing|lowered|lower|lowers|lowering|reduced|reduce|reduces|reducing|trimmed|trim|trims|trimming|slashed|slash|slashes|slashing');
// verbs that take the figure after their object: "lift our target price 12%", "cut its dividend 20%"
const OBJECT_VERBS = new Set([...RISE_REL, ...FALL_REL, 'cut', 'cuts', 'cutting', 'added', 'add', 'adds', 'shed', 'sheds']);
const RELATIVE_UNITS = /^(?:%|pp|pt|x)(?:\/|$)/;
const LENGTHS = /^(?:m|km|mi|ft|cm|mm|in)$/;
// words between a verb and its figure that keep the verb's direction ("falling another 12%", "shrank an annualised 2.9%")
const FILLERS = words('by|another|further|additional|record|annualised|annualized|just|only|mere|modest|sharp|steep|a|an|combined|net|extra|total|cumulative|collective|whopping|hefty');
// a linking verb ends the object: "trimmed mean inflation was 3.9%" is a level, not a trim
const OBJECT_STOP = words(
  'to|at|from|of|in|on|by|than|with|and|or|the|a|an|its|their|his|her|our|this|that|these|those|was|is|were|are|be|been|being|stood|stands|remained|remains|came|comes|hit|reached|reaches|totalled|totaled|totals',
);
const DETERMINERS = words('its|their|his|her|our|the|a|an|this|that|these|those|your|my');
// "shut down 40 farms", "made up 11%", "set up 12 sites": a phrasal verb, not a direction
const PHRASAL = words(
  'shut|shuts|shutting|set|sets|setting|wound|wind|winds|broke|break|breaks|turned|turn|turns|took|take|takes|put|puts|brought|bring|handed|hand|signed|sign|made|make|makes|ended|end|ends|showed|show|split|lined|paid|pay|summed|gave|give|looked|look|counted|count|played|play|backed|back|stepped|step|pinned|tied|locked|struck|sat|stood|held|hold|kept|keep|called|call|picked|pick|scaled|scale|built|build|drew|draw|slowed|slow|calmed|calm|cooled|cool|tracked|track|mapped|map|staffed',
);
const NOUNS_BEFORE = words('rise|increase|gain|jump|hike|surge|advance|drop|fall|decline|decrease|cut|reduction|contraction|slump');
const AFTER = /^\s+(higher|lower|above|below|more than|less than|rise|increase|gain|jump|hike|surge|advance|drop|fall|decline|decrease|cut|reduction|contraction|slump|loss|plunge|slide)(?![\p{L}])/iu;
const RISE_AFTER = words('higher|above|more than|rise|increase|gain|jump|hike|surge|advance');
const POSITIONAL_HEDGES = new Set([
  'past',
  'above',
  'below',
  'under',
  'over',
  'beyond',
  'topped',
  'tops',
  'topping',
  'crossed',
  'crosses',
  'crossing',
  'surpassed',
  'surpasses',
  'surpassing',
  'exceeded',
  'exceeds',
  'exceeding',
  'eclipsed',
  'eclipses',
  'north of',
]);
const TOKENS = /[\p{L}][\p{L}'’-]*|\d[\d.,]*|[^\s\p{L}\d]/gu;

const isVerb = (w: string): boolean => RISE.has(w) || FALL.has(w) || RISE_REL.has(w) || FALL_REL.has(w);
const directionOf = (w: string): FigureKind => (RISE.has(w) || RISE_REL.has(w) ? 'rise' : 'fall');

/**
 * The kind a figure gets from the words before it: `before` is the text up to the
 * figure's first word (hedge included), `hedge` the hedge as written (or null),
 * `unit` its canonical unit. Null when nothing before it gives a direction.
 */
export function kindBefore(before: string, hedge: string | null, unit: string): FigureKind | null {
  const toks = (before.match(TOKENS) ?? []).slice(-14).map((t) => t.toLowerCase());
  const relativeUnit = RELATIVE_UNITS.test(unit);
  // a direction verb right before the figure, past fillers: "rose 3%", "fell by $9.6bn", "falling another 12%"
  let i = toks.length - 1;
  let viaBy = false;
  // "increased by a mean of 23 minutes": an average between verb and figure keeps the verb's direction
  if (toks[i] === 'of' && /^(?:average|mean|median)$/.test(toks[i - 1] ?? '') && /^an?$/.test(toks[i - 2] ?? '')) i -= 3;
  while (i >= 0 && FILLERS.has(toks[i]!)) {
    if (toks[i] === 'by') viaBy = true;
    i--;
  }
  const verb = toks[i];
  if (verb !== undefined && isVerb(verb)) {
    const phrasal = (verb === 'up' || verb === 'down') && PHRASAL.has(toks[i - 1] ?? '');
    const relative = RISE_REL.has(verb) || FALL_REL.has(verb);
    // "climbed past 600 EH/s", "dropped below 900,000 t": the verb says where the value now is
    if (!phrasal && hedge !== null && POSITIONAL_HEDGES.has(hedge) && !viaBy) return 'level';
    // "lost by 40 runs": a margin, not a fall
    const margin = viaBy && (verb === 'lost' || verb === 'lose' || verb === 'loses' || verb === 'losing') && !relativeUnit && unit.startsWith('count');
    if (!phrasal && !margin && (!relative || viaBy || relativeUnit)) return directionOf(verb);
  }
  const last = toks.length - 1;
  // "cut its official selling price for Arab Light to Asia by 40 cents" (not a passive "driven by")
  // "rose by an average of 2%", "increased by a mean of 23 minutes": the verb is before the average
  let byAt = last;
  if (toks[last] === 'of' && /^(?:average|mean|median|total)$/.test(toks[last - 1] ?? '') && /^an?$/.test(toks[last - 2] ?? '')) byAt = last - 3;
  if (toks[byAt] === 'by' && !/(?:ed|en)$/.test(toks[byAt - 1] ?? '')) {
    for (let j = byAt - 2; j >= Math.max(0, byAt - 12); j--) {
      const w = toks[j]!;
      if (/^[.;:!?%]$/.test(w)) break;
      if (isVerb(w) && w !== 'up' && w !== 'down') return directionOf(w);
    }
  }
  // "lift our target price 12%": a transitive verb, a short object, a relative figure
  if (relativeUnit && !DETERMINERS.has(toks[last] ?? '')) {
    for (let j = last - 1, n = 1; j >= 0 && n <= 4; j--, n++) {
      const w = toks[j]!;
      const obj = toks[j + 1]!;
      if (!/^\p{L}/u.test(obj) || (OBJECT_STOP.has(obj) && !DETERMINERS.has(obj))) break;
      if (OBJECT_VERBS.has(w)) return directionOf(w);
    }
  }
  // "a rise of 2%", "a net gain of five seats"
  if (toks[last] === 'of' && NOUNS_BEFORE.has(toks[last - 1] ?? '')) return directionOf(toks[last - 1]!);
  return null;
}

/**
 * The direction of a transitive verb right before the figure ("lost $41", "raised $5"), which
 * kindBefore leaves as a level because its object is usually the amount itself; figures.ts asks
 * when a second amount follows with "to" ("aluminium lost $41 to $2,512": a fall and a level).
 */
export function transitiveDirectionBefore(before: string): FigureKind | null {
  const toks = (before.match(TOKENS) ?? []).slice(-6).map((t) => t.toLowerCase());
  let i = toks.length - 1;
  while (i >= 0 && FILLERS.has(toks[i]!)) i--;
  const verb = toks[i];
  return verb !== undefined && (RISE_REL.has(verb) || FALL_REL.has(verb)) ? directionOf(verb) : null;
}

/** The kind a figure gets from the words after it: "3.6% higher", "a 4.4% loss", "38% below April". */
export function kindAfter(after: string, unit: string): FigureKind | null {
  const post = AFTER.exec(after);
  if (!post) return null;
  const word = post[1]!.toLowerCase();
  if (word === 'above' || word === 'below') {
    // "lies 4 km below the salt flat" is a position; "19 days above 110F" hedges the next figure
    if (LENGTHS.test(unit) || /^\s+(?:above|below)\s+(?:[$€£¥₹]|\d|minus)/iu.test(after)) return null;
  }
  return RISE_AFTER.has(word) ? 'rise' : 'fall';
}

/** Level or change, from both sides (see kindBefore and kindAfter). */
export function kindOf(before: string, after: string, hedge: string | null, unit: string): FigureKind {
  return kindBefore(before, hedge, unit) ?? kindAfter(after, unit) ?? 'level';
}
