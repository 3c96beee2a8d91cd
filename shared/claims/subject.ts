/**
 * Subject hints: a short noun phrase saying what a figure measures, built from
 * its sentence by two plain rules, so a reader can see why it was chosen.
 *
 * 1. The entity: the noun phrase that opens the clause holding the figure (the
 *    sentence subject), read from the clause start up to the first verb,
 *    preposition or conjunction: "China accounts for ..." → "China".
 * 2. The metric: the noun phrase the figure is "of" ("70% of the global hash
 *    rate" → "global hash rate"), or the nouns right after it ("300 rigs
 *    remain" → "rigs"), or the words between a figure and its rate ("1 million
 *    capacity per day" → "capacity").
 * The hint is "entity — metric" when both exist and differ, else whichever exists.
 * 3. The place: when neither names a place of the gazetteer, a place the clause
 *    ties to the figure by a preposition of location ("unemployment in Spain",
 *    "the share attributed to China") or a fronted "In Andalusia, ..." leads the
 *    hint: "Spain — unemployment". A place after "from" or "to" is left out:
 *    "imports from China" are not China's imports.
 * The clause holding the figure starts after the last comma, semicolon, colon,
 * spaced dash (a wire dateline), reporting verb ("data show that ..."), "while"
 * or "but", or "and" after another figure; a fronted time ("In September 2019
 * the share ...") is skipped; a comparison base (", from 4.1 Mt a year earlier")
 * takes its main clause's subject; a figure opening its clause takes the source
 * named after the verb ("55% of the electricity comes from hydropower" is
 * hydropower's share, as "hydropower supplies 55%" is); an estimate frame ("our base case has
 * Iranian miners at 7%") takes the thing estimated; and a pronoun with nothing
 * specific after it ("Its share fell to 46%", "It had stood at 75%") takes the
 * subject of the sentence before.
 */

import type { Figure } from './figure.ts';
import { placeMentions, placeName } from './entities.ts';
import { ACTOR_NOUNS } from './places.ts';
import { leadingTime } from './when.ts';
import { subjectTerms } from './terms.ts';
import { sentences } from './sentences.ts';

const NUMERIC_WORDS = /^(?:nearly|almost|about|roughly|around|some|over|under|half|third|thirds|quarter|quarters|tenth|fifth|dozen|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an)$/;
const DETERMINERS = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|all|some|each|every|any|both)$/i;
const LEADERS = /^(?:while|and|but|as|after|since|when|although|though|whereas|so|yet|then|also|meanwhile|however|globally|overall)$/i;
const STOPS = new Set(
  (
    'is are was were be been being has have had will would could can may might should must shall do does did ' +
    'accounts account accounted said says say reached reach reaches rose rise rises risen fell fall falls fallen grew grow grows ' +
    'hit hits stood stands stand lost lose loses produced produces produce employs employ controls control hosts host holds hold held ' +
    'carries carry carried generated generates generate supplied supplies supply expects expect expected paid pays pay ' +
    'received receive receives handled handle handles processed process processes climbed climb climbs dropped drop drops traded trade trades ' +
    'averaged averages totaled totalled totals amounted amount amounts needs need needed require requires required make makes made ' +
    'take takes took get gets got show shows showed remain remains remained stay stays stayed lies lie lay sets sent buy buys bought ' +
    'sell sells sold earn earns earned run runs ran uses used deliver delivers delivered stores stored tolerates shipped burned burns ' +
    'came come comes drew draw draws set lack lacks apply applies died die dies went go goes shut cut spent spend spends ' +
    // words that trail a figure without naming what it measures
    'up down below above long lower higher less more old deep wide high tall ago earlier later last next ' +
    'yesterday today tomorrow annually year years month months week weeks day days winter summer spring autumn season ' +
    'moved moves drilled added adds invest invests invested consume consumes consumed found finds estimated estimates ' +
    'in on at for to from by with into onto across over under through during after before since than as per about around near ' +
    'and or but while which that who whom whose where when if because so nor yet not no ' +
    'nearly almost roughly approximately circa estimated'
  ).split(' '),
);

const ADVERBS = new Set('now currently still already reportedly recently typically usually generally alone together'.split(' '));
const HEDGE_WORDS = new Set('about around roughly nearly almost approximately some over under more less fewer just close up'.split(' '));

interface Tok {
  w: string;
  lower: string;
}

function tokens(s: string): Tok[] {
  // dotted initials stay one word: "U.S. share" is not "U S share"
  return (s.match(/(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((w) => ({ w, lower: w.toLowerCase() }));
}

/** Reads a noun phrase from the start of `toks`: determiners dropped, up to 5 words, "of" joins. */
function nounPhrase(toks: Tok[], skipLeaders: boolean): string {
  let i = 0;
  while (skipLeaders && i < toks.length && LEADERS.test(toks[i]!.lower)) i++;
  while (i < toks.length && DETERMINERS.test(toks[i]!.lower)) i++;
  const out: string[] = [];
  let skipped = false;
  for (; i < toks.length && out.filter((w) => w !== 'of').length < 6; i++) {
    const t = toks[i]!;
    if (/^\d/.test(t.w)) break;
    if (t.lower === 'of') {
      const next = toks[i + 1];
      if (out.length === 0 && next && skipped) {
        while (toks[i + 1] && DETERMINERS.test(toks[i + 1]!.lower)) i++;
        continue;
      }
      if (!next || out.length === 0 || STOPS.has(next.lower)) break;
      out.push('of');
      while (toks[i + 1] && DETERMINERS.test(toks[i + 1]!.lower)) i++;
      continue;
    }
    // "the share of voters who voted", "the jobless rate for women": a relative clause
    // or a "for" group after the head noun says whose measure it is (see QUALIFIER below)
    const qualifier = out.length > 0 ? qualifierAt(toks, i) : null;
    if (qualifier) {
      out.push(...qualifier.words);
      i = qualifier.end - 1;
      continue;
    }
    if (STOPS.has(t.lower) || DETERMINERS.test(t.lower) || ADVERBS.has(t.lower)) break;
    // a word followed by a figure, a hedge or a determiner is the verb ("Solar covers 12%",
    // "covers roughly a third", "covers the demand"): a noun phrase does not run on into them
    const next = toks[i + 1];
    if (out.length > 0 && next && (/^\d/.test(next.w) || DETERMINERS.test(next.lower) || HEDGE_WORDS.has(next.lower))) break;
    // a past-tense verb after the head noun ends the phrase ("miners moved")
    if (out.length > 0 && /ed$/.test(t.lower) && !/eed$/.test(t.lower)) break;
    // other figures and hedges opening the clause are not part of the subject
    if (out.length === 0 && NUMERIC_WORDS.test(t.lower)) {
      skipped = true;
      continue;
    }
    out.push(t.w);
  }
  while (out.at(-1) === 'of') out.pop();
  return out.join(' ');
}

/**
 * QUALIFIER. A noun phrase goes on through three qualifiers that narrow what is
 * measured, so a sub-population is not read as the whole ("the jobless rate for
 * women in Greece" is not "Greece's jobless rate"; "the share of voters who
 * voted" is turnout, where "the share of voters" says nothing):
 * - "who" + up to three words (determiners skipped), ending at a stop word;
 *   "who are", "who have" (a stop word first) are no qualifier;
 * - "for" + one or two words that are not stop words, determiners, figures or
 *   places ("for women", "for young people"): "accounts for", "paid for" never
 *   reach here (the verb ends the phrase first), "for the year" starts with a
 *   determiner and "for Spain" is a place, which rule 3 reads;
 * - "at the" + a facility noun (facilityAt).
 */
function qualifierAt(toks: Tok[], i: number): { words: string[]; end: number } | null {
  const t = toks[i]!.lower;
  if (t === 'at') return facilityAt(toks, i);
  if (t !== 'who' && t !== 'for') return null;
  const words: string[] = [];
  let j = i + 1;
  for (; j < toks.length && words.length < (t === 'who' ? 3 : 2); j++) {
    const n = toks[j]!;
    if (/^\d/.test(n.w)) break;
    if (DETERMINERS.test(n.lower)) {
      if (t === 'who' && words.length > 0) continue;
      break;
    }
    if (STOPS.has(n.lower) || ADVERBS.has(n.lower) || HEDGE_WORDS.has(n.lower)) break;
    if (t === 'for' && placeMentions(n.w).length > 0) break;
    words.push(n.w);
  }
  return words.length === 0 ? null : { words: [toks[i]!.w, ...words], end: j };
}

// "at the end of March", "at the start of the year" say when, which when.ts reads
const TIME_POSITIONS = new Set('start end beginning close turn time height peak moment middle'.split(' '));

/**
 * "Container volumes at the port", "output at the mine": "at the" + one noun
 * names the facility measured, as "the port's container volumes" does. A time
 * position ("at the end of March") and a place (read by rule 3) are no facility.
 */
function facilityAt(toks: Tok[], i: number): { words: string[]; end: number } | null {
  const det = toks[i + 1];
  const noun = toks[i + 2];
  if (!det || !noun || det.lower !== 'the' || /^\d/.test(noun.w)) return null;
  if (STOPS.has(noun.lower) || DETERMINERS.test(noun.lower) || TIME_POSITIONS.has(noun.lower) || placeMentions(noun.w).length > 0) return null;
  return { words: [toks[i]!.w, det.w, noun.w], end: i + 3 };
}

/**
 * The clause of `left` that holds the figure: text after the last comma,
 * semicolon, colon, spaced dash (a wire dateline "HONG KONG, June 10 (Wire) - "),
 * "and" after another figure, or reporting verb ("the ministry said the U.S. share was ..."
 * is about the U.S. share, not the ministry).
 */
function clauseBefore(left: string): string {
  // a comma inside "2,000" is no clause break: only punctuation followed by a space counts
  let cut = -1;
  for (const m of left.matchAll(
    /[,;:(](?=\s)|(?<=\s)[-–—](?=\s)|\b(?:said|says|say|reported|reports|noted|notes|added|told|estimated|estimates|announced|announces|stated|states|confirmed|confirms|show|showed|shows|found|find|finds|suggest|suggests|suggested|indicate|indicates|indicated|reckon|reckons|while|whereas|but)(?:\s+that)?(?=\s)|(?<=\d\S*\s+)and(?=\s)/g,
  ))
    cut = m.index + m[0].length - 1;
  // a comparison base ("rose to 5.2 Mt in March, from 4.1 Mt a year earlier") measures
  // what its main clause measures: the clause before the comma gives the subject
  if (cut >= 0 && COMPARISON_BASE.test(left.slice(cut + 1)) && /,$/.test(left.slice(0, cut + 1))) return clauseBefore(left.slice(0, cut));
  // when the figure opens its clause ("..., says, “More than one million ...") the
  // clause has no subject of its own; borrowing an earlier one would misattribute it
  const clause = cut >= 0 ? left.slice(cut + 1) : left;
  // a fronted time ("In September 2019 the share ...") is not the subject
  return clause.slice(leadingTime(clause));
}
const ESTIMATE_FRAME =
  /\b(?:puts?|has|have|had|sees?|saw|estimates?|estimated|pegs?|pegged|places?|placed|forecasts?|forecast|expects?|expected|projects?|projected|values?|valued)\s+((?:(?!\b(?:at|to)\b).)+?)\s+at\s*$/i;
const SOURCE_AFTER = /\b(?:comes?|came|is|are|was|were)\s+(?:(?:generated|supplied|produced|provided|met|covered|sourced|derived)\s+)?(?:from|by)\s+(.+)$/i;
const COMPARISON_BASE = /^\s*(?:(?:up|down)\s+)?(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:about|around|roughly|nearly|almost|some|just)\s+)?$/i;

const ACTOR_WORDS = new Set(ACTOR_NOUNS.flatMap((n) => n.split(' ')));

// prepositions that place a figure in a place; "from" and "to" name an origin or destination
const LOCATIVE = /(?:\b(?:in|across|within|throughout|for|of|among|by|attributed\s+to|located\s+in|based\s+in|inside)\s+(?:the\s+)?)$/i;

/** The place a clause ties to its figure, read from the clause around it (see rule 3). */
function placeNear(left: string, clause: string, right: string): string | null {
  const tied = (part: string): string | null => {
    for (const m of placeMentions(part)) if (m.demonym || LOCATIVE.test(part.slice(0, m.start))) return m.id;
    return null;
  };
  const fronted = /^\s*(?:In|Across|Throughout|Within)\s+([^,]+),\s/.exec(left);
  return tied(clause) ?? tied(right) ?? (fronted ? (placeMentions(fronted[1]!)[0]?.id ?? null) : null);
}

export function subjectFor(text: string, fig: Pick<Figure, 'start' | 'end' | 'sentenceStart' | 'sentenceEnd'>, nounHint = ''): string {
  const left = text.slice(fig.sentenceStart, fig.start);
  // the metric ends at the first clause punctuation ("hash rate, becoming ...")
  // (a dot of initials, "U.S.", or of a decimal is no clause break)
  const right = text.slice(fig.end, fig.sentenceEnd).split(/[,;:!?()"“”…]|(?<!(?:^|[^\p{L}])\p{L})\.(?!\d)/u)[0] ?? '';
  const clause = clauseBefore(left);
  const base = baseSubject(left, right, clause, nounHint);
  if (placeMentions(base.text).length > 0) return base.text;
  // "Its share fell to 46%", "It had stood at 75%": a pronoun with nothing specific
  // after it stands for the subject of the sentence before
  if (PRONOUN_LEAD.test(clause) && subjectTerms(base.text).length === 0) {
    const ante = antecedent(text, fig.sentenceStart);
    if (ante) return ante;
  }
  const place = placeNear(left, clause, right);
  if (!place) return base.text;
  const name = placeName(place);
  // "Miners in China": the actors stand for the place's industry, as "Chinese miners" do
  const actors = base.entity
    .toLowerCase()
    .split(/\s+/)
    .every((w) => ACTOR_WORDS.has(w));
  if (base.entity && base.metric) return actors ? `${name} — ${base.metric}` : `${name} ${base.entity} — ${base.metric}`;
  return base.text ? `${name} — ${base.text}` : name;
}

const PRONOUN_LEAD = /^\s*(?:it|its|they|their)(?![\p{L}])/iu;

/** The subject noun phrase of the sentence before `start` (up to its first number), or ''; a pronoun there looks one sentence further back. */
function antecedent(text: string, start: number, depth = 2): string {
  const from = Math.max(0, start - 600);
  const prev = sentences(text.slice(from, start)).at(-1);
  if (!prev) return '';
  const s = text.slice(from + prev.start, from + prev.end);
  const digit = s.search(/\d/);
  const clause = clauseBefore(digit < 0 ? s : s.slice(0, digit));
  const np = nounPhrase(tokens(clause), true);
  if (!PRONOUN_LEAD.test(clause) && subjectTerms(np).length > 0) return np;
  return depth > 1 ? antecedent(text, from + prev.start, depth - 1) : '';
}

/**
 * A verb that names a measure, right before the figure: "Brazil produced 120
 * million tonnes of soybeans" measures soybean output as "Brazil's soybean
 * production was ..." does, "Vietnam exported 6 million tonnes of rice" its rice
 * exports. The measure word joins the metric read after "of" (unless the metric
 * already says it). Only verbs whose noun is unambiguous are listed: "shipped"
 * (shipments or sales?) and "handled" (throughput or cargo?) are not.
 */
const VERB_MEASURE = new Map<string, string>([
  ...['produced', 'produces', 'produce', 'generated', 'generates', 'generate', 'mined', 'mines'].map((v) => [v, 'output'] as const),
  ...['exported', 'exports', 'export'].map((v) => [v, 'exports'] as const),
  ...['imported', 'imports', 'import'].map((v) => [v, 'imports'] as const),
]);
function withVerbMeasure(metric: string, left: string): string {
  if (!metric) return metric;
  const words = tokens(left)
    .map((t) => t.lower)
    .filter((w) => !HEDGE_WORDS.has(w) && !NUMERIC_WORDS.test(w));
  const noun = VERB_MEASURE.get(words.at(-1) ?? '');
  if (
    !noun ||
    metric
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(noun.slice(0, 5)))
  )
    return metric;
  return `${metric} ${noun}`;
}

function baseSubject(left: string, right: string, clause: string, nounHint: string): { text: string; entity: string; metric: string } {
  // "our base case has Iranian miners at roughly 7%", "puts China's share at 46%": the
  // thing estimated sits between the verb and "at", whoever does the estimating
  const framed = ESTIMATE_FRAME.exec(clause);
  // the figure itself follows the clause: a stand-in number lets the verb rule see it
  let entity = framed ? nounPhrase(tokens(framed[1]!), false) : nounPhrase([...tokens(clause), { w: '0', lower: '0' }], true);
  let metric = nounHint;
  // "a depth of 900 m", "a capacity of 500 MW": the noun before "of" names the metric
  if (!metric && /\sof\s*$/i.test(left)) {
    const toks = tokens(left).slice(0, -1);
    const head: string[] = [];
    for (let i = toks.length - 1; i >= 0 && head.length < 3; i--) {
      const t = toks[i]!;
      if (STOPS.has(t.lower) || DETERMINERS.test(t.lower) || /^\d/.test(t.w)) break;
      head.unshift(t.w);
    }
    const np = head.join(' ');
    if (np && np !== entity) metric = np;
  }
  if (!metric) {
    const ofm = /^\s+of\s+/i.exec(right);
    if (ofm) metric = withVerbMeasure(nounPhrase(tokens(right.slice(ofm[0].length)), false), left);
    else if (/^[ \u00A0]+\p{L}/u.test(right)) metric = nounPhrase(tokens(right), false);
  }
  // "More than 55% of the region's electricity comes from hydropower": a figure that
  // opens its clause has its source after the verb, as "Hydropower supplies 55% of ..." has before it
  const source = !entity && metric ? SOURCE_AFTER.exec(right) : null;
  if (source) entity = nounPhrase(tokens(source[1]!), false);
  if (entity && metric && !entity.toLowerCase().includes(metric.toLowerCase())) return { text: `${entity} — ${metric}`, entity, metric };
  return { text: entity || metric, entity: '', metric: '' };
}
