// @generated from schema/events/defs.schema.json + schema/events/episode.schema.json + schema/events/evolution.schema.json + schema/events/iteration.schema.json + schema/events/run-finished.schema.json + schema/events/run-started.schema.json + schema/sources/archive-episode.schema.json + schema/sources/archive-iteration.schema.json + schema/sources/archive-run.schema.json + schema/sources/archive-variant.schema.json + schema/sources/callback-line.schema.json + schema/sources/evolution-line.schema.json + schema/sources/experiment-line.schema.json via ajv standalone — DO NOT EDIT. Run: pnpm gen
import type { ValidateFunction } from 'ajv';
export declare const validateEpisodeEvent: ValidateFunction;
export declare const validateEvolutionEvent: ValidateFunction;
export declare const validateIterationEvent: ValidateFunction;
export declare const validateRunFinishedEvent: ValidateFunction;
export declare const validateRunStartedEvent: ValidateFunction;
export declare const validateArchiveEpisodeRecord: ValidateFunction;
export declare const validateArchiveIterationRecord: ValidateFunction;
export declare const validateArchiveRunRecord: ValidateFunction;
export declare const validateArchiveVariantRecord: ValidateFunction;
export declare const validateCallbackLine: ValidateFunction;
export declare const validateEvolutionLine: ValidateFunction;
export declare const validateExperimentLine: ValidateFunction;
