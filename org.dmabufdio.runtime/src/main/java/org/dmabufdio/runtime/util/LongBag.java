package org.dmabufdio.runtime.util;

import java.util.Arrays;

/**
 * A set of longs with constant-time add, remove and "the last one added that is still here",
 * in primitive arrays: the members in a list (removal moves the last one into the gap) and an
 * open-addressing index from member to list position. No garbage per operation.
 */
final class LongBag {

	private long[] items = new long[8];
	private int size;
	/** Hash slots: key and list position + 1 (0 marks an empty slot). */
	private long[] keys = new long[16];
	private int[] positions = new int[16];

	int size() {
		return size;
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The most recently added member still present (the head of a buddy free list). */
	long last() {
		return items[size - 1];
	}

	void add(long key) {
		if ((size + 1) * 2 > keys.length) {
			rehash(keys.length * 2);
		}
		int slot = slotOf(key);
		if (positions[slot] != 0) {
			return;
		}
		if (size == items.length) {
			items = Arrays.copyOf(items, size * 2);
		}
		items[size] = key;
		keys[slot] = key;
		positions[slot] = ++size;
	}

	void remove(long key) {
		int slot = slotOf(key);
		int pos = positions[slot] - 1;
		if (pos < 0) {
			throw new IllegalStateException(key + " is not in the bag");
		}
		long moved = items[--size];
		if (pos != size) {
			items[pos] = moved;
			positions[slotOf(moved)] = pos + 1;
		}
		deleteSlot(slot);
	}

	/** The slot holding {@code key}, or the empty slot where it would go. */
	private int slotOf(long key) {
		int mask = keys.length - 1;
		int slot = mix(key) & mask;
		while (positions[slot] != 0 && keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/** Linear-probing deletion: shifts later entries of the cluster back, so no tombstones. */
	private void deleteSlot(int slot) {
		int mask = keys.length - 1;
		int hole = slot;
		positions[hole] = 0;
		int next = (hole + 1) & mask;
		while (positions[next] != 0) {
			int home = mix(keys[next]) & mask;
			// move the entry into the hole if its home is not cyclically in (hole, next]
			boolean between = hole <= next ? home > hole && home <= next : home > hole || home <= next;
			if (!between) {
				keys[hole] = keys[next];
				positions[hole] = positions[next];
				positions[next] = 0;
				hole = next;
			}
			next = (next + 1) & mask;
		}
	}

	private void rehash(int capacity) {
		long[] oldKeys = keys;
		int[] oldPositions = positions;
		keys = new long[capacity];
		positions = new int[capacity];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldPositions[i] != 0) {
				int slot = slotOf(oldKeys[i]);
				keys[slot] = oldKeys[i];
				positions[slot] = oldPositions[i];
			}
		}
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}
}
