// Everything an executor needs once it holds the lease: the job as the user saw it, the profile
// and saved answers, and a resume link that works while the lease does.
import type { Application } from '@jobswipe/db';
import type { DeviceAutofill, SavedAnswers } from '@jobswipe/protocol';
import type { ClaimedMessage } from '@jobswipe/protocol/device';
import { siteAccountPassword } from '../accounts/site-accounts.ts';
import type { AppContext } from '../context.ts';
import { signedResumeUrl } from '../files/signed-urls.ts';
import { modelSettings } from '../model/draft-answers.ts';
import { toApplicantProfile } from '../profile/profile-view.ts';
import { defaultResume } from '../profile/resumes.ts';

/**
 * What a form is filled with, for one user: the profile, the saved answers and a link to the
 * default resume valid until `linkExpiresAt` (also the extension's autofill, outside any lease).
 */
export async function applicantMaterials(
  ctx: AppContext,
  userId: string,
  linkExpiresAt: Date,
): Promise<Omit<DeviceAutofill, 'job'> & { email: string }> {
  const prisma = ctx.db.prisma;
  const [profile, answers, resume] = await Promise.all([
    // Every user has a profile row from sign-up on.
    prisma.profile.findUniqueOrThrow({ where: { userId } }),
    prisma.savedAnswer.findMany({ where: { userId } }),
    defaultResume(prisma, userId),
  ]);
  return {
    email: profile.email,
    profile: toApplicantProfile(profile),
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, a.answer])) as SavedAnswers,
    resumeUrl: resume ? signedResumeUrl(ctx, resume.id, linkExpiresAt) : null,
    resumeFileName: resume?.fileName ?? null,
  };
}

export async function workOrder(ctx: AppContext, app: Application): Promise<ClaimedMessage> {
  const prisma = ctx.db.prisma;
  const expiresAt = app.leaseExpiresAt ?? new Date();
  const [snapshot, materials, reviewDrafts] = await Promise.all([
    prisma.jobSnapshot.findUnique({ where: { applicationId: app.id } }),
    // The link outlives the lease's current expiry a little: heartbeats keep extending the lease.
    applicantMaterials(ctx, app.userId, new Date(expiresAt.getTime() + 15 * 60_000)),
    prisma.user.findUnique({ where: { id: app.userId }, select: { reviewDrafts: true } }).then((u) => u?.reviewDrafts),
  ]);
  const applyUrl =
    typeof snapshot?.posting === 'object' && snapshot.posting
      ? (snapshot.posting as { applyUrl?: unknown }).applyUrl
      : null;
  const host = typeof applyUrl === 'string' && URL.canParse(applyUrl) ? new URL(applyUrl).host : null;
  const password = host ? await siteAccountPassword(prisma, ctx.secrets, app.userId, host) : null;
  return {
    type: 'claimed',
    applicationId: app.id,
    leaseToken: app.leaseToken.toString(),
    leaseExpiresAt: expiresAt.toISOString(),
    attempt: app.attempt,
    correlationId: app.correlationId,
    verifyFirst: app.submittingAt !== null,
    job: (snapshot?.posting as Record<string, unknown> | undefined) ?? {},
    profile: materials.profile,
    answers: materials.answers,
    resumeUrl: materials.resumeUrl,
    resumeFileName: materials.resumeFileName,
    // Bound to the host it was given for: the engine types it on no other.
    account: password && host ? { email: materials.email, password, host } : null,
    reviewDrafts: reviewDrafts ?? false,
    modelRelay: modelSettings(ctx) !== null,
  };
}
