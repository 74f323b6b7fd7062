package org.aopcheck.core.finding;

import java.util.List;
import org.aopcheck.core.Check;
import org.aopcheck.core.ir.Position;

/**
 * One thing a check found: which check, the stable message key and its arguments, where, and the
 * path of steps that leads there.
 */
public record Finding(
    Check check, MessageKey key, Position position, List<Object> arguments, List<PathStep> path) {

  public Finding {
    if (key.check() != check) {
      throw new IllegalArgumentException(key + " belongs to " + key.check() + ", not " + check);
    }
    arguments = List.copyOf(arguments);
    path = List.copyOf(path);
  }

  /** A finding of the key's own check. */
  public static Finding of(
      MessageKey key, Position position, List<Object> arguments, List<PathStep> path) {
    return new Finding(key.check(), key, position, arguments, path);
  }

  /** The rendered message. */
  public String message() {
    return key.render(arguments.toArray());
  }

  @Override
  public String toString() {
    return check.checkName() + "@" + position + ": " + message();
  }
}
