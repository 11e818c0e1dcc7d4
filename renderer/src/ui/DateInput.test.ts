import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { DateInput } from './DateInput';

const html = (props: Partial<Parameters<typeof DateInput>[0]> = {}) =>
  renderToStaticMarkup(createElement(DateInput, { id: 'admittedOn', label: 'Admission date', value: '2026-03-27', onChange: () => {}, ...props }));

describe('the date input', () => {
  test('is a fieldset whose legend asks the question, with the example as its hint', () => {
    const out = html();
    expect(out).toContain('<fieldset aria-describedby="admittedOn-hint"><legend>Admission date</legend>');
    expect(out).toContain('<span class="hint" id="admittedOn-hint">For example, 27 3 2026</span>');
  });

  test('shows the date day first, whatever the browser’s language: the Day box carries the field’s id', () => {
    const out = html();
    expect(out).toMatch(/<label for="admittedOn">Day<\/label><input id="admittedOn" type="text" inputMode="numeric" class="date-day"[^>]*value="27"/);
    expect(out).toMatch(/<label for="admittedOn-month">Month<\/label><input id="admittedOn-month"[^>]*value="3"/);
    expect(out).toMatch(/<label for="admittedOn-year">Year<\/label><input id="admittedOn-year"[^>]*value="2026"/);
    expect(out.indexOf('Day')).toBeLessThan(out.indexOf('Month'));
  });

  test('an error is linked to the fieldset and marks the boxes', () => {
    const out = html({ error: 'Admission date must include a month' });
    expect(out).toContain('<div class="field date-field has-error">');
    expect(out).toContain('aria-describedby="admittedOn-hint admittedOn-error"');
    expect(out).toContain('<span class="error-message" id="admittedOn-error"><span class="visually-hidden">Error: </span>Admission date must include a month</span>');
    expect(out.match(/aria-invalid="true"/g)).toHaveLength(3);
  });
});
