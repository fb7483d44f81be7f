// Prints the lifecycle diagram for docs/architecture.md.
import { stateDiagram } from './status-diagram.ts';

console.log(stateDiagram());
