package org.dmabufdio.runtime.mm;

/**
 * Event counters of /proc/vmstat (enum vm_event_item, include/linux/vm_event_item.h), each with
 * its /proc/vmstat name. pgpgin and pgpgout are the block device's, see ProcVmstat.
 */
public enum VmEvent {
	PGFAULT("pgfault"), PGMAJFAULT("pgmajfault"), PGACTIVATE("pgactivate"), PGDEACTIVATE("pgdeactivate"),
	PGREFILL("pgrefill"), PGSCAN_KSWAPD("pgscan_kswapd"), PGSCAN_DIRECT("pgscan_direct"), PGSTEAL_KSWAPD("pgsteal_kswapd"),
	PGSTEAL_DIRECT("pgsteal_direct"),
	/** allocstall_dma32 + allocstall_normal + allocstall_movable: direct reclaim entries, zones not told apart */
	ALLOCSTALL("allocstall"), PSWPOUT("pswpout"), PSWPIN("pswpin"),
	/** write faults that copied a page: the kernel counts them in pgfault only */
	COW_FAULT(null);

	private final String vmstatName;

	VmEvent(String vmstatName) {
		this.vmstatName = vmstatName;
	}

	/** The name /proc/vmstat prints it under, or null if the kernel has no such counter. */
	public String vmstatName() {
		return vmstatName;
	}
}
