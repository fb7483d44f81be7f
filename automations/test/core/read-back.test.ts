// The read-back comparison: what the policy intended against what the page shows after filling.
import { describe, expect, it } from 'vitest';
import { compareReadBack, type ReadBack } from '../../src/core/read-back.ts';

const read = (widget: ReadBack['widget'], value: string, type: ReadBack['type'] = 'text'): ReadBack => ({
  widget,
  type,
  value,
});

describe('compareReadBack', () => {
  it('accepts what the control shows in its own format', () => {
    expect(compareReadBack('+1 415 555 0134', read('text', '(415) 555-0134', 'tel'))).toEqual({ ok: true });
    expect(compareReadBack('2027-03-01', read('date', '03/01/2027', 'date'))).toEqual({ ok: true });
    expect(compareReadBack(165000, read('text', '$165,000'))).toEqual({ ok: true });
    expect(compareReadBack('Berlin', read('combobox', 'Berlin, Germany', 'combobox'))).toEqual({ ok: true });
    expect(compareReadBack('United States', read('select', 'United States of America', 'select'))).toEqual({
      ok: true,
    });
    expect(compareReadBack(7, read('select', '6–9 years', 'select'))).toEqual({ ok: true });
    expect(compareReadBack('decline', read('select', 'Decline To Self Identify', 'select'))).toEqual({ ok: true });
  });

  it('catches an inverted yes/no, a wrong option and a dropped typeahead', () => {
    expect(compareReadBack(false, read('buttons', 'Yes', 'yes_no'))).toEqual({
      ok: false,
      expected: 'No',
      actual: 'Yes',
    });
    expect(compareReadBack(false, read('radio', 'Yes, I will require sponsorship', 'yes_no')).ok).toBe(false);
    expect(compareReadBack(7, read('select', '3-5 years', 'select')).ok).toBe(false);
    expect(compareReadBack('Berlin', read('combobox', '', 'combobox'))).toEqual({
      ok: false,
      expected: 'Berlin',
      actual: '',
    });
    expect(compareReadBack('ada@example.org', read('text', 'ada@example.co', 'email')).ok).toBe(false);
  });

  it('reads checkboxes, groups and files', () => {
    expect(compareReadBack(true, read('checkbox', 'true', 'checkbox'))).toEqual({ ok: true });
    expect(compareReadBack(true, read('checkbox', '', 'checkbox')).ok).toBe(false);
    expect(compareReadBack(['Remote', 'Hybrid'], read('checkbox_group', 'Remote, Hybrid', 'checkbox_group'))).toEqual({
      ok: true,
    });
    expect(compareReadBack(['Remote', 'Hybrid'], read('checkbox_group', 'Remote', 'checkbox_group')).ok).toBe(false);
    const resume = { name: 'ada.pdf', mime: 'application/pdf', base64: '' };
    expect(compareReadBack(resume, read('file', 'ada.pdf', 'file'))).toEqual({ ok: true });
    expect(compareReadBack(resume, read('file', '', 'file')).ok).toBe(false);
  });
});
