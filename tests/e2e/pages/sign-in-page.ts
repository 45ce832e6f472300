import { type BrowserContext, expect, type Locator, type Page } from "@playwright/test";
import { AUTH_URL } from "../../../playwright.config";
import { type IssuerPerson, PERSON_COOKIE } from "../../support/oidc-issuer";

/** The sign-in page of the shared deployment and the round trip through the local issuer. */
export class SignInPage {
  readonly button: Locator;
  readonly error: Locator;
  readonly userName: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId("sign-in-button");
    this.error = page.getByTestId("sign-in-error");
    this.userName = page.getByTestId("user-name");
    this.signOut = page.getByTestId("sign-out");
  }

  /** The issuer approves at once as this person (see tests/support/oidc-issuer.ts). */
  static async chooseIssuerPerson(context: BrowserContext, person: IssuerPerson) {
    await context.addCookies([{ name: PERSON_COOKIE, value: person, url: AUTH_URL }]);
  }

  /** Opens a page, is sent to sign in, signs in through the issuer and lands back on that page. */
  async signInFrom(path: string) {
    await this.page.goto(path);
    await expect(this.page).toHaveURL(/\/sign-in/);
    await this.button.click();
    await expect(this.page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
  }
}
