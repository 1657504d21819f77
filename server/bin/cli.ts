import { Command, Option } from 'commander';
import { ENGINE_NAMES, type EngineName } from '../../tools/claude/select-engine.ts';
import { parseConfig } from '../../tools/core/config.ts';
import { DOC_TYPES, type DocType } from '../../tools/documents/types/index.ts';
import {
  auditVerifyCommand,
  migrateCommand,
  tokenCreateCommand,
  vendorsImportCommand,
} from '../cli/admin-commands.ts';
import { askCommand } from '../cli/ask-command.ts';
import { calibrateCommand } from '../cli/calibrate-command.ts';
import { type EvalCommandOptions, evalCommand } from '../cli/eval-command.ts';
import { exportCorrectionsCommand } from '../cli/export-corrections-command.ts';
import { extractCommand } from '../cli/extract-command.ts';
import { ingestCommand } from '../cli/ingest-command.ts';
import { mcpCommand } from '../cli/mcp-command.ts';
import { serveCommand } from '../cli/serve-command.ts';
import { type SynthCommandOptions, synthCommand } from '../cli/synth-command.ts';
import { workerCommand } from '../cli/worker-command.ts';

/** The entry point: configuration is parsed here, once, and handed down. */
const config = () => parseConfig(process.env);

const engineOption = () =>
  new Option(
    '--engine <engine>',
    'extraction engine (claude and auto need ANTHROPIC_API_KEY); default: PAPERWORK_ENGINE, else auto with a key, rules without',
  ).choices(ENGINE_NAMES);

const program = new Command('paperwork')
  .description('Self-hosted document intelligence for finance and tax paperwork.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Serve the API and run the pipeline workers in one process.')
  .action(() => serveCommand(config()));
program
  .command('worker')
  .description('Run pipeline workers only (needs DATABASE_URL).')
  .action(() => workerCommand(config()));
program
  .command('mcp')
  .description(
    'MCP over stdio for Claude Code, in front of the server at PAPERWORK_URL (needs PAPERWORK_TOKEN).',
  )
  .action(() => mcpCommand(config()));
program
  .command('migrate')
  .description('Create or update the database tables.')
  .action(() => migrateCommand(config()));

program
  .command('extract')
  .description('Extract documents in process (no server, Redis or database) and print the results.')
  .argument('<file...>', 'PDF, PNG, JPEG or TIFF files')
  .addOption(new Option('--type <type>', 'skip classification').choices(DOC_TYPES))
  .addOption(engineOption())
  .option('--json', 'print one JSON extraction result per line')
  .action((files: string[], options: { type?: DocType; engine?: EngineName; json?: boolean }) =>
    extractCommand(files, options, config()),
  );

program
  .command('ingest')
  .description(
    'Upload files or folders to a running server (PAPERWORK_URL, PAPERWORK_TOKEN) and follow them.',
  )
  .argument('<path...>', 'files or folders')
  .option(
    '--bulk',
    'send the Claude part through the Message Batches API: half the price, results within 24 hours (ignored with the rules engine)',
  )
  .action((paths: string[], options: { bulk?: boolean }) => ingestCommand(paths, config(), options));

const evalCli = program
  .command('eval')
  .description('Measure extraction on a labelled dataset folder (manifest.jsonl).')
  // Not a commander requiredOption: that would be demanded of `eval export-corrections` too.
  .option('--dataset <dir>', 'folder with manifest.jsonl (required)')
  .addOption(engineOption())
  .option('--report <file>', 'also write a self-contained HTML report (charts, mismatches) to this file')
  .option('--json', 'print the report as JSON')
  .option(
    '--baseline <file>',
    'fail (exit 1) when a field F1 or the false-accept rate regressed past this baseline',
  )
  .option('--tolerance <x>', "how far a figure may regress; default: the baseline's (0.02)", Number)
  .option('--write-baseline <file>', 'write this run as a baseline')
  .action((options: EvalCommandOptions) =>
    options.dataset
      ? evalCommand(options, config())
      : evalCli.error("error: required option '--dataset <dir>' not specified"),
  );

evalCli
  .command('export-corrections')
  .description('Write every document people corrected and approved as a dataset folder (needs the database).')
  .requiredOption('--out <dir>', 'dataset folder to write (manifest.jsonl and the files)')
  .option('--since <date>', 'only documents approved at or after this date')
  .action((options: { out: string; since?: string }) => exportCorrectionsCommand(options, config()));

program
  .command('synth')
  .description('Write a synthetic labelled corpus (documents and manifest.jsonl) for paperwork eval.')
  .requiredOption('--out <dir>', 'folder to write into (created if missing)')
  .option('--n <count>', 'number of documents', Number, 50)
  .option('--types <list>', 'comma-separated document types; default: every type with a generator')
  .option('--scanned-ratio <ratio>', 'share of documents rasterized and degraded like a scan', Number, 0.3)
  .option('--seed <seed>', 'the same seed and options give the same bytes', Number, 1)
  .action((options: SynthCommandOptions) => synthCommand(options));

program
  .command('calibrate')
  .description(
    'Fit per-field confidence thresholds on a saved eval run (paperwork eval --json) for the most straight-through at a false-accept target.',
  )
  .requiredOption('--from <file>', 'the output of paperwork eval --json')
  .option(
    '--target-far <rate>',
    'highest false-accept rate allowed (wrong auto-approvals ÷ documents)',
    Number,
    0.005,
  )
  .option('--write', 'store the thresholds in ROUTING_FILE (default DATA_DIR/routing.json)')
  .option('--json', 'print the result as JSON')
  .action((options: { from: string; targetFar: number; write?: boolean; json?: boolean }) =>
    calibrateCommand(options, config()),
  );

program
  .command('ask')
  .description(
    'Ask the copilot on the server at PAPERWORK_URL (needs PAPERWORK_TOKEN; the server needs ANTHROPIC_API_KEY).',
  )
  .argument('<question>', 'a question or request, e.g. "which Northwind invoices are still in review?"')
  .option('--json', 'print the answer, pending actions and run id as JSON')
  .action((question: string, options: { json?: boolean }) => askCommand(question, options, config()));

const token = program.command('token').description('Manage API tokens.');
token
  .command('create')
  .description('Create an API token and print it once.')
  .requiredOption('--name <name>', 'who or what the token is for')
  .requiredOption('--role <role>', 'viewer, clerk, reviewer, approver or admin')
  .action((options: { name: string; role: string }) => tokenCreateCommand(options, config()));

const audit = program.command('audit').description('The audit log.');
audit
  .command('verify')
  .description('Check the hash chain of the audit log.')
  .action(() => auditVerifyCommand(config()));

const vendors = program.command('vendors').description('The vendor master invoices are checked against.');
vendors
  .command('import')
  .description('Add or update vendors from a CSV file (name, aliases, tax_id, bank_account, bank_routing).')
  .argument('<file>', 'the CSV file')
  .action((file: string) => vendorsImportCommand(file, config()));

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(`paperwork: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
