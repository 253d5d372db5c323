package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.runtime.mm.Lru.Entry;
import org.dmabufdio.runtime.mm.Lru.LruList;
import org.dmabufdio.runtime.time.Clock;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.time.CostModel;

/**
 * Page reclaim (mm/vmscan.c): kswapd, woken below the low watermark and reclaiming until the
 * high watermark on its own CPU and in its own time, and direct reclaim by an allocating task
 * below the min watermark, which that task pays for in time. Clean file pages go first; dirty ones
 * are handed to the flusher and freed once written; anonymous and shmem pages only when there is
 * swap.
 */
public final class Vmscan implements Reclaimer {

	/**
	 * The least kswapd reclaims at once in the simulation (2 MiB): it runs behind the clock in
	 * batches, so its work is simulated per batch rather than per SWAP_CLUSTER_MAX pages.
	 */
	static final long KSWAPD_BATCH = 512;

	/** Who is reclaiming: counted apart, and only direct reclaim stalls the caller. */
	enum Mode {
		KSWAPD, DIRECT
	}

	private final PageAllocator allocator;
	private final Lru lru;
	private Rmap rmap;
	private final Vmstat vmstat;
	private final CostModel costs;
	private final Clock clock;
	private Runnable tick = () -> { };
	private Flusher flusher = Flusher.NONE;
	private Swap swap;
	private boolean kswapdAwake;
	/** Where kswapd's own time has got to: it runs only while behind the clock. */
	private long kswapdTime;
	/** What kswapd's last batch cost per reclaimed page, to size the next one. */
	private double kswapdNsPerPage;
	/** kswapd's time spent in the batch being run. */
	private long kswapdNs;
	/** The caches outside the LRU that shrink_slab() asks to give pages back. */
	private final Shrinkers shrinkers = new Shrinkers();
	/** Pages the last shrinkNode() looked at. */
	private long passScanned;
	/** kswapd's CPU speed relative to the task's (Android keeps it off the big cores). */
	private double kswapdSpeed = 1;

	public Vmscan(PageAllocator allocator, Lru lru, Vmstat vmstat, CostModel costs) {
		this.allocator = allocator;
		this.lru = lru;
		this.vmstat = vmstat;
		this.costs = costs;
		this.clock = costs.clock();
		this.kswapdNsPerPage = costs.get(Cost.RECLAIM_SCAN_NS) + costs.get(Cost.RECLAIM_EVICT_NS);
		allocator.setReclaimer(this);
	}

	/** The speed of kswapd's CPU relative to the task's, in percent. */
	public void setKswapdSpeedPercent(int percent) {
		this.kswapdSpeed = Math.max(1, percent) / 100.0;
	}

	/** The reverse map, for folio_referenced() on mapped pages. */
	public void setRmap(Rmap rmap) {
		this.rmap = rmap;
	}

	/** What reclaim asks of the flusher (fs/fs-writeback.c), so the two stay decoupled. */
	public interface Flusher {
		/** Lets the flusher catch up with the clock (completed writeback, periodic writeback). */
		void catchUp();

		/** {@code wakeup_flusher_threads(WB_REASON_VMSCAN)}. */
		void wakeupFlusherThreads();

		/** {@code reclaim_throttle(VMSCAN_THROTTLE_WRITEBACK)}: false if no writeback is in flight. */
		boolean reclaimThrottle();

		Flusher NONE = new Flusher() {
			@Override
			public void catchUp() {
			}

			@Override
			public void wakeupFlusherThreads() {
			}

			@Override
			public boolean reclaimThrottle() {
				return false;
			}
		};
	}

	public void setFlusher(Flusher flusher) {
		this.flusher = flusher;
	}

	/** Counts reclaim batches as work (see Kernel#tick()). */
	public void setTick(Runnable tick) {
		this.tick = tick;
	}

	/** Swap space for anonymous and shmem pages (zram or a disk), or null for none. */
	public void setSwap(Swap swap) {
		this.swap = swap;
	}

	public boolean kswapdAwake() {
		return kswapdAwake;
	}

	/**
	 * {@code wakeup_kswapd()}: called when an allocation failed the low watermark; kswapd wakes
	 * unless the zone is balanced (at or above its high watermark).
	 */
	@Override
	public void wakeupKswapd(Zone zone, int order) {
		if (!kswapdAwake && zone.freePages() < zone.watermark(Zone.WMARK_HIGH)) {
			kswapdAwake = true;
			kswapdTime = Math.max(kswapdTime, clock.now());
		}
	}

	/**
	 * {@code kswapd()} / {@code balance_pgdat()}, run lazily: kswapd has a CPU of its own (shared
	 * with whatever else runs there) and its own time. A woken kswapd reclaims as many pages as
	 * fit in the time since it last ran, at what its last batch cost per page, in batches of at
	 * least SWAP_CLUSTER_MAX, until every zone is back above its high watermark; then it sleeps.
	 */
	@Override
	public void kswapdCatchUp() {
		flusher.catchUp();
		long now = clock.now();
		while (kswapdAwake && kswapdTime < now) {
			long need = allocator.pagesBelowHigh();
			if (need <= 0) {
				break;
			}
			long fit = (long) ((now - kswapdTime) / kswapdNsPerPage);
			if (fit < KSWAPD_BATCH && fit < need) {
				break; // not yet a whole batch's worth of time
			}
			kswapdNs = 0;
			long lruPages = lruPages();
			long got = shrinkNode(Math.min(fit, need), Mode.KSWAPD);
			// shrink_slab() asks the shrinkers for the share of the LRU the passes scanned
			got += shrinkers.shrinkSlab(lruPages > passScanned ? (double) passScanned / lruPages : 1.0);
			kswapdTime += kswapdNs;
			if (got == 0) {
				kswapdAwake = false; // nothing left it can reclaim
				break;
			}
			kswapdNsPerPage = Math.max(1.0, (double) kswapdNs / got);
		}
		if (allocator.balanced()) {
			kswapdAwake = false;
		}
	}

	/** Lets kswapd run until the zones are balanced, as if the machine idled meanwhile. */
	public void kswapdRunToBalance() {
		if (kswapdAwake || !allocator.balanced()) {
			shrinkNode(allocator.pagesBelowHigh(), Mode.KSWAPD);
			kswapdAwake = false;
		}
		kswapdTime = clock.now();
	}

	/** Time restarts at 0 after boot; so does kswapd's. */
	public void resetAfterBoot() {
		kswapdTime = 0;
	}

	/** {@code register_shrinker()}. */
	public void registerShrinker(Shrinker shrinker) {
		shrinkers.register(shrinker);
	}

	@Override
	public boolean reclaimThrottle() {
		return flusher.reclaimThrottle();
	}

	/**
	 * {@code try_to_free_pages()}: direct reclaim by the allocating task, which stalls for it.
	 * Each call frees SWAP_CLUSTER_MAX pages (the multi-generational LRU: one eviction batch of
	 * MIN_LRU_BATCH, as {@code scan_folios()} isolates that many before it checks) and pays
	 * shrink_slab() once; a request for more stands for that many calls in a row. Returns the
	 * number of pages reclaimed.
	 */
	@Override
	public long tryToFreePages(long nrToReclaim, long gfp, int order) {
		long perCall = lru.lruGen() != null ? MIN_LRU_BATCH : PageAllocator.SWAP_CLUSTER_MAX;
		// each call ends with shrink_slab() at DEF_PRIORITY: while shrinkers give pages back,
		// fewer calls bring the free pages up
		long calls = 0;
		long slabFreed = 0;
		while (calls * perCall + slabFreed < nrToReclaim && shrinkers.countObjects() > 0) {
			slabFreed += shrinkers.shrinkSlab(1.0 / (1L << Shrinkers.DEF_PRIORITY));
			calls++;
		}
		long missing = nrToReclaim - calls * perCall - slabFreed;
		if (missing > 0) {
			calls += (missing + perCall - 1) / perCall;
		}
		vmstat.count(VmEvent.ALLOCSTALL, calls);
		costs.charge(Cost.SHRINK_SLAB_NS, calls);
		return shrinkNode(slabFreed == 0 ? nrToReclaim : calls * perCall, Mode.DIRECT);
	}

	/** The LRU pages reclaim could scan: file pages, and anonymous ones with swap. */
	private long lruPages() {
		LruGen gen = lru.lruGen();
		if (gen != null) {
			return gen.nrPages(LruGen.FILE) + (swap != null ? gen.nrPages(LruGen.ANON) : 0);
		}
		return lru.size(LruList.INACTIVE_FILE) + lru.size(LruList.ACTIVE_FILE)
				+ (swap != null ? lru.size(LruList.INACTIVE_ANON) + lru.size(LruList.ACTIVE_ANON) : 0);
	}

	/**
	 * {@code shrink_node()}: reclaims up to {@code nrToReclaim} pages from the LRU lists, file
	 * first, anonymous only with swap, refilling the inactive list from the active one when it
	 * runs low ({@code inactive_is_low()}).
	 */
	long shrinkNode(long nrToReclaim, Mode mode) {
		if (lru.lruGen() != null) {
			return lruGenShrinkNode(nrToReclaim, mode);
		}
		long reclaimed = 0;
		// like priority reaching 0: give up once every page has been looked at twice
		long scanLimit = 2 * lruPages();
		long scanned = 0;
		while (reclaimed < nrToReclaim && scanned < scanLimit) {
			tick.run();
			long before = scanned;
			long want = nrToReclaim - reclaimed;
			if (inactiveIsLow(true) || lru.size(LruList.INACTIVE_FILE) == 0) {
				scanned += shrinkActiveList(LruList.ACTIVE_FILE, want, mode);
			}
			long[] file = shrinkInactiveList(LruList.INACTIVE_FILE, want, mode);
			scanned += file[0];
			reclaimed += file[1];
			if (reclaimed < nrToReclaim && swap != null && swap.freeSlots() > 0) {
				long anonWant = nrToReclaim - reclaimed;
				if (inactiveIsLow(false) || lru.size(LruList.INACTIVE_ANON) == 0) {
					scanned += shrinkActiveList(LruList.ACTIVE_ANON, anonWant, mode);
				}
				long[] anon = shrinkInactiveList(LruList.INACTIVE_ANON, anonWant, mode);
				scanned += anon[0];
				reclaimed += anon[1];
			}
			if (scanned == before) {
				break; // the lists are empty
			}
		}
		passScanned = scanned;
		return reclaimed;
	}

	/** MIN_LRU_BATCH: the ptes {@code lru_gen_look_around()} checks around a young one. */
	static final long MIN_LRU_BATCH = 64;

	/**
	 * {@code lru_gen_shrink_node()} → {@code try_to_shrink_lruvec()}: evicts from the oldest
	 * generation of file pages (anonymous ones too with swap, once file pages run out), aging
	 * when too few generations are left ({@code should_run_aging()}), until {@code nrToReclaim}
	 * pages are freed or every page has been looked at twice.
	 */
	long lruGenShrinkNode(long nrToReclaim, Mode mode) {
		LruGen gen = lru.lruGen();
		boolean canSwap = swap != null && swap.freeSlots() > 0;
		long reclaimed = 0;
		long scanLimit = 2 * (gen.nrPages(LruGen.FILE) + (canSwap ? gen.nrPages(LruGen.ANON) : 0));
		long scanned = 0;
		while (reclaimed < nrToReclaim && scanned < scanLimit) {
			tick.run();
			int type = !canSwap || gen.nrPages(LruGen.FILE) > 0 ? LruGen.FILE : LruGen.ANON;
			if (gen.nrPages(type) == 0) {
				break;
			}
			if (gen.shouldRunAging(type)) {
				long promoted = gen.incMaxSeq(canSwap);
				charge(mode, Cost.LRU_MOVE_NS, promoted);
				scanned += promoted;
				continue;
			}
			long[] r = evictFolios(gen, type, nrToReclaim - reclaimed, mode);
			if (r[0] == 0 && !gen.tryToIncMinSeq(type)) {
				scanned++; // an empty oldest generation that cannot advance: age next time round
			}
			scanned += r[0];
			reclaimed += r[1];
		}
		passScanned = scanned;
		return reclaimed;
	}

	/**
	 * {@code evict_folios()}: {@code sort_folio()} and {@code shrink_folio_list()} on runs from
	 * the old end of the oldest generation. Pinned pages go to the youngest generation; dirty
	 * ones and those under writeback to the next one, marked PG_reclaim, and the flusher is
	 * woken; mapped pages whose ptes were accessed are promoted ({@code folio_referenced()} once
	 * and {@code lru_gen_look_around()} for up to MIN_LRU_BATCH neighbours); the rest is freed by
	 * its owner (unmapped first, {@code try_to_unmap()}). Returns {pages scanned, reclaimed}.
	 */
	private long[] evictFolios(LruGen gen, int type, long nrToReclaim, Mode mode) {
		long scanned = 0;
		long reclaimed = 0;
		long rmapWalks = 0;
		long promoted = 0;
		boolean dirtySeen = false;
		for (Entry e : gen.oldest(type, Math.max(nrToReclaim, PageAllocator.SWAP_CLUSTER_MAX))) {
			Pages p = e.owner();
			scanned += e.size();
			for (long[] run : splitByVerdict(e, Vmscan::genVerdict)) {
				long n = run[1] - run[0];
				switch (VERDICTS[(int) run[2]]) {
				case ACTIVATE -> {
					gen.promote(p, run[0], run[1]);
					vmstat.count(VmEvent.PGACTIVATE, n);
				}
				case KEEP -> { // accessed: found by one rmap walk, its neighbours by the look-around
					rmapWalks += (n + MIN_LRU_BATCH - 1) / MIN_LRU_BATCH;
					promoted += n;
					gen.promote(p, run[0], run[1]);
				}
				case WRITEBACK -> {
					p.setFlags(run[0], run[1], Pages.PG_RECLAIM);
					gen.incGen(p, run[0], run[1]);
					dirtySeen |= p.countFlag(run[0], run[1], Pages.PG_DIRTY) > 0;
				}
				case RECLAIM -> {
					rmapWalks += 2 * p.mapcountPages(run[0], run[1]); // folio_referenced(), try_to_unmap()
					long freed = reclaimRun(p, run[0], run[1]);
					if (p.isSwapBacked() && swap != null && swap.isZram()) {
						charge(mode, Cost.ZRAM_COMPRESS_NS, freed);
					}
					reclaimed += freed;
				}
				}
			}
		}
		gen.tryToIncMinSeq(type);
		charge(mode, Cost.LRU_MOVE_NS, promoted);
		return endOfPass(mode, dirtySeen, rmapWalks, scanned, reclaimed);
	}

	/**
	 * What every reclaim pass ends with: the flusher woken if it met dirty pages, its work
	 * counted (pgscan, pgsteal) and charged to who reclaimed. Returns {scanned, reclaimed}.
	 */
	private long[] endOfPass(Mode mode, boolean dirtySeen, long rmapWalks, long scanned, long reclaimed) {
		if (dirtySeen) {
			flusher.wakeupFlusherThreads();
		}
		charge(mode, Cost.RMAP_WALK_NS, rmapWalks);
		vmstat.count(mode == Mode.DIRECT ? VmEvent.PGSCAN_DIRECT : VmEvent.PGSCAN_KSWAPD, scanned);
		vmstat.count(mode == Mode.DIRECT ? VmEvent.PGSTEAL_DIRECT : VmEvent.PGSTEAL_KSWAPD, reclaimed);
		charge(mode, Cost.RECLAIM_SCAN_NS, scanned);
		charge(mode, Cost.RECLAIM_EVICT_NS, reclaimed);
		return new long[] { scanned, reclaimed };
	}

	/** {@code sort_folio()} and {@code folio_check_references()} as the multi-generational LRU has them. */
	private static Verdict genVerdict(Pages p, long flags, long pins, long referencedPtes) {
		if (pins > 0) {
			return Verdict.ACTIVATE;
		}
		if ((flags & (Pages.PG_DIRTY | Pages.PG_WRITEBACK)) != 0 && !p.isSwapBacked()) {
			return Verdict.WRITEBACK;
		}
		return referencedPtes > 0 ? Verdict.KEEP : Verdict.RECLAIM;
	}

	/**
	 * {@code inactive_is_low()}: the inactive list should hold at least 1/sqrt(10 * GB) of the
	 * list pair.
	 */
	boolean inactiveIsLow(boolean file) {
		long inactive = lru.size(file ? LruList.INACTIVE_FILE : LruList.INACTIVE_ANON);
		long active = lru.size(file ? LruList.ACTIVE_FILE : LruList.ACTIVE_ANON);
		long gb = (inactive + active) >> (30 - 12);
		long ratio = gb > 0 ? (long) Math.sqrt(10.0 * gb) : 1;
		return inactive * ratio < active;
	}

	/** {@code shrink_active_list()}: moves pages from the active tail to the inactive head. */
	long shrinkActiveList(LruList active, long nrToScan, Mode mode) {
		long moved = 0;
		for (Entry e : lru.tail(active, nrToScan)) {
			lru.rotate(e.owner(), e.from(), e.to(), false);
			e.owner().clearFlags(e.from(), e.to(), Pages.PG_REFERENCED);
			moved += e.size();
		}
		vmstat.count(VmEvent.PGREFILL, moved);
		vmstat.count(VmEvent.PGDEACTIVATE, moved);
		charge(mode, Cost.LRU_MOVE_NS, moved);
		return moved;
	}

	/**
	 * {@code shrink_inactive_list()} + {@code shrink_folio_list()}: takes pages from the tail of
	 * an inactive list and decides for each run ({@code folio_check_references()}): pinned or
	 * mapped-and-referenced pages are activated, mapped ones get a second chance, dirty file pages
	 * and those under writeback are marked PG_reclaim and activated (the flusher is woken for
	 * the dirty ones; once written they come back to the inactive tail), and the rest is freed
	 * by its owner. Returns {pages scanned, pages reclaimed}.
	 */
	long[] shrinkInactiveList(LruList inactive, long nrToReclaim, Mode mode) {
		long scanned = 0;
		long reclaimed = 0;
		long rmapWalks = 0;
		boolean dirtySeen = false;
		for (Entry e : lru.tail(inactive, nrToReclaim)) {
			scanned += e.size();
			rmapWalks += e.owner().mapcountPages(e.from(), e.to()); // folio_referenced() on mapped pages
			for (long[] run : classify(e)) {
				Verdict verdict = VERDICTS[(int) run[2]];
				switch (verdict) {
				case ACTIVATE -> {
					lru.rotate(e.owner(), run[0], run[1], true);
					vmstat.count(VmEvent.PGACTIVATE, run[1] - run[0]);
				}
				case KEEP -> lru.rotate(e.owner(), run[0], run[1], false);
				case WRITEBACK -> {
					e.owner().setFlags(run[0], run[1], Pages.PG_RECLAIM); // folio_set_reclaim()
					lru.rotate(e.owner(), run[0], run[1], true);
					vmstat.count(VmEvent.PGACTIVATE, run[1] - run[0]);
					dirtySeen |= e.owner().countFlag(run[0], run[1], Pages.PG_DIRTY) > 0;
				}
				case RECLAIM -> {
					rmapWalks += e.owner().mapcountPages(run[0], run[1]); // try_to_unmap()
					long freed = reclaimRun(e.owner(), run[0], run[1]);
					if (e.owner().isSwapBacked() && swap != null && swap.isZram()) {
						charge(mode, Cost.ZRAM_COMPRESS_NS, freed); // pageout() into zram compresses
					}
					reclaimed += freed;
				}
				}
			}
		}
		return endOfPass(mode, dirtySeen, rmapWalks, scanned, reclaimed);
	}

	private long reclaimRun(Pages pages, long from, long to) {
		if (pages.reclaimOwner == null) {
			lru.rotate(pages, from, to, true);
			return 0;
		}
		if (pages.isSwapBacked() && swap == null) {
			return 0;
		}
		long freed = pages.reclaimOwner.reclaim(pages, from, to);
		if (freed < to - from) {
			// what the owner kept (raced with a new mapping, say) goes back to the head
			List<long[]> kept = new ArrayList<>();
			pages.lruSeq.forEach(from, to, (s, x, seq) -> {
				if (seq != 0) {
					kept.add(new long[] { s, x });
				}
			});
			for (long[] k : kept) {
				lru.rotate(pages, k[0], k[1], pages.testFlag(k[0], Pages.PG_ACTIVE));
			}
		}
		return freed;
	}

	private enum Verdict {
		ACTIVATE, KEEP, RECLAIM, WRITEBACK
	}

	/** Verdict.values(), once: values() copies the array on every call. */
	private static final Verdict[] VERDICTS = Verdict.values();

	/**
	 * Splits a run into sub-runs with one verdict each: {from, to, verdict ordinal}, after
	 * {@code folio_check_references()}: pinned pages stay; pages whose ptes were accessed since
	 * the last look get a second chance, or activation if that is their second access; pages
	 * nobody touched are reclaimed (dirty file pages are left for writeback).
	 */
	private List<long[]> classify(Entry e) {
		Pages p = e.owner();
		List<long[]> out = splitByVerdict(e, Vmscan::verdict);
		for (long[] r : out) {
			Verdict v = VERDICTS[(int) r[2]];
			if (v == Verdict.KEEP) {
				p.setFlags(r[0], r[1], Pages.PG_REFERENCED);
			} else if (v == Verdict.ACTIVATE) {
				p.clearFlags(r[0], r[1], Pages.PG_REFERENCED);
			}
		}
		return out;
	}

	/** How one reclaim decides for a page: from its flags, its pins and its accessed ptes. */
	@FunctionalInterface
	private interface VerdictRule {
		Verdict of(Pages p, long flags, long pins, long referencedPtes);
	}

	/**
	 * A run from an LRU split into sub-runs of one verdict each, {from, to, verdict ordinal}:
	 * {@code folio_referenced()} on its mapped pages (which clears their accessed bits), then
	 * the rule per stretch of equal flags, pins and accessed ptes.
	 */
	private List<long[]> splitByVerdict(Entry e, VerdictRule rule) {
		Pages p = e.owner();
		List<long[]> out = new ArrayList<>();
		boolean mapped = p.mapcountPages(e.from(), e.to()) > 0;
		org.dmabufdio.runtime.util.RangeMap young = mapped ? rmap.folioReferenced(p, e.from(), e.to()) : null;
		if (young == null && p.pinnedPages(e.from(), e.to()) == 0) {
			// the usual run in a streaming read: unmapped and unpinned, only its flags decide
			for (long s = e.from(); s < e.to();) {
				long x = Math.min(e.to(), p.flags.nextChange(s));
				append(out, s, x, rule.of(p, p.flags.get(s), 0, 0).ordinal());
				s = x;
			}
			return out;
		}
		p.flags.forEach(e.from(), e.to(), (s, x, flags) -> p.pincount.forEach(s, x, (s2, x2, pins) -> {
			if (young == null) {
				append(out, s2, x2, rule.of(p, flags, pins, 0).ordinal());
			} else {
				young.forEach(s2, x2, (s3, x3, refs) -> append(out, s3, x3, rule.of(p, flags, pins, refs).ordinal()));
			}
		}));
		return out;
	}

	private static Verdict verdict(Pages p, long flags, long pins, long referencedPtes) {
		if (pins > 0) {
			return Verdict.ACTIVATE; // folio_maybe_dma_pinned(): cannot be freed under DMA
		}
		boolean referencedFolio = (flags & Pages.PG_REFERENCED) != 0;
		if (referencedPtes > 0) {
			return referencedFolio || referencedPtes > 1 ? Verdict.ACTIVATE : Verdict.KEEP;
		}
		if ((flags & (Pages.PG_DIRTY | Pages.PG_WRITEBACK)) != 0 && !p.isSwapBacked()) {
			return Verdict.WRITEBACK; // only writeback can clean it
		}
		return Verdict.RECLAIM;
	}

	private static void append(List<long[]> out, long from, long to, int verdict) {
		if (!out.isEmpty()) {
			long[] last = out.get(out.size() - 1);
			if (last[1] == from && last[2] == verdict) {
				last[1] = to;
				return;
			}
		}
		out.add(new long[] { from, to, verdict });
	}

	/** Direct reclaim stalls the task; kswapd's work takes kswapd's own time, on its CPU. */
	private void charge(Mode mode, Cost cost, long count) {
		if (count <= 0) {
			return;
		}
		if (mode == Mode.DIRECT) {
			costs.charge(cost, count);
		} else {
			kswapdNs += Math.round(costs.nanos(cost, count) / kswapdSpeed);
		}
	}
}
