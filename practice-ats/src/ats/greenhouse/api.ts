// The Greenhouse Job Board API (boards-api.greenhouse.io/v1/boards/{board}/...), under
// /api/greenhouse/v1: the job list (content=true adds the HTML-escaped description, departments
// and offices) and one job with its application questions and EEOC compliance questions.
import { Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { baseUrlOf } from '../../shared/base-url.ts';
import { escapeHtml } from '../../shared/html.ts';
import { clientPosting } from '../../shared/spa-shell.ts';
import type { FieldSpec } from '../../spec/form-spec.ts';
import type { PostingLookup } from '../postings-of.ts';
import { embedHostPath, greenhouseSpec, isEmbedded, postingPath } from './spec.ts';

const API_TYPES: Partial<Record<FieldSpec['type'], string>> = {
  textarea: 'textarea',
  file: 'input_file',
  select: 'multi_value_single_select',
  combobox: 'multi_value_single_select',
  yes_no: 'multi_value_single_select',
  radio: 'multi_value_single_select',
  checkbox_group: 'multi_value_multi_select',
};

function numericId(text: string): number {
  return Number.parseInt(text.replace(/\D/g, '').slice(0, 9), 10) || 0;
}

function apiField(f: FieldSpec) {
  return {
    name: f.name.replace(/\[\]$/, ''),
    type: API_TYPES[f.type] ?? 'input_text',
    values: (f.options ?? []).map((o) => ({
      label: o.label,
      value: Number.isNaN(Number(o.value)) ? o.value : Number(o.value),
    })),
  };
}

function jobSummary(p: Posting, base: string, content: boolean) {
  const department = {
    id: numericId(p.department) || p.department.length * 1000 + 7,
    name: p.department,
    child_ids: [],
    parent_id: null,
  };
  return {
    absolute_url: base + (isEmbedded(p) ? embedHostPath(p) : postingPath(p)),
    data_compliance: [
      {
        type: 'gdpr',
        requires_consent: false,
        requires_processing_consent: false,
        requires_retention_consent: false,
        retention_period: null,
      },
    ],
    internal_job_id: Number(p.externalId) - 3_000_000,
    location: { name: p.location },
    // The custom field many boards keep the job type in.
    metadata: [{ id: 4_100_001, name: 'Employment Type', value: p.employmentType, value_type: 'single_select' }],
    id: Number(p.externalId),
    updated_at: `${p.postedAt}T09:00:00-05:00`,
    requisition_id: `REQ-${p.externalId.slice(-4)}`,
    title: p.title,
    company_name: p.company.name,
    first_published: `${p.postedAt}T09:00:00-05:00`,
    ...(content
      ? {
          content: escapeHtml(clientPosting(p).descriptionHtml),
          departments: [department],
          offices: [{ id: department.id + 1, name: p.location, location: p.location, child_ids: [], parent_id: null }],
        }
      : {}),
  };
}

function questions(p: Posting) {
  const spec = greenhouseSpec(p, 'job-boards');
  const groups = new Map<string, FieldSpec[]>();
  for (const f of spec.fields) {
    if (f.asks.kind === 'system') continue;
    const key = f.alternativeTo ?? f.name;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const all = [...groups.values()].map((fields) => {
    const [first] = fields as [FieldSpec];
    return {
      required: first.required,
      private: false,
      label: first.label,
      description: null,
      fields: fields.map(apiField),
      section: first.section,
    };
  });
  const eeoc = all.filter((q) => q.section === 'Voluntary Self-Identification');
  const location = all.filter((q) => q.fields.some((f) => f.name === 'candidate-location'));
  const strip = ({ section: _s, ...q }: (typeof all)[number]) => q;
  return {
    questions: all.filter((q) => !eeoc.includes(q) && !location.includes(q)).map(strip),
    location_questions: location.map(strip),
    compliance: [
      {
        type: 'eeoc',
        description: escapeHtml('<p>We are an equal opportunity employer. Completion is voluntary.</p>'),
        questions: eeoc.map(strip),
      },
    ],
  };
}

function payRanges(p: Posting) {
  if (p.salaryMin === null || p.salaryMax === null) return [];
  return [
    {
      min_cents: p.salaryMin * 100,
      max_cents: p.salaryMax * 100,
      currency_type: p.salaryCurrency,
      title: 'Base salary',
      blurb: 'Final offers depend on experience, skills and location.',
    },
  ];
}

export function greenhouseApiRoutes(lookup: PostingLookup): Router {
  const router = Router();
  const listed = (board: string) =>
    lookup.board(board).filter((p) => p.scenario !== 'closed-404' && p.scenario !== 'closed');
  router.get('/api/greenhouse/v1/boards/:board/jobs', (req, res) => {
    const jobs = listed(req.params.board);
    if (lookup.board(req.params.board).length === 0) {
      res.status(404).json({ status: 404, error: 'Job board not found' });
      return;
    }
    const base = baseUrlOf(req);
    res.json({
      jobs: jobs.map((p) => jobSummary(p, base, req.query.content === 'true')),
      meta: { total: jobs.length },
    });
  });
  router.get('/api/greenhouse/v1/boards/:board/jobs/:id', (req, res) => {
    const p = listed(req.params.board).find((x) => x.externalId === req.params.id);
    if (!p) {
      res.status(404).json({ status: 404, error: 'Job not found' });
      return;
    }
    res.json({
      ...jobSummary(p, baseUrlOf(req), true),
      ...(req.query.questions === 'true' ? questions(p) : {}),
      ...(req.query.pay_transparency === 'true' ? { pay_input_ranges: payRanges(p) } : {}),
    });
  });
  return router;
}
