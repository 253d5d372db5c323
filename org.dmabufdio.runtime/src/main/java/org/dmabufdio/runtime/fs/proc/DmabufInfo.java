package org.dmabufdio.runtime.fs.proc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.runtime.drivers.dmabuf.DmaBuf;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.util.Units;

/**
 * Per-buffer dma-buf totals, as /sys/kernel/debug/dma_buf/bufinfo lists buffers
 * ({@code dma_buf_debug_show()}, drivers/dma-buf/dma-buf.c), with what the simulator adds: the
 * pages mapped with page references and the pages pinned. In kB.
 */
public final class DmabufInfo {

	/** The fields {@link Buffer#fields()} gives, in order. */
	public static final List<String> FIELDS = List.of("Size", "Mapped", "Pinned");

	/** One live buffer. */
	public record Buffer(String name, String exporter, Map<String, Long> fields) {
	}

	private DmabufInfo() {
	}

	public static List<Buffer> show(Kernel k) {
		List<Buffer> out = new ArrayList<>();
		for (DmaBuf b : k.heaps.live()) {
			out.add(new Buffer(b.name, b.exporter(), fields(b)));
		}
		return out;
	}

	/** The totals of one buffer. */
	public static Map<String, Long> fields(DmaBuf b) {
		Map<String, Long> m = new LinkedHashMap<>();
		m.put("Size", b.size >> 10);
		m.put("Mapped", Units.kb(b.mappedPages()));
		m.put("Pinned", Units.kb(b.pinnedPages()));
		return m;
	}
}
