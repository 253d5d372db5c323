package org.dmabufdio.runtime.kernel;

import org.dmabufdio.runtime.fs.Inode;
import org.dmabufdio.runtime.mm.Gfp;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.mm.NodeStat;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.util.Units;

/**
 * Brings a freshly booted kernel to the state the device profile describes: the slab, the
 * anonymous memory of running processes and the page cache a system already has, then free
 * memory broken up as an uptime leaves it. Happens before time 0.
 */
public final class Boot {

	/** The order of the blocks fragmentation is measured in: the system heap's 1 MiB. */
	static final int FRAGMENTATION_ORDER = 8;

	private Boot() {
	}

	public static void populate(Kernel k) {
		BootParams p = k.params;
		if (p.systemSlabBytes > 0) {
			long pages = p.systemSlabBytes >>> Units.PAGE_SHIFT;
			long got = k.pageAlloc.allocPagesBulk(Gfp.GFP_KERNEL, pages, (pfn, n) -> { });
			k.vmstat.mod(NodeStat.NR_SLAB_RECLAIMABLE, got);
		}
		if (p.systemAnonBytes > 0) {
			Task system = k.spawn("system_server");
			long addr = k.mmap.doMmap(system.mm(), p.systemAnonBytes, Mmap.PROT_READ | Mmap.PROT_WRITE,
					Mmap.MAP_PRIVATE | Mmap.MAP_ANONYMOUS, null, 0);
			if (addr >= 0) {
				k.uaccess.touch(system.mm(), addr, p.systemAnonBytes, true);
			}
		}
		if (p.systemCacheBytes > 0) {
			// files read before time 0: cached and uptodate, the half in use on the active list
			Inode inode = k.vfs.create("system.img", p.systemCacheBytes, k.dataFs);
			long pages = Units.pagesFor(p.systemCacheBytes);
			long got = k.filemap.addFolios(inode.mapping(), 0, pages, Gfp.GFP_HIGHUSER_MOVABLE);
			inode.mapping().pages().setFlags(0, got, Pages.PG_UPTODATE);
			k.lru.activate(inode.mapping().pages(), 0, got / 2);
		}
		fragment(k, p.fragmentationPercent);
		k.vmscan.kswapdRunToBalance();
		k.costs.resetAfterBoot();
		k.vmscan.resetAfterBoot();
		k.bdev.resetQueue();
	}

	/**
	 * Boot-time breaks are capped, so a huge machine boots in bounded time: beyond this many
	 * broken blocks (256 GiB of free memory at 100%), the rest stays whole.
	 */
	static final long MAX_BREAKS = 1 << 16;

	/**
	 * Breaks {@code percent} of the wholly free 1 MiB blocks by taking one page at a random place
	 * in each, as long-lived kernel allocations scattered over an uptime do. The broken blocks
	 * are spread evenly over each free extent, at seeded random places.
	 */
	static void fragment(Kernel k, int percent) {
		if (percent <= 0) {
			return;
		}
		long size = 1L << FRAGMENTATION_ORDER;
		long taken = 0;
		for (long[] extent : k.pageAlloc.freeExtents()) {
			long first = (extent[0] + size - 1) & -size;
			long blocks = first + size <= extent[1] ? (extent[1] - first) / size : 0;
			long breaks = Math.min(MAX_BREAKS - taken, blocks * percent / 100);
			if (breaks <= 0) {
				continue;
			}
			double stride = (double) blocks / breaks;
			for (long j = 0; j < breaks; j++) {
				long block = first + (long) (j * stride + k.random.nextDouble() * stride) * size;
				if (k.pageAlloc.takeRange(block + k.random.nextLong(size), 1)) {
					taken++;
				}
			}
		}
		k.vmstat.mod(NodeStat.NR_SLAB_UNRECLAIMABLE, taken);
	}
}
