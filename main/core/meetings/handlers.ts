import { AppError } from '../errors';
import { defineHandlers, command, job, mutation, query } from '../handler';

// SCAFFOLD: replaced method by method as the area is built; nothing here is done.
function notBuilt(name: string): never {
  throw new AppError('CONFLICT', `${name} is not built yet.`);
}

export const meetingsHandlers = defineHandlers('meetings', {
  'meetings.list': query(async () => notBuilt('meetings.list')),
  'meetings.get': query(async () => notBuilt('meetings.get')),
  'meetings.create': mutation(async () => notBuilt('meetings.create')),
  'meetings.update': mutation(async () => notBuilt('meetings.update')),
  'meetings.setStatus': mutation(async () => notBuilt('meetings.setStatus')),
  'meetings.recordNotice': mutation(async () => notBuilt('meetings.recordNotice')),
  'meetings.recordConsent': mutation(async () => notBuilt('meetings.recordConsent')),
  'meetings.addItem': mutation(async () => notBuilt('meetings.addItem')),
  'meetings.updateItem': mutation(async () => notBuilt('meetings.updateItem')),
  'meetings.moveItem': mutation(async () => notBuilt('meetings.moveItem')),
  'meetings.removeItem': mutation(async () => notBuilt('meetings.removeItem')),
  'meetings.attachPaper': command(async () => notBuilt('meetings.attachPaper')),
  'meetings.removePaper': mutation(async () => notBuilt('meetings.removePaper')),
  'meetings.readPaper': command(async () => notBuilt('meetings.readPaper')),
  'meetings.setAttendance': mutation(async () => notBuilt('meetings.setAttendance')),
  'meetings.addAttendee': mutation(async () => notBuilt('meetings.addAttendee')),
  'meetings.removeAttendee': mutation(async () => notBuilt('meetings.removeAttendee')),
  'meetings.recordProxy': mutation(async () => notBuilt('meetings.recordProxy')),
  'meetings.revokeProxy': mutation(async () => notBuilt('meetings.revokeProxy')),
  'meetings.addResolution': mutation(async () => notBuilt('meetings.addResolution')),
  'meetings.updateResolution': mutation(async () => notBuilt('meetings.updateResolution')),
  'meetings.removeResolution': mutation(async () => notBuilt('meetings.removeResolution')),
  'meetings.declareInterest': mutation(async () => notBuilt('meetings.declareInterest')),
  'meetings.boardPack': job(async () => notBuilt('meetings.boardPack')),
  'meetings.notice': job(async () => notBuilt('meetings.notice')),
  'meetings.dashboard': query(async () => notBuilt('meetings.dashboard')),
});
