// @generated from schema/events/defs.schema.json + schema/events/sample.schema.json + schema/sources/line.schema.json via templates/validators.ts.hbs — DO NOT EDIT. Run: pnpm gen
import type { ValidateFunction } from 'ajv';
import * as standalone from './validators/standalone.gen.js';
import type { SampleEvent, SampleLine } from './types.gen.js';

/** Validator of each canonical event type, compiled ahead of time from schema/events/. */
export const EVENT_VALIDATORS = {
  sample: standalone.validateSampleEvent as ValidateFunction<SampleEvent>,
} as const;

/** Validators of ClawLoop's own file shapes, compiled ahead of time from schema/sources/. */
export const SOURCE_VALIDATORS = {
  /** schema/sources/line.schema.json */
  SampleLine: standalone.validateSampleLine as ValidateFunction<SampleLine>,
} as const;
