package org.dmabufdio.runtime.mm;

import static org.dmabufdio.runtime.kernel.Errno.EACCES;
import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.dmabufdio.runtime.kernel.Errno.ENOMEM;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.util.Units;

/**
 * Creating, splitting and removing mappings (mm/mmap.c, mm/vma.c) and madvise (mm/madvise.c).
 */
public final class Mmap {

	public static final int PROT_READ = 0x1;
	public static final int PROT_WRITE = 0x2;
	public static final int PROT_EXEC = 0x4;

	public static final int MAP_SHARED = 0x01;
	public static final int MAP_PRIVATE = 0x02;
	public static final int MAP_FIXED = 0x10;
	public static final int MAP_ANONYMOUS = 0x20;
	public static final int MAP_POPULATE = 0x8000;

	public static final int MADV_DONTNEED = 4;

	private final Kernel k;
	/** The file behind each file-backed vma, for fput() when it goes. */
	private final Map<Vma, Mappable> files = new IdentityHashMap<>();

	public Mmap(Kernel k) {
		this.k = k;
	}

	/**
	 * {@code do_mmap()} → {@code mmap_region()}: validates the request, builds vm_flags, creates
	 * the vma and calls the file's mmap handler. {@code file} is null for MAP_ANONYMOUS.
	 * Returns the address or -errno.
	 */
	public long doMmap(MmStruct mm, long len, int prot, int flags, Mappable file, long pgoff) {
		if (len <= 0) {
			return -EINVAL;
		}
		int type = flags & (MAP_SHARED | MAP_PRIVATE);
		if (type != MAP_SHARED && type != MAP_PRIVATE) {
			return -EINVAL;
		}
		long pages = Units.pagesFor(len);
		long vmFlags = calcVmProtBits(prot) | VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE | VmFlags.VM_MAYEXEC;
		if (type == MAP_SHARED) {
			vmFlags |= VmFlags.VM_SHARED | VmFlags.VM_MAYSHARE;
			if (file != null && !file.writable()) {
				if ((prot & PROT_WRITE) != 0) {
					return -EACCES;
				}
				vmFlags &= ~(VmFlags.VM_MAYWRITE | VmFlags.VM_SHARED);
			}
		}
		if (file == null && type == MAP_SHARED) {
			file = k.shmem.zeroSetup(mm.owner, pages); // shmem_zero_setup()
		}
		if ((vmFlags & (VmFlags.VM_NORESERVE | VmFlags.VM_SHARED | VmFlags.VM_WRITE)) == VmFlags.VM_WRITE) {
			vmFlags |= VmFlags.VM_ACCOUNT; // accountable_mapping()
		}
		long start = mm.getUnmappedArea(pages);
		if (start < 0) {
			return -ENOMEM;
		}
		Vma vma = new Vma(mm, start, start + pages, vmFlags, pgoff, file == null ? null : file.pages(),
				file == null ? null : file.vmOps());
		mm.insert(vma);
		linkFile(vma);
		if (file != null) {
			files.put(vma, file);
			file.vmaOpened(vma);
			long ret = file.mmap(vma);
			if (ret < 0) {
				unmapVma(vma);
				return ret;
			}
		}
		if ((flags & MAP_POPULATE) != 0) {
			k.memory.handleMmFault(vma, vma.start, vma.pages(), (prot & PROT_WRITE) != 0);
		}
		return start << Units.PAGE_SHIFT;
	}

	/** {@code calc_vm_prot_bits()}. */
	static long calcVmProtBits(int prot) {
		return ((prot & PROT_READ) != 0 ? VmFlags.VM_READ : 0) | ((prot & PROT_WRITE) != 0 ? VmFlags.VM_WRITE : 0)
				| ((prot & PROT_EXEC) != 0 ? VmFlags.VM_EXEC : 0);
	}

	/**
	 * {@code do_munmap()}: zaps and removes [addr, addr + len), splitting vmas that straddle
	 * the edges. Returns 0 or -EINVAL for an unaligned or empty range.
	 */
	public long doMunmap(MmStruct mm, long addr, long len) {
		if (!Units.isPageAligned(addr) || len <= 0) {
			return -EINVAL;
		}
		long from = addr >>> Units.PAGE_SHIFT;
		long to = from + Units.pagesFor(len);
		for (Vma vma : mm.vmasIn(from, to)) {
			Vma inside = isolate(vma, from, to);
			unmapVma(inside);
		}
		return 0;
	}

	/** Splits a vma so that exactly its part inside [from, to) is one vma, and returns that. */
	private Vma isolate(Vma vma, long from, long to) {
		if (vma.start < from) {
			vma = split(vma, from);
		}
		if (vma.end > to) {
			split(vma, to);
		}
		return vma;
	}

	/**
	 * {@code __split_vma()}: cuts a vma at {@code at}; the upper part becomes a new vma with its
	 * ptes, a shifted vm_pgoff, the same file and anon_vma. Returns the upper part.
	 */
	Vma split(Vma vma, long at) {
		Vma upper = new Vma(vma.mm, at, vma.end, vma.flags, vma.pgoff + (at - vma.start), vma.backing, vma.ops);
		upper.anonVma = vma.anonVma;
		vma.ptes.forEach(at, vma.end, (s, e, pte) -> {
			if (pte != Pte.NONE) {
				upper.ptes.set(s, e, pte);
			}
		});
		vma.ptes.set(at, vma.end, Pte.NONE);
		vma.end = at;
		vma.mm.insert(upper);
		linkFile(upper);
		Mappable file = files.get(vma);
		if (file != null) {
			files.put(upper, file);
			file.vmaOpened(upper);
		}
		for (AnonVma anon : anonOwners(upper)) {
			if (!anon.mappers.contains(upper)) {
				anon.mappers.add(upper);
			}
		}
		return upper;
	}

	/** {@code vma_interval_tree_insert()}: the file's pages know this vma maps them. */
	private static void linkFile(Vma vma) {
		if (vma.backing != null) {
			vma.backing.mappers.add(vma);
		}
	}

	/** The anon owners whose pages a vma maps (its own and those shared from a parent). */
	private List<AnonVma> anonOwners(Vma vma) {
		List<AnonVma> out = new ArrayList<>();
		if (vma.anonVma != null) {
			out.add(vma.anonVma);
		}
		vma.ptes.forEach(vma.start, vma.end, (s, e, pte) -> {
			if (Pte.anon(pte)) {
				AnonVma a = k.anonVmas.get(Pte.sourceId(pte));
				if (!out.contains(a)) {
					out.add(a);
				}
			}
		});
		return out;
	}

	/** {@code unmap_vmas()} + {@code remove_vma()}: zaps all ptes and drops the vma. */
	public void unmapVma(Vma vma) {
		List<AnonVma> anon = anonOwners(vma);
		k.memory.zapPteRange(vma, vma.start, vma.end);
		for (AnonVma a : anon) {
			a.mappers.remove(vma);
		}
		vma.mm.remove(vma);
		if (vma.backing != null) {
			vma.backing.mappers.remove(vma);
		}
		Mappable file = files.remove(vma);
		if (file != null) {
			file.vmaClosed(vma);
		}
	}

	/** The file a vma maps, or null for anonymous memory. */
	public Mappable fileOf(Vma vma) {
		return files.get(vma);
	}

	/** Registers the file of a vma fork copied. */
	void vmaCopied(Vma child, Vma parent) {
		Mappable file = files.get(parent);
		if (file != null) {
			files.put(child, file);
			file.vmaOpened(child);
		}
	}

	/**
	 * {@code dup_mmap()} (kernel/fork.c): the child gets a copy of every vma but VM_DONTCOPY
	 * ones, shares their files, gets its own anon_vma where the parent had one, and its page
	 * tables are copied where {@link Memory#vmaNeedsCopy} says a fault could not rebuild them.
	 * Returns 0 or -errno.
	 */
	public long dupMmap(MmStruct child, MmStruct parent) {
		for (Vma src : new ArrayList<>(parent.vmas())) {
			if (src.hasFlag(VmFlags.VM_DONTCOPY)) {
				continue;
			}
			Vma dst = new Vma(child, src.start, src.end, src.flags & ~VmFlags.VM_LOCKED, src.pgoff, src.backing,
					src.ops);
			child.insert(dst);
			linkFile(dst);
			vmaCopied(dst, src);
			if (src.anonVma != null) {
				k.anonVmas.prepare(dst); // anon_vma_fork()
			}
			if (src.hasFlag(VmFlags.VM_WIPEONFORK)) {
				continue;
			}
			long ret = k.memory.copyPageRange(dst, src);
			if (ret < 0) {
				return ret;
			}
		}
		return 0;
	}

	/** {@code exit_mmap()}: unmaps every vma of an exiting process. */
	public void exitMmap(MmStruct mm) {
		for (Vma vma : new ArrayList<>(mm.vmas())) {
			unmapVma(vma);
		}
	}

	/**
	 * {@code madvise(MADV_DONTNEED)}: zaps the ptes of [addr, addr + len); VM_PFNMAP and
	 * VM_LOCKED vmas are refused with -EINVAL ({@code madvise_dontneed_free_valid_vma()}).
	 */
	public long madviseDontneed(MmStruct mm, long addr, long len) {
		if (!Units.isPageAligned(addr) || len < 0) {
			return -EINVAL;
		}
		long from = addr >>> Units.PAGE_SHIFT;
		long to = from + Units.pagesFor(len);
		List<Vma> vmas = mm.vmasIn(from, to);
		if (vmas.isEmpty()) {
			return -ENOMEM;
		}
		for (Vma vma : vmas) {
			if (vma.hasFlag(VmFlags.VM_PFNMAP | VmFlags.VM_LOCKED)) {
				return -EINVAL;
			}
		}
		for (Vma vma : vmas) {
			long s = Math.max(from, vma.start);
			long e = Math.min(to, vma.end);
			k.memory.zapPteRange(vma, s, e);
		}
		return 0;
	}
}
