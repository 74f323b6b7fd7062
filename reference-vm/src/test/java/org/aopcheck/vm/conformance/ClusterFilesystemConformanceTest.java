package org.aopcheck.vm.conformance;

import org.aopcheck.vm.fs.ClusterFilesystem;
import org.aopcheck.vm.fs.Filesystem;

/** The JUnit 5 entry point on the cluster filesystem. */
class ClusterFilesystemConformanceTest extends FilesystemConformanceTest {
  @Override
  protected Filesystem filesystem() {
    return new ClusterFilesystem();
  }
}
