import type { Area } from './area';
import { classesArea } from './classes';
import { exportsArea } from './exports';
import { filingsArea } from './filings';
import { homeArea } from './home';
import { hrImportArea } from './hr-import';
import { membersArea } from './members';
import { officersArea } from './officers';
import { pscArea } from './psc';
import { settingsArea } from './settings';
import { setupArea } from './setup';

/** Every area of the app, one line each: the router and the main menu are built from this list. */
export const AREAS: readonly Area[] = [
  homeArea,
  setupArea,
  membersArea,
  classesArea,
  hrImportArea,
  exportsArea,
  officersArea,
  pscArea,
  filingsArea,
  settingsArea,
];
