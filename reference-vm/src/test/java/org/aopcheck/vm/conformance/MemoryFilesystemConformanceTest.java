package org.aopcheck.vm.conformance;

import org.aopcheck.vm.fs.Filesystem;
import org.aopcheck.vm.fs.MemoryFilesystem;

/** The JUnit 5 entry point, as a filesystem author uses it: one dynamic test per rule. */
class MemoryFilesystemConformanceTest extends FilesystemConformanceTest {
  @Override
  protected Filesystem filesystem() {
    return new MemoryFilesystem();
  }
}
