import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './args';

describe('parseHostArgs', () => {
  it('takes --db and --port in either spelling', () => {
    expect(parseHostArgs(['--db', 'a.sqlite', '--port', '8080'])).toEqual({ ok: true, args: { db: 'a.sqlite', port: 8080 } });
    expect(parseHostArgs(['--db=b.sqlite', '--port=0'])).toEqual({ ok: true, args: { db: 'b.sqlite', port: 0 } });
    expect(parseHostArgs([])).toEqual({ ok: true, args: { db: undefined, port: undefined } });
  });

  it('explains a missing or bad value', () => {
    expect(parseHostArgs(['--db'])).toMatchObject({ ok: false, message: expect.stringContaining('--db needs a file path') });
    expect(parseHostArgs(['--db', '--port', '1'])).toMatchObject({ ok: false, message: expect.stringContaining('--db needs') });
    expect(parseHostArgs(['--port', 'eighty'])).toMatchObject({ ok: false, message: expect.stringContaining('--port needs a whole number') });
    expect(parseHostArgs(['--port', '70000'])).toMatchObject({ ok: false });
  });

  it('refuses unknown options with the usage', () => {
    expect(parseHostArgs(['--host', '0.0.0.0'])).toMatchObject({ ok: false, message: expect.stringContaining('Unknown option --host') });
  });
});
