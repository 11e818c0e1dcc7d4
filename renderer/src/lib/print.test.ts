import { describe, expect, test } from 'vitest';
import { pdfSaver, saveAsPdf } from './print';

describe('saving a printable view as a PDF', () => {
  test('a browser window (no bridge, or a bridge without printToPdf) has no saver: the view falls back to window.print()', () => {
    expect(pdfSaver({})).toBeNull();
    expect(pdfSaver({ bridge: { invoke: () => undefined } })).toBeNull();
  });

  test('the host saves under the view’s title and says where', async () => {
    const titles: string[] = [];
    const win = { bridge: { printToPdf: async ({ title }: { title: string }) => (titles.push(title), { saved: true, path: '/home/sec/Register.pdf' }) } };
    expect(await saveAsPdf('Register of members – Riverside', win)).toEqual({ kind: 'saved', path: '/home/sec/Register.pdf' });
    expect(titles).toEqual(['Register of members – Riverside']);
  });

  test('a cancelled save dialog and a failure are told apart', async () => {
    expect(await saveAsPdf('t', { bridge: { printToPdf: async () => ({ saved: false }) } })).toEqual({ kind: 'cancelled' });
    expect(await saveAsPdf('t', { bridge: { printToPdf: async () => Promise.reject(new Error('Disk full')) } })).toEqual({ kind: 'failed', message: 'Disk full' });
  });
});
