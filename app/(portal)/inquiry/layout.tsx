import type { ReactNode } from "react";
import { PortalMessages } from "@/components/portal/portal-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return <PortalMessages>{children}</PortalMessages>;
}
