package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An address space (struct mm_struct): its vmas and its RSS counters (enum in
 * include/linux/mm_types_task.h), as {@code get_mm_counter()} and {@code check_mm()} see them.
 */
public final class MmStruct {

	public static final int MM_FILEPAGES = 0;
	public static final int MM_ANONPAGES = 1;
	public static final int MM_SWAPENTS = 2;
	public static final int MM_SHMEMPAGES = 3;
	public static final int NR_MM_COUNTERS = 4;
	static final String[] RSS_NAMES = { "MM_FILEPAGES", "MM_ANONPAGES", "MM_SWAPENTS", "MM_SHMEMPAGES" };

	/** TASK_SIZE / mmap_base of a 47-bit user address space, as a vpn: mappings go below it. */
	static final long MMAP_BASE_VPN = 0x7ff000000000L >>> 12;
	/** The lowest vpn get_unmapped_area() hands out (above text, heap and mmap_min_addr). */
	static final long MMAP_MIN_VPN = 0x10000000L >>> 12;

	private final TreeMap<Long, Vma> vmas = new TreeMap<>();
	private final long[] rss = new long[NR_MM_COUNTERS];
	private long hiwaterRss;
	public final String owner;

	public MmStruct(String owner) {
		this.owner = owner;
	}

	/** {@code get_mm_counter()}: never below 0, as the percpu counter read is clamped. */
	public long getMmCounter(int member) {
		return Math.max(0, rss[member]);
	}

	/** The counter as {@code check_mm()} sees it, negative if accounting went wrong. */
	public long rawMmCounter(int member) {
		return rss[member];
	}

	/** {@code add_mm_counter()}. */
	public void addMmCounter(int member, long delta) {
		rss[member] += delta;
		hiwaterRss = Math.max(hiwaterRss, getMmRss());
	}

	/** {@code get_mm_rss()}: file + anon + shmem pages. */
	public long getMmRss() {
		return getMmCounter(MM_FILEPAGES) + getMmCounter(MM_ANONPAGES) + getMmCounter(MM_SHMEMPAGES);
	}

	public long hiwaterRss() {
		return hiwaterRss;
	}

	public static String counterName(int member) {
		return RSS_NAMES[member];
	}

	/**
	 * {@code find_vma()} narrowed to the vma containing {@code vpn}, or null. The last vma found
	 * is tried first (the vmacache of kernels before the maple tree): copies and faults go
	 * through one mapping run after run.
	 */
	public Vma findVma(long vpn) {
		Vma last = lastFound;
		if (last != null && vpn >= last.start && vpn < last.end) {
			return last;
		}
		Map.Entry<Long, Vma> e = vmas.floorEntry(vpn);
		Vma found = e != null && vpn < e.getValue().end ? e.getValue() : null;
		if (found != null) {
			lastFound = found;
		}
		return found;
	}

	/** The vma findVma() found last; forgotten when it is removed. */
	private Vma lastFound;

	/** The vmas overlapping [from, to), in address order. */
	public List<Vma> vmasIn(long from, long to) {
		List<Vma> out = new ArrayList<>();
		Map.Entry<Long, Vma> first = vmas.floorEntry(from);
		Long key = first != null && first.getValue().end > from ? first.getKey() : vmas.ceilingKey(from);
		while (key != null && key < to) {
			out.add(vmas.get(key));
			key = vmas.higherKey(key);
		}
		return out;
	}

	public Collection<Vma> vmas() {
		return vmas.values();
	}

	void insert(Vma vma) {
		vmas.put(vma.start, vma);
	}

	void remove(Vma vma) {
		vmas.remove(vma.start);
		if (lastFound == vma) {
			lastFound = null;
		}
	}

	/** Re-keys a vma whose start moved (a split or a partial unmap). */
	void rekey(long oldStart, Vma vma) {
		vmas.remove(oldStart);
		vmas.put(vma.start, vma);
	}

	/**
	 * {@code get_unmapped_area()} top-down: the highest gap of {@code pages} below mmap_base, or
	 * -1 if the address space is full.
	 */
	long getUnmappedArea(long pages) {
		long top = MMAP_BASE_VPN;
		for (Vma vma : vmas.descendingMap().values()) {
			if (vma.end <= top && top - vma.end >= pages) {
				return top - pages;
			}
			top = Math.min(top, vma.start);
		}
		return top - pages >= MMAP_MIN_VPN ? top - pages : -1;
	}
}
