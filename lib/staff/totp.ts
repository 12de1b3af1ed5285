import { authenticator } from "otplib";
import QRCode from "qrcode";

// RFC 6238 TOTP, 30-second steps, accepting one step either side for clock drift.
authenticator.options = { window: 1 };

export const TOTP_ISSUER = "Madoguchi";

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function checkTotp(code: string, secret: string): boolean {
  return /^\d{6}$/.test(code) && authenticator.check(code, secret);
}

export type TotpEnrolment = { secret: string; otpauthUrl: string; qrDataUrl: string };

export async function totpEnrolment(email: string, secret: string): Promise<TotpEnrolment> {
  const otpauthUrl = authenticator.keyuri(email, TOTP_ISSUER, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}
