package org.aopcheck.core.analysis;

import java.util.Set;
import org.aopcheck.core.ir.Position;

/** What one path knows about one variable. Facts are immutable values. */
public sealed interface Fact {

  /**
   * An int: the atoms it may be, and the operation outcome or constant it came from.
   *
   * @param atoms a non-empty set of atoms
   * @param origin the operation outcome the value is, or null
   * @param constantAt where the value was written as a constant, or null
   */
  record IntFact(Set<IntAtom> atoms, Origin origin, Position constantAt) implements Fact {
    public IntFact {
      atoms = Set.copyOf(atoms);
    }

    IntFact withAtoms(Set<IntAtom> refined) {
      return new IntFact(refined, origin, constantAt);
    }

    IntFact withOrigin(Origin newOrigin) {
      return new IntFact(atoms, newOrigin, constantAt);
    }
  }

  /**
   * A page variable this path knows to be null ({@code p = null}, or the null side of a {@code p ==
   * null} test): it holds no page, owns nothing, and a test {@code p == null} takes only its true
   * side.
   */
  record NullFact() implements Fact {}

  /** A boolean flag whose value this path knows. */
  record FlagFact(boolean value) implements Fact {}

  /**
   * A page.
   *
   * @param lock its lock
   * @param lockCause why, or null
   * @param owned whether this method holds a reference it must account for (a local, or the page
   *     parameter of a method that releases or takes it over), and it has not escaped
   * @param stale the AOP_TRUNCATED_PAGE outcome that made it stale, until it is looked up again; or
   *     null
   * @param firstReleaseSinceStale where it was first released after going stale, or null
   * @param redirtied whether it has been redirtied on this path
   * @param staleUseReported whether a use of the stale page was reported on this path (one finding
   *     per stale page and path: the fix, a new look-up, is the same for every use)
   * @param nonNull whether this path has tested the variable and found it not null (a look-up may
   *     return null: the path splits at the first {@code p == null} test, {@link NullFact} on the
   *     null side)
   */
  record PageFact(
      Lock lock,
      Cause lockCause,
      boolean owned,
      Origin stale,
      Position firstReleaseSinceStale,
      boolean redirtied,
      boolean staleUseReported,
      boolean nonNull)
      implements Fact {

    static PageFact fresh(Lock lock, Cause cause, boolean owned) {
      return new PageFact(lock, cause, owned, null, null, false, false, false);
    }

    PageFact withLock(Lock newLock, Cause cause) {
      return new PageFact(
          newLock,
          cause,
          owned,
          stale,
          firstReleaseSinceStale,
          redirtied,
          staleUseReported,
          nonNull);
    }

    PageFact withStale(Origin truncation) {
      return new PageFact(lock, lockCause, owned, truncation, null, redirtied, false, nonNull);
    }

    PageFact withRelease(Position position) {
      return new PageFact(
          lock, lockCause, owned, stale, position, redirtied, staleUseReported, nonNull);
    }

    PageFact redirty() {
      return new PageFact(
          lock, lockCause, owned, stale, firstReleaseSinceStale, true, staleUseReported, nonNull);
    }

    PageFact escaped() {
      return new PageFact(
          lock,
          lockCause,
          false,
          stale,
          firstReleaseSinceStale,
          redirtied,
          staleUseReported,
          nonNull);
    }

    /**
     * What the end of the method still checks of a page no event will touch again: that an owned
     * page an operation's outcome left locked was unlocked, and that an owned stale page was
     * released. Null when it owes nothing; everything else about it is forgotten, so that paths
     * differing only in a finished page's history merge.
     */
    PageFact owedAtEnd() {
      if (!owned) {
        return null;
      }
      boolean leftLocked =
          lock == Lock.LOCKED && lockCause != null && lockCause.kind() == Cause.Kind.OUTCOME;
      boolean unreleased = stale != null && firstReleaseSinceStale == null;
      if (!leftLocked && !unreleased) {
        return null;
      }
      return new PageFact(
          leftLocked ? lock : Lock.UNKNOWN,
          leftLocked ? lockCause : null,
          true,
          unreleased ? stale : null,
          null,
          false,
          false,
          false);
    }

    PageFact withStaleUseReported() {
      return new PageFact(
          lock, lockCause, owned, stale, firstReleaseSinceStale, redirtied, true, nonNull);
    }

    /** This page on the side of a null test where the variable is not null. */
    PageFact knownNonNull() {
      return new PageFact(
          lock, lockCause, owned, stale, firstReleaseSinceStale, redirtied, staleUseReported, true);
    }
  }
}
