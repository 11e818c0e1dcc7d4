import type { Area } from './area';
import { actionsArea } from './actions';
import { ballotsArea } from './ballots';
import { classesArea } from './classes';
import { contractsArea } from './contracts';
import { decisionsArea } from './decisions';
import { exportsArea } from './exports';
import { filingsArea } from './filings';
import { groupArea } from './group';
import { homeArea } from './home';
import { hrImportArea } from './hr-import';
import { meetingsArea } from './meetings';
import { membersArea } from './members';
import { minutesArea } from './minutes';
import { officersArea } from './officers';
import { organisationsArea } from './organisations';
import { pscArea } from './psc';
import { reportsArea } from './reports';
import { settingsArea } from './settings';
import { writtenResolutionsArea } from './written-resolutions';
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
  meetingsArea,
  minutesArea,
  decisionsArea,
  writtenResolutionsArea,
  ballotsArea,
  actionsArea,
  contractsArea,
  organisationsArea,
  reportsArea,
  settingsArea,
  groupArea,
];
