// The questions the user answers by hand on a form the autofill filled: the fields it left empty
// that hold an answer when the user submits. They are offered to be saved for future forms, with
// the question's control type and choices; never a sensitive question (protocol/src/sensitive.ts),
// a password, a file, nor what the profile itself holds (that belongs in the profile).
import { currentValue, discoverFields, isSelected } from '@jobswipe/automations/core/discover';
import { fieldKey, isProfileKey } from '@jobswipe/automations/core/field-keys';
import { yesNoOf } from '@jobswipe/automations/core/option-match';
import type { DiscoveredField } from '@jobswipe/automations/core/types';
import type { DeviceAnswersBody } from '@jobswipe/protocol/api';
import { type AnswerValue, isAccountPasswordText } from '@jobswipe/protocol/automation';
import { normalizeQuestion } from '@jobswipe/protocol/questions';
import { isSensitiveQuestion } from '@jobswipe/protocol/sensitive';

export type TypedAnswer = DeviceAnswersBody['answers'][number];

/** The question's key when the user may be offered to save their answer to it, else null. */
function savableKey(f: DiscoveredField): string | null {
  if (f.widget === 'file' || f.type === 'password') return null;
  if (isSensitiveQuestion(f.label) || isAccountPasswordText(f.label)) return null;
  const key = fieldKey(
    f.label,
    f.hints,
    f.type,
    f.options.map((o) => o.label),
    f.placeholder,
  );
  if (key && isProfileKey(key)) return null;
  return normalizeQuestion(f.label) || null;
}

function answerOf(f: DiscoveredField, shown: string): AnswerValue {
  if (f.widget === 'checkbox') return true;
  if (f.widget === 'checkbox_group') return f.options.filter((o) => isSelected(o.element)).map((o) => o.label);
  if (f.type === 'yes_no') return yesNoOf(shown) ?? shown;
  return shown;
}

/** The keys of the savable questions this page leaves empty now (right after a fill). */
export function emptyQuestions(doc: Document = document): Set<string> {
  const keys = new Set<string>();
  for (const f of discoverFields(doc)) {
    const key = savableKey(f);
    if (key && !currentValue(f)) keys.add(key);
  }
  return keys;
}

/** What the user has typed or chosen by now in the fields that were left empty (`left`). */
export function typedAnswers(left: Set<string>, doc: Document = document): Map<string, TypedAnswer | null> {
  const typed = new Map<string, TypedAnswer | null>();
  for (const f of discoverFields(doc)) {
    const { type } = f;
    const key = savableKey(f);
    // (The type test only narrows it for the body: savableKey already refused both.)
    if (!key || !left.has(key) || type === 'password' || type === 'file') continue;
    const shown = currentValue(f);
    // Emptied again: the user took the answer back.
    typed.set(
      key,
      shown ? { question: f.label, answer: answerOf(f, shown), type, options: f.options.map((o) => o.label) } : null,
    );
  }
  return typed;
}

/** An answer as the user reads it in the offer. */
export function shownAnswer(answer: AnswerValue): string {
  if (typeof answer === 'boolean') return answer ? 'Yes' : 'No';
  return Array.isArray(answer) ? answer.join(', ') : answer;
}
