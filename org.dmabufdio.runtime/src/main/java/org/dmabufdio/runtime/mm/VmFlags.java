package org.dmabufdio.runtime.mm;

/**
 * The vm_flags bits of a vma (include/linux/mm.h) and their smaps mnemonics
 * ({@code show_smap_vma_flags()} in fs/proc/task_mmu.c).
 */
public final class VmFlags {

	public static final long VM_READ = 0x00000001L;
	public static final long VM_WRITE = 0x00000002L;
	public static final long VM_EXEC = 0x00000004L;
	public static final long VM_SHARED = 0x00000008L;
	public static final long VM_MAYREAD = 0x00000010L;
	public static final long VM_MAYWRITE = 0x00000020L;
	public static final long VM_MAYEXEC = 0x00000040L;
	public static final long VM_MAYSHARE = 0x00000080L;
	public static final long VM_GROWSDOWN = 0x00000100L;
	public static final long VM_PFNMAP = 0x00000400L;
	/** The seed's patch 2 (include/linux/mm.h): not in any released kernel, no mnemonic. */
	public static final long VM_DMABUF_DIO = 0x00000800L;
	public static final long VM_UFFD_WP = 0x00001000L;
	public static final long VM_LOCKED = 0x00002000L;
	public static final long VM_IO = 0x00004000L;
	public static final long VM_SEQ_READ = 0x00008000L;
	public static final long VM_RAND_READ = 0x00010000L;
	public static final long VM_DONTCOPY = 0x00020000L;
	public static final long VM_DONTEXPAND = 0x00040000L;
	public static final long VM_LOCKONFAULT = 0x00080000L;
	public static final long VM_ACCOUNT = 0x00100000L;
	public static final long VM_NORESERVE = 0x00200000L;
	public static final long VM_HUGETLB = 0x00400000L;
	public static final long VM_SYNC = 0x00800000L;
	public static final long VM_ARCH_1 = 0x01000000L;
	public static final long VM_WIPEONFORK = 0x02000000L;
	public static final long VM_DONTDUMP = 0x04000000L;
	public static final long VM_SOFTDIRTY = 0x08000000L;
	public static final long VM_MIXEDMAP = 0x10000000L;
	public static final long VM_HUGEPAGE = 0x20000000L;
	public static final long VM_NOHUGEPAGE = 0x40000000L;
	public static final long VM_MERGEABLE = 0x80000000L;

	/** Bits a vma never merges or copies across (VM_SPECIAL). */
	public static final long VM_SPECIAL = VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP;

	private static final String[] MNEMONICS = new String[64];

	static {
		java.util.Arrays.fill(MNEMONICS, "??");
		String[][] names = { { "rd", "1" }, { "wr", "2" }, { "ex", "4" }, { "sh", "8" }, { "mr", "10" },
				{ "mw", "20" }, { "me", "40" }, { "ms", "80" }, { "gd", "100" }, { "pf", "400" },
				{ "uw", "1000" }, { "lo", "2000" }, { "io", "4000" }, { "sr", "8000" }, { "rr", "10000" },
				{ "dc", "20000" }, { "de", "40000" }, { "lf", "80000" }, { "ac", "100000" }, { "nr", "200000" },
				{ "ht", "400000" }, { "sf", "800000" }, { "ar", "1000000" }, { "wf", "2000000" },
				{ "dd", "4000000" }, { "sd", "8000000" }, { "mm", "10000000" }, { "hg", "20000000" },
				{ "nh", "40000000" }, { "mg", "80000000" } };
		for (String[] n : names) {
			MNEMONICS[Long.numberOfTrailingZeros(Long.parseLong(n[1], 16))] = n[0];
		}
	}

	private VmFlags() {
	}

	/** The smaps "VmFlags:" line body: two letters per set bit, "??" for a bit without a name. */
	public static String mnemonics(long flags) {
		StringBuilder sb = new StringBuilder();
		for (int bit = 0; bit < 64; bit++) {
			if ((flags & (1L << bit)) != 0) {
				if (sb.length() > 0) {
					sb.append(' ');
				}
				sb.append(MNEMONICS[bit]);
			}
		}
		return sb.toString();
	}

	/** is_cow_mapping(): private and may be written. */
	public static boolean isCowMapping(long flags) {
		return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	}

	/** The two-letter code of one flag bit, or null if smaps has none for it. */
	public static String mnemonicOf(long flag) {
		String m = MNEMONICS[Long.numberOfTrailingZeros(flag)];
		return "??".equals(m) ? null : m;
	}

	/** Every two-letter code smaps prints, in bit order. */
	public static java.util.List<String> knownMnemonics() {
		return java.util.Arrays.stream(MNEMONICS).filter(m -> !"??".equals(m)).toList();
	}

	/** The flag bit with this smaps mnemonic, or 0. */
	public static long flagOf(String mnemonic) {
		for (int bit = 0; bit < 64; bit++) {
			if (MNEMONICS[bit].equals(mnemonic) && !"??".equals(mnemonic)) {
				return 1L << bit;
			}
		}
		return 0;
	}
}
