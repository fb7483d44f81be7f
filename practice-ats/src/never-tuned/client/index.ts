// The never-tuned split's browser code: one bundle, each form's page names its own renderer.

import { render as ashby } from './ashby.ts';
import { render as greenhouse } from './greenhouse.ts';
import { extra } from './kit.ts';
import { render as workday } from './workday.ts';

const RENDERERS: Record<string, (root: HTMLElement) => void> = {
  ashby,
  greenhouse,
  workday,
};

const root = document.getElementById('root');
const render = RENDERERS[extra('form')];
if (!root || !render) throw new Error(`No never-tuned form renderer for "${extra('form')}".`);
render(root);
