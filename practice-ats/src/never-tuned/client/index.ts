// The never-tuned split's browser code: one bundle, each form's page names its own renderer.
import { render as ashby } from './ashby.ts';
import { render as bamboohr } from './bamboohr.ts';
import { render as greenhouse } from './greenhouse.ts';
import { render as jobvite } from './jobvite.ts';
import { extra } from './kit.ts';
import { render as recruitee } from './recruitee.ts';
import { render as smartrecruiters } from './smartrecruiters.ts';
import { render as teamtailor } from './teamtailor.ts';
import { render as workable } from './workable.ts';
import { render as workday } from './workday.ts';

const RENDERERS: Record<string, (root: HTMLElement) => void> = {
  ashby,
  bamboohr,
  greenhouse,
  jobvite,
  recruitee,
  smartrecruiters,
  teamtailor,
  workable,
  workday,
};

const root = document.getElementById('root');
const render = RENDERERS[extra('form')];
if (!root || !render) throw new Error(`No never-tuned form renderer for "${extra('form')}".`);
render(root);
