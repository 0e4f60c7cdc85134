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
 * Loads the version CURRENT names (a broken one fails here, at start-up, with the fix) and watches the pointer:
 * a `get()` at least `recheckMs` after the last look reads CURRENT (a few bytes) and, when it changed, loads the
 * new version in the background, serving the old one until it is ready. A new version that fails to load is
 * logged and the old one kept.
 */
export async function openActiveModel(store: ModelStore, options: ActiveModelOptions): Promise<ActiveModel> {
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  let seen = store.currentName();
  let model = seen ? await options.load(store.read(seen)) : undefined;
  let checked = Date.now();
  let loading: Promise<void> | undefined;
  const retired = new Map<ReturnType<typeof setTimeout>, RerankModel>();

  const swapTo = async (name: string | undefined) => {
    try {
      const next = name ? await options.load(store.read(name)) : undefined;
      const old = model;
      model = next;
      if (old) {
        const timer = setTimeout(() => { retired.delete(timer); void old.close(); }, CLOSE_GRACE_MS);
        timer.unref();
        retired.set(timer, old);
      }
      options.log?.info({ version: name ?? null }, 'reranker switched');
    } catch (err) {
      options.log?.error({ err, version: name }, 'reranker version could not be loaded; the previous one keeps serving');
    }
  };
  const look = (): Promise<void> => {
    checked = Date.now();
    const name = store.currentName();
    if (name === seen || loading) return loading ?? Promise.resolve();
    seen = name;
    loading = swapTo(name).finally(() => { loading = undefined; });
    return loading;
  };
  return {
    get() {
      if (Date.now() - checked >= recheckMs) void look();
      return model;
    },
    refresh: look,
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
