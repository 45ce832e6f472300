"use client";

import { type ClipboardEvent, type DragEvent, useLayoutEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldBoxClass } from "@/components/ui/control-class";
import { formatInteger, formatMs } from "@/lib/format";
import { useTokenCounter } from "./use-token-counter";

const SAMPLES = [
  {
    id: "english",
    label: "English",
    text: "Thanks for contacting support. I have checked your account and the refund for your last order was issued this morning. It usually appears on your statement within three to five business days. Is there anything else I can help you with today?",
  },
  {
    id: "german",
    label: "German",
    text: "Vielen Dank für Ihre Nachricht an den Kundendienst. Ich habe Ihr Konto überprüft, und die Rückerstattung für Ihre letzte Bestellung wurde heute Morgen veranlasst. Sie erscheint normalerweise innerhalb von drei bis fünf Werktagen auf Ihrem Kontoauszug. Kann ich Ihnen sonst noch behilflich sein?",
  },
  {
    id: "japanese",
    label: "Japanese",
    text: "サポートへお問い合わせいただきありがとうございます。お客様のアカウントを確認したところ、前回のご注文の返金は今朝処理されました。通常、三営業日から五営業日以内に明細に反映されます。本日、ほかにお手伝いできることはございますか？",
  },
] as const;

/**
 * From this size a paste skips the browser's own text insertion, which runs on the page's thread and
 * froze Chromium for 5 to 8 seconds on a 340,000-character paste; the text is set directly instead.
 */
const LARGE_PASTE_CHARS = 20_000;

/** `value` with its `start`–`end` selection replaced by `inserted`, as a paste would leave it. */
function replaceSelection(value: string, start: number, end: number, inserted: string): string {
  return value.slice(0, start) + inserted + value.slice(end);
}

/** Paste or drop a sample prompt or answer; it is counted with the real tokenizers in a worker. */
export function TokenCounter({
  onUseInput,
  onUseOutput,
}: {
  onUseInput: (tokens: number) => void;
  onUseOutput: (tokens: number) => void;
}) {
  const [text, setText] = useState("");
  const [largePaste, setLargePaste] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once a large paste is in the box: just after the pasted text, as a paste leaves it. */
  const caretAfterPaste = useRef<number | null>(null);
  const { counts, error, pending } = useTokenCounter(text);
  useLayoutEffect(() => {
    const caret = caretAfterPaste.current;
    caretAfterPaste.current = null;
    // A new value leaves the caret at its end, so only a paste into the middle of the text moves it.
    if (caret !== null && caret < text.length) box.current?.setSelectionRange(caret, caret);
  }, [text]);
  /** Every change of the text goes through here; only a large paste shows its note. */
  const putText = (next: string, largePasted = false) => {
    setText(next);
    setLargePaste(largePasted);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const clipboard = event.clipboardData.getData("text/plain");
    if (clipboard.length < LARGE_PASTE_CHARS) return;
    event.preventDefault();
    // A text box keeps only \n line breaks, as the browser's own paste would leave them.
    const pasted = clipboard.replace(/\r\n?/g, "\n");
    const { value, selectionStart, selectionEnd } = event.currentTarget;
    caretAfterPaste.current = selectionStart + pasted.length;
    putText(replaceSelection(value, selectionStart, selectionEnd, pasted), true);
  };

  const onDrop = async (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    putText(await file.text());
  };
  const tokensPerWord = counts?.words ? counts.o200k / counts.words : null;
  const charsPerToken = counts?.characters && counts.o200k > 0 ? counts.characters / counts.o200k : null;

  return (
    <div className="space-y-2" data-testid="token-counter" data-pending={pending ? "true" : "false"}>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className="text-muted">Try a sample:</span>
        {SAMPLES.map((sample) => (
          <Button
            size="xs"
            key={sample.id}
            data-testid={`sample-${sample.id}`}
            onClick={() => putText(sample.text)}
          >
            {sample.label}
          </Button>
        ))}
        {text ? (
          <Button size="xs" data-testid="clear-sample" onClick={() => putText("")}>
            Clear
          </Button>
        ) : null}
      </div>
      <textarea
        ref={box}
        data-testid="sample-text"
        value={text}
        onChange={(event) => putText(event.target.value)}
        onPaste={onPaste}
        onDrop={onDrop}
        rows={4}
        spellCheck={false}
        placeholder="Paste or drop a typical prompt or answer (a text file works too) to count its tokens"
        className={`w-full resize-y ${fieldBoxClass} px-2 py-1.5 font-mono text-xs`}
      />
      {largePaste ? (
        <p className="text-xs text-muted" data-testid="large-paste-note">
          A large paste is put in directly, so the page stays responsive; undo (Ctrl+Z) does not take it back.
          Use Clear instead.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          Could not count tokens: {error}
        </p>
      ) : null}
      {counts ? (
        <div className="space-y-1.5 text-xs">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
            <Figure
              label="characters"
              value={orCounting(counts.characters)}
              testId="token-count-characters"
            />
            <Figure label="words" value={orCounting(counts.words)} />
            <Figure label="o200k tokens" value={formatInteger(counts.o200k)} testId="token-count-o200k" />
            <Figure label="cl100k tokens" value={orCounting(counts.cl100k)} testId="token-count-cl100k" />
          </dl>
          <p className="text-zinc-600 dark:text-zinc-400">
            Exact for OpenAI GPT-4o/4.1/5 (o200k) and GPT-4/3.5 (cl100k); an estimate for other families.
            {counts.done ? (
              <span className="text-muted" data-testid="token-count-ms">
                {" "}
                Counted in {formatMs(counts.totalMs)} (o200k {formatMs(counts.o200kMs)}, cl100k{" "}
                {formatMs(counts.cl100kMs)},{" "}
                {counts.workers === 1
                  ? "in a background worker"
                  : `in ${counts.workers} background workers side by side`}
                ; the first count also loads each encoding).
              </span>
            ) : null}
          </p>
          {tokensPerWord !== null && charsPerToken !== null ? (
            <p className="text-zinc-600 dark:text-zinc-400" data-testid="token-ratio">
              <strong className="font-semibold text-zinc-800 dark:text-zinc-200">
                {tokensPerWord.toFixed(2)} tokens / word · {charsPerToken.toFixed(1)} characters / token
              </strong>{" "}
              in this text. Non-English text usually needs more tokens for the same meaning, so it costs more:
              compare the English, German and Japanese samples.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button data-testid="use-as-input" onClick={() => onUseInput(counts.o200k)}>
              Use {formatInteger(counts.o200k)} as input tokens
            </Button>
            <Button data-testid="use-as-output" onClick={() => onUseOutput(counts.o200k)}>
              Use as output tokens
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

const orCounting = (value: number | null) => (value === null ? "counting…" : formatInteger(value));

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-muted">{label}</dt>
      <dd className="font-mono text-sm font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
