/**
 * Realistic, reproducible people for samples and benchmarks: UK names as an NHS trust or a
 * council workforce has them, with accents, apostrophes, hyphens and particles, so search and
 * sorting are exercised the way real registers exercise them.
 */
const GIVEN = [
  'Oliver', 'Amelia', 'George', 'Olivia', 'Harry', 'Isla', 'Noah', 'Ava', 'Jack', 'Mia', 'Leo', 'Ivy', 'Arthur', 'Lily', 'Muhammad', 'Freya',
  'Oscar', 'Florence', 'Charlie', 'Evie', 'Jacob', 'Grace', 'Thomas', 'Sophia', 'Alfie', 'Rosie', 'Henry', 'Willow', 'James', 'Poppy', 'William',
  'Emily', 'Joshua', 'Chloé', 'Émilie', 'Zoë', 'Seán', 'Siân', 'Niamh', 'Aoife', 'Rhys', 'Cerys', 'Dafydd', 'Eilidh', 'Ruairí', 'Siobhán',
  'José', 'María', 'Łukasz', 'Agnieszka', 'Björn', 'Søren', 'Zoltán', 'Ngozi', 'Chidi', 'Aisha', 'Priya', 'Rajesh', 'Anjali', 'Wei', 'Mei',
  'Fatima', 'Yusuf', 'Hannah', 'Daniel', 'Sarah', 'David', 'Rachel', 'Michael', 'Catherine', 'Peter', 'Margaret', 'Paul', 'Susan', 'Mark',
  'Helen', 'Anne-Marie', 'Jean-Paul', 'Mary Anne', 'John Paul', 'Bethan', 'Gwen', 'Ffion', 'Iwan', 'Tadhg', 'Órla', 'Renée', 'Noël', 'Inés',
];
const FAMILY = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White',
  'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Lewis', 'James', 'Phillips', 'Mason', 'Mitchell', 'Rose', 'Davis',
  "O'Brien", "O'Connor", "O'Neill", "D'Arcy", "D'Souza", 'MacDonald', 'McLeod', 'McKenzie', 'Fitzgerald', 'Ní Bhriain', 'Ó Súilleabháin',
  'Smith-Jones', 'Lloyd-Webber', 'Bowes-Lyon', 'Dubois', 'Lefèvre', 'Müller', 'Schäfer', 'Nuñez', 'García', 'Kowalski', 'Wiśniewska',
  'Nowak', 'Åberg', 'Østergaard', 'Ahmed', 'Hussain', 'Begum', 'Ali', 'Singh', 'Kaur', 'Chen', 'Wang', 'Nguyen', 'Okafor', 'Adeyemi',
  'Mensah', 'Van der Berg', 'de la Cruz', 'le Roux', 'ap Gwilym', 'Llewellyn', 'Pritchard', 'Cadwaladr', 'Ferguson', 'Campbell', 'Stewart',
  'Murray', 'Reid', 'Henderson', 'Fraser', 'Gallagher', 'Doherty', 'Kelly', 'Byrne', 'Quinn', 'Ní Dhomhnaill', 'Zieliński', 'Novák', 'Horváth',
];
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Avenue', 'Mill Lane', 'Queen Street', "St John's Road", 'Kings Road', 'The Crescent'];
const TOWNS: [string, string][] = [
  ['Leeds', 'LS'], ['Bradford', 'BD'], ['Manchester', 'M'], ['Bristol', 'BS'], ['Cardiff', 'CF'], ['Newcastle upon Tyne', 'NE'], ['Sheffield', 'S'],
  ['Nottingham', 'NG'], ['Leicester', 'LE'], ['Norwich', 'NR'], ['Exeter', 'EX'], ['York', 'YO'], ['Swansea', 'SA'], ['Plymouth', 'PL'],
];
const SERVICE_AREAS = ['Adult social care', 'Community nursing', 'Children’s services', 'Mental health', 'Learning disabilities', 'Reablement', 'Leisure services', 'Libraries', 'Facilities', 'Finance and corporate'];
const LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

/** Mulberry32: small, fast and seedable, so every run generates the same people. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SamplePerson {
  givenNames: string;
  familyName: string;
  email: string;
  dateOfBirth: string;
  line1: string;
  town: string;
  postcode: string;
  employeeNumber: string;
  serviceArea: string;
  employmentStart: string;
  weeklyHours: number;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function asciiLocal(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** The i-th person of a workforce generated from `seed`; employee numbers are unique per i. */
export function samplePerson(r: () => number, i: number): SamplePerson {
  const givenNames = pick(r, GIVEN);
  const familyName = pick(r, FAMILY);
  const [town, area] = pick(r, TOWNS);
  const birthYear = 1958 + Math.floor(r() * 46);
  const startYear = 2012 + Math.floor(r() * 13);
  return {
    givenNames,
    familyName,
    email: `${asciiLocal(givenNames)}.${asciiLocal(familyName)}${i}@example.org`,
    dateOfBirth: `${birthYear}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
    line1: `${1 + Math.floor(r() * 220)} ${pick(r, STREETS)}`,
    town,
    postcode: `${area}${1 + Math.floor(r() * 19)} ${Math.floor(r() * 10)}${pick(r, LETTERS)}${pick(r, LETTERS)}`,
    employeeNumber: `E${pad(i, 7)}`,
    serviceArea: pick(r, SERVICE_AREAS),
    employmentStart: `${startYear}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
    weeklyHours: pick(r, [37.5, 37.5, 37.5, 30, 22.5, 16, 15, 7.5]),
  };
}

export const SAMPLE_GIVEN_NAMES = GIVEN;
export const SAMPLE_FAMILY_NAMES = FAMILY;
