package org.dmabufdio.runtime.fs;

import org.dmabufdio.runtime.kernel.KFile;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Mappable;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.mm.VmOps;

/** An open regular file (struct file): its inode, open flags, position and readahead state. */
public final class OpenFile implements KFile, Mappable {

	public static final int O_RDONLY = 0;
	public static final int O_WRONLY = 1;
	public static final int O_RDWR = 2;
	public static final int O_DIRECT = 040000;

	public final Inode inode;
	public final int flags;
	long pos;
	final FileRaState ra;
	private final Kernel k;

	public OpenFile(Kernel k, Inode inode, int flags, long raPages) {
		this.k = k;
		this.inode = inode;
		this.flags = flags;
		this.ra = new FileRaState(raPages);
	}

	public boolean direct() {
		return (flags & O_DIRECT) != 0;
	}

	public boolean readable() {
		return (flags & 3) != O_WRONLY;
	}

	@Override
	public boolean writable() {
		return (flags & 3) != O_RDONLY;
	}

	public long pos() {
		return pos;
	}

	public void seek(long pos) {
		this.pos = pos;
	}

	public FileRaState ra() {
		return ra;
	}

	@Override
	public Pages pages() {
		return inode.mapping.pages;
	}

	@Override
	public VmOps vmOps() {
		return new VmOps() {
			@Override
			public long fault(Vma vma, long vpn, boolean write) {
				return k.filemap.filemapFault(OpenFile.this, vma, vpn);
			}

			@Override
			public String name() {
				return "/data/" + inode.name;
			}

			@Override
			public boolean canWriteback() {
				return true;
			}
		};
	}

	/** {@code generic_file_mmap()}: nothing is mapped until it is touched. */
	@Override
	public long mmap(Vma vma) {
		return 0;
	}

	@Override
	public String describe() {
		return "/data/" + inode.name + (direct() ? " (O_DIRECT)" : "");
	}
}
