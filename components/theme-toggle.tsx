"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { THEME_STORAGE_KEY } from "./theme-script";

type ThemeChoice = "system" | "light" | "dark";
const ORDER: ThemeChoice[] = ["system", "light", "dark"];
const LABEL: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };
const ICON: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

function apply(choice: ThemeChoice) {
  const prefersDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  const dark = choice === "dark" || (choice === "system" && prefersDark);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.dataset.theme = choice;
}

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>("system");

  useEffect(() => {
    const saved = localStorage.getItem(THEME_STORAGE_KEY) as ThemeChoice | null;
    setChoice(saved && ORDER.includes(saved) ? saved : "system");
  }, []);

  // While following the system, react to the OS switching between light and dark.
  useEffect(() => {
    if (choice !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [choice]);

  function cycle() {
    const next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length] ?? "system";
    setChoice(next);
    localStorage.setItem(THEME_STORAGE_KEY, next);
    apply(next);
  }

  return (
    <Button
      size="lg"
      onClick={cycle}
      data-testid="theme-toggle"
      data-theme-choice={choice}
      title={`Theme: ${LABEL[choice]} (click to change)`}
      aria-label={`Theme: ${LABEL[choice]}. Switch theme`}
    >
      <span aria-hidden>{ICON[choice]}</span>
      <span className="hidden sm:inline">{LABEL[choice]}</span>
    </Button>
  );
}
