// Country calling codes, for phone country-code pickers: the code comes from the applicant's E.164
// phone number, and the country (several share +1, +7, +44) from their location.
import { countryCode } from '@jobswipe/protocol/countries';

/** ISO alpha-2 → calling code, for the countries applicants most often write from. */
const CALLING_CODES: Record<string, string> = {
  US: '1',
  CA: '1',
  GB: '44',
  IE: '353',
  DE: '49',
  FR: '33',
  ES: '34',
  IT: '39',
  PT: '351',
  NL: '31',
  BE: '32',
  LU: '352',
  CH: '41',
  AT: '43',
  DK: '45',
  SE: '46',
  NO: '47',
  FI: '358',
  IS: '354',
  PL: '48',
  CZ: '420',
  SK: '421',
  HU: '36',
  RO: '40',
  BG: '359',
  GR: '30',
  HR: '385',
  SI: '386',
  EE: '372',
  LV: '371',
  LT: '370',
  UA: '380',
  TR: '90',
  IL: '972',
  AE: '971',
  SA: '966',
  EG: '20',
  ZA: '27',
  NG: '234',
  KE: '254',
  IN: '91',
  PK: '92',
  BD: '880',
  LK: '94',
  SG: '65',
  MY: '60',
  ID: '62',
  PH: '63',
  TH: '66',
  VN: '84',
  CN: '86',
  HK: '852',
  TW: '886',
  JP: '81',
  KR: '82',
  AU: '61',
  NZ: '64',
  BR: '55',
  AR: '54',
  CL: '56',
  CO: '57',
  PE: '51',
  MX: '52',
  UY: '598',
  CR: '506',
};

/**
 * "+<code> <country>" for a picker, from the phone and the applicant's country: null when the phone
 * is not written with its country code, or the country's code is not the phone's.
 */
export function phoneCountryCode(phone: string, country: string | null | undefined): string | null {
  const trimmed = phone.trim();
  if (!trimmed.startsWith('+')) return null;
  const digits = trimmed.replace(/\D/g, '');
  const iso = country ? countryCode(country) : null;
  const code = iso ? CALLING_CODES[iso] : undefined;
  if (code && digits.startsWith(code)) return `+${code} ${country}`;
  // The applicant lives elsewhere than their phone: only the code, which the picker must name alone.
  const codes = [...new Set(Object.values(CALLING_CODES))].filter((c) => digits.startsWith(c));
  const longest = codes.sort((a, b) => b.length - a.length)[0];
  return longest ? `+${longest}` : null;
}
