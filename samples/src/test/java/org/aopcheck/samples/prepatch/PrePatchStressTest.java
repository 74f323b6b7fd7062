package org.aopcheck.samples.prepatch;

import static org.aopcheck.vm.ProtocolViolation.Rule.AOP_CODE_ESCAPED;
import static org.aopcheck.vm.ProtocolViolation.Rule.SPURIOUS_FAILURE;
import static org.aopcheck.vm.ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.TRUNCATED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.WRITEPAGE_ACTIVATE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.COMMIT_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.PREPARE_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.READPAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.WRITEPAGE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation.Rule;
import org.aopcheck.vm.drivers.Ramdisk;
import org.aopcheck.vm.fs.ClusterFilesystem;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.fs.Filesystem;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.Shmem;
import org.aopcheck.vm.stress.Stress;
import org.aopcheck.vm.stress.StressConfig;
import org.aopcheck.vm.stress.StressResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference VM's stress test with one pre-patch caller plugged in: it fails with the run-time
 * error that shows why the patch was needed, while the post-patch callers pass the same run. The
 * four functions whose patch only renamed the constant run clean either way.
 */
class PrePatchStressTest {
  private static final PageCacheCallers POST = PageCacheCallers.postPatch();

  /** Filesystems that return the positive codes often: a fault-injecting one and a cluster one. */
  private static List<Filesystem> codeHeavy(long seed, boolean activateOutsideReclaim) {
    FaultSchedule.Builder schedule =
        FaultSchedule.builder(seed)
            .inject(READPAGE, TRUNCATED_PAGE, 0.4)
            .inject(PREPARE_WRITE, TRUNCATED_PAGE, 0.3)
            .inject(COMMIT_WRITE, TRUNCATED_PAGE, 0.3)
            .inject(WRITEPAGE, WRITEPAGE_ACTIVATE, 0.5);
    if (activateOutsideReclaim) {
      schedule.activateOutsideReclaim();
    }
    return List.of(new FaultInjectingFilesystem(schedule.build()), new ClusterFilesystem());
  }

  static Stream<Arguments> failingPrePatchCallers() {
    return Stream.of(
        Arguments.of(
            "do_lo_send_aops",
            POST.withLoopSend(DoLoSendAops::doLoSendAops),
            Set.of(UNLOCK_OF_UNLOCKED_PAGE)),
        Arguments.of(
            "generic_file_buffered_write",
            POST.withBufferedWrite(GenericFileBufferedWrite::genericFileBufferedWrite),
            Set.of(UNLOCK_OF_UNLOCKED_PAGE)),
        Arguments.of(
            "do_generic_mapping_read",
            POST.withMappingRead(DoGenericMappingRead::doGenericMappingRead),
            Set.of(AOP_CODE_ESCAPED, SPURIOUS_FAILURE)),
        Arguments.of(
            "page_cache_read",
            POST.withPageCacheRead(PageCacheRead::pageCacheRead),
            Set.of(AOP_CODE_ESCAPED)),
        Arguments.of(
            "filemap_nopage",
            POST.withNopage(FilemapNopage::filemapNopage),
            Set.of(SPURIOUS_FAILURE)),
        Arguments.of(
            "filemap_getpage",
            POST.withGetpage(FilemapGetpage::filemapGetpage),
            Set.of(SPURIOUS_FAILURE)),
        Arguments.of(
            "mpage_writepages",
            POST.withWritepages(MpageWritepages::mpageWritepages),
            Set.of(AOP_CODE_ESCAPED, SPURIOUS_FAILURE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingPrePatchCallers")
  void prePatchCallerFailsWithItsRule(String function, PageCacheCallers callers, Set<Rule> rules) {
    boolean activateOutsideReclaim = function.equals("mpage_writepages");
    StressConfig config =
        StressConfig.standard().withFilesystems(seed -> codeHeavy(seed, activateOutsideReclaim));
    // The run stops at the first failure; the larger budget only matters if none comes.
    StressResult pre = Stress.run(config.withCallers(callers).withOperationsPerWorker(5000));
    assertTrue(
        !pre.passed() && rules.contains(pre.rule()),
        function + " before the patch should fail with " + rules + "\n" + pre.report());

    StressResult post = Stress.run(config.withCallers(POST));
    assertTrue(post.passed(), post.report());
  }

  /** A filesystem made by {@code create}, for the drivers whose writepage a sample replaces. */
  private static Filesystem decorated(
      String name, boolean truncates, java.util.function.Function<Lru, Inode> create) {
    return new Filesystem() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Inode createFile(Lru lru) {
        return create.apply(lru);
      }

      @Override
      public boolean supportsTruncate() {
        return truncates;
      }

      @Override
      public boolean pageCacheIsStorage() {
        return true;
      }
    };
  }

  static Stream<Arguments> renamedOnly() {
    UnaryOperator<AddressSpaceOperations> ramdiskWritepage = RamdiskWritepage::new;
    UnaryOperator<AddressSpaceOperations> shmemWritepage = ShmemWritepage::new;
    return Stream.of(
        Arguments.of("read_pages", POST.withReadPages(ReadPages::readPages), null),
        Arguments.of("pageout", POST.withPageout(Pageout::pageout), null),
        Arguments.of(
            "ramdisk_writepage",
            POST,
            decorated(
                "ramdisk (2.6.14 writepage)",
                false,
                lru -> new Ramdisk(8L * Page.SIZE).createFile(lru, ramdiskWritepage))),
        Arguments.of(
            "shmem_writepage",
            POST,
            decorated(
                "tmpfs (2.6.14 writepage)",
                true,
                lru -> new Shmem(8).createFile(lru, shmemWritepage))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renamedOnly")
  void prePatchFormOnlyRenamedPassesLikeThePostPatchForm(
      String function, PageCacheCallers callers, Filesystem extra) {
    StressConfig config =
        StressConfig.standard()
            .withCallers(callers)
            .withFilesystems(
                seed -> {
                  List<Filesystem> filesystems = new java.util.ArrayList<>(codeHeavy(seed, false));
                  filesystems.add(extra != null ? extra : new Ramdisk(8L * Page.SIZE));
                  return filesystems;
                });
    StressResult result = Stress.run(config);
    assertTrue(result.passed(), function + "\n" + result.report());
  }
}
