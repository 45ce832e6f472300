export { gradeAssertions } from "./assertions";
export {
  applyRubricThreshold,
  buildJudgePrompt,
  describeJudgeVerdict,
  type JudgeVerdict,
  parseJudgeVerdict,
  type StoredJudgeVerdict,
} from "./judge";
export { renderTemplate } from "./template";
