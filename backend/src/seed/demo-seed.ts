// Demo data for `npm start` and `npm run db:seed`: the practice ATS's postings as the job catalog
// (their apply URLs point at the practice ATS), and a demo user with a filled-in profile. The demo
// user's password is generated once and kept under the data dir, never stored in code or logged.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { practiceJobs } from '@jobswipe/practice-ats';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { jobTypeOf } from '@jobswipe/protocol/job-catalog';
import { hashPassword } from '../auth/passwords.ts';
import { generatedSecret } from '../config.ts';
import type { AppContext } from '../context.ts';
import { readFromText } from '../jobs/import/imported-job.ts';
import { defaultResume, saveResume } from '../profile/resumes.ts';
import { textPdf } from './text-pdf.ts';

export const DEMO_EMAIL = 'demo@jobswipe.local';

export interface SeedResult {
  jobs: number;
  email: string;
  password: string;
  /** Where the password is kept, to point at instead of writing it into logs. */
  passwordFile: string;
}

export async function seedDemo(deps: Pick<AppContext, 'config' | 'db' | 'files'>): Promise<SeedResult> {
  const prisma = deps.db.prisma;
  const opts = { practiceAtsUrl: deps.config.practiceAtsUrl, dataDir: deps.config.dataDir };
  const postings = practiceJobs(opts.practiceAtsUrl);
  const now = Date.now();
  // Ordinary postings first in the deck; the adversarial ones (CAPTCHA, login wall...) after them.
  const ordered = [
    ...postings.filter((p) => p.scenario === 'normal'),
    ...postings.filter((p) => p.scenario !== 'normal'),
  ];
  for (const [i, p] of ordered.entries()) {
    const data = {
      company: p.company,
      title: p.title,
      location: p.location,
      country: countryOfLocation(p.location),
      remote: p.remote,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      salaryCurrency: p.salaryCurrency,
      description: p.description,
      keyPoints: p.keyPoints,
      applyUrl: p.applyUrl,
      atsKind: p.ats,
      postedAt: new Date(now - i * 3_600_000),
      employmentType: jobTypeOf(p.employmentType),
      ...readFromText(p),
    };
    await prisma.job.upsert({
      where: { source_externalId: { source: `practice-${p.ats}`, externalId: p.externalId } },
      create: { source: `practice-${p.ats}`, externalId: p.externalId, ...data },
      update: data,
    });
  }

  const password = generatedSecret(opts.dataDir, 'demo-password', () => `demo-${randomBytes(6).toString('base64url')}`);
  const passwordHash = await hashPassword(password);
  const profile = {
    firstName: 'Alex',
    lastName: 'Rivera',
    email: DEMO_EMAIL,
    phone: '+1 415 555 0134',
    links: { linkedin: 'https://www.linkedin.com/in/alex-rivera-demo', github: 'https://github.com/alex-rivera-demo' },
    location: { city: 'San Francisco', region: 'California', country: 'United States', postalCode: '94107' },
    workAuthorization: { authorizedCountries: ['United States'], requiresSponsorship: false },
    salaryExpectation: { amount: 165000, currency: 'USD', period: 'year' },
    noticePeriod: '2 weeks',
    currentCompany: 'Northwind Labs',
    currentTitle: 'Senior Software Engineer',
    yearsOfExperience: 7,
    eeo: { gender: 'decline', race: 'decline', hispanicLatino: 'decline', veteran: 'decline', disability: 'decline' },
    onboardingStep: 99,
  };
  const user = await prisma.user.upsert({
    where: { email: DEMO_EMAIL },
    create: { email: DEMO_EMAIL, passwordHash, role: 'operator', profile: { create: profile } },
    update: { passwordHash },
  });
  if (!(await defaultResume(prisma, user.id))) {
    const bytes = textPdf([
      'Alex Rivera',
      'Senior Software Engineer - San Francisco, CA - demo@jobswipe.local',
      '',
      'Northwind Labs (2021-now): payments platform, TypeScript, PostgreSQL, Redis',
      'Contoso (2018-2021): web applications, React, Node.js',
      'B.S. Computer Science',
    ]);
    await saveResume(deps, user.id, { bytes, originalName: 'Alex Rivera - Resume.pdf' });
  }
  return {
    jobs: ordered.length,
    email: DEMO_EMAIL,
    password,
    passwordFile: join(opts.dataDir, 'secrets', 'demo-password'),
  };
}
