import type { Area } from '../registry';
import { organisationHandlers } from './handlers';
import { rulesHandlers } from './rules-handlers';
import { minutesTargetState } from './minutes-target';
import { governingRulesState, organisationState } from './state';

/** The organisation this file keeps, and the rules of its governing document. */
export const organisationArea: Area = {
  name: 'organisation',
  handlers: [organisationHandlers, rulesHandlers],
  stateReaders: [organisationState, governingRulesState, minutesTargetState],
};
