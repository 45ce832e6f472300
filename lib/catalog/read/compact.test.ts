import { describe, expect, it } from "vitest";
import { loadSnapshot } from "../store/snapshot";
import { packEntries, unpackEntries } from "./compact";
import { toCatalogEntry } from "./entry";

describe("packEntries", () => {
  it("round-trips every catalog entry exactly and is smaller than plain JSON", () => {
    const snapshot = loadSnapshot();
    const entries = snapshot.offerings.map((offering) =>
      toCatalogEntry(offering, undefined, offering.price, {
        source: offering.priceSource,
        asOf: offering.priceAsOf,
      }),
    );
    const packed = packEntries(entries);
    expect(unpackEntries(JSON.parse(JSON.stringify(packed)))).toEqual(entries);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(entries).length * 0.7);
  });
});
