package org.aopcheck.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code .java} files to check under the given inputs.
 *
 * <p>A directory contributes every {@code .java} file below it except build output ({@code
 * target/}), tests ({@code src/test/}, which need test libraries on the classpath), hidden folders,
 * and nested Maven projects (a folder with its own {@code pom.xml} below the input), which are
 * checked by their own build. Files come back sorted so that identical input gives identical
 * output.
 */
final class SourceTree {
  private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules");

  private SourceTree() {}

  static List<Path> javaFiles(List<Path> inputs) throws UsageException {
    List<Path> files = new ArrayList<>();
    List<Path> skippedFolders = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isRegularFile(input)) {
        files.add(input.normalize());
      } else {
        collect(input, files, skippedFolders);
      }
    }
    if (files.isEmpty()) {
      throw new UsageException(
          inputs.get(0) + ": no .java files to check" + skipped(skippedFolders));
    }
    return files.stream().distinct().sorted().toList();
  }

  /** Names the skipped folders that hold Java files, so that an empty result is not a mystery. */
  private static String skipped(List<Path> skippedFolders) {
    List<String> withJava = new ArrayList<>();
    for (Path folder : skippedFolders) {
      try (java.util.stream.Stream<Path> below = Files.walk(folder)) {
        if (below.anyMatch(path -> path.toString().endsWith(".java"))) {
          withJava.add(folder + "/");
        }
      } catch (IOException e) {
        // An unreadable folder is simply not named.
      }
    }
    if (withJava.isEmpty()) {
      return "";
    }
    return " (skipped, as tests, build output or nested Maven projects: "
        + String.join(", ", withJava.subList(0, Math.min(withJava.size(), 6)))
        + (withJava.size() > 6 ? ", ..." : "")
        + ")";
  }

  private static void collect(Path root, List<Path> files, List<Path> skippedFolders) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(
                Path directory, BasicFileAttributes attributes) {
              if (directory.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String name = directory.getFileName().toString();
              boolean skipped =
                  name.startsWith(".")
                      || SKIPPED_FOLDERS.contains(name)
                      || (name.equals("test")
                          && directory.getParent().getFileName().toString().equals("src"))
                      || Files.isRegularFile(directory.resolve("pom.xml"));
              if (skipped) {
                skippedFolders.add(directory);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (file.getFileName().toString().endsWith(".java")) {
                files.add(file.normalize());
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
