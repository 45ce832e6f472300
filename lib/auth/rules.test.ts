import { describe, expect, it } from "vitest";
import {
  canChange,
  emailDomainAllowed,
  roleAtSignIn,
  roleForNewUser,
  safeReturnPath,
  type Viewer,
} from "./rules";

const admin: Viewer = { id: "u-admin", name: "Ada", email: "ada@example.com", role: "admin" };
const member: Viewer = { id: "u-member", name: "Max", email: "max@example.com", role: "member" };

describe("emailDomainAllowed", () => {
  it("allows any domain when none is listed", () => {
    expect(emailDomainAllowed("someone@anywhere.test", [])).toBe(true);
  });

  it("takes only listed domains, exactly and without regard to case", () => {
    const domains = ["example.com", "example.org"];
    expect(emailDomainAllowed("Ada@Example.COM", domains)).toBe(true);
    expect(emailDomainAllowed("max@example.org", domains)).toBe(true);
    expect(emailDomainAllowed("eve@evil-example.com", domains)).toBe(false);
    expect(emailDomainAllowed("eve@sub.example.com", domains)).toBe(false);
    expect(emailDomainAllowed("eve@example.com.evil.test", domains)).toBe(false);
    expect(emailDomainAllowed("not-an-email", domains)).toBe(false);
    expect(emailDomainAllowed("@example.com", domains)).toBe(false);
  });
});

describe("roleForNewUser", () => {
  it("makes listed emails admins and everyone else a member", () => {
    const adminEmails = ["ada@example.com"];
    expect(roleForNewUser({ email: "ADA@example.com ", adminEmails })).toBe("admin");
    expect(roleForNewUser({ email: "max@example.com", adminEmails })).toBe("member");
  });

  it("without a list, starts everyone as a member (the first is promoted after the insert)", () => {
    expect(roleForNewUser({ email: "first@example.com", adminEmails: [] })).toBe("member");
  });
});

describe("roleAtSignIn", () => {
  it("follows a configured admin list both ways, and keeps roles when there is none", () => {
    const adminEmails = ["ada@example.com"];
    expect(roleAtSignIn({ email: "ada@example.com", adminEmails, current: "member" })).toBe("admin");
    expect(roleAtSignIn({ email: "max@example.com", adminEmails, current: "admin" })).toBe("member");
    expect(roleAtSignIn({ email: "max@example.com", adminEmails: [], current: "admin" })).toBe("admin");
    expect(roleAtSignIn({ email: "max@example.com", adminEmails: [], current: "member" })).toBe("member");
  });
});

describe("canChange", () => {
  it("lets the single user, the owner and admins change a record, and no other member", () => {
    expect(canChange(null, null)).toBe(true);
    expect(canChange(member, member.id)).toBe(true);
    expect(canChange(admin, member.id)).toBe(true);
    expect(canChange(admin, null)).toBe(true);
    expect(canChange(member, admin.id)).toBe(false);
    // Records from before sign-in was turned on belong to nobody: only admins change them.
    expect(canChange(member, null)).toBe(false);
  });
});

describe("safeReturnPath", () => {
  it("keeps paths on this site and sends anything else home", () => {
    expect(safeReturnPath("/history?tab=usage")).toBe("/history?tab=usage");
    for (const next of [
      null,
      "",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "history",
    ]) {
      expect(safeReturnPath(next), String(next)).toBe("/");
    }
  });
});
