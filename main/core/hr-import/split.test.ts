import { describe, expect, it } from 'vitest';
import { splitFullName, splitWholeAddress } from './split';

describe('splitWholeAddress', () => {
  it('takes the UK postcode from the end, the town as the part before it and line 1 as the first part', () => {
    expect(splitWholeAddress('4 Mill Lane, Derby DE1 3AB', false)).toEqual({ value: { line1: '4 Mill Lane', line2: null, town: 'Derby', postcode: 'DE1 3AB', leftOut: null } });
    expect(splitWholeAddress('4 Mill Lane, Derby, de13ab', false).value).toMatchObject({ town: 'Derby', postcode: 'DE1 3AB' });
    expect(splitWholeAddress('Flat 2, 9 Park Avenue, Roundhay, Leeds LS8 1AB', false).value).toEqual({
      line1: 'Flat 2',
      line2: '9 Park Avenue, Roundhay',
      town: 'Leeds',
      postcode: 'LS8 1AB',
      leftOut: null,
    });
  });

  it('reads parts on separate lines, as a quoted cell with line breaks holds them', () => {
    expect(splitWholeAddress('12 Mill Lane\r\nLeeds\r\nLS6 2AA', false).value).toMatchObject({ line1: '12 Mill Lane', town: 'Leeds', postcode: 'LS6 2AA' });
  });

  it('leaves out a county after the town and a country at the end, and says so', () => {
    expect(splitWholeAddress('4 Mill Lane, Derby, Derbyshire, DE1 3AB, United Kingdom', false).value).toEqual({
      line1: '4 Mill Lane',
      line2: null,
      town: 'Derby',
      postcode: 'DE1 3AB',
      leftOut: 'Derbyshire, United Kingdom',
    });
    expect(splitWholeAddress('7 Shore Road, Larne, Co. Antrim BT40 1AA', false).value).toMatchObject({ town: 'Larne', leftOut: 'Co. Antrim' });
  });

  it('keeps the postcode column’s postcode when the address has its own column for it', () => {
    expect(splitWholeAddress('4 Mill Lane, Derby', true).value).toEqual({ line1: '4 Mill Lane', line2: null, town: 'Derby', postcode: null, leftOut: null });
    expect(splitWholeAddress('4 Mill Lane, Derby DE1 3AB', true).value).toMatchObject({ town: 'Derby', postcode: null });
  });

  it('refuses an address it cannot split, with the reason', () => {
    expect(splitWholeAddress('4 Mill Lane, Derby', false).problem).toMatch(/^No UK postcode at the end of the address/);
    expect(splitWholeAddress('4 Mill Lane Derby DE1 3AB', false).problem).toBe(
      'The street and the town are not separated (4 Mill Lane Derby); put a comma between them, as in “4 Mill Lane, Derby DE1 3AB”.',
    );
    expect(splitWholeAddress('DE1 3AB', false).problem).toMatch(/not separated \(nothing before the postcode\)/);
    expect(splitWholeAddress(' , ', false).problem).toBe('Enter the address.');
  });
});

describe('splitFullName', () => {
  it('takes the last word as the family name', () => {
    expect(splitFullName('Amelia Grace Okafor').value).toEqual({ givenNames: 'Amelia Grace', familyName: 'Okafor' });
    expect(splitFullName('  Rhys   Pritchard ').value).toEqual({ givenNames: 'Rhys', familyName: 'Pritchard' });
    expect(splitFullName('Zoë Smith-Jones').value).toEqual({ givenNames: 'Zoë', familyName: 'Smith-Jones' });
  });

  it('reads "Surname, Forenames" order', () => {
    expect(splitFullName('Okafor, Amelia Grace').value).toEqual({ givenNames: 'Amelia Grace', familyName: 'Okafor' });
    expect(splitFullName('Ní Bhriain, Siobhán').value).toEqual({ givenNames: 'Siobhán', familyName: 'Ní Bhriain' });
  });

  it('keeps particles with the family name and drops a title', () => {
    expect(splitFullName('Siobhán Ní Bhriain').value).toEqual({ givenNames: 'Siobhán', familyName: 'Ní Bhriain' });
    expect(splitFullName('Ana de la Cruz').value).toEqual({ givenNames: 'Ana', familyName: 'de la Cruz' });
    expect(splitFullName('Ludwig van Beethoven').value).toEqual({ givenNames: 'Ludwig', familyName: 'van Beethoven' });
    expect(splitFullName('Dr. Priya Shah').value).toEqual({ givenNames: 'Priya', familyName: 'Shah' });
    expect(splitFullName('Shah, Mrs Priya').value).toEqual({ givenNames: 'Priya', familyName: 'Shah' });
  });

  it('refuses a single name or a muddled comma, with the reason', () => {
    expect(splitFullName('Cher').problem).toBe('“Cher” is one name; the register needs given names and a family name, so write both, or map separate columns.');
    expect(splitFullName('Okafor,').problem).toMatch(/not a name on each side/);
    expect(splitFullName('Okafor, Amelia, Grace').problem).toMatch(/more than one comma/);
  });
});
