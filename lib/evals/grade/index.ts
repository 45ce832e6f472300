export { gradeAssertions } from "./assertions";
export { buildJudgePrompt, type JudgeVerdict, parseJudgeVerdict } from "./judge";
export { renderTemplate } from "./template";
