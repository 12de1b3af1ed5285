// The requester's forms here need their messages on the client (see PortalMessages).
export { PortalMessages as default } from "@/components/portal/portal-messages";
