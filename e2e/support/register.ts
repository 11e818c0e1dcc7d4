import type { Page } from '@playwright/test';
import { expect } from './app';
import { fillSetUp } from './mutual';
import { fillDate } from './dates';

/** Sets up a co-operative society (its members hold withdrawable shares) through the first-run form. */
export async function setUpCooperative(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your mutual' })).toBeVisible();
  await fillSetUp(page, { name: 'Riverside Care Co-operative Ltd', legalForm: 'Co-operative society', registrationNumber: 'RS007318' });
  await page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Care Co-operative Ltd' })).toBeVisible();
}

export interface Person {
  className: string;
  givenNames: string;
  familyName: string;
  line1: string;
  town: string;
  postcode: string;
  admittedOn: string;
  email?: string;
  dateOfBirth?: string;
  employeeNumber?: string;
  employmentStart?: string;
  weeklyHours?: string;
  shares?: string;
}

/** Fills the admission form (dates as YYYY-MM-DD); leaves submitting to the journey. */
export async function fillAdmission(page: Page, p: Person): Promise<void> {
  await page.getByLabel('Membership class').selectOption({ label: p.className });
  await page.getByLabel('Given names').fill(p.givenNames);
  await page.getByLabel('Family name').fill(p.familyName);
  if (p.dateOfBirth) await fillDate(page, /^Date of birth/, p.dateOfBirth);
  await page.getByLabel('Address line 1').fill(p.line1);
  await page.getByLabel('Town or city').fill(p.town);
  await page.getByLabel('Postcode').fill(p.postcode);
  if (p.email) await page.getByLabel(/^E-mail address/).fill(p.email);
  if (p.employeeNumber) await page.getByLabel('Employee number').fill(p.employeeNumber);
  if (p.employmentStart) await fillDate(page, 'Employment start', p.employmentStart);
  if (p.weeklyHours) await page.getByLabel(/^Contracted weekly hours/).fill(p.weeklyHours);
  await fillDate(page, 'Admission date', p.admittedOn);
  if (p.shares) await page.getByLabel('Number of shares').fill(p.shares);
}
