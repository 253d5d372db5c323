package org.dmabufdio.runtime.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.dmabufdio.runtime.mm.MmStruct;

/** A process (struct task_struct): its pid, address space and file descriptors. */
public final class Task {

	public final int pid;
	public final String comm;
	public final Task parent;
	MmStruct mm;
	final TreeMap<Integer, KFile> fds = new TreeMap<>();
	boolean exited;

	Task(int pid, String comm, Task parent) {
		this.pid = pid;
		this.comm = comm;
		this.parent = parent;
		this.mm = new MmStruct(comm + "[" + pid + "]");
	}

	public MmStruct mm() {
		return mm;
	}

	public boolean exited() {
		return exited;
	}

	public KFile file(int fd) {
		return fds.get(fd);
	}

	public Map<Integer, KFile> fds() {
		return Collections.unmodifiableMap(fds);
	}

	/** The lowest free descriptor number (get_unused_fd_flags()), from 3 as stdio is taken. */
	int installFd(KFile file) {
		int fd = 3;
		while (fds.containsKey(fd)) {
			fd++;
		}
		fds.put(fd, file);
		return fd;
	}

	@Override
	public String toString() {
		return comm + "[" + pid + "]";
	}
}
