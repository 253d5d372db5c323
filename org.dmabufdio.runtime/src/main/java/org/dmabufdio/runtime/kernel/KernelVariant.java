package org.dmabufdio.runtime.kernel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A kernel the simulator can run: a name and the features it carries. */
public record KernelVariant(String name, String description, Set<Feature> features) {

	private static final Map<String, KernelVariant> KNOWN = new LinkedHashMap<>();

	static {
		register(new KernelVariant("baseline", "upstream: the system heap maps with remap_pfn_range()",
				EnumSet.noneOf(Feature.class)));
		register(new KernelVariant("dmabuf_dio_mmap", "seed patch 1 alone: vm_insert_page(), accounting unchanged",
				EnumSet.of(Feature.DMABUF_DIO_MMAP)));
		register(new KernelVariant("dmabuf_dio", "seed patches 1 and 2: vm_insert_page() and VM_DMABUF_DIO",
				EnumSet.of(Feature.DMABUF_DIO_MMAP, Feature.VM_DMABUF_DIO)));
	}

	public KernelVariant {
		features = Collections.unmodifiableSet(features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features));
	}

	private static void register(KernelVariant v) {
		KNOWN.put(v.name, v);
	}

	/** The variant with this name, or null. */
	public static KernelVariant byName(String name) {
		return KNOWN.get(name);
	}

	/** Every named variant, in the order of the seed series. */
	public static Map<String, KernelVariant> known() {
		return Collections.unmodifiableMap(KNOWN);
	}

	public boolean has(Feature feature) {
		return features.contains(feature);
	}

	/** This kernel with extra opt-in features. */
	public KernelVariant with(Set<Feature> extra) {
		EnumSet<Feature> all = EnumSet.noneOf(Feature.class);
		all.addAll(features);
		all.addAll(extra);
		return new KernelVariant(name, description, all);
	}
}
