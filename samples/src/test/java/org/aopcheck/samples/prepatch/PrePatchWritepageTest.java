package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertFailsWith;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertPasses;
import static org.aopcheck.samples.prepatch.PrePatchScenarios.POST;
import static org.aopcheck.vm.ProtocolViolation.Rule.AOP_CODE_ESCAPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.enforce.VmOperation;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.junit.jupiter.api.Test;

/**
 * The writepage paths: mpage_writepages before the patch mishandles AOP_WRITEPAGE_ACTIVATE
 * (KERNEL-CASES K04 and K05); ramdisk_writepage, shmem_writepage and pageout changed only the
 * constant's name and behave exactly as their post-patch forms.
 */
class PrePatchWritepageTest {
  @Test
  void mpageWritepagesReturnsTheCodeToMsync() {
    PageCacheCallers pre = POST.withWritepages(MpageWritepages::mpageWritepages);
    assertFailsWith(AOP_CODE_ESCAPED, () -> PrePatchScenarios.fsyncDirtyFileActivatingOnce(pre));
    assertPasses(() -> PrePatchScenarios.fsyncDirtyFileActivatingOnce(POST));
  }

  @Test
  void mpageWritepagesRecordsTheCodeAsAnErrorAndStopsEarly() {
    OpenFile file = PrePatchScenarios.dirtyFileActivatingOnce();
    AddressSpace mapping = file.mapping();
    int ret = VmOperation.run("msync", () -> MpageWritepages.mpageWritepages(mapping, wholeFile()));
    assertEquals(AopCodes.AOP_WRITEPAGE_ACTIVATE, ret, "K04");
    assertEquals(-Errno.EIO, mapping.takeError(), "K05: a spurious -EIO for the next fsync");
    long stillDirty = mapping.pagesSnapshot().stream().filter(Page::isDirty).count();
    assertEquals(3, stillDirty, "the loop stopped after the first page");

    OpenFile same = PrePatchScenarios.dirtyFileActivatingOnce();
    int postRet =
        VmOperation.run(
            "msync", () -> POST.writepages().mpageWritepages(same.mapping(), wholeFile()));
    assertEquals(0, postRet);
    assertEquals(0, same.mapping().takeError());
  }

  @Test
  void pageoutBehavesLikeThePostPatchForm() {
    assertPasses(() -> PrePatchScenarios.reclaimRamdisk(POST.withPageout(Pageout::pageout), null));
    assertPasses(() -> PrePatchScenarios.reclaimRamdisk(POST, null));
  }

  @Test
  void ramdiskWritepageBehavesLikeThePostPatchForm() {
    assertPasses(() -> PrePatchScenarios.reclaimRamdisk(POST, RamdiskWritepage::new));
    assertPasses(() -> PrePatchScenarios.reclaimRamdisk(POST, null));
  }

  @Test
  void shmemWritepageBehavesLikeThePostPatchForm() {
    assertPasses(() -> PrePatchScenarios.reclaimTmpfsWithOneSwapSlot(ShmemWritepage::new));
    assertPasses(() -> PrePatchScenarios.reclaimTmpfsWithOneSwapSlot(null));
  }

  @Test
  void everySiteFailsOrBehavesLikeItsPostPatchForm() {
    // What the corpus table reports: the eight sites the patch fixed fail, the four it only
    // renamed behave as their post-patch forms; every post-patch form passes.
    Set<String> renamedOnly = Set.of("ReadPages", "Pageout", "RamdiskWritepage", "ShmemWritepage");
    assertEquals(11, PrePatchScenarios.sites().size(), "eleven classes hold the twelve call sites");
    for (PrePatchScenarios.Site site : PrePatchScenarios.sites()) {
      PrePatchScenarios.Outcome post = site.runPostPatch();
      assertTrue(post.passed(), site.postPatchClass() + " (post-patch): " + post.summary());
      PrePatchScenarios.Outcome pre = site.runPrePatch();
      assertEquals(
          renamedOnly.contains(site.prePatchClass()),
          pre.passed(),
          site.prePatchClass() + " (pre-patch): " + pre.summary());
    }
  }

  private static WritebackControl wholeFile() {
    WritebackControl wbc = new WritebackControl();
    wbc.syncMode = WritebackControl.SyncMode.ALL;
    return wbc;
  }
}
