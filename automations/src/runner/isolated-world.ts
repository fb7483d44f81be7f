// The in-page core's home in a Playwright host: an isolated world per frame (CDP
// `Page.createIsolatedWorld`), so the employer's page sees no global, attribute or function of
// ours; the DOM is shared, the JavaScript globals are not. A world lives as long as its document:
// a call that finds its context gone creates the world again in the new document. One binding,
// exposed in these worlds only, carries the core's requests for trusted input to the host.
import { randomBytes } from 'node:crypto';
import type { CDPSession, Frame, Page } from 'playwright-core';
// Declares the `__jobswipeCore` global the calls reach into (the world's, not the page's).
import type {} from '../core/install.ts';
import { coreBundle } from './core-bundle.ts';

const WORLD_NAME = 'jobswipe';

/** A request from a world's core, with the frame it runs in. */
export type WorldRequest = (frame: Frame, world: World, payload: string) => Promise<void>;

export interface World {
  session: CDPSession;
  contextId: number;
}

interface CdpFrameTree {
  frame: { id: string; url: string; name?: string };
  childFrames?: CdpFrameTree[];
}

interface RemoteResult {
  result: { value?: unknown; objectId?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

interface PageWorlds {
  binding: string;
  onRequest: WorldRequest;
  pageSession: Promise<CDPSession>;
  /** Sessions of frames Chromium runs in their own process (cross-site iframes). */
  frameSessions: Map<Frame, CDPSession>;
  worlds: Map<Frame, Promise<World>>;
  /** Which frame each world's context belongs to, per session (context ids are per target). */
  contexts: Map<CDPSession, Map<number, Frame>>;
}

const pages = new WeakMap<Page, PageWorlds>();

/** Errors that mean the world's document is gone (navigated, detached): create it again. */
export const WORLD_GONE =
  /Cannot find context|Execution context was destroyed|context with specified id|No frame|Frame with the given id|Target closed|frame was detached|navigat/i;

/** Runs `fn(...args)` in the world and returns its value (or the remote object with `byValue` false). */
export async function callIn(
  world: World,
  fn: string,
  args: unknown[],
  byValue = true,
): Promise<RemoteResult['result']> {
  const reply = (await world.session.send('Runtime.callFunctionOn', {
    // esbuild (tsx) may name functions with a `__name` helper the world does not define.
    functionDeclaration: `function (...args) { var __name = (f) => f; return (${fn})(...args); }`,
    executionContextId: world.contextId,
    arguments: args.map((value) => ({ value })),
    awaitPromise: true,
    returnByValue: byValue,
  })) as RemoteResult;
  if (reply.exceptionDetails) {
    const { text, exception } = reply.exceptionDetails;
    throw new Error(exception?.description ?? text);
  }
  return reply.result;
}

function worldsOf(page: Page, onRequest: WorldRequest): PageWorlds {
  let state = pages.get(page);
  if (!state) {
    state = {
      // A name the page cannot guess; it exists only in our worlds anyway.
      binding: `b${randomBytes(8).toString('hex')}`,
      onRequest,
      pageSession: page.context().newCDPSession(page),
      frameSessions: new Map(),
      worlds: new Map(),
      contexts: new Map(),
    };
    pages.set(page, state);
  }
  return state;
}

/** Routes the binding's calls on this session to the host (once per session). */
function listen(state: PageWorlds, session: CDPSession): void {
  if (state.contexts.has(session)) return;
  state.contexts.set(session, new Map());
  session.on('Runtime.bindingCalled', (event) => {
    if (event.name !== state.binding) return;
    const frame = state.contexts.get(session)?.get(event.executionContextId);
    if (frame) void state.onRequest(frame, { session, contextId: event.executionContextId }, event.payload);
  });
}

/** The frame's own session when Chromium runs it in another process (null otherwise). */
async function ownSession(state: PageWorlds, page: Page, frame: Frame): Promise<CDPSession | null> {
  const known = state.frameSessions.get(frame);
  if (known) return known;
  // Playwright gives a frame its own session only when it is out of process; it refuses the others.
  const session = await page
    .context()
    .newCDPSession(frame)
    .catch(() => null);
  if (session) state.frameSessions.set(frame, session);
  return session;
}

const withoutHash = (url: string) => url.split('#')[0] ?? url;

/**
 * The session that reaches `frame` and its CDP frame id: the frame's own session, or the one of
 * its nearest out-of-process ancestor (the page's at the top), whose frame tree holds it. A child
 * is found by its address, then its name, then its place among children alike.
 */
async function cdpFrame(state: PageWorlds, page: Page, frame: Frame): Promise<{ session: CDPSession; id: string }> {
  const below: Frame[] = [];
  let owner = frame;
  let session: CDPSession | null = null;
  for (;;) {
    if (owner === page.mainFrame()) session = await state.pageSession;
    else session = await ownSession(state, page, owner);
    if (session) break;
    below.unshift(owner);
    const parent = owner.parentFrame();
    if (!parent) throw new Error('The frame was detached.');
    owner = parent;
  }
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: CdpFrameTree };
  let node = frameTree;
  for (const child of below) {
    const alike = (url: string, name: string | undefined) =>
      withoutHash(url) === withoutHash(child.url()) && (name ?? '') === child.name();
    const candidates = (node.childFrames ?? []).filter((c) => alike(c.frame.url, c.frame.name));
    const twins = (child.parentFrame()?.childFrames() ?? []).filter((c) => alike(c.url(), c.name()));
    const found = candidates[Math.max(0, twins.indexOf(child))] ?? candidates[0];
    if (!found) throw new Error(`No frame for ${child.url()} in the page's frame tree.`);
    node = found;
  }
  return { session, id: node.frame.id };
}

async function createWorld(state: PageWorlds, page: Page, frame: Frame): Promise<World> {
  const { session, id } = await cdpFrame(state, page, frame);
  listen(state, session);
  const { executionContextId } = (await session.send('Page.createIsolatedWorld', {
    frameId: id,
    worldName: WORLD_NAME,
  })) as { executionContextId: number };
  const world = { session, contextId: executionContextId };
  state.contexts.get(session)?.set(executionContextId, frame);
  // Exposed in this world alone (by context id: Chromium does not match isolated worlds by name).
  await session.send('Runtime.addBinding', { name: state.binding, executionContextId });
  const installed = (await session.send('Runtime.evaluate', {
    expression: await coreBundle(),
    contextId: executionContextId,
  })) as RemoteResult;
  if (installed.exceptionDetails) throw new Error(`The core did not start: ${installed.exceptionDetails.text}`);
  await callIn(world, '(binding) => globalThis.__jobswipeCore.useHostInput(binding)', [state.binding]);
  return world;
}

/**
 * The frame's world with the core in it (created on first use and after every navigation).
 * `onRequest` handles the trusted input its core asks for.
 */
export function worldOf(page: Page, frame: Frame, onRequest: WorldRequest): Promise<World> {
  const state = worldsOf(page, onRequest);
  let world = state.worlds.get(frame);
  if (!world) {
    world = createWorld(state, page, frame);
    state.worlds.set(frame, world);
    world.catch(() => state.worlds.delete(frame));
  }
  return world;
}

/** Forgets the frame's world (its document is gone): the next call creates it again. */
export function forgetWorld(page: Page, frame: Frame): void {
  const state = pages.get(page);
  if (!state) return;
  state.worlds.delete(frame);
  // The frame may have moved to another process: its next session is asked for afresh.
  state.frameSessions
    .get(frame)
    ?.detach()
    .catch(() => {});
  state.frameSessions.delete(frame);
}
