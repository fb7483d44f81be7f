// The practice server's own origin as the request reached it, for absolute URLs in answers.
export function baseUrlOf(req: { protocol: string; get(name: string): string | undefined }): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
