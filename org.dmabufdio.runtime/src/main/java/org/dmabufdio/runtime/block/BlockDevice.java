package org.dmabufdio.runtime.block;


import org.dmabufdio.runtime.time.Contention;

/**
 * A block device and its request queue (block/blk-mq.c, block/blk-settings.c) as timing needs
 * it: a logical block size, a largest request, a queue depth, a per-request latency and a
 * transfer bandwidth. Requests overlap their latency up to the queue depth; their transfers
 * share the bandwidth, which is the device's own unless DRAM is saturated (its DMA then gets a
 * share, see {@link Contention}).
 */
public final class BlockDevice {

	private final String name;
	private final int logicalBlockSize;
	private final long maxRequestBytes;
	private final double readBytesPerNs;
	private final double writeBytesPerNs;
	private final long latencyNs;
	private final Contention contention;
	/** Completion times of the requests in flight, oldest first: a ring of queueDepth tags. */
	private final long[] inFlight;
	private int inFlightHead;
	private int inFlightCount;
	/** When the transfer path is free again. */
	private long transferFreeAt;
	private long requests;
	private long bytesRead;
	private long bytesWritten;

	public BlockDevice(String name, int logicalBlockSize, long maxRequestBytes, int queueDepth,
			double readBytesPerSecond, double writeBytesPerSecond, long latencyNs, Contention contention) {
		this.name = name;
		this.logicalBlockSize = logicalBlockSize;
		this.maxRequestBytes = maxRequestBytes;
		this.inFlight = new long[Math.max(1, queueDepth)];
		this.readBytesPerNs = readBytesPerSecond / 1e9;
		this.writeBytesPerNs = writeBytesPerSecond / 1e9;
		this.latencyNs = latencyNs;
		this.contention = contention;
	}

	public String name() {
		return name;
	}

	/** bdev_logical_block_size(). */
	public int logicalBlockSize() {
		return logicalBlockSize;
	}

	/** queue_max_sectors() in bytes: the block layer splits larger bios. */
	public long maxRequestBytes() {
		return maxRequestBytes;
	}

	/** bdi->io_pages: readahead may grow to this for large reads. */
	public long ioPages() {
		return maxRequestBytes >>> 12;
	}

	/** queue_dma_alignment() + 1: user buffers for direct I/O must be aligned to this. */
	public int dmaAlignment() {
		return 512;
	}

	/**
	 * {@code submit_bio()} of {@code bytes} at time {@code now}, split into requests of at most
	 * the device's request size; returns when the last of them completes.
	 */
	public long submitBio(long now, long bytes, boolean write) {
		long done = now;
		for (long left = bytes; left > 0; left -= maxRequestBytes) {
			done = Math.max(done, submitRequest(now, Math.min(left, maxRequestBytes), write));
		}
		return done;
	}

	private long submitRequest(long now, long bytes, boolean write) {
		long start = now;
		while (inFlightCount >= inFlight.length) {
			start = Math.max(start, completeOldest()); // wait for a free tag
		}
		while (inFlightCount > 0 && inFlight[inFlightHead] <= start) {
			completeOldest();
		}
		double perNs = write ? writeBytesPerNs : readBytesPerNs;
		long transfer = (long) Math.ceil(bytes / (perNs * contention.dramShare(perNs * 1e9)));
		long transferStart = Math.max(start + latencyNs, transferFreeAt);
		long completion = transferStart + transfer;
		transferFreeAt = completion;
		inFlight[(inFlightHead + inFlightCount++) % inFlight.length] = completion;
		requests++;
		if (write) {
			bytesWritten += bytes;
		} else {
			bytesRead += bytes;
		}
		return completion;
	}

	/** Frees the oldest request's tag; returns when it completes. */
	private long completeOldest() {
		long t = inFlight[inFlightHead];
		inFlightHead = (inFlightHead + 1) % inFlight.length;
		inFlightCount--;
		return t;
	}

	/** Forgets the queue (boot-time I/O happened before time 0). */
	public void resetQueue() {
		inFlightCount = 0;
		transferFreeAt = 0;
	}

	public long requests() {
		return requests;
	}

	public long bytesRead() {
		return bytesRead;
	}

	public long bytesWritten() {
		return bytesWritten;
	}
}
