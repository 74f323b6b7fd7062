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

  /** A boolean flag whose value this path knows. */
  record FlagFact(boolean value) implements Fact {}

  /**
   * A page.
   *
   * @param lock its lock
   * @param lockCause why, or null
   * @param owned whether this method holds a reference it must account for (a local, or the page
   *     parameter of a method that releases or takes it over), and it has not escaped
   * @param stale the AOP_TRUNCATED_PAGE outcome that made it stale, until it is looked up again;
   *     or null
   * @param firstReleaseSinceStale where it was first released after going stale, or null
   * @param redirtied whether it has been redirtied on this path
   */
  record PageFact(
      Lock lock,
      Cause lockCause,
      boolean owned,
      Origin stale,
      Position firstReleaseSinceStale,
      boolean redirtied)
      implements Fact {

    static PageFact fresh(Lock lock, Cause cause, boolean owned) {
      return new PageFact(lock, cause, owned, null, null, false);
    }

    PageFact withLock(Lock newLock, Cause cause) {
      return new PageFact(newLock, cause, owned, stale, firstReleaseSinceStale, redirtied);
    }

    PageFact withStale(Origin truncation) {
      return new PageFact(lock, lockCause, owned, truncation, null, redirtied);
    }

    PageFact withRelease(Position position) {
      return new PageFact(lock, lockCause, owned, stale, position, redirtied);
    }

    PageFact redirty() {
      return new PageFact(lock, lockCause, owned, stale, firstReleaseSinceStale, true);
    }

    PageFact escaped() {
      return new PageFact(lock, lockCause, false, stale, firstReleaseSinceStale, redirtied);
    }
  }
}
