"use client";
import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

/**
 * When a new code can be sent, after a code is spent. The server renders the time ("from
 * 10:42:05"), which is all a browser without JavaScript shows; with JavaScript a countdown
 * replaces it. The countdown itself is hidden from screen readers (a number changing every
 * second would be read out each time); they hear the time once, and once more when the
 * wait is over.
 */
export function ResendCountdown({ at }: { at: string }) {
  const t = useTranslations("portal.codeResend");
  const format = useFormatter();
  const target = Date.parse(at);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const time = format.dateTime(new Date(target), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const seconds = now === null ? null : Math.max(0, Math.ceil((target - now) / 1000));
  return (
    <div className="mb-4 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3" data-testid="resend-countdown">
      {seconds === null ? (
        <p>{t("waitUntil", { time })}</p>
      ) : (
        <>
          <p className="sr-only">{t("waitUntil", { time })}</p>
          <p aria-hidden="true">{seconds > 0 ? t("waitSeconds", { seconds }) : t("ready")}</p>
        </>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {seconds === 0 ? t("ready") : ""}
      </p>
    </div>
  );
}
