import { isIP } from 'node:net';

/**
 * Hosts (and their subdomains) the Bot Service posts from and takes replies at: Web Chat, Direct Line and the
 * other channels under botframework.com (.us and .azure.us for US Government), Teams under
 * smba.trafficmanager.net and, in the US Government clouds, smba.infra.*.teams.microsoft.* (Agents SDK's
 * TeamsServiceEndpoints).
 */
export const BOT_SERVICE_HOSTS: readonly string[] = [
  'botframework.com', 'botframework.us', 'botframework.azure.us', 'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com', 'smba.infra.gov.teams.microsoft.us', 'smba.infra.dod.teams.microsoft.us',
];

export interface ServiceUrlPolicy {
  /**
   * Why replies may not be posted to `serviceUrl` for a request from `caller` (the socket's remote address), or
   * undefined when they may. A loopback serviceUrl is allowed only to a caller on this machine.
   */
  refusal(serviceUrl: string | undefined, caller: string | undefined): string | undefined;
  /** The allowed host suffixes, for the SDK's own outbound check. */
  readonly hosts: readonly string[];
}

/**
 * Where /api/messages may post replies: HTTPS to the Bot Service's hosts and `extraHosts` (suffixes: "example.com"
 * also allows "bot.example.com"); with `allowLoopback` (development) also HTTP(S) to this machine, for the
 * Bot Framework Emulator, when the request itself comes from this machine. Anything else would let a caller make
 * the server send requests wherever it likes (a remote caller to any port of this machine, when it listens on 0.0.0.0).
 */
export function createServiceUrlPolicy(options: { extraHosts?: readonly string[]; allowLoopback: boolean }): ServiceUrlPolicy {
  const hosts = [...BOT_SERVICE_HOSTS, ...(options.extraHosts ?? []).map(normalHost).filter((h) => h !== '')];
  return {
    hosts,
    refusal(serviceUrl, caller) {
      let url: URL;
      try {
        url = new URL(serviceUrl ?? '');
      } catch {
        return 'serviceUrl is missing or not a URL';
      }
      const host = url.hostname.toLowerCase().replace(/\.$/, '');
      if (options.allowLoopback && isLoopback(host) && /^https?:$/.test(url.protocol)) {
        return isLoopbackAddress(caller) ? undefined : `serviceUrl host ${host} is this machine, but the request came from ${caller ?? 'an unknown address'}`;
      }
      if (url.protocol !== 'https:') return `serviceUrl must use https (got ${url.protocol})`;
      if (hosts.some((h) => host === h || host.endsWith(`.${h}`))) return undefined;
      return `serviceUrl host ${host} is not a Bot Service host; if you trust it, add it to AISLE_BOT_SERVICE_HOSTS`;
    },
  };
}

/** Reads AISLE_BOT_SERVICE_HOSTS: comma-separated hosts, a leading "*." allowed. */
export function parseHostList(value: string): string[] {
  return value.split(',').map(normalHost).filter((h) => h !== '');
}

function normalHost(entry: string): string {
  return entry.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/** Whether a socket's remote address (as Node reports it: "127.0.0.1", "::1", "::ffff:127.0.0.1") is this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.replace(/^::ffff:/i, '');
  return isIP(bare) === 4 ? bare.startsWith('127.') : bare === '::1';
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}
