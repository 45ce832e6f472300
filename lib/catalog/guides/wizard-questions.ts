import type { WizardQuestion } from "./types";

// Questions a "Which model?" wizard asks; decision-framework.ts maps each answer to tag weights.
const q = (id: string, prompt: string, answers: readonly [string, string][]): WizardQuestion => ({
  id,
  prompt,
  answers: answers.map(([value, label]) => ({ value, label })),
});

export const wizardQuestions: readonly WizardQuestion[] = [
  q("task-type", "What is the main task?", [
    ["general-chat", "General chatbot"],
    ["customer-support", "Customer support"],
    ["coding", "Coding"],
    ["analysis-reasoning", "Analysis and reasoning"],
    ["content-generation", "Content or creative writing"],
    ["data-extraction", "Data extraction or classification"],
    ["document-analysis", "Document analysis or summarization"],
    ["agentic", "Agents with tool use"],
    ["voice", "Real-time voice"],
    ["video-analysis", "Video analysis"],
  ]),
  q("budget-sensitivity", "How sensitive is the budget?", [
    ["high", "Cost-sensitive"],
    ["moderate", "Moderate"],
    ["none", "No budget limit"],
  ]),
  q("quality-bar", "What quality bar?", [
    ["basic", "Basic"],
    ["good", "Good"],
    ["best", "Best"],
  ]),
  q("context-needed", "How much context per request?", [
    ["under-128k", "Under 128K tokens"],
    ["128k-200k", "128K-200K tokens"],
    ["over-200k", "Over 200K tokens"],
  ]),
  q("modality", "Which non-text input?", [
    ["none", "Text only"],
    ["image", "Images"],
    ["audio", "Audio"],
    ["video", "Video"],
  ]),
  q("data-privacy", "Must data stay on your own infrastructure?", [
    ["self-host", "Yes, self-host"],
    ["cloud-ok", "No, a cloud API is fine"],
  ]),
  q("eu-hosting", "Do you need European hosting (GDPR)?", [
    ["yes", "Yes"],
    ["no", "No"],
  ]),
  q("latency-priority", "Is time to first token the primary constraint?", [
    ["critical", "Yes"],
    ["normal", "No"],
  ]),
  q("fine-tuning", "Will you fine-tune on your domain?", [
    ["yes", "Yes"],
    ["no", "No"],
  ]),
  q("volume", "Request volume?", [
    ["high", "High volume"],
    ["low", "Low or moderate"],
  ]),
  q("error-cost", "How expensive are wrong answers?", [
    ["high", "Expensive"],
    ["low", "Tolerable"],
  ]),
  q("uptime", "How critical is provider uptime?", [
    ["critical", "Critical"],
    ["normal", "Normal"],
  ]),
  q("ecosystem", "Do you need broad framework and tooling support?", [
    ["important", "Yes"],
    ["unimportant", "No"],
  ]),
  q("cloud", "Which cloud are you on?", [
    ["gcp", "Google Cloud"],
    ["other", "Other or none"],
  ]),
  q("safety", "Is the application safety-critical?", [
    ["yes", "Yes"],
    ["no", "No"],
  ]),
  q("free-tier", "Do you want to start on a free tier?", [
    ["yes", "Yes"],
    ["no", "No"],
  ]),
];
