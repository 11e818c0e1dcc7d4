import { describe, expect, it } from 'vitest';
import { itemTagProblem, itemTagsInput } from './item-tags';

const contract = { id: 'k1', reference: 'RBC/ASC/2026/014', counterpartyId: 'p1', counterpartyName: 'Riverside Borough Council' };

describe('itemTagsInput', () => {
  it('sends the links chosen from the lists beside the words', () => {
    expect(itemTagsInput({ id: 'p1', text: 'Riverside Borough Council' }, { id: 'k1', text: 'RBC/ASC/2026/014' })).toEqual({
      relatedOrganisation: 'Riverside Borough Council',
      contractRef: 'RBC/ASC/2026/014',
      counterpartyId: 'p1',
      contractId: 'k1',
    });
  });
  it('sends words alone where nothing was chosen, and no link with empty words', () => {
    expect(itemTagsInput({ id: null, text: 'Riverside Hospice' }, { id: 'k1', text: '' })).toEqual({ relatedOrganisation: 'Riverside Hospice', contractRef: '' });
  });
});

describe('itemTagProblem', () => {
  it('accepts the contract’s own commissioner, chosen or typed, or no organisation', () => {
    expect(itemTagProblem({ id: 'p1', text: 'Riverside Borough Council' }, contract)).toBeNull();
    expect(itemTagProblem({ id: null, text: 'riverside  borough council' }, contract)).toBeNull();
    expect(itemTagProblem({ id: null, text: '' }, contract)).toBeNull();
    expect(itemTagProblem({ id: 'p2', text: 'Derby City Council' }, null)).toBeNull();
  });
  it('refuses another organisation beside a contract, naming the commissioner', () => {
    expect(itemTagProblem({ id: 'p2', text: 'Derby City Council' }, contract)).toBe(
      'Contract RBC/ASC/2026/014 is with Riverside Borough Council: name that organisation, or choose no contract.',
    );
    expect(itemTagProblem({ id: null, text: 'Riverside Hospice' }, contract)).not.toBeNull();
  });
});
