// The places the practice location autocompletes know, served like the ATSs' own place search.
import { Router } from 'express';
import type { FieldOption } from '../spec/form-spec.ts';

export const LOCATIONS: readonly string[] = [
  'San Francisco, California, United States',
  'San Jose, California, United States',
  'Los Angeles, California, United States',
  'Seattle, Washington, United States',
  'Portland, Oregon, United States',
  'New York, New York, United States',
  'Boston, Massachusetts, United States',
  'Chicago, Illinois, United States',
  'Austin, Texas, United States',
  'Pittsburgh, Pennsylvania, United States',
  'Columbus, Ohio, United States',
  'Indianapolis, Indiana, United States',
  'Denver, Colorado, United States',
  'Toronto, Ontario, Canada',
  'Vancouver, British Columbia, Canada',
  'Montreal, Quebec, Canada',
  'London, England, United Kingdom',
  'Manchester, England, United Kingdom',
  'Edinburgh, Scotland, United Kingdom',
  'Dublin, Ireland',
  'Berlin, Germany',
  'Hamburg, Germany',
  'Munich, Germany',
  'Amsterdam, Netherlands',
  'Rotterdam, Netherlands',
  'Paris, France',
  'Lisbon, Portugal',
  'Madrid, Spain',
  'Oslo, Norway',
  'Stockholm, Sweden',
  'Copenhagen, Denmark',
  'Zurich, Switzerland',
  'Singapore',
  'Sydney, New South Wales, Australia',
  'Bangalore, Karnataka, India',
  'Tokyo, Japan',
];

export const LOCATION_OPTIONS: FieldOption[] = LOCATIONS.map((l) => ({ value: l, label: l }));

export function searchLocations(query: string, limit = 8): FieldOption[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  return LOCATION_OPTIONS.filter(
    (o) =>
      o.label
        .toLowerCase()
        .split(/,\s*/)
        .some((part) => part.startsWith(q)) || o.label.toLowerCase().startsWith(q),
  ).slice(0, limit);
}

export function locationRoutes(): Router {
  const router = Router();
  router.get('/__practice/api/locations', (req, res) => {
    res.json(searchLocations(typeof req.query.q === 'string' ? req.query.q : ''));
  });
  return router;
}
