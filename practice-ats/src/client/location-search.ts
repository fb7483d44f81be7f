// The place search the single-page forms' location autocompletes call as the applicant types.
import type { FieldOption } from '../spec/form-spec.ts';

export async function searchPlaces(query: string): Promise<FieldOption[]> {
  const res = await fetch(`/__practice/api/locations?q=${encodeURIComponent(query)}`);
  return (await res.json()) as FieldOption[];
}
