import type express from 'express';
import { z } from 'zod';
import { buildReport, type OrderSource, type Report, type ReportSources } from '../analytics/report.ts';
import type { QuestionGroup } from '../analytics/question-groups.ts';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import type { AgentSession } from '../handoff/agent-directory.ts';
import type { HandoffQueue } from '../handoff/handoff-queue.ts';
import { ADDED_FAQ_SOURCE, addFaqEntry } from '../support/add-faq.ts';
import { slugOf } from '../support/help-article.ts';
import { loadHelpCentre } from '../support/help-centre-file.ts';
import { adminPage } from './admin-page.ts';
import { parseAdminRange, type AdminRange } from './admin-range.ts';
import { ADMIN_SCRIPT } from './admin-script.ts';
import { sessionOf } from './console-auth.ts';
import type { AgentDirectory } from '../handoff/agent-directory.ts';

/** What the admin page reads and writes: the logs `aisle report` reads, the handoffs, and the home's help centre. */
export interface ConsoleAdminDeps {
  /** The turn log and event log (and orders, embedder) as `aisle report` reads them. */
  sources: ReportSources;
  handoffs: Pick<HandoffQueue, 'list' | 'messages'>;
  /** The home whose help centre an FAQ entry goes into (the running help desk reloads it within 2 s). */
  home: string;
  /** Embeds a new FAQ entry at once; the same model the help desk answers with. */
  embedder?: Embedder;
  /** The order store as `aisle report` reads it, opened per view (orders imported since start-up count). */
  openOrders?: () => Promise<{ source: OrderSource; close(): Promise<void> } | undefined>;
}

/** An unanswered-question group as the admin page shows it. */
export interface AdminGroup extends QuestionGroup {
  /** What an agent wrote to the shopper after one of these questions was handed over, if any was. */
  agentReply: string | null;
  /** Already an FAQ entry in the help centre (`aisle kb list` shows it). */
  added: boolean;
}

/** The page's data for a period: the report's figures and its groups with the agents' replies. */
export interface AdminView { range: Pick<AdminRange, 'fromDay' | 'toDay'>; report: Report; groups: AdminGroup[] }

/** How many past handoffs are searched for the agents' replies: bounds the page's work. */
const HANDOFFS_SEARCHED = 2000;
const faq = z.object({
  question: z.string().trim().min(1, 'write the question').max(300, 'at most 300 characters'),
  answer: z.string().trim().min(1, 'write the answer').max(4000, 'at most 4000 characters'),
  url: z.string().trim().max(500).optional(),
});
type Authed = express.Request & { session?: AgentSession };

/** GET /agent/admin (before the API's session check: no session is sent to sign in). */
export function mountAdminPage(router: express.Router, agents: AgentDirectory, deps: ConsoleAdminDeps | undefined): void {
  router.get('/admin.js', (_req, res) => res.type('text/javascript').send(ADMIN_SCRIPT));
  router.get('/admin', async (req, res) => {
    const session = await sessionOf(agents, req);
    if (!session) return res.redirect(303, '/agent/login');
    requireAdmin(session, deps);
    res.type('html').send(adminPage(session, await adminView(deps!, parseAdminRange(req.query))));
  });
}

/** GET /agent/api/admin (the same as JSON) and POST /agent/api/admin/faq; the router has checked session and CSRF. */
export function mountAdminApi(router: express.Router, deps: ConsoleAdminDeps | undefined, json: express.RequestHandler): void {
  router.get('/api/admin', async (req: Authed, res) => {
    requireAdmin(req.session!, deps);
    res.json(await adminView(deps!, parseAdminRange(req.query)));
  });
  router.post('/api/admin/faq', json, async (req: Authed, res) => {
    requireAdmin(req.session!, deps);
    const parsed = faq.safeParse(req.body);
    if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const { question, answer, url } = parsed.data;
    res.json(await addFaqEntry(deps!.home, { question, answer, ...(url ? { url } : {}) }, deps!.embedder));
  });
}

function requireAdmin(session: AgentSession, deps: ConsoleAdminDeps | undefined): void {
  if (session.agent.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin may see the reports and add FAQ entries (aisle agents add EMAIL --role admin).');
  if (!deps) throw new AppError('NOT_FOUND', 'The admin page is not set up on this server.');
}

/** The report over `range`, and each of its unanswered groups with the agent's reply and whether it is an FAQ entry now. */
export async function adminView(deps: ConsoleAdminDeps, range: AdminRange = parseAdminRange({})): Promise<AdminView> {
  const report = await reportWithOrders(deps, range);
  const replies = await agentReplies(deps.handoffs, new Set(report.unanswered.grouping.groups.flatMap((g) => g.examples.map((e) => e.conversation))));
  const added = new Set((loadHelpCentre(deps.home)?.articles ?? []).filter((a) => a.source === ADDED_FAQ_SOURCE).map((a) => a.id));
  const groups = report.unanswered.grouping.groups.map((g) => ({
    ...g,
    agentReply: g.examples.map((e) => replies.get(e.conversation)).find((r) => r !== undefined) ?? null,
    added: added.has(`faq-${slugOf(g.representative)}`),
  }));
  return { range: { fromDay: range.fromDay, toDay: range.toDay }, report, groups };
}

async function reportWithOrders(deps: ConsoleAdminDeps, range: AdminRange): Promise<Report> {
  const orders = await deps.openOrders?.();
  try {
    return await buildReport({ ...deps.sources, ...(orders ? { orders: orders.source } : {}) }, { from: range.from, to: range.to });
  } finally {
    await orders?.close();
  }
}

/** Per conversation among `wanted`: the agent's messages to the shopper in its latest handoff, joined. */
async function agentReplies(handoffs: ConsoleAdminDeps['handoffs'], wanted: Set<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const all = await handoffs.list(['resolved', 'active', 'assigned', 'abandoned'], HANDOFFS_SEARCHED);
  const latest = new Map<string, (typeof all)[number]>();
  for (const h of all) {
    const seen = latest.get(h.conversation);
    if (wanted.has(h.conversation) && (!seen || seen.createdAt < h.createdAt)) latest.set(h.conversation, h);
  }
  for (const [conversation, h] of latest) {
    const text = (await handoffs.messages(h.id)).filter((m) => m.role === 'agent').map((m) => m.text).join('\n');
    if (text) out.set(conversation, text);
  }
  return out;
}
