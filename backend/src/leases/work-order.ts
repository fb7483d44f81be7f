// Everything an executor needs once it holds the lease: the job as the user saw it, the profile
// and saved answers, and a resume link that works while the lease does.
import type { Application } from '@jobswipe/db';
import type { SavedAnswers } from '@jobswipe/protocol';
import type { ClaimedMessage } from '@jobswipe/protocol/device';
import { siteAccountPassword } from '../accounts/site-accounts.ts';
import type { AppContext } from '../context.ts';
import { signedResumeUrl } from '../files/signed-urls.ts';
import { toApplicantProfile } from '../profile/profile-view.ts';
import { defaultResume } from '../profile/resumes.ts';

export async function workOrder(ctx: AppContext, app: Application): Promise<ClaimedMessage> {
  const prisma = ctx.db.prisma;
  const [snapshot, profile, answers, resume] = await Promise.all([
    prisma.jobSnapshot.findUnique({ where: { applicationId: app.id } }),
    // Every user has a profile row from sign-up on.
    prisma.profile.findUniqueOrThrow({ where: { userId: app.userId } }),
    prisma.savedAnswer.findMany({ where: { userId: app.userId } }),
    defaultResume(prisma, app.userId),
  ]);
  const expiresAt = app.leaseExpiresAt ?? new Date();
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
    profile: toApplicantProfile(profile),
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, a.answer])) as SavedAnswers,
    // The link outlives the lease's current expiry a little: heartbeats keep extending the lease.
    resumeUrl: resume ? signedResumeUrl(ctx, resume.id, new Date(expiresAt.getTime() + 15 * 60_000)) : null,
    resumeFileName: resume?.fileName ?? null,
    // Bound to the host it was given for: the engine types it on no other.
    account: password && host ? { email: profile.email, password, host } : null,
  };
}
