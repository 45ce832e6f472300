import type { Page, Request } from "@playwright/test";

/**
 * A page on another origin, served by the test itself, that tries to reach into the app. It lives
 * at localhost while the app is at 127.0.0.1: two origins, both loopback, so Chromium's guard on
 * public pages calling private addresses does not stop the request before the app can refuse it.
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

  async open(body = "<!doctype html><title>other site</title>") {
    await this.page.route(`${this.origin}/other-site`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body }),
    );
    await this.page.goto(`${this.origin}/other-site`);
  }

  /** The fetch a hostile page can send without a CORS preflight; returns the app's status. */
  async postNoCors(url: string, body: unknown): Promise<number | undefined> {
    const answered = this.page.waitForResponse((response) => response.url() === url);
    await this.page.evaluate(
      async ([target, text]) => {
        await fetch(target, {
          method: "POST",
          mode: "no-cors",
          headers: { "content-type": "text/plain;application/json" },
          body: text,
        });
      },
      [url, JSON.stringify(body)] as const,
    );
    return (await answered).status();
  }

  /** Frames the app page and says whether any of its content rendered inside the frame. */
  async frameShows(url: string, testId: string): Promise<boolean> {
    const framed = this.page.waitForEvent("requestfinished", (request: Request) => request.url() === url);
    await this.page.setContent(`<iframe src="${url}" width="800" height="600"></iframe>`);
    await framed;
    const frame = this.page.frames().find((candidate) => candidate !== this.page.mainFrame());
    if (!frame) return false;
    return (await frame.getByTestId(testId).count()) > 0;
  }
}
