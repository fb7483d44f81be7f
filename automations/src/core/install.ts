// Entry of the IIFE bundle: puts the core on `globalThis.__jobswipeCore` once per document.
import * as core from './index.ts';

export type Core = typeof core;

declare global {
  var __jobswipeCore: Core | undefined;
}

globalThis.__jobswipeCore ??= core;
