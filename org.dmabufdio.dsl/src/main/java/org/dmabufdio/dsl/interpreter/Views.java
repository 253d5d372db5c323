package org.dmabufdio.dsl.interpreter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dmabufdio.runtime.drivers.dmabuf.DmaBuf;
import org.dmabufdio.runtime.util.Units;

/** The per-buffer view of a dma-buf (its size, and its pages mapped and pinned), in kB. */
final class Views {

	private Views() {
	}

	static Map<String, Long> dmabuf(Handles.Buffer b) {
		Map<String, Long> m = new LinkedHashMap<>();
		DmaBuf buf = b.dmabuf();
		if (buf != null) {
			m.put("Size", buf.size >> 10);
			m.put("Mapped", Units.kb(buf.mappedPages()));
			m.put("Pinned", Units.kb(buf.pinnedPages()));
		} else {
			m.put("Size", b.size() >> 10);
			m.put("Mapped", 0L);
			m.put("Pinned", 0L);
		}
		return m;
	}
}
