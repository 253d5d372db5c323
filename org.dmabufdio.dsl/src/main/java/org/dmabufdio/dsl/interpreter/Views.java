package org.dmabufdio.dsl.interpreter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dmabufdio.runtime.fs.proc.DmabufInfo;

/** The per-buffer view of a buffer handle: bufinfo for a dma-buf, its size for a memfd. */
final class Views {

	private Views() {
	}

	static Map<String, Long> dmabuf(Handles.Buffer b) {
		if (b.dmabuf() != null) {
			return DmabufInfo.fields(b.dmabuf());
		}
		Map<String, Long> m = new LinkedHashMap<>();
		m.put("Size", b.size() >> 10);
		m.put("Mapped", 0L);
		m.put("Pinned", 0L);
		return m;
	}
}
