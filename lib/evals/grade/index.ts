export { gradeAssertions } from "./assertions";
export { applyRubricThreshold, buildJudgePrompt, type JudgeVerdict, parseJudgeVerdict } from "./judge";
export { renderTemplate } from "./template";
