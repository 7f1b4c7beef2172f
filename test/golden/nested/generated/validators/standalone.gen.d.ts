// @generated from schema/events/defs.schema.json + schema/events/batch.schema.json + schema/sources/line.schema.json via ajv standalone — DO NOT EDIT. Run: pnpm gen
import type { ValidateFunction } from 'ajv';
export declare const validateBatchEvent: ValidateFunction;
export declare const validateSampleLine: ValidateFunction;
