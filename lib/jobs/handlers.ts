// Imports every domain's job registrations, so the worker knows all kinds.
// (Each domain file calls registerJob at import time.)
import "@/lib/requests/portal-jobs";
import "@/lib/fees/fee-jobs";
import "@/lib/operations/retention";
import "@/lib/mail/purge-mail";
import "@/lib/operations/reminders";
import "@/lib/integrations/webhook-jobs";
import "@/lib/connected/collection-jobs";
import "@/lib/operations/embedded-maintenance";
export {};
