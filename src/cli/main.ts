#!/usr/bin/env node
/** The `clawloop-sinks` command line. */
import { Command, Option } from 'commander';
import { errorText } from '../core/error-text.js';
import { peerInstalled } from '../core/peers.js';
import { SinkConfigError } from '../core/preflight.js';
import { installCommand } from '../core/install-command.js';
import { SINKS } from '../sinks/registry.js';
import { EXIT, EXIT_HELP } from './exit-codes.js';
import { preferSmallHeap } from './heap.js';
import { safeLines, say, tolerateClosedReader } from './output.js';
import { replay, type ReplayFlags } from './replay.js';
import { DEFAULT_LIVE_TIMEOUT_MS, DEFAULT_STALL_MS, UsageError } from './run-sinks.js';
import { serve, type ServeFlags } from './serve.js';
import { packageVersion } from '../core/version.js';
import { watch, type WatchFlags } from './watch.js';

/** Flags every sink-driving command shares; a replay ends by progress, watch and serve by a fixed deadline. */
function sinkOptions(command: Command, mode: 'replay' | 'live' = 'live'): Command {
  command
    .option('--sink <names>', 'comma-separated sinks (see `clawloop-sinks sinks`)', 'report,console')
    .option('--out <file>', 'report sink: where to write the HTML', '.clawloop-sinks/report.html');
  if (mode === 'replay') {
    command
      .option(
        '--stall-timeout <ms>',
        'give up on a sink once it has delivered nothing for this long (a slow backend is waited for as long as it makes progress)',
        String(DEFAULT_STALL_MS),
      )
      .option('--timeout <ms>', 'optional fixed limit on the end of the replay (default: none; --stall-timeout decides)');
  } else {
    command.option('--timeout <ms>', 'at the end, how long to keep delivering before giving up', String(DEFAULT_LIVE_TIMEOUT_MS));
  }
  return (
    command
      .option(
        '--retry-for <ms>',
        'how long one batch is retried while its backend refuses or is busy (replays can afford to wait)',
        '600000',
      )
      // The expensive parts of some sinks, named after what they send; all on by default (a replay completes anyway).
      .option('--no-mlflow-traces', 'mlflow: do not send episodes as traces (nor their assessments); runs, metrics and artifacts only')
      .option('--no-mlflow-assessments', 'mlflow: send traces without the reward assessments (one request each)')
      .option('--no-phoenix-annotations', 'phoenix: send spans only, without the reward annotations')
      .option('--no-wandb-tables', 'wandb: no episodes table per iteration (metrics, config and summary only)')
      .option(
        '--spool <dir>',
        'durable spool: keep events on disk until each sink acknowledged them; a later run on the same dir delivers what is pending',
      )
      .option('-q, --quiet', 'no progress, no notes and no console sink lines; problems and the summary still print')
  );
}

export function buildProgram(): Command {
  const program = new Command('clawloop-sinks')
    .description('Send a ClawLoop run to observability backends: W&B, MLflow, Langfuse, OpenTelemetry, Phoenix, or an HTML report.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(safeLines(text)) })
    .exitOverride();

  sinkOptions(
    program
      .command('replay')
      .description('replay ClawLoop output (an output or archive directory, an events .ndjson, an after_iteration dump)')
      .argument('<path...>', 'files or directories to replay, in order')
      .option(
        '--run-id <id>',
        "a directory's run to replay, or the id to send it under (default: the archive's, else the bridge's, else derived from the directory)",
      )
      .addOption(
        new Option('--format <format>', 'input format (default: detected)').choices([
          'run',
          'events',
          'callback',
          'experiment',
          'evolution',
        ]),
      )
      .option('--no-progress', 'no progress bar or progress lines'),
    'replay',
  ).action(async (paths: string[], flags: ReplayFlags) => {
    process.exitCode = await replay(paths, flags);
  });

  sinkOptions(
    program
      .command('watch')
      .description('follow a ClawLoop output directory or events file while a run is still writing it, until Ctrl-C')
      .argument('<path>', 'output directory, archive directory or events .ndjson')
      .option(
        '--run-id <id>',
        "the id to send a directory's run under (default: the archive's, else the bridge's, else derived from the directory)",
      )
      .option('--poll <ms>', 'how often to look for new lines', '250'),
  ).action(async (path: string, flags: WatchFlags) => {
    process.exitCode = await watch(path, flags);
  });

  sinkOptions(
    program
      .command('serve')
      .description('accept canonical events over HTTP: POST /events (NDJSON or a JSON array), bearer token required')
      .option('--host <host>', 'address to bind (loopback by default)', '127.0.0.1')
      .option('--port <port>', 'port (0 picks a free one)', '8787')
      .option('--token <token>', 'bearer token clients must send (default: $CLAWLOOP_SINKS_TOKEN)')
      .option('--max-body <bytes>', 'largest request body accepted', String(16 * 1024 * 1024)),
  ).action(async (flags: ServeFlags) => {
    process.exitCode = await serve(flags);
  });

  program
    .command('sinks')
    .description('list the sinks and whether their optional packages are installed')
    .action(() => {
      for (const [name, entry] of Object.entries(SINKS)) {
        const peers: readonly string[] = entry.peers;
        const missing = peers.filter((p) => !peerInstalled(p));
        process.stdout.write(`${name.padEnd(10)} ${(missing.length === 0 ? 'ready' : 'needs peers').padEnd(12)} ${entry.description}\n`);
        if (missing.length > 0) process.stdout.write(`${''.padEnd(10)} ${''.padEnd(12)} install with: ${installCommand(missing)}\n`);
      }
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  preferSmallHeap();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.ok;
    if (code?.startsWith('commander.')) return EXIT.usage;
    if (error instanceof UsageError) {
      say(process.stderr, `clawloop-sinks: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof SinkConfigError) {
      for (const line of error.message.split('\n')) say(process.stderr, `clawloop-sinks: ${line}`);
      return EXIT.sinkFailed;
    }
    // Not expected: still printed through the same redaction (an error may quote a URL or a header).
    say(process.stderr, `clawloop-sinks: unexpected error: ${errorText(error)}`);
    for (const line of (error instanceof Error ? (error.stack ?? '') : '').split('\n').slice(1, 12)) say(process.stderr, line);
    return EXIT.usage;
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  // Last resort only: every failure a backend can cause is handled where it happens (a slow or failing backend never
  // ends the CLI). Should a bug still leave a rejection unhandled, Node would print its own stack dump, with the
  // error's fields unredacted, and exit 1; instead it is one redacted line that says it is a bug, and a non-zero exit.
  const lastResort = (what: string) => (error: unknown) => {
    say(process.stderr, `clawloop-sinks: internal error (${what}; please report it): ${errorText(error)}`);
    process.exit(EXIT.usage);
  };
  process.on('unhandledRejection', lastResort('unhandled rejection'));
  process.on('uncaughtException', lastResort('uncaught exception'));
  tolerateClosedReader(process.stdout, lastResort('standard output'));
  tolerateClosedReader(process.stderr, lastResort('standard error'));
  // Exit as soon as the summary is out: a backend's abandoned requests (past the deadline) must not hold the CLI open.
  process.exit(await main(process.argv));
}
