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

/** What a question needs to be answered with, in the shapes the engine asks (see `Question`). */
interface AskedQuestion {
  label: string;
  type: string;
  options?: string[] | undefined;
}

const same = (a: string, b: string) => normalizeQuestion(a) === normalizeQuestion(b);

/**
 * Why `answer` does not fit `question` (its type and options), or null when it does: a yes/no
 * question takes yes or no, a choice one of its options, a date a date. The user's answer is
 * checked against what the form offers, so a reply the form cannot take is refused at once.
 */
export function answerMismatch(question: AskedQuestion, answer: unknown): string | null {
  const options = question.options ?? [];
  const where = `"${question.label}"`;
  const oneOf = (list: string[]) => list.map((o) => `"${o}"`).join(', ');
  switch (question.type) {
    case 'yes_no': {
      const ok =
        typeof answer === 'boolean' ||
        (typeof answer === 'string' && (/^(yes|no)$/i.test(answer.trim()) || options.some((o) => same(o, answer))));
      return ok ? null : `${where} takes Yes or No${options.length ? ` (${oneOf(options)})` : ''}.`;
    }
    case 'checkbox':
      return typeof answer === 'boolean' ? null : `${where} is a checkbox: answer true or false.`;
    case 'checkbox_group': {
      const list = Array.isArray(answer) ? answer : null;
      if (!list || list.some((a) => typeof a !== 'string')) return `${where} takes a list of its options.`;
      const unknown = options.length ? list.filter((a) => !options.some((o) => same(o, a))) : [];
      return unknown.length ? `${where} offers ${oneOf(options)}; not ${oneOf(unknown)}.` : null;
    }
    case 'date':
      return typeof answer === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(answer.trim()) &&
        !Number.isNaN(Date.parse(answer))
        ? null
        : `${where} takes a date written YYYY-MM-DD.`;
    case 'number':
      return (typeof answer === 'string' && answer.trim() !== '' && Number.isFinite(Number(answer))) ||
        typeof answer === 'number'
        ? null
        : `${where} takes a number.`;
    case 'select':
    case 'radio':
    case 'combobox':
      if (typeof answer !== 'string' || !answer.trim()) return `${where} takes one of its options.`;
      // A combobox whose options were not listed (a search box) takes any text.
      return options.length && !options.some((o) => same(o, answer))
        ? `${where} offers ${oneOf(options)}; "${answer}" is not one of them.`
        : null;
    default:
      return typeof answer === 'string' && answer.trim() ? null : `${where} takes a text answer.`;
  }
}
