package org.dmabufdio.runtime.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The device profiles shipped with the simulator (data files next to this class). */
public final class DeviceProfiles {

	/** The profiles, in the order reports list them; the first is the default. */
	public static final List<String> NAMES = List.of("phone_16g_ufs40", "phone_12g_ufs40", "server_nvme", "qemu_virtio");

	private static Map<String, DeviceProfile> loaded;

	private DeviceProfiles() {
	}

	/** The device a scenario runs on when it names none: the seed's phone. */
	public static DeviceProfile defaultProfile() {
		return get(NAMES.get(0));
	}

	/** The profile with this name, or null. */
	public static synchronized DeviceProfile get(String name) {
		return all().get(name);
	}

	public static synchronized Map<String, DeviceProfile> all() {
		if (loaded == null) {
			Map<String, DeviceProfile> map = new LinkedHashMap<>();
			for (String name : NAMES) {
				try (InputStream in = DeviceProfiles.class.getResourceAsStream(name + ".profile")) {
					if (in == null) {
						throw new IllegalStateException("missing device profile " + name + ".profile");
					}
					map.put(name, DeviceProfile.read(name + ".profile", in));
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			loaded = map;
		}
		return loaded;
	}
}
