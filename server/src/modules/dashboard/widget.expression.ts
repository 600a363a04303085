// A widget's expression (JSONata) checked on save and evaluated on an operation's answer. The
// expression is written by a company's administrator and the answer comes from an upstream API:
// both untrusted, so evaluation is bounded three ways. JSONata's own guardrails stop it between
// steps (time, depth of nesting, length of any sequence it builds); the answer and the result
// have size limits; and it runs in the offload worker (widget.evaluate.ts), whose hard time limit
// and heap cap stop what happens inside one step (a catastrophic regular expression, a huge
// string), so the event loop is never held by it.
import jsonata from 'jsonata';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { ShapeError, WIDGET_FUNCTIONS, type Point, type Row } from './widget.functions.ts';

const EXPRESSION_LIMITS = {
  /** Characters of an expression. */
  maxLength: 4_000,
  /** JSONata's guardrail: evaluation stops at the next step after this long. */
  timeoutMs: 250,
  /** Nesting of evaluation (recursion). */
  maxDepth: 300,
  /** Items in any sequence the expression builds (a range, a filter's result). */
  maxSequence: 100_000,
  /** The answer an expression reads, as JSON. */
  maxInputBytes: 4 * 1024 * 1024,
  /** The result, as JSON. */
  maxResultBytes: 256 * 1024,
  maxSeries: 500,
  maxRows: 500,
  maxTextLength: 300,
} as const;

/** The longest expression a widget may have, in characters. */
export const MAX_EXPRESSION_LENGTH = EXPRESSION_LIMITS.maxLength;

/** What a widget shows, from its expression's result. */
export interface WidgetMetric {
  /** The headline number (a number card's value; a chart's total). null: nothing sensible to show. */
  value: number | null;
  series: Point[];
  caption: string | null;
  /** Overrides the widget's unit, e.g. the currency the answer names. */
  unit: string | null;
  /** The same number one period earlier (a change card's comparison). */
  previous: number | null;
  /** Rows for a table or list card. */
  rows: Row[] | null;
}

type EvaluationFailure = 'shape' | 'limit' | 'expression';

export type Evaluation =
  | { ok: true; metric: WidgetMetric }
  | { ok: false; failure: EvaluationFailure; message: string; position: number | null };

interface JsonataError {
  code?: string;
  position?: number;
  message?: string;
}

const LIMIT_CODES = new Set(['D1011', 'D1012', 'D2014', 'D2015', 'U1001']);

/** A parse error in words with where it is: "Expected ")" before end of expression (at character 5)". */
function parseFailure(error: unknown): { message: string; position: number | null } {
  const e = error as JsonataError;
  const position = typeof e?.position === 'number' ? e.position : null;
  const message = String(e?.message ?? 'The expression cannot be read.').slice(0, 300);
  return { message: position === null ? message : `${message} (at character ${position})`, position };
}

function compile(source: string) {
  return jsonata(source, {
    timeout: EXPRESSION_LIMITS.timeoutMs,
    stack: EXPRESSION_LIMITS.maxDepth,
    sequence: EXPRESSION_LIMITS.maxSequence,
  });
}

/**
 * The expression, if JSONata can read it and it is within the length limit; else BAD_USER_INPUT
 * naming the field and the character the problem is at (extensions.position). Parsing is linear
 * in the expression's (bounded) length: it runs on the main thread.
 */
export function checkExpression(source: string, field = 'expression'): void {
  const bad = (message: string, position: number | null) =>
    new AppError(ErrorCode.BAD_USER_INPUT, message, { field, ...(position === null ? {} : { position }) });
  if (source.trim() === '') throw bad('The expression is empty: write one, such as $count($list($).items).', 0);
  if (source.length > EXPRESSION_LIMITS.maxLength)
    throw bad(
      `The expression is too long: at most ${EXPRESSION_LIMITS.maxLength} characters.`,
      EXPRESSION_LIMITS.maxLength,
    );
  try {
    compile(source);
  } catch (error) {
    const { message, position } = parseFailure(error);
    throw bad(`The expression cannot be read: ${message}`, position);
  }
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const short = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.slice(0, EXPRESSION_LIMITS.maxTextLength) : null;
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPoint = (v: unknown): boolean => isRow(v) && 'label' in v && 'value' in v;

class ResultError extends Error {}

function points(value: unknown): Point[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  if (items.length > EXPRESSION_LIMITS.maxSeries)
    throw new ResultError(`A series may have at most ${EXPRESSION_LIMITS.maxSeries} points.`);
  return items.map((p) => {
    const value = isRow(p) ? finite(p.value) : null;
    if (!isRow(p) || value === null) throw new ResultError('Each point of a series needs a label and a number value.');
    return { label: String(p.label ?? '').slice(0, EXPRESSION_LIMITS.maxTextLength), value };
  });
}

function rows(value: unknown): Row[] | null {
  if (value === undefined || value === null) return null;
  const items = (Array.isArray(value) ? value : [value]).filter(isRow);
  if (items.length > EXPRESSION_LIMITS.maxRows)
    throw new ResultError(`A table may have at most ${EXPRESSION_LIMITS.maxRows} rows.`);
  return items;
}

const EMPTY: WidgetMetric = { value: null, series: [], caption: null, unit: null, previous: null, rows: null };

/**
 * An expression's result as a widget's metric: a number; a list of {label, value} (a series,
 * its total the value); a list of objects (rows); or an object with value, series, caption,
 * unit, previous and rows. Anything else is an error in words.
 */
export function metricOf(result: unknown): WidgetMetric {
  if (result === undefined || result === null) return EMPTY;
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) throw new ResultError('The expression gave a number that is not finite.');
    return { ...EMPTY, value: result };
  }
  if (Array.isArray(result)) {
    if (result.every(isPoint)) {
      const series = points(result);
      return { ...EMPTY, series, value: Math.round(series.reduce((s, p) => s + p.value, 0) * 100) / 100 };
    }
    return { ...EMPTY, value: result.length, rows: rows(result) };
  }
  if (!isRow(result))
    throw new ResultError('The expression must give a number, a list or an object with value, series, caption….');
  if (result.value !== undefined && result.value !== null && finite(result.value) === null)
    throw new ResultError('value must be a number.');
  return {
    value: finite(result.value),
    series: points(result.series),
    caption: short(result.caption),
    unit: short(result.unit),
    previous: finite(result.previous),
    rows: rows(result.rows),
  };
}

const size = (value: unknown) => JSON.stringify(value ?? null)?.length ?? 0;

/**
 * Evaluates each expression on the same answer (the widgets of one operation), each on its own:
 * one failing costs only its own widget. Runs in the offload worker (evaluateWidgets task).
 */
export async function evaluateExpressions(input: { answer: unknown; expressions: string[] }): Promise<Evaluation[]> {
  if (size(input.answer) > EXPRESSION_LIMITS.maxInputBytes) {
    const failure: Evaluation = {
      ok: false,
      failure: 'limit',
      message: `The answer is larger than ${EXPRESSION_LIMITS.maxInputBytes / 1024 / 1024} MB: too large for a widget.`,
      position: null,
    };
    return input.expressions.map(() => failure);
  }
  const out: Evaluation[] = [];
  for (const source of input.expressions) out.push(await evaluateOne(source, input.answer));
  return out;
}

async function evaluateOne(source: string, answer: unknown): Promise<Evaluation> {
  let expression: ReturnType<typeof compile>;
  try {
    if (source.length > EXPRESSION_LIMITS.maxLength) throw { message: 'The expression is too long.', position: 0 };
    expression = compile(source);
  } catch (error) {
    return { ok: false, failure: 'expression', ...parseFailure(error) };
  }
  let result: unknown;
  try {
    result = await expression.evaluate(answer, { ...WIDGET_FUNCTIONS });
  } catch (error) {
    const e = error as JsonataError;
    if (error instanceof ShapeError || e?.code === 'D3137')
      return { ok: false, failure: 'shape', message: String(e.message).slice(0, 300), position: e.position ?? null };
    if (e?.code && LIMIT_CODES.has(e.code))
      return {
        ok: false,
        failure: 'limit',
        message: `The expression was stopped: ${String(e.message).slice(0, 200)}`,
        position: e.position ?? null,
      };
    return { ok: false, failure: 'expression', ...parseFailure(error) };
  }
  try {
    if (size(result) > EXPRESSION_LIMITS.maxResultBytes)
      throw new ResultError(`The result is larger than ${EXPRESSION_LIMITS.maxResultBytes / 1024} KB.`);
    return { ok: true, metric: metricOf(result) };
  } catch (error) {
    if (error instanceof ResultError)
      return {
        ok: false,
        failure: error.message.includes('larger') ? 'limit' : 'expression',
        message: error.message,
        position: null,
      };
    throw error;
  }
}
