import { authenticator } from "otplib";
import QRCode from "qrcode";

// RFC 6238 TOTP, 30-second steps, accepting one step either side for clock drift.
authenticator.options = { window: 1 };

export const TOTP_ISSUER = "Madoguchi";

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export const TOTP_STEP_SECONDS = 30;

/**
 * The time step (RFC 6238 counter) the code belongs to, or null when it matches none in
 * the window. Callers refuse a step already used, so each code signs in once.
 */
export function acceptTotp(code: string, secret: string, now: Date = new Date()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now.getTime() }).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS) + delta;
}

export type TotpEnrolment = { secret: string; otpauthUrl: string; qrDataUrl: string };

export async function totpEnrolment(email: string, secret: string): Promise<TotpEnrolment> {
  const otpauthUrl = authenticator.keyuri(email, TOTP_ISSUER, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}
