package org.aopcheck.stubs;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.BestEffort;
import org.aopcheck.annotations.Locks;
import org.aopcheck.annotations.LooksUp;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.PageState;
import org.aopcheck.annotations.Redirties;
import org.aopcheck.annotations.Releases;
import org.aopcheck.annotations.TakesOver;
import org.aopcheck.annotations.Unlocks;

/**
 * The types of the annotations jar a stub file may name, taken from the jar itself so that the
 * names cannot drift, and the "did you mean" suggestion for a misspelt one.
 */
final class AopVocabulary {
  /** {@code org.aopcheck.annotations}. */
  static final String PACKAGE = PageOperation.class.getPackageName();

  /** Every contract annotation, in the order of the annotations jar's documentation. */
  static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(
          PageOperation.class,
          MayReturn.class,
          PageParameter.class,
          LooksUp.class,
          Locks.class,
          Unlocks.class,
          Releases.class,
          Redirties.class,
          TakesOver.class,
          BestEffort.class);

  /** The enums whose constants are element values. */
  static final List<Class<? extends Enum<?>>> ENUMS = List.of(AopCode.class, PageState.class);

  static Optional<Class<? extends Annotation>> annotation(String simpleName) {
    return ANNOTATIONS.stream().filter(a -> a.getSimpleName().equals(simpleName)).findFirst();
  }

  static Optional<Class<? extends Enum<?>>> enumType(String simpleName) {
    return ENUMS.stream().filter(e -> e.getSimpleName().equals(simpleName)).findFirst();
  }

  /** An annotation or enum of the jar by simple name. */
  static Optional<Class<?>> type(String simpleName) {
    Optional<Class<?>> annotation = annotation(simpleName).map(a -> a);
    return annotation.isPresent() ? annotation : enumType(simpleName).map(e -> e);
  }

  static List<String> annotationNames() {
    return ANNOTATIONS.stream().map(Class::getSimpleName).collect(Collectors.toList());
  }

  static List<String> enumNames() {
    return ENUMS.stream().map(Class::getSimpleName).collect(Collectors.toList());
  }

  static List<String> typeNames() {
    List<String> names = new ArrayList<>(annotationNames());
    ENUMS.forEach(e -> names.add(e.getSimpleName()));
    return names;
  }

  static List<String> constantNames(Class<? extends Enum<?>> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
  }

  static Optional<Enum<?>> constant(Class<? extends Enum<?>> enumType, String name) {
    return Arrays.stream(enumType.getEnumConstants())
        .filter(c -> c.name().equals(name))
        .<Enum<?>>map(c -> c)
        .findFirst();
  }

  /**
   * The candidate a misspelling most likely meant: the same ignoring case, at most two edits away,
   * or (for names of four letters or more) the start of the candidate; empty if none is that close.
   */
  static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance =
          editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || best.equals(name)) {
      return Optional.empty();
    }
    boolean close = bestDistance == 0 || (name.length() >= 4 && bestDistance <= 2);
    if (close) {
      return Optional.of(best);
    }
    if (name.length() >= 4) {
      String lowerName = name.toLowerCase(Locale.ROOT);
      for (String candidate : candidates) {
        if (candidate.toLowerCase(Locale.ROOT).startsWith(lowerName)) {
          return Optional.of(candidate); // a shortened name, TRUNCATED for TRUNCATED_PAGE
        }
      }
    }
    return Optional.empty();
  }

  /** " (did you mean X?)", or nothing. */
  static String didYouMean(String name, Collection<String> candidates, String prefix) {
    return closest(name, candidates).map(c -> " (did you mean " + prefix + c + "?)").orElse("");
  }

  /** Levenshtein distance. */
  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private AopVocabulary() {}
}
