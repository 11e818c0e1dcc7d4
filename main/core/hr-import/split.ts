import { normalisePostcode } from '../../../shared/contract/fields';

/**
 * Splitting the one-column layouts HR systems often export: a full name ("Amelia Okafor" or
 * "Okafor, Amelia") and a whole address ("4 Mill Lane, Derby DE1 3AB"). The register keeps
 * these in separate particulars, so the import splits them, shows every split in the plan for
 * the secretary to check, and refuses, with the reason, a cell it cannot split with confidence.
 */

export type SplitResult<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

export interface SplitName {
  givenNames: string;
  familyName: string;
}

export interface SplitAddress {
  line1: string;
  line2: string | null;
  town: string;
  /** Normalised ("DE1 3AB"); null when the postcode comes from a column of its own. */
  postcode: string | null;
  /** A county or country written after the town, left out: the postcode already places the address. */
  leftOut: string | null;
}

const SPACES = /\s+/g;

/** Titles some HR systems put in front of a name; they are not part of the name the register keeps. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'revd']);

/**
 * Words that begin a family name rather than end the given names: "Ludwig van Beethoven",
 * "Siobhán Ní Bhriain", "Ana de la Cruz". Lower-case particles, and the Irish and Scottish
 * Gaelic ones, which are capitalised.
 */
const LOWER_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'binti', 'bint', 'al', 'el', 'ap', 'ab', 'st', 'y']);
const GAELIC_PARTICLES = new Set(['Ní', 'Nic', 'Ó', 'Ua', 'Uí', 'Mac', 'Mhic', 'Bean']);

/**
 * A full name as given names and family name. With a comma the family name comes first
 * ("Okafor, Amelia Grace"); without one the last word is the family name, with any particles
 * before it ("Ana de la Cruz" → "Ana" and "de la Cruz"). A leading title (Mr, Dr…) is dropped.
 */
export function splitFullName(raw: string): SplitResult<SplitName> {
  const text = raw.normalize('NFC').replace(SPACES, ' ').trim();
  if (text === '') return { problem: 'Enter the full name.' };
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const familyName = text.slice(0, comma).trim();
    const givenNames = stripTitle(text.slice(comma + 1).trim().split(' ').filter(Boolean), 1).join(' ');
    if (text.indexOf(',', comma + 1) >= 0) return { problem: `“${text}” has more than one comma; write it as “Family name, Given names”.` };
    if (familyName === '' || givenNames === '') return { problem: `“${text}” has a comma but not a name on each side; write it as “Family name, Given names”.` };
    return { value: { givenNames, familyName } };
  }
  const words = stripTitle(text.split(' '), 2);
  if (words.length < 2) {
    return { problem: `“${text}” is one name; the register needs given names and a family name, so write both, or map separate columns.` };
  }
  let start = words.length - 1;
  while (start > 1 && (LOWER_PARTICLES.has(words[start - 1]!) || GAELIC_PARTICLES.has(words[start - 1]!))) start -= 1;
  return { value: { givenNames: words.slice(0, start).join(' '), familyName: words.slice(start).join(' ') } };
}

/** Drops a leading title when at least `keep` words are left. */
function stripTitle(words: string[], keep: number): string[] {
  if (words.length > keep && TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''))) return words.slice(1);
  return words;
}

/** UK postcodes at the end of a text, with or without the space: "Derby DE1 3AB", "DE13AB". */
const TRAILING_POSTCODE = /(?:^|[\s,])((?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2}|BFPO ?\d{1,4}))$/i;

/** Country names written at the end of a UK address; the register's address needs none. */
const COUNTRIES = new Set(['uk', 'u k', 'united kingdom', 'great britain', 'gb', 'england', 'scotland', 'wales', 'cymru', 'northern ireland']);

/**
 * Counties written between the town and the postcode. The town is the part before them: a
 * postal address with a postcode needs no county, and the register's address has no place for
 * one, so it is left out (and the plan says so).
 */
const COUNTIES = new Set(
  [
    // England (ceremonial and the historic and postal names still written)
    'bedfordshire', 'berkshire', 'bristol', 'buckinghamshire', 'cambridgeshire', 'cheshire', 'city of london', 'cornwall', 'county durham', 'durham',
    'cumbria', 'cumberland', 'westmorland', 'derbyshire', 'devon', 'dorset', 'east riding of yorkshire', 'east sussex', 'essex', 'gloucestershire',
    'greater london', 'greater manchester', 'hampshire', 'herefordshire', 'hertfordshire', 'isle of wight', 'kent', 'lancashire', 'leicestershire',
    'lincolnshire', 'merseyside', 'middlesex', 'norfolk', 'north yorkshire', 'northamptonshire', 'northumberland', 'nottinghamshire', 'oxfordshire',
    'rutland', 'shropshire', 'somerset', 'south yorkshire', 'staffordshire', 'suffolk', 'surrey', 'tyne and wear', 'warwickshire', 'west midlands',
    'west sussex', 'west yorkshire', 'wiltshire', 'worcestershire', 'yorkshire', 'avon', 'cleveland', 'humberside', 'hereford and worcester',
    // Wales
    'anglesey', 'isle of anglesey', 'clwyd', 'dyfed', 'gwent', 'gwynedd', 'mid glamorgan', 'powys', 'south glamorgan', 'west glamorgan', 'glamorgan',
    'carmarthenshire', 'ceredigion', 'conwy', 'denbighshire', 'flintshire', 'monmouthshire', 'pembrokeshire', 'vale of glamorgan',
    // Scotland
    'aberdeenshire', 'angus', 'argyll', 'argyll and bute', 'ayrshire', 'east ayrshire', 'north ayrshire', 'south ayrshire', 'dumfries and galloway',
    'dumfriesshire', 'east lothian', 'midlothian', 'west lothian', 'lothian', 'fife', 'highland', 'inverness-shire', 'lanarkshire', 'north lanarkshire',
    'south lanarkshire', 'moray', 'perthshire', 'perth and kinross', 'renfrewshire', 'east renfrewshire', 'scottish borders', 'stirlingshire',
    'dunbartonshire', 'east dunbartonshire', 'west dunbartonshire', 'orkney', 'shetland', 'isle of lewis',
    // Northern Ireland
    'antrim', 'county antrim', 'co antrim', 'armagh', 'county armagh', 'co armagh', 'down', 'county down', 'co down', 'fermanagh', 'county fermanagh',
    'co fermanagh', 'londonderry', 'county londonderry', 'co londonderry', 'tyrone', 'county tyrone', 'co tyrone',
  ],
);

function key(part: string): string {
  return part.toLowerCase().replace(/\./g, '').replace(SPACES, ' ').trim();
}

/**
 * A whole address as the register's lines, town and postcode. Parts are separated by commas or
 * line breaks; the UK postcode is at the end (or in a column of its own: `postcodeSeparate`);
 * the town is the last part before it; the first part is line 1 and any parts between make
 * line 2. A country, or a county after the town, is left out. An address that does not split
 * this way is refused with the reason, never guessed at.
 */
export function splitWholeAddress(raw: string, postcodeSeparate: boolean): SplitResult<SplitAddress> {
  const parts = raw
    .normalize('NFC')
    .split(/[,\n\r;]+/)
    .map((p) => p.replace(SPACES, ' ').trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { problem: 'Enter the address.' };
  const leftOut: string[] = [];
  if (parts.length > 1 && COUNTRIES.has(key(parts.at(-1)!))) leftOut.unshift(parts.pop()!);

  let postcode: string | null = null;
  const last = parts.at(-1)!;
  const m = TRAILING_POSTCODE.exec(last);
  if (m) {
    // With a postcode column as well, that column's postcode is the one kept.
    if (!postcodeSeparate) postcode = normalisePostcode(m[1]!);
    const before = last.slice(0, last.length - m[0].length).replace(/[\s,]+$/, '');
    if (before === '') parts.pop();
    else parts[parts.length - 1] = before;
  } else if (!postcodeSeparate) {
    return { problem: 'No UK postcode at the end of the address, so the town cannot be told from the street. Put the postcode last (4 Mill Lane, Derby DE1 3AB), or map a postcode column.' };
  }
  if (parts.length > 2 && COUNTIES.has(key(parts.at(-1)!))) leftOut.unshift(parts.pop()!);
  if (parts.length < 2) {
    return {
      problem: `The street and the town are not separated (${parts[0] ?? 'nothing before the postcode'}); put a comma between them, as in “4 Mill Lane, Derby DE1 3AB”.`,
    };
  }
  const town = parts.pop()!;
  const line1 = parts.shift()!;
  return { value: { line1, line2: parts.length > 0 ? parts.join(', ') : null, town, postcode, leftOut: leftOut.length > 0 ? leftOut.join(', ') : null } };
}
