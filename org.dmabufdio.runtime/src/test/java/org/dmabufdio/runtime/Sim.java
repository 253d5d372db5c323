package org.dmabufdio.runtime;

import java.util.Map;

import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.mm.VmEvent;
import org.dmabufdio.runtime.util.Units;

/** A machine and one process, with the calls tests make most, spelled short. */
public final class Sim {

	public static final int RW = Mmap.PROT_READ | Mmap.PROT_WRITE;

	public final Machine m;
	public final Task app;

	public Sim(BootParams p, String variant) {
		this(new Machine(p, KernelVariant.byName(variant)));
	}

	public Sim(Machine m) {
		this.m = m;
		app = m.spawn("app");
	}

	public Sim(String variant) {
		this(TestMachines.small(), variant);
	}

	public Kernel k() {
		return m.kernel();
	}

	public long anon(long bytes) {
		return m.mmap(app, bytes, RW, Mmap.MAP_PRIVATE | Mmap.MAP_ANONYMOUS, -1, 0, MapMethod.KERNEL_DEFAULT);
	}

	public int alloc(String heap, long bytes) {
		return (int) m.dmaHeapAlloc(app, heap, bytes);
	}

	public long map(int fd, long bytes, int flags, MapMethod method) {
		return m.mmap(app, bytes, RW, flags, fd, 0, method);
	}

	public long mapShared(int fd, long bytes) {
		return map(fd, bytes, Mmap.MAP_SHARED, MapMethod.KERNEL_DEFAULT);
	}

	public int open(String file, int flags) {
		return (int) m.open(app, file, flags);
	}

	/** Reads a whole file into memory at addr, as an application loop does. */
	public long readAll(String file, long addr, boolean direct) {
		int fd = open(file, direct ? OpenFile.O_RDONLY | OpenFile.O_DIRECT : OpenFile.O_RDONLY);
		long size = k().vfs.lookup(file).size();
		long len = direct ? Units.pageAlign(size) : size;
		long done = 0;
		while (done < len) {
			long r = m.pread(app, fd, addr + done, len - done, done);
			if (r < 0) {
				m.close(app, fd);
				return r;
			}
			if (r == 0) {
				break;
			}
			done += r;
		}
		m.close(app, fd);
		return done;
	}

	public Map<String, Long> meminfo() {
		return m.meminfo();
	}

	public long mem(String field) {
		return m.meminfo().get(field);
	}

	public long status(String field) {
		return m.status(app).get(field);
	}

	public long events(VmEvent e) {
		return k().vmstat.events(e);
	}
}
