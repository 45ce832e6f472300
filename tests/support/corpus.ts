/**
 * The large mixed-language paste the tokenizer benches count: English, German and Japanese sentences in
 * turn, each followed by its number, so the text is not one sentence repeated.
 */
const ENGLISH =
  "Choosing an LLM API for production means weighing latency, price per million tokens, context window, tool calling and reliability. ";
const GERMAN =
  "Die Wahl einer Sprachmodell-Schnittstelle hängt von Latenz, Preis pro Million Token und Kontextfenster ab. ";
const JAPANESE =
  "本番環境で使う言語モデルのAPIを選ぶには、遅延、料金、コンテキスト長を比べる必要があります。";

/** About `targetChars` characters; a different `firstNumber` gives a text that differs all the way through. */
export function mixedCorpus(targetChars: number, firstNumber = 0): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < targetChars; index++) {
    // Numbers vary the text so the tokenizer's merge cache cannot make the run trivially fast.
    const piece = `${[ENGLISH, GERMAN, JAPANESE][index % 3]}${firstNumber + index} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}
