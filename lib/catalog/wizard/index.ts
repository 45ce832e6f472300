/**
 * The "Which model?" wizard: the 2024 comparison's decision rules and the guides' tags score catalog
 * offerings that pass hard filters computed from catalog facts. Answers live in the URL.
 */
export {
  CONTEXT_OPTIONS_TOKENS,
  DEFAULT_CHOICES,
  DEFAULT_CONTEXT_TOKENS,
  INPUT_MODALITIES,
  type InputModality,
  parseWizardAnswers,
  requiredInputs,
  serializeWizardAnswers,
  type WizardAnswers,
  wizardQuestions,
} from "./answers";
export { defaultWizardEditorial, recommendModels } from "./recommend";
export type {
  HardFilter,
  WizardCandidate,
  WizardEditorial,
  WizardReason,
  WizardResult,
  WizardRouterSuggestion,
} from "./types";
