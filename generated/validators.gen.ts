// @generated from schema/events/defs.schema.json + schema/events/episode.schema.json + schema/events/evolution.schema.json + schema/events/iteration.schema.json + schema/events/run-finished.schema.json + schema/events/run-started.schema.json + schema/sources/archive-episode.schema.json + schema/sources/archive-iteration.schema.json + schema/sources/archive-run.schema.json + schema/sources/archive-variant.schema.json + schema/sources/callback-line.schema.json + schema/sources/evolution-line.schema.json + schema/sources/experiment-line.schema.json via templates/validators.ts.hbs — DO NOT EDIT. Run: pnpm gen
import type { ValidateFunction } from 'ajv';
import * as standalone from './validators/standalone.gen.js';
import type {
  EpisodeEvent,
  EvolutionEvent,
  IterationEvent,
  RunFinishedEvent,
  RunStartedEvent,
  ArchiveEpisodeRecord,
  ArchiveIterationRecord,
  ArchiveRunRecord,
  ArchiveVariantRecord,
  CallbackLine,
  EvolutionLine,
  ExperimentLine,
} from './types.gen.js';

/** Validator of each canonical event type, compiled ahead of time from schema/events/. */
export const EVENT_VALIDATORS = {
  episode: standalone.validateEpisodeEvent as ValidateFunction<EpisodeEvent>,
  evolution: standalone.validateEvolutionEvent as ValidateFunction<EvolutionEvent>,
  iteration: standalone.validateIterationEvent as ValidateFunction<IterationEvent>,
  'run.finished': standalone.validateRunFinishedEvent as ValidateFunction<RunFinishedEvent>,
  'run.started': standalone.validateRunStartedEvent as ValidateFunction<RunStartedEvent>,
} as const;

/** Validators of ClawLoop's own file shapes, compiled ahead of time from schema/sources/. */
export const SOURCE_VALIDATORS = {
  /** schema/sources/archive-episode.schema.json */
  ArchiveEpisodeRecord: standalone.validateArchiveEpisodeRecord as ValidateFunction<ArchiveEpisodeRecord>,
  /** schema/sources/archive-iteration.schema.json */
  ArchiveIterationRecord: standalone.validateArchiveIterationRecord as ValidateFunction<ArchiveIterationRecord>,
  /** schema/sources/archive-run.schema.json */
  ArchiveRunRecord: standalone.validateArchiveRunRecord as ValidateFunction<ArchiveRunRecord>,
  /** schema/sources/archive-variant.schema.json */
  ArchiveVariantRecord: standalone.validateArchiveVariantRecord as ValidateFunction<ArchiveVariantRecord>,
  /** schema/sources/callback-line.schema.json */
  CallbackLine: standalone.validateCallbackLine as ValidateFunction<CallbackLine>,
  /** schema/sources/evolution-line.schema.json */
  EvolutionLine: standalone.validateEvolutionLine as ValidateFunction<EvolutionLine>,
  /** schema/sources/experiment-line.schema.json */
  ExperimentLine: standalone.validateExperimentLine as ValidateFunction<ExperimentLine>,
} as const;
