import type { Logger } from '../logger.ts';
import type { ModelStore, ModelVersion } from './model-store.ts';
import type { RerankModel } from './reranker.ts';

/** How often a running server looks whether CURRENT names another version (train or rollback). */
const RECHECK_MS = 2000;
/** A replaced model is closed this long after the switch, so searches already scoring with it finish. */
const CLOSE_GRACE_MS = 30_000;

/** The model that serves now; follows HOME/reranker/CURRENT without a restart. */
export interface ActiveModel {
  /** The loaded model, or undefined when no version is active (searches are then not personalised). */
  get(): RerankModel | undefined;
  /** Looks at CURRENT now and, when it changed, loads the version it names before resolving. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export interface ActiveModelOptions {
  load(version: ModelVersion): Promise<RerankModel>;
  log?: Logger;
  recheckMs?: number;
}

/**
 * Loads the version CURRENT names and watches the pointer: a `get()` at least `recheckMs` after the last look
 * reads CURRENT (a few bytes) and, when it names another version than the one serving, loads it in the
 * background, serving the old one until it is ready. A version that fails to load, at start-up too, is logged
 * once with the fix and retried on each later look (it may be repaired in place); meanwhile the old model, or
 * none (plain search), serves: a broken model must not take the store down.
 */
export async function openActiveModel(store: ModelStore, options: ActiveModelOptions): Promise<ActiveModel> {
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  /** The version serving now (undefined: none); moves only when a load succeeds, so a failed one is retried. */
  let seen: string | undefined;
  let model: RerankModel | undefined;
  let checked = Date.now();
  let loading: Promise<void> | undefined;
  /** The last version that failed to load, so a retry that fails again does not log again. */
  let failed: string | undefined;
  const retired = new Map<ReturnType<typeof setTimeout>, RerankModel>();

  const swapTo = async (name: string | undefined) => {
    let next: RerankModel | undefined;
    try {
      next = name ? await options.load(store.read(name)) : undefined;
    } catch (err) {
      if (failed !== name) {
        failed = name;
        const serving = model ? `${seen} keeps serving` : 'searches are not personalised until it loads';
        options.log?.error({ err, version: name }, `reranker ${name} could not be loaded (${serving}): run aisle reranker rollback, or aisle train reranker`);
      }
      return;
    }
    const old = model;
    model = next;
    seen = name;
    failed = undefined;
    if (old) {
      const timer = setTimeout(() => { retired.delete(timer); void old.close(); }, CLOSE_GRACE_MS);
      timer.unref();
      retired.set(timer, old);
    }
    options.log?.info({ version: name ?? null }, 'reranker switched');
  };
  const look = (): Promise<void> => {
    checked = Date.now();
    if (loading) return loading;
    const name = store.currentName();
    if (name === seen) return Promise.resolve();
    loading = swapTo(name).finally(() => { loading = undefined; });
    return loading;
  };
  await look();
  return {
    get() {
      if (Date.now() - checked >= recheckMs) void look();
      return model;
    },
    // A load already under way may be for an older name (or a retry): finish it, then look at CURRENT again.
    refresh: async () => { await loading; await look(); },
    async close() {
      await loading;
      for (const [timer, old] of retired) {
        clearTimeout(timer);
        await old.close();
      }
      retired.clear();
      await model?.close();
      model = undefined;
    },
  };
}
