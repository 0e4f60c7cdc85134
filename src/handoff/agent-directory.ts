/** Who may use the agent console: `agent`s take conversations, `admin`s also transfer anyone's. */
export type AgentRole = 'agent' | 'admin';

export interface Agent {
  /** Lower-cased; the account's id. */
  email: string;
  /** What shoppers see when the agent joins ("Sam"). */
  name: string;
  role: AgentRole;
  createdAt: string;
}

/** A signed-in console session: the cookie holds the token, the database only its SHA-256. */
export interface AgentSession {
  agent: Agent;
  /** The token every state-changing request must carry (X-CSRF-Token). */
  csrf: string;
  expiresAt: string;
  /** When the console last asked for anything with this session. */
  lastSeen: string;
}

/** Agent accounts and their console sessions. */
export interface AgentDirectory {
  /** Adds the account, or with `replace` resets its name, role and password; BAD_INPUT when it exists and `replace` is not set. */
  add(agent: Omit<Agent, 'createdAt'> & { passwordHash: string }, options?: { replace?: boolean }): Promise<Agent>;
  /** The account with its password hash, for sign-in. */
  find(email: string): Promise<(Agent & { passwordHash: string }) | undefined>;
  list(): Promise<Agent[]>;
  /** Deletes the account and its sessions, and puts the conversations it held back in line; false when there was none. */
  remove(email: string): Promise<boolean>;
  startSession(session: { tokenHash: string; email: string; csrf: string; expiresAt: string }): Promise<void>;
  /** The live session for the token hash; expired ones are gone. */
  session(tokenHash: string): Promise<AgentSession | undefined>;
  endSession(tokenHash: string): Promise<void>;
  /** Marks the session as in use now (the console polls while it is open). */
  seen(tokenHash: string): Promise<void>;
  /** How many agents have a live session used since `since`: who could answer a handoff now. */
  online(since: Date): Promise<number>;
}
