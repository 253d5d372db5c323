package org.dmabufdio.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Map;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.fs.proc.Meminfo;
import org.dmabufdio.runtime.fs.proc.ProcVmstat;
import org.dmabufdio.runtime.fs.proc.Smaps;
import org.dmabufdio.runtime.fs.proc.Status;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.mm.Zone;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** /proc/meminfo, /proc/PID/status and smaps: field names, units and formulas. */
class ViewsTest {

	@Test
	void theFieldListsMatchWhatTheViewsPrint() {
		Sim s = new Sim("baseline");
		long a = s.anon(Units.MIB);
		assertEquals(Meminfo.FIELDS, new ArrayList<>(s.meminfo().keySet()));
		assertEquals(Status.FIELDS, new ArrayList<>(s.m.status(s.app).keySet()));
		assertEquals(Smaps.FIELDS, new ArrayList<>(s.m.smapsAt(s.app, a).fields().keySet()));
		assertEquals(ProcVmstat.FIELDS, new ArrayList<>(s.m.vmstat().keySet()));
	}

	/** /proc/vmstat: pages and counts, not kB; pgpgin and pgpgout in KiB of block I/O, direct or not. */
	@Test
	void vmstatCountsPagesAndTheBlockLayersKilobytes() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 8 * Units.MIB);
		long buf = s.anon(8 * Units.MIB);
		s.readAll("f", buf, true);
		assertEquals(8 * 1024, s.m.vmstat().get("pgpgin"), "O_DIRECT reads count too (submit_bio)");
		s.readAll("f", buf, false);
		Map<String, Long> v = s.m.vmstat();
		assertEquals(16 * 1024, v.get("pgpgin"));
		assertEquals(0, v.get("pgpgout"));
		assertEquals(s.mem("Cached") / 4, v.get("nr_file_pages"), "pages, where meminfo says kB");
		assertEquals(s.mem("MemFree") / 4, v.get("nr_free_pages"));
		assertEquals(s.mem("AnonPages") / 4, v.get("nr_anon_pages"));
	}

	/** si_mem_available(): free - reserves + the file LRU and reclaimable slab, each less min(half, low). */
	@Test
	void memAvailableIsSiMemAvailable() {
		BootParams p = TestMachines.small();
		p.systemCacheBytes = 200 * Units.MIB;
		p.systemSlabBytes = 20 * Units.MIB;
		Sim s = new Sim(p, "baseline");
		Map<String, Long> m = s.meminfo();
		long low = s.k().pageAlloc.sumWatermark(Zone.WMARK_LOW);
		long file = (m.get("Active(file)") + m.get("Inactive(file)")) / 4;
		long slab = m.get("SReclaimable") / 4;
		long expected = m.get("MemFree") / 4 - s.k().pageAlloc.totalreservePages() + file - Math.min(file / 2, low) + slab
				- Math.min(slab / 2, low);
		assertEquals(expected * 4, m.get("MemAvailable"));
	}

	@Test
	void cachedIncludesShmem() {
		Sim s = new Sim("baseline");
		int memfd = (int) s.m.memfdCreate(s.app, "m");
		s.m.ftruncate(s.app, memfd, 8 * Units.MIB);
		long a = s.mapShared(memfd, 8 * Units.MIB);
		s.m.touch(s.app, a, 8 * Units.MIB, true);
		assertEquals(8 * 1024, s.mem("Shmem"));
		assertEquals(8 * 1024, s.mem("Cached"));
		assertEquals(8 * 1024, s.mem("Mapped"));
	}
}
