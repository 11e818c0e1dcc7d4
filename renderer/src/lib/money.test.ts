import { describe, expect, test } from 'vitest';
import { parseNumber, parsePounds, poundsInput } from './money';

describe('pounds and pence', () => {
  test.each([
    ['25', 2500],
    ['25.5', 2550],
    ['25.50', 2550],
    ['0.07', 7],
    ['£1,250.00', 125000],
    [' £ 3 ', 300],
    ['1,000,000', 100000000],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  test('an empty field is no amount', () => {
    expect(parsePounds('  ')).toBeNull();
  });

  test.each(['12.345', 'ten', '-5', '1.2.3', '£', '12,34'])('refuses %s', (text) => {
    expect(parsePounds(text)).toBeNaN();
  });

  test('shows pence back as pounds for editing, and reads them back unchanged', () => {
    for (const pence of [0, 5, 100, 2550, 12345678]) expect(parsePounds(poundsInput(pence))).toBe(pence);
    expect(poundsInput(5)).toBe('0.05');
    expect(poundsInput(null)).toBe('');
  });
});

describe('numbers as typed', () => {
  test('empty is null, a number is itself, anything else is NaN', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('37.5')).toBe(37.5);
    expect(parseNumber('7 hours')).toBeNaN();
  });
});
