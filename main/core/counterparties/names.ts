/**
 * How an organisation's name is compared: without case and extra spaces ("Leeds  City council"
 * is "Leeds City Council"), in Unicode NFC. The list's names are unique by this key within the
 * organisation (`counterparty.name_key`), and the free-text names already recorded in
 * declarations of interest, decisions, agenda items and nominations are matched to the list by it.
 *
 * Lower case as British English has it, which is Unicode's default lower case (only Lithuanian,
 * Turkish and Azeri have rules of their own): `toLowerCase()` gives the same as
 * `toLocaleLowerCase('en-GB')` (names.test.ts checks every code point) at a tenth of the cost,
 * as V8 looks the locale up on every call (about 10 µs a name; a contract's page keys every
 * director's declared interest).
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
