/** Figures read together: what a figure takes from the one before it in its sentence (its kind, its unit). */

import type { Figure } from './figure.ts';
import { splitUnit } from './units.ts';

// an interval right after its estimate: "(95% CI 0.4–0.8)", "; 95% CI, 89.0 to 93.2", "(IQR 7.1–12.4)"
const CI_GAP = /^[^.;]{0,12}[(;,]\s*(?:\d{2}(?:\.\d)?%\s*(?:CIs?|CrI|UI|confidence interval|credible interval)|IQR|interquartile range|range)[,:]?\s*$/u;
const sameBase = (a: string | null, b: string | null): boolean => a !== null && b !== null && splitUnit(a).base === splitUnit(b).base;

/**
 * What a figure takes from the one before it in its sentence: "down $1.12, or 1.4%"
 * (the second is a fall too) and "about 140 patients a day, up from 90" (the bare
 * earlier level is in the same unit).
 */
export function linkNeighbours(text: string, figs: Figure[]): void {
  for (let i = 1; i < figs.length; i++) {
    const prev = figs[i - 1]!;
    const f = figs[i]!;
    if (prev.sentenceStart !== f.sentenceStart) continue;
    const gap = text.slice(prev.end, f.start);
    // "down $1.12, or 1.4%"; "rose 4% q/q and 11% y/y" (the same base unit joined by "and")
    // (only when the second figure ends its phrase: "rose 4% and 3% of staff left" keeps the 3% a level)
    const joined = /^,?\s+and\s+$/.test(gap) && sameBase(prev.unit, f.unit) && /^(?:\s*[,.;)]|\s*$|\s+(?:respectively|in|on|from|to)(?![\p{L}]))/u.test(text.slice(f.end, f.end + 16));
    if (f.kind === 'level' && prev.kind !== 'level' && (/^,?\s+or\s+$/.test(gap) || joined)) f.kind = prev.kind;
    // "fell by 0.6 percentage points (95% CI 0.4–0.8)": a bare interval is in the estimate's unit
    if (f.unit === 'count' && f.bound === 'range' && prev.unit !== 'count' && prev.unit !== null && CI_GAP.test(gap)) f.unit = prev.unit;
    // "Greens on 11% (+2)": a signed bare number in brackets after a share is its change in points
    if (f.unit === 'count' && prev.unit === '%' && /^[+\-−]\d/.test(f.raw) && /^\s*\(\s*$/.test(gap) && /^\s*\)/.test(text.slice(f.end, f.end + 3))) f.unit = 'pp';
    if (f.unit === 'count' && prev.unit !== 'count' && prev.unit !== null && /^[\d.,]+$/.test(f.raw) && /(?:^|\s)from\s+$/.test(text.slice(Math.max(0, f.start - 8), f.start))) {
      if (/^(?:\s+(?:before|after|in|on|at|a|the|last|earlier|previously|when|and|until|since)(?![\p{L}])|\s*[,.;)]|\s*$)/u.test(text.slice(f.end, f.end + 16))) f.unit = prev.unit;
    }
  }
}
