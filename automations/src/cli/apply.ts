// `npm run apply -- --url <url> --profile <profile.json> [--answers <answers.json>]
//   [--resume <file>] [--cover-letter <file>] [--dry-run] [--headful] [--verify-first]`
// Applies to one job and prints the ApplyResult as JSON; the exit code says the outcome.
import { parseArgs } from 'node:util';
import { ApplicantProfile, SavedAnswers } from '@jobswipe/protocol';
import { aiFallbackFromEnv } from '../ai/stagehand-fallback.ts';
import { applyToJob } from '../runner/apply.ts';
import { launchBrowser } from '../runner/browser.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { InputError, readJsonFile } from './input-files.ts';

const USAGE = `Usage: npm run apply -- --url <posting url> --profile <profile.json> [options]

Options:
  --answers <file>       saved answers (JSON object: normalized question → answer)
  --resume <file>        resume to upload (PDF, DOC, DOCX)
  --cover-letter <file>  cover letter to upload
  --dry-run              fill everything, stop before the final submit
  --headful              show the browser
  --verify-first         only check whether an earlier attempt went through; never submit

Environment: ATS_ACCOUNT_PASSWORD (candidate account on ATSs that need one, e.g. Workday),
LLM_BASE_URL, LLM_MODEL, LLM_API_KEY (optional AI fallback), CHROMIUM_PATH, EVIDENCE_DIR.

Exit codes: 0 submitted (or dry run ready), 2 bad arguments or input, 3 needs attention,
4 blocked, 5 expired, 6 failed, 7 failed but worth retrying, 1 crashed.`;

function options() {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        profile: { type: 'string' },
        answers: { type: 'string' },
        resume: { type: 'string' },
        'cover-letter': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        headful: { type: 'boolean', default: false },
        'verify-first': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new InputError(`${(err as Error).message}\n\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  const args = options();
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.submitted;
  }
  if (!args.url || !args.profile) throw new InputError(`--url and --profile are required.\n\n${USAGE}`);
  try {
    new URL(args.url);
  } catch {
    throw new InputError(
      `--url "${args.url}" is not a valid URL (expected e.g. https://boards.greenhouse.io/acme/jobs/123).`,
    );
  }
  const profile = await readJsonFile(args.profile, ApplicantProfile, 'profile');
  const answers = args.answers ? await readJsonFile(args.answers, SavedAnswers, 'answers') : {};
  const headless = !args.headful;
  const aiFactory = aiFallbackFromEnv();
  const { browser, cdpUrl } = await launchBrowser({ headless, withCdp: aiFactory !== null });
  const ai = aiFactory && cdpUrl ? await aiFactory.start(cdpUrl) : null;
  try {
    const result = await applyToJob({
      url: args.url,
      profile,
      answers,
      ...(args.resume ? { resumePath: args.resume } : {}),
      ...(args['cover-letter'] ? { coverLetterPath: args['cover-letter'] } : {}),
      mode: 'server',
      browser,
      headless,
      dryRun: args['dry-run'],
      verifyFirst: args['verify-first'],
      // A secret: read from the environment, never from the command line (it would show in `ps`).
      ...(process.env.ATS_ACCOUNT_PASSWORD ? { account: { password: process.env.ATS_ACCOUNT_PASSWORD } } : {}),
      ai,
      onProgress: (p) => {
        process.stderr.write(`${JSON.stringify({ level: 'info', event: 'progress', ...p })}\n`);
      },
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return exitCodeFor(result);
  } finally {
    await ai?.close();
    await browser.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof InputError;
    process.stderr.write(`${usage ? (err as Error).message : String((err as Error).stack ?? err)}\n`);
    process.exitCode = usage ? EXIT.usage : EXIT.crash;
  },
);
