package org.aopcheck.vm.mm;

import java.util.List;
import java.util.Objects;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.drivers.BioVec;
import org.aopcheck.vm.drivers.DoLoSendAops;
import org.aopcheck.vm.drivers.LoopDevice;

/**
 * The callers of the address-space operations that the 2005 patch changed, as pluggable entry
 * points: {@link #postPatch()} wires the reference VM's own (post-patch) callers, and any one of
 * them can be replaced, for example by its pre-patch form, with the {@code with...} methods. {@link
 * SystemCalls}, the scenario tests and the stress harness call the page cache only through a {@code
 * PageCacheCallers}, so a replaced caller is exercised under the same load.
 *
 * <p>Each interface has the shape of the kernel function it stands for. Replacing one entry point
 * does not rewire the others' internal calls (the post-patch {@code filemap_nopage} still calls the
 * post-patch {@code page_cache_read}), except where a function takes its callee as a parameter
 * ({@link ShrinkList} takes the {@link Pageout} to use).
 */
public record PageCacheCallers(
    MappingRead mappingRead,
    PageCacheRead pageCacheRead,
    Nopage nopage,
    Getpage getpage,
    BufferedWrite bufferedWrite,
    ReadPages readPages,
    Writepages writepages,
    Pageout pageout,
    ShrinkList shrinkList,
    LoopSend loopSend) {

  /** {@code mm/filemap.c do_generic_mapping_read}: reads from {@code *ppos} into {@code desc}. */
  @FunctionalInterface
  public interface MappingRead {
    void doGenericMappingRead(OpenFile filp, FilePosition ppos, ReadDescriptor desc);
  }

  /**
   * {@code mm/filemap.c page_cache_read}: reads the page at {@code offset} into the cache; returns
   * 0 or a negative errno (the post-patch form never returns a positive code).
   */
  @FunctionalInterface
  public interface PageCacheRead {
    int pageCacheRead(OpenFile file, long offset);
  }

  /**
   * {@code mm/filemap.c filemap_nopage}: the uptodate page at {@code pgoff} with a reference for
   * the caller (who releases it), or null for SIGBUS or out of memory.
   */
  @FunctionalInterface
  public interface Nopage {
    Page filemapNopage(VmArea area, long pgoff);
  }

  /**
   * {@code mm/filemap.c filemap_getpage}: as {@link Nopage} for {@code filemap_populate}; null if
   * the page is not available (or, with {@code nonblock}, not at once).
   */
  @FunctionalInterface
  public interface Getpage {
    Page filemapGetpage(OpenFile file, long pgoff, boolean nonblock);
  }

  /**
   * {@code mm/filemap.c generic_file_buffered_write}: writes {@code count} bytes of {@code buf},
   * starting {@code written} bytes in, at {@code pos}; the caller holds {@code i_sem}. Returns the
   * bytes written (including {@code written}) or, if none, a negative errno.
   */
  @FunctionalInterface
  public interface BufferedWrite {
    long genericFileBufferedWrite(
        OpenFile file, byte[] buf, long pos, FilePosition ppos, long count, long written);
  }

  /**
   * {@code mm/readahead.c read_pages}: adds each of the first {@code nrPages} pages of {@code
   * pages} (fresh pages with their index set, each with one reference) to the cache and starts
   * reading it.
   */
  @FunctionalInterface
  public interface ReadPages {
    int readPages(AddressSpace mapping, OpenFile filp, List<Page> pages, int nrPages);
  }

  /** {@code fs/mpage.c mpage_writepages} with {@code get_block == NULL}: writes dirty pages. */
  @FunctionalInterface
  public interface Writepages {
    int mpageWritepages(AddressSpace mapping, WritebackControl wbc);
  }

  /** {@code mm/vmscan.c pageout}: writes out a dirty page that reclaim holds locked. */
  @FunctionalInterface
  public interface Pageout {
    PageoutResult pageout(Page page, AddressSpace mapping);
  }

  /**
   * {@code mm/vmscan.c shrink_list}: tries to free the isolated pages of {@code pageList} (each
   * with an isolation reference), writing dirty ones with {@code pageout}; freed pages are removed
   * from the list and their reference dropped. Returns the number freed.
   */
  @FunctionalInterface
  public interface ShrinkList {
    int shrinkList(List<Page> pageList, ScanControl sc, Pageout pageout);
  }

  /** {@code drivers/block/loop.c do_lo_send_aops}: writes a segment to the backing file. */
  @FunctionalInterface
  public interface LoopSend {
    int doLoSendAops(LoopDevice lo, BioVec bvec, int bsize, long pos);
  }

  public PageCacheCallers {
    Objects.requireNonNull(mappingRead, "mappingRead");
    Objects.requireNonNull(pageCacheRead, "pageCacheRead");
    Objects.requireNonNull(nopage, "nopage");
    Objects.requireNonNull(getpage, "getpage");
    Objects.requireNonNull(bufferedWrite, "bufferedWrite");
    Objects.requireNonNull(readPages, "readPages");
    Objects.requireNonNull(writepages, "writepages");
    Objects.requireNonNull(pageout, "pageout");
    Objects.requireNonNull(shrinkList, "shrinkList");
    Objects.requireNonNull(loopSend, "loopSend");
  }

  /** The reference VM's callers: every function as the 2005 patch (and the later fixes) left it. */
  public static PageCacheCallers postPatch() {
    return new PageCacheCallers(
        DoGenericMappingRead::doGenericMappingRead,
        FilemapPageCacheRead::pageCacheRead,
        FilemapNopage::filemapNopage,
        FilemapGetpage::filemapGetpage,
        GenericFileBufferedWrite::genericFileBufferedWrite,
        ReadaheadReadPages::readPages,
        MpageWritepages::mpageWritepages,
        VmscanPageout::pageout,
        VmscanShrinkList::shrinkList,
        DoLoSendAops::doLoSendAops);
  }

  public PageCacheCallers withMappingRead(MappingRead replacement) {
    return new PageCacheCallers(
        replacement,
        pageCacheRead,
        nopage,
        getpage,
        bufferedWrite,
        readPages,
        writepages,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withPageCacheRead(PageCacheRead replacement) {
    return new PageCacheCallers(
        mappingRead,
        replacement,
        nopage,
        getpage,
        bufferedWrite,
        readPages,
        writepages,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withNopage(Nopage replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        replacement,
        getpage,
        bufferedWrite,
        readPages,
        writepages,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withGetpage(Getpage replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        replacement,
        bufferedWrite,
        readPages,
        writepages,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withBufferedWrite(BufferedWrite replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        getpage,
        replacement,
        readPages,
        writepages,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withReadPages(ReadPages replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        getpage,
        bufferedWrite,
        replacement,
        writepages,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withWritepages(Writepages replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        getpage,
        bufferedWrite,
        readPages,
        replacement,
        pageout,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withPageout(Pageout replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        getpage,
        bufferedWrite,
        readPages,
        writepages,
        replacement,
        shrinkList,
        loopSend);
  }

  public PageCacheCallers withShrinkList(ShrinkList replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        getpage,
        bufferedWrite,
        readPages,
        writepages,
        pageout,
        replacement,
        loopSend);
  }

  public PageCacheCallers withLoopSend(LoopSend replacement) {
    return new PageCacheCallers(
        mappingRead,
        pageCacheRead,
        nopage,
        getpage,
        bufferedWrite,
        readPages,
        writepages,
        pageout,
        shrinkList,
        replacement);
  }
}
