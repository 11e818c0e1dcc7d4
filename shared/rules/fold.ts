/**
 * Text folding for search and sorting: "Émilie" and "emilie" are the same name to a secretary.
 * Diacritics are removed (NFKD, then combining marks dropped), letters with no decomposition are
 * spelled out (ß → ss, Ø → o, Ł → l, Æ → ae), apostrophes and hyphens vanish (O'Brien → obrien,
 * Smith-Jones → smithjones for the folded whole, with each part also searchable), and case goes.
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i',
};
const SPECIAL_RE = /[ßẞæÆœŒøØłŁđĐðÐþÞı]/g;
const MARKS = /\p{M}+/gu;
const JOINERS = /['’‘`´-]/g;
const SEPARATORS = /[^\p{L}\p{N}@._+]+/gu;

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_JOINERS = /['`-]/g;
const ASCII_SEPARATORS = /[^a-z0-9@._+]+/g;

// Names repeat (a register of a million has a few thousand distinct surnames), and folding is
// on the hot path of every admission and import row, so results are remembered.
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Folds one piece of text: lower case, no accents, no apostrophes or hyphens, single spaces. */
export function foldText(text: string): string {
  let folded = cache.get(text);
  if (folded === undefined) {
    folded = NON_ASCII.test(text)
      ? foldUnicode(text)
      : text.toLowerCase().replace(ASCII_JOINERS, '').replace(ASCII_SEPARATORS, ' ').trim();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, folded);
  }
  return folded;
}

/** The general path (any script); `foldText` takes a quicker one for plain ASCII. */
export function foldUnicode(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .toLowerCase()
    .replace(JOINERS, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The words of a name as folded tokens, splitting at hyphens and spaces: "Smith-Jones" → ["smith", "jones"]. */
export function nameParts(text: string): string[] {
  return text
    .split(/[\s-]+/)
    .map(foldText)
    .flatMap((w) => w.split(' '))
    .filter((w) => w.length > 0);
}

/**
 * The register's sort key: family name, then given names, folded ("dubois emilie"). A space
 * sorts before every letter, so "smith john" comes before "smithson anna".
 */
export function sortKey(familyName: string, givenNames: string): string {
  return `${foldText(familyName)} ${foldText(givenNames)}`.trim();
}

/** Given names first ("emilie dubois"), so "emilie dub" finds her as a prefix too. */
export function givenKey(familyName: string, givenNames: string): string {
  return `${foldText(givenNames)} ${foldText(familyName)}`.trim();
}

/**
 * Extra search words a prefix of the two keys would miss: middle names and the later parts
 * of multi-part family names ("Mary Anne Smith-Jones" → ["anne", "jones"]).
 */
export function extraNameTokens(familyName: string, givenNames: string): string[] {
  const given = nameParts(givenNames).slice(1);
  const family = nameParts(familyName).slice(1);
  return [...new Set([...given, ...family])].filter((t) => t.length >= 2);
}

/** The first key after every key with this prefix, for index range scans: "smi" → "smj". */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\uffff';
}
