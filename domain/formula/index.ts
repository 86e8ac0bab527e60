// The formula language of report templates: parse, print, analyse and evaluate.
export type { BinaryOp, CallFunction, Expr, RefExpr, TemporalFunction, UnaryOp } from './ast';
export { CALL_FUNCTIONS, TEMPORAL_FUNCTIONS, isTemporal } from './ast';
export { FUNCTIONS, FUNCTION_NAMES, isFunctionName, type FunctionName } from './functions';
export { parseFormula, type ParseResult } from './parser';
export { printFormula, precedence } from './printer';
export { evaluate, type EvalHost, type Scope } from './evaluate';
export { composeTransforms, contextNeeds, forEachRef, IDENTITY, transformKey, usesFunction, type Shift, type ViewTransform } from './references';
export { isEmpty, isTruthy, nearlyEqual, roundHalfAway, toNumber, type Value } from './values';
export { didYouMean, nearest } from './nearest';
