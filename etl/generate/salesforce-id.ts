// Salesforce record ids: 3-char key prefix (00Q lead, 006 opportunity, 005 user, 701 campaign,
// 00T task, …), 2-char pod, 1 reserved char, 9 base-62 digits, then the 3-char case-safe suffix
// that makes the 18-char id unique ignoring case (Salesforce's published checksum).

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const POD = 'Hs';

function base62(n: number, width: number): string {
  let out = '';
  let v = Math.floor(n);
  for (let i = 0; i < width; i++) {
    out = BASE62.charAt(v % 62) + out;
    v = Math.floor(v / 62);
  }
  return out;
}

export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charCodeAt(chunk * 5 + j);
      if (c >= 65 && c <= 90) flags |= 1 << j;
    }
    suffix += SUFFIX.charAt(flags);
  }
  return suffix;
}

/** The 18-char id of the n-th record (n ≥ 0) of an object with the given key prefix. */
export function salesforceId(prefix: string, n: number, base = 0): string {
  const id15 = prefix + POD + '0' + base62(base + n, 9);
  return id15 + caseSafeSuffix(id15);
}

/** A counter that hands out consecutive ids for one object, starting at a per-object offset. */
export function salesforceIdSequence(prefix: string, base: number): () => string {
  let n = 0;
  return () => salesforceId(prefix, n++, base);
}
