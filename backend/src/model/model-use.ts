// What the server worker's model fallback is given for one application: its user's budget as the
// meter (every call Stagehand makes is charged first), the shared widget actions of every form
// template (model_actions: no user's data, the model only saw `%answer%`), and the user's own
// drafts through the one drafting policy (draft-answers.ts), which is also charged to the budget.
import type { ActionCache, DraftSource, ModelMeter, WidgetAction } from '@jobswipe/automations/ai/model-use';
import type { Prisma } from '@jobswipe/db';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import type { Executor } from '../leases/executor.ts';
import { draftAnswers } from './draft-answers.ts';
import { reserveModelCall } from './model-budget.ts';

export interface ModelUse {
  meter: ModelMeter;
  actions: ActionCache;
  drafts: DraftSource;
}

export function modelActions(ctx: AppContext): ActionCache {
  const { prisma } = ctx.db;
  return {
    async get(template, instruction) {
      const row = await prisma.modelAction.findUnique({ where: { template_instruction: { template, instruction } } });
      return row ? (row.action as unknown as WidgetAction) : null;
    },
    async put(template, instruction, action) {
      const json = action as unknown as Prisma.InputJsonObject;
      await prisma.modelAction.upsert({
        where: { template_instruction: { template, instruction } },
        create: { template, instruction, action: json },
        update: { action: json },
      });
    },
    async drop(template, instruction) {
      await prisma.modelAction.deleteMany({ where: { template, instruction } });
    },
  };
}

/** The model use of one held application (`leaseToken`: the lease the executor holds on it). */
export async function modelUseFor(
  ctx: AppContext,
  executor: Executor,
  applicationId: string,
  leaseToken: bigint,
): Promise<ModelUse> {
  const { prisma } = ctx.db;
  const app = await prisma.application.findUnique({ where: { id: applicationId }, select: { userId: true } });
  if (!app) throw notFound('Application');
  return {
    meter: { reserve: (estimate) => reserveModelCall(prisma, app.userId, estimate) },
    actions: modelActions(ctx),
    async drafts(questions) {
      const drafted = await draftAnswers(ctx, executor, { applicationId, leaseToken, questions });
      return Object.fromEntries(drafted.answers.map((a) => [a.key, a.answer]));
    },
  };
}
