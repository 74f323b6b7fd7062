package org.aopcheck.stubs;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The contracts that stub files give to methods of unannotated APIs: for a method named by
 * (declaring type, name, erased parameter types), the aopcheck annotations a stub file puts on it.
 * Immutable; independent of javac and of the engine.
 *
 * <p>Stub files use the Checker Framework's format (Java declarations with method bodies replaced
 * by {@code ;}, several packages per file allowed) and are described in {@code docs/stubs.md}.
 *
 * <pre>{@code
 * StubContracts stubs = StubContracts.load(List.of(Path.of("stubs/ext4.astub")));
 * Optional<MethodAnnotations> readpage =
 *     stubs.find("org.example.ext4.Ext4Aops", "readpage",
 *         List.of("java.io.File", "org.example.ext4.Ext4Page"));
 * }</pre>
 */
public final class StubContracts {
  private static final StubContracts EMPTY = new StubContracts(List.of(), Map.of());

  private final List<Path> files;
  private final Map<MethodKey, MethodAnnotations> methods;

  private StubContracts(List<Path> files, Map<MethodKey, MethodAnnotations> methods) {
    this.files = List.copyOf(files);
    this.methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
  }

  /** No stub files. */
  public static StubContracts empty() {
    return EMPTY;
  }

  /**
   * Reads the stub files, in order. A path naming a folder stands for every {@code .astub} file
   * under it, in the order of their paths.
   *
   * @throws StubFileException for the first file that is missing, unreadable or wrong, with a
   *     one-line message naming the file and the line; also when two files describe the same method
   */
  public static StubContracts load(List<Path> paths) throws StubFileException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(stubFiles(path));
    }
    Map<MethodKey, MethodAnnotations> methods = new LinkedHashMap<>();
    for (Path file : files) {
      for (MethodAnnotations method : StubFileReader.read(file.toString(), readText(file))) {
        MethodAnnotations previous = methods.putIfAbsent(method.method(), method);
        if (previous != null) {
          throw new StubFileException(
              file.toString(),
              method.line(),
              method.method() + " is already described at " + previous.source());
        }
      }
    }
    return new StubContracts(files, methods);
  }

  /**
   * The annotations a stub puts on the method, if any stub describes it with at least one aopcheck
   * annotation.
   *
   * @param declaringType canonical name of the declaring type ({@code a.b.Outer.Inner})
   * @param methodName the method's simple name
   * @param parameterTypes erased parameter types as canonical names, primitives or arrays ({@code
   *     T[]}, also for varargs); see {@link MethodKey}
   */
  public Optional<MethodAnnotations> find(
      String declaringType, String methodName, List<String> parameterTypes) {
    return find(new MethodKey(declaringType, methodName, parameterTypes));
  }

  /** The annotations a stub puts on the method, if any. */
  public Optional<MethodAnnotations> find(MethodKey method) {
    return Optional.ofNullable(methods.get(method));
  }

  /** Every method described, in the order the files were read. */
  public Collection<MethodAnnotations> methods() {
    return methods.values();
  }

  /** The stub files read, folders expanded, in order. */
  public List<Path> files() {
    return files;
  }

  private static List<Path> stubFiles(Path path) throws StubFileException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(
              p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".astub"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new StubFileException(path.toString(), "cannot list stub folder: " + e.getMessage());
    }
  }

  private static String readText(Path file) throws StubFileException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      // A relative path is resolved against the directory the compiler was started in (for Maven,
      // where `mvn` ran, not the module): show where it was looked for.
      Path resolved = file.toAbsolutePath().normalize();
      throw new StubFileException(
          file.toString(),
          "no such stub file or folder"
              + (resolved.toString().equals(file.toString())
                  ? ""
                  : " (looked for " + resolved + ")"));
    } catch (AccessDeniedException e) {
      throw new StubFileException(file.toString(), "cannot read stub file: permission denied");
    } catch (CharacterCodingException e) {
      throw new StubFileException(file.toString(), "not UTF-8 text");
    } catch (IOException e) {
      throw new StubFileException(file.toString(), "cannot read stub file: " + e.getMessage());
    }
  }
}
