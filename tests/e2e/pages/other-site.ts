import type { Page } from "@playwright/test";

/**
 * A page on another origin that tries to reach into the app: the app's own server opened as
 * localhost while the app under test is 127.0.0.1. Both are loopback, so Chromium's guard on public
 * pages calling private addresses does not stop a request before the app can refuse it; the spec
 * turns CSP off for this page (bypassCSP) so it can act like a foreign site.
 */
export class OtherSite {
  readonly origin: string;

  constructor(
    readonly page: Page,
    appUrl: string,
  ) {
    const url = new URL(appUrl);
    this.origin = `${url.protocol}//localhost:${url.port}`;
  }

  async open() {
    await this.page.goto(`${this.origin}/api/health`);
  }

  /** Sends the fetch a hostile page can send without a CORS preflight; the page never sees the answer. */
  async postNoCors(url: string, body: unknown): Promise<void> {
    const sent = this.page.waitForRequest((request) => request.url() === url);
    await this.page.evaluate(
      async ([target, text]) =>
        fetch(target, {
          method: "POST",
          mode: "no-cors",
          headers: { "content-type": "text/plain;application/json" },
          body: text,
        }).catch(() => undefined),
      [url, JSON.stringify(body)] as const,
    );
    await sent;
  }

  /** Frames the app page and says whether any of its content rendered inside the frame. */
  async frameShows(url: string, testId: string): Promise<boolean> {
    // The app's answer arrives either way; the browser then decides whether to show it.
    const answered = this.page.waitForResponse(url);
    await this.page.setContent(`<iframe src="${url}" width="800" height="600"></iframe>`);
    await answered;
    const frame = this.page.frames().find((candidate) => candidate !== this.page.mainFrame());
    if (!frame) return false;
    await frame.waitForLoadState("load");
    return (await frame.getByTestId(testId).count()) > 0;
  }
}
