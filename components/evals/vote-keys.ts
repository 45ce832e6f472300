import type { VoteWinner } from "@/lib/evals/ratings";

/** The vote choices in the order the screen shows them, with their keys and spoken labels. */
export const VOTE_CHOICES: { winner: VoteWinner; key: string; label: string }[] = [
  { winner: "left", key: "A", label: "A is better" },
  { winner: "right", key: "B", label: "B is better" },
  { winner: "tie", key: "T", label: "Tie" },
  { winner: "both_bad", key: "X", label: "Both bad" },
];

/**
 * The vote a key press means, or null. Presses with a modifier or inside a text field are not
 * votes, so browser shortcuts and typing elsewhere on the page keep working.
 */
export function voteForKey(event: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
}): VoteWinner | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return null;
  const key = event.key.toUpperCase();
  return VOTE_CHOICES.find((choice) => choice.key === key)?.winner ?? null;
}

function isTextField(target: unknown): boolean {
  if (typeof target !== "object" || target === null) return false;
  const { tagName, isContentEditable } = target as { tagName?: string; isContentEditable?: boolean };
  return tagName === "INPUT" || tagName === "TEXTAREA" || tagName === "SELECT" || isContentEditable === true;
}

/** What the live region says once a vote is saved and the models are shown. */
export function revealAnnouncement(winner: VoteWinner, leftModelId: string, rightModelId: string): string {
  const choice = VOTE_CHOICES.find((each) => each.winner === winner)?.label ?? winner;
  return `Vote saved: ${choice}. A was ${leftModelId}, B was ${rightModelId}. Press N for the next pair.`;
}
