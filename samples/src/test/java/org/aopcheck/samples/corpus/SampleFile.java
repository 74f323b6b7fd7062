package org.aopcheck.samples.corpus;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One file of the corpus: where it comes from ({@link SourceSet}), the case it belongs to, and
 * whether it is a buggy or a correct form.
 */
record SampleFile(SourceSet sourceSet, Path root, Path path) {
  /** The source roots the corpus test reads, and what each must give. */
  enum SourceSet {
    /** {@code samples/src/corpus/java}: buggy forms and pre-patch call sites, with markers. */
    CORPUS("aopcheck.samples.corpus"),
    /** {@code samples/src/main/java}: fixed forms and the samples' model; no finding. */
    FIXED("aopcheck.samples.fixed"),
    /** {@code reference-vm/src/main/java}: the post-patch callers; no finding. */
    POST_PATCH("aopcheck.samples.postPatch");

    private final String property;

    SourceSet(String property) {
      this.property = property;
    }

    /** The root directory, from the system property the build sets. */
    Path root() {
      String value = System.getProperty(property);
      if (value == null) {
        throw new IllegalStateException(
            "system property " + property + " is not set: run the corpus test through Maven");
      }
      return Path.of(value).toAbsolutePath().normalize();
    }
  }

  /** The path below the source root, with '/' separators. */
  String relativePath() {
    return root.relativize(path).toString().replace('\\', '/');
  }

  /**
   * The case this file belongs to: {@code K04}, {@code L2}, {@code prepatch}, {@code
   * variants/<kind>}, {@code model}, or {@code post-patch}.
   */
  String caseName() {
    if (sourceSet == SourceSet.POST_PATCH) {
      return "post-patch";
    }
    String[] segments = relativePath().split("/");
    // org/aopcheck/samples/<group>/<case>/File.java
    String group = segments.length > 4 ? segments[3] : "";
    String kase = segments.length > 5 ? segments[4] : "";
    switch (group) {
      case "cases":
        return kase.isEmpty() || kase.endsWith(".java") ? "cases" : kase.toUpperCase(Locale.ROOT);
      case "variants":
        return kase.isEmpty() || kase.endsWith(".java") ? "variants" : "variants/" + kase;
      default:
        return group.endsWith(".java") ? "samples" : group;
    }
  }

  /** Whether this is a buggy form: a corpus file (buggy forms and pre-patch call sites). */
  boolean buggy() {
    return sourceSet == SourceSet.CORPUS;
  }

  /** The file name without {@code .java}. */
  String className() {
    String name = path.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }

  @Override
  public String toString() {
    return sourceSet.name().toLowerCase(Locale.ROOT) + ":" + relativePath();
  }
}
