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
    for (Path input : inputs) {
      if (Files.isRegularFile(input)) {
        files.add(input.normalize());
      } else {
        collect(input, files);
      }
    }
    if (files.isEmpty()) {
      throw new UsageException(inputs.get(0) + ": no .java files to check");
    }
    return files.stream().distinct().sorted().toList();
  }

  private static void collect(Path root, List<Path> files) {
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
              return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
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
