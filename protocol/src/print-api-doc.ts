// Prints docs/api.md: `npx tsx protocol/src/print-api-doc.ts > docs/api.md`.
import { renderApiDoc } from './api-doc.ts';
import { openApiDocument } from './openapi.ts';

process.stdout.write(renderApiDoc(openApiDocument()));
