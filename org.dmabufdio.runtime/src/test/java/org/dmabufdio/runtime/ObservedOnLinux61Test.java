package org.dmabufdio.runtime;

import static org.dmabufdio.runtime.kernel.Errno.EFAULT;
import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.fs.proc.Smaps;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The observations made on Linux 6.1 under QEMU (16 MiB system-heap buffer, MAP_SHARED, ext4
 * on a disk with 512-byte logical blocks), one test per row, for each kernel of the seed series.
 * Deltas are against the process before the buffer existed.
 */
class ObservedOnLinux61Test {

	static final long SIZE = 16 * Units.MIB;
	static final int PROT_RW = Mmap.PROT_READ | Mmap.PROT_WRITE;

	/** A process with a 16 MiB system-heap buffer mapped shared, and a 16 MiB file. */
	static final class Setup {
		final Machine m;
		final Task app;
		final Map<String, Long> statusBefore;
		final Map<String, Long> meminfoBefore;
		final long addr;
		final int bufFd;

		Setup(String variant) {
			m = TestMachines.boot(variant);
			m.createFile("model.bin", SIZE);
			app = m.spawn("app");
			statusBefore = m.status(app);
			meminfoBefore = m.meminfo();
			bufFd = (int) m.dmaHeapAlloc(app, "system", SIZE);
			addr = m.mmap(app, SIZE, PROT_RW, Mmap.MAP_SHARED, bufFd, 0, MapMethod.KERNEL_DEFAULT);
		}

		long statusDelta(String field) {
			return m.status(app).get(field) - statusBefore.get(field);
		}

		long meminfoDelta(String field) {
			return m.meminfo().get(field) - meminfoBefore.get(field);
		}

		Smaps.Entry smaps(Task t) {
			return m.smapsAt(t, addr);
		}

		long read(int flags) {
			int fd = (int) m.open(app, "model.bin", flags);
			return m.pread(app, fd, addr, SIZE, 0);
		}
	}

	@ParameterizedTest
	@CsvSource({ "baseline, rd wr sh mr mw me ms pf io de dd", "dmabuf_dio_mmap, rd wr sh mr mw me ms mm",
			"dmabuf_dio, rd wr sh mr mw me ms ?? mm" })
	void vmFlagsOfTheMapping(String variant, String flags) {
		Setup s = new Setup(variant);
		assertEquals(flags, s.smaps(s.app).vmFlags());
	}

	@ParameterizedTest
	@CsvSource({ "baseline, 0", "dmabuf_dio_mmap, 16384", "dmabuf_dio, 0" })
	void rssAfterMmap(String variant, long kb) {
		Setup s = new Setup(variant);
		assertEquals(kb, s.statusDelta("RssFile"));
		assertEquals(kb, s.statusDelta("VmRSS"));
	}

	@ParameterizedTest
	@CsvSource({ "baseline, 0", "dmabuf_dio_mmap, 16384", "dmabuf_dio, 0" })
	void smapsRssAndPssOfTheMapping(String variant, long kb) {
		Setup s = new Setup(variant);
		assertEquals(kb, s.smaps(s.app).fields().get("Rss"));
		assertEquals(kb, s.smaps(s.app).fields().get("Pss"));
	}

	@ParameterizedTest
	@CsvSource({ "baseline, 0", "dmabuf_dio_mmap, 16384", "dmabuf_dio, 0" })
	void meminfoMappedAfterMmap(String variant, long kb) {
		assertEquals(kb, new Setup(variant).meminfoDelta("Mapped"));
	}

	@ParameterizedTest
	@CsvSource({ "baseline", "dmabuf_dio_mmap", "dmabuf_dio" })
	void bufferedReadIntoTheMapping(String variant) {
		assertEquals(SIZE, new Setup(variant).read(OpenFile.O_RDONLY));
	}

	@ParameterizedTest
	@CsvSource({ "baseline, -14", "dmabuf_dio_mmap, 16777216", "dmabuf_dio, 16777216" })
	void directReadIntoTheMapping(String variant, long expected) {
		assertEquals(expected, new Setup(variant).read(OpenFile.O_RDONLY | OpenFile.O_DIRECT));
	}

	@ParameterizedTest
	@CsvSource({ "baseline, -14", "dmabuf_dio_mmap, 16777216", "dmabuf_dio, 16777216" })
	void directWriteFromTheMapping(String variant, long expected) {
		Setup s = new Setup(variant);
		int fd = (int) s.m.open(s.app, "model.bin", OpenFile.O_RDWR | OpenFile.O_DIRECT);
		assertEquals(expected, s.m.pwrite(s.app, fd, s.addr, SIZE, 0));
	}

	@ParameterizedTest
	@CsvSource({ "baseline, 0, 0, 0, 0", "dmabuf_dio_mmap, 16384, 16384, 8192, 8192", "dmabuf_dio, 0, 0, 0, 0" })
	void childAfterForkBeforeTouching(String variant, long rssFile, long rss, long pss, long parentPss) {
		Setup s = new Setup(variant);
		Task child = s.m.kernel().task((int) s.m.fork(s.app));
		assertEquals(rssFile, s.m.status(child).get("RssFile"));
		assertEquals(rss, s.smaps(child).fields().get("Rss"));
		assertEquals(pss, s.smaps(child).fields().get("Pss"));
		assertEquals(parentPss, s.smaps(s.app).fields().get("Pss"));
	}

	@ParameterizedTest
	@CsvSource({ "baseline", "dmabuf_dio_mmap", "dmabuf_dio" })
	void afterMunmapCountersAreBack(String variant) {
		Setup s = new Setup(variant);
		assertEquals(0, s.m.munmap(s.app, s.addr, SIZE));
		assertEquals(0, s.statusDelta("RssFile"));
		assertEquals(0, s.meminfoDelta("Mapped"));
	}

	/** O_DIRECT into malloc'd memory on that disk: the alignment rules of iomap. */
	@Test
	void directIoAlignmentIntoAnonymousMemory() {
		Machine m = TestMachines.boot("baseline");
		m.createFile("f", SIZE);
		Task t = m.spawn("app");
		long buf = m.mmap(t, 2 * Units.MIB, PROT_RW, Mmap.MAP_PRIVATE | Mmap.MAP_ANONYMOUS, -1, 0, MapMethod.KERNEL_DEFAULT);
		int direct = (int) m.open(t, "f", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		int buffered = (int) m.open(t, "f", OpenFile.O_RDONLY);
		assertEquals(-EINVAL, m.pread(t, direct, buf + 1, 4096, 0), "buffer address +1");
		assertEquals(4096, m.pread(t, direct, buf + 512, 4096, 0), "buffer address +512");
		assertEquals(-EINVAL, m.pread(t, direct, buf, 4095, 0), "length 4095");
		assertEquals(512, m.pread(t, direct, buf, 512, 0), "length 512");
		assertEquals(-EINVAL, m.pread(t, direct, buf, 4096, 1), "file offset 1");
		assertEquals(4096, m.pread(t, direct, buf, 4096, 512), "file offset 512");
		assertEquals(4096, m.pread(t, buffered, buf + 1, 4096, 0), "buffered read at address +1");
		assertEquals(-EFAULT, m.pread(t, direct, 0x1000, 4096, 0), "unmapped buffer");
	}
}
