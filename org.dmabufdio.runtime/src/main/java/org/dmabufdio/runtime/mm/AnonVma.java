package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * An anon_vma (mm/rmap.c): the owner of anonymous pages born in one vma, keyed by virtual page
 * number, and the vmas that map them (the parent's and, after fork, the children's).
 */
public final class AnonVma {

	/** Index in the kernel's table of anonymous owners, as kept in ANON ptes. */
	final int id;
	final Pages pages;
	final List<Vma> mappers = new ArrayList<>();

	AnonVma(int id, String name) {
		this.id = id;
		this.pages = new Pages(Pages.Kind.ANON, name);
	}

	public Pages pages() {
		return pages;
	}
}
