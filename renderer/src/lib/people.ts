/** How people's names and addresses read in lists and sentences (officers, PSCs, members). */
export function fullName(o: { givenNames: string; familyName: string }): string {
  return `${o.givenNames} ${o.familyName}`;
}

export function formatAddress(a: { line1: string; line2?: string | undefined; town: string; postcode?: string | undefined; country?: string | undefined }): string {
  return [a.line1, a.line2, a.town, a.postcode, a.country].filter(Boolean).join(', ');
}
