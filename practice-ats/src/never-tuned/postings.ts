// The never-tuned split's postings: one per ATS family, each at its own fictional employer, so no
// board, id or company is shared with the tuned split.
import type { Company, Posting } from '../catalog/posting.ts';
import type { AtsKind } from '../spec/form-spec.ts';

function company(name: string, board: string, about: string): Company {
  return {
    name,
    board,
    about,
    benefits: 'Health, dental and vision cover, a retirement plan with a match, and paid time off that people take.',
  };
}

interface Draft {
  title: string;
  department: string;
  location: string;
  remote?: boolean;
  summary: string;
}

function posting(ats: AtsKind, employer: Company, externalId: string, draft: Draft): Posting {
  return {
    ats,
    company: employer,
    externalId,
    title: draft.title,
    department: draft.department,
    location: draft.location,
    remote: draft.remote ?? false,
    employmentType: 'Full-time',
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    summary: draft.summary,
    keyPoints: ['Ship features end to end with a small team', 'Own what you build in production'],
    requirements: ['Several years of professional software engineering', 'Clear written communication'],
    questions: [],
    postedAt: '2026-11-20',
    scenario: 'normal',
  };
}

const BUILD = 'You will build and run the services behind our product with a small, senior team.';

export const NEVER_TUNED_POSTINGS = {
  greenhouse: posting(
    'greenhouse',
    company('Halcyon Biotech', 'halcyonbio', 'Halcyon Biotech designs lab automation for protein research.'),
    '7730142',
    { title: 'Software Engineer, Lab Automation', department: 'Engineering', location: 'Boston, MA', summary: BUILD },
  ),
  lever: posting(
    'lever',
    company('Kestrel Maps', 'kestrelmaps', 'Kestrel Maps keeps delivery fleets on the fastest legal route.'),
    '3f9a1c52-8e47-4b0d-9c26-71d5e0a8b413',
    { title: 'Backend Engineer, Routing', department: 'Engineering', location: 'Toronto, ON', summary: BUILD },
  ),
  ashby: posting(
    'ashby',
    company('Lumora', 'lumora', 'Lumora makes scheduling software for independent clinics.'),
    'c8d04e7b-2a61-4f93-8b1e-5e6f0a9d3c27',
    { title: 'Full-Stack Engineer', department: 'Product Engineering', location: 'New York, NY', summary: BUILD },
  ),
  workday: posting(
    'workday',
    company('Pinecrest Systems', 'pinecrest', 'Pinecrest Systems builds billing platforms for regional utilities.'),
    'JR-20418',
    { title: 'Senior Software Engineer', department: 'Technology', location: 'Austin, TX', summary: BUILD },
  ),
  smartrecruiters: posting(
    'smartrecruiters',
    company(
      'Aldermoor Freight',
      'AldermoorFreight',
      'Aldermoor Freight plans rail and truck freight across the Midwest.',
    ),
    '744000098765432',
    { title: 'Platform Engineer', department: 'IT', location: 'Chicago, IL', summary: BUILD },
  ),
  icims: posting(
    'icims',
    company('Brightwell Utilities', 'brightwell', 'Brightwell Utilities delivers water and power to the Front Range.'),
    '2210',
    { title: 'Application Developer II', department: 'Information Technology', location: 'Denver, CO', summary: BUILD },
  ),
  workable: posting(
    'workable',
    company('Marlow & Finch', 'marlowfinch', 'Marlow & Finch sells made-to-measure furniture online.'),
    'E5F6A7B8C9',
    {
      title: 'Senior Web Engineer',
      department: 'Engineering',
      location: 'London, England, United Kingdom',
      summary: BUILD,
    },
  ),
  careers: posting(
    'careers',
    company(
      'Oakridge Instruments',
      'oakridge',
      'Oakridge Instruments makes field sensors for environmental monitoring.',
    ),
    'firmware-tools-engineer',
    { title: 'Firmware Tools Engineer', department: 'Engineering', location: 'Portland, OR', summary: BUILD },
  ),
  bamboohr: posting(
    'bamboohr',
    company('Quarry Lane Coffee', 'quarrylane', 'Quarry Lane Coffee roasts and ships specialty coffee from Utah.'),
    '48',
    {
      title: 'Software Engineer, E-commerce',
      department: 'Technology',
      location: 'Salt Lake City, UT',
      summary: BUILD,
    },
  ),
  jobvite: posting(
    'jobvite',
    company('Sableworks', 'sableworks', 'Sableworks makes inventory software for hardware stores.'),
    'oQx5vfwA',
    { title: 'Software Developer', department: 'Engineering', location: 'Raleigh, NC', summary: BUILD },
  ),
  teamtailor: posting(
    'teamtailor',
    company('Nordlys', 'nordlys', 'Nordlys builds energy-trading tools for Nordic utilities.'),
    '5120437-backend-developer',
    { title: 'Backend Developer', department: 'Tech', location: 'Stockholm, Sweden', summary: BUILD },
  ),
  recruitee: posting(
    'recruitee',
    company('Velto Defense Systems', 'velto', 'Velto builds communication systems for defense customers.'),
    'software-engineer-secure-comms',
    {
      title: 'Software Engineer, Secure Communications',
      department: 'Engineering',
      location: 'Arlington, VA',
      summary: BUILD,
    },
  ),
} satisfies Partial<Record<AtsKind, Posting>>;
