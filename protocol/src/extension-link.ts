// The extension's identity and what a JobSwipe web page may ask it through `externally_connectable`
// ("Connect this browser" on the Devices page). The manifest carries the public key below, which
// fixes the extension's id, so the web knows whom to message without any configuration.
import { z } from 'zod';

/** The manifest's `key`: Chrome derives the extension id from it (the private half is not kept). */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsy2AgXxCTp/Wl//7mklz7WHYn2mzl3sbzh5+gukNy/3QR9uG1Mr1Ar4IyCXfAeHnhrfDIwROyPvc5Xs8hMgnPkg2cp1xEGz7cI3YRfkm71pS6i4jrQHspTmzVFSJo6BtDk0tuacPX3uee/JlY5b+Yo4t1aWOSjSnBQcFiRq7/kdEsFH2nGUvMdTCxqwSrRZz9RY+qcoS0359ltn040cYGPtrY1Qzyw7zixsVaQB8Uqebohv6DBaoGjNA12fklI9QEPJObJfexWhk9zMeqebaGwXHJsByaGzZ+85TDhWU2aZ95RlZWLQ9iGd/woWLjwk7/7PIfaisJq9ffw+7WnSklQIDAQAB';

/** The id Chrome gives the extension built with EXTENSION_PUBLIC_KEY. */
export const EXTENSION_ID = 'enigaoocdnokfefhginlmfhdfekjjmpe';

/** Web page → extension. */
export const ExtensionRequest = z.discriminatedUnion('type', [
  /** Is the extension there, and is it paired? */
  z.object({ type: z.literal('status') }),
  /** Pair with this code, which the signed-in page just started on its own server. */
  z.object({ type: z.literal('pair'), code: z.string().min(6).max(20) }),
]);
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

/** Extension → web page: its state after the request. */
export const ExtensionReply = z.union([
  z.object({
    ok: z.literal(true),
    version: z.string(),
    paired: z.object({ server: z.string(), deviceId: z.string() }).nullable(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ExtensionReply = z.infer<typeof ExtensionReply>;
