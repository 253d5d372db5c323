package org.dmabufdio.dsl.interpreter;

import static org.dmabufdio.runtime.mm.Mmap.MADV_DONTNEED;
import static org.dmabufdio.runtime.mm.Mmap.MAP_ANONYMOUS;
import static org.dmabufdio.runtime.mm.Mmap.MAP_PRIVATE;
import static org.dmabufdio.runtime.mm.Mmap.MAP_SHARED;
import static org.dmabufdio.runtime.mm.Mmap.PROT_READ;
import static org.dmabufdio.runtime.mm.Mmap.PROT_WRITE;

import org.dmabufdio.dsl.dmabuf.Alloc;
import org.dmabufdio.dsl.dmabuf.CpuWrite;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Free;
import org.dmabufdio.dsl.dmabuf.Madvise;
import org.dmabufdio.dsl.dmabuf.MapMethod;
import org.dmabufdio.dsl.dmabuf.Memcpy;
import org.dmabufdio.dsl.dmabuf.Memfd;
import org.dmabufdio.dsl.dmabuf.Memory;
import org.dmabufdio.dsl.dmabuf.Mmap;
import org.dmabufdio.dsl.dmabuf.Munmap;
import org.dmabufdio.dsl.dmabuf.Pin;
import org.dmabufdio.dsl.dmabuf.Unpin;
import org.dmabufdio.dsl.dmabuf.Range;
import org.dmabufdio.dsl.dmabuf.Sharing;
import org.dmabufdio.dsl.dmabuf.Touch;
import org.dmabufdio.dsl.dmabuf.Udmabuf;
import org.dmabufdio.dsl.dmabuf.DmabufPackage;
import org.dmabufdio.dsl.util.Locations;
import org.dmabufdio.runtime.drivers.dmabuf.DmaBuf;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.KFile;
import org.eclipse.emf.ecore.EObject;

/** Buffers, memfds, mappings and the CPU touching memory. */
final class MemoryActions {

	private static final int PROT_RW = PROT_READ | PROT_WRITE;

	private final Env env;

	MemoryActions(Env env) {
		this.env = env;
	}

	Outcome run(Memory m) {
		if (m instanceof Alloc a) {
			long size = Values.size(env, a.getSize());
			long fd = env.machine.dmaHeapAlloc(env.current, a.getHeap().getLiteral(), size);
			if (fd >= 0) {
				remember(a, new Handles.Buffer(name(a), env.current, (int) fd, size, dmabuf((int) fd)));
			}
			return Outcome.of(fd);
		}
		if (m instanceof Free f) {
			Handles.Buffer b = buffer(f.getBuffer(), f);
			return Outcome.of(env.machine.close(b.owner(), b.fd()));
		}
		if (m instanceof Memfd mf) {
			long size = Values.size(env, mf.getSize());
			long fd = env.machine.memfdCreate(env.current, name(mf));
			if (fd >= 0) {
				long ret = env.machine.ftruncate(env.current, (int) fd, size);
				if (ret < 0) {
					return Outcome.of(ret);
				}
				remember(mf, new Handles.Buffer(name(mf), env.current, (int) fd, size, null));
			}
			return Outcome.of(fd);
		}
		if (m instanceof Udmabuf u) {
			Handles.Buffer memfd = buffer(u.getMemfd(), u);
			if (!memfd.memfd()) {
				throw ScenarioException.error(u, "udmabuf needs a memfd, and " + memfd.name() + " is a dma-buf");
			}
			long[] r = range(u.getRange(), memfd.size());
			long fd = env.machine.udmabufCreate(env.current, memfd.fd(), r[0], r[1]);
			if (fd >= 0) {
				remember(u, new Handles.Buffer(name(u), env.current, (int) fd, r[1], dmabuf((int) fd)));
			}
			return Outcome.of(fd);
		}
		if (m instanceof Mmap mm) {
			return mmap(mm);
		}
		if (m instanceof Munmap u) {
			Handles.Mapping map = mapping(u.getMapping(), u);
			return Outcome.of(env.machine.munmap(map.task(), map.addr(), map.length()));
		}
		if (m instanceof Madvise a) {
			Handles.Mapping map = mapping(a.getMapping(), a);
			long[] r = range(a.getRange(), map.length());
			return Outcome.of(env.machine.madvise(map.task(), map.addr() + r[0], r[1], MADV_DONTNEED));
		}
		if (m instanceof Touch t) {
			return touch(mapping(t.getMapping(), t), t.getRange(), false);
		}
		if (m instanceof Pin pin) {
			Handles.Mapping map = mapping(pin.getMapping(), pin);
			long[] r = range(pin.getRange(), map.length());
			long handle = env.machine.pin(env.current, map.addr() + r[0], r[1], pin.isLongterm());
			if (handle >= 0) {
				Handles.Pinned p = new Handles.Pinned((int) handle);
				env.objects.put(pin, p);
				env.lastPin = p;
			}
			return Outcome.of(handle);
		}
		if (m instanceof Unpin u) {
			Handles.Pinned p = u.getPin() != null ? (Handles.Pinned) env.lookup(u.getPin(), u) : env.lastPin;
			if (p == null) {
				throw ScenarioException.error(u, "no pin yet: pin a mapping first, or name the pin");
			}
			return Outcome.of(env.machine.unpin(p.handle()));
		}
		if (m instanceof Memcpy c) {
			Handles.Mapping src = mapping(c.getSource(), c);
			Handles.Mapping dst = mapping(c.getTarget(), c);
			long[] r = range(c.getRange(), Math.min(src.length(), dst.length()));
			return Outcome.of(env.machine.memcpy(env.current, dst.addr() + r[0], src.addr() + r[0], r[1]));
		}
		CpuWrite w = (CpuWrite) m;
		return touch(mapping(w.getMapping(), w), w.getRange(), true);
	}

	private Outcome touch(Handles.Mapping map, Range range, boolean write) {
		long[] r = range(range, map.length());
		return Outcome.of(env.machine.touch(env.current, map.addr() + r[0], r[1], write));
	}

	/**
	 * mmap of a buffer (shared unless said otherwise), of a file, or of anonymous memory
	 * (private unless said otherwise); the whole object unless a range is given.
	 */
	private Outcome mmap(Mmap mm) {
		boolean forceShared = Locations.isWritten(mm, DmabufPackage.Literals.MMAP__SHARING) && mm.getSharing() == Sharing.SHARED;
		boolean forcePrivate = Locations.isWritten(mm, DmabufPackage.Literals.MMAP__SHARING) && mm.getSharing() == Sharing.PRIVATE;
		org.dmabufdio.runtime.drivers.dmabuf.MapMethod method = mapMethod(mm);
		long addr;
		long length;
		if (mm.isAnon()) {
			length = Values.size(env, mm.getSize());
			int flags = (forceShared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS;
			addr = env.machine.mmap(env.current, length, PROT_RW, flags, -1, 0, method);
		} else {
			Object target = mm.getTarget() != null ? env.lookup(mm.getTarget(), mm) : implicitBuffer(mm);
			int flags = forcePrivate ? MAP_PRIVATE : MAP_SHARED;
			if (target instanceof Handles.File file) {
				long size = env.machine.kernel().vfs.lookup(file.name()).size();
				long[] r = range(mm.getRange(), size);
				length = r[1];
				long fd = env.machine.open(env.current, file.name(), OpenFile.O_RDWR);
				if (fd < 0) {
					return Outcome.of(fd);
				}
				addr = env.machine.mmap(env.current, length, PROT_RW, flags, (int) fd, r[0], method);
				env.machine.close(env.current, (int) fd); // the mapping keeps the file
			} else {
				Handles.Buffer b = (Handles.Buffer) target;
				long[] r = range(mm.getRange(), b.size());
				length = r[1];
				addr = env.machine.mmap(env.current, length, PROT_RW, flags, b.fd(), r[0], method);
			}
		}
		if (addr >= 0) {
			Handles.Mapping map = new Handles.Mapping(name(mm), env.current, addr, length);
			env.objects.put(mm, map);
			env.mappings.add(map);
			env.lastMapping = map;
		}
		return Outcome.of(addr, addr >= 0 ? "at 0x" + Long.toHexString(addr) : null);
	}

	/** The heap's own way, unless the step forces vm_insert_page or remap_pfn_range. */
	private static org.dmabufdio.runtime.drivers.dmabuf.MapMethod mapMethod(Mmap mm) {
		if (!Locations.isWritten(mm, DmabufPackage.Literals.MMAP__METHOD)) {
			return org.dmabufdio.runtime.drivers.dmabuf.MapMethod.KERNEL_DEFAULT;
		}
		return mm.getMethod() == MapMethod.INSERT_PAGE ? org.dmabufdio.runtime.drivers.dmabuf.MapMethod.INSERT_PAGE
				: org.dmabufdio.runtime.drivers.dmabuf.MapMethod.REMAP_PFN;
	}

	private Handles.Buffer implicitBuffer(EObject where) {
		if (env.lastBuffer == null) {
			throw ScenarioException.error(where, "no buffer to map: alloc one first, or name what to map");
		}
		return env.lastBuffer;
	}

	private Handles.Buffer buffer(Declaration d, EObject where) {
		if (d == null) {
			return implicitBuffer(where);
		}
		if (!(env.lookup(d, where) instanceof Handles.Buffer b)) {
			throw ScenarioException.error(where, "'" + d.getName() + "' is not a buffer");
		}
		return b;
	}

	/** The named mapping, or the most recent one. */
	Handles.Mapping mapping(Declaration d, EObject where) {
		return MemoryActions.mapping(env, d, where);
	}

	static Handles.Mapping mapping(Env env, Declaration d, EObject where) {
		if (d == null) {
			if (env.lastMapping == null) {
				throw ScenarioException.error(where, "no mapping yet: mmap one first, or name the mapping");
			}
			return env.lastMapping;
		}
		if (!(env.lookup(d, where) instanceof Handles.Mapping m)) {
			throw ScenarioException.error(where, "'" + d.getName() + "' is not a mapping");
		}
		return m;
	}

	/** {offset, length} of a range over an object of {@code size} bytes (default: all of it). */
	long[] range(Range r, long size) {
		return range(env, r, size);
	}

	static long[] range(Env env, Range r, long size) {
		if (r == null) {
			return new long[] { 0, size };
		}
		long offset = r.getOffset() != null ? Values.size(env, r.getOffset()) : 0;
		long length = r.getLength() != null ? Values.size(env, r.getLength()) : Math.max(0, size - offset);
		return new long[] { offset, length };
	}

	private void remember(Declaration d, Handles.Buffer b) {
		env.objects.put(d, b);
		env.buffers.add(b);
		env.lastBuffer = b;
	}

	private DmaBuf dmabuf(int fd) {
		KFile f = env.current.file(fd);
		return f instanceof DmaBuf b ? b : null;
	}

	private static String name(Declaration d) {
		return d.getName() != null ? d.getName() : "#" + Locations.line(d);
	}

}
