/** The lowest- and highest-reward episodes: a header line each, and the conversation across the page's full width. */
import type { Conversation, ShownCall, ShownMessage } from './conversation.js';
import { escapeHtml as h } from './escape.js';
import { num, type ReportEpisode, type ShownEpisode } from './model.js';

const r2 = (v: number | undefined) => (v === undefined ? '—' : v < 0 ? `−${Math.abs(v).toFixed(2)}` : v.toFixed(2));

function signalTags(json: unknown): string {
  try {
    const signals = JSON.parse(String(json)) as Record<string, { value: unknown; confidence: unknown }>;
    const entries = Object.entries(signals);
    if (entries.length === 0) return '<span class="muted">no signals</span>';
    return entries
      .map(
        ([name, s]) => `<span class="tag" title="confidence ${Number(s.confidence).toFixed(2)}">${h(name)} ${r2(Number(s.value))}</span>`,
      )
      .join('');
  } catch {
    return '';
  }
}

function call(c: ShownCall): string {
  const outcome = c.failed
    ? `<span class="neg">✗ ${h(c.error ?? 'failed')}</span>`
    : c.result !== undefined
      ? `<span class="muted">→ ${h(c.result)}</span>`
      : '';
  return `<div class="call${c.failed ? ' failed' : ''}"><span class="fn">${h(c.name)}</span>(${h(c.args)}) ${outcome}</div>`;
}

function message(m: ShownMessage): string {
  const who = `${h(m.role)}${m.name ? ` <span class="name">${h(m.name)}</span>` : ''}`;
  // The system prompt (with the playbook in it) is much the same in every episode: folded, one click away.
  if (m.role === 'system' && m.calls.length === 0) {
    return `<div class="msg role-system"><div class="who">${who}</div><div class="body"><details class="system"><summary>system prompt</summary><div class="text">${h(m.text)}</div></details></div></div>`;
  }
  const text =
    m.text !== '' ? `<div class="text">${h(m.text)}</div>` : m.calls.length === 0 ? '<div class="text muted">(no text)</div>' : '';
  const reasoning = m.reasoning ? `<div class="reasoning"><span class="muted">reasoning:</span> ${h(m.reasoning)}</div>` : '';
  return `<div class="msg role-${h(m.role.replace(/[^a-z]/gi, ''))}"><div class="who">${who}</div><div class="body">${reasoning}${text}${m.calls.map(call).join('')}</div></div>`;
}

function conversationHtml(c: Conversation): string {
  if (c.total === 0) {
    return `<p class="muted no-messages">This record has no messages: ClawLoop's archive keeps episode summaries only; the conversation of each episode comes from the after_iteration bridge (examples/observability/clawloop_bridge.py).</p>`;
  }
  const parts = c.messages.map(message);
  if (c.folded)
    parts.splice(
      c.folded.at,
      0,
      `<div class="folded">… ${c.folded.count} messages in the middle of this conversation are not shown …</div>`,
    );
  return parts.join('');
}

function episodeBlock(e: ShownEpisode, open: boolean): string {
  const f: ReportEpisode = e.fields;
  const reward = num(f, 'effective_reward');
  const failed = num(f, 'n_failed_tool_calls') ?? 0;
  const facts = [
    `iteration ${String(f.iteration)}`,
    `${String(f.n_steps ?? '?')} step${f.n_steps === 1 ? '' : 's'}`,
    `${String(f.n_tool_calls ?? 0)} tool call${f.n_tool_calls === 1 ? '' : 's'}${failed ? ` (<span class="neg">${failed} failed</span>)` : ''}`,
    f.total_tokens !== undefined ? `${String(f.total_tokens)} tokens` : '',
    f.total_ms !== undefined ? `${(Number(f.total_ms) / 1000).toFixed(1)} s` : '',
    f.model ? h(f.model) : '',
    f.filtered === true ? '<span class="tag">filtered</span>' : '',
  ].filter(Boolean);
  return `<article class="episode" data-episode="${h(f.id)}">
<header><span class="reward ${reward !== undefined && reward < 0 ? 'neg' : reward !== undefined && reward > 0 ? 'pos' : ''}" title="effective reward (−1…1)">${r2(reward)}</span>
<span class="task">${h(f.task_id)}</span> <span class="muted">${facts.join(' · ')}</span> ${signalTags(f.signals)}
<div class="id muted">episode ${h(f.id)}</div>${f.error ? `<div class="err">${h(f.error)}</div>` : ''}</header>
${e.conversation.total === 0 ? `<div class="conversation">${conversationHtml(e.conversation)}</div>` : `<details class="conversation"${open ? ' open' : ''}><summary>conversation (${e.conversation.total} message${e.conversation.total === 1 ? '' : 's'})</summary>${conversationHtml(e.conversation)}</details>`}
</article>`;
}

export function episodeList(episodes: readonly ShownEpisode[], openFirst: boolean, empty: string): string {
  if (episodes.length === 0) return `<p class="muted">${h(empty)}</p>`;
  return episodes.map((e, i) => episodeBlock(e, openFirst && i === 0)).join('\n');
}
