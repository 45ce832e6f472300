import { providerRef, ref } from "./models";
import { cite } from "./sources";
import type { ModalityFact, ModelRef, Provenance } from "./types";

type Modalities = Pick<
  ModalityFact,
  "inputModalities" | "outputModalities" | "unsupportedModalities" | "note"
>;

function modalities(id: string, model: ModelRef, provenance: Provenance, fields: Modalities): ModalityFact {
  return { id, kind: "modalities", ...model, ...provenance, ...fields };
}

export const modalityFacts: readonly ModalityFact[] = [
  // Seed 000, "Multimodal Support".
  modalities(
    "s000-modalities-gpt-4o",
    ref("gpt-4o", "GPT-4o"),
    cite("seed-000", "GPT-4o: text, images, audio input and output."),
    {
      inputModalities: ["text", "image", "audio"],
      outputModalities: ["audio"],
      unsupportedModalities: [],
    },
  ),
  modalities(
    "s000-modalities-gemini-1.5-pro",
    ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
    cite("seed-000", "Gemini 1.5 Pro: text, images, video, audio."),
    { inputModalities: ["text", "image", "video", "audio"], outputModalities: [], unsupportedModalities: [] },
  ),
  modalities(
    "s000-modalities-claude-3-7-sonnet",
    ref("claude-3-7-sonnet", "Claude 3.7 Sonnet"),
    cite("seed-000", "Claude 3.7 Sonnet: text and images. No native audio or video."),
    { inputModalities: ["text", "image"], outputModalities: [], unsupportedModalities: ["audio", "video"] },
  ),
  modalities(
    "s000-modalities-llama-3-vision",
    ref("llama-3.2-11b-vision", "Llama 3 (11B vision variant)"),
    cite("seed-000", "Llama 3: the 11B vision variant supports text and images."),
    { inputModalities: ["text", "image"], outputModalities: [], unsupportedModalities: [] },
  ),
  modalities(
    "s000-modalities-mistral",
    providerRef("mistral"),
    cite("seed-000", "Mistral: text only for most models."),
    {
      inputModalities: ["text"],
      outputModalities: [],
      unsupportedModalities: ["image", "audio", "video"],
      note: "Most Mistral models; Pixtral is the exception.",
    },
  ),
  modalities(
    "s000-modalities-pixtral",
    ref("pixtral", "Pixtral"),
    cite("seed-000", "Pixtral adds vision capability but it is not the primary use case."),
    { inputModalities: ["text", "image"], outputModalities: [], unsupportedModalities: [] },
  ),

  // Seed 002, "task_performance.multimodal".
  modalities(
    "s002-modalities-gpt-4o",
    ref("gpt-4o", "GPT-4o"),
    cite("seed-002", "GPT-4o has native audio, best image understanding"),
    {
      inputModalities: ["text", "image", "audio"],
      outputModalities: [],
      unsupportedModalities: [],
      note: "Says 'native audio' without splitting input from output.",
    },
  ),
];
