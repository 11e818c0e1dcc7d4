// Hour and minute on the UK wall clock, whatever the computer's zone: "Saved at 19:42".
const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** What the autosave indicator says for each state of the narrative. */
export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string };

export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'idle':
      return 'No changes yet';
    case 'pending':
      return 'Changes not yet saved';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${UK_TIME.format(s.at)}`;
    case 'failed':
      return `Not saved: ${s.message}`;
  }
}
