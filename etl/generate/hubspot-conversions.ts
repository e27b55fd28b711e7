// HubSpot contacts' form conversions, as the contacts export carries them: "First Conversion"
// and "Recent Conversion" (the form's name) with their dates. A contact created by a form has
// its first conversion at its creation; a later form fill becomes the recent conversion, and
// with one conversion only, HubSpot shows the first one as the recent one too. Drawn from their
// own PRNG stream per contact, so adding them changed no other value of the HubSpot files.
import type { Journey } from './journey';
import { createRng, mixSeed } from './prng';
import { clamp, type Window } from './timeline';
import { DAY, HOUR, MINUTE } from './timestamps';
import type { Channel } from './world';

export interface Conversion {
  /** The form's name, as HubSpot names the conversion event. */
  readonly name: string;
  readonly at: number;
}

export interface Conversions {
  readonly first: Conversion | null;
  /** The latest conversion: the first one again when there was only one; null when none. */
  readonly recent: Conversion | null;
}

// The forms people first convert on, by how they arrived (names the agreement maps to a channel,
// `attribution.campaign_channels`, or that fall back to the contact's source).
const FIRST_FORMS: Readonly<Record<Channel, readonly string[]>> = {
  'Paid Search': ['Demo Request', 'Pricing Page Form', 'Content Download'],
  'Organic Search': ['Content Download', 'Website - Contact Us', 'Pricing Page Form'],
  Email: ['Monthly Newsletter', 'Content Download'],
  Events: ['Webinar Registration', 'Content Download'],
  'Partner/Referral': ['Website - Contact Us', 'Demo Request'],
  Social: ['Content Download', 'Demo Request'],
  Direct: ['Website - Contact Us', 'Demo Request'],
};
const LATER_FORMS = ['Demo Request', 'Pricing Page Form', 'Content Download', 'Webinar Registration', 'Website - Contact Us'] as const;

/** Share of contacts (not created by sales) with a form conversion: imported event lists and referrals less often. */
const CONVERT_SHARE: Readonly<Record<Channel, number>> = {
  'Paid Search': 0.9, 'Organic Search': 0.85, Email: 0.75, Events: 0.4, 'Partner/Referral': 0.5, Social: 0.85, Direct: 0.7,
};

/** The first and recent conversion of HubSpot contact `index` (its own stream of `seed`). */
export function hubspotConversions(seed: number, index: number, j: Journey, w: Window): Conversions {
  if (j.salesCreated) return { first: null, recent: null };
  const rng = createRng(mixSeed(mixSeed(seed, 0xc0417), index));
  if (!rng.chance(CONVERT_SHARE[j.channel.channel])) return { first: null, recent: null };
  const forms = FIRST_FORMS[j.channel.channel];
  // A form creates the contact (same minute); an imported event contact fills one in later.
  const imported = j.channel.channel === 'Events';
  const firstAt = imported ? clamp(j.createdAt + rng.int(1, 30) * DAY + rng.int(0, 8) * HOUR, j.createdAt, w.asOf) : j.createdAt;
  const first = { name: rng.pick(forms), at: firstAt };
  // Later form fills: until a few weeks after the opportunity, or months after creation.
  const until = Math.min(w.asOf, j.opp ? j.opp.createdAt + 25 * DAY : j.createdAt + 160 * DAY);
  const from = first.at + DAY;
  if (!rng.chance(0.45) || until <= from) return { first, recent: first };
  const at = Math.floor((from + rng.next() * (until - from)) / MINUTE) * MINUTE;
  return { first, recent: { name: rng.pick(LATER_FORMS), at } };
}
