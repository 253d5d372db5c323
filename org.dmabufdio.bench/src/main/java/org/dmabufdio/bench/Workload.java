package org.dmabufdio.bench;

import org.dmabufdio.runtime.Machine;
import org.dmabufdio.runtime.devices.DeviceParameter;
import org.dmabufdio.runtime.devices.DeviceProfile;
import org.dmabufdio.runtime.devices.DeviceProfiles;
import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.util.Units;

/**
 * One benchmark workload: a machine set up as a scenario would (before the clock starts) and the
 * load it measures: a file read into a mapped system-heap dma-buf, as an application does.
 */
final class Workload {

	final Machine machine;
	final Task app;
	final long size;
	final boolean direct;
	private long addr;

	private Workload(Machine machine, long size, boolean direct) {
		this.machine = machine;
		this.app = machine.spawn("app");
		this.size = size;
		this.direct = direct;
	}

	/** Boots {@code profile} with {@code overrides} (key, value pairs) on the seed's full kernel. */
	static Workload boot(String profile, long fileBytes, boolean direct, String... overrides) {
		BootParams p = DeviceProfiles.get(profile).bootParams();
		p.noisePermille = 0;
		for (int i = 0; i < overrides.length; i += 2) {
			DeviceProfile.set(p, DeviceParameter.byKey(overrides[i]), overrides[i + 1]);
		}
		Workload w = new Workload(new Machine(p, KernelVariant.byName("dmabuf_dio")), fileBytes, direct);
		w.machine.createFile("model.bin", fileBytes);
		return w;
	}

	Workload stress(long bytes) {
		machine.stress(bytes, 0);
		return this;
	}

	/** Allocates and maps the dma-buf the file is loaded into. */
	Workload allocate() {
		int fd = (int) machine.dmaHeapAlloc(app, "system", size);
		if (fd < 0) {
			throw new IllegalStateException("the dma-buf allocation failed: " + fd);
		}
		addr = machine.mmap(app, size, Mmap.PROT_READ | Mmap.PROT_WRITE, Mmap.MAP_SHARED, fd, 0, MapMethod.KERNEL_DEFAULT);
		if (addr < 0) {
			throw new IllegalStateException("the mmap failed: " + addr);
		}
		return this;
	}

	/** Reads the whole file into the mapping, pread() after pread(); returns the bytes read. */
	long read() {
		int fd = (int) machine.open(app, "model.bin", direct ? OpenFile.O_RDONLY | OpenFile.O_DIRECT : OpenFile.O_RDONLY);
		long len = direct ? Units.pageAlign(size) : size;
		long done = 0;
		while (done < len) {
			long r = machine.pread(app, fd, addr + done, len - done, done);
			if (r <= 0) {
				break;
			}
			done += r;
		}
		machine.close(app, fd);
		if (done != size) {
			throw new IllegalStateException("read " + done + " of " + size + " bytes");
		}
		return done;
	}
}
