package org.dmabufdio.dsl.interpreter;

import org.dmabufdio.runtime.drivers.dmabuf.DmaBuf;
import org.dmabufdio.runtime.kernel.Task;

/** What scenario names stand for while a scenario runs. */
final class Handles {

	private Handles() {
	}

	/** A dma-buf, udmabuf or memfd: the descriptor its process holds, its size, the dma-buf. */
	record Buffer(String name, Task owner, int fd, long size, DmaBuf dmabuf) {
		boolean memfd() {
			return dmabuf == null;
		}
	}

	/** A mapping: the process, where it starts and how long it is. */
	record Mapping(String name, Task task, long addr, long length) {
	}

	/** A pin held across steps. */
	record Pinned(int handle) {
	}

	/** A file on the simulated data partition. */
	record File(String name) {
	}
}
