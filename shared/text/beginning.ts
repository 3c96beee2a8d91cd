/**
 * The beginning of a long text, for painting it before the rest arrives: about
 * `chars` characters, cut at the last paragraph break in the final quarter when there
 * is one (so the first paint never ends mid-sentence), else at a line break, else
 * exactly — but never between the two halves of a surrogate pair.
 */
export function textBeginning(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const floor = Math.floor(chars * 0.75);
  const para = text.lastIndexOf('\n\n', chars);
  if (para >= floor) return text.slice(0, para + 2);
  const line = text.lastIndexOf('\n', chars);
  if (line >= floor) return text.slice(0, line + 1);
  const code = text.charCodeAt(chars - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? chars - 1 : chars);
}
