"use client";
import { useEffect } from "react";

/**
 * Sets the tab title from a problem page. forbidden() and notFound() thrown inside a page
 * keep that page's metadata title, so a refused page would otherwise still be named after
 * the page it refused (issue 17, bug 7).
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
