/** clawloop-sinks core: the hub, the sink contract, sources and the sink registry. Loads no backend SDK. */
export { Hub, type CloseReport, type HubOptions, type SinkCounters } from './core/hub.js';
export type { Sink } from './core/sink.js';
export { SinkError } from './core/errors.js';
export { episodeTraceId, iterationTraceId, spanId, deterministicUuid, eventKey } from './core/ids.js';
export { effectiveReward, normalizedReward, playbookEffectiveScore } from './core/rewards.js';
export { openSource, detectFormat, type SourceFormat } from './sources/open-source.js';
export { watchSource } from './sources/watch-run.js';
export { formatProblem, type InputProblem } from './sources/problems.js';
export { SINKS, createSinks, type SinkName } from './sinks/registry.js';
export type {
  CanonicalEvent,
  EpisodeEvent,
  IterationEvent,
  EvolutionEvent,
  RunStartedEvent,
  RunFinishedEvent,
} from '../generated/types.gen.js';
