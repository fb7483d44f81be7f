// One leader at a time among the backend nodes, through a Postgres session advisory lock held on a
// dedicated connection: if the leader dies, its connection closes, the lock is freed, and another
// node takes over at its next try.
import pg from 'pg';
import type { Logger } from '../logger.ts';

export class Leadership {
  private client: pg.Client | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly name: string,
    private readonly log: Logger,
  ) {}

  /** True while this node is the leader (holds the lock); tries to become it when it is not. */
  async isLeader(): Promise<boolean> {
    if (this.client) return true;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('error', () => {
      if (this.client === client) this.client = null;
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
        this.name,
      ]);
      if (rows[0]?.ok) {
        this.client = client;
        this.log.info({ duty: this.name }, 'this node is now the leader');
        return true;
      }
    } catch (err) {
      this.log.debug({ err }, 'leader election failed');
    }
    await client.end().catch(() => {});
    return false;
  }

  /** Gives up leadership: the lock is freed and another node takes over at its next try. */
  async stepDown(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
