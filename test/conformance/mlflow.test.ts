/**
 * The mlflow sink against the shared conformance suite, with a real MLflow tracking server on loopback (the one the
 * integration tests start) and one experiment per sink. Its records are the MLflow runs that carry the ClawLoop run's
 * tag (the parent run and a nested run per iteration), by MLflow run id: a re-sent run finds and reuses its runs.
 */
import { afterAll, beforeAll } from 'vitest';
import { TAG, createMlflowSink } from '../../src/transports/mlflow/index.js';
import { startMlflow, type Mlflow } from '../integration/servers/mlflow.js';
import { describeSinkConformance } from './sink-conformance.js';

let mlflow: Mlflow;
let experiments = 0;
beforeAll(async () => {
  mlflow = await startMlflow();
}, 200_000);
afterAll(async () => mlflow?.stop());

interface Run {
  info: { run_id: string };
  data: { tags?: Array<{ key: string; value: string }> };
}

describeSinkConformance('mlflow', {
  async create() {
    const experimentName = `conformance-${++experiments}`;
    const sink = createMlflowSink({ trackingUri: mlflow.url, experimentName, env: {} });
    return {
      sink,
      async readBack() {
        const { experiment } = await mlflow.get<{ experiment: { experiment_id: string } }>('/api/2.0/mlflow/experiments/get-by-name', {
          experiment_name: experimentName,
        });
        const { runs = [] } = await mlflow.post<{ runs?: Run[] }>('/api/2.0/mlflow/runs/search', {
          experiment_ids: [experiment.experiment_id],
          max_results: 1000,
        });
        return runs.map((r) => ({
          id: r.info.run_id,
          runId: r.data.tags?.find((t) => t.key === TAG.runId)?.value ?? '(no clawloop.run_id tag)',
        }));
      },
    };
  },
});
