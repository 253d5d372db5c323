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

	/** What {@code strerror()} says for each (glibc's texts). */
	private static final Map<String, String> MESSAGES = Map.ofEntries(Map.entry("EPERM", "Operation not permitted"),
			Map.entry("ENOENT", "No such file or directory"), Map.entry("EINTR", "Interrupted system call"),
			Map.entry("EIO", "Input/output error"), Map.entry("EBADF", "Bad file descriptor"),
			Map.entry("EAGAIN", "Resource temporarily unavailable"), Map.entry("ENOMEM", "Cannot allocate memory"),
			Map.entry("EACCES", "Permission denied"), Map.entry("EFAULT", "Bad address"),
			Map.entry("EBUSY", "Device or resource busy"), Map.entry("EEXIST", "File exists"),
			Map.entry("EXDEV", "Invalid cross-device link"), Map.entry("ENODEV", "No such device"),
			Map.entry("EINVAL", "Invalid argument"), Map.entry("ENOTTY", "Inappropriate ioctl for device"),
			Map.entry("EFBIG", "File too large"), Map.entry("ENOSPC", "No space left on device"),
			Map.entry("ESPIPE", "Illegal seek"), Map.entry("ENOSYS", "Function not implemented"),
			Map.entry("EOVERFLOW", "Value too large for defined data type"),
			Map.entry("EOPNOTSUPP", "Operation not supported"));

	/** {@code strerror()} of the errno named {@code name} ("Bad address" for EFAULT), or "" if unknown. */
	public static String message(String name) {
		return MESSAGES.getOrDefault(name, "");
	}

	/** Every errno name the simulator can return, sorted. */
	public static java.util.Set<String> names() {
		return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
	}
}
