package org.aopcheck.vm.stress;

import org.aopcheck.vm.ProtocolViolation;

/**
 * The outcome of a {@link Stress} run.
 *
 * @param seed the run's seed, to replay it
 * @param operations how many worker operations completed
 * @param failure the first failure (a {@link ProtocolViolation} for every broken rule), or null
 * @param report a readable account: the seed, the failure, the last operations and, for a deadlock,
 *     the threads' states
 */
public record StressResult(long seed, long operations, Throwable failure, String report) {
  public boolean passed() {
    return failure == null;
  }

  /** The broken rule, or null if the run passed or failed with something else. */
  public ProtocolViolation.Rule rule() {
    return failure instanceof ProtocolViolation violation ? violation.rule() : null;
  }
}
