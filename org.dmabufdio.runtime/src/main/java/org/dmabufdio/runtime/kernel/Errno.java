package org.dmabufdio.runtime.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * Linux errno values (include/uapi/asm-generic/errno-base.h, errno.h). Kernel functions in this
 * simulator return them negated, as the kernel does: {@code return -EFAULT;}.
 */
public final class Errno {

	public static final int EPERM = 1;
	public static final int ENOENT = 2;
	public static final int EINTR = 4;
	public static final int EIO = 5;
	public static final int EBADF = 9;
	public static final int EAGAIN = 11;
	public static final int ENOMEM = 12;
	public static final int EACCES = 13;
	public static final int EFAULT = 14;
	public static final int EBUSY = 16;
	public static final int EEXIST = 17;
	public static final int EXDEV = 18;
	public static final int ENODEV = 19;
	public static final int EINVAL = 22;
	public static final int ENOTTY = 25;
	public static final int EFBIG = 27;
	public static final int ENOSPC = 28;
	public static final int ESPIPE = 29;
	public static final int ENOSYS = 38;
	public static final int EOVERFLOW = 75;
	public static final int EOPNOTSUPP = 95;

	private static final Map<String, Integer> BY_NAME = new TreeMap<>();
	private static final Map<Integer, String> BY_CODE = new TreeMap<>();

	static {
		for (java.lang.reflect.Field f : Errno.class.getFields()) {
			if (f.getType() == int.class) {
				try {
					BY_NAME.put(f.getName(), f.getInt(null));
					BY_CODE.put(f.getInt(null), f.getName());
				} catch (IllegalAccessException e) {
					throw new ExceptionInInitializerError(e);
				}
			}
		}
	}

	private Errno() {
	}

	/** The errno with this name ("EFAULT"), or 0 if there is none. */
	public static int byName(String name) {
		return BY_NAME.getOrDefault(name, 0);
	}

	/** The name of this errno (positive or negated), e.g. "EFAULT". */
	public static String name(long errno) {
		return BY_CODE.getOrDefault((int) Math.abs(errno), "E" + Math.abs(errno));
	}

	/** Every errno name the simulator can return, sorted. */
	public static java.util.Set<String> names() {
		return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
	}
}
