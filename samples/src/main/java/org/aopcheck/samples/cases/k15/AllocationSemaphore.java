package org.aopcheck.samples.cases.k15;

/**
 * OCFS2's {@code ip_alloc_sem} (a read-write semaphore) on a non-preemptive CPU, as in the 2010
 * livelock: a writer holds it and can only finish when the reader's CPU sleeps.
 *
 * <p>{@link #tryRead()} never sleeps, so a reader that only tries lets the writer starve; {@link
 * #read()} sleeps, which runs the writer's remaining work (given to {@link #holdForWriter}) and so
 * frees the semaphore. Single-task and deterministic, for the cross-checks.
 */
public final class AllocationSemaphore {
  private Runnable writerRemainingWork;
  private int readers;

  /** A writer takes the semaphore; it will release it after {@code remainingWork} has run. */
  public void holdForWriter(Runnable remainingWork) {
    writerRemainingWork = remainingWork;
  }

  /** {@code down_read_trylock}: true if taken for reading, without sleeping. */
  public boolean tryRead() {
    if (writerRemainingWork != null) {
      return false;
    }
    readers++;
    return true;
  }

  /** {@code down_read}: sleeps until the writer is done (the writer runs), then takes it. */
  public void read() {
    if (writerRemainingWork != null) {
      Runnable work = writerRemainingWork;
      writerRemainingWork = null;
      work.run();
    }
    readers++;
  }

  /** {@code up_read}. */
  public void readRelease() {
    readers--;
  }

  /** Whether a writer holds the semaphore. */
  public boolean heldByWriter() {
    return writerRemainingWork != null;
  }

  /** How many readers hold it. */
  public int readers() {
    return readers;
  }
}
