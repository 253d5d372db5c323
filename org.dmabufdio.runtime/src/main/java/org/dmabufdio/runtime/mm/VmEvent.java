package org.dmabufdio.runtime.mm;

/** Event counters of /proc/vmstat (enum vm_event_item, include/linux/vm_event_item.h). */
public enum VmEvent {
	PGFAULT, PGMAJFAULT, PGACTIVATE, PGDEACTIVATE, PGREFILL,
	PGSCAN_KSWAPD, PGSCAN_DIRECT, PGSTEAL_KSWAPD, PGSTEAL_DIRECT, ALLOCSTALL,
	PSWPOUT, PSWPIN, PGPGIN, PGPGOUT, COW_FAULT
}
