// Every swipe in the swipe bench is a new (user, job) pair: users take turns, so one user's
// swipes come |users| requests apart, as many people swiping at once do. Running out is an error
// rather than a silent replay of old pairs (which would measure the already-swiped path).
export class SwipePairs<U> {
  private next = 0;

  constructor(
    private readonly users: readonly U[],
    private readonly jobIds: readonly string[],
  ) {}

  take(): { user: U; jobId: string } {
    const i = this.next++;
    const job = Math.floor(i / this.users.length);
    if (job >= this.jobIds.length) {
      throw new Error(`swipe bench ran out of (user, job) pairs after ${i}: create more jobs`);
    }
    return { user: this.users[i % this.users.length]!, jobId: this.jobIds[job]! };
  }
}
