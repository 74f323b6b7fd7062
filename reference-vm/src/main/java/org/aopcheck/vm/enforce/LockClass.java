package org.aopcheck.vm.enforce;

/**
 * A lock class in the lockdep sense: all locks of one kind (every page lock; every {@code i_sem};
 * the cluster lock of one filesystem instance) share one class, and lock order is tracked between
 * classes, not instances.
 */
public final class LockClass {
  private final String name;

  public LockClass(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
