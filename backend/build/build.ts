// `npm run build -w @jobswipe/backend`: backend/dist/{main,worker,migrate,seed,import-jobs,make-operator}.js,
// each run with plain `node` (bundle.ts says how).
import { buildBackend } from './bundle.ts';

const built = await buildBackend(process.argv[2]);
for (const [name, file] of Object.entries(built.entries)) console.log(`${name.padEnd(14)} ${file}`);
