// Codes, verification ids, the stored MAC of a code, and the approval token (JWT, HS256).
// Only Web Crypto: the same code runs in the Worker and in its Durable Objects.

const encoder = new TextEncoder();

export function base64url(bytes) {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * A code of `length` decimal digits from crypto.getRandomValues. Each digit comes from one
 * random byte; bytes 250–255 are thrown away and drawn again, because 256 is not a multiple of
 * 10 and `byte % 10` would otherwise make the digits 0–5 slightly more likely (modulo bias).
 */
export function makeCode(length) {
  let code = "";
  const bytes = new Uint8Array(length * 2);
  while (code.length < length) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < 250 && code.length < length) code += String(b % 10);
    }
  }
  return code;
}

/**
 * A verification id names the phone's Durable Object (its id, 64 hex digits, is a keyed hash
 * of the number, so the id does not reveal it) plus 128 random bits. `check` is given only
 * this id and finds the object from it.
 */
export function makeVerificationId(objectIdHex) {
  return `${objectIdHex}.${base64url(crypto.getRandomValues(new Uint8Array(16)))}`;
}

const VERIFICATION_ID = /^([0-9a-f]{64})\.[A-Za-z0-9_-]{22}$/;

/** The object id inside a verification id, or null when it is not one of ours. */
export function objectIdOf(verificationId) {
  const m = VERIFICATION_ID.exec(verificationId);
  return m ? m[1] : null;
}

async function hmacKey(secret, usage) {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

const macInput = (verificationId, phone, code) => encoder.encode(`${verificationId}|${phone}|${code}`);

/** HMAC-SHA256(secret, verificationId | phone | code), base64url: what is stored instead of the code. */
export async function codeMac(secret, verificationId, phone, code) {
  const key = await hmacKey(secret, "sign");
  return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, macInput(verificationId, phone, code))));
}

/**
 * Whether `code` matches the stored MAC. crypto.subtle.verify recomputes the MAC and compares
 * in constant time, so the time taken says nothing about how many bytes matched.
 */
export async function codeMatches(secret, verificationId, phone, code, storedMac) {
  const key = await hmacKey(secret, "verify");
  return crypto.subtle.verify("HMAC", key, fromBase64url(storedMac), macInput(verificationId, phone, code));
}

/** A compact JWS (JWT) signed with HS256. */
export async function signJwt(claims, secret) {
  const part = (obj) => base64url(encoder.encode(JSON.stringify(obj)));
  const signingInput = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  const key = await hmacKey(secret, "sign");
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(signingInput)));
  return `${signingInput}.${base64url(signature)}`;
}
