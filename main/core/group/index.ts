import type { Area } from '../registry';
import { groupHandlers } from './handlers';
import { organisationRelationState } from './state';

/**
 * Group structures: the organisations one file keeps, which is current, and how they relate
 * (parent and subsidiaries with the holding, sisters). `groupOf` (relations.ts) gives a group as at
 * a date for the consolidated report.
 */
export const groupArea: Area = {
  name: 'group',
  handlers: [groupHandlers],
  stateReaders: [organisationRelationState],
};

export { groupOf, type Group, type GroupMember } from './relations';
