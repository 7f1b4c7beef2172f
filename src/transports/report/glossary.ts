/** "What the numbers mean": one definition per number the page shows, in ClawLoop's terms. */
import { EXECUTION_MIN_CONFIDENCE } from '../../core/rewards.js';

const TERMS: ReadonlyArray<readonly [string, string]> = [
  [
    'Iteration',
    'One round of ClawLoop’s learning loop: collect episodes, score them, update the agent. Numbered from 0, as ClawLoop numbers them.',
  ],
  [
    'Effective reward (−1…1)',
    `ClawLoop’s reward of one episode, taken from its signals by priority: user, then outcome, then execution (only with confidence ≥ ${EXECUTION_MIN_CONFIDENCE}), then judge; 0 when none applies. The curve is the mean over the iteration’s episodes.`,
  ],
  [
    'avg_reward (ClawLoop, raw)',
    'The mean raw environment reward of the iteration as experiment.jsonl records it (usually 0…1). It is a different scale from the effective reward, so it has its own panel and card. ClawLoop’s best_reward is the highest avg_reward of the run.',
  ],
  [
    'Success rate',
    'Share of the iteration’s episodes whose effective reward is above 0 — the episodes ClawLoop’s harness credits as helpful.',
  ],
  [
    'Reward signals',
    'The signals an episode was scored with (outcome, execution, judge, user; each −1…1 with a confidence), averaged per iteration over the episodes that carry them.',
  ],
  [
    'Start → end, best',
    'On each card: where the run started and ended, the change between the two, and its best stretch. Runs of 20 iterations or more compare means over about a twentieth of the run (5 to 50 iterations, named on the card), since one iteration alone is noisy; shorter runs compare single iterations.',
  ],
  ['Playbook entries', 'The playbook’s size after each iteration. ClawLoop keeps at most 100 active entries.'],
  [
    'Helpful / harmful',
    'Running totals over the playbook’s entries: an entry in an episode’s prompt is credited helpful when the episode’s reward is above 0 and harmful when below.',
  ],
  [
    'Evolution lane',
    'One row per evolver action recorded in evolution.jsonl — reflect (new playbook insights), mutate (new prompt candidates), paradigm shift — marked at the iterations where it happened; “state changed” marks iterations after which the agent’s state hash (harness, router and weights) differed.',
  ],
  ['Tokens', 'Prompt plus completion tokens of all the iteration’s episodes.'],
  ['Latency', 'Mean wall time of one episode in the iteration.'],
  [
    'Smoothing',
    'An exponential moving average (as in TensorBoard and W&B) drawn over the faint raw curve; 0 shows raw values only. With more than 500 iterations each plotted point is the mean of the consecutive iterations it covers.',
  ],
  [
    'Per-task table',
    'Each task’s mean raw reward (avg_reward’s scale) over the first 10 and over the latest 10 iterations that ran it (the number run is in brackets), the change between them, its mean over the whole run, how many iterations and rollouts ran it, and how often it failed with an error. Tasks doing worst recently come first.',
  ],
  [
    'Lowest- and highest-reward episodes',
    'The episodes with the lowest and the highest effective reward in the run (ties: more failed tool calls first, then the most recent), with their conversations; long messages are cut with a marker saying how much was left out.',
  ],
];

export function glossary(): string {
  return `<dl class="glossary">${TERMS.map(([term, text]) => `<dt>${term}</dt><dd>${text}</dd>`).join('')}</dl>`;
}
