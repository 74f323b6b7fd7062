package org.aopcheck.vm.fs;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded, reproducible schedule of injected outcomes for {@link FaultInjectingFilesystem}: the
 * outcome of the n-th call of an operation on a page of a file is a pure function of the seed, the
 * operation, the file's number within the filesystem, the page index and n, so a single-threaded
 * run replays exactly and a multi-threaded one injects the same outcomes per page.
 */
public final class FaultSchedule {
  /** The operations that can be scheduled. */
  public enum Operation {
    READPAGE(0),
    PREPARE_WRITE(1),
    COMMIT_WRITE(2),
    WRITEPAGE(3);

    /** Mixed into each draw: fixed, so that a recorded seed replays the same schedule. */
    private final int seedSalt;

    Operation(int seedSalt) {
      this.seedSalt = seedSalt;
    }
  }

  /** An outcome to inject instead of doing the work. */
  public enum Injected {
    /** Do the work and return 0. */
    NONE,
    /** Unlock the page and return AOP_TRUNCATED_PAGE (readpage, prepare_write, commit_write). */
    TRUNCATED_PAGE,
    /** Redirty the page and return AOP_WRITEPAGE_ACTIVATE with it locked (writepage). */
    WRITEPAGE_ACTIVATE,
    /** Fail with a negative errno, leaving the page as the contract says for errors. */
    ERROR
  }

  private final long seed;
  private final Map<Operation, Map<Injected, Double>> probabilities =
      new EnumMap<>(Operation.class);
  private final boolean activateOutsideReclaim;
  private final Map<Operation, Injected[]> sequences = new EnumMap<>(Operation.class);
  private final Map<String, AtomicInteger> callCounts = new ConcurrentHashMap<>();
  private final Map<Operation, Map<Injected, AtomicLong>> injectedCounts =
      new EnumMap<>(Operation.class);

  private FaultSchedule(Builder builder) {
    this.seed = builder.seed;
    builder.probabilities.forEach(
        (operation, weights) -> probabilities.put(operation, new EnumMap<>(weights)));
    this.activateOutsideReclaim = builder.activateOutsideReclaim;
    this.sequences.putAll(builder.sequences);
    for (Operation operation : Operation.values()) {
      Map<Injected, AtomicLong> counts = new EnumMap<>(Injected.class);
      for (Injected injected : Injected.values()) {
        counts.put(injected, new AtomicLong());
      }
      injectedCounts.put(operation, counts);
    }
  }

  /** A schedule that injects nothing until configured. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /**
   * The default stress schedule: only the positive codes, which a correct caller must absorb
   * without any visible effect (AOP_TRUNCATED_PAGE from the three operations, and
   * AOP_WRITEPAGE_ACTIVATE from writepage for reclaim).
   */
  public static FaultSchedule positiveCodesOnly(long seed) {
    return builder(seed)
        .inject(Operation.READPAGE, Injected.TRUNCATED_PAGE, 0.25)
        .inject(Operation.PREPARE_WRITE, Injected.TRUNCATED_PAGE, 0.2)
        .inject(Operation.COMMIT_WRITE, Injected.TRUNCATED_PAGE, 0.2)
        .inject(Operation.WRITEPAGE, Injected.WRITEPAGE_ACTIVATE, 0.4)
        .build();
  }

  public long seed() {
    return seed;
  }

  /** Whether AOP_WRITEPAGE_ACTIVATE is also returned to callers other than reclaim (K07). */
  public boolean activateOutsideReclaim() {
    return activateOutsideReclaim;
  }

  /**
   * The outcome of the next call of {@code operation} on page {@code index} of file {@code file}.
   */
  Injected next(Operation operation, int file, long index, boolean forReclaim) {
    String key = operation + "/" + file + "/" + index;
    int call = callCounts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    Injected[] sequence = sequences.get(operation);
    if (sequence != null && call < sequence.length) {
      return count(operation, allowed(sequence[call], forReclaim));
    }
    Map<Injected, Double> weights = probabilities.get(operation);
    if (weights == null) {
      return count(operation, Injected.NONE);
    }
    long mixed = seed;
    mixed = mixed * 31 + operation.seedSalt;
    mixed = mixed * 1_000_003 + file;
    mixed = mixed * 1_000_003 + index;
    mixed = mixed * 1_000_003 + call;
    double draw = new SplittableRandom(mixed).nextDouble();
    Injected chosen = Injected.NONE;
    double cumulative = 0;
    for (Injected candidate : Injected.values()) {
      cumulative += weights.getOrDefault(candidate, 0.0);
      if (draw < cumulative) {
        chosen = candidate;
        break;
      }
    }
    return count(operation, allowed(chosen, forReclaim));
  }

  private Injected allowed(Injected chosen, boolean forReclaim) {
    if (chosen == Injected.WRITEPAGE_ACTIVATE && !forReclaim && !activateOutsideReclaim) {
      return Injected.NONE;
    }
    return chosen;
  }

  private Injected count(Operation operation, Injected chosen) {
    injectedCounts.get(operation).get(chosen).incrementAndGet();
    return chosen;
  }

  /** How many times {@code injected} was chosen for {@code operation} so far. */
  public long injectedCount(Operation operation, Injected injected) {
    return injectedCounts.get(operation).get(injected).get();
  }

  /** Builds a {@link FaultSchedule}. */
  public static final class Builder {
    private final long seed;
    private final Map<Operation, Map<Injected, Double>> probabilities =
        new EnumMap<>(Operation.class);
    private boolean activateOutsideReclaim;
    private final Map<Operation, Injected[]> sequences = new EnumMap<>(Operation.class);

    private Builder(long seed) {
      this.seed = seed;
    }

    /**
     * Injects {@code injected} on the first {@code calls} calls of {@code operation} for each page
     * (before any probabilistic injection): a fully deterministic schedule for scenario tests.
     */
    public Builder injectFirst(Operation operation, Injected injected, int calls) {
      Injected[] sequence = new Injected[calls];
      java.util.Arrays.fill(sequence, injected);
      return sequence(operation, sequence);
    }

    /**
     * The n-th call of {@code operation} on each page gets {@code outcomes[n]}; later calls follow
     * the probabilities (none by default).
     */
    public Builder sequence(Operation operation, Injected... outcomes) {
      for (Injected outcome : outcomes) {
        validate(operation, outcome);
      }
      sequences.put(operation, outcomes.clone());
      return this;
    }

    /**
     * Injects {@code injected} on a fraction {@code probability} of the calls of {@code operation}.
     */
    public Builder inject(Operation operation, Injected injected, double probability) {
      validate(operation, injected);
      probabilities
          .computeIfAbsent(operation, k -> new EnumMap<>(Injected.class))
          .put(injected, probability);
      return this;
    }

    private static void validate(Operation operation, Injected injected) {
      Objects.requireNonNull(injected);
      boolean allowed =
          switch (injected) {
            case NONE, ERROR -> true;
            case TRUNCATED_PAGE -> operation != Operation.WRITEPAGE;
            case WRITEPAGE_ACTIVATE -> operation == Operation.WRITEPAGE;
          };
      if (!allowed) {
        throw new IllegalArgumentException(operation + " may not return " + injected);
      }
    }

    /** Also return AOP_WRITEPAGE_ACTIVATE to writeback, as 2.6.14 tmpfs did (KERNEL-CASES K07). */
    public Builder activateOutsideReclaim() {
      this.activateOutsideReclaim = true;
      return this;
    }

    public FaultSchedule build() {
      return new FaultSchedule(this);
    }
  }
}
