// The salary line of a job card: any currency an imported posting carries renders, none throws.
import { expect, it } from 'vitest';
import { formatSalary } from '../src/deck/job-card.tsx';

it('formats known currencies and shows an unknown one by its code instead of throwing', () => {
  expect(formatSalary({ salaryMin: 120_000, salaryMax: 150_000, salaryCurrency: 'USD' })).toMatch(/\$120K – \$150K/);
  expect(formatSalary({ salaryMin: 90_000, salaryMax: null, salaryCurrency: 'EUR' })).toMatch(/€90K|90K €/);
  for (const currency of ['US$', 'dollars', '', '€€€']) {
    expect(formatSalary({ salaryMin: 120_000, salaryMax: 150_000, salaryCurrency: currency })).toBe(
      `120K ${currency} – 150K ${currency}`,
    );
  }
  expect(formatSalary({ salaryMin: null, salaryMax: null, salaryCurrency: 'US$' })).toBeNull();
});
