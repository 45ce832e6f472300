"use client";

import { useCombobox } from "downshift";
import { useMemo, useRef } from "react";
import { buildSearchEntry, matchScore } from "@/lib/catalog/read/fuzzy";
import { modelSearchClass } from "./control-class";

export interface ComboboxOption {
  id: string;
  label: string;
  /** Smaller text after the label: the provider, "Simulated". */
  detail?: string;
  /** Right-aligned figures: prices, context window. */
  aside?: string;
  disabled?: boolean;
}

/**
 * The options a typed search matches, best first, typo-tolerant like the catalog search; the ones in
 * `exclude` (already chosen) left out. An empty search matches nothing.
 */
export function useMatchingOptions(
  options: readonly ComboboxOption[],
  query: string,
  { max, exclude = [] }: { max: number; exclude?: readonly string[] },
): ComboboxOption[] {
  const index = useMemo(
    () =>
      options.map((option) => ({ option, search: buildSearchEntry(option.label, option.id, option.detail) })),
    [options],
  );
  return useMemo(() => {
    if (!query.trim()) return [];
    const excluded = new Set(exclude);
    return index
      .map(({ option, search }) => ({ option, score: matchScore(query, search) }))
      .filter(({ option, score }) => score > 0 && !excluded.has(option.id))
      .sort((a, b) => b.score - a.score || a.option.id.length - b.option.id.length)
      .slice(0, max)
      .map(({ option }) => option);
  }, [index, query, exclude, max]);
}

/**
 * The one model picker: a search box with a list of models under it, on downshift's useCombobox, so it
 * is a WAI-ARIA combobox (expanded state, active option, disabled options) and works from the keyboard
 * (arrows move, Enter adds, Escape closes) as well as with the mouse. Picking adds the model and clears
 * the search; the caller filters or searches as the text changes (`onTextChange`) and says what to show
 * while it does.
 */
export function ModelCombobox({
  options,
  onPick,
  onTextChange,
  placeholder,
  disabled = false,
  message,
  label = "Search models to add",
  inputTestId,
  optionTestId,
  showList = true,
}: {
  options: readonly ComboboxOption[];
  onPick: (id: string) => void;
  /** The search text as typed, for the caller to filter or search with; "" again after a pick. */
  onTextChange: (text: string) => void;
  placeholder: string;
  disabled?: boolean;
  /** Shown in the list before the options: "Searching…", "No model matches.", an error. */
  message?: { text: string; tone?: "muted" | "error" } | null;
  label?: string;
  inputTestId: string;
  optionTestId: string;
  /** False keeps the list closed whatever the focus (e.g. until two characters are typed). */
  showList?: boolean;
}) {
  const items = options as ComboboxOption[];
  const clearSelection = useRef<() => void>(() => {});
  // downshift reports a selection from an effect; one pick must add its model once, even if reported twice.
  const picked = useRef<ComboboxOption | null>(null);
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, openMenu, selectItem } =
    useCombobox({
      items,
      itemToString: (item) => item?.label ?? "",
      isItemDisabled: (item) => Boolean(item.disabled),
      // The first match is active as soon as the list opens, so Enter adds it.
      defaultHighlightedIndex: 0,
      // The input's text is downshift's own (a controlled value can drop keystrokes); the caller hears it.
      onInputValueChange: ({ inputValue }) => onTextChange(inputValue ?? ""),
      // Nothing stays selected: a pick adds the model to the caller's list, then the selection (and with
      // it the search) is cleared, so the same model can be picked again once it is removed.
      onSelectedItemChange: ({ selectedItem }) => {
        if (!selectedItem) {
          picked.current = null;
          return;
        }
        if (picked.current === selectedItem) return;
        picked.current = selectedItem;
        onPick(selectedItem.id);
        clearSelection.current();
      },
      stateReducer: (state, { type, changes }) => {
        // Leaving the box (Tab, a click elsewhere) picks nothing: only Enter or a click on an option adds
        // a model, so tabbing past a half-typed search never changes the choice behind the user's back.
        if (type === useCombobox.stateChangeTypes.InputBlur) {
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        }
        // Keep the list open after a pick, so several models can be added in a row.
        if (
          type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
          type === useCombobox.stateChangeTypes.ItemClick
        ) {
          return { ...changes, isOpen: true, inputValue: "" };
        }
        return changes;
      },
    });
  clearSelection.current = () => selectItem(null);
  const listOpen = isOpen && showList && !disabled && (items.length > 0 || Boolean(message));

  return (
    <div className="relative w-full">
      <input
        {...getInputProps({
          onFocus: () => {
            if (!isOpen) openMenu();
          },
          disabled,
          placeholder,
          "aria-label": label,
          type: "search",
          className: modelSearchClass,
          // Open only when there is something to show (downshift's own flag ignores showList).
          "aria-expanded": listOpen,
          ...(listOpen ? {} : { "aria-activedescendant": "" }),
        })}
        data-testid={inputTestId}
      />
      <div
        hidden={!listOpen}
        className="absolute z-30 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        {message ? (
          <p
            role="status"
            className={`px-3 py-2 text-sm ${message.tone === "error" ? "text-rose-600 dark:text-rose-400" : "text-muted"}`}
          >
            {message.text}
          </p>
        ) : null}
        <ul {...getMenuProps({ "aria-label": label })}>
          {listOpen
            ? items.map((option, index) => (
                <li
                  key={option.id}
                  {...getItemProps({ item: option, index })}
                  data-testid={optionTestId}
                  data-model-id={option.id}
                  className={`flex w-full cursor-pointer items-center justify-between gap-3 px-3 py-1.5 text-left text-sm aria-disabled:cursor-default aria-disabled:opacity-40 ${highlightedIndex === index ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
                >
                  <span className="min-w-0 break-words">
                    {option.label}
                    {option.detail ? <span className="text-xs text-muted"> {option.detail}</span> : null}
                  </span>
                  {option.aside ? (
                    <span className="shrink-0 text-xs text-muted tabular">{option.aside}</span>
                  ) : null}
                </li>
              ))
            : null}
        </ul>
      </div>
    </div>
  );
}
