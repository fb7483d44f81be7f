// How a form's question becomes the key its saved answer is stored under. The backend saves
// answers under this key and the automation engine looks them up by it, so both must agree.

/** Lower-case, punctuation and filler-free text of a question: "Are you 18+?*" → "are you 18". */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(required\)|\(optional\)|\*/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
