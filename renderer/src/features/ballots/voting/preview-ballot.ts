// The sample ballot of the preview harness (and of the tests): three resolutions, one special, a
// 5-seat election of 12 candidates with statements, and a consultation.
import type { ElectionSetup } from '../../../../../shared/ballot/election';
import type { QuestionDisplay } from './selections';

const FOR_AGAINST = ['For', 'Against', 'Abstain'].map((label) => ({ id: label.toLowerCase(), label }));

const CANDIDATES = [
  ['Amara Okafor', 'Care worker in Northfield for nine years; I want shift workers heard at board level.'],
  ['Ben Hughes', 'Finance officer. I will keep our reserves healthy and our reports plain.'],
  ['Carys Jones', 'Team leader, community nursing. Safe staffing is my first priority.'],
  ['Dev Patel', 'Depot supervisor; I will push for better rotas and training.'],
  ['Eilidh Ross', 'Occupational therapist and staff forum chair for two years.'],
  ['Fatima Khan', 'Payroll adviser. Open books, fair pay.'],
  ['George Evans', 'Driver at the Eastgate depot; I stood last year and will keep asking questions.'],
  ['Hannah Lee', 'Health visitor; member of the quality committee.'],
  ['Ian Murray', 'Facilities manager. I want us to cut energy costs and reinvest the savings.'],
  ['Jade Thompson', 'Apprentice assessor; a voice for our newest colleagues.'],
  ['Kwame Mensah', 'Ward clerk and union representative.'],
  ['Lucy Brown', 'Physiotherapist; I will champion staff wellbeing.'],
] as const;

export const PREVIEW_SETUP: ElectionSetup = {
  id: 'preview-agm-2026',
  title: 'Annual general meeting 2026: poll',
  questions: [
    { id: 'r1', kind: 'resolution', text: 'To receive the annual accounts', choices: FOR_AGAINST, min: 1, max: 1 },
    { id: 'r2', kind: 'resolution', text: 'To adopt new articles', choices: FOR_AGAINST, min: 1, max: 1 },
    { id: 'r3', kind: 'resolution', text: 'To reappoint the auditors', choices: FOR_AGAINST, min: 1, max: 1 },
    { id: 'board', kind: 'election', text: 'Election of directors', choices: CANDIDATES.map(([name], i) => ({ id: `cand-${i + 1}`, label: name })), min: 0, max: 5 },
    {
      id: 'forum',
      kind: 'consultation',
      text: 'When should the staff forum meet?',
      choices: [
        { id: 'morning', label: 'Weekday mornings' },
        { id: 'evening', label: 'Weekday evenings' },
        { id: 'saturday', label: 'Saturday mornings' },
      ],
      min: 1,
      max: 1,
    },
  ],
  trustees: { count: 2, threshold: 2 },
};

export const PREVIEW_QUESTIONS: QuestionDisplay[] = [
  { kind: 'resolution', questionId: 'r1', number: 1, resolutionType: 'ordinary', text: 'That the accounts for the year ended 31 March 2026, with the directors’ and auditors’ reports, be received.' },
  { kind: 'resolution', questionId: 'r2', number: 2, resolutionType: 'special', text: 'That the articles of association produced to the meeting be adopted as the articles of the company in place of the existing articles.' },
  { kind: 'resolution', questionId: 'r3', number: 3, resolutionType: 'ordinary', text: 'That Example Audit LLP be reappointed as auditors until the next annual general meeting.' },
  {
    kind: 'election',
    questionId: 'board',
    title: 'Election of directors',
    seats: 5,
    candidates: CANDIDATES.map(([name, statement], i) => ({ choiceId: `cand-${i + 1}`, name, statement })),
  },
  {
    kind: 'consultation',
    questionId: 'forum',
    question: 'When should the staff forum meet?',
    options: [
      { choiceId: 'morning', label: 'Weekday mornings' },
      { choiceId: 'evening', label: 'Weekday evenings', hint: 'After 5pm, online and in person' },
      { choiceId: 'saturday', label: 'Saturday mornings' },
    ],
  },
];
