/**
 * How an organisation's name is compared: without case and extra spaces ("Leeds  City council"
 * is "Leeds City Council"), in Unicode NFC. The list's names are unique by this key within the
 * organisation (`counterparty.name_key`), and the free-text names already recorded in
 * declarations of interest, decisions, agenda items and nominations are matched to the list by it.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en-GB');
}
