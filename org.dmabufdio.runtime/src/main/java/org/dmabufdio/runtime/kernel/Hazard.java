package org.dmabufdio.runtime.kernel;

/** What upstream reviewers warned about, reported as findings rather than crashes. */
public enum Hazard {
	/** GUP pinned a page the dma-buf exporter owns (the pin can outlive its ownership). */
	PINNED_DMABUF_PAGE("pinned_dmabuf_page", "GUP pinned a page the dma-buf exporter owns"),
	/** A dma-buf was released while some of its pages were still pinned. */
	PINNED_AT_RELEASE("pinned_at_release", "a dma-buf was released while its pages were pinned"),
	/** dma-buf pages were counted in a process's RSS. */
	DMABUF_IN_RSS("dmabuf_in_rss", "dma-buf pages counted in a process's RSS"),
	/** dma-buf pages were given an rmap or put on an LRU, like page-cache pages. */
	DMABUF_ON_LRU_OR_RMAP("dmabuf_rmap", "dma-buf pages given an rmap or put on an LRU"),
	/** check_mm() found an RSS counter left non-zero at exit ("Bad rss-counter state"). */
	BAD_RSS_COUNTER("bad_rss_counter", "check_mm(): an RSS counter left non-zero at exit"),
	/** The kernel would have hit a BUG_ON or WARN_ON here. */
	KERNEL_BUG("kernel_bug", "the kernel would hit a BUG_ON or WARN_ON"),
	/** An allocation found no memory even after reclaim (the OOM path). */
	OOM("oom", "an allocation found no memory even after reclaim");

	private final String keyword;
	private final String description;

	Hazard(String keyword, String description) {
		this.keyword = keyword;
		this.description = description;
	}

	/** One line for reports and editor proposals. */
	public String description() {
		return description;
	}

	/** The name scenarios use ({@code assert hazard pinned_dmabuf_page}). */
	public String keyword() {
		return keyword;
	}

	public static Hazard byKeyword(String keyword) {
		for (Hazard h : values()) {
			if (h.keyword.equals(keyword)) {
				return h;
			}
		}
		return null;
	}
}
