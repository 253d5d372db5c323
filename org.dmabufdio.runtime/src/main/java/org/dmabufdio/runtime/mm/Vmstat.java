package org.dmabufdio.runtime.mm;

/** Global page counters (mm/vmstat.c: global_node_page_state / global_zone_page_state). */
public final class Vmstat {

	private final long[] counters = new long[NodeStat.values().length];
	private final long[] events = new long[VmEvent.values().length];

	/** {@code mod_node_page_state()}: adds delta pages to one counter. */
	public void mod(NodeStat item, long delta) {
		counters[item.ordinal()] += delta;
	}

	/** {@code global_node_page_state()}. */
	public long get(NodeStat item) {
		return counters[item.ordinal()];
	}

	/** {@code count_vm_events()}. */
	public void count(VmEvent event, long n) {
		events[event.ordinal()] += n;
	}

	public long events(VmEvent event) {
		return events[event.ordinal()];
	}

	/** A copy of every counter, indexed by {@link NodeStat#ordinal()}. */
	public long[] snapshot() {
		return counters.clone();
	}
}
