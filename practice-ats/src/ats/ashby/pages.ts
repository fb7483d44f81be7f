// Ashby's hosted job board: the list of openings, and the job page shell the React app mounts in.
import type { Posting } from '../../catalog/posting.ts';
import { html } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { pageData, spaShell } from '../../shared/spa-shell.ts';
import type { FormSpec } from '../../spec/form-spec.ts';
import { postingPath } from './spec.ts';

const CSS = `body{font-family:Inter,system-ui,sans-serif;margin:0;color:#222;background:#fbfbfd}
._container_ud4nd_29,.board{max-width:760px;margin:0 auto;padding:32px 20px}._title_ud4nd_34{font-size:1.9rem;margin:0}
._subtitle_ud4nd_40{color:#6b6b80}._tabs_ud4nd_60{display:flex;gap:20px;border-bottom:1px solid #e3e3ea;margin:20px 0}
._tabs_ud4nd_60 a{padding:8px 0;color:#6b6b80;text-decoration:none}._tabs_ud4nd_60 a[aria-selected=true]{color:#4b3fe4;border-bottom:2px solid #4b3fe4}
._fieldEntry_17dpp_29{margin:18px 0;display:flex;flex-direction:column}._heading_101oc_53{font-weight:600;margin-bottom:6px}
._required_101oc_92{color:#d93025;margin-left:3px}._input_1wkz4_28,._textarea_1wkz4_40,._input_v5ami_42,._datePicker_19yv3_29 input{border:1px solid #d4d4dd;border-radius:8px;padding:10px;font:inherit;box-sizing:border-box;width:100%}
._container_v5ami_28{position:relative}._menu_v5ami_61{position:absolute;z-index:5;left:0;right:0;background:#fff;border:1px solid #d4d4dd;border-radius:8px;list-style:none;margin:4px 0;padding:4px;max-height:240px;overflow:auto}
._option_v5ami_75{padding:8px 10px;border-radius:6px;cursor:pointer}._active_v5ami_88{background:#efedff}
._yesno_hkyf8_143{display:flex}._option_y2cw4_33{flex:1;padding:10px;border:1px solid #d4d4dd;background:#fff;cursor:pointer}
._active_y2cw4_58{background:#4b3fe4;color:#fff;border-color:#4b3fe4}._button_8wvgw_29{background:#4b3fe4;color:#fff;border:0;border-radius:8px;padding:10px 18px;cursor:pointer}
._errorMessage_17dpp_60{color:#d93025;font-size:.85rem;margin:4px 0}._invalid_17dpp_56 input{border-color:#d93025}
._errors_1pqj5_80{background:#fdeeee;border:1px solid #d93025;border-radius:8px;padding:12px;margin:16px 0}
._successContainer_1pqj5_120{background:#effaf3;border:1px solid #2e9d5b;border-radius:8px;padding:24px}
.calendar{background:#fff;border:1px solid #d4d4dd;border-radius:8px;padding:8px;margin-top:4px}.calendar-grid{display:grid;grid-template-columns:repeat(7,1fr);gap:2px}
.board a{display:block;padding:14px;margin:8px 0;background:#fff;border:1px solid #e3e3ea;border-radius:8px;color:#222;text-decoration:none}`;

export function boardPage(postings: readonly Posting[]): string {
  const company = postings[0]?.company;
  return page({
    title: `Jobs at ${company?.name ?? ''}`,
    css: CSS,
    body: html`<main class="board"><h1>${company?.name ?? ''}</h1><p>${company?.about ?? ''}</p><h2>Open Positions (${postings.length})</h2>
${postings.map((p) => html`<a href="${postingPath(p)}"><strong>${p.title}</strong><br><span>${p.department} · ${p.location}${p.remote ? ' · Remote' : ''}</span></a>`)}</main>`,
  });
}

export function jobPage(p: Posting, spec: FormSpec): string {
  return spaShell({
    title: `${p.title} @ ${p.company.name}`,
    css: CSS,
    bundle: 'ashby',
    data: pageData(p, spec.fields, spec.submitUrl),
  });
}
