package org.dmabufdio.runtime.mm;

import static org.dmabufdio.runtime.kernel.Errno.ENOMEM;

import org.dmabufdio.runtime.fs.AddressSpace;
import org.dmabufdio.runtime.kernel.KFile;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * shmem/tmpfs files (mm/shmem.c): memfds and shared anonymous mappings. Their pages are
 * swap-backed page cache: NR_SHMEM and Cached in meminfo, MM_SHMEMPAGES when mapped.
 */
public final class Shmem {

	private final Kernel k;

	public Shmem(Kernel k) {
		this.k = k;
	}

	/** A shmem file: a memfd or the object behind a MAP_SHARED|MAP_ANONYMOUS mapping. */
	public final class ShmemFile implements KFile, Mappable {
		public final String name;
		final AddressSpace mapping;
		long size;
		private final VmOps vmOps;

		ShmemFile(String name, long size) {
			this.name = name;
			this.size = size;
			this.mapping = new AddressSpace(k, Pages.Kind.SHMEM, name);
			this.vmOps = new VmOps() {
				@Override
				public long fault(Vma vma, long vpn, boolean write) {
					return shmemFault(ShmemFile.this, vma, vpn);
				}

				@Override
				public String name() {
					return "/memfd:" + ShmemFile.this.name;
				}

				@Override
				public boolean shmem() {
					return true;
				}
			};
		}

		public long size() {
			return size;
		}

		/** ftruncate(): a new size; pages past it are dropped. */
		public void truncate(long newSize) {
			long keep = Units.pagesFor(newSize);
			long had = Units.pagesFor(size);
			if (keep < had) {
				k.filemap.removeFolios(mapping, keep, had);
			}
			size = newSize;
		}

		@Override
		public Pages pages() {
			return mapping.pages();
		}

		@Override
		public VmOps vmOps() {
			return vmOps;
		}

		@Override
		public boolean writable() {
			return true;
		}

		@Override
		public long mmap(Vma vma) {
			return 0;
		}

		@Override
		public String describe() {
			return "/memfd:" + name + " (" + size + " bytes)";
		}

		/**
		 * {@code shmem_get_folio()} for [from, to): allocates and zeroes the missing pages.
		 * Returns 0 or -ENOMEM.
		 */
		public long getFolios(long from, long to) {
			long[] missing = { 0 };
			long[] failed = { 0 };
			mapping.pages().forEachHole(from, to, (s, e, v) -> {
				if (failed[0] == 0) {
					long got = k.filemap.addFolios(mapping, s, e - s, Gfp.GFP_HIGHUSER_MOVABLE);
					missing[0] += got;
					if (got < e - s) {
						failed[0] = 1;
					}
				}
			});
			k.costs.charge(Cost.PAGE_ZERO_NS, missing[0]);
			return failed[0] != 0 ? -ENOMEM : 0;
		}
	}

	/** {@code memfd_create()}: an empty shmem file. */
	public ShmemFile memfdCreate(String name) {
		return new ShmemFile(name, 0);
	}

	/** {@code shmem_zero_setup()}: the shmem object behind a shared anonymous mapping. */
	public ShmemFile zeroSetup(String owner, long pages) {
		return new ShmemFile("dev/zero (" + owner + ")", pages << Units.PAGE_SHIFT);
	}

	/** {@code shmem_fault()}: the page (allocated on first touch), mapped with a normal pte. */
	long shmemFault(ShmemFile file, Vma vma, long vpn) {
		long index = vma.backingIndex(vpn);
		if (index << Units.PAGE_SHIFT >= file.size) {
			return VmOps.VM_FAULT_SIGBUS;
		}
		long ret = file.getFolios(index, index + 1);
		if (ret < 0) {
			return ret;
		}
		k.memory.setPteRange(vma, vpn, 1, false);
		return 0;
	}
}
