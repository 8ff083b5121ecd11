/**
 * The signed timestamp a question form carries: when the handler served it and for which article, with an
 * HMAC-SHA-256 over both keyed with the server's secret (`QUESTIONS_SECRET`). It tells a person, who takes
 * some seconds to write, from a robot that posts at once or replays an old form, without storing or
 * tracking anything about the reader. Web Crypto only: it runs on Node, Cloudflare and Vercel alike.
 */
import { QUESTION_LIMITS } from '@/lib/questions/limits';

const VERSION = 'v1';
const encoder = new TextEncoder();

/** What a token says about the form it came with. */
export type TokenCheck =
  | { ok: true }
  /** No token, a token this server did not sign, or one for another article. */
  | { ok: false; reason: 'invalid' }
  /** Sent sooner after the form was served than a person could have written anything. */
  | { ok: false; reason: 'too-fast'; retryAfterSeconds: number }
  /** The form was served more than `QUESTION_LIMITS.maximumSecondsOpen` ago. */
  | { ok: false; reason: 'expired' };

const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keys.set(secret, key);
  }
  return key;
}

const signed = (issuedSeconds: number, article: string) =>
  encoder.encode(`question-form\n${VERSION}\n${issuedSeconds}\n${article}`);

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A token for a form on `article` served at `now`: `v1.<seconds since 1970>.<signature>`. */
export async function issueFormToken(secret: string, article: string, now: Date): Promise<string> {
  const issued = Math.floor(now.getTime() / 1000);
  const signature = await crypto.subtle.sign('HMAC', await keyFor(secret), signed(issued, article));
  return `${VERSION}.${issued}.${toBase64Url(signature)}`;
}

/** Whether `token` was signed with `secret` for `article`, and the form was open for a plausible time. */
export async function checkFormToken(secret: string, token: string, article: string, now: Date): Promise<TokenCheck> {
  const [version, issuedText, signatureText, ...rest] = token.split('.');
  if (version !== VERSION || !issuedText || !/^\d{1,12}$/.test(issuedText) || !signatureText || rest.length > 0) {
    return { ok: false, reason: 'invalid' };
  }
  const signature = fromBase64Url(signatureText);
  const issued = Number(issuedText);
  if (!signature || !(await crypto.subtle.verify('HMAC', await keyFor(secret), signature, signed(issued, article)))) {
    return { ok: false, reason: 'invalid' };
  }
  const secondsOpen = now.getTime() / 1000 - issued;
  // A little leeway for clocks of several servers behind one host; a token from the future was not ours.
  if (secondsOpen < -60) return { ok: false, reason: 'invalid' };
  if (secondsOpen < QUESTION_LIMITS.minimumSecondsOpen) {
    return {
      ok: false,
      reason: 'too-fast',
      retryAfterSeconds: Math.ceil(QUESTION_LIMITS.minimumSecondsOpen - secondsOpen),
    };
  }
  if (secondsOpen > QUESTION_LIMITS.maximumSecondsOpen) return { ok: false, reason: 'expired' };
  return { ok: true };
}
