package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's LRU lists (include/linux/mm_inline.h, mm/swap.c): inactive and active lists for
 * file and anonymous pages. Each list holds runs of pages of one owner in age order; a run
 * keeps its position (sequence number) when parts of it leave, so cost is per run, not per page.
 */
public final class Lru {

	/** enum lru_list. */
	public enum LruList {
		INACTIVE_ANON(NodeStat.NR_INACTIVE_ANON), ACTIVE_ANON(NodeStat.NR_ACTIVE_ANON),
		INACTIVE_FILE(NodeStat.NR_INACTIVE_FILE), ACTIVE_FILE(NodeStat.NR_ACTIVE_FILE);

		final NodeStat stat;

		LruList(NodeStat stat) {
			this.stat = stat;
		}

		public boolean isActive() {
			return this == ACTIVE_ANON || this == ACTIVE_FILE;
		}

		public boolean isFile() {
			return this == INACTIVE_FILE || this == ACTIVE_FILE;
		}

		static LruList of(boolean file, boolean active) {
			return file ? (active ? ACTIVE_FILE : INACTIVE_FILE) : (active ? ACTIVE_ANON : INACTIVE_ANON);
		}
	}

	/** A run of pages on a list: pages [from, to) of owner. */
	public record Entry(Pages owner, long from, long to) {
		public long size() {
			return to - from;
		}
	}

	/** A list position: (seq, from) is unique, as each add makes a new seq for one owner. */
	private record Key(long seq, long from) {
	}

	private final Vmstat vmstat;
	private final List<TreeMap<Key, Entry>> lists = new ArrayList<>();
	private long nextSeq = 1;

	public Lru(Vmstat vmstat) {
		this.vmstat = vmstat;
		for (int i = 0; i < LruList.values().length; i++) {
			lists.add(new TreeMap<>((a, b) -> a.seq != b.seq ? Long.compare(a.seq, b.seq) : Long.compare(a.from, b.from)));
		}
	}

	/** file pages go to the file lists; anon and shmem (swap-backed) to the anon lists. */
	static boolean isFileLru(Pages pages) {
		return !pages.isSwapBacked();
	}

	/** The list page {@code index} of {@code pages} is on, or null. */
	public LruList listOf(Pages pages, long index) {
		if (pages.lruSeq.get(index) == 0) {
			return null;
		}
		return LruList.of(isFileLru(pages), pages.testFlag(index, Pages.PG_ACTIVE));
	}

	/** {@code folio_add_lru()}: pages [from, to) join the head of a list. */
	public void add(Pages pages, long from, long to, boolean active) {
		if (from >= to) {
			return;
		}
		LruList list = LruList.of(isFileLru(pages), active);
		long seq = nextSeq++;
		lists.get(list.ordinal()).put(new Key(seq, from), new Entry(pages, from, to));
		pages.lruSeq.set(from, to, seq);
		if (active) {
			pages.setFlags(from, to, Pages.PG_ACTIVE | Pages.PG_LRU);
		} else {
			pages.clearFlags(from, to, Pages.PG_ACTIVE);
			pages.setFlags(from, to, Pages.PG_LRU);
		}
		vmstat.mod(list.stat, to - from);
	}

	/** {@code lruvec_del_folio()}: takes every page of [from, to) off whatever list it is on. */
	public void remove(Pages pages, long from, long to) {
		List<long[]> runs = new ArrayList<>();
		pages.lruSeq.forEach(from, to, (s, e, seq) -> {
			if (seq != 0) {
				runs.add(new long[] { s, e, seq });
			}
		});
		for (long[] r : runs) {
			boolean active = pages.testFlag(r[0], Pages.PG_ACTIVE);
			removeFromList(LruList.of(isFileLru(pages), active), pages, r[0], r[1], r[2]);
		}
		pages.lruSeq.set(from, to, 0);
		pages.clearFlags(from, to, Pages.PG_ACTIVE | Pages.PG_LRU);
	}

	private void removeFromList(LruList list, Pages pages, long s, long e, long seq) {
		TreeMap<Key, Entry> map = lists.get(list.ordinal());
		Map.Entry<Key, Entry> hit = map.floorEntry(new Key(seq, s));
		if (hit == null || hit.getKey().seq != seq || hit.getValue().owner != pages || hit.getValue().to < e) {
			throw new IllegalStateException("LRU corrupted: " + pages + " [" + s + ", " + e + ") seq " + seq);
		}
		Entry entry = hit.getValue();
		map.remove(hit.getKey());
		if (entry.from < s) {
			map.put(new Key(seq, entry.from), new Entry(pages, entry.from, s));
		}
		if (e < entry.to) {
			map.put(new Key(seq, e), new Entry(pages, e, entry.to));
		}
		vmstat.mod(list.stat, -(e - s));
	}

	/**
	 * {@code folio_mark_accessed()}: the first access sets PG_referenced; an access to a
	 * referenced inactive page moves it to the head of the active list.
	 */
	public void markAccessed(Pages pages, long from, long to) {
		List<long[]> promote = new ArrayList<>();
		pages.flags.forEach(from, to, (s, e, f) -> {
			boolean onLru = (f & Pages.PG_LRU) != 0;
			if (onLru && (f & Pages.PG_REFERENCED) != 0 && (f & Pages.PG_ACTIVE) == 0) {
				promote.add(new long[] { s, e });
			}
		});
		pages.setFlags(from, to, Pages.PG_REFERENCED);
		for (long[] r : promote) {
			remove(pages, r[0], r[1]);
			add(pages, r[0], r[1], true);
			pages.clearFlags(r[0], r[1], Pages.PG_REFERENCED);
		}
	}

	/** Pages on a list. */
	public long size(LruList list) {
		return vmstat.get(list.stat);
	}

	/**
	 * Up to {@code max} pages from the tail (oldest end) of a list, as runs, oldest first. They
	 * stay on the list: the caller removes or rotates what it takes.
	 */
	public List<Entry> tail(LruList list, long max) {
		List<Entry> out = new ArrayList<>();
		long n = 0;
		for (Entry entry : lists.get(list.ordinal()).values()) {
			if (n >= max) {
				break;
			}
			long take = Math.min(entry.size(), max - n);
			out.add(new Entry(entry.owner, entry.from, entry.from + take));
			n += take;
		}
		return out;
	}

	/** Moves pages [from, to) to the head of the list they belong on now (a rotation). */
	public void rotate(Pages pages, long from, long to, boolean active) {
		remove(pages, from, to);
		add(pages, from, to, active);
	}
}
